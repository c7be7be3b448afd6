//! Small shared pieces of UI.

pub mod progress;
