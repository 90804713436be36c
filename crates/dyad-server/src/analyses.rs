//! The store's analyses over HTTP: `GET /v1/series`, `/v1/dyads`, `/v1/actors`, `/v1/shifts`,
//! and the codebook the dashboard's filters offer (`/v1/codebook`).

use crate::error::{ApiError, ApiResult, Query};
use crate::params;
use crate::state::AppState;
use crate::views::{EventItem, QUAD_NAMES, SeriesPoint};
use axum::extract::State;
use chrono::NaiveDate;
use dyad_model::PloverType;
use dyad_store::shifts::{Penalty, ShiftKind, ShiftOptions};
use dyad_store::{Filter, Period, SeriesQuery};
use serde::{Deserialize, Serialize};

fn period_name(p: Period) -> &'static str {
    match p {
        Period::Day => "day",
        Period::Week => "week",
        Period::Month => "month",
    }
}

/// `GET /v1/series` parameters.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct SeriesParams {
    /// Source actor (code or name); `*` or absent for anyone.
    pub source: Option<String>,
    /// Target actor.
    pub target: Option<String>,
    /// `day`, `week` (default) or `month`.
    pub period: Option<String>,
    /// First day, YYYY-MM-DD.
    pub from: Option<String>,
    /// Last day.
    pub to: Option<String>,
    /// CAMEO root.
    pub root: Option<String>,
    /// Add the reverse dyad.
    pub both_directions: Option<bool>,
    /// Count one event per day, dyad and code instead of every report.
    pub one_a_day: Option<bool>,
}

/// `GET /v1/series` answer.
#[derive(Serialize)]
pub struct Series {
    /// Source code as read ("*" for anyone).
    pub source: String,
    /// Target code as read.
    pub target: String,
    /// Period length.
    pub period: &'static str,
    /// Whether the reverse dyad is included.
    pub both_directions: bool,
    /// One row per period, empty periods included.
    pub points: Vec<SeriesPoint>,
}

/// `GET /v1/series`.
pub async fn series(State(state): State<AppState>, Query(p): Query<SeriesParams>) -> ApiResult<axum::Json<Series>> {
    let names = &state.inner.names;
    let (from, to) = params::dates(p.from.as_deref(), p.to.as_deref())?;
    let period = params::period(p.period.as_deref())?;
    let both = p.both_directions.unwrap_or(false);
    let filter = Filter {
        from,
        to,
        source: params::actor("source", p.source.as_deref(), names)?,
        target: params::actor("target", p.target.as_deref(), names)?,
        root: params::root(p.root.as_deref())?,
        both_directions: both,
    };
    if let (Some(f), Some(t)) = (from, to)
        && period == Period::Day
        && (t - f).num_days() > 366 * 20
    {
        return Err(ApiError::bad_request("more than 20 years of days: use period=week or period=month"));
    }
    let q = SeriesQuery { filter, period, one_a_day: p.one_a_day.unwrap_or(false) };
    state
        .read(move |store, _| {
            let points = store
                .series(&q)?
                .into_iter()
                .map(|r| SeriesPoint {
                    start: r.start,
                    count: r.count,
                    goldstein_sum: r.goldstein_sum,
                    goldstein_mean: r.goldstein_mean,
                    verbal_cooperation: r.quad[0],
                    material_cooperation: r.quad[1],
                    verbal_conflict: r.quad[2],
                    material_conflict: r.quad[3],
                })
                .collect();
            Ok(axum::Json(Series {
                source: q.filter.source.label().to_string(),
                target: q.filter.target.label().to_string(),
                period: period_name(period),
                both_directions: both,
                points,
            }))
        })
        .await
}

/// `GET /v1/dyads` and `GET /v1/actors` parameters.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct TopParams {
    /// How many rows (1–500, default 20).
    pub top: Option<u32>,
    /// Full actor codes (KAZGOV) instead of countries (KAZ).
    pub codes: Option<bool>,
    /// First day.
    pub from: Option<String>,
    /// Last day.
    pub to: Option<String>,
    /// CAMEO root.
    pub root: Option<String>,
    /// Actors only: the code starts with, or the name contains, these letters (search as you type).
    pub q: Option<String>,
}

impl TopParams {
    fn filter(&self) -> ApiResult<Filter> {
        let (from, to) = params::dates(self.from.as_deref(), self.to.as_deref())?;
        Ok(Filter { from, to, root: params::root(self.root.as_deref())?, ..Filter::default() })
    }
}

/// A directed dyad.
#[derive(Serialize)]
pub struct DyadView {
    /// Source code.
    pub source: String,
    /// Target code.
    pub target: String,
    /// Source name.
    pub source_name: Option<String>,
    /// Target name.
    pub target_name: Option<String>,
    /// Events.
    pub count: u64,
    /// Cooperation events (quad 1–2).
    pub cooperation: u64,
    /// Conflict events (quad 3–4).
    pub conflict: u64,
    /// Mean Goldstein score.
    pub goldstein_mean: f64,
    /// (cooperation − conflict) / events.
    pub balance: f64,
}

/// `GET /v1/dyads` answer.
#[derive(Serialize)]
pub struct Dyads {
    /// Most active first.
    pub dyads: Vec<DyadView>,
}

/// `GET /v1/dyads`.
pub async fn dyads(State(state): State<AppState>, Query(p): Query<TopParams>) -> ApiResult<axum::Json<Dyads>> {
    if p.q.is_some() {
        return Err(ApiError::bad_request("`q` applies to /v1/actors; filter dyads by dates and root"));
    }
    let top = params::count("top", p.top, 20, 500)?;
    let filter = p.filter()?;
    let by_code = p.codes.unwrap_or(false);
    state
        .read(move |store, inner| {
            let dyads = store
                .dyads(&filter, top, by_code)?
                .into_iter()
                .map(|d| DyadView {
                    source_name: inner.names.name(&d.source),
                    target_name: inner.names.name(&d.target),
                    balance: d.balance(),
                    source: d.source,
                    target: d.target,
                    count: d.count,
                    cooperation: d.cooperation,
                    conflict: d.conflict,
                    goldstein_mean: d.goldstein_mean,
                })
                .collect();
            Ok(axum::Json(Dyads { dyads }))
        })
        .await
}

/// An actor's activity.
#[derive(Serialize)]
pub struct ActorView {
    /// Code (country, or full code with `codes=true`).
    pub code: String,
    /// Readable name.
    pub name: Option<String>,
    /// Events as source.
    pub as_source: u64,
    /// Events as target.
    pub as_target: u64,
    /// Cooperation events either way.
    pub cooperation: u64,
    /// Conflict events either way.
    pub conflict: u64,
    /// Mean Goldstein score either way.
    pub goldstein_mean: f64,
    /// (cooperation − conflict) / events.
    pub balance: f64,
}

/// `GET /v1/actors` answer.
#[derive(Serialize)]
pub struct Actors {
    /// Most active first.
    pub actors: Vec<ActorView>,
}

/// `GET /v1/actors`.
pub async fn actors(State(state): State<AppState>, Query(p): Query<TopParams>) -> ApiResult<axum::Json<Actors>> {
    let top = params::count("top", p.top, 20, 500)?;
    let filter = p.filter()?;
    let by_code = p.codes.unwrap_or(false);
    let query = p.q.as_deref().map(|q| q.trim().to_lowercase()).filter(|q| !q.is_empty());
    state
        .read(move |store, inner| {
            let view = |a: &dyad_store::ActorRow| {
                let name = inner.names.name(&a.actor);
                ActorView {
                    code: a.actor.clone(),
                    balance: a.balance(),
                    as_source: a.as_source,
                    as_target: a.as_target,
                    cooperation: a.cooperation,
                    conflict: a.conflict,
                    goldstein_mean: a.goldstein_mean,
                    name,
                }
            };
            let actors = match &query {
                None if filter == Filter::default() => {
                    inner.all_actors(store, by_code)?.iter().take(top).map(view).collect()
                }
                None => store.actors(&filter, top, by_code)?.iter().map(view).collect(),
                Some(q) => {
                    let all = if filter == Filter::default() {
                        inner.all_actors(store, by_code)?
                    } else {
                        std::sync::Arc::new(store.actors(&filter, usize::MAX >> 1, by_code)?)
                    };
                    all.iter()
                        .map(view)
                        .filter(|a| inner.names.matches(&a.code, a.name.as_deref(), q))
                        .take(top)
                        .collect()
                }
            };
            Ok(axum::Json(Actors { actors }))
        })
        .await
}

/// `GET /v1/shifts` parameters.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct ShiftParams {
    /// Source actor.
    pub source: Option<String>,
    /// Target actor.
    pub target: Option<String>,
    /// Period of the volume series: day, week (default) or month.
    pub period: Option<String>,
    /// First day.
    pub from: Option<String>,
    /// Last day.
    pub to: Option<String>,
    /// CAMEO root.
    pub root: Option<String>,
    /// Both directions together.
    pub both_directions: Option<bool>,
    /// `mbic` (default), `bic` or a number.
    pub penalty: Option<String>,
    /// Fewest records in a tone segment (2–10000, default 10).
    pub min_records: Option<u32>,
    /// Records shown as drivers of each shift (1–20, default 3).
    pub drivers: Option<u32>,
}

/// First and last day of a regime.
#[derive(Serialize)]
pub struct DateSpan {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

/// A detected change.
#[derive(Serialize)]
pub struct ShiftView {
    /// `tone` or `volume`.
    pub kind: &'static str,
    /// First day of the new regime.
    pub date: NaiveDate,
    /// "toward cooperation", "toward conflict", "more events" or "fewer events".
    pub direction: &'static str,
    /// Level before: mean Goldstein (tone) or events per period (volume).
    pub before: f64,
    /// Level after.
    pub after: f64,
    /// Size: standard deviations (tone) or after/before ratio (volume; `null` when the rate before was 0).
    pub size: Option<f64>,
    /// The regime before.
    pub before_span: DateSpan,
    /// The new regime.
    pub after_span: DateSpan,
    /// The records that drove the change.
    pub drivers: Vec<EventItem>,
}

/// `GET /v1/shifts` answer.
#[derive(Serialize)]
pub struct Shifts {
    /// Source code as read.
    pub source: String,
    /// Target code as read.
    pub target: String,
    /// Tone shifts first, then volume shifts, each in date order.
    pub shifts: Vec<ShiftView>,
}

/// `GET /v1/shifts`.
pub async fn shifts(State(state): State<AppState>, Query(p): Query<ShiftParams>) -> ApiResult<axum::Json<Shifts>> {
    let names = &state.inner.names;
    let (from, to) = params::dates(p.from.as_deref(), p.to.as_deref())?;
    let filter = Filter {
        from,
        to,
        source: params::actor("source", p.source.as_deref(), names)?,
        target: params::actor("target", p.target.as_deref(), names)?,
        root: params::root(p.root.as_deref())?,
        both_directions: p.both_directions.unwrap_or(false),
    };
    let penalty = match p.penalty.as_deref() {
        None => Penalty::Mbic,
        Some(s) => Penalty::parse(s.trim()).ok_or_else(|| {
            ApiError::bad_request(format!("bad penalty '{s}': use mbic, bic or a number of at least 0"))
        })?,
    };
    let min_records = match p.min_records {
        None => 10,
        Some(n) if (2..=10_000).contains(&n) => n as usize,
        Some(n) => return Err(ApiError::bad_request(format!("`min_records` is {n}: use 2 to 10000"))),
    };
    let opts = ShiftOptions {
        period: params::period(p.period.as_deref())?,
        penalty,
        min_records,
        drivers: params::count("drivers", p.drivers, 3, 20)?,
        ..ShiftOptions::default()
    };
    state
        .read(move |store, inner| {
            let found = store.shifts(&filter, &opts)?;
            let mut shifts = Vec::with_capacity(found.len());
            for s in found {
                let drivers =
                    store.mentions_by_id(&s.drivers)?.into_iter().map(|m| EventItem::new(m, &inner.names)).collect();
                shifts.push(ShiftView {
                    kind: match s.kind {
                        ShiftKind::Tone => "tone",
                        ShiftKind::Volume => "volume",
                    },
                    date: s.date,
                    direction: s.direction(),
                    before: s.before,
                    after: s.after,
                    size: s.size.is_finite().then_some(s.size),
                    before_span: DateSpan { from: s.before_span.0, to: s.before_span.1 },
                    after_span: DateSpan { from: s.after_span.0, to: s.after_span.1 },
                    drivers,
                });
            }
            Ok(axum::Json(Shifts {
                source: filter.source.label().to_string(),
                target: filter.target.label().to_string(),
                shifts,
            }))
        })
        .await
}

/// A code and its name.
#[derive(Serialize)]
pub struct Named {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
}

/// `GET /v1/codebook` answer.
#[derive(Serialize)]
pub struct CodebookView {
    /// The 20 CAMEO roots.
    pub cameo_roots: Vec<Named>,
    /// Every CAMEO code.
    pub cameo: Vec<Named>,
    /// The 16 PLOVER types with their quad class.
    pub plover: Vec<PloverEntry>,
    /// GDELT's quad classes.
    pub quad_classes: Vec<Named>,
}

/// A PLOVER type.
#[derive(Serialize)]
pub struct PloverEntry {
    /// Upper-case name.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Quad class, 1–4.
    pub quad_class: u8,
}

/// `GET /v1/codebook`.
pub async fn codebook(State(state): State<AppState>) -> axum::Json<CodebookView> {
    let book = state.inner.coder.codebook();
    let named = |c: &dyad_model::CodeInfo| Named { code: c.code.to_string(), name: c.name.clone() };
    axum::Json(CodebookView {
        cameo_roots: book.iter().filter(|c| c.code.as_str().len() == 2).map(named).collect(),
        cameo: book.iter().map(named).collect(),
        plover: PloverType::ALL.iter().map(|t| PloverEntry { kind: t.as_str(), quad_class: t.quad() }).collect(),
        quad_classes: QUAD_NAMES
            .iter()
            .enumerate()
            .map(|(i, n)| Named { code: (i + 1).to_string(), name: n.to_string() })
            .collect(),
    })
}
