//! Readers for the gazetteer's five files. Each reader checks its lines and reports the first
//! problem with the file and line; the embedded files are checked by the test suite.

use crate::GeoError;
use crate::place::PlaceKind;

/// One GeoNames city as written in `cities.tsv`, borrowing from the file.
pub(crate) struct CityRow<'a> {
    pub geonames_id: u64,
    pub name: &'a str,
    pub ascii: &'a str,
    pub alternates: &'a str,
    pub iso3: &'a str,
    pub admin1: &'a str,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// One country of `countries.tsv`.
pub(crate) struct CountryRow<'a> {
    pub iso3: &'a str,
    pub name: &'a str,
    pub capital: Option<u64>,
}

/// One site of `sites.txt`.
pub(crate) struct SiteRow<'a> {
    pub names: Vec<&'a str>,
    pub kind: PlaceKind,
    pub iso3: &'a str,
    pub lat: f64,
    pub lon: f64,
}

/// One line of `aliases.txt`.
pub(crate) struct AliasRow<'a> {
    pub alias: &'a str,
    pub geonames_id: u64,
    pub name: &'a str,
    pub line: usize,
}

/// How a name that is also an everyday English word or a person's name is treated; one line of
/// `blocklist.txt` gives a name and its level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Ambiguity {
    /// A function word or generic noun ("Of", "None", "Most", "Police"): resolved only when the
    /// caller's hint country has a place of that name ("Of, Turkey").
    Function,
    /// An everyday word ("Reading", "Bath", "Nice", "Mobile", "Split"): resolved only when the
    /// hint country or a document country has a place of that name.
    Word,
    /// A first name or surname ("Florence", "Austin", "Warren"): resolved as usual, but the coder
    /// should not take it for a place at the start of a sentence or as the subject of a verb of
    /// speech unless a locative ("in", "at", "near") or a "Name, Country" pattern says so.
    Name,
}

impl Ambiguity {
    /// The level as written in `blocklist.txt`.
    pub fn as_str(self) -> &'static str {
        match self {
            Ambiguity::Function => "function",
            Ambiguity::Word => "word",
            Ambiguity::Name => "name",
        }
    }

    fn from_name(s: &str) -> Option<Ambiguity> {
        [Ambiguity::Function, Ambiguity::Word, Ambiguity::Name].into_iter().find(|a| a.as_str() == s)
    }
}

fn err(file: &'static str, line: usize, message: impl Into<String>) -> GeoError {
    GeoError::Parse { file, line, message: message.into() }
}

/// Lines without comments and blank lines, numbered from one.
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let l = l.split('#').next().unwrap_or("").trim();
        (!l.is_empty()).then_some((i + 1, l))
    })
}

fn is_iso3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn coordinate(file: &'static str, line: usize, s: &str, max: f64, what: &str) -> Result<f64, GeoError> {
    let v: f64 = s.trim().parse().map_err(|_| err(file, line, format!("{what} {s:?} is not a number")))?;
    if !(-max..=max).contains(&v) {
        return Err(err(file, line, format!("{what} {v} is out of range -{max}..{max}")));
    }
    Ok(v)
}

pub(crate) const CITIES: &str = "data/places/cities.tsv";
pub(crate) const COUNTRIES: &str = "data/places/countries.tsv";
pub(crate) const SITES: &str = "data/places/sites.txt";
pub(crate) const ALIASES: &str = "data/places/aliases.txt";
pub(crate) const BLOCKLIST: &str = "data/places/blocklist.txt";

/// Reads `cities.tsv`: geonameid, name, asciiname, alternates, iso3, admin1, lat, lon, population.
pub(crate) fn cities<'a>(text: &'a str, mut each: impl FnMut(CityRow<'a>)) -> Result<(), GeoError> {
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let n = i + 1;
        let mut f = [""; 9];
        let mut count = 0;
        for (i, field) in line.split('\t').enumerate() {
            if i < 9 {
                f[i] = field;
            }
            count += 1;
        }
        if count != 9 {
            return Err(err(CITIES, n, format!("expected 9 tab-separated fields, found {count}")));
        }
        let geonames_id = f[0].parse().map_err(|_| err(CITIES, n, format!("geonameid {:?} is not a number", f[0])))?;
        if f[1].is_empty() || !is_iso3(f[4]) {
            return Err(err(CITIES, n, format!("empty name or bad ISO3 code {:?}", f[4])));
        }
        let population = f[8].parse().map_err(|_| err(CITIES, n, format!("population {:?} is not a number", f[8])))?;
        each(CityRow {
            geonames_id,
            name: f[1],
            ascii: f[2],
            alternates: f[3],
            iso3: f[4],
            admin1: f[5],
            lat: coordinate(CITIES, n, f[6], 90.0, "latitude")?,
            lon: coordinate(CITIES, n, f[7], 180.0, "longitude")?,
            population,
        });
    }
    Ok(())
}

/// Reads `countries.tsv`: iso2, iso3, fips, name, capital geonameid.
pub(crate) fn countries(text: &str) -> Result<Vec<CountryRow<'_>>, GeoError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 5 || !is_iso3(f[1]) {
            return Err(err(COUNTRIES, i + 1, "expected iso2, iso3, fips, name, capital (5 tab-separated fields)"));
        }
        let capital = match f[4] {
            "" => None,
            s => Some(s.parse().map_err(|_| err(COUNTRIES, i + 1, format!("capital id {s:?} is not a number")))?),
        };
        out.push(CountryRow { iso3: f[1], name: f[3], capital });
    }
    Ok(out)
}

/// Reads `sites.txt`: `Name; Alias; … | kind | ISO3 or - | lat, lon`.
pub(crate) fn sites(text: &str) -> Result<Vec<SiteRow<'_>>, GeoError> {
    let mut out = Vec::new();
    for (n, line) in content_lines(text) {
        let f: Vec<&str> = line.split('|').map(str::trim).collect();
        if f.len() != 4 {
            return Err(err(SITES, n, "expected `Name; Alias | kind | ISO3 | lat, lon` (4 fields separated by '|')"));
        }
        let names: Vec<&str> = f[0].split(';').map(str::trim).filter(|s| !s.is_empty()).collect();
        if names.is_empty() {
            return Err(err(SITES, n, "a site needs a name"));
        }
        let kind = PlaceKind::from_name(f[1])
            .filter(|&k| k != PlaceKind::Capital)
            .ok_or_else(|| err(SITES, n, format!("unknown site kind {:?} (region, island, water, base, nuclear, spaceport, crossing, landmark, city)", f[1])))?;
        let iso3 = match f[2] {
            "-" => "",
            s if is_iso3(s) => s,
            s => return Err(err(SITES, n, format!("country {s:?} is not an ISO3 code or '-'"))),
        };
        let Some((lat, lon)) = f[3].split_once(',') else {
            return Err(err(SITES, n, format!("coordinates {:?} are not `lat, lon`", f[3])));
        };
        out.push(SiteRow {
            names,
            kind,
            iso3,
            lat: coordinate(SITES, n, lat, 90.0, "latitude")?,
            lon: coordinate(SITES, n, lon, 180.0, "longitude")?,
        });
    }
    Ok(out)
}

/// Reads `aliases.txt`: `Alias | geonameid | GeoNames name`.
pub(crate) fn aliases(text: &str) -> Result<Vec<AliasRow<'_>>, GeoError> {
    let mut out = Vec::new();
    for (n, line) in content_lines(text) {
        let f: Vec<&str> = line.split('|').map(str::trim).collect();
        if f.len() != 3 || f[0].is_empty() {
            return Err(err(ALIASES, n, "expected `Alias | geonameid | GeoNames name`"));
        }
        let geonames_id = f[1].parse().map_err(|_| err(ALIASES, n, format!("geonameid {:?} is not a number", f[1])))?;
        out.push(AliasRow { alias: f[0], geonames_id, name: f[2], line: n });
    }
    Ok(out)
}

/// Reads `blocklist.txt`: `Name | function|word|name`.
pub(crate) fn blocklist(text: &str) -> Result<Vec<(&str, Ambiguity)>, GeoError> {
    let mut out = Vec::new();
    for (n, line) in content_lines(text) {
        let Some((name, level)) = line.split_once('|') else {
            return Err(err(BLOCKLIST, n, "expected `Name | function|word|name`"));
        };
        let level = Ambiguity::from_name(level.trim())
            .ok_or_else(|| err(BLOCKLIST, n, format!("unknown level {:?} (function, word, name)", level.trim())))?;
        out.push((name.trim(), level));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_lines_parse_and_errors_name_the_line() {
        let s =
            sites("# header\n\nBaikonur Cosmodrome; Baikonur | spaceport | KAZ | 45.965, 63.305  # leased\n").unwrap();
        assert_eq!(s[0].names, ["Baikonur Cosmodrome", "Baikonur"]);
        assert_eq!(s[0].kind, PlaceKind::Spaceport);
        assert_eq!((s[0].iso3, s[0].lat, s[0].lon), ("KAZ", 45.965, 63.305));
        let sea = sites("Black Sea | water | - | 43.4, 34.0").unwrap();
        assert_eq!(sea[0].iso3, "");
        let e = sites("ok | water | - | 1, 2\nX | town | RUS | 1, 2").err().unwrap();
        assert_eq!(
            e.to_string(),
            "data/places/sites.txt:2: unknown site kind \"town\" (region, island, water, base, nuclear, spaceport, crossing, landmark, city)"
        );
        let e = sites("X | base | Rus | 1, 2").err().unwrap();
        assert!(e.to_string().contains(":1: country \"Rus\""), "{e}");
        let e = sites("X | base | RUS | 91, 2").err().unwrap();
        assert!(e.to_string().contains("latitude 91 is out of range"), "{e}");
        assert!(sites("X | base | RUS").is_err());
    }

    #[test]
    fn blocklist_and_alias_lines_parse() {
        let b = blocklist("Reading | word\nOf | function # Turkish town\nFlorence | name").unwrap();
        assert_eq!(b, [("Reading", Ambiguity::Word), ("Of", Ambiguity::Function), ("Florence", Ambiguity::Name)]);
        assert!(blocklist("Reading | often").is_err());
        let a = aliases("Odessa | 698740 | Odesa").unwrap();
        assert_eq!((a[0].alias, a[0].geonames_id, a[0].name, a[0].line), ("Odessa", 698740, "Odesa", 1));
        assert!(aliases("Odessa | x | Odesa").is_err());
    }

    #[test]
    fn city_rows_need_nine_fields() {
        let mut n = 0;
        cities("# h\n1\tA\tA\t\tRUS\t01\t1.5\t2.5\t7000\n", |r| {
            n += 1;
            assert_eq!((r.geonames_id, r.name, r.iso3, r.population), (1, "A", "RUS", 7000));
        })
        .unwrap();
        assert_eq!(n, 1);
        let e = cities("1\tA\tA\tRUS\t01\t1.5\t2.5\t7000\n", |_| {}).err().unwrap();
        assert_eq!(e.to_string(), "data/places/cities.tsv:1: expected 9 tab-separated fields, found 8");
    }
}
