//! HTML extraction throughput (bytes of HTML per second on one core) on the hand-written
//! fixtures, as they are and scaled up to the size of real news pages (inline scripts, long
//! articles, big menus). Run: `cargo bench -p dyad-ingest --bench html_extraction`.

use divan::Bencher;
use divan::counter::BytesCount;
use dyad_ingest::{PageHints, ReadOptions, html_document};
use dyad_model::BlockKind;

fn main() {
    divan::main();
}

const PAGES: [&str; 3] = ["wordpress_article.html", "jsonld_article.html", "cp1251_article.html"];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// A page grown to real-world size: its paragraphs repeated, a 40 KB inline script and a long
/// menu added, so the parser sees what a crawl holds (pages of 100–200 KB).
fn scaled(page: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(page).into_owned();
    if !text.is_ascii() && !text.contains("UTF-8") {
        return page.to_vec(); // the windows-1251 page stays as it is
    }
    let script =
        format!("<script>{}</script>", "window.__data = {\"a\": [1, 2, 3], \"b\": \"menu item\"};\n".repeat(700));
    let menu = format!(
        "<nav><ul>{}</ul></nav>",
        (0..300)
            .map(|i| format!("<li class=\"menu-item\"><a href=\"/c/{i}\">Category {i}</a></li>"))
            .collect::<String>()
    );
    let paragraphs: String =
        text.split("<p>").skip(1).filter_map(|p| p.split("</p>").next()).map(|p| format!("<p>{p}</p>\n")).collect();
    let body = paragraphs.repeat(12);
    text.replacen("</head>", &format!("{script}</head>"), 1)
        .replacen("<body", &format!("{menu}<body"), 1)
        .replacen("</p>", &format!("</p>{body}"), 1)
        .into_bytes()
}

fn run(bencher: Bencher, pages: Vec<Vec<u8>>) {
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let opts = ReadOptions::default();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut body_blocks = 0;
        for p in &pages {
            let d = html_document(divan::black_box(p), &PageHints::default(), "bench.html", &opts).unwrap();
            body_blocks += d.blocks.iter().filter(|b| b.kind == BlockKind::Body).count();
        }
        assert!(body_blocks >= pages.len() * 3, "extraction changed: {body_blocks} body blocks");
        body_blocks
    });
}

#[divan::bench]
fn fixtures(bencher: Bencher) {
    run(bencher, PAGES.iter().map(|p| fixture(p)).collect());
}

#[divan::bench]
fn fixtures_scaled(bencher: Bencher) {
    run(bencher, PAGES.iter().map(|p| scaled(&fixture(p))).collect());
}
