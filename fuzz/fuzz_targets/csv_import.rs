//! Fuzz target: see `sdg_props::csv_import` for what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sdg_props::csv_import(data));
