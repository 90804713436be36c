//! The API against real servers on loopback ports: one shared server over the fixture store
//! (filled through `POST /v1/documents`), and small servers with their own settings for the
//! limits, the read-only mode and shutdown.

mod client;
mod endpoints;
mod limits;
mod openapi;
mod schema;

use dyad_server::{AppState, Config, router, serve};
use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::Duration;
use tokio::sync::oneshot;

pub use client::{Response, get, request};

/// The key of the shared server.
pub const KEY: &str = "test-key-0123456789";

/// The fixture corpus: half a year of wire stories over four dyads (see fixtures/make_news.py).
pub const NEWS: &str = include_str!("../fixtures/news.jsonl");

/// A running server; it stops (gracefully) when dropped.
pub struct Server {
    pub addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn coder() -> dyad_coder::Coder {
    static CODER: OnceLock<dyad_coder::Coder> = OnceLock::new();
    CODER.get_or_init(dyad_coder::Coder::embedded).clone()
}

/// Starts a server over a new, empty store with `tweak` applied to the default settings.
pub fn start(tweak: impl FnOnce(&mut Config)) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config { db: dir.path().join("store.sqlite"), ..Config::default() };
    tweak(&mut config);
    let state = AppState::new(&config, coder(), "dict-test".into()).unwrap();
    let std_listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    std_listener.set_nonblocking(true).unwrap();
    let addr = std_listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(std_listener).unwrap();
            serve(listener, router(state, &config), async {
                let _ = stopped.await;
            })
            .await
            .unwrap();
        });
    });
    Server { addr, stop: Some(stop), thread: Some(thread), _dir: dir }
}

/// The fixture documents as a `POST /v1/documents` body.
pub fn news_body() -> String {
    let docs: Vec<serde_json::Value> = NEWS.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    serde_json::json!({ "documents": docs }).to_string()
}

/// The shared server: key [`KEY`], store filled with the fixtures.
pub fn shared() -> SocketAddr {
    static SHARED: OnceLock<Server> = OnceLock::new();
    SHARED
        .get_or_init(|| {
            let server = start(|c| c.api_key = Some(KEY.into()));
            let r = request(
                server.addr,
                "POST",
                "/v1/documents",
                &[("authorization", &format!("Bearer {KEY}")), ("content-type", "application/json")],
                news_body().as_bytes(),
            );
            assert_eq!(r.status, 201, "{}", r.text());
            server
        })
        .addr
}

/// Waits until `f` holds, for at most `secs`.
pub fn eventually(secs: u64, mut f: impl FnMut() -> bool) -> bool {
    let end = std::time::Instant::now() + Duration::from_secs(secs);
    while std::time::Instant::now() < end {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}
