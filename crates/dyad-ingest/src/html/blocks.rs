//! The text blocks of a page in reading order, each with the region it sits in, and the element
//! most likely to hold the article (scored by the running text beneath it).

use crate::boilerplate::{Region, is_content_hint, region_of};
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use rustc_hash::FxHashMap;
use scraper::{Html, Node};

/// What kind of element a block of text came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tag {
    /// `<p>`, and text directly inside `<div>`, `<section>` and the like.
    Paragraph,
    /// `<h1>` … `<h6>`, with the level.
    Heading(u8),
    /// `<li>`, `<dt>`, `<dd>`.
    ListItem,
    /// `<figcaption>`, `<caption>`.
    Caption,
    /// `<blockquote>`, `<pre>`, table cells and other blocks.
    Other,
}

/// One run of text between block boundaries.
#[derive(Debug)]
pub(super) struct RawBlock {
    /// Whitespace-collapsed text.
    pub text: String,
    /// Bytes of the text that sit inside links.
    pub link_bytes: usize,
    /// The element the text sits in.
    pub tag: Tag,
    /// The innermost region around it, if any.
    pub region: Option<Region>,
    /// Position in document order, to test whether it lies inside the article root.
    pub seq: u32,
}

impl RawBlock {
    /// Share of the text that is link text.
    pub fn link_density(&self) -> f32 {
        self.link_bytes as f32 / self.text.len().max(1) as f32
    }
}

/// The blocks of a page and the document-order interval of its article root.
pub(super) struct Collected {
    pub blocks: Vec<RawBlock>,
    /// `(open, close)` sequence numbers of the root element; blocks with `open <= seq < close`
    /// are inside it. `None` when no element holds running text.
    pub root: Option<(u32, u32)>,
}

#[derive(Clone, Copy)]
struct Frame {
    id: NodeId,
    block: Option<Tag>,
    region: bool,
    link: bool,
    skip: bool,
    article: bool,
    hint: bool,
    open: u32,
}

#[derive(Default)]
struct Score {
    score: f32,
    open: u32,
    close: u32,
    hint: bool,
}

/// Elements whose content is never text to read.
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "select"
            | "option"
            | "textarea"
            | "button"
            | "input"
            | "head"
            | "title"
            | "video"
            | "audio"
            | "map"
    )
}

/// Block-level elements: text on either side of them is separate.
fn block_tag(tag: &str) -> Option<Tag> {
    Some(match tag {
        "p" => Tag::Paragraph,
        "h1" => Tag::Heading(1),
        "h2" => Tag::Heading(2),
        "h3" => Tag::Heading(3),
        "h4" => Tag::Heading(4),
        "h5" => Tag::Heading(5),
        "h6" => Tag::Heading(6),
        "li" | "dt" | "dd" => Tag::ListItem,
        "figcaption" | "caption" => Tag::Caption,
        "div" | "section" | "article" | "main" | "body" | "html" | "center" | "td" | "th" | "tr" | "table"
        | "tbody" | "thead" | "tfoot" | "blockquote" | "pre" | "ul" | "ol" | "dl" | "figure" | "header" | "footer"
        | "nav" | "aside" | "form" | "fieldset" | "legend" | "address" | "details" | "summary" | "dialog"
        | "hgroup" | "menu" | "hr" | "br" => Tag::Other,
        _ => return None,
    })
}

/// Walks the page once (iteratively: deep nesting cannot overflow the stack).
pub(super) fn collect(html: &Html) -> Collected {
    let mut w = Walker::default();
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => w.open(node.id(), el),
                Node::Text(t) if w.skip == 0 => w.text(t),
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().is_element() {
                    w.close();
                }
            }
        }
    }
    w.flush();
    let root = w
        .scores
        .values()
        .filter(|s| s.score > 0.0)
        .max_by(|a, b| a.weighted().total_cmp(&b.weighted()))
        .map(|s| (s.open, s.close));
    Collected { blocks: w.blocks, root }
}

impl Score {
    fn weighted(&self) -> f32 {
        if self.hint { self.score * 1.5 } else { self.score }
    }
}

#[derive(Default)]
struct Walker {
    frames: Vec<Frame>,
    regions: Vec<Region>,
    links: u32,
    skip: u32,
    articles: u32,
    seq: u32,
    buf: String,
    link_bytes: usize,
    space: bool,
    blocks: Vec<RawBlock>,
    scores: FxHashMap<NodeId, Score>,
}

impl Walker {
    fn open(&mut self, id: NodeId, el: &scraper::node::Element) {
        let tag = el.name();
        if self.skip > 0 || is_skipped(tag) {
            self.seq += 1;
            self.skip += 1;
            self.frames.push(Frame {
                id,
                block: None,
                region: false,
                link: false,
                skip: true,
                article: false,
                hint: false,
                open: self.seq,
            });
            return;
        }
        let (mut class, mut elid, mut role, mut hidden, mut itemprop) = (None, None, None, false, None);
        for (name, value) in el.attrs() {
            match name {
                "class" => class = Some(value),
                "id" => elid = Some(value),
                "role" => role = Some(value),
                "hidden" => hidden = true,
                "aria-hidden" => hidden |= value.eq_ignore_ascii_case("true"),
                "style" => hidden |= value.replace(' ', "").to_ascii_lowercase().contains("display:none"),
                "itemprop" => itemprop = Some(value),
                _ => {}
            }
        }
        if hidden {
            self.seq += 1;
            self.skip += 1;
            self.frames.push(Frame {
                id,
                block: None,
                region: false,
                link: false,
                skip: true,
                article: false,
                hint: false,
                open: self.seq,
            });
            return;
        }
        let block = block_tag(tag);
        if block.is_some() {
            self.flush();
        }
        self.seq += 1;
        let article = matches!(tag, "article" | "main")
            || role == Some("main")
            || itemprop.is_some_and(|p| p.contains("articleBody"));
        let hint = article || is_content_hint(class, elid);
        let region =
            if matches!(tag, "html" | "body") { None } else { region_of(tag, class, elid, role, self.articles > 0) };
        if let Some(r) = region {
            self.regions.push(r);
        }
        let link = tag == "a";
        if link {
            self.links += 1;
        }
        if article {
            self.articles += 1;
        }
        self.frames.push(Frame {
            id,
            block,
            region: region.is_some(),
            link,
            skip: false,
            article,
            hint,
            open: self.seq,
        });
        if tag == "br" || tag == "hr" {
            self.flush();
        }
    }

    fn close(&mut self) {
        let Some(&f) = self.frames.last() else { return };
        if !f.skip && f.block.is_some() {
            self.flush();
        }
        self.frames.pop();
        if f.skip {
            self.skip -= 1;
            self.seq += 1;
            return;
        }
        self.seq += 1;
        if f.region {
            self.regions.pop();
        }
        if f.link {
            self.links -= 1;
        }
        if f.article {
            self.articles -= 1;
        }
        if let Some(s) = self.scores.get_mut(&f.id) {
            s.close = self.seq;
            s.hint |= f.hint;
        }
    }

    fn text(&mut self, t: &str) {
        for ch in t.chars() {
            if ch.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.space && !self.buf.is_empty() {
                self.buf.push(' ');
                if self.links > 0 {
                    self.link_bytes += 1;
                }
            }
            self.space = false;
            self.buf.push(ch);
            if self.links > 0 {
                self.link_bytes += ch.len_utf8();
            }
        }
    }

    /// Ends the current run of text as a block and credits its running text to the elements
    /// around it.
    fn flush(&mut self) {
        self.space = false;
        if self.buf.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.buf);
        let link_bytes = std::mem::take(&mut self.link_bytes).min(text.len());
        let mut blocks = self.frames.iter().rev().filter(|f| f.block.is_some());
        let inner = blocks.next().copied();
        let tag = match inner.and_then(|f| f.block) {
            Some(Tag::Other) | None => Tag::Paragraph,
            Some(t) => t,
        };
        let region = self.regions.last().copied();
        let plain = text.len() - link_bytes;
        if region.is_none() && tag == Tag::Paragraph && plain >= 25 && link_bytes * 2 < text.len() {
            // The paragraph's container gets the full score, the container's parent half.
            let container =
                if inner.is_some_and(|f| f.block == Some(Tag::Paragraph)) { blocks.next().copied() } else { inner };
            let parent = blocks.next().copied();
            let weight = 1.0 + (plain as f32 / 100.0).min(3.0) + text.matches([',', '،', '，']).count() as f32 * 0.25;
            for (frame, share) in [(container, 1.0), (parent, 0.5)] {
                if let Some(f) = frame {
                    let s = self.scores.entry(f.id).or_default();
                    s.open = f.open;
                    s.score += weight * share;
                }
            }
        }
        self.blocks.push(RawBlock { text, link_bytes, tag, region, seq: self.seq });
    }
}
