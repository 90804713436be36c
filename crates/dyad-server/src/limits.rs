//! Middleware: bounded concurrency and a per-request time limit (both answered with JSON), the
//! API key check for write endpoints, structured request logs and panics turned into JSON 500s.

use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Response};
use axum::middleware::Next;
use axum::response::IntoResponse;
use std::any::Any;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;

/// Limits on API requests.
pub struct Limits {
    /// Requests handled at once; more wait (within the time limit).
    pub permits: Semaphore,
    /// Time limit per request, waiting included.
    pub timeout: Duration,
}

/// Waits for a permit, then runs the request, all within the time limit.
pub async fn bounded(State(limits): State<Arc<Limits>>, req: Request, next: Next) -> axum::response::Response {
    let run = async {
        let _permit = limits.permits.acquire().await;
        next.run(req).await
    };
    match tokio::time::timeout(limits.timeout, run).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(limit_s = limits.timeout.as_secs_f64(), "request timed out");
            ApiError::timeout(limits.timeout.as_secs_f64()).into_response()
        }
    }
}

/// The API key presented with a request (`Authorization: Bearer KEY` or `X-API-Key: KEY`),
/// checked against the server's before the body is read.
pub struct ApiKey;

fn presented_key(headers: &HeaderMap) -> Option<&str> {
    if let Some(v) = headers.get("x-api-key").and_then(|v| v.to_str().ok()) {
        return Some(v.trim());
    }
    let auth = headers.get(axum::http::header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, key) = auth.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| key.trim())
}

impl FromRequestParts<AppState> for ApiKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<ApiKey, ApiError> {
        state.check_key(presented_key(&parts.headers))?;
        Ok(ApiKey)
    }
}

static REQUEST_IDS: AtomicU64 = AtomicU64::new(1);

/// The span each request is logged in: a sequence number, method and path (the query string is
/// left out: it may carry search words).
pub fn request_span(req: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    tracing::info_span!(
        "request",
        id = REQUEST_IDS.fetch_add(1, Ordering::Relaxed),
        method = %req.method(),
        path = %req.uri().path(),
    )
}

/// Logs the status and latency of every response.
pub fn log_response<B>(res: &Response<B>, latency: Duration, _span: &tracing::Span) {
    let status = res.status().as_u16();
    let ms = latency.as_secs_f64() * 1000.0;
    if status >= 500 {
        tracing::error!(status, latency_ms = ms, "response");
    } else {
        tracing::info!(status, latency_ms = ms, "response");
    }
}

/// A panic in a handler becomes a JSON 500 (and an error in the log).
pub fn panic_response(err: Box<dyn Any + Send + 'static>) -> axum::response::Response {
    let what = err
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "unknown panic".into());
    ApiError::internal(format!("a handler panicked: {what}")).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_from_headers() {
        let mut h = HeaderMap::new();
        assert_eq!(presented_key(&h), None);
        h.insert("authorization", "Bearer  s3cret ".parse().unwrap());
        assert_eq!(presented_key(&h), Some("s3cret"));
        h.insert("authorization", "Basic abc".parse().unwrap());
        assert_eq!(presented_key(&h), None);
        h.insert("x-api-key", "k2".parse().unwrap());
        assert_eq!(presented_key(&h), Some("k2"));
    }
}
