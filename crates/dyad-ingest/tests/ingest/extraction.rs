//! Extraction quality on the hand-labelled fixtures: body-text precision and recall, metadata.

use crate::support::{coded_text, crawl_warc_gz, fixture, precision_recall, read_fixture};
use dyad_ingest::{Deduper, ReadOptions, Verdict};
use dyad_model::BlockKind;

/// Lowest token-overlap precision and recall accepted on any fixture.
const FLOOR: f64 = 0.9;

/// Scores a fixture's coded text against its labels; returns the documents read.
fn score(name: &str, labels: &str, expected_docs: usize) -> Vec<dyad_ingest::Document> {
    let (docs, errors) = read_fixture(name, &ReadOptions::default());
    assert_eq!(docs.len(), expected_docs, "{name}: documents (errors: {errors:?})");
    let extracted: String = docs.iter().map(coded_text).collect::<Vec<_>>().join("\n");
    let labelled = std::fs::read_to_string(fixture(labels)).unwrap();
    let (p, r) = precision_recall(&extracted, &labelled);
    eprintln!("{name}: precision {p:.3} recall {r:.3}");
    assert!(
        p >= FLOOR && r >= FLOOR,
        "{name}: precision {p:.3}, recall {r:.3} below {FLOOR}\n--- extracted ---\n{extracted}\n--- labelled ---\n{labelled}"
    );
    for d in &docs {
        for b in &d.blocks {
            assert!(
                d.body.get(b.span.start..b.span.end).is_some(),
                "{name}: span {:?} does not slice the body",
                b.span
            );
        }
    }
    docs
}

#[test]
fn wordpress_article() {
    let docs = score("wordpress_article.html", "wordpress_article.body.txt", 1);
    let d = &docs[0];
    assert_eq!(d.title.as_deref(), Some("Kazakhstan and Kyrgyzstan agree to reopen border crossings"));
    assert_eq!(d.published.map(|d| d.to_string()).as_deref(), Some("2023-03-28"));
    assert_eq!(d.url.as_deref(), Some("https://steppeherald.example/2023/03/28/kazakhstan-kyrgyzstan-border/"));
    assert_eq!(d.outlet.as_deref(), Some("Steppe Herald"));
    assert_eq!(d.language.as_deref(), Some("en-US"));
    let text_of = |kind: BlockKind| {
        d.blocks.iter().filter(|b| b.kind == kind).map(|b| &d.body[b.span.start..b.span.end]).collect::<Vec<_>>()
    };
    assert!(text_of(BlockKind::Caption).iter().any(|t| t.starts_with("Murat Nurtleu and Jeenbek Kulubaev")));
    assert!(text_of(BlockKind::Related).iter().any(|t| t.starts_with("Read More:")));
    assert!(text_of(BlockKind::Related).iter().any(|t| t.contains("customs checks")));
    assert!(text_of(BlockKind::Credit).contains(&"(Source: Kazinform)"));
    assert!(text_of(BlockKind::Navigation).contains(&"Exit mobile version"));
    assert!(
        text_of(BlockKind::Navigation).iter().any(|t| t.contains("Korday with a load of apples")),
        "comments are navigation"
    );
}

#[test]
fn json_ld_article() {
    let docs = score("jsonld_article.html", "jsonld_article.body.txt", 1);
    let d = &docs[0];
    assert_eq!(d.published.map(|d| d.to_string()).as_deref(), Some("2022-11-02"));
    assert_eq!(d.outlet.as_deref(), Some("Caspian Wire"));
    assert_eq!(d.title.as_deref(), Some("Uzbekistan and Tajikistan sign hydropower deal"));
    assert_eq!(d.language.as_deref(), Some("en"), "detected, not declared");
}

#[test]
fn windows_1251_article() {
    let docs = score("cp1251_article.html", "cp1251_article.body.txt", 1);
    let d = &docs[0];
    assert_eq!(d.title.as_deref(), Some("Казахстан и Россия договорились о поставках зерна"));
    assert_eq!(d.published.map(|d| d.to_string()).as_deref(), Some("2021-09-14"));
    assert_eq!(d.language.as_deref(), Some("ru"));
}

#[test]
fn rss_feed() {
    let docs = score("rss_feed.xml", "rss_feed.body.txt", 3);
    assert_eq!(docs[0].id, "https://steppeherald.example/?p=4201");
    assert_eq!(docs[0].url.as_deref(), Some("https://steppeherald.example/2023/04/02/rail/"));
    assert_eq!(docs[0].published.map(|d| d.to_string()).as_deref(), Some("2023-04-02"));
    assert_eq!(docs[0].outlet.as_deref(), Some("Steppe Herald"));
    assert!(docs[0].origin.ends_with("rss_feed.xml:item 1"));
    assert_eq!(docs[2].title.as_deref(), Some("Tajikistan protests border shooting"));
}

#[test]
fn atom_feed() {
    let docs = score("atom_feed.xml", "atom_feed.body.txt", 2);
    assert_eq!(docs[0].id, "urn:uuid:0a4b3c1e-1111-4a2b-9c3d-000000000001");
    assert_eq!(docs[0].published.map(|d| d.to_string()).as_deref(), Some("2022-11-04"));
    assert_eq!(
        docs[1].published.map(|d| d.to_string()).as_deref(),
        Some("2022-11-05"),
        "updated stands in for published"
    );
    assert_eq!(docs[1].url.as_deref(), Some("https://caspianwire.example/news/2022/11/05/recall"));
}

#[test]
fn plain_text_scrape() {
    let docs = score("text_scrape.txt", "text_scrape.body.txt", 1);
    assert!(docs[0].blocks.iter().any(|b| b.kind == BlockKind::Related));
}

#[test]
fn warc_gz_with_a_truncated_record() {
    let opts = ReadOptions::default();
    let (docs, errors) = read_fixture("crawl.warc.gz", &opts);
    assert_eq!(docs.len(), 2, "{errors:?}");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].origin.ends_with("crawl.warc.gz:record 6"), "{}", errors[0]);
    assert!(errors[0].message.contains("truncated"), "{}", errors[0]);
    assert_eq!(opts.stats.skipped(), 3, "warcinfo, request and metadata records are skipped");
    assert_eq!(docs[0].id, "urn:uuid:00000000-0000-4000-8000-000000000002");
    assert_eq!(docs[1].url.as_deref(), Some("https://caspianwire.example/news/2022/11/02/hydropower"));
    assert_eq!(
        docs[1].published.map(|d| d.to_string()).as_deref(),
        Some("2022-11-02"),
        "the page's date beats WARC-Date"
    );
    score("crawl.warc.gz", "crawl.warc.body.txt", 2);
}

/// Regenerate with `DYAD_BLESS=1 cargo test -p dyad-ingest --test ingest warc_fixture`.
#[test]
fn warc_fixture_is_reproducible() {
    let bytes = crawl_warc_gz();
    let path = fixture("crawl.warc.gz");
    if std::env::var_os("DYAD_BLESS").is_some() {
        std::fs::write(&path, &bytes).unwrap();
    }
    assert!(std::fs::read(&path).unwrap() == bytes, "crawl.warc.gz is stale: rerun with DYAD_BLESS=1");
}

#[test]
fn duplicates_across_sources() {
    let (page, _) = read_fixture("wordpress_article.html", &ReadOptions::default());
    let (warc, _) = read_fixture("crawl.warc.gz", &ReadOptions::default());
    let mut dedup = Deduper::new();
    assert_eq!(dedup.check(&page[0]), Verdict::Unique);
    assert_eq!(dedup.check(&warc[0]), Verdict::Exact(page[0].id.clone()));
    assert_eq!(dedup.check(&warc[1]), Verdict::Unique);
}

/// A page in a style the rules were not written against (Bootstrap markup, `<br>` paragraphs,
/// an in-text related list): labelled first, then scored without tuning.
#[test]
fn held_out_article() {
    let docs = score("heldout_article.html", "heldout_article.body.txt", 1);
    assert_eq!(docs[0].published.map(|d| d.to_string()).as_deref(), Some("2024-05-17"));
    assert_eq!(docs[0].outlet, None, "no site name and no URL: no outlet");
}
