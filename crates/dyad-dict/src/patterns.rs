//! Event patterns: `CODE  pattern ; attributes` lines, their element syntax and word sets.

use crate::Origin;
use crate::diagnostic::{Diagnostics, column_of};
use crate::lines::{lines, split_list};
use dyad_model::{CameoCode, Codebook};

/// One element of a pattern after the head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Element {
    /// One of several word sequences (a literal word is a choice of one); optional when written `[…]`.
    Choice {
        /// Alternatives, each a sequence of lower-case words.
        options: Vec<Vec<String>>,
        /// Whether the element may match nothing.
        optional: bool,
    },
    /// Any member of a named word set.
    Set(String),
    /// The target actor.
    Target,
    /// The embedded verb phrase of a frame (`$V`).
    Verb,
    /// Up to four words of anything inside the clause.
    Gap,
}

/// The trigger word of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Head {
    /// Verb lemmas, any of which triggers; matched in every inflection.
    Verbs(Vec<String>),
    /// Nouns (`~talks`), matched in singular and plural.
    Nouns(Vec<String>),
    /// Members of a word set, as verbs.
    Set(String),
}

/// A parsed pattern line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// The CAMEO code the pattern assigns.
    pub code: CameoCode,
    /// The trigger.
    pub head: Head,
    /// The elements after the head.
    pub rest: Vec<Element>,
    /// Code to use when the clause is negated.
    pub not: Option<CameoCode>,
    /// A compound source with no target codes each member against the others.
    pub mutual: bool,
    /// The roles are swapped: the `$T` phrase acts on the clause's subject ("received aid from
    /// $T", "faces pressure from $T").
    pub reverse: bool,
    /// The target must be people or a person ("received the ministers", not "received Russian
    /// weapons").
    pub people: bool,
    /// The pattern text as written, for explanations.
    pub text: String,
    /// File and line.
    pub origin: Origin,
}

impl Pattern {
    /// Number of literal words, the measure of specificity used to rank matches.
    pub fn literal_count(&self) -> usize {
        self.rest
            .iter()
            .map(|e| match e {
                Element::Choice { options, optional: false } => options.iter().map(Vec::len).min().unwrap_or(0),
                Element::Set(_) => 1,
                _ => 0,
            })
            .sum::<usize>()
            + 1
    }

    /// Whether the pattern names a target slot.
    pub fn has_target(&self) -> bool {
        self.rest.contains(&Element::Target)
    }
}

/// A named word set (`&aid = aid | assistance`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordSet {
    /// The name without `&`.
    pub name: String,
    /// Members, each a sequence of words.
    pub members: Vec<Vec<String>>,
    /// File and line.
    pub origin: Origin,
}

fn valid_word(w: &str) -> bool {
    !w.is_empty()
        && w.chars().all(|c| c.is_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '\'' | '.' | '’' | ','))
}

/// Pattern words are matched in lower case; capitals in the file are accepted and folded.
fn words(alt: &str) -> Vec<String> {
    alt.split_whitespace().map(str::to_lowercase).collect()
}

/// Splits pattern text into raw elements, keeping `(…)` and `[…]` groups whole.
fn split_elements(text: &str) -> Result<Vec<&str>, String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => {
                if depth == 0 && start.is_none() {
                    start = Some(i);
                }
                depth += 1;
            }
            ')' | ']' => {
                depth -= 1;
                if depth < 0 {
                    return Err(format!("unbalanced '{c}'"));
                }
            }
            c if c.is_whitespace() && depth == 0 => {
                if let Some(s) = start.take() {
                    out.push(&text[s..i]);
                }
            }
            _ => {
                if start.is_none() {
                    start = Some(i);
                }
            }
        }
    }
    if depth != 0 {
        return Err("unclosed '(' or '['".into());
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    Ok(out)
}

/// Parses one element; `allow_verb` admits `$V` (frames only).
fn parse_element(raw: &str, allow_verb: bool) -> Result<Element, String> {
    let bad_word =
        |w: &str| format!("'{w}' is not a pattern word: use lower-case letters, digits, hyphens and apostrophes");
    match raw {
        "$T" => return Ok(Element::Target),
        "*" => return Ok(Element::Gap),
        "$V" if allow_verb => return Ok(Element::Verb),
        _ => {}
    }
    if let Some(name) = raw.strip_prefix('&') {
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()) {
            return Err(format!("'{raw}' is not a set name: use & and lower-case letters, such as &aid"));
        }
        return Ok(Element::Set(name.to_string()));
    }
    // "(a|b)?" is read as "[a|b]", a spelling many pattern writers reach for.
    let (inner, optional) = if let Some(i) = raw.strip_prefix('(').and_then(|r| r.strip_suffix(")?")) {
        (i, true)
    } else if let Some(i) = raw.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        (i, false)
    } else if let Some(i) = raw.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        (i, true)
    } else {
        if raw.starts_with('$') {
            return Err(format!("'{raw}' is not a slot: use $T for the target"));
        }
        let word = raw.to_lowercase();
        if !valid_word(&word) {
            return Err(bad_word(raw));
        }
        return Ok(Element::Choice { options: vec![vec![word]], optional: false });
    };
    let mut options = Vec::new();
    for alt in inner.split('|') {
        let ws = words(alt);
        if ws.is_empty() {
            return Err(format!("empty alternative in '{raw}'; use [a|b] for an optional element"));
        }
        if let Some(w) = ws.iter().find(|w| !valid_word(w)) {
            return Err(bad_word(w));
        }
        options.push(ws);
    }
    // Longest alternatives first, so "memorandum of understanding" is tried before "memorandum".
    options.sort_by_key(|o| std::cmp::Reverse(o.len()));
    Ok(Element::Choice { options, optional })
}

/// Parses the head element: a lemma, `(a|b)` lemmas, `&set`, or `~noun`.
fn parse_head(raw: &str) -> Result<Head, String> {
    let (nominal, raw) = match raw.strip_prefix('~') {
        Some(r) => (true, r),
        None => (false, raw),
    };
    let list = match parse_element(raw, false)? {
        Element::Choice { options, optional: false } if options.iter().all(|o| o.len() == 1) => {
            options.into_iter().map(|mut o| o.remove(0)).collect::<Vec<_>>()
        }
        Element::Set(name) if !nominal => return Ok(Head::Set(name)),
        _ => {
            return Err(format!(
                "'{raw}' cannot start a pattern: the first element is the trigger word (or (a|b) words)"
            ));
        }
    };
    Ok(if nominal { Head::Nouns(list) } else { Head::Verbs(list) })
}

/// Parses the pattern body (head and elements).
pub fn parse_body(text: &str, allow_verb: bool) -> Result<(Head, Vec<Element>), String> {
    let raw = split_elements(text)?;
    let (first, rest) = raw.split_first().ok_or("empty pattern")?;
    let head = parse_head(first)?;
    let rest = rest.iter().map(|r| parse_element(r, allow_verb)).collect::<Result<Vec<_>, _>>()?;
    if rest.iter().filter(|e| **e == Element::Target).count() > 1 {
        return Err("a pattern has at most one $T".into());
    }
    if let Some(Element::Gap) = rest.last() {
        return Err("a pattern cannot end with '*'".into());
    }
    Ok((head, rest))
}

/// Parses a verb-pattern file (`verbs/NN-*.txt`).
pub fn parse_patterns(text: &str, file: &str, file_id: u16, book: &Codebook, diags: &mut Diagnostics) -> Vec<Pattern> {
    let mut out = Vec::new();
    for line in lines(text) {
        let (code_text, rest) = line.text.split_once(char::is_whitespace).unwrap_or((line.text, ""));
        let code = match book.lookup(code_text) {
            Ok(info) => info.code,
            Err(e) => {
                diags.error(file, line.number, column_of(line.raw, code_text), line.raw, e.to_string());
                continue;
            }
        };
        let (body, attrs) = rest.split_once(';').unwrap_or((rest, ""));
        let (head, elements) = match parse_body(body.trim(), false) {
            Ok(x) => x,
            Err(e) => {
                diags.error(file, line.number, column_of(line.raw, body.trim()), line.raw, e);
                continue;
            }
        };
        let mut p = Pattern {
            code,
            head,
            rest: elements,
            not: None,
            mutual: false,
            reverse: false,
            people: false,
            text: body.trim().to_string(),
            origin: Origin { file: file_id, line: line.number as u32 },
        };
        for attr in attrs.split(',').map(str::trim).filter(|a| !a.is_empty()) {
            if attr == "mutual" {
                p.mutual = true;
            } else if attr == "reverse" {
                p.reverse = true;
            } else if attr == "people" {
                p.people = true;
            } else if let Some(c) = attr.strip_prefix("not=") {
                match book.lookup(c.trim()) {
                    Ok(info) => p.not = Some(info.code),
                    Err(e) => diags.error(file, line.number, column_of(line.raw, c), line.raw, e.to_string()),
                }
            } else {
                diags.error(
                    file,
                    line.number,
                    column_of(line.raw, attr),
                    line.raw,
                    format!("unknown attribute '{attr}': expected not=CODE, mutual, reverse or people"),
                );
            }
        }
        out.push(p);
    }
    out
}

/// Parses a word-set file (`verbs/sets*.txt`).
pub fn parse_sets(text: &str, file: &str, file_id: u16, diags: &mut Diagnostics) -> Vec<WordSet> {
    let mut out = Vec::new();
    for line in lines(text) {
        let Some((name, members)) = line.text.split_once('=') else {
            diags.error(file, line.number, 1, line.raw, "expected '&name = word | phrase | …'");
            continue;
        };
        let name = name.trim();
        let Some(bare) = name
            .strip_prefix('&')
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()))
        else {
            diags.error(
                file,
                line.number,
                1,
                line.raw,
                format!("'{name}' is not a set name: use & and lower-case letters, such as &aid"),
            );
            continue;
        };
        let mut ms = Vec::new();
        for m in split_list(members) {
            let ws = words(m);
            if let Some(w) = ws.iter().find(|w| !valid_word(w)) {
                diags.error(
                    file,
                    line.number,
                    column_of(line.raw, w),
                    line.raw,
                    format!("'{w}' is not a pattern word: use lower-case letters, digits, hyphens and apostrophes"),
                );
                continue;
            }
            ms.push(ws);
        }
        ms.sort_by_key(|o| std::cmp::Reverse(o.len()));
        out.push(WordSet {
            name: bare.to_string(),
            members: ms,
            origin: Origin { file: file_id, line: line.number as u32 },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Vec<Pattern>, Diagnostics) {
        let mut d = Diagnostics::default();
        let p = parse_patterns(text, "verbs/04-consult.txt", 0, &Codebook::standard(), &mut d);
        (p, d)
    }

    #[test]
    fn parses_elements_and_attributes() {
        let (ps, d) = parse(
            "046  (negotiate|confer) with $T ; mutual\n057  sign &agreement with $T ; mutual, not=127\n042  ~visit to $T\n042  pay [a|an] visit to $T\n",
        );
        assert_eq!(d.errors(), 0, "{:?}", d.items());
        assert_eq!(ps[0].head, Head::Verbs(vec!["negotiate".into(), "confer".into()]));
        assert!(ps[0].mutual);
        assert_eq!(ps[1].rest[0], Element::Set("agreement".into()));
        assert_eq!(ps[1].not.unwrap().as_str(), "127");
        assert_eq!(ps[2].head, Head::Nouns(vec!["visit".into()]));
        assert_eq!(
            ps[3].rest[0],
            Element::Choice { options: vec![vec!["a".into()], vec!["an".into()]], optional: true }
        );
        assert_eq!(ps[3].literal_count(), 3);
        assert!(ps[3].has_target());
    }

    #[test]
    fn reports_errors_with_columns() {
        let (ps, d) =
            parse("0429  visit $T\n042  visit $X\n042  (visit to $T\n042  visit $T ; sometimes\n042  * visit\n");
        assert_eq!(ps.len(), 1);
        assert_eq!(d.errors(), 5, "{:?}", d.items());
        assert!(d.items()[0].message.contains("did you mean 042"));
        assert_eq!(d.items()[1].column, 6);
    }

    #[test]
    fn parses_sets() {
        let mut d = Diagnostics::default();
        let s = parse_sets(
            "&agreement = agreement | memorandum of understanding | deal\nbad line\n",
            "verbs/sets.txt",
            0,
            &mut d,
        );
        assert_eq!(d.errors(), 1);
        assert_eq!(s[0].members[0], vec!["memorandum", "of", "understanding"]);
    }
}
