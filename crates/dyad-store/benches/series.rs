//! `dyad series` on one million stored events must answer in under a second.
//!
//! Synthesises a store of 1,000,000 event records (100,000 documents of ten events, 20
//! countries with a skewed activity so a few dyads are large, two years, 50 outlets) through
//! the real write path (`Store::add`), keeps it in the target directory for later runs, and
//! times the analyses. Each query asserts its result count, so speed never hides a change in
//! results.
//!
//! ```text
//! cargo bench -p dyad-store --bench series            # builds the store once (~1–2 min)
//! DYAD_BENCH_STORE=/tmp/1m.sqlite cargo bench -p dyad-store --bench series
//! ```

use chrono::{Duration, NaiveDate};
use dyad_model::{ActorRef, Codebook, DateSource, Document, Event, Span, Trigger};
use dyad_store::{ActorSel, CodedDocument, Filter, Period, SeriesQuery, Store};
use std::path::PathBuf;
use std::time::Instant;

const DOCS: usize = 100_000;
const PER_DOC: usize = 10;
const COUNTRIES: [&str; 20] = [
    "USA", "CHN", "RUS", "UKR", "KAZ", "IRN", "ISR", "PSE", "FRA", "DEU", "GBR", "TUR", "IND", "PAK", "JPN", "KOR",
    "PRK", "SYR", "EGY", "BRA",
];
const CODES: [&str; 24] = [
    "010", "012", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071", "0874", "100", "111", "112",
    "120", "130", "138", "141", "163", "173", "190", "193",
];
const AGENTS: [&str; 4] = ["", "GOV", "MIL", "OPP"];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// A country index with Zipf-like weights: USA and CHN are the busiest.
    fn country(&mut self) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((COUNTRIES.len() as f64).powf(u) - 1.0) as usize
    }
}

fn actor(code: &str, start: usize) -> ActorRef {
    let parsed = dyad_model::ActorCode::parse(code);
    ActorRef {
        text: code.to_string(),
        code: code.to_string(),
        country: parsed.country,
        agents: parsed.agents,
        name: None,
        start,
        end: start + 3,
        resolved_by: None,
    }
}

fn synthesise(store: &mut Store) {
    let book = Codebook::standard();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let d0 = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    let started = Instant::now();
    let mut batch = Vec::with_capacity(500);
    for i in 0..DOCS {
        let day = d0 + Duration::days(rng.below(730) as i64);
        let mut body = String::new();
        let mut events = Vec::with_capacity(PER_DOC);
        for k in 0..PER_DOC {
            let s = COUNTRIES[rng.country()];
            let mut t = COUNTRIES[rng.country()];
            if s == t {
                t = COUNTRIES[(rng.below(19) + 1 + COUNTRIES.iter().position(|c| *c == s).unwrap()) % 20];
            }
            let src = format!("{s}{}", AGENTS[rng.below(4)]);
            let tgt = format!("{t}{}", AGENTS[rng.below(4)]);
            let info = book.lookup(CODES[rng.below(CODES.len())]).unwrap();
            let start = body.len();
            let sentence = format!("{src} acted on {tgt} in report {i} item {k}.");
            body.push_str(&sentence);
            body.push(' ');
            events.push(Event {
                event_id: format!("{i:06}-{k}"),
                doc_id: format!("doc-{i}"),
                url: Some(format!("https://outlet{}.example/{i}", rng.below(50))),
                sentence_index: k,
                sentence: sentence.clone(),
                sentence_start: start,
                date: Some(day),
                date_precision: Some(dyad_model::DatePrecision::Day),
                date_source: DateSource::Publication,
                source: actor(&src, start),
                target: Some(actor(&tgt, start + src.len() + 10)),
                cameo: info.code,
                cameo_root: info.code.root(),
                plover: info.plover.clone(),
                goldstein: info.goldstein,
                quad_class: info.quad_class,
                location: None,
                trigger: Trigger { text: "acted on".into(), start: start + src.len() + 1, end: start + src.len() + 9 },
                pattern: "bench:1".into(),
                negated: false,
                reciprocal: false,
                modality: Default::default(),
                block: Default::default(),
            });
        }
        let sentences =
            events.iter().map(|e| Span::new(e.sentence_start, e.sentence_start + e.sentence.len())).collect();
        let mut doc = Document::from_text(body);
        doc.id = format!("doc-{i}");
        doc.published = Some(day);
        doc.url = events[0].url.clone();
        batch.push(CodedDocument { doc, sentences, events, ..CodedDocument::default() });
        if batch.len() == 500 {
            store.add(&batch, "bench").unwrap();
            batch.clear();
        }
    }
    store.add(&batch, "bench").unwrap();
    store.optimize().unwrap();
    let secs = started.elapsed().as_secs_f64();
    println!(
        "synthesised {} records in {secs:.1}s ({:.0} records/s through Store::add)",
        DOCS * PER_DOC,
        (DOCS * PER_DOC) as f64 / secs
    );
}

fn time<T>(what: &str, f: impl Fn() -> T) -> T {
    let mut times = Vec::new();
    let mut out = None;
    for _ in 0..5 {
        let t = Instant::now();
        out = Some(f());
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let verdict = if times[2] < 1.0 { "ok" } else { "OVER 1 s" };
    println!(
        "{what:<58} median {:>7.1} ms  (min {:>7.1}, max {:>7.1})  {verdict}",
        times[2] * 1e3,
        times[0] * 1e3,
        times[4] * 1e3
    );
    out.unwrap()
}

fn main() {
    let path = std::env::var_os("DYAD_BENCH_STORE").map(PathBuf::from).unwrap_or_else(|| {
        let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target"));
        target.join("bench-series-1m-v1.sqlite")
    });
    let fresh = !path.exists();
    let mut store = Store::open(&path).unwrap();
    if fresh {
        synthesise(&mut store);
    }
    let counts = store.counts().unwrap();
    assert_eq!(counts.mentions, (DOCS * PER_DOC) as u64, "{} holds a different store: delete it", path.display());
    println!(
        "store {}: {} records, {} aggregate events, {} documents",
        path.display(),
        counts.mentions,
        counts.events,
        counts.documents
    );

    let dyad = |s: &str, t: &str| Filter {
        source: ActorSel::from_code(s),
        target: ActorSel::from_code(t),
        ..Filter::default()
    };
    let sum = |rows: &[dyad_store::SeriesRow]| rows.iter().map(|r| r.count).sum::<u64>();
    let q = |filter: Filter, period: Period, one_a_day: bool| SeriesQuery { filter, period, one_a_day };

    let all = time("series * * --by month (all 1M records)", || {
        store.series(&q(Filter::default(), Period::Month, false)).unwrap()
    });
    assert_eq!(sum(&all), 1_000_000);
    let big = time("series USA CHN --by week (the largest dyad)", || {
        store.series(&q(dyad("USA", "CHN"), Period::Week, false)).unwrap()
    });
    let both = time("series USA CHN --both-directions --by day", || {
        store.series(&q(Filter { both_directions: true, ..dyad("USA", "CHN") }, Period::Day, false)).unwrap()
    });
    assert!(sum(&both) > sum(&big));
    let small = time("series KAZ RUS --by week (a mid-size dyad)", || {
        store.series(&q(dyad("KAZ", "RUS"), Period::Week, false)).unwrap()
    });
    let code = time("series USAGOV CHN --by month (code prefix)", || {
        store.series(&q(dyad("USAGOV", "CHN"), Period::Month, false)).unwrap()
    });
    assert!(sum(&code) < sum(&big));
    let one = time("series USA CHN --one-a-day --by week", || {
        store.series(&q(dyad("USA", "CHN"), Period::Week, true)).unwrap()
    });
    assert!(sum(&one) <= sum(&big));
    let root = time("series USA * --root 19 --by month", || {
        store.series(&q(Filter { root: Some(19), ..dyad("USA", "*") }, Period::Month, false)).unwrap()
    });
    println!(
        "counts: all {} · USA→CHN {} · USA↔CHN {} · KAZ→RUS {} · USAGOV→CHN {} · USA→CHN one-a-day {} · USA→* root 19 {}",
        sum(&all),
        sum(&big),
        sum(&both),
        sum(&small),
        sum(&code),
        sum(&one),
        sum(&root)
    );
    let dyads = time("dyads --top 20", || store.dyads(&Filter::default(), 20, false).unwrap());
    assert_eq!(dyads.len(), 20);
    let actors = time("actors --top 20", || store.actors(&Filter::default(), 20, false).unwrap());
    assert_eq!(actors.len(), 20);
    let shifts = time("shifts KAZ RUS (PELT on tone and weekly volume)", || {
        store.shifts(&dyad("KAZ", "RUS"), &Default::default()).unwrap()
    });
    println!("shifts found in KAZ→RUS (random data, expect none or few): {}", shifts.len());
}
