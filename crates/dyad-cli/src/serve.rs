//! `dyad serve`: the HTTP API and the dashboard over a store (crate `dyad-server`).

use crate::args::ServeArgs;
use crate::{Outcome, load_coder};
use anyhow::Context;
use std::time::Duration;

pub fn run(a: ServeArgs) -> anyhow::Result<Outcome> {
    dyad_server::init_logging(a.log_json);
    let addr = a
        .addr
        .parse()
        .with_context(|| format!("bad --addr '{}': use HOST:PORT, e.g. 127.0.0.1:8080 or 0.0.0.0:8080", a.addr))?;
    let api_key = a.api_key.or_else(|| std::env::var("DYAD_API_KEY").ok()).filter(|k| !k.trim().is_empty());
    if a.timeout == 0 || a.concurrency == 0 || a.max_documents == 0 {
        anyhow::bail!("--timeout, --concurrency and --max-documents must be at least 1");
    }
    let coder = load_coder(a.dict.as_deref())?;
    let version = crate::ingest::dict_version(&coder);
    let config = dyad_server::Config {
        addr,
        db: a.db.db,
        api_key,
        max_body_bytes: a.max_body_bytes,
        timeout: Duration::from_secs(a.timeout),
        concurrency: a.concurrency,
        coding_threads: a.threads,
        max_documents: a.max_documents,
    };
    let writes = if config.api_key.is_some() { "enabled" } else { "disabled (no --api-key or DYAD_API_KEY)" };
    dyad_server::run(config, coder, version, |addr| {
        eprintln!("dyad: serving http://{addr}/ (dashboard at /, API under /v1, description at /openapi.json)");
        eprintln!("dyad: write endpoints {writes}; Ctrl-C or SIGTERM stops after open requests finish");
    })?;
    Ok(Outcome::Ok)
}
