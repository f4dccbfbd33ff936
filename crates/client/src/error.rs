//! What can go wrong talking to the API. The CLI decides what each means for an exit code.

use std::time::Duration;

use livectl_contract::{Problem, ProblemCode};

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The API refused with a problem+json body. `request` names what was asked (`GET
    /// /v1/me`), for the hints: the detail says what went wrong, not always where.
    #[error("{}", problem.detail)]
    Problem {
        status: u16,
        problem: Box<Problem>,
        request: String,
        /// How long the server asked to be left alone (`Retry-After`), if it said.
        retry_after: Option<Duration>,
    },
    /// An error status without a problem body (a proxy's HTML page, say).
    #[error(
        "the server answered {status} {reason} without an API error body{}",
        snippet(body)
    )]
    Status {
        status: u16,
        reason: String,
        body: String,
        request: String,
        /// How long the server asked to be left alone (`Retry-After`), if it said.
        retry_after: Option<Duration>,
    },
    /// No connection was made: refused, a name that does not resolve, nobody there in time.
    #[error("cannot reach {url}: {detail}")]
    Connect { url: String, detail: String },
    /// A connection was made and ended before the whole answer came: the server (or a proxy)
    /// closed it, reset it, cut a body short or sent one HTTP cannot read, or ended an event
    /// stream. It was reached, so not "cannot reach".
    #[error("the connection to {url} ended: {detail}")]
    Ended { url: String, detail: String },
    /// TLS failed: a certificate refused, or no TLS on the other side.
    #[error("TLS with {url} failed: {detail}")]
    Tls { url: String, detail: String },
    /// No whole answer within the request's time, at each of `tries` attempts (a request that
    /// may be sent again is asked twice: a minute's wait said as "within 30 s" misled).
    #[error("no answer from {url} within {seconds} s{}", self.asked())]
    Timeout {
        url: String,
        seconds: u64,
        tries: u32,
    },
    #[error(
        "the answer from {url} is not the API's JSON ({detail}){}",
        snippet(body)
    )]
    Decode {
        url: String,
        detail: String,
        body: String,
    },
    /// A page whose JSON is the API's with an item in it that is not the contract's (a field
    /// null, of another type): the platform breaks the contract there, which "not the API's
    /// JSON, check the address" misled about (hostile-input check).
    #[error("the platform sent {item} from {url} in a form the contract does not have ({detail})")]
    Item {
        url: String,
        item: String,
        detail: String,
    },
    /// A 200 to the event stream that is not one (`Content-Type` other than
    /// `text/event-stream`): a server that is not the API, or a proxy's page.
    #[error(
        "the answer from {url} is not an event stream: 200 with Content-Type {content_type}, where text/event-stream was asked for"
    )]
    NotStream { url: String, content_type: String },
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
    /// How many times a request that timed out was asked, when more than once (`, asked 2
    /// times`): nothing otherwise.
    pub fn asked(&self) -> String {
        match self {
            ClientError::Timeout { tries, .. } if *tries > 1 => format!(", asked {tries} times"),
            _ => String::new(),
        }
    }

    /// What kind of failure this is, for telling a new failure from the same one again: a
    /// server error of any 5xx (a platform failing answers 500 and 503 in turn), another
    /// status, or how the connection failed; the words around it (a delay, a body) aside.
    pub fn class(&self) -> String {
        match (self, self.status()) {
            (_, Some(status)) if status >= 500 => "5xx".to_owned(),
            (_, Some(status)) => status.to_string(),
            (ClientError::Connect { .. }, None) => "connect".to_owned(),
            (ClientError::Ended { .. }, None) => "ended".to_owned(),
            (ClientError::Tls { .. }, None) => "tls".to_owned(),
            (ClientError::Timeout { .. }, None) => "timeout".to_owned(),
            (other, None) => other.to_string(),
        }
    }

    /// Whether the request was sent and no answer says what became of it: a connection that
    /// ended, no answer in time, or the platform's failure (which may come after its commit,
    /// the case idempotency keys exist for). A 503 is a platform not taking requests now,
    /// which did nothing: said as maybe done, its reason ("nothing was done; retry")
    /// contradicted itself (new user).
    pub fn unanswered(&self) -> bool {
        matches!(
            self,
            ClientError::Ended { .. } | ClientError::Timeout { .. }
        ) || self.status().is_some_and(|s| s >= 500 && s != 503)
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Problem { status, .. } | ClientError::Status { status, .. } => {
                Some(*status)
            }
            _ => None,
        }
    }

    /// The problem's code, when the server sent one this contract knows.
    pub fn code(&self) -> Option<ProblemCode> {
        match self {
            ClientError::Problem { problem, .. } => problem.code(),
            _ => None,
        }
    }

    /// The request an error status answered, as the `-v` lines name it (`GET /v1/me`).
    pub fn request(&self) -> Option<&str> {
        match self {
            ClientError::Problem { request, .. } | ClientError::Status { request, .. } => {
                Some(request)
            }
            _ => None,
        }
    }

    /// How long the server asked to be left alone before the next try (`Retry-After`), as it
    /// said it: a caller's retry policy caps it.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ClientError::Problem { retry_after, .. } | ClientError::Status { retry_after, .. } => {
                *retry_after
            }
            _ => None,
        }
    }

    /// The problem the server answered with, if any.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            ClientError::Problem { problem, .. } => Some(problem),
            _ => None,
        }
    }

    /// Whether the request may act if sent again with the same key: the server did not act, or
    /// will replay what it did.
    pub fn is_transient(&self) -> bool {
        match self {
            ClientError::Connect { .. }
            | ClientError::Ended { .. }
            | ClientError::Timeout { .. } => true,
            ClientError::Problem { .. } | ClientError::Status { .. } => self
                .status()
                .is_some_and(|s| crate::retry::retryable_status(s, self.code())),
            ClientError::Decode { .. }
            | ClientError::Item { .. }
            | ClientError::NotStream { .. }
            | ClientError::Tls { .. }
            | ClientError::Config(_) => false,
        }
    }
}
