//! Dyad's dictionaries: plain-text files under `data/` parsed with `file:line:column` errors,
//! validated across files, and compiled into matchers for the coder.
//!
//! The pipeline is parsed entry → validated [`Dictionaries`] → [`Compiled`] matchers. The
//! dictionaries shipped with Dyad are embedded in the library ([`Dictionaries::embedded`]); an
//! edited copy can be read from a directory ([`Dictionaries::from_dir`]).
//!
//! ```
//! use dyad_dict::Dictionaries;
//!
//! let (dicts, problems) = Dictionaries::from_files(&[
//!     ("actors/countries.txt".into(), "Kazakhstan: KAZ\n  adjectives: Kazakh\n".into()),
//!     ("verbs/04-consult.txt".into(), "042  visit $T\n".into()),
//! ]);
//! assert!(problems.iter().all(|p| p.severity != dyad_dict::Severity::Error));
//! assert_eq!(dicts.patterns.len(), 1);
//! let compiled = dicts.compile();
//! assert_eq!(compiled.patterns.len(), 1);
//! ```
#![deny(missing_docs)]

mod actors;
mod agents;
mod check;
mod codes;
mod compiled;
mod dates;
mod diagnostic;
mod forms;
mod frames;
mod lines;
mod patterns;
mod stats;
mod trie;

pub use actors::{Country, Name, Organisation, Person, Role, parse_actor_code};
pub use agents::{Agent, plural};
pub use codes::{AGENTS, GENERIC_COUNTRIES, is_agent};
pub use compiled::{
    AgentId, Compiled, CompiledFrame, CompiledPattern, CountryForm, Item, NameHit, NameKind, PatternId, WordEntry,
    WordId, fold_ascii,
};
pub use dates::DateRange;
pub use diagnostic::{Diagnostic, Severity, edit_distance, nearest};
pub use forms::{Form, Irregulars, VerbForms};
pub use frames::{Frame, FrameKind, FrameMap, fallback_code, map_code};
pub use patterns::{Element, Head, Pattern, WordSet};
pub use stats::Stats;

use diagnostic::Diagnostics;
use dyad_model::Codebook;
use std::path::Path;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Where an entry was written: a file (index into [`Dictionaries::files`]) and a line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Origin {
    /// Index of the file in `Dictionaries::files`.
    pub file: u16,
    /// One-based line number.
    pub line: u32,
}

/// Every dictionary entry, parsed and merged, before compilation.
#[derive(Clone, Debug, Default)]
pub struct Dictionaries {
    /// File paths under the dictionary root, indexed by `Origin::file`.
    pub files: Vec<String>,
    /// Countries, territories and regions (blocks with the same code merged).
    pub countries: Vec<Country>,
    /// Organisations.
    pub organisations: Vec<Organisation>,
    /// People (blocks with the same name merged).
    pub people: Vec<Person>,
    /// Sector agents.
    pub agents: Vec<Agent>,
    /// Event patterns.
    pub patterns: Vec<Pattern>,
    /// Word sets.
    pub sets: Vec<WordSet>,
    /// Irregular verb forms.
    pub irregulars: Irregulars,
    /// Frames that embed another event.
    pub frames: Vec<Frame>,
    /// How frames map embedded codes.
    pub frame_maps: Vec<FrameMap>,
    /// Common verbs that trigger nothing but mark clauses (`words/verbs*.txt`).
    pub plain_verbs: Vec<(String, Origin)>,
}

impl Dictionaries {
    /// The dictionaries compiled into Dyad.
    pub fn embedded() -> (Dictionaries, Vec<Diagnostic>) {
        let (d, diags) = Dictionaries::parse(embedded::EMBEDDED);
        let mut all = diags.into_vec();
        all.extend(check::check(&d, embedded::EMBEDDED));
        (d, all)
    }

    /// The dictionaries compiled into Dyad, parsed without the cross-file checks: they are
    /// verified by the test suite, so the coder's start-up skips them.
    pub fn embedded_unchecked() -> Dictionaries {
        Dictionaries::parse(embedded::EMBEDDED).0
    }

    /// The built-in dictionaries, parsed and compiled in one pipelined step: the name automaton
    /// starts as soon as the actors are read, while the verb patterns are still being parsed.
    pub fn embedded_compiled() -> (Dictionaries, Compiled) {
        let files = embedded::EMBEDDED;
        let parsing = std::thread::spawn(move || parse_pattern_files(files, &Codebook::standard()));
        let (mut d, _) = Dictionaries::parse_others(files, &Codebook::standard());
        let (compiled, patterns) = std::thread::scope(|scope| {
            let names = scope.spawn(|| compiled::build_names(&d));
            let patterns: Vec<Pattern> = parsing
                .join()
                .expect("parsing patterns does not panic")
                .into_iter()
                .flat_map(|(_, parsed, _)| parsed)
                .collect();
            let compiled = Compiled::build_with(&d, &patterns, move || {
                names.join().expect("building the name automaton does not panic")
            });
            (compiled, patterns)
        });
        d.patterns = patterns;
        (d, compiled)
    }

    /// Reads every `.txt` file under `actors/`, `verbs/` and `words/` of a directory.
    pub fn from_dir(root: &Path) -> std::io::Result<(Dictionaries, Vec<Diagnostic>)> {
        let mut files = Vec::new();
        for sub in ["actors", "verbs", "words"] {
            collect(&root.join(sub), root, &mut files)?;
        }
        if files.is_empty() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!(
                    "no dictionary files under {} (expected actors/ and verbs/ folders of .txt files)",
                    root.display()
                ),
            ));
        }
        files.sort();
        Ok(Dictionaries::from_files(&files))
    }

    /// Parses files given as (path under the root, contents); the path decides the format.
    pub fn from_files(files: &[(String, String)]) -> (Dictionaries, Vec<Diagnostic>) {
        let (d, diags) = Dictionaries::parse(files);
        let mut all = diags.into_vec();
        all.extend(check::check(&d, files));
        (d, all)
    }

    /// Parses files and merges their entries, reporting line-level problems only.
    fn parse<P: AsRef<str> + Sync, T: AsRef<str> + Sync>(files: &[(P, T)]) -> (Dictionaries, Diagnostics) {
        let book = Codebook::standard();
        // The verb patterns are most of the parsing work: read them on a second thread while
        // this one reads the actors, then merge everything in file order.
        std::thread::scope(|scope| {
            let patterns = scope.spawn(|| parse_pattern_files(files, &book));
            let (mut d, mut by_file) = Dictionaries::parse_others(files, &book);
            for (id, parsed, file_diags) in patterns.join().expect("parsing patterns does not panic") {
                d.patterns.extend(parsed);
                by_file[id] = file_diags;
            }
            let mut diags = Diagnostics::default();
            for file_diags in by_file {
                diags.extend(file_diags);
            }
            (d, diags)
        })
    }

    /// Parses every file but the verb patterns; returns the problems of each file.
    fn parse_others<P: AsRef<str>, T: AsRef<str>>(
        files: &[(P, T)],
        book: &Codebook,
    ) -> (Dictionaries, Vec<Diagnostics>) {
        let mut people_index: rustc_hash::FxHashMap<(String, String), usize> = rustc_hash::FxHashMap::default();
        let mut d = Dictionaries::default();
        let mut by_file: Vec<Diagnostics> = Vec::with_capacity(files.len());
        for (path, text) in files {
            let (path, text) = (path.as_ref(), text.as_ref());
            let id = d.files.len() as u16;
            d.files.push(path.to_string());
            by_file.push(Diagnostics::default());
            let diags = by_file.last_mut().expect("pushed above");
            if is_patterns(path) {
                continue;
            }
            if path.starts_with("actors/countries") {
                let parsed = actors::parse_countries(text, path, id, diags);
                merge_countries(&mut d.countries, parsed);
            } else if path.starts_with("actors/organisations") || path.starts_with("actors/organizations") {
                d.organisations.extend(actors::parse_organisations(text, path, id, diags));
            } else if path.starts_with("actors/people/") {
                let parsed = actors::parse_people(text, path, id, diags);
                merge_people(&mut d.people, &mut people_index, parsed);
            } else if path.starts_with("actors/agents") {
                d.agents.extend(agents::parse_agents(text, path, id, diags));
            } else if path.starts_with("verbs/sets") {
                d.sets.extend(patterns::parse_sets(text, path, id, diags));
            } else if path.starts_with("verbs/forms") {
                d.irregulars.parse(text, path, id, diags);
            } else if path.starts_with("verbs/frames") {
                let (f, m) = frames::parse_frames(text, path, id, book, diags);
                d.frames.extend(f);
                d.frame_maps.extend(m);
            } else if path.starts_with("words/verbs") {
                for line in lines::lines(text) {
                    if line.text.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                        d.plain_verbs.push((line.text.to_string(), Origin { file: id, line: line.number as u32 }));
                    } else {
                        diags.error(path, line.number, 1, line.raw, "expected one verb lemma in lower case per line");
                    }
                }
            } else {
                diags.warn(
                    path,
                    0,
                    0,
                    "",
                    "file not read: its name does not say which dictionary it is (see docs/dictionaries.md)",
                );
            }
        }
        (d, by_file)
    }

    /// Counts per file, per CAMEO root and per country.
    pub fn stats(&self) -> Stats {
        stats::compute(self)
    }

    /// Builds the matchers the coder uses.
    pub fn compile(&self) -> Compiled {
        Compiled::build(self)
    }

    /// `file:line` of an entry, for explanations.
    pub fn locate(&self, origin: Origin) -> String {
        format!("{}:{}", self.files.get(origin.file as usize).map(String::as_str).unwrap_or("?"), origin.line)
    }
}

/// Whether a dictionary file holds verb patterns (`verbs/NN-*.txt`).
fn is_patterns(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    path.starts_with("verbs/") && name.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Parses the verb-pattern files: for each, its index in `files`, its patterns and its problems.
fn parse_pattern_files<P: AsRef<str>, T: AsRef<str>>(
    files: &[(P, T)],
    book: &Codebook,
) -> Vec<(usize, Vec<Pattern>, Diagnostics)> {
    let mut out = Vec::new();
    for (id, (path, text)) in files.iter().enumerate() {
        let (path, text) = (path.as_ref(), text.as_ref());
        if is_patterns(path) {
            let mut diags = Diagnostics::default();
            let parsed = patterns::parse_patterns(text, path, id as u16, book, &mut diags);
            out.push((id, parsed, diags));
        }
    }
    out
}

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) -> std::io::Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, root, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(&path)
                .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            out.push((rel, text));
        }
    }
    Ok(())
}

fn merge_countries(into: &mut Vec<Country>, parsed: Vec<Country>) {
    for c in parsed {
        match into.iter_mut().find(|x| x.code == c.code) {
            Some(x) => {
                x.names.extend(c.names);
                x.adjectives.extend(c.adjectives);
                x.people.extend(c.people);
                x.capitals.extend(c.capitals);
                x.seats.extend(c.seats);
                x.regions.extend(c.regions);
                x.iso2 = x.iso2.take().or(c.iso2);
                x.fips = x.fips.take().or(c.fips);
                x.founded = x.founded.take().or(c.founded);
            }
            None => into.push(c),
        }
    }
}

fn merge_people(
    into: &mut Vec<Person>,
    index: &mut rustc_hash::FxHashMap<(String, String), usize>,
    parsed: Vec<Person>,
) {
    for p in parsed {
        match index.get(&(p.name.clone(), p.country.clone())).map(|&i| &mut into[i]) {
            Some(x) => {
                x.names.extend(p.names);
                x.gender = x.gender.or(p.gender);
                for r in p.roles {
                    if !x.roles.iter().any(|o| o.range == r.range && o.code == r.code) {
                        x.roles.push(r);
                    }
                }
            }
            None => {
                index.insert((p.name.clone(), p.country.clone()), into.len());
                into.push(p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_dictionaries_have_no_errors() {
        let (d, problems) = Dictionaries::embedded();
        let errors: Vec<_> = problems.iter().filter(|p| p.severity == Severity::Error).map(|p| p.to_string()).collect();
        assert!(errors.is_empty(), "{} dictionary errors:\n{}", errors.len(), errors.join(""));
        assert!(!d.files.is_empty());
    }

    #[test]
    fn merges_generated_and_hand_written_countries() {
        let (d, _) = Dictionaries::from_files(&[
            ("actors/countries.generated.txt".into(), "Kazakhstan: KAZ\n  capitals: Astana\n".into()),
            ("actors/countries.txt".into(), "Kazakhstan: KAZ\n  seats: Akorda\n  adjectives: Kazakhstani\n".into()),
        ]);
        assert_eq!(d.countries.len(), 1);
        assert_eq!(d.countries[0].seats[0].text, "Akorda");
        assert_eq!(d.countries[0].capitals[0].text, "Astana");
    }
}
