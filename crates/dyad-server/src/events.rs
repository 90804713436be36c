//! `GET /v1/events` (filtered, paged), `GET /v1/events/{id}` (one record with its evidence) and
//! `GET /v1/places` (where the filtered events happened).

use crate::error::{ApiError, ApiResult, Path, Query};
use crate::names::ActorNames;
use crate::params;
use crate::state::AppState;
use crate::views::{EventDetail, EventItem, EventPage};
use axum::extract::State;
use dyad_store::{Cursor, EventQuery, Filter};
use serde::{Deserialize, Serialize};

/// Filters shared by the event list and the map.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct EventParams {
    /// Source actor code (KAZ, KAZGOV) or name.
    pub source: Option<String>,
    /// Target actor code or name.
    pub target: Option<String>,
    /// An actor on either side.
    pub actor: Option<String>,
    /// With `source` and `target`: the reverse dyad too.
    pub both_directions: Option<bool>,
    /// CAMEO root, 01–20.
    pub root: Option<String>,
    /// CAMEO code or prefix.
    pub cameo: Option<String>,
    /// PLOVER type.
    pub plover: Option<String>,
    /// First event day, YYYY-MM-DD.
    pub from: Option<String>,
    /// Last event day.
    pub to: Option<String>,
    /// Words in the sentence.
    pub q: Option<String>,
    /// Page after this cursor (from `next_cursor`).
    pub cursor: Option<String>,
    /// Records per page (1–500, default 50) or places (1–2000, default 500).
    pub limit: Option<u32>,
}

impl EventParams {
    fn query(&self, names: &ActorNames) -> ApiResult<EventQuery> {
        let (from, to) = params::dates(self.from.as_deref(), self.to.as_deref())?;
        let after = match self.cursor.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            None => None,
            Some(c) => Some(Cursor::parse(c).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "bad cursor '{c}': pass the `next_cursor` of the previous page unchanged"
                ))
            })?),
        };
        Ok(EventQuery {
            filter: Filter {
                from,
                to,
                source: params::actor("source", self.source.as_deref(), names)?,
                target: params::actor("target", self.target.as_deref(), names)?,
                root: params::root(self.root.as_deref())?,
                both_directions: self.both_directions.unwrap_or(false),
            },
            actor: params::actor("actor", self.actor.as_deref(), names)?,
            cameo: params::cameo(self.cameo.as_deref())?,
            plover: params::plover(self.plover.as_deref())?,
            text: self.q.clone().filter(|q| !q.trim().is_empty()),
            after,
        })
    }
}

/// `GET /v1/events`.
pub async fn list(State(state): State<AppState>, Query(p): Query<EventParams>) -> ApiResult<axum::Json<EventPage>> {
    let limit = params::count("limit", p.limit, 50, 500)?;
    let q = p.query(&state.inner.names)?;
    state
        .read(move |store, inner| {
            // One more than asked tells whether another page follows.
            let mut rows = store.list_mentions(&q, limit + 1)?;
            let more = rows.len() > limit;
            rows.truncate(limit);
            let next_cursor = if more { rows.last().map(|m| Cursor::after(m).to_string()) } else { None };
            let events = rows.into_iter().map(|m| EventItem::new(m, &inner.names)).collect();
            Ok(axum::Json(EventPage { events, next_cursor }))
        })
        .await
}

/// `GET /v1/events/{id}`.
pub async fn detail(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult<axum::Json<EventDetail>> {
    let id: i64 = id.trim().parse().ok().filter(|n| *n > 0).ok_or_else(|| {
        ApiError::bad_request(format!("bad event id '{id}': use the numeric `id` of a record from GET /v1/events"))
    })?;
    state
        .read(move |store, inner| {
            let m = store.mentions_by_id(&[id])?.pop().ok_or_else(|| {
                ApiError::not_found(format!("no event {id} in this store: list events with GET /v1/events"))
            })?;
            let mentions = store.mentions_of(m.event)?.len();
            Ok(axum::Json(EventDetail::new(m, mentions, &inner.names, inner.coder.codebook())))
        })
        .await
}

/// A place on the map.
#[derive(Serialize)]
pub struct Place {
    /// Place name.
    pub name: String,
    /// ISO alpha-3 country.
    pub country: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Events there.
    pub count: u64,
    /// Cooperation events.
    pub cooperation: u64,
    /// Conflict events.
    pub conflict: u64,
    /// Mean Goldstein score.
    pub goldstein_mean: f64,
}

/// `GET /v1/places` answer.
#[derive(Serialize)]
pub struct Places {
    /// Places, most events first.
    pub places: Vec<Place>,
}

/// `GET /v1/places`.
pub async fn places(State(state): State<AppState>, Query(p): Query<EventParams>) -> ApiResult<axum::Json<Places>> {
    if p.cursor.is_some() {
        return Err(ApiError::bad_request("`cursor` does not apply to places: use `limit` for more of them"));
    }
    let limit = params::count("limit", p.limit, 500, 2000)?;
    let q = p.query(&state.inner.names)?;
    state
        .read(move |store, _| {
            let places = store
                .places(&q, limit)?
                .into_iter()
                .map(|r| Place {
                    name: r.name,
                    country: r.country,
                    lat: r.lat,
                    lon: r.lon,
                    count: r.count,
                    cooperation: r.cooperation,
                    conflict: r.conflict,
                    goldstein_mean: r.goldstein_mean,
                })
                .collect();
            Ok(axum::Json(Places { places }))
        })
        .await
}
