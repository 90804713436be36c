//! Errors as JSON a person can act on, and extractors whose rejections are such errors.
//!
//! Every error response is `{"error": {"status": 400, "code": "bad_request", "message": "…"}}`:
//! `code` is stable for programs, `message` says what was wrong and what to do instead.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// An error answered to the client.
#[derive(Debug)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable, machine-readable code ("bad_request", "not_found" …).
    pub code: &'static str,
    /// What went wrong and what to do about it.
    pub message: String,
}

#[derive(Serialize)]
struct Body<'a> {
    error: Inner<'a>,
}

#[derive(Serialize)]
struct Inner<'a> {
    status: u16,
    code: &'a str,
    message: &'a str,
}

impl ApiError {
    /// 400: the request is malformed or names something impossible.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::BAD_REQUEST, code: "bad_request", message: message.into() }
    }

    /// 404.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::NOT_FOUND, code: "not_found", message: message.into() }
    }

    /// 401: a write endpoint without a valid key.
    pub fn unauthorized(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::UNAUTHORIZED, code: "unauthorized", message: message.into() }
    }

    /// 403: writes are switched off on this server.
    pub fn writes_disabled() -> ApiError {
        ApiError {
            status: StatusCode::FORBIDDEN,
            code: "writes_disabled",
            message: "this server is read-only: write endpoints are disabled because no API key is configured; \
                      start `dyad serve` with --api-key KEY (or set DYAD_API_KEY) to enable them"
                .into(),
        }
    }

    /// 413.
    pub fn too_large(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::PAYLOAD_TOO_LARGE, code: "payload_too_large", message: message.into() }
    }

    /// 422: well-formed, but nothing could be read from it (an HTML page with no text).
    pub fn unprocessable(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::UNPROCESSABLE_ENTITY, code: "unprocessable", message: message.into() }
    }

    /// 503: the request ran out of time.
    pub fn timeout(secs: f64) -> ApiError {
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            code: "timeout",
            message: format!(
                "the request took longer than the server's limit of {secs} s: narrow it (a date range, an actor, \
                 fewer documents per request) or retry when the server is less busy"
            ),
        }
    }

    /// 500: a failure on our side; the details go to the log, the client gets a summary.
    pub fn internal(message: impl std::fmt::Display) -> ApiError {
        tracing::error!(error = %message, "internal error");
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            message: format!("the server failed: {message}"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Body { error: Inner { status: self.status.as_u16(), code: self.code, message: &self.message } };
        (self.status, axum::Json(body)).into_response()
    }
}

impl From<dyad_store::StoreError> for ApiError {
    fn from(e: dyad_store::StoreError) -> ApiError {
        match e {
            dyad_store::StoreError::Invalid(m) => ApiError::bad_request(m),
            e => ApiError::internal(format!("store: {e}")),
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> ApiError {
        match &r {
            JsonRejection::MissingJsonContentType(_) => ApiError {
                status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
                code: "unsupported_media_type",
                message: "send the body as JSON with the header `Content-Type: application/json`".into(),
            },
            JsonRejection::BytesRejection(_) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                ApiError::too_large("the request body is larger than the server accepts (--max-body-bytes)")
            }
            // Unknown fields, wrong types and syntax errors are all the client's to fix: 400.
            _ => ApiError::bad_request(format!("bad JSON body: {}", strip_prefix(&r.body_text()))),
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> ApiError {
        ApiError::bad_request(format!("bad query string: {}", strip_prefix(&r.body_text())))
    }
}

impl From<PathRejection> for ApiError {
    fn from(r: PathRejection) -> ApiError {
        ApiError::bad_request(format!("bad path: {}", strip_prefix(&r.body_text())))
    }
}

/// axum's rejection texts start with a generic sentence ("Failed to deserialize the JSON body
/// into the target type: "); the part after it names the field.
fn strip_prefix(text: &str) -> String {
    match text.split_once(": ") {
        Some((head, rest)) if head.starts_with("Failed to") => rest.to_string(),
        _ => text.to_string(),
    }
}

/// `axum::Json` whose rejections are [`ApiError`]s.
pub struct Json<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Json<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let axum::Json(v) = axum::Json::<T>::from_request(req, state).await?;
        Ok(Json(v))
    }
}

/// `axum::extract::Query` whose rejections are [`ApiError`]s.
pub struct Query<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let axum::extract::Query(v) = axum::extract::Query::<T>::from_request_parts(parts, state).await?;
        Ok(Query(v))
    }
}

/// `axum::extract::Path` whose rejections are [`ApiError`]s.
pub struct Path<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for Path<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let axum::extract::Path(v) = axum::extract::Path::<T>::from_request_parts(parts, state).await?;
        Ok(Path(v))
    }
}

/// A `Result` whose error is an [`ApiError`].
pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejection_prefixes_are_dropped() {
        assert_eq!(
            strip_prefix("Failed to deserialize query string: unknown field `x`, expected `a`"),
            "unknown field `x`, expected `a`"
        );
        assert_eq!(strip_prefix("something else: detail"), "something else: detail");
    }
}
