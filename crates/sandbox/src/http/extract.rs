//! Request parts the handlers take, each refusing bad input with a problem that names it.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use livectl_contract::limits::{self, Limit};

/// The largest request body accepted.
pub const BODY_LIMIT: usize = Limit::BodyBytes.max();

/// The bearer token of the request (checked against the store by the handler's transaction).
pub struct Bearer(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Bearer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let value = parts.headers.get(header::AUTHORIZATION).ok_or_else(|| {
            ApiError::Unauthorized(
                "no Authorization header; send `Authorization: Bearer <token>`".into(),
            )
        })?;
        let token = value
            .to_str()
            .ok()
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                ApiError::Unauthorized(
                    "the Authorization header is not of the form `Bearer <token>`".into(),
                )
            })?;
        Ok(Bearer(token.to_owned()))
    }
}

/// The `Idempotency-Key` header, when sent.
pub struct IdempotencyKey(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let Some(value) = parts.headers.get("idempotency-key") else {
            return Ok(IdempotencyKey(None));
        };
        let key = value.to_str().unwrap_or("");
        limits::idempotency_key(key).map_err(ApiError::BadRequest)?;
        Ok(IdempotencyKey(Some(key.to_owned())))
    }
}

/// The `If-Match` header: the version the caller last saw, as `"7"`, or `*` for any.
pub struct IfMatch(pub Option<i64>);

/// What `If-Match` may be, as the document says: `*`, or a version (a whole number from 1, of
/// at most 18 digits) in double quotes.
pub const IF_MATCH_PATTERN: &str = r#"^(\*|"[1-9][0-9]{0,17}")$"#;

/// What `Last-Event-ID` may be: the seq of an event, 0 for the very start.
pub const LAST_EVENT_ID_PATTERN: &str = "^(0|[1-9][0-9]{0,17})$";

/// A whole number of at most 18 digits, with no sign and no leading zero (unless it is 0).
fn seq(text: &str) -> Option<i64> {
    let canonical = !text.is_empty()
        && text.len() <= 18
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    canonical.then(|| text.parse().ok()).flatten()
}

/// The version an `If-Match` value names (None for `*`), or why it is refused.
pub fn if_match(text: &str) -> Result<Option<i64>, String> {
    if text == "*" {
        return Ok(None);
    }
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .and_then(seq)
        .filter(|v| livectl_contract::limits::is_version(*v))
        .map(Some)
        .ok_or_else(|| {
            format!(
                "If-Match must be a version (a whole number from 1) in double quotes, such as \"3\", or *, not `{text}`"
            )
        })
}

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let Some(value) = parts.headers.get(header::IF_MATCH) else {
            return Ok(IfMatch(None));
        };
        let text = value.to_str().unwrap_or("").trim();
        if_match(text).map(IfMatch).map_err(ApiError::BadRequest)
    }
}

/// The `Last-Event-ID` header of the event stream: the seq to resume after.
pub struct LastEventId(pub Option<i64>);

impl<S: Send + Sync> FromRequestParts<S> for LastEventId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let Some(value) = parts.headers.get("last-event-id") else {
            return Ok(LastEventId(None));
        };
        let text = value.to_str().unwrap_or("").trim();
        seq(text).map(|s| LastEventId(Some(s))).ok_or_else(|| {
            ApiError::BadRequest(format!(
                "Last-Event-ID must be the seq of an event, a whole number, not `{text}`"
            ))
        })
    }
}

/// Query parameters, refused with a 400 that quotes the parser.
pub struct Q<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Q<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(q)) => Ok(Q(q)),
            Err(e) => Err(ApiError::BadRequest(format!(
                "the query string is not valid: {}",
                e.body_text()
                    .trim_start_matches("Failed to deserialize query string: ")
            ))),
        }
    }
}

/// A JSON body: an object, read into its type (which, written again, identifies the request:
/// `idempotency::Fingerprint`).
pub struct JsonBody<T> {
    pub body: T,
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::TooLarge { limit: BODY_LIMIT }
            } else {
                ApiError::BadRequest(format!(
                    "the request body could not be read: {}",
                    e.body_text()
                ))
            }
        })?;
        let value: serde_json::Value = if bytes.iter().all(u8::is_ascii_whitespace) {
            serde_json::Value::Object(Default::default())
        } else {
            serde_json::from_slice(&bytes).map_err(|e| {
                ApiError::BadRequest(format!("the request body is not valid JSON: {e}"))
            })?
        };
        if !value.is_object() {
            let found = match value {
                serde_json::Value::Array(_) => "an array",
                serde_json::Value::String(_) => "a string",
                serde_json::Value::Number(_) => "a number",
                serde_json::Value::Bool(_) => "a boolean",
                _ => "null",
            };
            return Err(ApiError::BadRequest(format!(
                "the request body must be a JSON object, not {found}"
            )));
        }
        let body = serde_path_to_error::deserialize(&value).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner().to_string();
            let text = if path == "." {
                inner.clone()
            } else {
                format!("{path}: {inner}")
            };
            // A body that parses but lacks a required field is 422, also inside a batch's
            // action body (where the action's own message comes first); anything else that
            // does not fit, an unknown field included, is 400.
            if inner.starts_with("missing field") || inner.contains(": missing field `") {
                ApiError::Validation(format!("the request body is incomplete: {text}"))
            } else {
                ApiError::BadRequest(format!("the request body does not fit: {text}"))
            }
        })?;
        Ok(JsonBody { body })
    }
}

/// The query of a path that takes none: one given (`/v1/me?x=1`) is refused (400) by
/// `check`, as every list refuses a parameter it does not know; it was ignored, and
/// `/v1/queues?limit=5` did nothing unsaid (hostile-input check). A path with an id checks it
/// after the lookup: an unknown id stays 404 (a platform without `/v1/interventions/refs`
/// answers that path as an unknown intervention, which a client falls back on).
pub struct NoQuery(Option<ApiError>);

impl NoQuery {
    pub fn check(self) -> Result<(), ApiError> {
        self.0.map_or(Ok(()), Err)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for NoQuery {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        Ok(NoQuery(parts.uri.query().filter(|q| !q.is_empty()).map(
            |q| {
                ApiError::BadRequest(format!(
                    "{} takes no query parameters; leave out `?{}`",
                    parts.uri.path(),
                    q.chars().take(100).collect::<String>()
                ))
            },
        )))
    }
}

/// The `{id}` of a path. An id that is not even text is an unknown id: 404, as problem+json.
pub struct Id(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match axum::extract::Path::<String>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(id)) => Ok(Id(id)),
            Err(e) => Err(ApiError::NotFound(format!(
                "no such resource: {} ({})",
                parts.uri.path(),
                e.body_text()
            ))),
        }
    }
}

/// What an action request carries: the token, its Idempotency-Key and If-Match, the
/// intervention's id and the body (also as a value, to fingerprint the request). A body that
/// parses but is incomplete (422) is kept as its refusal, which the contract's order puts
/// after the intervention's own checks (404, 403, 412, 409): a missing field was answered
/// before an unknown id (hostile-input check).
pub struct ActionRequest<T> {
    pub token: String,
    pub key: Option<String>,
    pub if_match: Option<i64>,
    pub id: String,
    pub body: Result<T, ApiError>,
}

impl<T> ActionRequest<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> ActionRequest<U> {
        ActionRequest {
            token: self.token,
            key: self.key,
            if_match: self.if_match,
            id: self.id,
            body: self.body.map(f),
        }
    }
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ActionRequest<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let (mut parts, body) = req.into_parts();
        let Bearer(token) = Bearer::from_request_parts(&mut parts, state).await?;
        let IdempotencyKey(key) = IdempotencyKey::from_request_parts(&mut parts, state).await?;
        let IfMatch(if_match) = IfMatch::from_request_parts(&mut parts, state).await?;
        let Id(id) = Id::from_request_parts(&mut parts, state).await?;
        let body = match JsonBody::<T>::from_request(Request::from_parts(parts, body), state).await
        {
            Ok(JsonBody { body }) => Ok(body),
            Err(incomplete @ ApiError::Validation(_)) => Err(incomplete),
            Err(e) => return Err(e),
        };
        Ok(ActionRequest {
            token,
            key,
            if_match,
            id,
            body,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_match_is_a_quoted_version_or_a_star() {
        assert_eq!(if_match("*"), Ok(None));
        assert_eq!(if_match("\"7\""), Ok(Some(7)));
        assert_eq!(
            if_match("\"999999999999999999\""),
            Ok(Some(999_999_999_999_999_999))
        );
        for bad in [
            "7",
            "\"0\"",
            "\"07\"",
            "\"-1\"",
            "\"+1\"",
            "W/\"7\"",
            "\"1000000000000000000\"",
            "",
            "\"\"",
        ] {
            assert!(if_match(bad).is_err(), "{bad} should be refused");
        }
        // Quoted, `"0"` is refused for what it is: versions start at 1.
        assert!(
            if_match("\"0\"")
                .unwrap_err()
                .contains("a whole number from 1")
        );
    }

    #[test]
    fn a_seq_is_plain_digits() {
        assert_eq!(seq("0"), Some(0));
        assert_eq!(seq("42"), Some(42));
        for bad in ["", "-1", "+1", "042", "1.0", "1234567890123456789"] {
            assert_eq!(seq(bad), None, "{bad}");
        }
    }
}
