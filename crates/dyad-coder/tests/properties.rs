//! Arbitrary text never panics the coder, and every span in every record is a valid slice of
//! the document body holding the recorded text.

use dyad_coder::Coder;
use dyad_model::Document;
use proptest::prelude::*;
use std::sync::LazyLock;

static CODER: LazyLock<Coder> = LazyLock::new(Coder::embedded);

/// Words that make the coder work hard: names, verbs, function words and punctuation.
const WORDS: &[&str] = &[
    "Russia",
    "Russian",
    "the",
    "Kremlin",
    "U.S.",
    "Kazakhstan's",
    "foreign",
    "minister",
    "Tokayev",
    "troops",
    "and",
    "attacked",
    "was",
    "by",
    "agreed",
    "to",
    "lift",
    "sanctions",
    "on",
    "Iran",
    "said",
    "he",
    "it",
    "not",
    "talks",
    "with",
    ",",
    ".",
    "?",
    "\"",
    "(",
    ")",
    "-",
    "'s",
    "former",
    "president",
    "urged",
    "release",
    "in",
    "Moscow",
    "Қазақстан",
    "—",
    "\n",
    "\n\n",
    "visit",
    "who",
    "if",
    "will",
    "refused",
    "of",
];

fn check(text: &str) -> Result<(), TestCaseError> {
    let mut doc = Document::from_text(text);
    doc.published = chrono::NaiveDate::from_ymd_opt(2023, 3, 28);
    for e in CODER.code(&doc) {
        let body = doc.body.as_str();
        prop_assert_eq!(body.get(e.trigger.start..e.trigger.end), Some(e.trigger.text.as_str()));
        prop_assert_eq!(body.get(e.source.start..e.source.end), Some(e.source.text.as_str()));
        if let Some(t) = &e.target {
            prop_assert_eq!(body.get(t.start..t.end), Some(t.text.as_str()));
        }
        prop_assert_eq!(body.get(e.sentence_start..e.sentence_start + e.sentence.len()), Some(e.sentence.as_str()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_code_without_panics(text in "\\PC{0,300}") {
        check(&text)?;
    }

    #[test]
    fn word_salad_codes_with_valid_spans(words in prop::collection::vec(prop::sample::select(WORDS), 0..60)) {
        check(&words.join(" "))?;
    }
}
