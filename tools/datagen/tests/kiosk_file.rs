//! The bundled `kiosk.json` passes the app's own check, every stop of its loop is a
//! view state the app understands, and every stop has a caption in every interface
//! language (a kiosk at a forum may be switched to any of them).

use sdg_core::i18n::Lang;
use sdg_core::kiosk::KioskConfig;

#[test]
fn the_bundled_kiosk_settings_are_valid_and_speak_every_language() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/kiosk.json");
    let text = std::fs::read_to_string(path).unwrap();
    let config = KioskConfig::parse("kiosk.json", &text).unwrap();
    assert!(config.stops.len() >= 4, "a loop worth watching");
    for (i, stop) in config.stops.iter().enumerate() {
        for lang in Lang::ALL {
            assert!(
                stop.caption
                    .exact(lang.key())
                    .is_some_and(|c| !c.trim().is_empty()),
                "stop {i} ({}) has no {} caption",
                stop.query,
                lang.key()
            );
        }
    }
}
