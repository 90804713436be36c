//! Coreference on hand-written passages: the last sentence's event has a pronoun or a definite
//! description as its source, which must resolve to the expected actor. Prints the accuracy.

use dyad_coder::Coder;
use dyad_model::Document;

#[test]
fn pronouns_and_definite_descriptions_resolve() {
    let coder = Coder::embedded().with_places(false);
    let fixture = include_str!("fixtures/pronouns.tsv");
    let (mut total, mut right) = (0, 0);
    let mut misses = Vec::new();
    for line in fixture.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let (date, passage, expected) = (f[0], f[1], f[2]);
        let mut doc = Document::from_text(passage);
        doc.published = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        let events = coder.code(&doc);
        let last = events.iter().map(|e| e.sentence_index).max().unwrap_or(0);
        let ok = events
            .iter()
            .filter(|e| e.sentence_index == last && e.sentence_index > 0)
            .any(|e| e.source.code == expected && e.source.resolved_by.is_some());
        total += 1;
        if ok {
            right += 1;
        } else {
            let got: Vec<String> = events.iter().map(|e| format!("{}:{}", e.sentence_index, e.source.code)).collect();
            misses.push(format!("{passage} → expected {expected}, got {got:?}"));
        }
    }
    let accuracy = right as f64 / total as f64;
    println!("coreference: {right}/{total} = {accuracy:.3}");
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(total >= 60, "the test set has at least 60 passages");
    assert!(accuracy >= 0.75, "coreference accuracy {accuracy:.3} below 0.75");
}
