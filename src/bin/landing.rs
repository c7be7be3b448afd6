//! The landing build: the plain landing page only, for a light first view. It hands
//! the page to the full app for any other state (see `start_landing`).

fn main() {
    urban_sdg_explorer::start_landing();
}
