//! Scene builders: from resolved state and loaded tables to what each view draws. A
//! view component renders a scene and turns events into state changes; every
//! decision in between is here, tested natively.
//!
//! - [`rows`]: the selection of cities shared by the map, table and charts.
//! - [`map`]: the map in one place: frame and zoom, placed symbols and decluttering,
//!   colours and legend, boundaries, keyboard and gestures.
//! - [`charts`]: the specs of the charts over time, the ranking and the scatter.
//! - [`table`]: sorting and paging.
//! - [`indicator`]: leaders and laggards, distribution.
//! - [`korea`]: Korea's Goal 11 implementation matrix.
//! - [`korea_map`]: the Korea map beside it, by series or by actions.
//! - [`report`]: the print-ready city report.
//! - [`landing`]: the landing page's map, computed at build time.

pub mod charts;
pub mod indicator;
pub mod korea;
pub mod korea_map;
pub mod landing;
pub mod map;
pub mod report;
pub mod rows;
pub mod table;

pub use rows::Row;
