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

/// The targets of the last sentence's events, as (code, resolved_by).
fn last_targets(passage: &str) -> Vec<(String, Option<String>)> {
    let coder = Coder::embedded().with_places(false);
    let mut doc = Document::from_text(passage);
    doc.published = chrono::NaiveDate::from_ymd_opt(2024, 5, 1);
    let events = coder.code(&doc);
    let last = events.iter().map(|e| e.sentence_index).max().unwrap_or(0);
    events
        .iter()
        .filter(|e| e.sentence_index == last)
        .filter_map(|e| e.target.as_ref().map(|t| (t.code.clone(), t.resolved_by.clone())))
        .collect()
}

#[test]
fn implicit_target_is_inferred_only_when_one_counterpart_is_salient() {
    let inferred = Some("inferred".to_string());
    let one = last_targets("Japan and Vietnam held talks on maritime security. Tokyo also signed a port agreement.");
    assert_eq!(one, vec![("VNM".to_string(), inferred.clone())]);
    let one =
        last_targets("The Kazakh president met Chinese officials in Astana. Kazakhstan later signed a loan agreement.");
    assert_eq!(one, vec![("CHNGOV".to_string(), inferred)]);
    // Two other states in the sentence before: no single counterpart, no target.
    let two =
        last_targets("Japan met Vietnam and the Philippines on maritime security. Tokyo also signed a port agreement.");
    assert!(two.is_empty(), "{two:?}");
    // The target is named in the sentence itself: nothing is inferred.
    let named = last_targets("Japan and Vietnam held talks. Tokyo also signed a port agreement with India.");
    assert!(named.iter().all(|(_, by)| by.is_none()), "{named:?}");
}
