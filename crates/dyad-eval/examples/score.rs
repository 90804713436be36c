//! Scores the coder against a gold file without the CLI:
//! `cargo run --release -p dyad-eval --example score -- GOLD.jsonl [--misses] [--dict DIR]`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: score GOLD.jsonl [--misses] [--dict DIR]");
        std::process::exit(2);
    };
    let records = dyad_eval::load(path).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let coder = match args.iter().position(|a| a == "--dict") {
        Some(i) => {
            let dir = std::path::Path::new(&args[i + 1]);
            dyad_coder::Coder::new(dyad_dict::Dictionaries::from_dir(dir).expect("dictionary directory").0)
        }
        None => dyad_coder::Coder::embedded(),
    };
    let report = dyad_eval::score(&coder, &records);
    print!("{report}");
    if args.iter().any(|a| a == "--misses") {
        println!("\n{}", report.misses_text());
    }
}
