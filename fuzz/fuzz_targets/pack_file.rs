//! Fuzz target: see `sdg_props::pack_file` for what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sdg_props::pack_file(data));
