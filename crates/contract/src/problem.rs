//! Errors as RFC 9457 problem+json, with the contract's codes.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::models::Intervention;

/// The media type of every error answer.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The machine-readable `code` of a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    ValidationFailed,
    InvalidTransition,
    PreconditionFailed,
    IdempotencyConflict,
    AtCapacity,
    RateLimited,
    Unavailable,
    Internal,
}

crate::words!(ProblemCode {
    BadRequest => "bad_request",
    Unauthorized => "unauthorized",
    Forbidden => "forbidden",
    NotFound => "not_found",
    MethodNotAllowed => "method_not_allowed",
    ValidationFailed => "validation_failed",
    InvalidTransition => "invalid_transition",
    PreconditionFailed => "precondition_failed",
    IdempotencyConflict => "idempotency_conflict",
    AtCapacity => "at_capacity",
    RateLimited => "rate_limited",
    Unavailable => "unavailable",
    Internal => "internal",
});

impl ProblemCode {
    /// The problem `type` URI of this code.
    pub fn type_uri(self) -> String {
        format!("urn:livectl:problem:{}", self.as_str())
    }
}

/// An RFC 9457 problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// One of the contract's codes; kept as text so a newer server's code still reads.
    pub code: String,
    /// The intervention as it is now, on 409 and 412.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<Box<Intervention>>,
}

impl Problem {
    /// The code, when it is one this contract knows.
    pub fn code(&self) -> Option<ProblemCode> {
        self.code.parse().ok()
    }
}
