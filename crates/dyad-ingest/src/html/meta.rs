//! Page metadata: title, publication date, canonical URL, outlet and declared language, from
//! `<meta>` tags, JSON-LD, `<time>`, `<link rel=canonical>` and `<html lang>`.

use chrono::NaiveDate;
use scraper::{Html, Node};
use serde_json::Value;

/// Largest JSON-LD script parsed; real ones are a few KB.
const MAX_JSON_LD: usize = 512 << 10;

/// What a page says about itself.
#[derive(Debug, Default)]
pub(super) struct PageMeta {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub canonical: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
}

/// Date sources from most to least trusted; the lowest rank found wins.
fn date_rank(key: &str) -> Option<u8> {
    Some(match key {
        "article:published_time" | "og:article:published_time" => 0,
        "datepublished" => 1,
        "json-ld" => 2,
        "pubdate"
        | "publishdate"
        | "publish-date"
        | "publish_date"
        | "publication_date"
        | "article.published"
        | "published_time"
        | "parsely-pub-date"
        | "sailthru.date"
        | "dc.date.issued"
        | "dcterms.issued"
        | "dc.date"
        | "dcterms.created"
        | "date"
        | "og:published_time"
        | "cxenseparse:recs:publishtime" => 3,
        "time-published" => 4,
        "time" => 5,
        "article:modified_time" | "og:updated_time" | "datemodified" | "last-modified" => 6,
        _ => return None,
    })
}

#[derive(Default)]
struct Found {
    og_title: Option<String>,
    ld_headline: Option<String>,
    h1: Option<String>,
    title_tag: Option<String>,
    date: Option<(u8, NaiveDate)>,
    og_url: Option<String>,
    locale: Option<String>,
    ld_publisher: Option<String>,
}

impl Found {
    fn offer_date(&mut self, key: &str, value: &str) {
        let Some(rank) = date_rank(key) else { return };
        if self.date.is_some_and(|(r, _)| r <= rank) {
            return;
        }
        if let Some(d) = parse_loose_date(value) {
            self.date = Some((rank, d));
        }
    }
}

/// Reads the metadata of a parsed page.
pub(super) fn read_meta(html: &Html) -> PageMeta {
    let mut m = PageMeta::default();
    let mut f = Found::default();
    for node in html.tree.nodes() {
        let Node::Element(el) = node.value() else { continue };
        let name = el.name();
        let attr = |wanted: &str| el.attrs().find(|(k, _)| *k == wanted).map(|(_, v)| v);
        match name {
            "html" => m.lang = attr("lang").or_else(|| attr("xml:lang")).map(clean).filter(|l| !l.is_empty()),
            "meta" => {
                let content = attr("content").unwrap_or_default();
                let key = attr("property")
                    .or_else(|| attr("name"))
                    .or_else(|| attr("itemprop"))
                    .or_else(|| attr("http-equiv"));
                let Some(key) = key.map(str::to_ascii_lowercase) else { continue };
                match key.as_str() {
                    "og:title" | "twitter:title" => f.og_title = f.og_title.take().or_else(|| non_empty(content)),
                    "og:site_name" | "application-name" => {
                        m.site_name = m.site_name.take().or_else(|| non_empty(content))
                    }
                    "og:url" => f.og_url = non_empty(content),
                    "og:locale" => f.locale = non_empty(&content.replace('_', "-")),
                    "content-language" => {
                        f.locale = f.locale.take().or_else(|| non_empty(content.split(',').next().unwrap_or_default()))
                    }
                    k => f.offer_date(k, content),
                }
            }
            "link" => {
                if attr("rel").is_some_and(|r| r.split_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))) {
                    m.canonical = attr("href").and_then(non_empty).filter(|h| h.starts_with("http"));
                }
            }
            "script" if attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                let text: String = node.children().filter_map(|c| c.value().as_text().map(|t| &**t)).collect();
                if text.len() <= MAX_JSON_LD
                    && let Ok(v) = serde_json::from_str::<Value>(&text)
                {
                    json_ld(&v, &mut f, 0);
                }
            }
            "time" => {
                let value = attr("datetime").unwrap_or_default();
                let published = attr("pubdate").is_some()
                    || attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                    || attr("class").is_some_and(|c| c.contains("publish") || c.contains("entry-date"));
                f.offer_date(if published { "time-published" } else { "time" }, value);
            }
            "title" if f.title_tag.is_none() => f.title_tag = non_empty(&collapse(&text_of(node))),
            "h1" if f.h1.is_none() => f.h1 = non_empty(&collapse(&text_of(node))),
            _ => {
                if attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished")) {
                    let value = attr("content")
                        .or_else(|| attr("datetime"))
                        .map(str::to_string)
                        .unwrap_or_else(|| text_of(node));
                    f.offer_date("datepublished", &value);
                }
            }
        }
    }
    m.published = f.date.map(|(_, d)| d);
    m.canonical = m.canonical.or(f.og_url).filter(|u| u.starts_with("http"));
    m.site_name = m.site_name.or(f.ld_publisher);
    m.lang = m.lang.or(f.locale);
    let tag_title = f.title_tag.map(|t| strip_site_suffix(&t, m.site_name.as_deref()));
    m.title = f.og_title.or(f.ld_headline).or(f.h1).or(tag_title).map(|t| collapse(&t));
    m
}

/// Collects `datePublished`, `headline` and `publisher.name` from JSON-LD, however nested.
fn json_ld(v: &Value, f: &mut Found, depth: u8) {
    if depth > 16 {
        return;
    }
    match v {
        Value::Object(o) => {
            if let Some(Value::String(d)) = o.get("datePublished") {
                f.offer_date("json-ld", d);
            }
            if let Some(Value::String(d)) = o.get("dateModified") {
                f.offer_date("datemodified", d);
            }
            if f.ld_headline.is_none()
                && let Some(Value::String(h)) = o.get("headline")
            {
                f.ld_headline = non_empty(h);
            }
            if f.ld_publisher.is_none()
                && let Some(Value::Object(p)) = o.get("publisher")
                && let Some(Value::String(n)) = p.get("name")
            {
                f.ld_publisher = non_empty(n);
            }
            for child in o.values() {
                json_ld(child, f, depth + 1);
            }
        }
        Value::Array(a) => a.iter().for_each(|c| json_ld(c, f, depth + 1)),
        _ => {}
    }
}

/// Dates as pages, feeds and archives write them: ISO 8601 and RFC 3339, RFC 2822, and
/// "March 28, 2023" / "28 March 2023".
pub(crate) fn parse_loose_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Some(d) = crate::jsonl::parse_date(s) {
        return Some(d);
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    let s = s.replace(',', "");
    ["%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S"].iter().find_map(
        |fmt| {
            NaiveDate::parse_from_str(&s, fmt)
                .ok()
                .or_else(|| chrono::NaiveDateTime::parse_from_str(&s, fmt).ok().map(|d| d.date()))
        },
    )
}

/// "Talks resume | Steppe Herald" → "Talks resume", when the tail is short or the site name.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " « ", " » "] {
        if let Some(i) = title.rfind(sep) {
            let tail = title[i + sep.len()..].trim();
            if site.is_some_and(|s| s.eq_ignore_ascii_case(tail)) || tail.split_whitespace().count() <= 3 {
                return title[..i].trim().to_string();
            }
        }
    }
    title.to_string()
}

fn text_of(node: ego_tree::NodeRef<'_, Node>) -> String {
    node.descendants().filter_map(|d| d.value().as_text().map(|t| &**t)).collect()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clean(s: &str) -> String {
    s.trim().to_string()
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_from_many_places() {
        let d = NaiveDate::from_ymd_opt;
        let page = |head: &str| {
            read_meta(&Html::parse_document(&format!("<html><head>{head}</head><body><p>x</p></body></html>")))
        };
        assert_eq!(
            page(r#"<meta property="article:published_time" content="2023-03-28T09:00:00+06:00">"#).published,
            d(2023, 3, 28)
        );
        assert_eq!(page(r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2022-11-02"}]}</script>"#).published, d(2022, 11, 2));
        assert_eq!(
            page(r#"<meta name="pubdate" content="20200105"><meta property="og:updated_time" content="2021-01-01">"#)
                .published,
            d(2020, 1, 5)
        );
        assert_eq!(parse_loose_date("Tue, 28 Mar 2023 10:00:00 GMT"), d(2023, 3, 28));
        assert_eq!(parse_loose_date("March 28, 2023"), d(2023, 3, 28));
        assert_eq!(strip_site_suffix("Talks resume in Astana | Steppe Herald", None), "Talks resume in Astana");
    }
}
