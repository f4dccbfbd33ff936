//! Every refusal of the sandbox, and its RFC 9457 problem+json answer.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use livectl_contract::{Intervention, PROBLEM_JSON, Problem, ProblemCode};

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("the request body is larger than {limit} bytes")]
    TooLarge { limit: usize },
    /// No bearer token, or not in the form `Bearer <token>`.
    #[error("{0}")]
    Unauthorized(String),
    /// A bearer token this sandbox does not know, or one of an agent deactivated.
    #[error("{0}")]
    InvalidToken(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Validation(String),
    #[error("{detail}")]
    InvalidTransition {
        detail: String,
        current: Box<Intervention>,
    },
    /// The target agent of an assign or reassign has as many assigned interventions as its
    /// `max_load`.
    #[error("{detail}")]
    AtCapacity {
        detail: String,
        current: Box<Intervention>,
    },
    #[error("If-Match names version {expected}; the intervention is at version {}", current.version)]
    Precondition {
        expected: i64,
        current: Box<Intervention>,
    },
    #[error("{0}")]
    IdempotencyConflict(String),
    #[error("a request with this Idempotency-Key is still being processed; retry it later")]
    IdempotencyInFlight,
    #[error("{detail}")]
    RateLimited { detail: String, retry_after: u64 },
    #[error("{0}")]
    MethodNotAllowed(String),
    #[error("{0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        // SQLite's extended code tells an I/O error from a full disk or a lost lock, which its
        // message alone may not (a transaction rolled back under the writer is diagnosed by it).
        match e.sqlite_error() {
            Some(code) => ApiError::Internal(format!(
                "database: {e} (SQLite code {})",
                code.extended_code
            )),
            None => ApiError::Internal(format!("database: {e}")),
        }
    }
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unauthorized(_) | ApiError::InvalidToken(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Validation(_) | ApiError::IdempotencyConflict(_) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::InvalidTransition { .. }
            | ApiError::AtCapacity { .. }
            | ApiError::IdempotencyInFlight => StatusCode::CONFLICT,
            ApiError::Precondition { .. } => StatusCode::PRECONDITION_FAILED,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The contract's machine-readable code.
    pub fn code(&self) -> ProblemCode {
        match self {
            ApiError::BadRequest(_) | ApiError::TooLarge { .. } => ProblemCode::BadRequest,
            ApiError::Unauthorized(_) | ApiError::InvalidToken(_) => ProblemCode::Unauthorized,
            ApiError::Forbidden(_) => ProblemCode::Forbidden,
            ApiError::NotFound(_) => ProblemCode::NotFound,
            ApiError::Validation(_) => ProblemCode::ValidationFailed,
            ApiError::InvalidTransition { .. } => ProblemCode::InvalidTransition,
            ApiError::AtCapacity { .. } => ProblemCode::AtCapacity,
            ApiError::Precondition { .. } => ProblemCode::PreconditionFailed,
            ApiError::IdempotencyConflict(_) | ApiError::IdempotencyInFlight => {
                ProblemCode::IdempotencyConflict
            }
            ApiError::RateLimited { .. } => ProblemCode::RateLimited,
            ApiError::MethodNotAllowed(_) => ProblemCode::MethodNotAllowed,
            ApiError::Unavailable(_) => ProblemCode::Unavailable,
            ApiError::Internal(_) => ProblemCode::Internal,
        }
    }

    pub fn problem(&self) -> Problem {
        let status = self.status();
        let current = match self {
            ApiError::InvalidTransition { current, .. }
            | ApiError::AtCapacity { current, .. }
            | ApiError::Precondition { current, .. } => Some(current.clone()),
            _ => None,
        };
        Problem {
            kind: self.code().type_uri(),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: self.to_string(),
            code: self.code().as_str().to_owned(),
            current,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut response = (self.status(), body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        match &self {
            ApiError::RateLimited { retry_after, .. } => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(*retry_after));
            }
            // RFC 6750: the scheme to authenticate with, and an error code once a token was sent.
            ApiError::Unauthorized(_) => {
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            ApiError::InvalidToken(_) => {
                headers.insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static(r#"Bearer error="invalid_token""#),
                );
            }
            _ => {}
        }
        response
    }
}
