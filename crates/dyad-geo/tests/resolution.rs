//! Place resolution accuracy on `tests/fixtures/places.tsv`: news-style sentences written for
//! Dyad, each with the place phrase, the document's countries, an optional hint country and the
//! expected place. A phrase counts as resolved when the chosen place lies within 25 km of the
//! expected point and in the expected country; a phrase expected to resolve to nothing ('-')
//! counts when it does. A phrase that opens its sentence is resolved with `sentence_start`, as
//! the coder does.

use dyad_geo::{Gazetteer, ResolveContext, distance_km};

const FIXTURE: &str = include_str!("fixtures/places.tsv");
const MAX_KM: f64 = 25.0;

struct Case<'a> {
    line: usize,
    sentence: &'a str,
    phrase: &'a str,
    context: ResolveContext,
    expected: Option<(&'a str, &'a str, f64, f64)>,
}

fn cases() -> Vec<Case<'static>> {
    let mut out = Vec::new();
    for (i, line) in FIXTURE.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 8, "places.tsv:{}: expected 8 fields", i + 1);
        let countries = f[2].split(',').filter(|c| !c.is_empty()).map(String::from).collect();
        let hint_country = (!f[3].is_empty()).then(|| f[3].to_string());
        let expected = (f[4] != "-").then(|| (f[4], f[5], f[6].parse().unwrap(), f[7].parse().unwrap()));
        assert!(f[0].contains(f[1]), "places.tsv:{}: the phrase is not in the sentence", i + 1);
        out.push(Case {
            line: i + 1,
            sentence: f[0],
            phrase: f[1],
            context: ResolveContext { countries, hint_country, sentence_start: f[0].starts_with(f[1]) },
            expected,
        });
    }
    out
}

#[test]
fn resolves_news_places_within_25_km() {
    let geo = Gazetteer::embedded();
    let cases = cases();
    let (mut hits, mut total, mut nones_ok, mut nones) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for c in &cases {
        let got = geo.resolve(c.phrase, &c.context);
        match (c.expected, got) {
            (Some((name, country, lat, lon)), Some(p)) => {
                total += 1;
                let d = p.distance_km(lat, lon);
                if d <= MAX_KM && p.country == country {
                    hits += 1;
                } else {
                    misses.push(format!(
                        "line {}: {:?} -> {} ({}) at {:.0} km; expected {name} ({country})\n    {}",
                        c.line, c.phrase, p.name, p.country, d, c.sentence
                    ));
                }
            }
            (Some((name, country, ..)), None) => {
                total += 1;
                misses.push(format!(
                    "line {}: {:?} -> nothing; expected {name} ({country})\n    {}",
                    c.line, c.phrase, c.sentence
                ));
            }
            (None, got) => {
                nones += 1;
                match got {
                    None => nones_ok += 1,
                    Some(p) => misses.push(format!(
                        "line {}: {:?} -> {} ({}); expected nothing\n    {}",
                        c.line, c.phrase, p.name, p.country, c.sentence
                    )),
                }
            }
        }
    }
    let share = hits as f64 / total as f64;
    println!(
        "place resolution: {hits}/{total} = {:.1}% within {MAX_KM} km and in the expected country; \
         {nones_ok}/{nones} non-places left unresolved",
        share * 100.0
    );
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(total >= 60, "the test set needs at least 60 places, has {total}");
    assert!(share >= 0.85, "accuracy {share:.3} is below 0.85");
    assert_eq!(nones_ok, nones, "a non-place resolved");
}

#[test]
fn distances_of_expected_points_are_sane() {
    // Guards against swapped latitude and longitude in the fixture.
    for c in cases() {
        if let Some((_, _, lat, lon)) = c.expected {
            assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon), "line {}", c.line);
            assert!(distance_km(lat, lon, lat, lon) == 0.0);
        }
    }
}
