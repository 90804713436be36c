//! Bad input of every kind: one error naming the file and record, and nothing lost elsewhere.

use crate::support::{crawl_warc_gz, gz, http_response, read_bytes, read_fixture, warc_record};
use dyad_ingest::{Format, ReadOptions, read_format};

fn page(title: &str) -> Vec<u8> {
    format!("<html><head><title>{title}</title></head><body><article><p>{title} was reported by officials in Astana on Monday, and the ministry confirmed it.</p></article></body></html>").into_bytes()
}

fn response_record(n: usize, html: &[u8]) -> Vec<u8> {
    warc_record(
        "response",
        &format!("00000000-0000-4000-8000-{n:012}"),
        Some(&format!("https://example.kz/{n}")),
        "application/http; msgtype=response",
        &http_response(html, "text/html"),
        None,
    )
}

#[test]
fn malformed_html_still_gives_its_text() {
    let html = b"<html><body><div><p>Kazakhstan <b>closed <i>its border</b> with</i> Kyrgyzstan on Monday, officials said.<p>Unclosed <table><tr><td>cell text that is also long enough to be read</div></span></body>".to_vec();
    let (docs, errors) = read_bytes("bad.html", html, &ReadOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert!(docs[0].body.contains("Kazakhstan closed its border with Kyrgyzstan on Monday"));
}

#[test]
fn broken_gzip_member_loses_only_its_record() {
    let mut input = gz(&response_record(1, &page("First story")));
    let mut broken = gz(&response_record(2, &page("Second story")));
    let mid = broken.len() / 2;
    for b in &mut broken[mid..mid + 16] {
        *b = !*b;
    }
    input.extend(broken);
    input.extend(gz(&response_record(3, &page("Third story"))));
    let (docs, errors) = read_bytes("broken.warc.gz", input, &ReadOptions::default());
    let titles: Vec<_> = docs.iter().filter_map(|d| d.title.as_deref()).collect();
    assert_eq!(titles, ["First story", "Third story"], "{errors:?}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].origin.starts_with("broken.warc.gz:record"), "{}", errors[0]);
    assert!(errors[0].message.contains("gzip"), "{}", errors[0]);
}

#[test]
fn gzip_cut_short_keeps_earlier_records() {
    let mut input = crawl_warc_gz();
    input.truncate(input.len() - 300);
    let (docs, errors) = read_bytes("cut.warc.gz", input, &ReadOptions::default());
    assert_eq!(docs.len(), 2);
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn truncated_plain_warc() {
    let mut input = response_record(1, &page("First story"));
    let second = response_record(2, &page("Second story"));
    input.extend_from_slice(&second[..second.len() - 40]);
    let (docs, errors) = read_bytes("cut.warc", input, &ReadOptions::default());
    assert_eq!(docs.len(), 1);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].origin, "cut.warc:record 2");
    assert!(errors[0].message.contains("truncated record"), "{}", errors[0]);
}

#[test]
fn garbage_between_warc_records_is_skipped() {
    let mut input = response_record(1, &page("First story"));
    input.extend_from_slice(b"this is not a WARC header\r\nnor is this\r\n\r\n");
    input.extend(response_record(2, &page("Second story")));
    let (docs, errors) = read_bytes("garbage.warc", input, &ReadOptions::default());
    assert_eq!(docs.len(), 2);
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("expected a WARC record header"), "{}", errors[0]);
}

#[test]
fn invalid_utf8_in_one_jsonl_line() {
    let mut input = b"{\"id\":\"a\",\"text\":\"Kazakhstan signed a deal.\"}\n{\"id\":\"b\",\"text\":\"caf".to_vec();
    input.extend_from_slice(b"\xff\xfe\"}\n{\"id\":\"c\",\"text\":\"Russia replied.\"}\n");
    let (docs, errors) = read_bytes("mixed.jsonl", input, &ReadOptions::default());
    assert_eq!(docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a", "c"]);
    assert_eq!(errors[0].origin, "mixed.jsonl:2");
    assert!(errors[0].message.contains("invalid UTF-8"));
}

#[test]
fn invalid_utf8_in_a_utf8_page_is_decoded_lossily() {
    let html = b"<html><head><meta charset=utf-8></head><body><p>Kazakhstan and Kyrgyzstan \xff\xfe signed a border deal on Monday, officials said.</p></body></html>".to_vec();
    let (docs, errors) = read_bytes("bad-utf8.html", html, &ReadOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert!(docs[0].body.contains("signed a border deal"));
}

#[test]
fn decompression_bomb_is_stopped() {
    let opts = ReadOptions { max_file_bytes: 1 << 20, ..ReadOptions::default() };
    let bomb = gz(&vec![b'a'; 4 << 20]);
    let (docs, errors) = read_bytes("bomb.txt.gz", bomb.clone(), &opts);
    assert!(docs.is_empty());
    assert!(errors[0].message.contains("limit"), "{}", errors[0]);
    let lines = gz(&"{\"text\":\"aaaa\"}\n".repeat(300_000).into_bytes());
    let (docs, errors) = read_bytes("bomb.jsonl.gz", lines, &opts);
    assert!(docs.len() < 70_000, "stopped after about 1 MB");
    assert!(errors.last().unwrap().message.contains("decompression bomb"), "{:?}", errors.last());
    let opts = ReadOptions { max_doc_bytes: 1 << 20, ..ReadOptions::default() };
    let (_, errors) =
        read_bytes("bomb.html.gz", gz(&[b"<html><body><p>".as_slice(), &vec![b'a'; 4 << 20]].concat()), &opts);
    assert!(errors[0].message.contains("larger than"), "{}", errors[0]);
}

#[test]
fn enormous_lines() {
    let opts = ReadOptions { max_doc_bytes: 1 << 20, ..ReadOptions::default() };
    let mut input = b"{\"id\":\"a\",\"text\":\"Kazakhstan signed a deal.\"}\n{\"id\":\"b\",\"text\":\"".to_vec();
    input.extend(vec![b'x'; 3 << 20]);
    input.extend_from_slice(b"\"}\n{\"id\":\"c\",\"text\":\"Russia replied.\"}\n");
    let (docs, errors) = read_bytes("long.jsonl", input, &opts);
    assert_eq!(docs.len(), 2);
    assert!(errors[0].message.contains("line longer than"), "{}", errors[0]);
    let mut warc = b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: ".to_vec();
    warc.extend(vec![b'y'; 200 << 10]);
    warc.extend_from_slice(b"\r\nContent-Length: 0\r\n\r\n");
    warc.extend(response_record(2, &page("Second story")));
    let (docs, errors) = read_bytes("long.warc", warc, &opts);
    assert_eq!(docs.len(), 1, "{errors:?}");
    assert!(errors[0].message.contains("too long"), "{}", errors[0]);
}

#[test]
fn deeply_nested_html_is_refused_quickly() {
    let html = "<html><body>".to_string() + &"<div><span>".repeat(20_000);
    let started = std::time::Instant::now();
    let (docs, errors) = read_bytes("deep.html", html.into_bytes(), &ReadOptions::default());
    assert!(docs.is_empty());
    assert!(errors[0].message.contains("unclosed"), "{}", errors[0]);
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn binary_empty_and_broken_feeds() {
    let (_, errors) = read_bytes(
        "a.bin",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00".to_vec(),
        &ReadOptions::default(),
    );
    assert!(errors[0].message.contains("binary"), "{}", errors[0]);
    let (_, errors) = read_bytes("empty.txt", Vec::new(), &ReadOptions::default());
    assert!(errors[0].message.contains("empty"), "{}", errors[0]);
    let (_, errors) = read_bytes(
        "bad.xml",
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>x</ti".to_vec(),
        &ReadOptions::default(),
    );
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("feed"), "{}", errors[0]);
    let (_, errors) = read_bytes("nested.gz", gz(&gz(b"text")), &ReadOptions::default());
    assert!(errors[0].message.contains("gzip inside gzip"), "{}", errors[0]);
}

#[test]
fn gzip_of_html_and_text_is_detected_again() {
    let (docs, _) = read_bytes("page.html.gz", gz(&page("Zipped story")), &ReadOptions::default());
    assert_eq!(docs[0].title.as_deref(), Some("Zipped story"));
    let (docs, _) = read_fixture("crawl.warc.gz", &ReadOptions::default());
    assert_eq!(docs.len(), 2);
    let forced: Vec<_> = read_format(
        Format::Text,
        "t".into(),
        std::io::Cursor::new(b"Read More: x\nKazakhstan signed a deal.".to_vec()),
        &ReadOptions::default(),
    )
    .collect();
    assert_eq!(forced.len(), 1);
}

/// Found by the feed fuzzer: the XML parser's message quoted input with line breaks.
#[test]
fn fuzz_feed_error_spans_lines() {
    let (_, errors) = read_fixture("fuzz/feed_error_spans_lines.xml", &ReadOptions::default());
    assert_eq!(errors.len(), 1);
    assert!(!errors[0].to_string().contains('\n'), "{}", errors[0]);
    assert!(errors[0].message.chars().count() <= 301);
}
