//! Fuzzes the warc reader: no panic, no hang, spans always slice the body.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::run(dyad_ingest::Format::Warc, data));
