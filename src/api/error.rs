//! What can go wrong talking to the API, and the exit code and hint each deserves.

use crate::api::models::Problem;
use crate::error::{CliError, ExitKind};

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The API refused with a problem+json body.
    #[error("{}", problem.detail)]
    Problem { status: u16, problem: Box<Problem> },
    /// An error status without a problem body (a proxy's HTML page, say).
    #[error(
        "the server answered {status} {reason} without an API error body{}",
        snippet(body)
    )]
    Status {
        status: u16,
        reason: String,
        body: String,
    },
    #[error("cannot reach {url}: {detail}")]
    Connect { url: String, detail: String },
    #[error("no answer from {url} within {seconds} s")]
    Timeout { url: String, seconds: u64 },
    #[error(
        "the answer from {url} is not the API's JSON ({detail}){}",
        snippet(body)
    )]
    Decode {
        url: String,
        detail: String,
        body: String,
    },
    #[error("{0}")]
    Config(String),
}

fn snippet(body: &str) -> String {
    let text: String = body.chars().filter(|c| !c.is_control()).take(80).collect();
    if text.trim().is_empty() {
        String::new()
    } else {
        format!(": {}", text.trim())
    }
}

impl ClientError {
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Problem { status, .. } | ClientError::Status { status, .. } => {
                Some(*status)
            }
            _ => None,
        }
    }

    pub fn code(&self) -> Option<&str> {
        match self {
            ClientError::Problem { problem, .. } => Some(&problem.code),
            _ => None,
        }
    }

    pub fn exit_kind(&self) -> ExitKind {
        match self.status() {
            Some(401 | 403) => ExitKind::Auth,
            Some(404) => ExitKind::NotFound,
            Some(409 | 412) => ExitKind::Conflict,
            _ => ExitKind::Failure,
        }
    }

    fn hint(&self) -> Option<String> {
        Some(match (self, self.status()) {
            (_, Some(401)) => "log in again with `livectl login`, or check LIVECTL_TOKEN".into(),
            (_, Some(403)) => "this needs another role; ask an admin".into(),
            (_, Some(404)) => "check the id; `livectl list` shows the open interventions".into(),
            (_, Some(409)) => "look at it as it is now with `livectl show ID`".into(),
            (_, Some(412)) => {
                "someone changed it meanwhile; look again with `livectl show ID`".into()
            }
            (_, Some(429)) => "the platform is limiting requests; try again in a moment".into(),
            (_, Some(500..)) => {
                "the platform failed; try again, and report it if it persists".into()
            }
            (ClientError::Connect { .. }, _) | (ClientError::Timeout { .. }, _) => {
                "is the server running? check the address with `livectl config get api_url`".into()
            }
            (ClientError::Decode { .. }, _) => {
                "check that the API address points at the Live Conversations API (it serves /v1/)"
                    .into()
            }
            _ => return None,
        })
    }
}

impl From<ClientError> for CliError {
    fn from(e: ClientError) -> CliError {
        let mut error = CliError::new(e.exit_kind(), e.to_string());
        error.hint = e.hint();
        error
    }
}
