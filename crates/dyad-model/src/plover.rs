//! PLOVER categories: the event ontology POLECAT uses, derived from CAMEO codes.

use serde::{Deserialize, Serialize};

/// The 16 current PLOVER event categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(missing_docs)]
pub enum PloverType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl PloverType {
    /// All categories, in the manual's order.
    pub const ALL: [PloverType; 16] = [
        PloverType::Agree,
        PloverType::Consult,
        PloverType::Support,
        PloverType::Concede,
        PloverType::Cooperate,
        PloverType::Aid,
        PloverType::Retreat,
        PloverType::Request,
        PloverType::Accuse,
        PloverType::Reject,
        PloverType::Threaten,
        PloverType::Protest,
        PloverType::Sanction,
        PloverType::Mobilize,
        PloverType::Coerce,
        PloverType::Assault,
    ];

    /// The upper-case name PLOVER uses.
    pub fn as_str(self) -> &'static str {
        match self {
            PloverType::Agree => "AGREE",
            PloverType::Consult => "CONSULT",
            PloverType::Support => "SUPPORT",
            PloverType::Concede => "CONCEDE",
            PloverType::Cooperate => "COOPERATE",
            PloverType::Aid => "AID",
            PloverType::Retreat => "RETREAT",
            PloverType::Request => "REQUEST",
            PloverType::Accuse => "ACCUSE",
            PloverType::Reject => "REJECT",
            PloverType::Threaten => "THREATEN",
            PloverType::Protest => "PROTEST",
            PloverType::Sanction => "SANCTION",
            PloverType::Mobilize => "MOBILIZE",
            PloverType::Coerce => "COERCE",
            PloverType::Assault => "ASSAULT",
        }
    }

    /// Parses a current name, or an older one (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) as the
    /// PLOVER gold standard still writes them.
    pub fn parse(s: &str) -> Option<PloverType> {
        let upper = s.trim().to_ascii_uppercase();
        let name = match upper.as_str() {
            "DEMAND" => "REQUEST",
            "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
            "FIGHT" => "ASSAULT",
            other => other,
        };
        PloverType::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// PLOVER's quad: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict (SANCTION counted as material conflict, as the category table does).
    pub fn quad(self) -> u8 {
        use PloverType::*;
        match self {
            Agree | Consult | Support | Concede => 1,
            Cooperate | Aid | Retreat => 2,
            Request | Accuse | Reject | Threaten => 3,
            Protest | Sanction | Mobilize | Coerce | Assault => 4,
        }
    }
}

/// The PLOVER reading of an event: category, mode (how) and contexts (why).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plover {
    /// The category; `None` for CAMEO statements, which PLOVER does not code.
    #[serde(rename = "type")]
    pub kind: Option<PloverType>,
    /// The mode, when the CAMEO code implies one ("visit", "firearms").
    pub mode: Option<String>,
    /// Contexts implied by the CAMEO code ("military", "economic").
    pub context: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_old_and_new_names() {
        assert_eq!(PloverType::parse("DEMAND"), Some(PloverType::Request));
        assert_eq!(PloverType::parse("fight"), Some(PloverType::Assault));
        assert_eq!(PloverType::parse("Consult"), Some(PloverType::Consult));
        assert_eq!(PloverType::parse("CRIME"), None);
        assert_eq!(serde_json::to_string(&PloverType::Assault).unwrap(), "\"ASSAULT\"");
        assert_eq!(PloverType::Sanction.quad(), 4);
    }
}
