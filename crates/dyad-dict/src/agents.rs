//! Sector agents: role nouns and phrases with the sector codes they carry ("troops: MIL").

use crate::codes::is_agent;
use crate::diagnostic::{Diagnostics, column_of, nearest};
use crate::lines::{lines, split_key};
use crate::{AGENTS, Origin};

/// One role noun or phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agent {
    /// The phrase in lower case ("foreign minister").
    pub phrase: String,
    /// Sector codes, most specific first.
    pub codes: Vec<String>,
    /// File and line.
    pub origin: Origin,
}

/// Parses an agents file.
pub fn parse_agents(text: &str, file: &str, file_id: u16, diags: &mut Diagnostics) -> Vec<Agent> {
    let mut out = Vec::new();
    for line in lines(text) {
        let Some((phrase, codes)) = split_key(line.text) else {
            diags.error(file, line.number, 1, line.raw, "expected 'phrase: AGENT', such as 'foreign minister: GOV'");
            continue;
        };
        if phrase.chars().any(|c| c.is_uppercase()) {
            diags.warn(
                file,
                line.number,
                1,
                line.raw,
                format!(
                    "agent phrase '{phrase}' has capitals; agents are matched in any case, write them in lower case"
                ),
            );
        }
        let mut ok = Vec::new();
        for code in codes.split_whitespace() {
            if is_agent(code) {
                ok.push(code.to_string());
            } else {
                let hint =
                    nearest(code, AGENTS.iter().copied()).map(|n| format!(" (did you mean {n}?)")).unwrap_or_default();
                diags.error(
                    file,
                    line.number,
                    column_of(line.raw, code),
                    line.raw,
                    format!("'{code}' is not a sector agent{hint}"),
                );
            }
        }
        if ok.is_empty() {
            if codes.is_empty() {
                diags.error(file, line.number, line.raw.len().max(1), line.raw, "missing agent code after ':'");
            }
            continue;
        }
        out.push(Agent {
            phrase: phrase.to_lowercase(),
            codes: ok,
            origin: Origin { file: file_id, line: line.number as u32 },
        });
    }
    out
}

/// The regular English plural of a noun or of the last word of a phrase ("army" → "armies").
pub fn plural(phrase: &str) -> String {
    let (head, last) = match phrase.rfind(' ') {
        Some(i) => (&phrase[..=i], &phrase[i + 1..]),
        None => ("", phrase),
    };
    let b = last.as_bytes();
    let n = b.len();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let p = if last.ends_with("man") && !last.ends_with("human") {
        format!("{}men", &last[..n - 3])
    } else if n >= 2 && b[n - 1] == b'y' && !vowel(b[n - 2]) {
        format!("{}ies", &last[..n - 1])
    } else if last.ends_with('s')
        || last.ends_with('x')
        || last.ends_with('z')
        || last.ends_with("ch")
        || last.ends_with("sh")
    {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    format!("{head}{p}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_agents() {
        let mut d = Diagnostics::default();
        let a = parse_agents("## GOV\nforeign minister: GOV\ntroops: MIL\nsoldier: MIK\n", "a.txt", 0, &mut d);
        assert_eq!(a.len(), 2);
        assert_eq!(d.errors(), 1);
        assert!(d.items()[0].message.contains("did you mean MIL"));
    }

    #[test]
    fn makes_plurals() {
        assert_eq!(plural("foreign minister"), "foreign ministers");
        assert_eq!(plural("army"), "armies");
        assert_eq!(plural("spokesman"), "spokesmen");
        assert_eq!(plural("boss"), "bosses");
        assert_eq!(plural("attorney"), "attorneys");
    }
}
