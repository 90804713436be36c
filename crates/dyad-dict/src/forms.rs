//! Verb inflection: regular English rules plus the irregular and doubling verbs of `forms*.txt`.

use crate::Origin;
use crate::diagnostic::Diagnostics;
use crate::lines::lines;
use rustc_hash::FxHashMap;

/// The five forms of a verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbForms {
    /// Base form ("hold").
    pub base: String,
    /// Third person singular ("holds").
    pub third: String,
    /// Simple past ("held").
    pub past: String,
    /// Past participle ("held").
    pub participle: String,
    /// Present participle ("holding").
    pub gerund: String,
    /// Other spellings of the past and participle ("canceled" beside "cancelled").
    pub variants: Vec<String>,
}

/// Which form a surface word is, for tense and voice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    /// Base or present ("hold").
    Base,
    /// Third person singular ("holds").
    Third,
    /// Simple past only ("went").
    Past,
    /// Past participle only ("gone").
    Participle,
    /// Past and participle share the form ("held").
    PastOrParticiple,
    /// Present participle ("holding").
    Gerund,
}

/// Irregular forms read from `forms*.txt`: lemma → (past, participle).
#[derive(Clone, Debug, Default)]
pub struct Irregulars {
    map: FxHashMap<String, (String, String, Origin)>,
    variants: FxHashMap<String, Vec<String>>,
}

impl Irregulars {
    /// Parses one forms file into the table; a lemma listed twice with different forms is an error.
    pub fn parse(&mut self, text: &str, file: &str, file_id: u16, diags: &mut Diagnostics) {
        for line in lines(text) {
            let parts: Vec<&str> = line.text.split_whitespace().collect();
            if parts.len() != 3 || parts.iter().any(|p| p.chars().any(|c| !c.is_ascii_lowercase() && c != '-')) {
                diags.error(
                    file,
                    line.number,
                    1,
                    line.raw,
                    "expected 'lemma past past-participle' in lower case, such as 'hold held held'",
                );
                continue;
            }
            let origin = Origin { file: file_id, line: line.number as u32 };
            if let Some((past, pp, _)) = self.map.get(parts[0]) {
                // A second line with other forms lists another spelling (travelled / traveled).
                if past != parts[1] || pp != parts[2] {
                    let v = self.variants.entry(parts[0].to_string()).or_default();
                    for f in [parts[1], parts[2]] {
                        if !v.iter().any(|x| x == f) {
                            v.push(f.to_string());
                        }
                    }
                }
                continue;
            }
            self.map.insert(parts[0].to_string(), (parts[1].to_string(), parts[2].to_string(), origin));
        }
    }

    /// Number of listed verbs.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no verb is listed.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// All forms of a lemma.
    pub fn inflect(&self, lemma: &str) -> VerbForms {
        let (past, participle) = match self.map.get(lemma) {
            Some((p, pp, _)) => (p.clone(), pp.clone()),
            None => {
                let p = regular_past(lemma);
                (p.clone(), p)
            }
        };
        let gerund = match self.map.get(lemma) {
            // A doubling verb doubles in -ing too ("stopped" → "stopping").
            Some((p, _, _))
                if p.len() == lemma.len() + 3
                    && p.ends_with("ed")
                    && p.as_bytes()[lemma.len()] == *lemma.as_bytes().last().unwrap_or(&0) =>
            {
                format!("{}ing", &p[..p.len() - 2])
            }
            _ => regular_gerund(lemma),
        };
        let variants = self.variants.get(lemma).cloned().unwrap_or_default();
        VerbForms { base: lemma.to_string(), third: third_person(lemma), past, participle, gerund, variants }
    }
}

impl VerbForms {
    /// Every surface form with what it is; a form shared by past and participle is reported once.
    pub fn surface(&self) -> Vec<(String, Form)> {
        let mut v = vec![
            (self.base.clone(), Form::Base),
            (self.third.clone(), Form::Third),
            (self.gerund.clone(), Form::Gerund),
        ];
        if self.past == self.participle {
            v.push((self.past.clone(), Form::PastOrParticiple));
        } else {
            v.push((self.past.clone(), Form::Past));
            v.push((self.participle.clone(), Form::Participle));
        }
        for x in &self.variants {
            if *x != self.past && *x != self.participle {
                v.push((x.clone(), Form::PastOrParticiple));
            }
            // A doubling spelling doubles in -ing too ("cancelled" → "cancelling").
            let last = self.base.as_bytes().last().copied().unwrap_or(0);
            if x.len() == self.base.len() + 3
                && x.starts_with(&self.base)
                && x.ends_with("ed")
                && x.as_bytes()[self.base.len()] == last
            {
                let gerund = format!("{}ing", &x[..x.len() - 2]);
                if gerund != self.gerund && !v.iter().any(|(f, _)| *f == gerund) {
                    v.push((gerund, Form::Gerund));
                }
            }
        }
        v
    }
}

fn is_vowel(c: u8) -> bool {
    b"aeiou".contains(&c)
}

fn third_person(v: &str) -> String {
    let b = v.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ies", &v[..n - 1])
    } else if v.ends_with('s')
        || v.ends_with('x')
        || v.ends_with('z')
        || v.ends_with("ch")
        || v.ends_with("sh")
        || v.ends_with('o')
    {
        format!("{v}es")
    } else {
        format!("{v}s")
    }
}

fn regular_past(v: &str) -> String {
    let b = v.as_bytes();
    let n = b.len();
    if v.ends_with('e') {
        format!("{v}d")
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ied", &v[..n - 1])
    } else {
        format!("{v}ed")
    }
}

fn regular_gerund(v: &str) -> String {
    if let Some(stem) = v.strip_suffix("ie") {
        format!("{stem}ying")
    } else if v.ends_with('e') && !v.ends_with("ee") && !v.ends_with("ye") && !v.ends_with("oe") && v.len() > 2 {
        format!("{}ing", &v[..v.len() - 1])
    } else {
        format!("{v}ing")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflects_regular_and_irregular() {
        let mut irr = Irregulars::default();
        let mut d = Diagnostics::default();
        irr.parse("hold held held\nstop stopped stopped\nshoot shot shot\nbad line\ntravel travelled travelled\ntravel traveled traveled\ncancel canceled canceled\ncancel cancelled cancelled\n", "forms.txt", 0, &mut d);
        assert_eq!(d.errors(), 1);
        let f = irr.inflect("hold");
        assert_eq!((f.third.as_str(), f.past.as_str(), f.gerund.as_str()), ("holds", "held", "holding"));
        assert_eq!(irr.inflect("stop").gerund, "stopping");
        assert_eq!(irr.inflect("shoot").gerund, "shooting");
        let f = irr.inflect("agree");
        assert_eq!((f.third.as_str(), f.past.as_str(), f.gerund.as_str()), ("agrees", "agreed", "agreeing"));
        let f = irr.inflect("deny");
        assert_eq!((f.third.as_str(), f.past.as_str(), f.gerund.as_str()), ("denies", "denied", "denying"));
        assert_eq!(irr.inflect("visit").past, "visited");
        assert_eq!(irr.inflect("arrive").gerund, "arriving");
        assert_eq!(irr.inflect("veto").third, "vetoes");
        assert_eq!(irr.inflect("die").gerund, "dying");
        assert_eq!(irr.inflect("push").third, "pushes");
        assert!(irr.inflect("travel").surface().iter().any(|(w, _)| w == "traveled"));
        assert_eq!(irr.inflect("free").gerund, "freeing");
        // Both spellings of a doubling verb, in the past and in -ing.
        let cancel: Vec<String> = irr.inflect("cancel").surface().into_iter().map(|(w, _)| w).collect();
        for w in ["canceled", "cancelled", "canceling", "cancelling"] {
            assert!(cancel.iter().any(|x| x == w), "{w} missing from {cancel:?}");
        }
    }
}
