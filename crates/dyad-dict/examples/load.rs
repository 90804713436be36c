//! Times each step of loading the built-in dictionaries: `cargo run --release -p dyad-dict --example load`.
fn main() {
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let d = dyad_dict::Dictionaries::embedded_unchecked();
        let parsed = t.elapsed();
        let t = std::time::Instant::now();
        let c = d.compile();
        let compiled = t.elapsed();
        eprintln!("parse {parsed:?}, compile {compiled:?} ({} names, {} patterns)", c.name_count(), c.patterns.len());
    }
}
