//! Actor codes: who acts and who is acted upon, in CAMEO's country + group + sector form.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A CAMEO-style actor code taken apart: a country (ISO 3166 alpha-3, or a CAMEO generic such
/// as IGO, NGO, MNC, ISM), an optional known group (UNO, NAT, HMS …) and sector agents (GOV, MIL …).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ActorCode {
    /// Country or generic actor class; `None` when only a sector is known ("the government").
    pub country: Option<String>,
    /// Known group code for organisations.
    pub group: Option<String>,
    /// Sector agents, most specific first.
    pub agents: Vec<String>,
}

impl ActorCode {
    /// A bare country code.
    pub fn country(code: &str) -> ActorCode {
        ActorCode { country: Some(code.to_string()), ..ActorCode::default() }
    }

    /// Parses the concatenated form ("KAZGOV", "IGOUNOMIL", "---GOV") into parts, treating each
    /// following 3-letter chunk as an agent; used for gold files and user queries.
    pub fn parse(code: &str) -> ActorCode {
        let code = code.trim();
        let head = code.get(..3).unwrap_or(code);
        let country = match head {
            "" | "---" => None,
            c => Some(c.to_string()),
        };
        let rest = code.get(3..).unwrap_or("");
        let agents = rest
            .as_bytes()
            .chunks(3)
            .filter_map(|c| std::str::from_utf8(c).ok())
            .filter(|c| c.len() == 3 && *c != "***")
            .map(str::to_string)
            .collect();
        ActorCode { country, group: None, agents }
    }

    /// The first sector agent, the one most exports show.
    pub fn primary_agent(&self) -> Option<&str> {
        self.agents.first().map(String::as_str)
    }

    /// Whether nothing at all is known.
    pub fn is_empty(&self) -> bool {
        self.country.is_none() && self.group.is_none() && self.agents.is_empty()
    }
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.country.as_deref().unwrap_or("---"))?;
        if let Some(g) = &self.group {
            f.write_str(g)?;
        }
        for a in &self.agents {
            f.write_str(a)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_and_parses() {
        let c = ActorCode { country: Some("IGO".into()), group: Some("UNO".into()), agents: vec!["MIL".into()] };
        assert_eq!(c.to_string(), "IGOUNOMIL");
        let p = ActorCode::parse("KAZGOV");
        assert_eq!(p.country.as_deref(), Some("KAZ"));
        assert_eq!(p.agents, vec!["GOV".to_string()]);
        assert_eq!(ActorCode::parse("---GOV").country, None);
        assert_eq!(ActorCode::parse("IRQ***").agents.len(), 0);
        assert_eq!(ActorCode::default().to_string(), "---");
    }
}
