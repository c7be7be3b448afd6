//! One module per view; each only wires signals to the core.

pub mod overview;
pub mod sources;
