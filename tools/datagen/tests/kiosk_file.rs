//! The bundled `kiosk.json` passes the app's own check and every stop of its loop is
//! a view state the app understands.

use sdg_core::kiosk::KioskConfig;

#[test]
fn the_bundled_kiosk_settings_are_valid() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/kiosk.json");
    let text = std::fs::read_to_string(path).unwrap();
    let config = KioskConfig::parse("kiosk.json", &text).unwrap();
    assert_eq!(config, KioskConfig::default());
    assert!(config.stops.len() >= 4);
}
