//! The full app: every view.

fn main() {
    urban_sdg_explorer::start(urban_sdg_explorer::EVERY_VIEW);
}
