//! Dictionary review on real news, without rebuilding: reads the dictionaries from a directory and
//! either explains sentences or samples a corpus.
//!
//! ```text
//! cargo run --release -p dyad-coder --example review -- explain data "Moscow condemned the move." [DATE]
//! cargo run --release -p dyad-coder --example review -- events data CORPUS.jsonl [N]     # N coded sentences
//! cargo run --release -p dyad-coder --example review -- uncoded data CORPUS.jsonl [N]    # N sentences with 2+ actors, no event
//! ```
use dyad_coder::Coder;
use dyad_dict::{Dictionaries, Severity};
use dyad_model::Document;

fn coder(dir: &str) -> Coder {
    let (d, problems) = Dictionaries::from_dir(std::path::Path::new(dir)).expect("dictionary directory");
    for p in problems.iter().filter(|p| p.severity == Severity::Error) {
        eprint!("{p}");
    }
    Coder::new(d)
}

fn corpus(path: &str) -> Vec<Document> {
    std::fs::read_to_string(path)
        .expect("corpus file")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let mut d = Document::from_text(v["text"].as_str().unwrap_or("").to_string());
            d.published = v["date"].as_str().and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
            d
        })
        .collect()
}

fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let (mode, dir) = (a.first().map(String::as_str).unwrap_or(""), a.get(1).cloned().unwrap_or_else(|| "data".into()));
    match mode {
        "explain" => {
            let c = coder(&dir);
            let mut doc = Document::from_text(a.get(2).cloned().unwrap_or_default());
            doc.published =
                chrono::NaiveDate::parse_from_str(a.get(3).map(String::as_str).unwrap_or("2024-01-01"), "%Y-%m-%d")
                    .ok();
            for t in c.explain(&doc).1 {
                println!("sentence \"{}\"", t.sentence);
                for n in t.notes {
                    println!("  {n}");
                }
            }
        }
        "events" | "uncoded" => {
            let c = coder(&dir);
            let n: usize = a.get(3).and_then(|s| s.parse().ok()).unwrap_or(50);
            let docs = corpus(a.get(2).expect("corpus path"));
            let mut shown = 0;
            // A fixed stride spreads the sample over the corpus.
            for d in docs.iter().step_by(7) {
                for t in c.explain(d).1 {
                    let events: Vec<&String> = t.notes.iter().filter(|n| n.starts_with("event")).collect();
                    let actors = t.notes.iter().filter(|n| n.starts_with("actor") && !n.contains("pronoun")).count();
                    let show = if mode == "events" { !events.is_empty() } else { events.is_empty() && actors >= 2 };
                    if show && shown < n {
                        shown += 1;
                        println!("\"{}\"", t.sentence);
                        for n in &t.notes {
                            if mode == "uncoded"
                                || n.starts_with("event")
                                || n.starts_with("pattern")
                                || n.starts_with("frame")
                            {
                                println!("  {n}");
                            }
                        }
                    }
                }
            }
        }
        _ => eprintln!("usage: review explain|events|uncoded DICT_DIR ..."),
    }
}
