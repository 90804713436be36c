//! The compiled form of the dictionaries: one name automaton (an anchored trie) for every actor
//! name and agent phrase, a word table of verb forms and pattern words, and patterns indexed by trigger.

use crate::agents::plural;
use crate::frames::FrameKind;
use crate::patterns::{Element, Head};
use crate::trie::NameTrie;
use crate::{Dictionaries, Form, Origin};
use dyad_model::CameoCode;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Index of a word in the word table.
pub type WordId = u32;
/// Index of a pattern in `Compiled::patterns`.
pub type PatternId = u32;
/// Index of an agent in `Dictionaries::agents`.
pub type AgentId = u32;

/// Which kind of country name matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CountryForm {
    /// The country's name ("Kazakhstan").
    Name,
    /// An adjective ("Kazakh").
    Adjective,
    /// A noun for its people ("Kazakhs").
    People,
    /// A capital used as metonym ("Astana").
    Capital,
    /// A seat of power ("the Kremlin").
    Seat,
    /// A region inside the country ("Darfur").
    Region,
}

/// What a matched name refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// A country name of some form; the index is into `Dictionaries::countries`.
    Country(u32, CountryForm),
    /// An organisation; index into `Dictionaries::organisations`.
    Organisation(u32),
    /// A person; index into `Dictionaries::people`.
    Person(u32),
    /// A sector agent; index into `Dictionaries::agents`.
    Agent(AgentId),
}

/// A verified name match in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameHit {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Every entry the words may refer to (one in most cases).
    pub kinds: Vec<NameKind>,
    /// Where the first entry was written.
    pub origin: Origin,
}

/// One element of a compiled pattern after its head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// One of several word-id sequences; may match nothing when optional.
    Words {
        /// Alternatives, longest first.
        options: Arc<[Box<[WordId]>]>,
        /// Whether nothing may match.
        optional: bool,
    },
    /// The target actor.
    Target,
    /// The embedded verb phrase of a frame.
    Verb,
    /// Up to four words.
    Gap,
}

/// A pattern ready for matching.
#[derive(Clone, Debug, PartialEq)]
pub struct CompiledPattern {
    /// Code assigned.
    pub code: CameoCode,
    /// Code when negated.
    pub not: Option<CameoCode>,
    /// Reciprocal predicate.
    pub mutual: bool,
    /// Source and target swapped (`; reverse`).
    pub reverse: bool,
    /// The target must be people (`; people`).
    pub people: bool,
    /// Nominal trigger (`~noun`).
    pub nominal: bool,
    /// Elements after the head.
    pub items: Vec<Item>,
    /// Specificity: literal words including the head.
    pub literals: u16,
    /// For each required word element, the words it can start with: a sentence that has none of
    /// them cannot match, which lets the coder skip most patterns without trying them.
    pub required: Vec<Vec<WordId>>,
    /// Pattern text as written.
    pub text: String,
    /// File and line.
    pub origin: Origin,
}

/// A frame ready for matching.
#[derive(Clone, Debug, PartialEq)]
pub struct CompiledFrame {
    /// What the frame does.
    pub kind: FrameKind,
    /// Elements after the head, including `Item::Verb`.
    pub items: Vec<Item>,
    /// Text as written.
    pub text: String,
    /// File and line.
    pub origin: Origin,
}

/// What the dictionaries know about one lower-case word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordEntry {
    /// The word.
    pub text: String,
    /// Verb readings: lemma index and form.
    pub verbs: Vec<(u32, Form)>,
    /// Patterns triggered by this word as a noun.
    pub noun_patterns: Vec<PatternId>,
}

/// The matchers built from the dictionaries; immutable and shareable across threads.
#[derive(Clone, Debug)]
pub struct Compiled {
    names: NameTrie,
    name_entries: NameEntries,
    words: FxHashMap<String, WordId>,
    /// Word table, indexed by `WordId`.
    pub entries: Vec<WordEntry>,
    /// Verb lemmas, indexed by lemma id.
    pub lemmas: Vec<String>,
    /// Patterns, indexed by `PatternId`.
    pub patterns: Vec<CompiledPattern>,
    /// Patterns per verb lemma.
    pub verb_patterns: Vec<Vec<PatternId>>,
    /// Verb patterns keyed by (lemma, the first word of their first required element): a pattern
    /// can only match when that word follows the trigger.
    anchored: FxHashMap<(u32, WordId), Vec<PatternId>>,
    /// Verb patterns with no required word after the head, per lemma.
    unanchored: Vec<Vec<PatternId>>,
    /// Frames per verb lemma.
    pub verb_frames: Vec<Vec<u32>>,
    /// Frames.
    pub frames: Vec<CompiledFrame>,
}

/// Lower-cases ASCII letters and keeps every other byte, so offsets in the result equal offsets
/// in the input.
pub fn fold_ascii(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// Replaces common Latin letters with diacritics by their ASCII base ("Élysée" → "Elysee").
fn deaccent(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' | 'Ā' => 'A',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'Í' | 'Î' | 'İ' => 'I',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
            'Ó' | 'Ô' | 'Ö' | 'Ø' => 'O',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'Ú' | 'Ü' => 'U',
            'ç' | 'ć' | 'č' => 'c',
            'Ç' | 'Č' | 'Ć' => 'C',
            'ñ' | 'ń' | 'ň' => 'n',
            'ş' | 'š' | 'ś' | 'ș' => 's',
            'Ş' | 'Š' | 'Ś' | 'Ș' => 'S',
            'ž' | 'ź' | 'ż' => 'z',
            'Ž' | 'Ż' => 'Z',
            'ğ' => 'g',
            'ř' => 'r',
            'ł' => 'l',
            'Ł' => 'L',
            'ț' | 'ţ' => 't',
            'ý' | 'ÿ' => 'y',
            'đ' => 'd',
            'Đ' => 'D',
            '’' | '‘' | 'ʼ' | '`' => '\'',
            other => other,
        })
        .collect()
}

/// Spelling variants under which a dictionary name is matched.
fn variants(text: &str) -> Vec<String> {
    let mut v = vec![text.to_string()];
    let plain = deaccent(text);
    if plain != text {
        v.push(plain);
    }
    if text.contains('\'') {
        v.push(text.replace('\'', "’"));
    }
    v
}

fn upper_mask(text: &str) -> Vec<u16> {
    text.bytes().enumerate().filter(|(_, b)| b.is_ascii_uppercase()).map(|(i, _)| i as u16).collect()
}

#[derive(Default)]
struct Builder {
    words: FxHashMap<String, WordId>,
    entries: Vec<WordEntry>,
    lemmas: Vec<String>,
    lemma_ids: FxHashMap<String, u32>,
    /// Word sets, interned once.
    sets: FxHashMap<String, Arc<[Box<[WordId]>]>>,
}

impl Builder {
    fn word(&mut self, w: &str) -> WordId {
        if let Some(&id) = self.words.get(w) {
            return id;
        }
        let id = self.entries.len() as WordId;
        self.words.insert(w.to_string(), id);
        self.entries.push(WordEntry { text: w.to_string(), ..WordEntry::default() });
        id
    }

    fn lemma(&mut self, d: &Dictionaries, lemma: &str) -> u32 {
        if let Some(&id) = self.lemma_ids.get(lemma) {
            return id;
        }
        let id = self.lemmas.len() as u32;
        self.lemmas.push(lemma.to_string());
        self.lemma_ids.insert(lemma.to_string(), id);
        let mut forms = surface_forms(d, lemma);
        // "criticise"/"criticize", "analyse"/"analyze": the other spelling inflects as the same verb.
        if let Some(other) = other_spelling(lemma) {
            forms.extend(surface_forms(d, &other));
        }
        for (form, kind) in forms {
            let w = self.word(&form);
            if !self.entries[w as usize].verbs.contains(&(id, kind)) {
                self.entries[w as usize].verbs.push((id, kind));
            }
        }
        id
    }

    fn items(&mut self, rest: &[Element]) -> Vec<Item> {
        rest.iter()
            .map(|e| match e {
                Element::Choice { options, optional } => Item::Words {
                    options: options
                        .iter()
                        .map(|o| o.iter().map(|w| self.word(w)).collect::<Box<[WordId]>>())
                        .collect(),
                    optional: *optional,
                },
                Element::Set(name) => Item::Words {
                    options: self.sets.get(name).cloned().unwrap_or_else(|| Arc::from([])),
                    optional: false,
                },
                Element::Target => Item::Target,
                Element::Verb => Item::Verb,
                Element::Gap => Item::Gap,
            })
            .collect()
    }
}

/// The British or American spelling of an -ize/-ise or -yze/-yse verb ("recognise" for
/// "recognize"); short words ("size", "rise") and the auxiliaries have none.
fn other_spelling(lemma: &str) -> Option<String> {
    if lemma.len() < 6 {
        return None;
    }
    let stem = &lemma[..lemma.len() - 3];
    let other = match &lemma[lemma.len() - 3..] {
        "ize" => "ise",
        "ise" => "ize",
        "yze" => "yse",
        "yse" => "yze",
        _ => return None,
    };
    Some(format!("{stem}{other}"))
}

/// Surface forms of a lemma, with the auxiliaries' irregular paradigms built in.
fn surface_forms(d: &Dictionaries, lemma: &str) -> Vec<(String, Form)> {
    let fixed: &[(&str, Form)] = match lemma {
        "be" => &[
            ("be", Form::Base),
            ("is", Form::Third),
            ("are", Form::Base),
            ("am", Form::Base),
            ("was", Form::Past),
            ("were", Form::Past),
            ("been", Form::Participle),
            ("being", Form::Gerund),
            ("'s", Form::Third),
            ("'re", Form::Base),
        ],
        "have" => {
            &[("have", Form::Base), ("has", Form::Third), ("had", Form::PastOrParticiple), ("having", Form::Gerund)]
        }
        "do" => &[
            ("do", Form::Base),
            ("does", Form::Third),
            ("did", Form::Past),
            ("done", Form::Participle),
            ("doing", Form::Gerund),
        ],
        _ => &[],
    };
    if !fixed.is_empty() {
        return fixed.iter().map(|(w, f)| (w.to_string(), *f)).collect();
    }
    d.irregulars.inflect(lemma).surface()
}

fn head_words(d: &Dictionaries, head: &Head) -> (bool, Vec<String>) {
    match head {
        Head::Verbs(v) => (false, v.clone()),
        Head::Nouns(v) => (true, v.clone()),
        Head::Set(name) => {
            let members = d.sets.iter().find(|s| &s.name == name).map(|s| s.members.clone()).unwrap_or_default();
            (false, members.into_iter().filter(|m| m.len() == 1).map(|mut m| m.remove(0)).collect())
        }
    }
}

impl Compiled {
    /// Compiles parsed dictionaries.
    pub fn build(d: &Dictionaries) -> Compiled {
        // The name automaton is the costliest part and independent of the rest: build it on a
        // second thread while the patterns compile.
        std::thread::scope(|scope| {
            let names = scope.spawn(|| build_names(d));
            Compiled::build_with(d, &d.patterns, move || {
                names.join().expect("building the name automaton does not panic")
            })
        })
    }

    /// Compiles `patterns` (which need not be in `d` yet) with the rest of `d`; `names` gives the
    /// name automaton, so a caller can build it on another thread as soon as the actors are read.
    pub(crate) fn build_with(
        d: &Dictionaries,
        patterns_in: &[crate::Pattern],
        names: impl FnOnce() -> (NameTrie, NameEntries),
    ) -> Compiled {
        let mut b = Builder::default();
        for set in &d.sets {
            let options: Arc<[Box<[WordId]>]> =
                set.members.iter().map(|o| o.iter().map(|w| b.word(w)).collect()).collect();
            b.sets.insert(set.name.clone(), options);
        }
        let mut patterns = Vec::with_capacity(patterns_in.len());
        let mut verb_patterns: Vec<Vec<PatternId>> = Vec::new();
        for p in patterns_in {
            let id = patterns.len() as PatternId;
            let (nominal, heads) = head_words(d, &p.head);
            let items = b.items(&p.rest);
            for h in &heads {
                if nominal {
                    let forms = if h.ends_with('s') { vec![h.clone()] } else { vec![h.clone(), plural(h)] };
                    for f in forms {
                        let w = b.word(&f);
                        b.entries[w as usize].noun_patterns.push(id);
                    }
                } else {
                    let l = b.lemma(d, h) as usize;
                    if verb_patterns.len() <= l {
                        verb_patterns.resize(l + 1, Vec::new());
                    }
                    verb_patterns[l].push(id);
                }
            }
            let required = required_words(&items);
            patterns.push(CompiledPattern {
                code: p.code,
                not: p.not,
                mutual: p.mutual,
                reverse: p.reverse,
                people: p.people,
                nominal,
                items,
                literals: p.literal_count() as u16,
                required,
                text: p.text.clone(),
                origin: p.origin,
            });
        }
        let mut frames = Vec::new();
        let mut verb_frames: Vec<Vec<u32>> = Vec::new();
        for f in &d.frames {
            let id = frames.len() as u32;
            let (_, heads) = head_words(d, &f.head);
            let items = b.items(&f.rest);
            for h in &heads {
                let l = b.lemma(d, h) as usize;
                if verb_frames.len() <= l {
                    verb_frames.resize(l + 1, Vec::new());
                }
                verb_frames[l].push(id);
            }
            frames.push(CompiledFrame { kind: f.kind, items, text: f.text.clone(), origin: f.origin });
        }
        for (lemma, _) in &d.plain_verbs {
            b.lemma(d, lemma);
        }
        verb_patterns.resize(b.lemmas.len(), Vec::new());
        verb_frames.resize(b.lemmas.len(), Vec::new());
        let mut anchored: FxHashMap<(u32, WordId), Vec<PatternId>> = FxHashMap::default();
        let mut unanchored: Vec<Vec<PatternId>> = vec![Vec::new(); b.lemmas.len()];
        for (lemma, ids) in verb_patterns.iter().enumerate() {
            for &pid in ids {
                match patterns[pid as usize].required.first() {
                    Some(words) => {
                        for &w in words {
                            anchored.entry((lemma as u32, w)).or_default().push(pid);
                        }
                    }
                    None => unanchored[lemma].push(pid),
                }
            }
        }
        let (names, name_entries) = names();
        Compiled {
            names,
            name_entries,
            words: b.words,
            entries: b.entries,
            lemmas: b.lemmas,
            patterns,
            verb_patterns,
            anchored,
            unanchored,
            verb_frames,
            frames,
        }
    }

    /// The verb patterns of a lemma that could match given the words after the trigger, in file
    /// order; the rest cannot match because their first required word is absent.
    pub fn candidates(&self, lemma: u32, words_after: impl Iterator<Item = WordId>, out: &mut Vec<PatternId>) {
        out.clear();
        out.extend_from_slice(&self.unanchored[lemma as usize]);
        for w in words_after {
            if let Some(ids) = self.anchored.get(&(lemma, w)) {
                out.extend_from_slice(ids);
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// The id of a lower-case word, if any dictionary uses it.
    #[inline]
    pub fn word_id(&self, lower: &str) -> Option<WordId> {
        self.words.get(lower).copied()
    }

    /// Finds every actor name and agent phrase in `text`, whose ASCII-lower-cased copy is `lower`.
    ///
    /// Matches must start and end on word boundaries and respect the capitals of the dictionary
    /// entry; overlapping candidates are resolved leftmost-longest.
    pub fn find_names(&self, text: &str, lower: &str) -> Vec<NameHit> {
        let bytes = text.as_bytes();
        let low = lower.as_bytes();
        let is_word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
        let mut out: Vec<NameHit> = Vec::new();
        let mut found = Vec::new();
        let mut at = 0;
        // A name starts where a word starts (or at a symbol), so the automaton runs anchored
        // there and dies within a few bytes where no name begins: one pass over the text with no
        // failure transitions. The longest name at a start wins; a name that does not end on a
        // word boundary or lacks the entry's capitals is no match.
        while at < low.len() {
            let b = low[at];
            let starts = if is_word(b) { at == 0 || !is_word(low[at - 1]) } else { !b.is_ascii_whitespace() };
            if !starts {
                at += 1;
                continue;
            }
            // The names that start here, shortest first. When the longest fails (no word
            // boundary, or "U.S. Border Patrol" in lower case in "U.S. border patrol agents"), a
            // shorter one may still hold ("U.S.").
            self.names.prefixes_at(low, at, &mut found);
            let hit = found.iter().rev().find_map(|&(e, key)| {
                let last = low[e - 1];
                if is_word(last) && e < bytes.len() && is_word(bytes[e]) {
                    return None;
                }
                let mut kinds = Vec::new();
                let mut origin = Origin::default();
                for (kind, mask, o) in &self.name_entries[key] {
                    if mask.iter().all(|&i| bytes[at + i as usize].is_ascii_uppercase()) {
                        if kinds.is_empty() {
                            origin = *o;
                        }
                        if !kinds.contains(kind) {
                            kinds.push(*kind);
                        }
                    }
                }
                (!kinds.is_empty()).then_some(NameHit { start: at, end: e, kinds, origin })
            });
            match hit {
                Some(h) => {
                    at = h.end;
                    out.push(h);
                }
                None => at += 1,
            }
        }
        out
    }

    /// Number of distinct name strings in the automaton.
    pub fn name_count(&self) -> usize {
        self.name_entries.len()
    }
}

/// For each name string in the automaton: what it may name, the byte positions that must be
/// capitals, and where it was defined.
pub(crate) type NameEntries = Vec<Vec<(NameKind, Vec<u16>, Origin)>>;

pub(crate) fn build_names(d: &Dictionaries) -> (NameTrie, NameEntries) {
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    let mut keys: Vec<String> = Vec::new();
    let mut entries: NameEntries = Vec::new();
    let mut add = |text: &str, kind: NameKind, origin: Origin| {
        for v in variants(text) {
            let key = fold_ascii(&v);
            if key.trim().is_empty() {
                continue;
            }
            let slot = *index.entry(key.clone()).or_insert_with(|| {
                keys.push(key);
                entries.push(Vec::new());
                entries.len() - 1
            });
            let mask = upper_mask(&v);
            if !entries[slot].iter().any(|(k, m, _)| *k == kind && *m == mask) {
                entries[slot].push((kind, mask, origin));
            }
        }
    };
    for (i, c) in d.countries.iter().enumerate() {
        let i = i as u32;
        for (list, form) in [
            (&c.names, CountryForm::Name),
            (&c.adjectives, CountryForm::Adjective),
            (&c.people, CountryForm::People),
            (&c.capitals, CountryForm::Capital),
            (&c.seats, CountryForm::Seat),
            (&c.regions, CountryForm::Region),
        ] {
            for n in list {
                add(&n.text, NameKind::Country(i, form), n.origin);
            }
        }
    }
    for (i, o) in d.organisations.iter().enumerate() {
        for n in &o.names {
            add(&n.text, NameKind::Organisation(i as u32), n.origin);
        }
    }
    for (i, p) in d.people.iter().enumerate() {
        for n in &p.names {
            add(&n.text, NameKind::Person(i as u32), n.origin);
        }
    }
    for (i, a) in d.agents.iter().enumerate() {
        let kind = NameKind::Agent(i as AgentId);
        add(&a.phrase, kind, a.origin);
        let pl = plural(&a.phrase);
        if !a.phrase.ends_with('s') || a.phrase.ends_with("ss") {
            add(&pl, kind, a.origin);
        }
    }
    let trie = NameTrie::new(&keys);
    (trie, entries)
}

/// The first words of each non-optional word element.
fn required_words(items: &[Item]) -> Vec<Vec<WordId>> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Words { options, optional: false } => {
                let mut firsts: Vec<WordId> = options.iter().filter_map(|o| o.first().copied()).collect();
                firsts.sort_unstable();
                firsts.dedup();
                Some(firsts)
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled() -> (Dictionaries, Compiled) {
        let (d, _) = Dictionaries::from_files(&[
            ("actors/countries.txt".into(), "Kazakhstan: KAZ\n  adjectives: Kazakh | Kazakhstani\n  people: Kazakhs\nUnited States: USA\n  names: US | U.S.\nCôte d'Ivoire: CIV\nChad: TCD\n".into()),
            ("actors/agents.txt".into(), "foreign minister: GOV\ntroops: MIL\narmy: MIL\n".into()),
            ("actors/organisations.txt".into(), "Border Patrol: USACOP\n  names: U.S. Border Patrol\n".into()),
            ("verbs/sets.txt".into(), "&agreement = deal | memorandum of understanding\n".into()),
            ("verbs/forms.txt".into(), "hold held held\n".into()),
            ("verbs/04-consult.txt".into(), "046  hold talks with $T ; mutual\n042  ~visit to $T\n057  sign &agreement with $T\n".into()),
            ("verbs/11-disapprove.txt".into(), "111  criticize $T\n111  analyse $T\n".into()),
        ]);
        let c = d.compile();
        (d, c)
    }

    #[test]
    fn both_spellings_of_ize_and_yse_verbs_inflect_as_one_lemma() {
        let (_, c) = compiled();
        for (word, lemma) in [
            ("criticised", "criticize"),
            ("criticizing", "criticize"),
            ("analyzed", "analyse"),
            ("analyses", "analyse"),
        ] {
            let e = &c.entries[c.words[word] as usize];
            assert!(e.verbs.iter().any(|v| c.lemmas[v.0 as usize] == lemma), "{word} is no form of {lemma}");
        }
    }

    fn names(c: &Compiled, text: &str) -> Vec<String> {
        c.find_names(text, &fold_ascii(text)).iter().map(|h| text[h.start..h.end].to_string()).collect()
    }

    #[test]
    fn finds_names_with_case_and_boundaries() {
        let (_, c) = compiled();
        assert_eq!(
            names(&c, "The Kazakh foreign minister met US troops."),
            ["Kazakh", "foreign minister", "US", "troops"]
        );
        assert_eq!(names(&c, "Kazakhstani and Kazakhs; tell us, chad"), ["Kazakhstani", "Kazakhs"]);
        assert_eq!(names(&c, "Cote d'Ivoire and Côte d’Ivoire"), ["Cote d'Ivoire", "Côte d’Ivoire"]);
        assert_eq!(names(&c, "the armies of the U.S."), ["armies", "U.S."]);
        assert_eq!(names(&c, "Kazakhstanis"), Vec::<String>::new());
        // A longer name that fails its capitals leaves the shorter one at the same start.
        assert_eq!(names(&c, "U.S. border patrol troops"), ["U.S.", "troops"]);
        assert_eq!(names(&c, "U.S. Border Patrol troops"), ["U.S. Border Patrol", "troops"]);
    }

    #[test]
    fn indexes_patterns_by_trigger() {
        let (_, c) = compiled();
        let held = c.word_id("held").unwrap();
        let e = &c.entries[held as usize];
        assert_eq!(e.verbs.len(), 1);
        assert_eq!(c.lemmas[e.verbs[0].0 as usize], "hold");
        assert_eq!(c.verb_patterns[e.verbs[0].0 as usize].len(), 1);
        let visits = c.word_id("visits").unwrap();
        assert_eq!(c.entries[visits as usize].noun_patterns.len(), 1);
        let p = &c.patterns[2];
        match &p.items[0] {
            Item::Words { options, .. } => assert_eq!(options[0].len(), 3),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_pipelined_load_equals_parsing_then_compiling() {
        let (d, c) = Dictionaries::embedded_compiled();
        let d2 = Dictionaries::embedded_unchecked();
        let c2 = d2.compile();
        assert_eq!(d.patterns.len(), d2.patterns.len());
        assert!(d.patterns.iter().zip(&d2.patterns).all(|(a, b)| a.text == b.text && a.origin == b.origin));
        assert_eq!(
            (c.name_count(), c.patterns.len(), c.lemmas.len()),
            (c2.name_count(), c2.patterns.len(), c2.lemmas.len())
        );
        assert_eq!(c.words, c2.words);
        assert_eq!(c.anchored.len(), c2.anchored.len());
    }
}
