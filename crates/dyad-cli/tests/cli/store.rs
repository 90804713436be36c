//! `dyad ingest`, `recode`, `search`, `export`, `series`, `actors`, `dyads` and `shifts` over a
//! store in a fresh directory, and the crash test: an ingest killed with SIGKILL mid-run leaves a
//! sound store, and running it again gives exactly the counts of a clean run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const NEWS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cli/fixtures/news.jsonl");

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad")).args(args).output().expect("run dyad")
}

fn ok(args: &[&str]) -> (String, String) {
    let out = dyad(args);
    let (stdout, stderr) =
        (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned());
    assert!(out.status.success(), "dyad {args:?} failed ({})\n--- stdout\n{stdout}\n--- stderr\n{stderr}", out.status);
    (stdout, stderr)
}

fn ingested(dir: &Path) -> String {
    let db = dir.join("news.sqlite").to_string_lossy().into_owned();
    ok(&["ingest", NEWS, "--db", &db]);
    db
}

#[test]
fn ingest_is_idempotent_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite").to_string_lossy().into_owned();
    let (_, first) = ok(&["ingest", NEWS, "--db", &db]);
    assert!(first.contains("5 documents read: 5 stored, 0 already stored"), "{first}");
    let (_, again) = ok(&["ingest", NEWS, "--db", &db]);
    assert!(again.contains("5 documents read: 0 stored, 5 already stored; 0 events stored"), "{again}");
    let (_, recode) = ok(&["recode", "--db", &db]);
    assert!(recode.contains("nothing to do"), "{recode}");
    let (_, all) = ok(&["recode", "--db", &db, "--all"]);
    assert!(all.contains("re-coded 5 documents"), "{all}");
}

#[test]
fn search_shows_sentences_with_their_events() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingested(dir.path());
    let (out, _) = ok(&["search", "Baikonur", "--db", &db]);
    assert!(out.contains("[Baikonur]"), "{out}");
    assert!(out.contains("astana-2"), "{out}");
    let (json, _) = ok(&["search", "criticised", "--db", &db, "--json"]);
    let hit: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(hit["doc_id"], "astana-1");
    assert_eq!(hit["events"][0], "KAZ IGONAT 111");
}

#[test]
fn exports_gdelt_polecat_csv_and_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingested(dir.path());
    let (gdelt, _) = ok(&["export", "--format", "gdelt", "--db", &db]);
    let rows: Vec<Vec<&str>> = gdelt.lines().map(|l| l.split('\t').collect()).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.len() == 61));
    assert!(rows.iter().all(|r| r[26].len() >= 3 && r[26].starts_with(r[28])), "event codes keep their leading zeros");
    // Putin met Tokayev in both Reuters sentences: one aggregate, two mentions, one article.
    let meet = rows.iter().find(|r| r[5] == "RUSGOV" && r[15] == "KAZGOV" && r[26] == "040").unwrap();
    assert_eq!((meet[31], meet[32], meet[33]), ("2", "1", "1"));
    let (with_header, _) = ok(&["export", "--format", "gdelt", "--db", &db, "--header"]);
    assert!(with_header.starts_with("GLOBALEVENTID\tSQLDATE\t"));
    let (tsv, _) = ok(&["export", "--format", "polecat-tsv", "--db", &db, "--source", "Kazakhstan"]);
    let body: Vec<&str> = tsv.lines().skip(1).collect();
    assert!(!body.is_empty() && body.iter().all(|l| l.split('\t').nth(8) == Some("KAZ")), "{tsv}");
    let (plover, _) = ok(&["export", "--format", "polecat", "--db", &db, "--root", "12"]);
    let rec: serde_json::Value = serde_json::from_str(plover.lines().next().unwrap()).unwrap();
    assert_eq!(rec["event"][0], "REJECT");
    let out = dir.path().join("e.csv");
    ok(&["export", "--format", "csv", "--db", &db, "--from", "2024-04-01", "-o", out.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with("event_id,doc_id"));
    assert!(!csv.contains("2024-03-12"), "--from keeps later events only");
    let (jsonl, _) = ok(&["export", "--format", "jsonl", "--db", &db, "--one-a-day"]);
    let (all, _) = ok(&["export", "--format", "jsonl", "--db", &db]);
    assert!(jsonl.lines().count() < all.lines().count());
    let bad = dyad(&["export", "--format", "xml", "--db", &db]);
    assert_eq!(bad.status.code(), Some(2));
}

#[cfg(feature = "parquet")]
#[test]
fn exports_parquet_partitions() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingested(dir.path());
    let out = dir.path().join("pq");
    ok(&["export", "--format", "parquet", "--db", &db, "-o", out.to_str().unwrap()]);
    for month in ["03", "04", "05"] {
        assert!(out.join("year=2024").join(format!("month={month}")).join("part-0.parquet").exists());
    }
}

#[test]
fn series_by_name_or_code_with_a_chart() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingested(dir.path());
    let (by_name, _) =
        ok(&["series", "Kazakhstan", "Russia", "--db", &db, "--by", "month", "--csv", "--both-directions"]);
    let (by_code, _) = ok(&["series", "KAZ", "RUS", "--db", &db, "--by", "month", "--csv", "--both-directions"]);
    assert_eq!(by_name, by_code);
    let mut lines = by_code.lines();
    assert_eq!(
        lines.next().unwrap(),
        "period,events,goldstein_sum,goldstein_mean,verbal_coop,material_coop,verbal_conflict,material_conflict"
    );
    assert!(lines.next().unwrap().starts_with("2024-03-01,"));
    let (quad, _) = ok(&["series", "KAZGOV", "*", "--db", &db, "--metric", "quad"]);
    assert!(quad.lines().next().unwrap().contains("material_conflict"));
    let svg = dir.path().join("s.svg");
    ok(&["series", "KAZ", "RUS", "--db", &db, "--both-directions", "--by", "day", "--plot", svg.to_str().unwrap()]);
    let chart = std::fs::read_to_string(&svg).unwrap();
    assert!(chart.contains("<svg") && chart.contains("mean Goldstein"), "{chart}");
    let unknown = dyad(&["series", "Kazakhztan", "RUS", "--db", &db]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("did you mean Kazakhstan"));
}

#[test]
fn actors_dyads_and_shifts_run() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingested(dir.path());
    let (actors, _) = ok(&["actors", "--db", &db, "--top", "3"]);
    assert!(actors.lines().nth(1).unwrap().starts_with("KAZ"), "{actors}");
    let (dyads, _) = ok(&["dyads", "--db", &db, "--csv"]);
    assert!(dyads.starts_with("source,target,events,cooperation,conflict,balance"));
    let (shifts, _) = ok(&["shifts", "--db", &db]);
    assert!(shifts.contains("KAZ → RUS"), "{shifts}");
    let (one, _) = ok(&["shifts", "Kazakhstan", "RUS", "--db", &db, "--both-directions"]);
    assert!(one.contains("KAZ ↔ RUS"), "{one}");
}

// ---- Crash safety ----

/// A corpus big enough that a debug build takes seconds to ingest it: `n` articles of five
/// sentences between ten countries over a year.
fn synthetic_corpus(path: &Path, n: usize) {
    let countries =
        ["Kazakhstan", "Russia", "China", "France", "Germany", "Japan", "India", "Brazil", "Turkey", "Iran"];
    let verbs = ["met", "criticised", "threatened", "accused", "praised", "rejected", "visited", "condemned"];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |m: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % m as u64) as usize
    };
    let mut out = String::new();
    for i in 0..n {
        let mut text = String::new();
        for s in 0..5 {
            let a = countries[next(10)];
            let mut b = countries[next(10)];
            if a == b {
                b = "Ukraine";
            }
            text.push_str(&format!("{a} {} {b} on day {s} of report {i}. ", verbs[next(verbs.len())]));
        }
        let day = 1 + next(28);
        let month = 1 + next(12);
        let doc = serde_json::json!({
            "id": format!("syn-{i}"), "url": format!("https://outlet{}.example/{i}", next(7)),
            "date": format!("2024-{month:02}-{day:02}"), "text": text,
        });
        out.push_str(&doc.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

/// Counts that must match between a clean run and a killed-and-resumed one.
fn census(db: &Path) -> Vec<i64> {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    [
        "SELECT count(*) FROM documents",
        "SELECT count(*) FROM sentences",
        "SELECT count(*) FROM mentions",
        "SELECT count(*) FROM events",
        "SELECT coalesce(sum(num_mentions), 0) FROM events",
        "SELECT coalesce(sum(num_sources), 0) FROM events",
        "SELECT coalesce(sum(num_articles), 0) FROM events",
        "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'report'",
    ]
    .iter()
    .map(|q| c.query_row(q, [], |r| r.get(0)).unwrap())
    .collect()
}

fn stored_documents(db: &Path) -> Option<i64> {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    c.busy_timeout(Duration::from_millis(200)).ok()?;
    c.query_row("SELECT count(*) FROM documents", [], |r| r.get(0)).ok()
}

#[test]
fn a_killed_ingest_leaves_a_sound_store_and_resumes_to_the_clean_counts() {
    const DOCS: usize = 3000;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    synthetic_corpus(&corpus, DOCS);
    let corpus = corpus.to_str().unwrap();
    let clean: PathBuf = dir.path().join("clean.sqlite");
    ok(&["ingest", corpus, "--db", clean.to_str().unwrap(), "--batch", "32", "-q"]);
    let want = census(&clean);
    assert_eq!(want[0], DOCS as i64);
    assert!(want[2] > DOCS as i64, "the synthetic corpus codes into events: {want:?}");

    let killed = dir.path().join("killed.sqlite");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["ingest", corpus, "--db", killed.to_str().unwrap(), "--batch", "32", "-q"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let at_kill = loop {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("ingest finished ({status}) before it could be killed: make the corpus bigger");
        }
        if let Some(n) = stored_documents(&killed).filter(|&n| n >= 64) {
            child.kill().unwrap(); // SIGKILL: no destructor, no rollback, no checkpoint
            child.wait().unwrap();
            break n;
        }
        assert!(started.elapsed() < Duration::from_secs(120), "no batch committed in two minutes");
        std::thread::sleep(Duration::from_millis(5));
    };
    assert!((at_kill as usize) < DOCS, "killed mid-run");
    // PRAGMA integrity_check, then FTS5's check of the sentence index against the sentences.
    let store = dyad_store::Store::open(&killed).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    drop(store);
    let partial = census(&killed);
    assert_eq!(partial[0] % 32, 0, "only whole batches are stored: {partial:?}");

    let (_, resumed) = ok(&["ingest", corpus, "--db", killed.to_str().unwrap(), "--batch", "32"]);
    assert!(resumed.contains(&format!("{} already stored", partial[0])), "{resumed}");
    assert_eq!(census(&killed), want, "resumed store differs from a clean run");
}
