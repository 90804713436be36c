//! What every handler shares: the coder, the store's connections, actor names, the API key and
//! the limits; and the helpers that run blocking work (coding, SQLite) off the async threads.

use crate::Config;
use crate::error::{ApiError, ApiResult};
use crate::names::ActorNames;
use dyad_coder::Coder;
use dyad_store::{ActorRow, Store};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// Shared state, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub coder: Coder,
    pub dict_version: String,
    pub names: ActorNames,
    pub pool: StorePool,
    /// BLAKE3 of the API key; `None` disables writes.
    pub api_key: Option<blake3::Hash>,
    /// Permits for CPU-bound coding: one per core, so a burst of requests queues instead of
    /// oversubscribing the machine.
    pub coding: Semaphore,
    pub max_documents: usize,
    /// Bumped by every write, so cached analyses know they are stale.
    pub generation: AtomicU64,
    pub actor_cache: Mutex<Vec<CachedActors>>,
}

pub(crate) struct CachedActors {
    pub by_code: bool,
    pub generation: u64,
    pub at: Instant,
    pub rows: Arc<Vec<ActorRow>>,
}

/// Cached actor lists are reread after this long even without writes through this server, since
/// `dyad ingest` may write to the same file.
const ACTOR_CACHE_TTL: Duration = Duration::from_secs(60);

impl AppState {
    /// Opens the store (creating it when missing) and builds the state.
    pub fn new(config: &Config, coder: Coder, dict_version: String) -> Result<AppState, dyad_store::StoreError> {
        let pool = StorePool::open(config.db.clone())?;
        let names = ActorNames::new(coder.dictionaries());
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        let api_key = config.api_key.as_deref().filter(|k| !k.is_empty()).map(|k| blake3::hash(k.as_bytes()));
        Ok(AppState {
            inner: Arc::new(Inner {
                coder,
                dict_version,
                names,
                pool,
                api_key,
                coding: Semaphore::new(config.coding_threads.unwrap_or(cores).max(1)),
                max_documents: config.max_documents,
                generation: AtomicU64::new(0),
                actor_cache: Mutex::new(Vec::new()),
            }),
        })
    }

    /// Whether write endpoints are enabled.
    pub fn writes_enabled(&self) -> bool {
        self.inner.api_key.is_some()
    }

    /// Checks a presented key against the configured one. BLAKE3 hashes compare in constant
    /// time, and hashing first makes the comparison independent of the key's length too.
    pub(crate) fn check_key(&self, presented: Option<&str>) -> ApiResult<()> {
        let Some(expected) = self.inner.api_key else { return Err(ApiError::writes_disabled()) };
        match presented {
            None => Err(ApiError::unauthorized(
                "this endpoint needs the API key: send `Authorization: Bearer KEY` or `X-API-Key: KEY`",
            )),
            Some(k) if blake3::hash(k.as_bytes()) == expected => Ok(()),
            Some(_) => {
                Err(ApiError::unauthorized("the API key is wrong: check --api-key / DYAD_API_KEY on the server"))
            }
        }
    }

    /// Runs `f` with a read connection on the blocking pool.
    pub(crate) async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store, &Inner) -> ApiResult<T> + Send + 'static,
    ) -> ApiResult<T> {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let store = inner.pool.take()?;
            let out = f(&store, &inner);
            inner.pool.give_back(store);
            out
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// Runs `f` with the write connection on the blocking pool (one writer at a time).
    pub(crate) async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store, &Inner) -> ApiResult<T> + Send + 'static,
    ) -> ApiResult<T> {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard =
                inner.pool.writer.lock().map_err(|_| ApiError::internal("the store writer was poisoned"))?;
            if guard.is_none() {
                *guard = Some(inner.pool.open_one()?);
            }
            let store = guard.as_mut().expect("opened above");
            let out = f(store, &inner);
            inner.generation.fetch_add(1, Ordering::Relaxed);
            out
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// Runs CPU-bound `f` on the blocking pool once a coding permit is free.
    pub(crate) async fn compute<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Inner) -> ApiResult<T> + Send + 'static,
    ) -> ApiResult<T> {
        let _permit = self.inner.coding.acquire().await.map_err(ApiError::internal)?;
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || f(&inner)).await.map_err(ApiError::internal)?
    }
}

impl Inner {
    /// The most active actors (every one with an event), cached between writes.
    pub(crate) fn all_actors(&self, store: &Store, by_code: bool) -> ApiResult<Arc<Vec<ActorRow>>> {
        let generation = self.generation.load(Ordering::Relaxed);
        let mut cache = self.actor_cache.lock().map_err(|_| ApiError::internal("actor cache poisoned"))?;
        cache.retain(|c| c.generation == generation && c.at.elapsed() < ACTOR_CACHE_TTL);
        if let Some(c) = cache.iter().find(|c| c.by_code == by_code) {
            return Ok(c.rows.clone());
        }
        drop(cache);
        let rows = Arc::new(store.actors(&dyad_store::Filter::default(), usize::MAX >> 1, by_code)?);
        let mut cache = self.actor_cache.lock().map_err(|_| ApiError::internal("actor cache poisoned"))?;
        cache.push(CachedActors { by_code, generation, at: Instant::now(), rows: rows.clone() });
        Ok(rows)
    }
}

/// Idle read connections to one store file, opened on demand; the number in use is bounded by
/// the server's concurrency limit. Writes go through the one writer connection.
pub(crate) struct StorePool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    pub writer: Mutex<Option<Store>>,
}

impl StorePool {
    fn open(path: PathBuf) -> Result<StorePool, dyad_store::StoreError> {
        // Open once now: creates the file and schema when missing, and fails early on a file
        // that is not a store.
        let first = Store::open(&path)?;
        Ok(StorePool { path, idle: Mutex::new(vec![first]), writer: Mutex::new(None) })
    }

    fn open_one(&self) -> ApiResult<Store> {
        Store::open(&self.path).map_err(|e| ApiError::internal(format!("cannot open {}: {e}", self.path.display())))
    }

    fn take(&self) -> ApiResult<Store> {
        let idle = self.idle.lock().map_err(|_| ApiError::internal("store pool poisoned"))?.pop();
        match idle {
            Some(s) => Ok(s),
            None => self.open_one(),
        }
    }

    fn give_back(&self, store: Store) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(store);
        }
    }
}
