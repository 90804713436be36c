//! Matching predicted events to gold events, record by record.

use crate::gold::{GoldKind, GoldRecord, normalise_country};
use crate::report::Report;
use dyad_coder::Coder;
use dyad_model::{Document, Event, PloverType};

/// An event reduced to what scoring compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Predicted {
    /// Source country part ("" for none).
    pub source: String,
    /// Source first sector ("" for none).
    pub source_sector: String,
    /// Target country part ("" for none or no target).
    pub target: String,
    /// Target first sector.
    pub target_sector: String,
    /// Full code (CAMEO code, or PLOVER category).
    pub code: String,
    /// Root (CAMEO root, or PLOVER category).
    pub root: String,
}

fn split_actor(code: &str) -> (String, String) {
    let code = code.trim();
    let country = normalise_country(code.get(..3).unwrap_or(code)).to_string();
    let sector = code.get(3..6).filter(|s| *s != "***").unwrap_or("").to_string();
    (country, sector)
}

/// Reduces a coded event for comparison with a gold file of the given kind; `None` when the
/// event has no counterpart in that scheme (CAMEO statements have no PLOVER category).
pub fn predicted(e: &Event, kind: GoldKind) -> Option<Predicted> {
    let (source, source_sector) = (
        normalise_country(e.source.country.as_deref().unwrap_or("")).to_string(),
        e.source.agents.first().cloned().unwrap_or_default(),
    );
    // PLOVER writes a reciprocal event once per participant, with no recipient.
    let target = if kind == GoldKind::Plover && e.reciprocal { None } else { e.target.as_ref() };
    let (target, target_sector) = match target {
        Some(t) => (
            normalise_country(t.country.as_deref().unwrap_or("")).to_string(),
            t.agents.first().cloned().unwrap_or_default(),
        ),
        None => (String::new(), String::new()),
    };
    let (code, root) = match kind {
        GoldKind::Cameo => (e.cameo.to_string(), e.cameo_root.to_string()),
        GoldKind::Plover => {
            let t = e.plover.kind?.as_str().to_string();
            (t.clone(), t)
        }
    };
    Some(Predicted { source, source_sector, target, target_sector, code, root })
}

fn gold_predicted(g: &crate::GoldEvent, kind: GoldKind) -> Predicted {
    let (source, source_sector) = split_actor(&g.source);
    let (target, target_sector) = split_actor(&g.target);
    let (code, root) = match kind {
        GoldKind::Cameo => (g.code.clone(), g.code.get(..2).unwrap_or(&g.code).to_string()),
        GoldKind::Plover => {
            let t = PloverType::parse(&g.code).map(|t| t.as_str().to_string()).unwrap_or_else(|| g.code.clone());
            (t.clone(), t)
        }
    };
    Predicted { source, source_sector, target, target_sector, code, root }
}

/// The four ways of counting a match.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Level {
    RootCountry,
    ExactCountry,
    RootSector,
    ExactSector,
}

impl Level {
    pub(crate) const ALL: [Level; 4] = [Level::RootCountry, Level::ExactCountry, Level::RootSector, Level::ExactSector];

    fn same(self, p: &Predicted, g: &Predicted) -> bool {
        let actors = p.source == g.source && p.target == g.target;
        let sectors = (g.source_sector.is_empty() || p.source_sector == g.source_sector)
            && (g.target_sector.is_empty() || p.target_sector == g.target_sector);
        match self {
            Level::RootCountry => actors && p.root == g.root,
            Level::ExactCountry => actors && p.code == g.code,
            Level::RootSector => actors && sectors && p.root == g.root,
            Level::ExactSector => actors && sectors && p.code == g.code,
        }
    }
}

/// Greedy one-to-one matching; returns the number of matched pairs and the unmatched indices.
pub(crate) fn matches(pred: &[Predicted], gold: &[Predicted], level: Level) -> (usize, Vec<usize>, Vec<usize>) {
    let mut used = vec![false; gold.len()];
    let mut unmatched_pred = Vec::new();
    let mut tp = 0;
    for (i, p) in pred.iter().enumerate() {
        match (0..gold.len()).find(|&j| !used[j] && level.same(p, &gold[j])) {
            Some(j) => {
                used[j] = true;
                tp += 1;
            }
            None => unmatched_pred.push(i),
        }
    }
    let unmatched_gold = (0..gold.len()).filter(|&j| !used[j]).collect();
    (tp, unmatched_pred, unmatched_gold)
}

/// Codes every scored record with its date and compares with the gold events.
pub fn score(coder: &Coder, records: &[GoldRecord]) -> Report {
    let kind = records.iter().find_map(GoldRecord::kind).unwrap_or(GoldKind::Cameo);
    let mut report = Report::new(kind);
    for r in records.iter().filter(|r| r.evaluate) {
        let mut doc = Document::from_text(r.text.clone());
        doc.id = r.id.clone();
        doc.published = chrono::NaiveDate::parse_from_str(&r.date, "%Y%m%d")
            .or_else(|_| chrono::NaiveDate::parse_from_str(&r.date, "%Y-%m-%d"))
            .ok();
        let events = coder.code(&doc);
        let mut pred: Vec<Predicted> = events.iter().filter_map(|e| predicted(e, kind)).collect();
        pred.dedup_by(|a, b| a == b);
        let mut seen = Vec::new();
        pred.retain(|p| {
            if seen.contains(p) {
                false
            } else {
                seen.push(p.clone());
                true
            }
        });
        let gold: Vec<Predicted> = r.events.iter().map(|g| gold_predicted(g, kind)).collect();
        report.add(r, &pred, &gold);
    }
    report
}
