//! Fuzz target: see `sdg_props::shared_action` for what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sdg_props::shared_action(data));
