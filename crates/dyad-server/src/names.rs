//! Names for actor codes, for people reading the API's answers and the dashboard: countries and
//! organisations from the dictionaries, sector agents from CAMEO's actor codebook.

use dyad_dict::Dictionaries;
use std::collections::HashMap;

/// CAMEO sector and role codes with their names (CAMEO 1.1b3 actor codebook, chapter 3).
const AGENTS: &[(&str, &str)] = &[
    ("AGR", "agriculture"),
    ("BUS", "business"),
    ("COP", "police"),
    ("CRM", "criminals"),
    ("CVL", "civilians"),
    ("DEV", "development"),
    ("EDU", "education"),
    ("ELI", "elites"),
    ("ENV", "environment"),
    ("GOV", "government"),
    ("HLH", "health"),
    ("HRI", "human rights"),
    ("IGO", "intergovernmental organisation"),
    ("INS", "insurgents"),
    ("JUD", "judiciary"),
    ("LAB", "labour"),
    ("LEG", "legislature"),
    ("MED", "media"),
    ("MIL", "military"),
    ("MNC", "multinational company"),
    ("MOD", "moderates"),
    ("NGO", "non-governmental organisation"),
    ("OPP", "opposition"),
    ("PTY", "political party"),
    ("RAD", "radicals"),
    ("REB", "rebels"),
    ("REF", "refugees"),
    ("REL", "religion"),
    ("SEP", "separatists"),
    ("SPY", "intelligence"),
    ("UAF", "armed forces"),
];

/// Code → name lookups.
#[derive(Clone, Debug, Default)]
pub struct ActorNames {
    names: HashMap<String, String>,
    /// Lower-cased names and variants → code.
    codes: HashMap<String, String>,
}

impl ActorNames {
    /// Collects country and organisation names.
    pub fn new(dicts: &Dictionaries) -> ActorNames {
        let mut names = HashMap::new();
        let mut codes = HashMap::new();
        for c in &dicts.countries {
            names.entry(c.code.clone()).or_insert_with(|| c.name.clone());
            for n in std::iter::once(c.name.as_str()).chain(c.names.iter().map(|n| n.text.as_str())) {
                codes.entry(n.to_lowercase()).or_insert_with(|| c.code.clone());
            }
        }
        for o in &dicts.organisations {
            let code = o.code.to_string();
            names.entry(code.clone()).or_insert_with(|| o.name.clone());
            for n in std::iter::once(o.name.as_str()).chain(o.names.iter().map(|n| n.text.as_str())) {
                codes.entry(n.to_lowercase()).or_insert_with(|| code.clone());
            }
        }
        ActorNames { names, codes }
    }

    /// A readable name: the exact code's name ("NATO"), else the country's name followed by its
    /// agents ("Kazakhstan government"); `None` when nothing is known.
    pub fn name(&self, code: &str) -> Option<String> {
        if code.is_empty() {
            return None;
        }
        if let Some(n) = self.names.get(code) {
            return Some(n.clone());
        }
        let (head, rest) = code.split_at(code.len().min(3));
        let mut parts: Vec<String> = Vec::new();
        match self.names.get(head) {
            Some(n) => parts.push(n.clone()),
            None if head == "---" => {}
            None => parts.push(head.to_string()),
        }
        let mut at = 0;
        while at + 3 <= rest.len() {
            let a = &rest[at..at + 3];
            parts.push(
                AGENTS.iter().find(|(c, _)| *c == a).map(|(_, n)| n.to_string()).unwrap_or_else(|| a.to_string()),
            );
            at += 3;
        }
        let known = self.names.contains_key(head) || rest.len() >= 3;
        (known && !parts.is_empty()).then(|| parts.join(" "))
    }

    /// The code of a country or organisation named exactly so (any case).
    pub fn code_of(&self, name: &str) -> Option<String> {
        self.codes.get(&name.trim().to_lowercase()).cloned()
    }

    /// Whether `query` (lower case) matches the code or the name of an actor.
    pub fn matches(&self, code: &str, name: Option<&str>, query: &str) -> bool {
        code.to_lowercase().starts_with(query) || name.is_some_and(|n| n.to_lowercase().contains(query))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_codes() {
        let mut n = ActorNames::default();
        n.names.insert("KAZ".into(), "Kazakhstan".into());
        n.names.insert("IGONAT".into(), "NATO".into());
        assert_eq!(n.name("KAZ").as_deref(), Some("Kazakhstan"));
        assert_eq!(n.name("KAZGOV").as_deref(), Some("Kazakhstan government"));
        assert_eq!(n.name("KAZMILREB").as_deref(), Some("Kazakhstan military rebels"));
        assert_eq!(n.name("IGONAT").as_deref(), Some("NATO"));
        assert_eq!(n.name("---COP").as_deref(), Some("police"));
        assert_eq!(n.name("XYZ"), None);
        assert!(n.matches("KAZ", Some("Kazakhstan"), "kaz"));
        assert!(n.matches("KAZ", Some("Kazakhstan"), "stan"));
        assert!(!n.matches("RUS", Some("Russia"), "kaz"));
    }
}
