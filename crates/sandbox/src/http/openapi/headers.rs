//! The headers of the contract: those the server reads, as parameters, and those it sends, as
//! response headers, each described once and referenced where it applies.

use serde_json::{Map, Value, json};

use crate::http::extract::{IF_MATCH_PATTERN, LAST_EVENT_ID_PATTERN};
use livectl_contract::UpsertResult;
use livectl_contract::limits::{IDEMPOTENCY_KEY_PATTERN, Limit};

/// A request header the server reads.
pub struct RequestHeader {
    pub name: &'static str,
    pub component: &'static str,
    pub schema: fn() -> Value,
    pub description: &'static str,
}

pub const HEADERS: &[RequestHeader] = &[
    RequestHeader {
        name: "Idempotency-Key",
        component: "IdempotencyKey",
        schema: || {
            json!({
                "type": "string",
                "minLength": 1,
                "maxLength": Limit::IdempotencyKeyLength.max(),
                "pattern": IDEMPOTENCY_KEY_PATTERN,
            })
        },
        description: "Makes the POST safe to retry: the same key with the same body (as it reads: \
            member order, a null for an optional field and a default written out aside) replays \
            the stored answer (with `Idempotent-Replayed: true`) and acts once; with another body it \
            is 422 `idempotency_conflict`; while the first request with the key still runs it is \
            409 `idempotency_conflict`. Keys are kept 48 hours, per agent \
            (any token of the caller's agent).",
    },
    RequestHeader {
        name: "If-Match",
        component: "IfMatch",
        schema: || json!({"type": "string", "pattern": IF_MATCH_PATTERN}),
        description: "The intervention's version as last seen, quoted as its ETag (`\"7\"`), or \
            `*`: a stale version is 412 `precondition_failed` with `current`.",
    },
    RequestHeader {
        name: "If-None-Match",
        component: "IfNoneMatch",
        schema: || json!({"type": "string"}),
        description: "ETags the client holds (`\"7\"`, `W/\"...\"`, a comma-separated list, or \
            `*`): when one names the answer's ETag (weak comparison), the answer is 304 with no \
            body. A value that names nothing is ignored.",
    },
    RequestHeader {
        name: "Last-Event-ID",
        component: "LastEventId",
        schema: || json!({"type": "string", "pattern": LAST_EVENT_ID_PATTERN}),
        description: "Resume after this seq, with no gap (wins over `?after=`).",
    },
];

/// Response headers, by component name.
pub fn response_headers() -> Value {
    let upsert: Vec<&str> = UpsertResult::ALL.iter().map(|u| u.as_str()).collect();
    json!({
        "ETag": {
            "description": "An intervention's version, quoted (`\"7\"`): what `If-Match` takes. \
                On any other JSON answer to a GET, a weak tag of its content (`W/\"...\"`). \
                Either is what `If-None-Match` takes.",
            "required": true,
            "schema": {"type": "string", "pattern": "^(W/)?\"[!#-~]*\"$"},
        },
        "EventsAfter": {
            "description": "The seq the stream starts after. A client that has seen no event \
                yet sends it as `Last-Event-ID` when it reconnects, so nothing that happened \
                while it was away is missed.",
            "required": true,
            "schema": {"type": "string", "pattern": "^(0|[1-9][0-9]*)$"},
        },
        "IdempotentReplayed": {
            "description": "`true` when this is the stored answer to an earlier request with the \
                same Idempotency-Key and body, replayed without acting again.",
            "schema": {"type": "string", "enum": ["true"]},
        },
        "UpsertResult": {
            "description": "What a creation by key did: 201 when created, 200 otherwise.",
            "required": true,
            "schema": {"type": "string", "enum": upsert},
        },
        "RateLimit": {
            "description": "When the server limits the rate (IETF draft): \
                `\"sandbox\";r=<requests left>;t=<seconds until the window resets>`.",
            "schema": {"type": "string"},
        },
        "RateLimitPolicy": {
            "description": "When the server limits the rate (IETF draft): \
                `\"sandbox\";q=<requests>;w=<window in seconds>`.",
            "schema": {"type": "string"},
        },
        "RetryAfter": {
            "description": "Seconds to wait before retrying.",
            "required": true,
            "schema": {"type": "integer", "minimum": 0},
        },
        "RetryAfterMaybe": {
            "description": "Seconds to wait before retrying, when the server knows.",
            "schema": {"type": "integer", "minimum": 0},
        },
        "WWWAuthenticate": {
            "description": "`Bearer`, with `error=\"invalid_token\"` when a token was sent that \
                the server does not know (RFC 6750).",
            "required": true,
            "schema": {"type": "string", "pattern": "^Bearer"},
        },
    })
}

pub fn header_ref(component: &str) -> Value {
    json!({"$ref": format!("#/components/headers/{component}")})
}

/// The headers of the rate limit, sent on every answer when the server limits the rate.
pub fn rate_headers(headers: &mut Map<String, Value>) {
    headers.insert("RateLimit".into(), header_ref("RateLimit"));
    headers.insert("RateLimit-Policy".into(), header_ref("RateLimitPolicy"));
}
