//! Checks across files: undefined sets, duplicate and conflicting entries, unknown countries and
//! groups in codes, inflected verb heads.

use crate::codes::GENERIC_COUNTRIES;
use crate::diagnostic::{Diagnostic, Diagnostics, column_of};
use crate::patterns::{Element, Head};
use crate::{Dictionaries, Origin};
use rustc_hash::{FxHashMap, FxHashSet};

struct Ctx<'a, P, T> {
    d: &'a Dictionaries,
    files: &'a [(P, T)],
    out: Diagnostics,
}

impl<P: AsRef<str>, T: AsRef<str>> Ctx<'_, P, T> {
    fn raw(&self, o: Origin) -> (&str, &str) {
        let (path, text) = self.files.get(o.file as usize).map(|(p, t)| (p.as_ref(), t.as_ref())).unwrap_or(("?", ""));
        (path, text.lines().nth(o.line.saturating_sub(1) as usize).unwrap_or(""))
    }

    fn error(&mut self, o: Origin, needle: &str, msg: String) {
        let (file, line) = self.raw(o);
        let (file, line) = (file.to_string(), line.to_string());
        self.out.error(&file, o.line as usize, column_of(&line, needle), &line, msg);
    }

    fn warn(&mut self, o: Origin, needle: &str, msg: String) {
        let (file, line) = self.raw(o);
        let (file, line) = (file.to_string(), line.to_string());
        self.out.warn(&file, o.line as usize, column_of(&line, needle), &line, msg);
    }
}

/// Runs every cross-file check.
pub fn check<P: AsRef<str>, T: AsRef<str>>(d: &Dictionaries, files: &[(P, T)]) -> Vec<Diagnostic> {
    let mut cx = Ctx { d, files, out: Diagnostics::default() };
    check_sets(&mut cx);
    check_patterns(&mut cx);
    check_codes(&mut cx);
    check_names(&mut cx);
    cx.out.into_vec()
}

fn check_sets<P: AsRef<str>, T: AsRef<str>>(cx: &mut Ctx<P, T>) {
    let mut seen: FxHashMap<&str, Origin> = FxHashMap::default();
    let sets = &cx.d.sets;
    for s in sets {
        if let Some(first) = seen.insert(&s.name, s.origin) {
            let at = cx.d.locate(first);
            cx.error(s.origin, &s.name, format!("set &{} is already defined at {at}", s.name));
        }
    }
    let defined: FxHashSet<&str> = sets.iter().map(|s| s.name.as_str()).collect();
    let mut missing = Vec::new();
    for p in &cx.d.patterns {
        let used = p.rest.iter().filter_map(|e| if let Element::Set(n) = e { Some(n.as_str()) } else { None });
        let head = if let Head::Set(n) = &p.head { Some(n.as_str()) } else { None };
        for name in used.chain(head) {
            if !defined.contains(name) {
                missing.push((p.origin, name.to_string()));
            }
        }
    }
    for f in &cx.d.frames {
        for e in &f.rest {
            if let Element::Set(n) = e
                && !defined.contains(n.as_str())
            {
                missing.push((f.origin, n.clone()));
            }
        }
    }
    for (o, name) in missing {
        let hint = crate::nearest(&name, defined.iter().copied())
            .map(|n| format!(" (did you mean &{n}?)"))
            .unwrap_or_default();
        cx.error(o, &format!("&{name}"), format!("set &{name} is not defined in any verbs/sets*.txt{hint}"));
    }
}

fn check_patterns<P: AsRef<str>, T: AsRef<str>>(cx: &mut Ctx<P, T>) {
    let mut seen: FxHashMap<String, (Origin, String)> = FxHashMap::default();
    let mut problems = Vec::new();
    for p in &cx.d.patterns {
        let key = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
        match seen.get(&key) {
            Some((o, code)) if *code == p.code.as_str() => {
                problems.push((p.origin, p.text.clone(), format!("duplicate of the pattern at {}", cx.d.locate(*o))))
            }
            Some((o, code)) => problems.push((
                p.origin,
                p.text.clone(),
                format!("same pattern as {} but code {} there: the earlier line wins", cx.d.locate(*o), code),
            )),
            None => {
                seen.insert(key, (p.origin, p.code.as_str().to_string()));
            }
        }
        if let Head::Verbs(vs) = &p.head {
            for v in vs {
                if v.len() > 5
                    && (v.ends_with("ing") || (v.ends_with("ed") && !v.ends_with("eed")))
                    && cx.d.irregulars.inflect(v).base == *v
                {
                    let lemma_like = !matches!(
                        v.as_str(),
                        "bring"
                            | "sing"
                            | "ring"
                            | "spring"
                            | "string"
                            | "swing"
                            | "sling"
                            | "sting"
                            | "wring"
                            | "shed"
                            | "embed"
                            | "wed"
                            | "speed"
                            | "need"
                            | "proceed"
                            | "succeed"
                            | "exceed"
                            | "feed"
                            | "bleed"
                            | "breed"
                            | "heed"
                            | "seed"
                            | "weed"
                    );
                    if lemma_like {
                        problems.push((
                            p.origin,
                            v.clone(),
                            format!("'{v}' looks inflected: write the verb's lemma, Dyad generates its forms"),
                        ));
                    }
                }
            }
        }
    }
    for (o, needle, msg) in problems {
        cx.warn(o, &needle, msg);
    }
}

fn check_codes<P: AsRef<str>, T: AsRef<str>>(cx: &mut Ctx<P, T>) {
    let countries: FxHashSet<&str> =
        cx.d.countries.iter().map(|c| c.code.as_str()).chain(GENERIC_COUNTRIES.iter().copied()).collect();
    let groups: FxHashSet<&str> = cx.d.organisations.iter().filter_map(|o| o.code.group.as_deref()).collect();
    let have_countries = !cx.d.countries.is_empty();
    let mut problems = Vec::new();
    for o in &cx.d.organisations {
        let c = o.code.country.as_deref().unwrap_or("---");
        if have_countries && !countries.contains(c) {
            problems.push((o.origin, c.to_string(), format!("'{c}' is not a known country or class code")));
        }
    }
    for p in &cx.d.people {
        if have_countries && !countries.contains(p.country.as_str()) {
            problems.push((p.origin, p.country.clone(), format!("'{}' is not a known country code", p.country)));
        }
        if p.roles.is_empty() {
            problems.push((p.origin, p.name.clone(), format!("{} has no role: add at least one 'role:' line", p.name)));
        }
        for r in &p.roles {
            if let Some(c) = r.code.country.as_deref()
                && have_countries
                && !countries.contains(c)
            {
                problems.push((r.origin, c.to_string(), format!("'{c}' is not a known country or class code")));
            }
            if let Some(g) = r.code.group.as_deref()
                && !groups.contains(g)
            {
                problems.push((r.origin, g.to_string(), format!("group '{g}' is not defined in organisations")));
            }
        }
    }
    for (o, needle, msg) in problems {
        cx.error(o, &needle, msg);
    }
}

fn check_names<P: AsRef<str>, T: AsRef<str>>(cx: &mut Ctx<P, T>) {
    // A surface name that means two different countries or organisations is a conflict.
    let mut problems = Vec::new();
    let mut owner: FxHashMap<&str, (String, Origin)> = FxHashMap::default();
    for c in &cx.d.countries {
        for n in
            c.names.iter().chain(&c.adjectives).chain(&c.people).chain(&c.capitals).chain(&c.seats).chain(&c.regions)
        {
            note(&mut owner, &mut problems, &n.text, &c.code, n.origin);
        }
    }
    for o in &cx.d.organisations {
        let who = o.code.to_string();
        for n in &o.names {
            note(&mut owner, &mut problems, &n.text, &who, n.origin);
        }
    }
    for (o, needle, msg) in problems {
        cx.warn(o, &needle, msg);
    }
}

fn note<'a>(
    owner: &mut FxHashMap<&'a str, (String, Origin)>,
    problems: &mut Vec<(Origin, String, String)>,
    text: &'a str,
    who: &str,
    o: Origin,
) {
    match owner.get(text) {
        Some((w, _)) if w == who => {}
        Some((w, _)) => {
            problems.push((o, text.to_string(), format!("'{text}' already names {w}; the first entry wins")))
        }
        None => {
            owner.insert(text, (who.to_string(), o));
        }
    }
}
