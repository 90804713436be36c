//! Counts that show how big and how balanced the dictionaries are.

use crate::Dictionaries;
use std::collections::BTreeMap;
use std::fmt;

/// Dictionary sizes per file, per CAMEO root and per country.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Entries per file.
    pub per_file: BTreeMap<String, usize>,
    /// Patterns per CAMEO root.
    pub per_root: BTreeMap<String, usize>,
    /// Distinct CAMEO codes with at least one pattern.
    pub codes_covered: usize,
    /// Names, adjectives, capitals and seats per country, and roles per country.
    pub per_country: BTreeMap<String, (usize, usize)>,
    /// Total counts: countries, organisations, people, roles, agents, patterns, frames.
    pub totals: BTreeMap<&'static str, usize>,
}

/// Computes the statistics.
pub fn compute(d: &Dictionaries) -> Stats {
    let mut s = Stats::default();
    let bump = |o: crate::Origin, s: &mut Stats| {
        *s.per_file.entry(d.files[o.file as usize].clone()).or_default() += 1;
    };
    for c in &d.countries {
        for n in
            c.names.iter().chain(&c.adjectives).chain(&c.people).chain(&c.capitals).chain(&c.seats).chain(&c.regions)
        {
            bump(n.origin, &mut s);
        }
        let e = s.per_country.entry(c.code.clone()).or_default();
        e.0 += c.names.len() + c.adjectives.len() + c.people.len() + c.capitals.len() + c.seats.len() + c.regions.len();
    }
    for o in &d.organisations {
        bump(o.origin, &mut s);
    }
    let mut roles = 0;
    for p in &d.people {
        for r in &p.roles {
            bump(r.origin, &mut s);
            roles += 1;
            let c = r.code.country.clone().unwrap_or_else(|| "---".into());
            s.per_country.entry(c).or_default().1 += 1;
        }
    }
    for a in &d.agents {
        bump(a.origin, &mut s);
    }
    let mut codes = std::collections::BTreeSet::new();
    for p in &d.patterns {
        bump(p.origin, &mut s);
        *s.per_root.entry(p.code.root().to_string()).or_default() += 1;
        codes.insert(p.code);
    }
    s.codes_covered = codes.len();
    for (k, v) in [
        ("countries", d.countries.len()),
        ("organisations", d.organisations.len()),
        ("people", d.people.len()),
        ("roles", roles),
        ("agents", d.agents.len()),
        ("patterns", d.patterns.len()),
        ("sets", d.sets.len()),
        ("frames", d.frames.len()),
        ("irregular verbs", d.irregulars.len()),
    ] {
        s.totals.insert(k, v);
    }
    s
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "totals")?;
        for (k, v) in &self.totals {
            writeln!(f, "  {k:<16} {v:>7}")?;
        }
        writeln!(f, "  {:<16} {:>7}", "codes covered", self.codes_covered)?;
        writeln!(f, "\nentries per file")?;
        for (k, v) in &self.per_file {
            writeln!(f, "  {k:<48} {v:>7}")?;
        }
        writeln!(f, "\npatterns per CAMEO root")?;
        for (k, v) in &self.per_root {
            writeln!(f, "  {k:<4} {v:>7}")?;
        }
        writeln!(f, "\nper country: names (all forms), dated roles")?;
        for (k, (n, r)) in &self.per_country {
            writeln!(f, "  {k:<4} {n:>5} {r:>5}")?;
        }
        Ok(())
    }
}
