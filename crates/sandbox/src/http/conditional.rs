//! Conditional GETs: every JSON answer to a GET carries an `ETag` (an intervention's is its
//! version, set by its handler; any other is a weak tag of the content: its 64-bit XXH3, a hash
//! made for content at memory speed, where SHA-256 took a tenth of the server's time for a page
//! of interventions), and a request whose `If-None-Match` names it is answered 304 Not
//! Modified, with the ETag and no body.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

pub async fn layer(request: Request, next: Next) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t == "application/json");
    if response.status() != StatusCode::OK || !json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // A JSON answer is whole in memory already: this only takes it.
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(e) => return ApiError::Internal(format!("an answer: {e}")).into_response(),
    };
    let etag = match parts.headers.get(header::ETAG) {
        Some(tag) => tag.clone(),
        None => {
            let digest = xxhash_rust::xxh3::xxh3_64(&bytes);
            let tag = HeaderValue::from_str(&format!("W/\"{digest:016x}\""))
                .unwrap_or(HeaderValue::from_static("W/\"\""));
            parts.headers.insert(header::ETAG, tag.clone());
            tag
        }
    };
    if if_none_match.is_some_and(|wanted| names(&wanted, &etag)) {
        let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
        not_modified.headers_mut().insert(header::ETAG, etag);
        return not_modified;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Whether an `If-None-Match` value names this ETag: `*`, or one of its tags by weak
/// comparison (`W/"1"` and `"1"` are the same). A value that is not a list of tags names
/// nothing.
fn names(wanted: &HeaderValue, etag: &HeaderValue) -> bool {
    let (Ok(wanted), Ok(etag)) = (wanted.to_str(), etag.to_str()) else {
        return false;
    };
    let opaque = |tag: &str| {
        let tag = tag.trim();
        tag.strip_prefix("W/").unwrap_or(tag).to_owned()
    };
    let mine = opaque(etag);
    wanted.trim() == "*" || wanted.split(',').any(|tag| opaque(tag) == mine)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_compares_weakly_and_takes_lists() {
        let etag = HeaderValue::from_static("\"7\"");
        for yes in ["\"7\"", "W/\"7\"", "\"1\", \"7\"", "*", " \"7\" "] {
            assert!(names(&HeaderValue::from_static(yes), &etag), "{yes}");
        }
        for no in ["\"8\"", "7", "", "\"77\""] {
            assert!(!names(&HeaderValue::from_static(no), &etag), "{no}");
        }
    }
}
