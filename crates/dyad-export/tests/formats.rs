//! Every export format, pinned by golden files over one fixture of event records
//! (`tests/fixtures/events.jsonl`: coded from three short articles, plus a located event and an
//! undated statement). Run with `DYAD_BLESS=1` to rewrite the golden files after a deliberate
//! format change, and review the diff.

use dyad_export::{
    Countries, DocInfo, EventWriter, GDELT_COLUMNS, GdeltFacts, GdeltWriter, JsonlWriter, POLECAT_COLUMNS,
    PolecatTsvWriter, PolecatWriter,
};
use dyad_model::Event;
use std::path::PathBuf;

fn events() -> Vec<Event> {
    include_str!("fixtures/events.jsonl").lines().map(|l| serde_json::from_str(l).expect("fixture record")).collect()
}

fn doc(e: &Event) -> DocInfo {
    let outlet = match e.doc_id.as_str() {
        "astana-1" => "The Astana Times",
        "reuters-7" => "Reuters",
        _ => "TASS",
    };
    DocInfo { outlet: Some(outlet.into()), title: None, published: e.date, language: Some("en".into()) }
}

/// Compares with `tests/golden/NAME`, printing both in full on a difference.
fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("DYAD_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing {}; run with DYAD_BLESS=1", path.display()));
    assert!(expected == actual, "{name} differs from the golden file\n--- expected\n{expected}\n--- actual\n{actual}");
}

fn write_all(mut w: impl EventWriter, evs: &[Event]) {
    for e in evs {
        w.write(e).unwrap();
    }
    w.finish().unwrap();
}

#[test]
fn jsonl_round_trips_the_record() {
    let evs = events();
    let mut out = Vec::new();
    write_all(JsonlWriter::new(&mut out), &evs);
    let text = String::from_utf8(out).unwrap();
    let back: Vec<Event> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(back, evs);
    golden("events.jsonl", &text);
}

#[test]
fn csv_is_pinned() {
    let mut out = Vec::new();
    write_all(dyad_export::CsvWriter::new(&mut out), &events());
    golden("events.csv", &String::from_utf8(out).unwrap());
}

fn gdelt(header: bool) -> String {
    let mut out = Vec::new();
    {
        let mut w = GdeltWriter::with_countries(&mut out, Countries::embedded()).header(header);
        for (i, e) in events().iter().enumerate() {
            let facts = GdeltFacts {
                id: 1000 + i as u64,
                num_mentions: 1 + i as u32 % 3,
                num_sources: 1 + i as u32 % 2,
                num_articles: 1 + i as u32 % 2,
                date_added: "20240312101500".into(),
            };
            w.write_event(e, &facts).unwrap();
        }
        w.finish().unwrap();
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn gdelt_has_61_columns_in_order_and_no_header() {
    let text = gdelt(false);
    golden("events.gdelt.tsv", &text);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), events().len());
    for r in &rows {
        assert_eq!(r.len(), 61, "{r:?}");
    }
    let col = |name: &str| GDELT_COLUMNS.iter().position(|c| *c == name).unwrap();
    let first = &rows[0];
    assert_eq!(first[col("SQLDATE")], "20240312");
    assert_eq!(first[col("MonthYear")], "202403");
    assert_eq!(first[col("FractionDate")], "2024.1973");
    assert_eq!(first[col("EventCode")], "046");
    assert_eq!(first[col("EventBaseCode")], "046");
    assert_eq!(first[col("EventRootCode")], "04");
    assert_eq!(first[col("QuadClass")], "1");
    assert_eq!(first[col("GoldsteinScale")], "7");
    assert_eq!(first[col("Actor1CountryCode")], "KAZ");
    // Geography uses FIPS 10-4, not ISO: Kazakhstan KZ, Russia RS.
    assert_eq!(first[col("Actor1Geo_CountryCode")], "KZ");
    assert_eq!(first[col("Actor2Geo_CountryCode")], "RS");
    assert_eq!(first[col("SOURCEURL")], "https://astanatimes.com/2024/03/talks");
    // The located meeting: a world city in Russia with its coordinates.
    let moscow = &rows[2];
    assert_eq!(moscow[col("ActionGeo_Type")], "4");
    assert_eq!(moscow[col("ActionGeo_FullName")], "Moscow, Russia");
    assert_eq!(moscow[col("ActionGeo_CountryCode")], "RS");
    assert_eq!(moscow[col("ActionGeo_Lat")], "55.7558");
    assert_eq!(moscow[col("ActionGeo_FeatureID")], "524901");
    assert_eq!(moscow[col("Actor1Type1Code")], "GOV");
    // NATO: a known group under IGO, no country.
    let nato = rows.iter().find(|r| r[col("Actor2Code")] == "IGONAT").unwrap();
    assert_eq!(nato[col("Actor2CountryCode")], "");
    assert_eq!(nato[col("Actor2KnownGroupCode")], "NAT");
    assert_eq!(nato[col("Actor2Geo_Type")], "0");
    // Threats against Ukraine: Ukraine is UP in FIPS.
    let ukr = rows.iter().find(|r| r[col("Actor2Code")] == "UKR").unwrap();
    assert_eq!(ukr[col("Actor2Geo_CountryCode")], "UP");
    assert_eq!(ukr[col("EventCode")], "138");
    assert_eq!(ukr[col("QuadClass")], "3");
}

#[test]
fn gdelt_header_names_the_columns() {
    let text = gdelt(true);
    let header = text.lines().next().unwrap();
    assert_eq!(header, GDELT_COLUMNS.join("\t"));
    assert!(header.starts_with("GLOBALEVENTID\tSQLDATE\tMonthYear"));
    assert!(header.ends_with("DATEADDED\tSOURCEURL"));
    assert_eq!(text.lines().count(), events().len() + 1);
}

#[test]
fn bare_records_are_events_of_their_own() {
    let mut out = Vec::new();
    write_all(GdeltWriter::with_countries(&mut out, Countries::embedded()), &events()[..2]);
    let text = String::from_utf8(out).unwrap();
    let ids: Vec<&str> = text.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(ids, ["1", "2"]);
    assert!(text.lines().all(|l| l.split('\t').nth(31) == Some("1")));
}

#[test]
fn polecat_jsonl_has_the_plover_fields() {
    let evs = events();
    let mut out = Vec::new();
    let mut w = PolecatWriter::new(&mut out);
    for e in &evs {
        w.write_with(e, &doc(e)).unwrap();
    }
    assert_eq!(w.skipped(), 2, "the undated statement and the mirror of the reciprocal talks are skipped");
    w.finish().unwrap();
    drop(w);
    let text = String::from_utf8(out).unwrap();
    golden("events.polecat.jsonl", &text);
    let recs: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(recs.len(), evs.len() - 2);
    let talks = &recs[0];
    assert_eq!(talks["actor"].as_array().unwrap().len(), 2, "reciprocal: both participants are actors");
    assert!(talks.get("recipient").is_none());
    for r in &recs {
        for field in ["id", "date", "actor", "event"] {
            assert!(r.get(field).is_some(), "required field {field} missing: {r}");
        }
        assert!(r["actor"].is_array() && r["event"].is_array());
    }
    let accuse = recs.iter().find(|r| r["cameo"] == "112").unwrap();
    assert_eq!(accuse["event"][0], "ACCUSE");
    assert_eq!(accuse["quad_code"], 3);
    assert_eq!(accuse["recipient"][0]["code"], "RUS");
    assert_eq!(accuse["cite_info"]["publication"], "TASS");
    let arrest = recs.iter().find(|r| r["cameo"] == "173").unwrap();
    assert_eq!(arrest["actor"][0]["sector"], "COP");
}

#[test]
fn polecat_tsv_has_40_columns() {
    let evs = events();
    let mut out = Vec::new();
    let mut w = PolecatTsvWriter::new(&mut out);
    for e in &evs {
        w.write_with(e, &doc(e)).unwrap();
    }
    w.finish().unwrap();
    drop(w);
    let text = String::from_utf8(out).unwrap();
    golden("events.polecat.tsv", &text);
    let mut lines = text.lines();
    assert_eq!(lines.next().unwrap(), POLECAT_COLUMNS.join("\t"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), evs.len() - 1);
    assert!(rows.iter().all(|r| r.len() == 40));
    let threat = rows.iter().find(|r| r[2] == "threaten").unwrap();
    assert_eq!(threat[5], "VERBAL CONFLICT");
    assert_eq!(threat[16], "UKR");
    assert_eq!(threat[33], "Reuters");
}

#[test]
fn format_names_parse() {
    use dyad_export::Format;
    assert_eq!(Format::parse("gdelt"), Some(Format::Gdelt));
    assert_eq!(Format::parse("polecat"), Some(Format::Polecat));
    assert_eq!(Format::parse("polecat-tsv"), Some(Format::PolecatTsv));
    assert_eq!(Format::parse("xml"), None);
}

#[cfg(feature = "parquet")]
mod parquet_files {
    use super::*;
    use ::parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use arrow_array::{Array, Date32Array, Float32Array, Int64Array, StringArray};

    #[test]
    fn parquet_reads_back_partitioned_by_year_and_month() {
        let evs = events();
        let dir = tempfile::tempdir().unwrap();
        let mut w = dyad_export::ParquetWriter::create(dir.path()).unwrap();
        for (i, e) in evs.iter().enumerate() {
            let facts = GdeltFacts {
                id: i as u64 + 1,
                num_mentions: 2,
                num_sources: 1,
                num_articles: 2,
                date_added: String::new(),
            };
            w.write_with(e, &doc(e), Some(&facts)).unwrap();
        }
        w.finish().unwrap();
        let mut files: Vec<String> = w
            .files()
            .iter()
            .map(|p| p.strip_prefix(dir.path()).unwrap().to_string_lossy().replace('\\', "/"))
            .collect();
        files.sort();
        assert_eq!(
            files,
            [
                "year=2024/month=03/part-0.parquet",
                "year=2024/month=04/part-0.parquet",
                "year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__/part-0.parquet",
            ]
        );
        let mut seen = Vec::new();
        for f in w.files() {
            let file = std::fs::File::open(f).unwrap();
            let reader = ParquetRecordBatchReaderBuilder::try_new(file).unwrap().build().unwrap();
            for batch in reader {
                let b = batch.unwrap();
                assert_eq!(b.num_columns(), dyad_export::PARQUET_COLUMNS.len());
                let s = |name: &str| {
                    b.column_by_name(name).unwrap().as_any().downcast_ref::<StringArray>().unwrap().clone()
                };
                let ids = s("event_id");
                let cameo = s("cameo");
                let sentence = s("sentence");
                let dates = b.column_by_name("date").unwrap().as_any().downcast_ref::<Date32Array>().unwrap().clone();
                let gold =
                    b.column_by_name("goldstein").unwrap().as_any().downcast_ref::<Float32Array>().unwrap().clone();
                let start =
                    b.column_by_name("trigger_start").unwrap().as_any().downcast_ref::<Int64Array>().unwrap().clone();
                let agg = b.column_by_name("event").unwrap().as_any().downcast_ref::<Int64Array>().unwrap().clone();
                for i in 0..b.num_rows() {
                    let e = evs.iter().find(|e| e.event_id == ids.value(i)).unwrap();
                    assert_eq!(cameo.value(i), e.cameo.as_str());
                    assert_eq!(sentence.value(i), e.sentence);
                    assert_eq!(gold.value(i), e.goldstein);
                    assert_eq!(start.value(i) as usize, e.trigger.start);
                    assert_eq!(dates.is_null(i), e.date.is_none());
                    if let Some(d) = e.date {
                        assert_eq!(dates.value_as_date(i), Some(d));
                    }
                    assert!(agg.value(i) >= 1);
                    seen.push(e.event_id.clone());
                }
            }
        }
        seen.sort();
        let mut want: Vec<String> = evs.iter().map(|e| e.event_id.clone()).collect();
        want.sort();
        assert_eq!(seen, want, "every record read back exactly once");
    }
}
