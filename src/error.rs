//! The one place a failure becomes a kind (and so an exit code), a message and hints, in the
//! manner of jj's `CommandError`. Hints that belong to one command are added by that command.

use std::fmt;

use livectl_client::ClientError;

/// What kind of failure, and the exit code it means (the contract of `livectl`'s exit codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Something failed: the network, the server, a file.
    Failure,
    /// The command line, a flag's value, a file's content or a choice is wrong.
    Usage,
    /// A bulk run in which some items failed.
    PartialBulk,
    /// Not logged in, or the role forbids it.
    Auth,
    /// An id or a name that does not exist.
    NotFound,
    /// The intervention is not in a state for it, or changed meanwhile.
    Conflict,
    /// Ctrl-C, SIGTERM or SIGHUP.
    Interrupted,
    /// A confirmation answered no: exit 130 as an interruption (DESIGN.md section 9), said as
    /// the person's choice, not as an error.
    Declined,
    /// The reader of stdout went away (`| head`): output ends quietly, nothing else is wrong.
    ClosedPipe,
}

impl ErrorKind {
    pub const fn exit_code(self) -> u8 {
        match self {
            ErrorKind::ClosedPipe => 0,
            ErrorKind::Failure => 1,
            ErrorKind::Usage => 2,
            ErrorKind::PartialBulk => 3,
            ErrorKind::Auth => 4,
            ErrorKind::NotFound => 5,
            ErrorKind::Conflict => 6,
            ErrorKind::Interrupted | ErrorKind::Declined => 130,
        }
    }
}

#[derive(Debug)]
pub struct CliError {
    pub kind: ErrorKind,
    pub message: String,
    pub hints: Vec<String>,
    pub source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl CliError {
    /// An error in writing what a change answered, after the change was made (a `--json`
    /// field only its answer could check, a jq program that failed on it): not a usage error,
    /// which says nothing changed, and it says the change stands.
    pub fn after_change(mut self, done: &str) -> CliError {
        if self.is_closed_pipe() {
            return self;
        }
        if self.kind == ErrorKind::Usage {
            self.kind = ErrorKind::Failure;
        }
        self.hint(format!("{done}: only its output failed"))
    }

    pub fn new(kind: ErrorKind, message: impl Into<String>) -> CliError {
        CliError {
            kind,
            message: message.into(),
            hints: Vec::new(),
            source: None,
        }
    }

    pub fn failure(message: impl Into<String>) -> CliError {
        CliError::new(ErrorKind::Failure, message)
    }

    pub fn usage(message: impl Into<String>) -> CliError {
        CliError::new(ErrorKind::Usage, message)
    }

    pub fn interrupted(message: impl Into<String>) -> CliError {
        CliError::new(ErrorKind::Interrupted, message)
    }

    /// A question answered no (exit 130, DESIGN.md section 9), with what did not happen: said as
    /// the person's choice ("declined: nothing was changed"), where it read as a failure
    /// ("error: nothing was changed").
    pub fn declined(nothing: &str) -> CliError {
        CliError::new(ErrorKind::Declined, format!("declined: {nothing}"))
    }

    /// A request that may have been done though no answer said so (`ClientError::unanswered`):
    /// the hint to look before sending it again comes first, and the hints to simply try again
    /// go, which said the opposite beside it (on-call check).
    pub fn unsure(self, show: &str) -> CliError {
        self.unsure_with(&format!(
            "the platform may have done it before failing: look with {show} before sending it again"
        ))
    }

    /// `unsure`, with its own first hint in place of looking with `show` (a request of `api`,
    /// which names no intervention).
    pub fn unsure_with(mut self, hint: &str) -> CliError {
        self.hints
            .retain(|h| h != ENDED && h != NO_ANSWER && !h.starts_with(FAILED));
        self.hints.insert(0, hint.to_owned());
        self
    }

    /// Adds a hint: what would be right, or what to do next.
    pub fn hint(mut self, hint: impl Into<String>) -> CliError {
        self.hints.push(hint.into());
        self
    }

    /// Replaces the hints: the command knows better than the generic ones.
    pub fn instead(mut self, hint: impl Into<String>) -> CliError {
        self.hints = vec![hint.into()];
        self
    }

    pub fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> CliError {
        self.source = Some(Box::new(source));
        self
    }

    pub fn exit_code(&self) -> u8 {
        self.kind.exit_code()
    }

    /// A failure to write output: a closed pipe ends it quietly, anything else is a failure.
    pub fn output(e: std::io::Error) -> CliError {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return CliError::new(ErrorKind::ClosedPipe, "the reader of the output went away");
        }
        CliError::failure(format!("cannot write the output: {e}")).with_source(e)
    }

    /// A failure to write an export's output said with the file it went to (`--out`), and
    /// what became of it: "cannot write the output" named no file and no way out (hostile-input
    /// check). `whole`: a file written whole or not at all, so none was written; else a device
    /// or pipe written through, cut short.
    pub fn writing(mut self, out: &std::path::Path, whole: bool) -> CliError {
        let Some(e) = self
            .source
            .as_ref()
            .and_then(|s| s.downcast_ref::<std::io::Error>())
        else {
            return self;
        };
        if self.kind != ErrorKind::Failure {
            return self;
        }
        let became = if whole {
            "nothing was written, and a file that was there is kept"
        } else {
            "what was written is cut short"
        };
        self.message = format!("--out {}: cannot write: {e}; {became}", out.display());
        self.hints = vec![
            if e.kind() == std::io::ErrorKind::StorageFull {
                "free some space there, or name a place with room"
            } else {
                "name a place you can write to"
            }
            .to_owned(),
        ];
        self
    }

    pub fn is_closed_pipe(&self) -> bool {
        self.kind == ErrorKind::ClosedPipe
    }

    /// Says where the address of a platform that could not be reached came from
    /// (`connect::origin`), in place of the generic hint.
    pub fn reached_through(mut self, origin: impl FnOnce() -> Option<String>) -> CliError {
        if let Some(hint) = self.hints.iter_mut().find(|h| *h == UNREACHABLE)
            && let Some(origin) = origin()
        {
            *hint = format!("is the server running? {origin}");
        }
        self
    }
}

/// The hint of a platform that could not be reached, until `CliError::reached_through` says
/// where its address came from.
const UNREACHABLE: &str = "is the server running? check its address";

/// The hint of a connection made that ended before the whole answer came.
const ENDED: &str = "the platform, or a proxy between, ended the connection before its whole answer came; try again in a moment";

/// The way out of a 401 when nothing is known of where the token came from; `Ctx::refused_token`
/// says which it was (LIVECTL_TOKEN, the profile's login, the embedded sandbox's).
pub const REFUSED_TOKEN: &str = "log in again with `livectl login`, or check LIVECTL_TOKEN";

/// What a 401 adds whatever the token's source: logging in again as that agent does not help.
const DEACTIVATED: &str =
    "a deactivated agent's tokens stay refused until an admin makes it active";

/// The hint of a 401, with `way_out` (`REFUSED_TOKEN`, or the one `Ctx::refused_token` knows):
/// built here alone, so the hint a refusal carries is the one it is known by.
pub fn refused_hint(way_out: &str) -> String {
    format!("{way_out}; {DEACTIVATED}")
}

/// How the hint of the platform's own failure (a 5xx) begins.
const FAILED: &str = "the platform failed";

/// The hint of a platform that took too long to answer.
const NO_ANSWER: &str = "the platform may be overloaded, or behind something that holds requests; try again in a moment";

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// Ends output quietly when its reader went away, and keeps any other failure.
pub trait ClosedPipeIsFine {
    fn or_closed_pipe(self) -> Result<(), CliError>;
}

impl ClosedPipeIsFine for Result<(), CliError> {
    fn or_closed_pipe(self) -> Result<(), CliError> {
        match self {
            Err(e) if e.is_closed_pipe() => Ok(()),
            other => other,
        }
    }
}

/// The hint for an answer that is not the API's.
const NOT_THE_API: &str =
    "check that the API address points at the Live Conversations API (it serves /v1/)";

/// The hint of a 409 `idempotency_conflict` (the request with this key still running when the
/// retries ran out), with the command (`show`, quoted) that tells whether it acted.
pub fn still_running(show: &str) -> String {
    format!(
        "the platform was still running this request when livectl stopped asking; in a moment, see whether it acted with {show}"
    )
}

impl From<ClientError> for CliError {
    fn from(e: ClientError) -> CliError {
        // The API answers every refusal with a problem body: a bare 4xx (but a proxy's 401,
        // 403 or 429) or a 501 is a server that is not the API (a web server, a wrong path
        // prefix), not a missing intervention or a platform failing.
        let not_the_api = matches!(
            e,
            ClientError::Status { status, .. }
                if (400..500).contains(&status) && !matches!(status, 401 | 403 | 429) || status == 501
        );
        let kind = match e.status() {
            _ if not_the_api => ErrorKind::Failure,
            Some(401 | 403) => ErrorKind::Auth,
            Some(404) => ErrorKind::NotFound,
            Some(409 | 412) => ErrorKind::Conflict,
            _ => ErrorKind::Failure,
        };
        // The intervention's own id when the platform says which it is, never a placeholder.
        let show = match e.problem().and_then(|p| p.current.as_ref()) {
            Some(now) => format!("`livectl show {}`", now.id),
            None => "`livectl show` and its id".to_owned(),
        };
        let look = format!("look at it as it is now with {show}");
        let again = format!("someone changed it meanwhile; look again with {show}");
        let running = still_running(&show);
        let refused = refused_hint(REFUSED_TOKEN);
        // Which request the platform failed, when it answered at all: its method and path
        // (its query, a list's filters and cursor, is for `-v`).
        let failed = match e.request().and_then(|r| r.split('?').next()) {
            Some(request) => {
                format!("{FAILED} on {request}; try again, and report it if it persists")
            }
            None => format!("{FAILED}; try again, and report it if it persists"),
        };
        // A wait the platform asked for, said whole: one too long to wait for was not waited
        // (`RETRY_AFTER_GIVE_UP`), and "a moment" would mislead.
        let asked = e.retry_after().filter(|a| a.as_secs() > 0).map(|asked| {
            let why = match e.status() {
                Some(429) => "the platform is limiting requests",
                _ => "the platform is unavailable",
            };
            format!(
                "{why}, and asked for {} before trying again (Retry-After)",
                livectl_contract::duration::format(jiff::SignedDuration::from_secs(
                    i64::try_from(asked.as_secs()).unwrap_or(i64::MAX)
                ))
            )
        });
        let hint = match (&e, e.status()) {
            // The contract refuses a deactivated agent's tokens too: logging in again as that
            // agent does not help then.
            (_, Some(401)) => Some(refused.as_str()),
            // Unless the platform's own words say whom to ask (said twice: a new user).
            (_, Some(403))
                if e.problem()
                    .is_some_and(|p| p.detail.ends_with(livectl_contract::Role::ASK_AN_ADMIN)) =>
            {
                None
            }
            (_, Some(403)) => Some("this needs another role; ask an admin"),
            _ if not_the_api => Some(NOT_THE_API),
            // The list that shows ids of that kind, when the platform says which kind.
            (_, Some(404)) => Some(match e.problem().map(|p| p.detail.as_str()) {
                Some(d) if d.starts_with("intervention ") => {
                    "check the id; `livectl list` shows the open interventions"
                }
                Some(d) if d.starts_with("user ") => {
                    "check the id; `livectl show ID` names an intervention's user"
                }
                Some(d) if d.starts_with("agent ") => "check the id; `livectl agents` lists them",
                _ => "check the id or the path",
            }),
            // The same key still running (retried already): nothing is wrong with the item.
            (_, Some(409))
                if e.code() == Some(livectl_contract::ProblemCode::IdempotencyConflict) =>
            {
                Some(running.as_str())
            }
            (_, Some(409)) => Some(look.as_str()),
            (_, Some(412)) => Some(again.as_str()),
            (_, Some(429 | 503)) if let Some(asked) = &asked => Some(asked.as_str()),
            (_, Some(429)) => Some("the platform is limiting requests; try again in a moment"),
            (_, Some(300..=399)) => Some(
                "livectl follows no redirect (a change redirected would not be made): point --api-url, or the profile's api_url, at the address the platform gives",
            ),
            (_, Some(500..)) => Some(failed.as_str()),
            (ClientError::Tls { .. }, _) => {
                Some("check the address and its certificate (https:// to a server that speaks TLS)")
            }
            (ClientError::Connect { .. }, _) => Some(UNREACHABLE),
            // Reached: whether it runs is not the question.
            (ClientError::Ended { .. }, _) => Some(ENDED),
            // Connected (or still trying) and no answer: asking whether it runs misleads.
            (ClientError::Timeout { .. }, _) => Some(NO_ANSWER),
            (ClientError::Decode { .. } | ClientError::NotStream { .. }, _) => Some(NOT_THE_API),
            (ClientError::Item { .. }, _) => Some(
                "the platform does not keep the contract here: report it to whoever runs it (`-vv` shows the request)",
            ),
            _ => None,
        };
        let mut error = CliError::new(kind, e.to_string());
        error.hints.extend(hint.map(str::to_owned));
        error.with_source(e)
    }
}

impl From<livectl_contract::seed::Invalid> for CliError {
    fn from(e: livectl_contract::seed::Invalid) -> CliError {
        let error = CliError::usage(e.to_string());
        if e.reason.is_some() {
            error
        } else {
            error.hint("the format is described in docs/seed.md and docs/seed.schema.json")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A request that timed out was hinted "is the server running?", which a server that took
    /// the connection and never answered is.
    #[test]
    fn a_timeout_is_not_hinted_as_a_server_not_running() {
        let timed_out = CliError::from(ClientError::Timeout {
            url: "http://127.0.0.1:9/v1/me".into(),
            seconds: 30,
            tries: 1,
        })
        .reached_through(|| Some("LIVECTL_API_URL gives its address".into()));
        assert_eq!(
            timed_out.message,
            "no answer from http://127.0.0.1:9/v1/me within 30 s"
        );
        assert_eq!(timed_out.hints, vec![NO_ANSWER.to_owned()]);
        let refused = CliError::from(ClientError::Connect {
            url: "http://127.0.0.1:9/v1/me".into(),
            detail: "Connection refused".into(),
        })
        .reached_through(|| Some("LIVECTL_API_URL gives its address".into()));
        assert_eq!(
            refused.hints,
            vec!["is the server running? LIVECTL_API_URL gives its address".to_owned()]
        );
    }
}
