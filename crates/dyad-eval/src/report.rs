//! Counts, precision/recall/F1, per-category tables and the list of misses.

use crate::gold::{GoldKind, GoldRecord};
use crate::score::{Level, Predicted, matches};
use std::collections::BTreeMap;
use std::fmt;

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Matched events.
    pub tp: usize,
    /// Predicted but not in the gold.
    pub fp: usize,
    /// In the gold but not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall (0 when the gold is empty).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The scores of one gold file.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Report {
    /// CAMEO or PLOVER gold.
    #[serde(skip)]
    pub kind: GoldKind,
    /// Records scored.
    pub records: usize,
    /// Gold events.
    pub gold_events: usize,
    /// Predicted events (that the scheme can express).
    pub predicted_events: usize,
    /// Root level, actors by country.
    pub root: Counts,
    /// Exact code, actors by country.
    pub exact: Counts,
    /// Root level, actors by country and sector.
    pub root_sector: Counts,
    /// Exact code, actors by country and sector.
    pub exact_sector: Counts,
    /// Root-level counts per category (gold root for misses, predicted root for false alarms).
    pub per_category: BTreeMap<String, Counts>,
    /// Per record: id, then missed gold and false predictions, for inspection.
    #[serde(skip)]
    pub misses: Vec<(String, String, Vec<String>, Vec<String>)>,
}

fn show(p: &Predicted) -> String {
    let actor = |c: &str, s: &str| {
        if c.is_empty() && s.is_empty() {
            "-".to_string()
        } else {
            format!("{}{s}", if c.is_empty() { "---" } else { c })
        }
    };
    format!("{} → {} {}", actor(&p.source, &p.source_sector), actor(&p.target, &p.target_sector), p.code)
}

impl Report {
    pub(crate) fn new(kind: GoldKind) -> Report {
        Report {
            kind,
            records: 0,
            gold_events: 0,
            predicted_events: 0,
            root: Counts::default(),
            exact: Counts::default(),
            root_sector: Counts::default(),
            exact_sector: Counts::default(),
            per_category: BTreeMap::new(),
            misses: Vec::new(),
        }
    }

    pub(crate) fn add(&mut self, r: &GoldRecord, pred: &[Predicted], gold: &[Predicted]) {
        self.records += 1;
        self.gold_events += gold.len();
        self.predicted_events += pred.len();
        for level in Level::ALL {
            let (tp, fp, fn_) = {
                let (tp, up, ug) = matches(pred, gold, level);
                (tp, up.len(), ug.len())
            };
            let c = match level {
                Level::RootCountry => &mut self.root,
                Level::ExactCountry => &mut self.exact,
                Level::RootSector => &mut self.root_sector,
                Level::ExactSector => &mut self.exact_sector,
            };
            c.tp += tp;
            c.fp += fp;
            c.fn_ += fn_;
        }
        let (_, up, ug) = matches(pred, gold, Level::RootCountry);
        let matched_gold: Vec<usize> = (0..gold.len()).filter(|j| !ug.contains(j)).collect();
        for j in &matched_gold {
            self.per_category.entry(gold[*j].root.clone()).or_default().tp += 1;
        }
        for j in &ug {
            self.per_category.entry(gold[*j].root.clone()).or_default().fn_ += 1;
        }
        for i in &up {
            self.per_category.entry(pred[*i].root.clone()).or_default().fp += 1;
        }
        if !up.is_empty() || !ug.is_empty() {
            self.misses.push((
                r.id.clone(),
                r.text.clone(),
                ug.iter().map(|&j| show(&gold[j])).collect(),
                up.iter().map(|&i| show(&pred[i])).collect(),
            ));
        }
    }

    /// Categories with the lowest F1 (at least two gold or predicted events), worst first.
    pub fn worst(&self, n: usize) -> Vec<(&String, &Counts)> {
        let mut v: Vec<_> = self.per_category.iter().filter(|(_, c)| c.tp + c.fn_ + c.fp >= 2).collect();
        v.sort_by(|a, b| a.1.f1().partial_cmp(&b.1.f1()).unwrap().then(b.1.fn_.cmp(&a.1.fn_)));
        v.truncate(n);
        v
    }

    /// Lists every record with a miss or a false alarm.
    pub fn misses_text(&self) -> String {
        let mut s = String::new();
        for (id, text, missed, extra) in &self.misses {
            s.push_str(&format!("{id}: {text}\n"));
            for m in missed {
                s.push_str(&format!("    missed  {m}\n"));
            }
            for e in extra {
                s.push_str(&format!("    extra   {e}\n"));
            }
        }
        s
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = match self.kind {
            GoldKind::Cameo => "CAMEO",
            GoldKind::Plover => "PLOVER",
        };
        writeln!(
            f,
            "{} records, {} gold events, {} predicted ({scheme} gold)",
            self.records, self.gold_events, self.predicted_events
        )?;
        writeln!(
            f,
            "{:<34} {:>9} {:>9} {:>9}   {:>4} {:>4} {:>4}",
            "level", "precision", "recall", "F1", "tp", "fp", "fn"
        )?;
        for (name, c) in [
            ("root, actors by country", &self.root),
            ("exact, actors by country", &self.exact),
            ("root, actors by country+sector", &self.root_sector),
            ("exact, actors by country+sector", &self.exact_sector),
        ] {
            writeln!(
                f,
                "{name:<34} {:>9.3} {:>9.3} {:>9.3}   {:>4} {:>4} {:>4}",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )?;
        }
        writeln!(f, "\nper category (root level, actors by country)")?;
        writeln!(
            f,
            "{:<12} {:>9} {:>9} {:>9}   {:>4} {:>4} {:>4}",
            "category", "precision", "recall", "F1", "tp", "fp", "fn"
        )?;
        for (k, c) in &self.per_category {
            writeln!(
                f,
                "{k:<12} {:>9.3} {:>9.3} {:>9.3}   {:>4} {:>4} {:>4}",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )?;
        }
        let worst: Vec<String> = self.worst(5).into_iter().map(|(k, c)| format!("{k} (F1 {:.2})", c.f1())).collect();
        writeln!(f, "\nworst categories: {}", worst.join(", "))
    }
}
