//! Small shared pieces of UI.

pub mod filters;
pub mod link;
pub mod nav;
pub mod notices;
pub mod plot;
pub mod search;
pub mod status;
pub mod year_player;
