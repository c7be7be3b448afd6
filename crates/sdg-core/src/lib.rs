//! The pure core of Urban SDG Explorer: everything that is not drawing.
//!
//! It knows nothing of the DOM, so it compiles natively and is tested with
//! `cargo test`. The app (`src/`) wires its views to these functions and the data tool
//! (`tools/datagen`) writes and validates the same types.
//!
//! - [`actions`]: cities' own Goal 11 actions: filters, search, counts.
//! - [`model`]: the bundle's types (framework, gazetteer, observations, manifest).
//! - [`localized`]: a text in several languages (every name and title of the model).
//! - [`load`]: parsing and validation shared by the app and the tool's validator.
//! - [`bundle`]: loading a manifest's packs in order through those checks.
//! - [`assess`]: status from thresholds, SDSN trend, ranks.
//! - [`filter`]: the criteria of a selection and what passes them.
//! - [`fold`]: text folding and slugs (a leaf: everything folds through it).
//! - [`query`]: latest values, selections, a series' tables merged over packs.
//! - [`profile`]: city profile rows and indicator-page statistics.
//! - [`url_state`]: the view state and its query string.
//! - [`names`]: what a place name says (stem, kind, parent, qualifier), for the
//!   import and the data tool alike.
//! - [`nav`]: what a link carries, its href, and the push-or-replace history rule.
//! - [`resolve`]: from the view state to the series, notices and files a view needs.
//! - [`loading`]: the queue that loads fetched files in dependency order.
//! - [`limits`]: plausible years, concentrations and kiosk times, for every reader.
//! - [`lists`]: filter options, search suggestions, peers.
//! - [`peers`]: "cities like yours": comparable cities' actions on a city's hard targets.
//! - [`qr`]: the QR code of a permalink, as one SVG path (the kiosk's "take it home").
//! - [`words`]: sentences that say what each chart and profile row shows.
//! - [`scene`]: what each view draws (charts, table, indicator page, and the map
//!   in one place: frame, symbols, colour, interaction).
//! - [`style`]: status colours, symbols and labels.
//! - [`svg`]: numbers written into SVG path data.
//! - [`i18n`]: the interface languages, their message files, number formatting.
//! - [`chart`]: charts laid out by plotters into drawable primitives.
//! - [`export`]: CSV of a selection.
//! - [`credits`]: the source and licence line of charts, maps and downloads.
//! - [`cite`]: "Cite this": a view's citation with the data's version, and links
//!   pinned to another version.
//! - [`first_paint`]: the states painted into static markup at build time, and how
//!   a URL finds its frame before the wasm arrives.
//! - [`geo`]: TopoJSON, the Equal Earth projection, SVG paths.

#![warn(missing_docs)]

pub mod actions;
pub mod assess;
pub mod bundle;
pub mod chart;
pub mod cite;
pub mod credits;
pub mod csv;
pub mod export;
pub mod filter;
pub mod first_paint;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod fold;
pub mod geo;
pub mod i18n;
pub mod kiosk;
pub mod limits;
pub mod lists;
pub mod load;
pub mod loading;
pub mod localized;
pub mod model;
pub mod names;
pub mod nav;
pub mod node;
pub mod peers;
pub mod profile;
pub mod qr;
pub mod query;
pub mod resolve;
pub mod scene;
pub mod share;
pub mod style;
pub mod svg;
pub mod url_state;
pub mod userdata;
pub mod words;

/// A hash map with the fast Fx hash, for the per-row lookups of loading, merging,
/// filtering and placing symbols (see the dependency's comment in Cargo.toml).
pub type FastMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;

/// A hash set with the fast Fx hash (see [`FastMap`]).
pub type FastSet<T> = std::collections::HashSet<T, rustc_hash::FxBuildHasher>;
