//! Small shared pieces of UI.

pub mod cite;
pub mod dialog;
pub mod embed;
pub mod filters;
pub mod kiosk;
pub mod link;
pub mod more;
pub mod nav;
pub mod notices;
pub mod plain;
pub mod plot;
pub mod search;
pub mod source_link;
pub mod status;
pub mod take_home;
pub mod update;
pub mod year_player;
