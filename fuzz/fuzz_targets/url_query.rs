//! Fuzz target: see `sdg_props::url_query` for what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sdg_props::url_query(data));
