//! Checks on the files compiled into the library: they parse, their codes exist, and the
//! hand-written lists do not contradict each other.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use dyad_geo::{Ambiguity, Gazetteer, PlaceKind, ResolveContext, Sources, fold};

/// One gazetteer for all tests (building it takes a second in a debug build).
fn geo() -> &'static Gazetteer {
    static GEO: OnceLock<Gazetteer> = OnceLock::new();
    GEO.get_or_init(Gazetteer::embedded)
}

fn iso3_codes() -> BTreeSet<String> {
    Sources::embedded()
        .countries
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').nth(1).unwrap().to_string())
        .collect()
}

#[test]
fn embedded_files_build_with_expected_sizes() {
    let geo = geo();
    let cities = geo.places().iter().filter(|p| !p.is_site()).count();
    let capitals = geo.places().iter().filter(|p| p.kind == PlaceKind::Capital).count();
    let sites = geo.places().iter().filter(|p| p.is_site()).count();
    println!("cities {cities}, capitals {capitals}, sites {sites}, keys {}", geo.key_count());
    assert!((60_000..80_000).contains(&cities), "{cities}");
    assert!(capitals >= 230, "{capitals}");
    assert!(sites >= 150, "{sites}");
    assert!(geo.places().iter().all(|p| p.population >= 5_000 || p.kind != PlaceKind::City || p.geonames_id.is_none()));
}

#[test]
fn every_country_code_is_known() {
    let codes = iso3_codes();
    let geo = geo();
    for p in geo.places() {
        assert!(p.country.is_empty() || codes.contains(&p.country), "{} has unknown country {:?}", p.name, p.country);
        assert!(p.country.is_empty() == (p.is_site() && p.country.is_empty()), "{} has no country", p.name);
    }
}

#[test]
fn site_names_are_unique_and_not_country_names() {
    let src = Sources::embedded().sites;
    let geo = geo();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut bad = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let line = line.split('#').next().unwrap().trim();
        if line.is_empty() {
            continue;
        }
        for name in line.split('|').next().unwrap().split(';').map(str::trim) {
            let key = fold(name);
            if let Some(prev) = seen.insert(key, i + 1)
                && prev != i + 1
            {
                bad.push(format!("sites.txt:{}: {name:?} is also on line {prev}", i + 1));
            }
            // Western Sahara is both an ISO 3166 entry and the disputed region news means.
            if geo.country_of_name(name).is_some() && name != "Western Sahara" {
                bad.push(format!("sites.txt:{}: {name:?} names a country", i + 1));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn blocklisted_names_are_places() {
    let geo = geo();
    for line in Sources::embedded().blocklist.lines() {
        let line = line.split('#').next().unwrap().trim();
        if let Some((name, _)) = line.split_once('|') {
            assert!(!geo.lookup(name.trim()).is_empty(), "blocklist.txt: {name:?} is no place name");
        }
    }
    assert_eq!(geo.ambiguity("reading"), Some(Ambiguity::Word));
    assert_eq!(geo.ambiguity("Of"), Some(Ambiguity::Function));
    assert_eq!(geo.ambiguity("Florence"), Some(Ambiguity::Name));
}

#[test]
fn brief_examples() {
    let geo = geo();
    let none = ResolveContext::default();
    let p = geo.resolve("Plesetsk Cosmodrome", &none).unwrap();
    assert_eq!((p.country.as_str(), p.kind), ("RUS", PlaceKind::Spaceport));
    assert_eq!(geo.resolve("Baikonur Cosmodrome", &none).unwrap().country, "KAZ");
    assert_eq!(geo.resolve("St. Petersburg", &none).unwrap().country, "RUS");
    let us = ResolveContext::default().with_countries(["USA"]);
    assert_eq!(geo.resolve("St. Petersburg", &us).unwrap().admin1, "FL");
    let florida = ResolveContext::default().with_hint("USA");
    assert_eq!(geo.resolve("St. Petersburg", &florida).unwrap().admin1, "FL");
    assert_eq!(geo.resolve("Paris", &us).unwrap().country, "FRA");
    assert_eq!(geo.resolve("Paris", &florida).unwrap().admin1, "TX");
    assert!(geo.resolve("Georgia", &none).is_none());
    assert!(geo.resolve("Georgia", &us).is_none());
    assert_eq!(geo.resolve("Florida", &none).unwrap().kind, PlaceKind::Region);
    assert_eq!(geo.resolve("Washington", &none).unwrap().kind, PlaceKind::Capital);
    assert_eq!(geo.resolve("Singapore", &none).unwrap().country, "SGP");
    for word in ["Reading", "Bath", "Nice", "Mobile", "Split", "Bar", "Of", "Opportunity"] {
        assert!(geo.resolve(word, &none).is_none(), "{word}");
    }
}

#[test]
fn lookup_folds_case_and_diacritics() {
    let geo = geo();
    for (a, b) in [("Kraków", "KRAKOW"), ("Zürich", "zurich"), ("São Paulo", "Sao Paulo"), ("Sana'a", "Sanaa")] {
        assert!(!geo.lookup(a).is_empty(), "{a}");
        assert_eq!(geo.lookup(a), geo.lookup(b), "{a} / {b}");
    }
    let location = geo.resolve("Hanoi", &ResolveContext::default()).unwrap().to_location();
    assert_eq!(location.country.as_deref(), Some("VNM"));
    assert!(location.geonames_id.is_some());
    let sea = geo.resolve("Black Sea", &ResolveContext::default()).unwrap().to_location();
    assert_eq!((sea.country, sea.geonames_id), (None, None));
}
