//! One module per view; each only wires signals to the core.

pub mod actions;
pub mod chart;
pub mod city;
pub mod indicator;
pub mod korea;
pub mod korea_map;
pub mod landing_map;
pub mod map;
pub mod mydata;
pub mod overview;
pub mod peers;
pub mod report;
pub mod share;
pub mod sources;
pub mod table;
