//! Integration tests for dyad-ingest, one binary: extraction quality on hand-labelled fixtures,
//! the WARC fixture's generator, and every kind of bad input.

mod bad_input;
mod extraction;
mod support;
