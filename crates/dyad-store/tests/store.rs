//! The store end to end: idempotent adds, GDELT-style aggregation across outlets, full-text
//! search, records read back whole, series, actors and dyads, recoding, schema versions, and a
//! frozen store of schema version 1 that must keep opening.

use chrono::NaiveDate;
use dyad_model::{ActorRef, Codebook, DateSource, Document, Event, Span, Trigger, event_id};
use dyad_model::{FigureRecord, QuoteRecord};
use dyad_store::shifts::ShiftKind;
use dyad_store::{ActorSel, CodedDocument, Filter, Period, RecordQuery, SeriesQuery, Store, StoreError};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn actor(code: &str, text: &str, start: usize) -> ActorRef {
    let parsed = dyad_model::ActorCode::parse(code);
    ActorRef {
        text: text.into(),
        code: code.into(),
        country: parsed.country,
        agents: parsed.agents,
        name: Some(text.into()),
        start,
        end: start + text.len(),
        resolved_by: None,
    }
}

/// A document whose sentences are its lines, and one event per `(line, source, target, code)`;
/// actor words are the first words of the line found in it.
fn doc(id: &str, outlet: &str, day: &str, lines: &[&str], events: &[(usize, &str, &str, &str)]) -> CodedDocument {
    let body = lines.join("\n");
    let mut starts = Vec::new();
    let mut at = 0;
    for l in lines {
        starts.push(at);
        at += l.len() + 1;
    }
    let sentences: Vec<Span> = lines.iter().zip(&starts).map(|(l, &s)| Span::new(s, s + l.len())).collect();
    let mut d = Document::from_text(body.clone());
    d.id = id.into();
    d.outlet = Some(outlet.into());
    d.url = Some(format!("https://{outlet}/{id}"));
    d.published = Some(date(day));
    let book = Codebook::standard();
    let evs = events
        .iter()
        .map(|&(line, src, tgt, code)| {
            let info = book.lookup(code).unwrap();
            let s0 = starts[line];
            let text = lines[line];
            let source = actor(src, text.split(' ').next().unwrap(), s0);
            let target = (!tgt.is_empty())
                .then(|| actor(tgt, text.rsplit(' ').next().unwrap(), s0 + text.rfind(' ').unwrap() + 1));
            Event {
                event_id: event_id(id, line, s0, src, tgt, code),
                doc_id: id.into(),
                url: d.url.clone(),
                sentence_index: line,
                sentence: text.into(),
                sentence_start: s0,
                date: d.published,
                date_precision: Some(dyad_model::DatePrecision::Day),
                date_source: DateSource::Publication,
                source,
                target,
                cameo: info.code,
                cameo_root: info.code.root(),
                plover: info.plover.clone(),
                goldstein: info.goldstein,
                quad_class: info.quad_class,
                location: None,
                trigger: Trigger { text: "x".into(), start: s0, end: s0 + 1 },
                pattern: "verbs/test.txt:1".into(),
                negated: false,
                reciprocal: false,
                modality: Default::default(),
                block: Default::default(),
            }
        })
        .collect();
    CodedDocument { doc: d, sentences, events: evs, ..CodedDocument::default() }
}

fn corpus() -> Vec<CodedDocument> {
    vec![
        doc(
            "a1",
            "astanatimes.com",
            "2024-03-12",
            &["Kazakhstan hosted Russia", "The launch from Baikonur went ahead", "Kazakhstan criticised Russia"],
            &[(0, "KAZ", "RUS", "042"), (2, "KAZ", "RUS", "111")],
        ),
        doc(
            "r7",
            "reuters.com",
            "2024-03-12",
            &["Kazakhstan hosted Russia", "Kazakhstan hosted Russia again"],
            &[(0, "KAZ", "RUS", "042"), (1, "KAZ", "RUS", "042")],
        ),
        doc("r8", "reuters.com", "2024-03-12", &["Kazakh officials hosted Russia"], &[(0, "KAZGOV", "RUS", "042")]),
        doc(
            "t3",
            "tass.com",
            "2024-04-02",
            &["Russia threatened Ukraine", "Police arrested protesters"],
            &[(0, "RUS", "UKR", "138"), (1, "---COP", "", "173")],
        ),
    ]
}

fn filled() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.add(&corpus(), "v1").unwrap();
    s
}

#[test]
fn adding_twice_stores_nothing_new() {
    let mut s = Store::open_in_memory().unwrap();
    let first = s.add(&corpus(), "v1").unwrap();
    assert_eq!((first.documents, first.already_stored, first.mentions), (4, 0, 7));
    let counts = s.counts().unwrap();
    let again = s.add(&corpus(), "v1").unwrap();
    assert_eq!((again.documents, again.already_stored, again.mentions), (0, 4, 0));
    assert_eq!(s.counts().unwrap(), counts);
    // A repeat inside one batch is caught as well.
    let mut t = Store::open_in_memory().unwrap();
    let twice = [corpus()[0].clone(), corpus()[0].clone()];
    assert_eq!(t.add(&twice, "v1").unwrap().already_stored, 1);
    assert_eq!(s.meta("dict_version").unwrap().as_deref(), Some("v1"));
    assert_eq!(s.integrity_check().unwrap(), "ok");
    // The check also compares the sentence index with the sentences.
    s.connection().execute("DELETE FROM sentences WHERE id NOT IN (SELECT sentence FROM mentions)", []).unwrap();
    assert!(s.integrity_check().unwrap().starts_with("sentences_fts:"));
}

#[test]
fn aggregates_count_mentions_outlets_and_articles() {
    let s = filled();
    let mut aggs = Vec::new();
    s.for_each_event(&Filter::default(), |a| {
        aggs.push(a);
        Ok(())
    })
    .unwrap();
    // KAZ→RUS 042 on 2024-03-12: once in a1 (astanatimes), twice in r7 (reuters).
    let host =
        aggs.iter().find(|a| a.first.record.cameo.as_str() == "042" && a.first.record.source.code == "KAZ").unwrap();
    assert_eq!((host.num_mentions, host.num_articles, host.num_sources), (3, 2, 2));
    assert_eq!(host.first.record.doc_id, "a1", "the first mention gives the source URL");
    assert_eq!(s.mentions_of(host.id).unwrap().len(), 3);
    // KAZGOV is another actor code: its own aggregate.
    let gov = aggs.iter().find(|a| a.first.record.source.code == "KAZGOV").unwrap();
    assert_eq!((gov.num_mentions, gov.num_articles, gov.num_sources), (1, 1, 1));
    assert_eq!(aggs.len(), 5);
    assert_eq!(s.counts().unwrap().events, 5);
    // Stored one document per batch, the counts come from re-counting: the same numbers.
    let mut one_by_one = Store::open_in_memory().unwrap();
    for cd in corpus() {
        one_by_one.add(&[cd], "v1").unwrap();
    }
    let mut again = Vec::new();
    one_by_one
        .for_each_event(&Filter::default(), |a| {
            again.push(a);
            Ok(())
        })
        .unwrap();
    let key =
        |a: &dyad_store::Aggregate| (a.first.record.event_id.clone(), a.num_mentions, a.num_articles, a.num_sources);
    assert_eq!(again.iter().map(key).collect::<Vec<_>>(), aggs.iter().map(key).collect::<Vec<_>>());
}

#[test]
fn records_read_back_whole() {
    let s = filled();
    let mut back = Vec::new();
    s.for_each_mention(&Filter::default(), |m| {
        back.push(m.record);
        Ok(())
    })
    .unwrap();
    let mut want: Vec<Event> = corpus().into_iter().flat_map(|c| c.events).collect();
    want.sort_by(|a, b| a.event_id.cmp(&b.event_id));
    back.sort_by(|a, b| a.event_id.cmp(&b.event_id));
    assert_eq!(back, want);
}

#[test]
fn filters_select_dyads_dates_and_roots() {
    let s = filled();
    let count = |f: Filter| {
        let mut n = 0;
        s.for_each_mention(&f, |_| {
            n += 1;
            Ok(())
        })
        .unwrap();
        n
    };
    let kaz_rus =
        Filter { source: ActorSel::from_code("KAZ"), target: ActorSel::from_code("RUS"), ..Filter::default() };
    assert_eq!(count(kaz_rus.clone()), 5, "country KAZ includes KAZGOV");
    assert_eq!(count(Filter { source: ActorSel::from_code("KAZGOV"), ..Filter::default() }), 1);
    assert_eq!(count(Filter { root: Some(11), ..kaz_rus.clone() }), 1);
    assert_eq!(count(Filter { from: Some(date("2024-04-01")), ..Filter::default() }), 2);
    assert_eq!(count(Filter { to: Some(date("2024-03-31")), ..Filter::default() }), 5);
    let back = Filter { source: ActorSel::from_code("RUS"), target: ActorSel::from_code("KAZ"), ..Filter::default() };
    assert_eq!(count(back.clone()), 0);
    assert_eq!(count(Filter { both_directions: true, ..back }), 5);
}

#[test]
fn search_finds_sentences_and_their_events() {
    let s = filled();
    let hits = s.search("Baikonur", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].text, "The launch from Baikonur went ahead");
    assert_eq!(hits[0].snippet, "The launch from [Baikonur] went ahead");
    assert_eq!(hits[0].doc_id, "a1");
    assert!(hits[0].events.is_empty());
    let hosted = s.search("hosted", 10).unwrap();
    assert_eq!(hosted.len(), 4, "a sentence repeated in two documents is stored with each: {hosted:?}");
    let r = s.search("criticised Russia", 10).unwrap();
    assert_eq!(r[0].events, ["KAZ RUS 111"]);
    assert!(s.search("U.S.", 5).unwrap().is_empty(), "punctuation never breaks the query");
    assert!(matches!(s.search("  ", 5), Err(StoreError::Invalid(_))));
}

#[test]
fn series_by_week_month_and_direction() {
    let s = filled();
    let kaz_rus =
        Filter { source: ActorSel::from_code("KAZ"), target: ActorSel::from_code("RUS"), ..Filter::default() };
    let weeks = s.series(&SeriesQuery { filter: kaz_rus.clone(), period: Period::Week, one_a_day: false }).unwrap();
    assert_eq!(weeks.len(), 1);
    assert_eq!(weeks[0].start, date("2024-03-11"));
    assert_eq!(weeks[0].count, 5);
    assert_eq!(weeks[0].quad, [4, 0, 1, 0]);
    assert!((weeks[0].goldstein_mean.unwrap() - (4.0 * 1.9 - 2.0) / 5.0).abs() < 1e-6);
    let one = s.series(&SeriesQuery { filter: kaz_rus.clone(), period: Period::Week, one_a_day: true }).unwrap();
    assert_eq!(one[0].count, 3, "one a day: KAZ 042, KAZ 111, KAZGOV 042");
    // Months from March to April, the empty April included when asked for.
    let to = Filter { to: Some(date("2024-04-30")), ..kaz_rus.clone() };
    let months = s.series(&SeriesQuery { filter: to, period: Period::Month, one_a_day: false }).unwrap();
    assert_eq!(
        months.iter().map(|r| (r.start, r.count)).collect::<Vec<_>>(),
        [(date("2024-03-01"), 5), (date("2024-04-01"), 0)]
    );
    assert_eq!(months[1].goldstein_mean, None);
    let rus_kaz = Filter {
        both_directions: true,
        source: kaz_rus.target.clone(),
        target: kaz_rus.source.clone(),
        ..Filter::default()
    };
    let both = s.series(&SeriesQuery { filter: rus_kaz, period: Period::Day, one_a_day: false }).unwrap();
    assert_eq!(both.iter().map(|r| r.count).sum::<u64>(), 5);
}

#[test]
fn actors_and_dyads_rank_with_balance() {
    let s = filled();
    let dyads = s.dyads(&Filter::default(), 10, false).unwrap();
    assert_eq!((dyads[0].source.as_str(), dyads[0].target.as_str(), dyads[0].count), ("KAZ", "RUS", 5));
    assert_eq!((dyads[0].cooperation, dyads[0].conflict), (4, 1));
    assert!((dyads[0].balance() - 0.6).abs() < 1e-9);
    assert_eq!(dyads.len(), 2, "the target-less arrest is not a dyad");
    let actors = s.actors(&Filter::default(), 10, false).unwrap();
    assert_eq!(actors[0].actor, "RUS");
    assert_eq!((actors[0].as_source, actors[0].as_target), (1, 5));
    let codes = s.actors(&Filter::default(), 10, true).unwrap();
    assert!(codes.iter().any(|a| a.actor == "KAZGOV" && a.as_source == 1));
}

#[test]
fn recode_replaces_mentions_and_drops_empty_aggregates() {
    let mut s = filled();
    let stale = s.stale_documents("v2", false, 0, 100).unwrap();
    assert_eq!(stale.len(), 4);
    assert_eq!(stale[0].doc.id, "a1");
    assert_eq!(stale[0].doc.outlet.as_deref(), Some("astanatimes.com"));
    // New dictionaries: a1's criticism becomes a rejection; nothing else changes.
    let mut batch = Vec::new();
    for st in stale {
        let mut cd = corpus().into_iter().find(|c| c.doc.id == st.doc.id).unwrap();
        if st.doc.id == "a1" {
            cd = doc(
                "a1",
                "astanatimes.com",
                "2024-03-12",
                &["Kazakhstan hosted Russia", "The launch from Baikonur went ahead", "Kazakhstan criticised Russia"],
                &[(0, "KAZ", "RUS", "042"), (2, "KAZ", "RUS", "120")],
            );
        }
        assert_eq!(cd.doc.body, st.doc.body);
        batch.push((st.row, cd));
    }
    let r = s.replace(&batch, "v2").unwrap();
    assert_eq!((r.documents, r.removed, r.added, r.dropped_events), (4, 7, 7, 1));
    assert!(s.stale_documents("v2", false, 0, 100).unwrap().is_empty());
    assert_eq!(s.stale_documents("v2", true, 0, 100).unwrap().len(), 4);
    assert_eq!(s.counts().unwrap().events, 5);
    let mut codes = Vec::new();
    s.for_each_event(&Filter::default(), |a| {
        codes.push(a.first.record.cameo.to_string());
        Ok(())
    })
    .unwrap();
    assert!(codes.contains(&"120".to_string()) && !codes.contains(&"111".to_string()));
    assert_eq!(s.search("Baikonur", 5).unwrap().len(), 1, "the sentence index survives recoding");
    assert_eq!(s.meta("dict_version").unwrap().as_deref(), Some("v2"));
    assert_eq!(s.integrity_check().unwrap(), "ok");
}

#[test]
fn shifts_report_a_turn_with_its_drivers() {
    let mut s = Store::open_in_memory().unwrap();
    // Forty days of KAZ→RUS consultations, then thirty of threats.
    let mut docs = Vec::new();
    for d in 0..70u32 {
        let day = (date("2024-01-01") + chrono::Duration::days(d as i64)).to_string();
        let (line, code) =
            if d < 40 { ("Kazakhstan consulted Russia", "040") } else { ("Kazakhstan threatened Russia", "130") };
        docs.push(doc(&format!("d{d}"), "example.org", &day, &[line, &format!("Day {d}")], &[(0, "KAZ", "RUS", code)]));
    }
    s.add(&docs, "v1").unwrap();
    let f = Filter { source: ActorSel::from_code("KAZ"), target: ActorSel::from_code("RUS"), ..Filter::default() };
    let shifts = s.shifts(&f, &Default::default()).unwrap();
    let tone: Vec<_> = shifts.iter().filter(|s| s.kind == ShiftKind::Tone).collect();
    assert_eq!(tone.len(), 1, "{shifts:#?}");
    assert_eq!(tone[0].date, date("2024-02-10"));
    assert_eq!(tone[0].direction(), "toward conflict");
    let drivers = s.mentions_by_id(&tone[0].drivers).unwrap();
    assert_eq!(drivers.len(), 3);
    assert!(drivers.iter().all(|m| m.record.cameo.as_str() == "130"));
}

#[test]
fn foreign_and_newer_databases_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
    assert!(matches!(Store::open(&other), Err(StoreError::NotAStore)));
    let newer = dir.path().join("newer.sqlite");
    Store::open(&newer).unwrap().set_meta("schema_version", "99").unwrap();
    let err = Store::open(&newer).err().unwrap();
    assert!(matches!(err, StoreError::NewerSchema { found: 99, supported: 2 }));
    assert!(err.to_string().contains("upgrade dyad"));
}

const FROZEN_V1: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/store-v1.db");

/// Wrote the frozen schema-1 store, once, when schema 1 was current (it now writes the current
/// schema): `cargo test -p dyad-store --test store -- --ignored write_frozen_v1_store`.
#[test]
#[ignore]
fn write_frozen_v1_store() {
    let _ = std::fs::remove_file(FROZEN_V1);
    let mut s = Store::open(std::path::Path::new(FROZEN_V1)).unwrap();
    s.add(&corpus(), "v1").unwrap();
    s.connection().execute_batch("PRAGMA journal_mode = DELETE; VACUUM;").unwrap();
}

#[test]
fn the_frozen_schema_1_store_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v1.sqlite");
    std::fs::copy(FROZEN_V1, &copy).unwrap();
    let s = Store::open(&copy).unwrap();
    // Opening migrates it to schema 2 (quotes and figures) and keeps everything.
    assert_eq!(s.meta("schema_version").unwrap().as_deref(), Some("2"));
    assert_eq!(s.counts().unwrap(), filled().counts().unwrap());
    assert_eq!(s.search("Baikonur", 5).unwrap().len(), 1);
    let mut n = 0;
    s.for_each_mention(&Filter::default(), |_| {
        n += 1;
        Ok(())
    })
    .unwrap();
    assert_eq!(n, 7);
}

/// The first document of the corpus with a quotation by Kazakhstan's government and a figure.
fn with_records() -> CodedDocument {
    let mut cd = corpus().remove(0);
    let line = "The launch from Baikonur went ahead";
    let start = cd.doc.body.find(line).unwrap();
    cd.quotes.push(QuoteRecord {
        record: "quote".into(),
        quote_id: "q1".into(),
        doc_id: cd.doc.id.clone(),
        url: cd.doc.url.clone(),
        sentence_index: 1,
        date: cd.doc.published,
        text: "went ahead".into(),
        start: start + 25,
        end: start + line.len(),
        speaker: Some(actor("KAZGOV", "Kazakhstan", 0)),
        speaker_text: Some("Kazakhstan".into()),
        verb: Some("said".into()),
    });
    cd.figures.push(FigureRecord {
        record: "figure".into(),
        figure_id: "f1".into(),
        doc_id: cd.doc.id.clone(),
        url: cd.doc.url.clone(),
        sentence_index: 1,
        sentence: line.into(),
        date: cd.doc.published,
        text: "Baikonur".into(),
        start: start + 16,
        end: start + 24,
        value: 2.0e9,
        unit: Some("USD".into()),
        counted: Some("aid".into()),
        approximate: false,
        actors: vec![actor("RUS", "Russia", 0)],
    });
    cd
}

#[test]
fn quotes_and_figures_are_stored_read_back_and_recoded() {
    let mut s = Store::open_in_memory().unwrap();
    let cd = with_records();
    let r = s.add(std::slice::from_ref(&cd), "v1").unwrap();
    assert_eq!((r.quotes, r.figures), (1, 1));
    let all = RecordQuery::default();
    assert_eq!(s.quotes(&all).unwrap(), cd.quotes);
    // The figure's sentence comes back from the sentences table.
    assert_eq!(s.figures(&all).unwrap(), cd.figures);
    let kaz = RecordQuery { actor: ActorSel::Country("KAZ".into()), ..RecordQuery::default() };
    assert_eq!(s.quotes(&kaz).unwrap().len(), 1);
    assert!(s.figures(&kaz).unwrap().is_empty(), "the figure's sentence names Russia only");
    let rus = RecordQuery { actor: ActorSel::Country("RUS".into()), ..RecordQuery::default() };
    assert!(s.quotes(&rus).unwrap().is_empty());
    assert_eq!(s.figures(&rus).unwrap().len(), 1);
    let later = RecordQuery { from: Some(date("2024-04-01")), ..RecordQuery::default() };
    assert!(s.quotes(&later).unwrap().is_empty());
    // Re-coding replaces them with what the new coding found.
    let row: i64 = s.connection().query_row("SELECT id FROM documents", [], |r| r.get(0)).unwrap();
    let mut recoded = cd.clone();
    recoded.quotes.clear();
    s.replace(&[(row, recoded)], "v2").unwrap();
    let counts = s.counts().unwrap();
    assert_eq!((counts.quotes, counts.figures), (0, 1));
}
