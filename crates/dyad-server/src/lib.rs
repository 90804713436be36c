//! Dyad's HTTP server: a JSON API over the coder and the event store, and the dashboard, in one
//! binary (`dyad serve`).
//!
//! * [`Config`] holds the address, the store file, the API key and the limits;
//! * [`AppState`] shares the coder, the store's connections and actor names between requests;
//! * [`router`] builds the whole application (API, `/healthz`, `/openapi.json`, the dashboard at
//!   `/`), and [`routes`] lists the API's routes as [`openapi.json`](OPENAPI) documents them;
//! * [`serve`] runs a router on a listener until a shutdown signal, finishing open requests;
//!   [`run`] does it all for the command line, stopping on SIGTERM or Ctrl-C.
//!
//! Coding and SQLite run on Tokio's blocking threads, never on the async workers: coding takes a
//! permit from a semaphore sized to the cores, reads use a pool of connections, writes go through
//! one writer connection. Every request is bounded in body size, waiting plus running time, and
//! the number handled at once; every error is JSON that says what to do.
//!
//! ```no_run
//! use dyad_server::{AppState, Config, router, serve};
//! # async fn example() -> std::io::Result<()> {
//! let config = Config { db: "dyad.sqlite".into(), ..Config::default() };
//! let state = AppState::new(&config, dyad_coder::Coder::embedded(), "dict-test".into()).unwrap();
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! serve(listener, router(state, &config), std::future::pending()).await
//! # }
//! ```
#![deny(missing_docs)]

mod analyses;
mod assets;
mod code;
mod error;
mod events;
mod limits;
mod names;
mod params;
mod state;
mod views;

pub use error::ApiError;
pub use names::ActorNames;
pub use state::AppState;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{MethodRouter, get, post};
use limits::Limits;
use serde::Serialize;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

/// The OpenAPI 3.1 description of the API, served at `/openapi.json`.
pub const OPENAPI: &str = include_str!("openapi.json");

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// Address to listen on.
    pub addr: SocketAddr,
    /// The store file (created when missing).
    pub db: PathBuf,
    /// API key for write endpoints; `None` (or empty) disables them.
    pub api_key: Option<String>,
    /// Largest request body, in bytes.
    pub max_body_bytes: usize,
    /// Time limit per request, waiting for a slot included.
    pub timeout: Duration,
    /// API requests handled at once; more wait for a slot.
    pub concurrency: usize,
    /// Documents coded at once (default: one per core).
    pub coding_threads: Option<usize>,
    /// Most documents in one `POST /v1/documents`.
    pub max_documents: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: PathBuf::from("dyad.sqlite"),
            api_key: None,
            max_body_bytes: 8 << 20,
            timeout: Duration::from_secs(30),
            concurrency: 64,
            coding_threads: None,
            max_documents: 1000,
        }
    }
}

/// One documented route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// Path as OpenAPI writes it (`/v1/events/{id}`).
    pub path: &'static str,
}

/// The API's routes with their handlers: the router is built from this table, and the tests
/// check it against `openapi.json`, so the two cannot drift apart.
fn api_table() -> Vec<(Route, MethodRouter<AppState>)> {
    let r = |method, path| Route { method, path };
    vec![
        (r("POST", "/v1/code"), post(code::code)),
        (r("POST", "/v1/documents"), post(code::ingest)),
        (r("GET", "/v1/events"), get(events::list)),
        (r("GET", "/v1/events/{id}"), get(events::detail)),
        (r("GET", "/v1/places"), get(events::places)),
        (r("GET", "/v1/series"), get(analyses::series)),
        (r("GET", "/v1/dyads"), get(analyses::dyads)),
        (r("GET", "/v1/actors"), get(analyses::actors)),
        (r("GET", "/v1/shifts"), get(analyses::shifts)),
        (r("GET", "/v1/codebook"), get(analyses::codebook)),
    ]
}

/// Routes outside the limits: health checks must answer when the API is saturated.
fn meta_table() -> Vec<(Route, MethodRouter<AppState>)> {
    vec![
        (Route { method: "GET", path: "/healthz" }, get(health)),
        (Route { method: "GET", path: "/openapi.json" }, get(openapi)),
    ]
}

/// Every documented route.
pub fn routes() -> Vec<Route> {
    api_table().into_iter().chain(meta_table()).map(|(r, _)| r).collect()
}

/// The whole application: API, health, OpenAPI document and dashboard.
pub fn router(state: AppState, config: &Config) -> Router {
    let limits =
        Arc::new(Limits { permits: tokio::sync::Semaphore::new(config.concurrency.max(1)), timeout: config.timeout });
    let mut api = Router::new();
    for (route, handler) in api_table() {
        api = api.route(route.path, handler);
    }
    let api = api
        .layer(axum::middleware::from_fn_with_state(limits, limits::bounded))
        .layer(DefaultBodyLimit::max(config.max_body_bytes));
    let mut meta = Router::new();
    for (route, handler) in meta_table() {
        meta = meta.route(route.path, handler);
    }
    api.merge(meta)
        .fallback(assets::serve)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(CatchPanicLayer::custom(limits::panic_response))
        .layer(TraceLayer::new_for_http().make_span_with(limits::request_span).on_response(limits::log_response))
        .with_state(state)
}

async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> ApiError {
    ApiError {
        status: StatusCode::METHOD_NOT_ALLOWED,
        code: "method_not_allowed",
        message: format!(
            "{method} is not allowed on {}: see /openapi.json for the methods each path takes",
            uri.path()
        ),
    }
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    version: &'static str,
    writes: &'static str,
    dashboard: bool,
    store: StoreCounts,
}

#[derive(Serialize)]
struct StoreCounts {
    documents: u64,
    sentences: u64,
    events: u64,
    aggregate_events: u64,
}

async fn health(State(state): State<AppState>) -> Result<axum::Json<Health>, ApiError> {
    let counts = state
        .read(|store, _| store.counts().map_err(|e| ApiError::internal(format!("store: {e}"))))
        .await
        .map_err(|e| ApiError { status: StatusCode::SERVICE_UNAVAILABLE, code: "unhealthy", message: e.message })?;
    Ok(axum::Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
        writes: if state.writes_enabled() { "enabled" } else { "disabled" },
        dashboard: assets::available(),
        store: StoreCounts {
            documents: counts.documents,
            sentences: counts.sentences,
            events: counts.mentions,
            aggregate_events: counts.events,
        },
    }))
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

/// Serves `app` on `listener` until `shutdown` completes, then stops accepting connections and
/// waits for the requests in flight (each bounded by the request time limit).
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await
}

/// Completes on SIGTERM or Ctrl-C (SIGINT).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => tracing::info!("interrupted: finishing open requests"),
        _ = term => tracing::info!("SIGTERM: finishing open requests"),
    }
}

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// The store could not be opened.
    #[error("cannot open the store {path}: {source}")]
    Store {
        /// The file.
        path: PathBuf,
        /// Why.
        source: dyad_store::StoreError,
    },
    /// Binding or serving failed.
    #[error("cannot listen on {addr}: {source} (is another server using the port? try --addr 127.0.0.1:0)")]
    Listen {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The runtime could not start.
    #[error("cannot start the async runtime: {0}")]
    Runtime(std::io::Error),
}

/// Runs the server for the command line: opens the store, listens, serves until SIGTERM or
/// Ctrl-C. `on_listening` is called with the bound address (the port may have been 0).
pub fn run(
    config: Config,
    coder: dyad_coder::Coder,
    dict_version: String,
    on_listening: impl FnOnce(SocketAddr),
) -> Result<(), ServerError> {
    // The gazetteer is built on first use; build it now, not during the first request.
    let started = std::time::Instant::now();
    let _ = coder.gazetteer();
    tracing::debug!(ms = started.elapsed().as_millis() as u64, "gazetteer ready");
    let state = AppState::new(&config, coder, dict_version)
        .map_err(|source| ServerError::Store { path: config.db.clone(), source })?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(ServerError::Runtime)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|source| ServerError::Listen { addr: config.addr, source })?;
        let addr = listener.local_addr().map_err(|source| ServerError::Listen { addr: config.addr, source })?;
        tracing::info!(
            %addr,
            db = %config.db.display(),
            writes = if state.writes_enabled() { "enabled" } else { "disabled" },
            "listening"
        );
        on_listening(addr);
        serve(listener, router(state, &config), shutdown_signal())
            .await
            .map_err(|source| ServerError::Listen { addr, source })?;
        tracing::info!("stopped");
        Ok(())
    })
}

/// Sends structured logs to standard error: `DYAD_LOG` (or `RUST_LOG`) filters them (default
/// `info`); `json` writes one JSON object per line.
pub fn init_logging(json: bool) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("DYAD_LOG")
        .or_else(|_| EnvFilter::try_from_default_env())
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_ansi(ansi).with_writer(std::io::stderr);
    let _ = if json { builder.json().try_init() } else { builder.try_init() };
}
