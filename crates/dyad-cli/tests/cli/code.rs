//! `dyad code` as users run it: large outputs stay valid line by line in every record mode, and
//! bad inputs (binary, invalid UTF-8, empty, a giant single line) each get a one-line error that
//! names the file while the other documents are coded and stored.

use std::path::Path;
use std::process::{Command, Output};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad")).args(args).output().expect("run dyad")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A JSONL corpus of `n` short articles, several events each.
fn corpus(path: &Path, n: usize) {
    let mut out = String::new();
    for i in 0..n {
        let body = format!(
            "Russia attacked Ukraine on Monday, report {i} says. \"We will respond,\" President Volodymyr Zelensky said. \
             France condemned Russia. At least 40 people were killed, officials said. China praised Kazakhstan."
        );
        let doc = serde_json::json!({"id": format!("d{i}"), "date": "2024-03-06", "text": body});
        out.push_str(&doc.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn large_outputs_are_whole_json_lines_in_every_record_mode() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    corpus(&input, 600);
    let input = input.to_str().unwrap();
    for records in ["events", "events,quotes,figures", "quotes"] {
        let out = dyad(&["code", input, "--quiet", "--keep-duplicates", "--records", records]);
        assert!(out.status.success(), "--records {records}: {}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert!(stdout.len() > 64 * 1024, "the output spans many buffers");
        let mut kinds = std::collections::BTreeSet::new();
        for line in stdout.lines() {
            let v: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("--records {records}: bad line {e}: {line}"));
            kinds.insert(if v.get("speaker").is_some() {
                "quote"
            } else if v.get("cameo").is_some() || v.get("code").is_some() && v.get("source").is_some() {
                "event"
            } else {
                "figure"
            });
        }
        let expected = records.split(',').count();
        assert_eq!(kinds.len(), expected, "--records {records} gave {kinds:?}");
    }
    let out = dyad(&["code", input, "--quiet", "--keep-duplicates", "--format", "csv"]);
    assert!(out.status.success());
    let csv = text(&out.stdout);
    let width = csv.lines().next().unwrap().split(',').count();
    assert!(csv.lines().count() > 600, "one CSV row per event");
    assert!(width > 10, "a header with every field");
}

#[test]
fn bad_inputs_are_named_and_the_rest_is_coded_and_stored() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    let noise: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(inputs.join("a-binary.bin"), noise).unwrap();
    std::fs::write(inputs.join("b-empty.txt"), b"").unwrap();
    std::fs::write(inputs.join("c-giant.txt"), "Russia attacked Ukraine. ".repeat(120_000)).unwrap();
    std::fs::write(inputs.join("d-invalid.txt"), b"France praised Germany.\n\xff\xfe broken bytes here\n").unwrap();
    std::fs::write(inputs.join("e-good.txt"), "China criticised Japan on Tuesday.\n").unwrap();
    let dirs = inputs.to_str().unwrap();

    let out = dyad(&["code", dirs, "--date", "2024-03-06", "--max-doc-bytes", "1000000", "--format", "csv"]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "some inputs failed: exit 1\n{stderr}");
    for name in ["a-binary.bin", "b-empty.txt", "c-giant.txt"] {
        let line =
            stderr.lines().find(|l| l.contains(name)).unwrap_or_else(|| panic!("no error names {name}: {stderr}"));
        assert!(line.len() < 300, "a one-line error: {line}");
    }
    assert!(stdout.contains("FRA") && stdout.contains("CHN"), "the good documents are coded: {stdout}");

    // The store keeps what an earlier run stored and adds the good documents of a run with bad ones.
    let db = dir.path().join("s.sqlite");
    let db = db.to_str().unwrap();
    let first = inputs.join("e-good.txt");
    let out = dyad(&["ingest", first.to_str().unwrap(), "--db", db, "--date", "2024-03-06"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = dyad(&["ingest", dirs, "--db", db, "--date", "2024-03-06", "--max-doc-bytes", "1000000"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let events = dyad(&["export", "--db", db, "--format", "csv"]);
    let csv = text(&events.stdout);
    assert!(csv.contains("CHN") && csv.contains("FRA"), "both runs' events are stored: {csv}");
}

#[test]
fn ingest_stores_quotes_and_figures_and_export_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    corpus(&input, 3);
    let db = dir.path().join("s.sqlite");
    let (input, db) = (input.to_str().unwrap(), db.to_str().unwrap());
    // By default only events are stored; asking for quotes and figures adds them.
    let out = dyad(&["ingest", input, "--db", db, "--quiet"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let quotes = dyad(&["export", "--db", db, "--records", "quotes", "--format", "jsonl"]);
    assert_eq!(text(&quotes.stdout), "", "no quotes stored without --records");
    let out = dyad(&["recode", "--db", db, "--all", "--quiet", "--records", "events,quotes,figures"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let quotes = dyad(&["export", "--db", db, "--records", "quotes", "--format", "jsonl", "--source", "UKR"]);
    assert!(quotes.status.success(), "{}", text(&quotes.stderr));
    let lines: Vec<serde_json::Value> =
        text(&quotes.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3, "one quotation by Zelensky per document");
    assert!(lines.iter().all(|q| q["speaker"]["code"] == "UKRGOV" && q["text"] == "We will respond"));
    let figures = dyad(&["export", "--db", db, "--records", "figures", "--format", "jsonl"]);
    let text_out = text(&figures.stdout);
    assert!(text_out.contains("\"counted\":\"people\""), "{text_out}");
    let bad = dyad(&["export", "--db", db, "--records", "quotes", "--format", "csv"]);
    assert_eq!(bad.status.code(), Some(2), "quotes are JSONL only");
    let none = dyad(&["ingest", input, "--db", db, "--records", "quotes"]);
    assert_eq!(none.status.code(), Some(2), "the store always keeps events");
}
