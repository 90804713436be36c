//! The GDELT 2.0 event table: 61 tab-separated columns per event, no header, exactly in the
//! order of the GDELT Event Codebook V2.0 (`GLOBALEVENTID` … `SOURCEURL`), so tools that read
//! GDELT's `.export.CSV` files read Dyad's unchanged.
//!
//! Column by column:
//!
//! * `GLOBALEVENTID`: the store's aggregate event id (or a running number when writing bare
//!   records). `SQLDATE` `YYYYMMDD`, `MonthYear` `YYYYMM`, `Year`, `FractionDate`
//!   `YYYY.FFFF` with FFFF = ((month − 1)·30 + day) / 365, the codebook's 0–0.9999 fraction of
//!   the year. Undated events leave the four date columns empty.
//! * `Actor1*` and `Actor2*` (source and target): `Code` the full code; `Name` the canonical
//!   name in capitals (the words when there is none); `CountryCode` the CAMEO country (blank for
//!   IGO, NGO and other classes); `KnownGroupCode` the organisation code (UNO, NAT …);
//!   `Religion1Code` for CHR/MOS/JEW actors; `EthnicCode` and `Religion2Code` blank; `Type1-3`
//!   the sector agents.
//! * `IsRootEvent` 1 when the first mention lies in the first three sentences (headline and
//!   lead) of its document. `EventCode`, `EventBaseCode`, `EventRootCode` as strings with their
//!   leading zeros. `QuadClass` and `GoldsteinScale` GDELT's, from the codebook.
//! * `NumMentions`, `NumSources`, `NumArticles` from the store's aggregation (1, 1, 1 for a bare
//!   record). `AvgTone` is empty: Dyad does not measure tone.
//! * Geography, `Type`, `FullName`, `CountryCode` (**FIPS 10-4**), `ADM1Code`, `ADM2Code`, `Lat`,
//!   `Long`, `FeatureID` for Actor1, Actor2 and the action. An actor with a country is placed at
//!   country level (type 1, FIPS code as country, ADM1 and feature id, no centroid); the action
//!   at the event's location (type 4, world city, with its coordinates and GeoNames id as feature
//!   id; type 1 when the place is the country itself), else at the source actor's country. No
//!   country known: type 0 and empty fields.
//! * `DATEADDED` `YYYYMMDDHHMMSS` UTC when the event was first stored; `SOURCEURL` the first
//!   mention's URL (its document id when it has none).
//!
//! Tabs and newlines inside names are replaced by spaces so every row keeps 61 fields.

use crate::EventWriter;
use dyad_model::{ActorRef, Event};
use std::collections::HashMap;
use std::io::{self, BufWriter, Write};

/// The 61 column names, in order (`--header` writes them; GDELT's own files have none).
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Country names and FIPS 10-4 codes by CAMEO/ISO alpha-3 code, for the geography columns.
#[derive(Clone, Debug, Default)]
pub struct Countries {
    by_code: HashMap<String, (String, Option<String>)>,
}

impl Countries {
    /// From the country entries of a dictionary set.
    pub fn from_dictionaries(countries: &[dyad_dict::Country]) -> Countries {
        let by_code = countries.iter().map(|c| (c.code.clone(), (c.name.clone(), c.fips.clone()))).collect();
        Countries { by_code }
    }

    /// From the dictionaries built into Dyad.
    pub fn embedded() -> Countries {
        Countries::from_dictionaries(&dyad_dict::Dictionaries::embedded().0.countries)
    }

    /// From (code, name, FIPS) triples.
    pub fn from_triples<'a>(rows: impl IntoIterator<Item = (&'a str, &'a str, Option<&'a str>)>) -> Countries {
        let by_code =
            rows.into_iter().map(|(c, n, f)| (c.to_string(), (n.to_string(), f.map(str::to_string)))).collect();
        Countries { by_code }
    }

    /// The FIPS 10-4 code of a country.
    pub fn fips(&self, code: &str) -> Option<&str> {
        self.by_code.get(code).and_then(|(_, f)| f.as_deref())
    }

    /// The name of a country.
    pub fn name(&self, code: &str) -> Option<&str> {
        self.by_code.get(code).map(|(n, _)| n.as_str())
    }
}

/// The aggregation facts of one GDELT event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GdeltFacts {
    /// GLOBALEVENTID.
    pub id: u64,
    /// NumMentions.
    pub num_mentions: u32,
    /// NumSources.
    pub num_sources: u32,
    /// NumArticles.
    pub num_articles: u32,
    /// DATEADDED, `YYYYMMDDHHMMSS`.
    pub date_added: String,
}

/// Writes GDELT 2.0 event rows.
pub struct GdeltWriter<W: Write> {
    out: BufWriter<W>,
    countries: Countries,
    header: bool,
    started: bool,
    next_id: u64,
}

impl<W: Write> GdeltWriter<W> {
    /// A header-less writer (as GDELT publishes) using the built-in country table.
    pub fn new(out: W) -> Self {
        GdeltWriter::with_countries(out, Countries::embedded())
    }

    /// A header-less writer with a given country table.
    pub fn with_countries(out: W, countries: Countries) -> Self {
        GdeltWriter { out: BufWriter::new(out), countries, header: false, started: false, next_id: 1 }
    }

    /// Writes the 61 column names first.
    pub fn header(mut self, yes: bool) -> Self {
        self.header = yes;
        self
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            if self.header {
                writeln!(self.out, "{}", GDELT_COLUMNS.join("\t"))?;
            }
        }
        Ok(())
    }

    /// Writes one aggregate event, represented by its first mention's record.
    pub fn write_event(&mut self, e: &Event, facts: &GdeltFacts) -> io::Result<()> {
        self.start()?;
        let row = gdelt_row(e, facts, &self.countries);
        writeln!(self.out, "{}", row.join("\t"))
    }
}

impl<W: Write> EventWriter for GdeltWriter<W> {
    /// A bare record is an event of its own: one mention, source and article.
    fn write(&mut self, e: &Event) -> io::Result<()> {
        let date_added = e.date.map(|d| d.format("%Y%m%d000000").to_string()).unwrap_or_default();
        let facts = GdeltFacts { id: self.next_id, num_mentions: 1, num_sources: 1, num_articles: 1, date_added };
        self.next_id += 1;
        self.write_event(e, &facts)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.start()?;
        self.out.flush()
    }
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// The 10 actor columns.
fn actor_cols(a: Option<&ActorRef>, out: &mut Vec<String>) {
    let Some(a) = a else {
        out.extend(std::iter::repeat_n(String::new(), 10));
        return;
    };
    let country = a.country.as_deref().unwrap_or("");
    let generic = dyad_dict::GENERIC_COUNTRIES.contains(&country);
    let religion = matches!(country, "CHR" | "MOS" | "JEW");
    // Chunks of three after the country part: agents, and at most one organisation code.
    let rest = a.code.get(3..).unwrap_or("");
    let chunks: Vec<&str> =
        rest.as_bytes().chunks(3).filter_map(|c| std::str::from_utf8(c).ok()).filter(|c| c.len() == 3).collect();
    let group = chunks.iter().find(|c| !dyad_dict::is_agent(c)).copied().unwrap_or("");
    let agents: Vec<&str> = a.agents.iter().map(String::as_str).filter(|x| dyad_dict::is_agent(x)).collect();
    out.push(clean(&a.code));
    out.push(clean(&a.name.clone().unwrap_or_else(|| a.text.clone()).to_uppercase()));
    out.push(if generic { String::new() } else { country.to_string() });
    out.push(group.to_string());
    out.push(String::new());
    out.push(if religion { country.to_string() } else { String::new() });
    out.push(String::new());
    for i in 0..3 {
        out.push(agents.get(i).map(|s| s.to_string()).unwrap_or_default());
    }
}

/// The 8 geography columns of a place at country level, or empty (type 0).
fn country_geo(code: Option<&str>, countries: &Countries, out: &mut Vec<String>) {
    match code.and_then(|c| countries.fips(c).map(|f| (c, f))) {
        Some((c, fips)) => {
            out.push("1".into());
            out.push(clean(countries.name(c).unwrap_or(c)));
            out.push(fips.to_string());
            out.push(fips.to_string());
            out.push(String::new());
            out.push(String::new());
            out.push(String::new());
            out.push(fips.to_string());
        }
        None => {
            out.push("0".into());
            out.extend(std::iter::repeat_n(String::new(), 7));
        }
    }
}

/// The 61 cells of one event.
pub fn gdelt_row(e: &Event, facts: &GdeltFacts, countries: &Countries) -> Vec<String> {
    use chrono::Datelike;
    let mut r = Vec::with_capacity(61);
    r.push(facts.id.to_string());
    match e.date {
        Some(d) => {
            r.push(d.format("%Y%m%d").to_string());
            r.push(d.format("%Y%m").to_string());
            r.push(d.year().to_string());
            let frac = ((d.month() as f64 - 1.0) * 30.0 + d.day() as f64) / 365.0;
            r.push(format!("{}.{:04}", d.year(), ((frac * 10_000.0).round() as u32).min(9_999)));
        }
        None => r.extend(std::iter::repeat_n(String::new(), 4)),
    }
    actor_cols(Some(&e.source), &mut r);
    actor_cols(e.target.as_ref(), &mut r);
    r.push(if e.sentence_index < 3 { "1" } else { "0" }.into());
    r.push(e.cameo.as_str().to_string());
    r.push(e.cameo.base().as_str().to_string());
    r.push(e.cameo.root().as_str().to_string());
    r.push(e.quad_class.to_string());
    r.push(format!("{}", e.goldstein));
    r.push(facts.num_mentions.to_string());
    r.push(facts.num_sources.to_string());
    r.push(facts.num_articles.to_string());
    r.push(String::new());
    country_geo(e.source.country.as_deref(), countries, &mut r);
    country_geo(e.target.as_ref().and_then(|t| t.country.as_deref()), countries, &mut r);
    match &e.location {
        Some(l) if l.country.as_deref().and_then(|c| countries.fips(c)).is_some() => {
            let c = l.country.as_deref().unwrap_or("");
            let fips = countries.fips(c).unwrap_or("");
            let cname = countries.name(c).unwrap_or(c);
            let is_country = l.name.eq_ignore_ascii_case(cname);
            r.push(if is_country { "1" } else { "4" }.into());
            r.push(clean(&if is_country { cname.to_string() } else { format!("{}, {}", l.name, cname) }));
            r.push(fips.to_string());
            r.push(fips.to_string());
            r.push(String::new());
            r.push(format!("{:.4}", l.lat));
            r.push(format!("{:.4}", l.lon));
            r.push(match (is_country, l.geonames_id) {
                (true, _) => fips.to_string(),
                (false, Some(id)) => id.to_string(),
                (false, None) => String::new(),
            });
        }
        _ => country_geo(e.source.country.as_deref(), countries, &mut r),
    }
    r.push(facts.date_added.clone());
    r.push(clean(e.url.as_deref().unwrap_or(&e.doc_id)));
    debug_assert_eq!(r.len(), 61);
    r
}
