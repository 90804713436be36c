//! Boilerplate rules shared by the HTML and plain-text readers: which lines are credits, links to
//! other stories or page furniture, and which class or id words mark such regions of a page.

use dyad_model::BlockKind;

/// Lines that start with one of these (lowercase) are links to other stories.
const RELATED_PREFIXES: &[&str] = &[
    "read more:",
    "read more -",
    "read more –",
    "read more »",
    "read also",
    "also read",
    "read next",
    "read:",
    "see also",
    "related:",
    "related news",
    "related stories",
    "related articles",
    "related posts",
    "related content",
    "related coverage",
    "related reading",
    "you may also like",
    "you might also like",
    "you may be interested",
    "more from",
    "more on this",
    "recommended for you",
    "recommended:",
    "further reading",
    "also on ",
    "more news:",
    "trending:",
    "latest news:",
    "watch:",
    "listen:",
    "читайте также",
    "читайте по теме",
    "читайте далее",
    "смотрите также",
    "по теме:",
    "также читайте",
    "оқыңыз:",
];

/// Lines that start with one of these are source, photo or author credits.
const CREDIT_PREFIXES: &[&str] = &[
    "(source:",
    "source:",
    "sources:",
    "[source:",
    "photo:",
    "photos:",
    "photo credit",
    "photo by",
    "photograph:",
    "photographs:",
    "(photo",
    "[photo",
    "image:",
    "images:",
    "image credit",
    "image source",
    "(image",
    "picture:",
    "pictures:",
    "credit:",
    "credits:",
    "file photo",
    "(file photo",
    "©",
    "(c) ",
    "copyright",
    "video:",
    "illustration:",
    "graphic:",
    "posted on",
    "published on",
    "published:",
    "updated:",
    "written by",
    "reporting by",
    "editing by",
    "additional reporting",
    "compiled by",
    "фото:",
    "фото ",
    "источник:",
    "автор:",
    "видео:",
];

/// Lines that start with one of these are page furniture.
const NAVIGATION_PREFIXES: &[&str] = &[
    "click to share",
    "click to email",
    "click to print",
    "share on ",
    "share this",
    "share via",
    "like this:",
    "like loading",
    "be the first to like",
    "tags:",
    "tagged:",
    "tagged with",
    "filed under",
    "posted in",
    "categories:",
    "category:",
    "we use cookies",
    "this website uses cookies",
    "this site uses cookies",
    "by continuing to use",
    "by using this",
    "cookie",
    "accept all",
    "subscribe to",
    "sign up for",
    "sign up to",
    "follow us",
    "join our",
    "leave a reply",
    "leave a comment",
    "you must be logged in",
    "your email address will not",
    "required fields are marked",
    "save my name",
    "notify me of",
    "this site uses akismet",
    "comments are closed",
    "skip to",
    "jump to",
    "exit mobile version",
    "back to top",
    "previous post",
    "next post",
    "previous article",
    "next article",
    "continue reading",
    "advertisement",
    "download our app",
    "get the app",
    "newsletter",
    "all rights reserved",
    "поделиться",
    "все права защищены",
    "подписывайтесь",
    "реклама",
];

/// Lines that are exactly one of these (lowercase, trailing punctuation dropped) are page furniture.
const NAVIGATION_EXACT: &[&str] = &[
    "share",
    "like",
    "tweet",
    "email",
    "e-mail",
    "print",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "reddit",
    "pinterest",
    "tumblr",
    "pocket",
    "vk",
    "loading",
    "loading...",
    "loading…",
    "advertising",
    "sponsored",
    "sponsored content",
    "menu",
    "main menu",
    "search",
    "home",
    "news",
    "comments",
    "reply",
    "cancel reply",
    "post navigation",
    "subscribe",
    "sign in",
    "log in",
    "login",
    "sign up",
    "register",
    "more",
    "related",
    "read more",
    "more stories",
    "top stories",
    "most read",
    "most popular",
    "latest",
    "latest news",
    "close",
    "toggle navigation",
    "open menu",
    "close menu",
    "search for",
    "submit",
    "go",
    "next",
    "previous",
    "prev",
    "older posts",
    "newer posts",
];

/// The kind a single line of text is, when a rule says it is not running text.
pub fn classify_line(line: &str) -> Option<BlockKind> {
    let trimmed = line
        .trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '»' | '•' | '·' | '►' | '▶' | '|' | '-' | '–' | '—' | '*' | '>')
        })
        .trim_end();
    if trimmed.is_empty() {
        return None;
    }
    let len = trimmed.len();
    let head: String = trimmed.chars().take(48).flat_map(char::to_lowercase).collect();
    let starts = |list: &[&str]| list.iter().any(|p| head.starts_with(p));
    if len <= 300 && starts(RELATED_PREFIXES) {
        return Some(BlockKind::Related);
    }
    if len <= 200 && (starts(CREDIT_PREFIXES) || is_byline(trimmed) || is_source_note(trimmed) || is_date_line(trimmed))
    {
        return Some(BlockKind::Credit);
    }
    if len <= 200
        && (starts(NAVIGATION_PREFIXES) || (head.starts_with("the post ") && trimmed.contains("appeared first on")))
    {
        return Some(BlockKind::Navigation);
    }
    if len <= 40 {
        let bare = head.trim_end_matches(|c: char| c == ':' || c == '.' || c == '!' || c.is_whitespace());
        if NAVIGATION_EXACT.contains(&bare) {
            return Some(BlockKind::Navigation);
        }
    }
    None
}

/// "By Jane Doe" or "By Jane Doe and John Roe, Reuters": a short author line.
fn is_byline(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")) else { return false };
    rest.split_whitespace().count() <= 8 && !rest.ends_with('.') && rest.chars().next().is_some_and(char::is_uppercase)
}

/// "14.09.2021", "28/03/2023 10:15": a bare date or time.
fn is_date_line(line: &str) -> bool {
    line.len() <= 25
        && line.bytes().any(|b| b.is_ascii_digit())
        && line.bytes().all(|b| b.is_ascii_digit() || b" .,:/-".contains(&b))
}

/// A whole line in parentheses naming a source: "(Reuters)", "(Xinhua)".
fn is_source_note(line: &str) -> bool {
    line.len() <= 60 && line.starts_with('(') && line.ends_with(')') && !line[1..].contains('(')
}

/// What an element's tag, class, id or role says about the text inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Region {
    /// Menus, footers, share buttons, comments, cookie banners, sidebars, ads.
    Navigation,
    /// Related-post lists and "read more" boxes.
    Related,
    /// Figures and captions.
    Caption,
    /// Bylines, post meta and credits.
    Credit,
}

const NAVIGATION_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menus",
    "submenu",
    "footer",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "widget",
    "widgets",
    "widgetarea",
    "pagination",
    "pager",
    "skip",
    "masthead",
    "topbar",
    "toolbar",
    "subscribe",
    "subscription",
    "newsletter",
    "signup",
    "login",
    "search",
    "searchform",
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "adsbygoogle",
    "sponsor",
    "sponsored",
    "promo",
    "banner",
    "popup",
    "modal",
    "tags",
    "tagcloud",
    "share",
    "shares",
    "sharing",
    "sharedaddy",
    "social",
    "socials",
    "addtoany",
    "a2a",
    "sharethis",
    "print",
    "comment",
    "comments",
    "commentlist",
    "respond",
    "reply",
    "disqus",
    "discussion",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "cmp",
    "screen",
    "visually",
    "sr",
    "hidden",
    "hide",
    "offcanvas",
    "drawer",
    "mobile",
    "amp",
    "copyright",
    "colophon",
    "postnav",
    "jp",
    "likes",
];
const RELATED_WORDS: &[&str] = &[
    "related",
    "relatedposts",
    "yarpp",
    "recommended",
    "recommendations",
    "readmore",
    "also",
    "trending",
    "popular",
    "outbrain",
    "taboola",
];

/// The region an element opens, from its tag name and its class, id and role attributes.
pub(crate) fn region_of(
    tag: &str,
    class: Option<&str>,
    id: Option<&str>,
    role: Option<&str>,
    in_article: bool,
) -> Option<Region> {
    match tag {
        "nav" | "footer" | "form" | "aside" | "menu" | "dialog" => return Some(Region::Navigation),
        "header" if !in_article => return Some(Region::Navigation),
        "figure" | "figcaption" => return Some(Region::Caption),
        _ => {}
    }
    if let Some(role) = role
        && matches!(
            role,
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "search"
                | "dialog"
                | "alertdialog"
                | "menu"
                | "menubar"
        )
    {
        return Some(Region::Navigation);
    }
    let mut found = None;
    for token in class.into_iter().chain(id).flat_map(str::split_whitespace) {
        if let Some(r) = region_of_token(token) {
            // A navigation word outranks a weaker hint elsewhere in the same attribute.
            if r == Region::Navigation {
                return Some(r);
            }
            found = found.or(Some(r));
        }
    }
    found
}

fn region_of_token(token: &str) -> Option<Region> {
    let lower = token.to_ascii_lowercase();
    let words: Vec<&str> = lower.split(['-', '_']).filter(|w| !w.is_empty()).collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    // Paired words first: "wp-caption-text", "entry-meta", "post-meta", "screen-reader-text".
    if has(RELATED_WORDS) {
        return Some(Region::Related);
    }
    if words.iter().any(|w| *w == "caption" || *w == "figcaption") {
        return Some(Region::Caption);
    }
    if words.contains(&"meta")
        || words.contains(&"byline")
        || words.contains(&"credit")
        || words.contains(&"credits")
        || words.contains(&"dateline")
    {
        return Some(Region::Credit);
    }
    if words.contains(&"screen") || words.contains(&"sr") || words.contains(&"visually") {
        return words.iter().any(|w| *w == "reader" || *w == "only" || *w == "hidden").then_some(Region::Navigation);
    }
    if words.first().is_some_and(|w| *w == "jp") {
        return words.iter().any(|w| w.contains("related")).then_some(Region::Related).or(Some(Region::Navigation));
    }
    if has(NAVIGATION_WORDS) {
        return Some(Region::Navigation);
    }
    if words.first().is_some_and(|w| *w == "author") && words.len() <= 2 {
        return Some(Region::Credit);
    }
    None
}

/// Whether an element's class or id names the main article text ("entry-content", "article-body").
pub(crate) fn is_content_hint(class: Option<&str>, id: Option<&str>) -> bool {
    class.into_iter().chain(id).flat_map(str::split_whitespace).any(|t| {
        let t = t.to_ascii_lowercase();
        [
            "entry-content",
            "post-content",
            "article-body",
            "article-content",
            "articlebody",
            "story-body",
            "story-content",
            "post-body",
            "news-text",
            "article-text",
            "content-body",
            "main-content",
            "td-post-content",
            "single-content",
        ]
        .iter()
        .any(|h| t.contains(h))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_lines() {
        assert_eq!(classify_line("Read More: Kazakhstan signs deal with Russia"), Some(BlockKind::Related));
        assert_eq!(classify_line("» Also read: Talks resume in Astana"), Some(BlockKind::Related));
        assert_eq!(classify_line("(Source: Reuters)"), Some(BlockKind::Credit));
        assert_eq!(classify_line("Photo: Akorda press service"), Some(BlockKind::Credit));
        assert_eq!(classify_line("By Aigerim Seitkali"), Some(BlockKind::Credit));
        assert_eq!(classify_line("(Xinhua)"), Some(BlockKind::Credit));
        assert_eq!(classify_line("Exit mobile version"), Some(BlockKind::Navigation));
        assert_eq!(classify_line("Share this:"), Some(BlockKind::Navigation));
        assert_eq!(classify_line("Facebook"), Some(BlockKind::Navigation));
        assert_eq!(classify_line("14.09.2021"), Some(BlockKind::Credit));
        assert_eq!(classify_line("Читайте также: Казахстан увеличил экспорт"), Some(BlockKind::Related));
        assert_eq!(classify_line("2023"), Some(BlockKind::Credit));
        assert_eq!(classify_line("By the end of the week, ministers had agreed on a plan."), None);
        assert_eq!(
            classify_line(
                "Sources said the talks would resume in Astana on Monday, and that both delegations had agreed to meet again before the end of the month to finalise the text of the agreement, which covers oil transit, grain exports, water sharing on the Irtysh river and the terms of a new customs regime between the two countries."
            ),
            None
        );
        assert_eq!(classify_line("Kazakhstan signed a deal with Russia."), None);
        assert_eq!(classify_line("Searchers found the missing hikers."), None);
    }

    #[test]
    fn classifies_regions() {
        assert_eq!(region_of("div", Some("sharedaddy sd-sharing-enabled"), None, None, true), Some(Region::Navigation));
        assert_eq!(region_of("div", Some("jp-relatedposts"), None, None, true), Some(Region::Related));
        assert_eq!(region_of("p", Some("wp-caption-text"), None, None, true), Some(Region::Caption));
        assert_eq!(region_of("div", Some("entry-meta"), None, None, true), Some(Region::Credit));
        assert_eq!(region_of("div", None, Some("comments"), None, true), Some(Region::Navigation));
        assert_eq!(region_of("div", Some("entry-content"), None, None, true), None);
        assert_eq!(region_of("div", Some("sidebar-content"), None, None, true), Some(Region::Navigation));
        assert_eq!(
            region_of(
                "article",
                Some("post-12 post type-post tag-kazakhstan has-post-thumbnail hentry"),
                None,
                None,
                false
            ),
            None
        );
        assert_eq!(region_of("header", Some("entry-header"), None, None, true), None);
        assert_eq!(region_of("header", Some("site-header"), None, None, false), Some(Region::Navigation));
    }
}
