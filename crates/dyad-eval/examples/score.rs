//! Scores the built-in dictionaries against a gold file without the CLI:
//! `cargo run --release -p dyad-eval --example score -- GOLD.jsonl [--misses]`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: score GOLD.jsonl [--misses]");
        std::process::exit(2);
    };
    let records = dyad_eval::load(path).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let report = dyad_eval::score(&dyad_coder::Coder::embedded(), &records);
    print!("{report}");
    if args.iter().any(|a| a == "--misses") {
        println!("\n{}", report.misses_text());
    }
}
