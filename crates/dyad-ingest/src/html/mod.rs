//! HTML pages: decode, parse (html5ever through `scraper`), find the article, classify every text
//! block, and build a Document whose body holds all kept blocks with their kinds.

mod blocks;
mod meta;

use crate::boilerplate::{Region, classify_line};
use crate::decode::decode_html;
use crate::source::{DocError, DocStream, ReadOptions, read_capped};
use blocks::{RawBlock, Tag};
use chrono::NaiveDate;
use dyad_model::{Block, BlockKind, Document, Span, content_id};
use scraper::Html;
use std::io::Read;

pub(crate) use meta::parse_loose_date;

/// What the container of a page (a WARC record, a feed item) already knows about it.
#[derive(Clone, Debug, Default)]
pub struct PageHints {
    /// Id to use instead of a content hash (feed guid, WARC record id).
    pub id: Option<String>,
    /// URL the page was fetched from, used when the page names no canonical URL.
    pub url: Option<String>,
    /// Title known from outside (a feed item title), used when the page has none.
    pub title: Option<String>,
    /// Date known from outside (feed item date, WARC-Date), used when the page gives none.
    pub date: Option<NaiveDate>,
    /// Outlet known from outside (a feed's title), used when the page names none.
    pub outlet: Option<String>,
    /// Charset from an HTTP `Content-Type` header.
    pub charset: Option<String>,
    /// A fragment (feed item content): every block belongs to the article, none is page furniture.
    pub fragment: bool,
}

/// Elements left open at once beyond which a page is refused: html5ever's tree builder slows
/// quadratically with nesting depth, and no real page comes near this.
const MAX_OPEN_ELEMENTS: usize = 10_000;

/// Why a page gave no document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NoDocument {
    /// Only menus, links and credits: nothing to code.
    NoArticleText,
    /// So many unclosed elements that parsing could take minutes.
    TooDeep(usize),
}

impl NoDocument {
    pub(crate) fn message(self) -> String {
        match self {
            NoDocument::NoArticleText => "no article text found: the page holds only menus, links or credits".into(),
            NoDocument::TooDeep(n) => {
                format!("about {n} unclosed HTML elements (more than {MAX_OPEN_ELEMENTS}): page skipped as malformed")
            }
        }
    }
}

/// Extracts a Document from one HTML page (bytes in any charset), with its blocks classified.
pub fn html_document(bytes: &[u8], hints: &PageHints, origin: &str, opts: &ReadOptions) -> Result<Document, DocError> {
    extract(bytes, hints, origin, opts).map_err(|e| DocError::new(origin, e.message()))
}

/// Start tags minus end tags, void elements aside: an upper bound on how deep the page nests.
fn unclosed_estimate(bytes: &[u8]) -> usize {
    const VOID: &[&[u8]] = &[
        b"br", b"img", b"meta", b"link", b"input", b"hr", b"wbr", b"source", b"area", b"col", b"embed", b"param",
        b"track", b"base", b"p", b"li", b"option",
    ];
    let (mut open, mut close) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + closing as usize;
        if !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let end = bytes[start..].iter().position(|b| !b.is_ascii_alphanumeric()).map_or(bytes.len(), |e| start + e);
        let name = &bytes[start..end];
        if VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) {
            continue;
        }
        if closing { close += 1 } else { open += 1 }
    }
    open.saturating_sub(close)
}

pub(crate) fn read_html(name: String, reader: impl Read + Send + 'static, opts: &ReadOptions) -> DocStream {
    let opts = opts.clone();
    let mut reader = Some(reader);
    Box::new(std::iter::from_fn(move || {
        let r = reader.take()?;
        Some(
            read_capped(r, opts.max_doc_bytes)
                .map_err(|m| DocError::new(&name, m))
                .and_then(|b| html_document(&b, &PageHints::default(), &name, &opts)),
        )
    }))
}

pub(crate) fn extract(
    bytes: &[u8],
    hints: &PageHints,
    origin: &str,
    opts: &ReadOptions,
) -> Result<Document, NoDocument> {
    let unclosed = unclosed_estimate(bytes);
    if unclosed > MAX_OPEN_ELEMENTS {
        return Err(NoDocument::TooDeep(unclosed));
    }
    let (text, _) = decode_html(bytes, hints.charset.as_deref());
    let html = Html::parse_document(&text);
    let meta = meta::read_meta(&html);
    let collected = blocks::collect(&html);
    drop(html);
    let root = if hints.fragment { None } else { collected.root };
    let title =
        if hints.fragment { hints.title.clone().or(meta.title) } else { meta.title.or_else(|| hints.title.clone()) };
    let kinds: Vec<BlockKind> = collected
        .blocks
        .iter()
        .map(|b| classify(b, root.map(|(o, c)| o <= b.seq && b.seq < c), title.as_deref()))
        .collect();
    if !kinds.contains(&BlockKind::Body) {
        return Err(NoDocument::NoArticleText);
    }
    let (body, blocks) = assemble(&collected.blocks, &kinds, title.as_deref());
    let url = meta.canonical.or_else(|| hints.url.clone());
    let outlet = meta.site_name.or_else(|| hints.outlet.clone()).or_else(|| url.as_deref().and_then(domain));
    let language = meta.lang.or_else(|| detect_language(&body, &blocks));
    let id = hints.id.clone().unwrap_or_else(|| content_id(&body));
    let published = meta.published.or(hints.date).or(opts.default_date);
    Ok(Document { id, url, title, outlet, language, published, body, blocks, origin: origin.to_string() })
}

/// The kind of one block; `inside` is whether it lies in the article root (`None`: no root, the
/// whole page counts as the article).
fn classify(b: &RawBlock, inside: Option<bool>, title: Option<&str>) -> BlockKind {
    if let Some(kind) = classify_line(&b.text) {
        return kind;
    }
    match b.region {
        Some(Region::Navigation) => return BlockKind::Navigation,
        Some(Region::Related) => return BlockKind::Related,
        Some(Region::Credit) => return BlockKind::Credit,
        Some(Region::Caption) => return BlockKind::Caption,
        None => {}
    }
    let is_title = title.is_some_and(|t| same_text(t, &b.text));
    match (b.tag, inside.unwrap_or(true)) {
        (Tag::Caption, _) => BlockKind::Caption,
        (Tag::Heading(_), true) => BlockKind::Heading,
        (Tag::Heading(1), false) => BlockKind::Heading,
        (Tag::Heading(_), false) if is_title => BlockKind::Heading,
        (_, true) if b.link_density() >= 0.6 => BlockKind::Related,
        (_, true) => BlockKind::Body,
        // Long, link-free paragraphs outside the root are article text split across containers.
        (Tag::Paragraph, false) if b.text.len() >= 100 && b.link_density() < 0.25 => BlockKind::Body,
        _ => BlockKind::Navigation,
    }
}

fn same_text(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.eq_ignore_ascii_case(b) || a.split_whitespace().eq(b.split_whitespace())
}

/// Joins the blocks with blank lines; the title leads as a heading when no heading was found.
fn assemble(raw: &[RawBlock], kinds: &[BlockKind], title: Option<&str>) -> (String, Vec<Block>) {
    let mut body =
        String::with_capacity(raw.iter().map(|b| b.text.len() + 2).sum::<usize>() + title.map_or(0, str::len));
    let mut blocks = Vec::with_capacity(raw.len() + 1);
    let mut push = |text: &str, kind: BlockKind| {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(text);
        blocks.push(Block { kind, span: Span::new(start, body.len()) });
    };
    if let Some(t) = title
        && !kinds.contains(&BlockKind::Heading)
    {
        push(t, BlockKind::Heading);
    }
    for (b, &kind) in raw.iter().zip(kinds) {
        push(&b.text, kind);
    }
    (body, blocks)
}

/// The host of a URL without `www.`, as a fallback outlet name.
pub(crate) fn domain(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host).to_ascii_lowercase();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// The language of the coded text when the page declares none (BCP 47: two letters when ISO
/// 639-1 has them).
pub(crate) fn detect_language(body: &str, blocks: &[Block]) -> Option<String> {
    let mut sample = String::new();
    for b in blocks.iter().filter(|b| b.kind == BlockKind::Body) {
        sample.push_str(&body[b.span.start..b.span.end]);
        sample.push(' ');
        if sample.len() > 1024 {
            break;
        }
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    let code = info.lang().code();
    Some(iso639_1(code).unwrap_or(code).to_string())
}

fn iso639_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "eng" => "en",
        "rus" => "ru",
        "ukr" => "uk",
        "kaz" => "kk",
        "fra" => "fr",
        "deu" => "de",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ara" => "ar",
        "tur" => "tr",
        "pes" => "fa",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "hin" => "hi",
        "urd" => "ur",
        "ben" => "bn",
        "pol" => "pl",
        "nld" => "nl",
        "swe" => "sv",
        "ell" => "el",
        "heb" => "he",
        "uzb" => "uz",
        "aze" => "az",
        "bel" => "be",
        "kat" => "ka",
        "hye" => "hy",
        "ind" => "id",
        "vie" => "vi",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(html: &str) -> Document {
        html_document(html.as_bytes(), &PageHints::default(), "t.html", &ReadOptions::default()).unwrap()
    }

    fn kinds(d: &Document) -> Vec<(BlockKind, &str)> {
        d.blocks.iter().map(|b| (b.kind, &d.body[b.span.start..b.span.end])).collect()
    }

    #[test]
    fn finds_the_article_and_marks_furniture() {
        let d = doc(r#"<html lang="en"><head><title>Deal signed | Herald</title></head><body>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
            <article><h1>Deal signed</h1><div class="entry-content">
            <p>Kazakhstan and Uzbekistan signed a water-sharing agreement on Tuesday, officials said.</p>
            <figure><img src="a.jpg"><figcaption>The two presidents in Tashkent.</figcaption></figure>
            <p>Read More: <a href="/x">Talks on the Syr Darya resume</a></p>
            <p>The deal covers the Syr Darya, and both sides agreed to meet again in May.</p>
            <p>(Source: Kazinform)</p></div></article>
            <footer><p>© 2023 Herald. All rights reserved.</p></footer></body></html>"#);
        assert_eq!(
            kinds(&d),
            vec![
                (BlockKind::Navigation, "Home"),
                (BlockKind::Navigation, "World"),
                (BlockKind::Heading, "Deal signed"),
                (
                    BlockKind::Body,
                    "Kazakhstan and Uzbekistan signed a water-sharing agreement on Tuesday, officials said."
                ),
                (BlockKind::Caption, "The two presidents in Tashkent."),
                (BlockKind::Related, "Read More: Talks on the Syr Darya resume"),
                (BlockKind::Body, "The deal covers the Syr Darya, and both sides agreed to meet again in May."),
                (BlockKind::Credit, "(Source: Kazinform)"),
                (BlockKind::Credit, "© 2023 Herald. All rights reserved."),
            ]
        );
        assert_eq!(d.title.as_deref(), Some("Deal signed"));
        assert_eq!(d.language.as_deref(), Some("en"));
    }

    #[test]
    fn survives_broken_markup() {
        let d = doc("<p>Kazakhstan <b>signed <i>a deal</b> with Russia on</p></i> Monday.<div><p>unclosed");
        assert!(d.body.contains("Kazakhstan signed a deal with Russia on"));
        let nested = "<div>".repeat(2_000) + "<p>Deep text, still read by the extractor.</p>";
        assert!(doc(&nested).body.contains("Deep text"));
        let bomb = "<div>".repeat(50_000);
        let err =
            html_document(bomb.as_bytes(), &PageHints::default(), "deep.html", &ReadOptions::default()).unwrap_err();
        assert!(err.message.contains("unclosed"), "{err}");
    }

    #[test]
    fn domains() {
        assert_eq!(domain("https://www.example.kz/news/1?x=2").as_deref(), Some("example.kz"));
        assert_eq!(domain("not a url"), None);
    }
}
