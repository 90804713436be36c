//! Gold files: one record a line with `id`, `text`, `date` and `events` [{source, target, code}].

use serde::Deserialize;

/// Whether gold codes are CAMEO codes or PLOVER categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoldKind {
    /// CAMEO event codes ("042").
    Cameo,
    /// PLOVER categories, old or new names ("CONSULT", "DEMAND").
    Plover,
}

/// One gold event.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct GoldEvent {
    /// Source actor code ("HUNGOV", "IGO", "---GOV").
    pub source: String,
    /// Target actor code; empty for none.
    #[serde(default)]
    pub target: String,
    /// CAMEO code or PLOVER category.
    pub code: String,
}

/// One gold record.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct GoldRecord {
    /// Record id.
    pub id: String,
    /// Sentence text.
    #[serde(default)]
    pub text: String,
    /// Date as YYYYMMDD.
    #[serde(default)]
    pub date: String,
    /// Gold events.
    #[serde(default)]
    pub events: Vec<GoldEvent>,
    /// False when the record must not be scored.
    #[serde(default = "yes")]
    pub evaluate: bool,
}

fn yes() -> bool {
    true
}

impl GoldRecord {
    /// Whether the record's codes are CAMEO or PLOVER.
    pub fn kind(&self) -> Option<GoldKind> {
        let code = &self.events.first()?.code;
        Some(if code.bytes().all(|b| b.is_ascii_digit()) { GoldKind::Cameo } else { GoldKind::Plover })
    }
}

/// Reads a gold file; errors name the line.
pub fn load(path: &str) -> Result<Vec<GoldRecord>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("{path}:{}: not a gold record: {e}", i + 1)))
        .collect()
}

/// Maps CAMEO's own country codes to ISO alpha-3 (ROM → ROU, JAP → JPN …).
pub fn normalise_country(c: &str) -> &str {
    match c {
        "ROM" => "ROU",
        "MTN" => "MNE",
        "TMP" => "TLS",
        "IMY" => "IMN",
        "JAP" => "JPN",
        "ITL" => "ITA",
        "VTN" => "VNM",
        "---" => "",
        other => other,
    }
}
