//! Urban SDG Explorer: a browser-side explorer of cities' progress on SDG 11.
//!
//! The views only wire signals to the pure core (`crates/sdg-core`); see the README
//! for the layout.

mod app;
mod components;
mod download;
mod loader;
mod selection;
mod state;
mod views;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
