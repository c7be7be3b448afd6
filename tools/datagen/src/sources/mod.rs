//! One module per family of raw sources; each turns rows into observations.

pub mod actions;
pub mod context;
pub mod korea;
pub mod opensdg;
pub mod unsd;
pub mod who;
