//! The transport: one HTTP client with timeouts, URLs built and percent-encoded by `url`, and
//! one retry policy and budget for every request of a run, the event stream's reconnects
//! included.

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode, Url, header};
use serde::Serialize;

use crate::error::ClientError;
use crate::retry::{RetryBudget, RetryPolicy};
use crate::token::Token;
use livectl_contract::Problem;

/// What makes one write safe to repeat, and what it expects to find.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The key that makes a retry safe; a random one is made when None.
    pub idempotency_key: Option<String>,
    /// The version the caller last saw (`If-Match`).
    pub if_match: Option<i64>,
}

impl Options {
    /// These options with a fresh key when they carry none: a write is always safe to retry.
    pub(crate) fn keyed(mut self) -> Options {
        if self.idempotency_key.is_none() {
            self.idempotency_key = Some(new_key());
        }
        self
    }
}

/// How long opening a connection may take, within a request's time.
pub(crate) const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Attempts of a request that timed out: the first and one more.
const TIMED_OUT_ATTEMPTS: u32 = 2;

/// How livectl names itself to the server.
const AGENT: &str = concat!("livectl/", env!("CARGO_PKG_VERSION"));

/// What the retry policy makes of an attempt (`Transport::judge`).
pub(crate) enum Next {
    Answer(Answer),
    /// The error to return, with the answer that said it when one came.
    Fail(ClientError, Option<RawAnswer>),
    /// Another attempt, after the server's `Retry-After` if it sent one; the error (and the
    /// answer that said it) are returned if the retry is called off meanwhile (`pause`).
    Retry(Option<Duration>, ClientError, Option<RawAnswer>),
}

/// The attempts of one request so far (`Transport::send_answered` and a `Lane` loop alike):
/// how many were retries, and an earlier one that was sent and got no answer saying what
/// became of it (`ClientError::unanswered`).
#[derive(Default)]
pub(crate) struct Tries {
    pub(crate) retry: u32,
    unanswered: Option<ClientError>,
}

impl Tries {
    /// Another attempt of a `method` request follows one that failed with `error`. Only a
    /// request that changes something is kept as maybe done: a read's last error (the server
    /// gone) is the one to say.
    pub(crate) fn again(&mut self, method: &Method, error: ClientError) {
        if error.unanswered() && !method.is_safe() {
            self.unanswered = Some(error);
        }
        self.retry += 1;
    }

    /// The error the request ends with, `last`; but a last attempt that could not connect, or
    /// that the platform did not take (429, 503), after an earlier one got no answer is said as
    /// that earlier one, since the request may have been done then. A server killed while it
    /// held an action's answer was said as "cannot reach ... is the server running?", though
    /// the action was done (on-call check).
    pub(crate) fn end(&mut self, last: ClientError) -> ClientError {
        match (self.unanswered.take(), last) {
            (
                Some(ClientError::Ended { url, detail }),
                ClientError::Connect { detail: then, .. },
            ) => ClientError::Ended {
                url,
                detail: format!("{detail}; asked again, it could not be reached ({then})"),
            },
            // A platform that took no request at the last attempt (gone, throttling, or not
            // taking requests) says nothing of what the earlier one did.
            (Some(earlier), last)
                if matches!(last, ClientError::Connect { .. })
                    || matches!(last.status(), Some(429 | 503)) =>
            {
                earlier
            }
            (_, last) => last,
        }
    }
}

/// A 2xx answer.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: header::HeaderMap,
    pub body: bytes::Bytes,
}

/// Any answer, as it came: its status, headers and body.
#[derive(Debug, Clone)]
pub struct RawAnswer {
    pub status: StatusCode,
    pub headers: header::HeaderMap,
    pub body: bytes::Bytes,
}

impl RawAnswer {
    /// A header's value, when it is text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The body as JSON, when it is.
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The body as `T`, or why it is not one.
    pub fn decode<T: serde::de::DeserializeOwned>(&self) -> Result<T, String> {
        serde_json::from_slice(&self.body).map_err(|e| e.to_string())
    }

    /// The start of the body, for messages: at most `n` characters, control characters dropped.
    pub fn snippet(&self, n: usize) -> String {
        let text: String = String::from_utf8_lossy(&self.body)
            .chars()
            .filter(|c| !c.is_control())
            .take(n + 1)
            .collect();
        if text.chars().count() > n {
            format!("{}…", text.chars().take(n).collect::<String>())
        } else {
            text
        }
    }
}

#[derive(Debug, Clone)]
pub struct Transport {
    http: reqwest::Client,
    /// For the event stream: no total timeout, but a read timeout longer than the keep-alive.
    streaming: reqwest::Client,
    base: Url,
    token: Token,
    pub(crate) policy: RetryPolicy,
    pub(crate) budget: Arc<RetryBudget>,
    log: Log,
    pub(crate) timeout: Duration,
    /// Whether a long wait was said already (`SAID_WAIT`), by this transport or a clone.
    waited_long: Arc<std::sync::atomic::AtomicBool>,
}

/// Where the transport says what it does, up to a level (1 requests, 2 retries, 3 bodies). The
/// caller decides how a line reaches a terminal; tokens are never in one.
#[derive(Clone)]
pub struct Log {
    pub level: u8,
    pub write: Arc<dyn Fn(&str) + Send + Sync>,
    /// What a person should hear at any verbosity (but `--quiet`): a long wait it asked for.
    pub note: Arc<dyn Fn(&str) + Send + Sync>,
}

impl Log {
    /// Says nothing.
    pub fn silent() -> Log {
        Log {
            level: 0,
            write: Arc::new(|_| {}),
            note: Arc::new(|_| {}),
        }
    }
}

/// A wait between tries this long or longer is said (once a run), not left silent: a platform
/// asking for a `Retry-After` of hours holds a run its tries' worth of the cap (minutes).
const SAID_WAIT: Duration = Duration::from_secs(5);

impl std::fmt::Debug for Log {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Log({})", self.level)
    }
}

impl Transport {
    pub fn new(base: &str, token: Token, log: Log) -> Result<Transport, ClientError> {
        let timeout = Duration::from_secs(30);
        let setup = |e: reqwest::Error| ClientError::Config(format!("cannot set up HTTP: {e}"));
        // No redirect is followed: a POST redirected would go on as a GET elsewhere (reported as
        // done with nothing done), and to another host without the token's checks. A 3xx is an
        // error naming where the platform points.
        let http = reqwest::Client::builder()
            .user_agent(AGENT)
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(timeout)
            .pool_max_idle_per_host(64)
            .build()
            .map_err(setup)?;
        let streaming = reqwest::Client::builder()
            .user_agent(AGENT)
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(CONNECT_TIMEOUT)
            .read_timeout(Duration::from_secs(60))
            .build()
            .map_err(setup)?;
        let base = Url::parse(base)
            .map_err(|e| ClientError::Config(format!("`{base}` is not a URL: {e}")))?;
        if base.cannot_be_a_base() {
            return Err(ClientError::Config(format!(
                "`{base}` cannot hold API paths"
            )));
        }
        Ok(Transport {
            http,
            streaming,
            base,
            token,
            policy: RetryPolicy::default(),
            budget: Arc::new(RetryBudget::default()),
            log,
            timeout,
            waited_long: Arc::default(),
        })
    }

    /// The scheme of the API's address (`http`, `https`).
    pub(crate) fn scheme(&self) -> &str {
        self.base.scheme()
    }

    /// The API's address, as given.
    pub fn base(&self) -> &str {
        self.base.as_str().trim_end_matches('/')
    }

    /// The same transport (its HTTP clients, retry policy and budget) with another token.
    pub fn with_token(&self, token: Token) -> Transport {
        Transport {
            token,
            ..self.clone()
        }
    }

    /// The URL of the path segments after the base, each percent-encoded.
    pub fn url(&self, segments: &[&str]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(segments);
        }
        url
    }

    pub(crate) fn log(&self, level: u8, message: impl FnOnce() -> String) {
        if self.log.level >= level {
            (self.log.write)(&message());
        }
    }

    /// Sends a request, retrying what is safe to retry, and returns a 2xx answer.
    pub async fn send(
        &self,
        method: Method,
        url: Url,
        body: Option<&Body>,
        options: &Options,
    ) -> Result<Answer, ClientError> {
        self.send_answered(method, url, body, options)
            .await
            .map_err(|(error, _)| error)
    }

    /// Sends a request as `send` does; an error comes with the answer that said it, when one
    /// came (`api -i` shows it).
    pub async fn send_answered(
        &self,
        method: Method,
        url: Url,
        body: Option<&Body>,
        options: &Options,
    ) -> Result<Answer, (ClientError, Option<RawAnswer>)> {
        // A `Lane` loops the same way: a loop taking the attempt as an async closure makes the
        // futures of spawned list reads lose `Send` (a higher-ranked lifetime rustc cannot prove).
        let mut tries = Tries::default();
        loop {
            let attempt = self.once(&method, &url, body, options).await;
            match self.judge(&method, &url, options, tries.retry, attempt) {
                Next::Answer(answer) => return Ok(answer),
                Next::Fail(error, answer) => return Err((tries.end(error), answer)),
                Next::Retry(wait, error, answer) => {
                    if !self.pause(tries.retry, wait, &named(&method, &url)).await {
                        return Err((tries.end(error), answer));
                    }
                    tries.again(&method, error);
                }
            }
        }
    }

    /// What the retry policy makes of one attempt (the `retry`th retry): its 2xx answer, the
    /// error to return, or another attempt after a wait (the server's `Retry-After`, if any).
    /// Every way of sending (the pool, a worker's `Lane`) loops on this one judgement.
    pub(crate) fn judge(
        &self,
        method: &Method,
        url: &Url,
        options: &Options,
        retry: u32,
        attempt: Result<RawAnswer, ClientError>,
    ) -> Next {
        let (error, answer) = match attempt {
            Ok(raw) if raw.status.is_success() => {
                return Next::Answer(Answer {
                    status: raw.status,
                    headers: raw.headers,
                    body: raw.body,
                });
            }
            Ok(raw) => (
                error_from(method, url, raw.status, &raw.headers, &raw.body),
                Some(raw),
            ),
            // Each attempt waited the whole time: said as how many were made.
            Err(ClientError::Timeout { url, seconds, .. }) => (
                ClientError::Timeout {
                    url,
                    seconds,
                    tries: retry + 1,
                },
                None,
            ),
            Err(error) => (error, None),
        };
        if self.may_retry(method, options, retry, &error) {
            self.log(2, || {
                format!("  retrying {} after: {error}", named(method, url))
            });
            return Next::Retry(error.retry_after(), error, answer);
        }
        Next::Fail(error, answer)
    }

    /// The headers of a request: the token (marked sensitive, so no debug output shows it),
    /// JSON asked for, the key and the version the caller gave, the body's type when there is
    /// one. Every request but the event stream's is sent with these. A token or a key that no
    /// header can carry (a control character) is refused here, before anything is sent: a
    /// request is never sent without its token or its key.
    pub(crate) fn headers(
        &self,
        options: &Options,
        body: bool,
    ) -> Result<header::HeaderMap, ClientError> {
        let carried = |what: &str, value: String| {
            header::HeaderValue::try_from(value).map_err(|_| {
                ClientError::Config(format!(
                    "the {what} holds a character an HTTP header cannot carry; nothing was sent"
                ))
            })
        };
        if let Some(problem) = self.token.problem() {
            return Err(ClientError::Config(format!(
                "the token {problem}; nothing was sent"
            )));
        }
        let mut headers = header::HeaderMap::new();
        let mut auth = carried("token", format!("Bearer {}", self.token.expose()))?;
        auth.set_sensitive(true);
        headers.insert(header::AUTHORIZATION, auth);
        headers.insert(
            header::ACCEPT,
            header::HeaderValue::from_static("application/json"),
        );
        headers.insert(header::USER_AGENT, header::HeaderValue::from_static(AGENT));
        if let Some(key) = &options.idempotency_key {
            headers.insert("idempotency-key", carried("Idempotency-Key", key.clone())?);
        }
        if let Some(version) = options.if_match {
            headers.insert(
                header::IF_MATCH,
                carried("version", format!("\"{version}\""))?,
            );
        }
        if body {
            headers.insert(
                header::CONTENT_TYPE,
                header::HeaderValue::from_static("application/json"),
            );
        }
        Ok(headers)
    }

    /// Counts an attempt against the budget and says it at `-v` (its body at `-vvv`).
    pub(crate) fn attempting(&self, method: &Method, url: &Url, body: Option<&Body>) -> Instant {
        self.budget.on_request();
        self.log(1, || format!("{method} {url}"));
        if let Some(body) = body {
            self.log(3, || {
                format!("  body: {}", String::from_utf8_lossy(&body.0))
            });
        }
        Instant::now()
    }

    /// Says at `-v` how an attempt was answered: its status and time, once its head came, and
    /// which request it answered (requests in flight together answer in any order).
    pub(crate) fn answered(
        &self,
        method: &Method,
        url: &Url,
        status: StatusCode,
        started: Instant,
    ) {
        self.log(1, || {
            format!(
                "  {} in {} ms ({})",
                status.as_u16(),
                started.elapsed().as_millis(),
                named(method, url)
            )
        });
    }

    /// Says at `-vvv` what an answer's body was, and to which request.
    pub(crate) fn answer_body(&self, method: &Method, url: &Url, body: &[u8]) {
        self.log(3, || {
            format!(
                "  answer ({}): {}",
                named(method, url),
                crate::token::masked(&String::from_utf8_lossy(body))
            )
        });
    }

    /// Sends a request once, whatever it answers: an error only when no whole answer came.
    pub async fn once(
        &self,
        method: &Method,
        url: &Url,
        body: Option<&Body>,
        options: &Options,
    ) -> Result<RawAnswer, ClientError> {
        let mut request = self
            .http
            .request(method.clone(), url.clone())
            .headers(self.headers(options, body.is_some())?);
        if let Some(body) = body {
            request = request.body(body.0.clone());
        }
        let started = self.attempting(method, url, body);
        let mut response = request
            .send()
            .await
            .map_err(|e| self.transport_error(url.as_str(), e))?;
        let status = response.status();
        self.answered(method, url, status, started);
        let headers = std::mem::take(response.headers_mut());
        let body = self.read_body(url, response).await?;
        self.answer_body(method, url, &body);
        Ok(RawAnswer {
            status,
            headers,
            body,
        })
    }

    fn may_retry(
        &self,
        method: &Method,
        options: &Options,
        retry: u32,
        error: &ClientError,
    ) -> bool {
        let safe = *method == Method::GET || options.idempotency_key.is_some();
        // A server that held a request for the whole timeout is asked once more, not four
        // times: each attempt is that long a wait with nothing to show.
        let attempts = match error {
            ClientError::Timeout { .. } => self.policy.attempts.min(TIMED_OUT_ATTEMPTS),
            _ => self.policy.attempts,
        };
        let too_long = error
            .retry_after()
            .is_some_and(|asked| asked > crate::retry::RETRY_AFTER_GIVE_UP);
        safe && error.is_transient() && !too_long && retry + 1 < attempts && self.budget.try_retry()
    }

    /// Waits before retry number `retry` of `what` (a request, or the event stream); false when
    /// the retry is called off (`Client::stop_retrying`) before or while it waits.
    pub(crate) async fn pause(
        &self,
        retry: u32,
        retry_after: Option<Duration>,
        what: &str,
    ) -> bool {
        let delay = self.policy.delay(retry, retry_after);
        if let Some(asked) = retry_after
            && delay >= SAID_WAIT
            && !self
                .waited_long
                .swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            let said = |d: Duration| {
                livectl_contract::duration::format(jiff::SignedDuration::from_secs(
                    i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
                ))
            };
            let capped = if asked > self.policy.retry_after_cap {
                format!(
                    " (at most {} at a time, then it asks again)",
                    said(self.policy.retry_after_cap)
                )
            } else {
                String::new()
            };
            (self.log.note)(&format!(
                "the platform asked for {} before {what} is tried again (Retry-After): waiting {}{capped}",
                said(asked),
                said(delay)
            ));
        }
        self.wait(delay, what).await
    }

    /// Waits `delay` before trying `what` again; false when the retry is called off
    /// (`Client::stop_retrying`) before or while it waits.
    pub(crate) async fn wait(&self, delay: Duration, what: &str) -> bool {
        self.log(2, || {
            format!("  waiting {} ms to retry {what}", delay.as_millis())
        });
        tokio::select! {
            biased;
            () = self.budget.closed() => {
                self.log(2, || format!("  not retrying {what}: retries were called off"));
                false
            }
            () = tokio::time::sleep(delay) => true,
        }
    }

    pub(crate) fn transport_error(&self, url: &str, e: reqwest::Error) -> ClientError {
        // No connection within CONNECT_TIMEOUT is a platform not reached (a wrong or
        // blackholed address), as the lanes say it, not one that took the request and did not
        // answer.
        if e.is_timeout() {
            if e.is_connect() {
                return ClientError::Connect {
                    url: url.to_owned(),
                    detail: format!("no connection within {} s", CONNECT_TIMEOUT.as_secs()),
                };
            }
            return self.timed_out(url);
        }
        // reqwest says `is_connect` of a connection not made (refused, a name that does not
        // resolve); a request or body error otherwise came on one made.
        if !e.is_connect() && (e.is_request() || e.is_body() || e.is_decode()) {
            return ended(url, &e);
        }
        connection_error(url, &e)
    }

    /// No whole answer within the request's time.
    pub(crate) fn timed_out(&self, url: &str) -> ClientError {
        ClientError::Timeout {
            url: url.to_owned(),
            seconds: self.timeout.as_secs(),
            tries: 1,
        }
    }

    /// Opens the event stream once (its reconnects are the caller's, with this policy).
    pub(crate) async fn open_stream(
        &self,
        url: Url,
        last: Option<i64>,
    ) -> Result<reqwest::Response, ClientError> {
        let mut request = self
            .streaming
            .get(url.clone())
            // Marked sensitive, as every other request's token is (`headers`).
            .bearer_auth(self.token.expose())
            .header(header::ACCEPT, "text/event-stream");
        if let Some(seq) = last {
            request = request.header("Last-Event-ID", seq.to_string());
        }
        self.log(1, || {
            let after = last.map(|s| format!(" after {s}")).unwrap_or_default();
            format!("GET {url} (stream{after})")
        });
        self.budget.on_request();
        let response = request
            .send()
            .await
            .map_err(|e| self.transport_error(url.as_str(), e))?;
        if response.status().is_success() {
            // Anything else answered 200 (a JSON page, a proxy's HTML) is not a stream that
            // ended: nothing to reconnect to.
            let content_type = response
                .headers()
                .get(header::CONTENT_TYPE)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
            return match content_type {
                Some(t) if is_event_stream(&t) => Ok(response),
                other => Err(ClientError::NotStream {
                    url: url.to_string(),
                    content_type: other.map_or_else(
                        || "(none)".to_owned(),
                        |t| t.chars().filter(|c| !c.is_control()).take(80).collect(),
                    ),
                }),
            };
        }
        let status = response.status();
        let headers = response.headers().clone();
        match self.read_body(&url, response).await {
            Ok(bytes) => Err(error_from(&Method::GET, &url, status, &headers, &bytes)),
            Err(e) => Err(e),
        }
    }

    /// An answer's body, read whole through `read_capped`.
    async fn read_body(
        &self,
        url: &Url,
        response: reqwest::Response,
    ) -> Result<bytes::Bytes, ClientError> {
        let declared = response.content_length();
        read_capped(declared, reqwest::Body::from(response))
            .await
            .map_err(|unread| match unread {
                Unread::TooLarge => too_large(url.as_str()),
                Unread::Failed(e) => match e.downcast::<reqwest::Error>() {
                    Ok(e) => self.transport_error(url.as_str(), *e),
                    Err(e) => ended(url.as_str(), e.as_ref()),
                },
            })
    }
}

/// Why an answer's body was not read whole.
pub(crate) enum Unread {
    /// It passes `ANSWER_BYTES`, or says it will.
    TooLarge,
    /// The connection failed while it was read.
    Failed(Box<dyn std::error::Error + Send + Sync>),
}

/// An answer's body, read whole unless it passes `ANSWER_BYTES`: a platform that sends more
/// than any answer of the API holds (a body that never ends) is refused before it takes the
/// machine's memory, and one whose `declared` length passes it is not read at all. The one
/// reading of every answer, the pool's (`Transport::read_body`) and the bulk lanes'.
pub(crate) async fn read_capped<B>(declared: Option<u64>, body: B) -> Result<bytes::Bytes, Unread>
where
    B: hyper::body::Body,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    use http_body_util::BodyExt;
    if declared.is_some_and(|n| n > ANSWER_BYTES as u64) {
        return Err(Unread::TooLarge);
    }
    match http_body_util::Limited::new(body, ANSWER_BYTES)
        .collect()
        .await
    {
        Ok(body) => Ok(body.to_bytes()),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => Err(Unread::TooLarge),
        Err(e) => Err(Unread::Failed(e)),
    }
}

/// The most an answer of the API may hold: a page of the largest records, many times over.
pub const ANSWER_BYTES: usize = 64 << 20;

/// The error of an answer larger than `ANSWER_BYTES`.
pub(crate) fn too_large(url: &str) -> ClientError {
    ClientError::Decode {
        url: url.to_owned(),
        detail: format!(
            "it passes {} MiB, more than any answer of the API holds",
            ANSWER_BYTES >> 20
        ),
        body: String::new(),
    }
}

/// Whether a `Content-Type` is an event stream's (`text/event-stream`, parameters aside).
fn is_event_stream(content_type: &str) -> bool {
    content_type
        .split(';')
        .next()
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("text/event-stream"))
}

/// A connection that failed or broke: what failed, from the innermost error of the chain
/// ("connection refused", "connection closed before message completed", a certificate refused);
/// the token is never part of it.
pub(crate) fn connection_error(url: &str, e: &(dyn std::error::Error + 'static)) -> ClientError {
    let mut detail = e.to_string();
    let mut tls = is_tls(e);
    let mut source = e.source();
    while let Some(s) = source {
        detail = s.to_string();
        tls |= is_tls(s);
        source = s.source();
    }
    if tls {
        return ClientError::Tls {
            url: url.to_owned(),
            detail,
        };
    }
    ClientError::Connect {
        url: url.to_owned(),
        detail,
    }
}

/// A connection made that failed before the whole answer came (`ClientError::Ended`), or TLS's
/// failure on it.
pub(crate) fn ended(url: &str, e: &(dyn std::error::Error + 'static)) -> ClientError {
    match connection_error(url, e) {
        ClientError::Connect { url, detail } => ClientError::Ended { url, detail },
        other => other,
    }
}

/// Whether an error is rustls's, also when wrapped in I/O errors (as hyper and tokio-rustls do).
fn is_tls(e: &(dyn std::error::Error + 'static)) -> bool {
    if e.downcast_ref::<rustls::Error>().is_some() {
        return true;
    }
    e.downcast_ref::<std::io::Error>()
        .and_then(|io| io.get_ref())
        .is_some_and(|inner| is_tls(inner))
}

/// Encodes a body; what the contract's types hold always encodes.
/// A request's JSON body, encoded once: every attempt sends the same bytes, shared, and it can
/// be encoded away from the thread that sends it.
#[derive(Debug, Clone)]
pub struct Body(bytes::Bytes);

impl Body {
    /// The encoded bytes (shared, not copied).
    pub(crate) fn bytes(&self) -> bytes::Bytes {
        self.0.clone()
    }

    /// JSON with every object's members in key order, the bytes livectl has always sent for a
    /// request: a platform that compares a repeated `Idempotency-Key`'s request byte for byte
    /// (a bulk run resumed after an upgrade) sees the same request.
    pub fn json(body: &impl Serialize) -> Result<Body, ClientError> {
        serde_json::to_value(body)
            .and_then(|value| serde_json::to_vec(&value))
            .map(|bytes| Body(bytes.into()))
            .map_err(encoding)
    }

    /// JSON with members in the order of the type's fields: for a large body sent with a key of
    /// its own each time (a seed batch), where the copy through maps cost half of a seeding
    /// client's time.
    pub fn json_as_written(body: &impl Serialize) -> Result<Body, ClientError> {
        serde_json::to_vec(body)
            .map(|bytes| Body(bytes.into()))
            .map_err(encoding)
    }
}

fn encoding(e: serde_json::Error) -> ClientError {
    ClientError::Config(format!("cannot encode the request: {e}"))
}

/// A request as the `-v` lines name it: its method, path and query (`POST
/// /v1/interventions/iv_5/assign`), without the address every request shares.
pub(crate) fn named(method: &Method, url: &Url) -> String {
    format!("{method} {}", &url[url::Position::BeforePath..])
}

pub(crate) fn decode<T: serde::de::DeserializeOwned>(
    url: &Url,
    bytes: &[u8],
) -> Result<T, ClientError> {
    serde_json::from_slice(bytes).map_err(|e| ClientError::Decode {
        url: url.to_string(),
        detail: e.to_string(),
        body: start(bytes),
    })
}

/// A page of a list. When the page is the API's but an item is not the contract's, that item
/// is named (its id, else its place), so the error says the platform broke the contract rather
/// than that the address is wrong; looked for only once decoding failed.
pub(crate) fn decode_page<T: serde::de::DeserializeOwned>(
    url: &Url,
    bytes: &[u8],
) -> Result<livectl_contract::Page<T>, ClientError> {
    use livectl_contract::Page;
    use serde_json::value::RawValue;
    let error = match serde_json::from_slice::<Page<T>>(bytes) {
        Ok(page) => return Ok(page),
        Err(e) => e,
    };
    #[derive(serde::Deserialize)]
    struct Named {
        id: String,
    }
    if let Ok(page) = serde_json::from_slice::<Page<Box<RawValue>>>(bytes) {
        for (n, item) in page.items.iter().enumerate() {
            if let Err(e) = serde_json::from_str::<T>(item.get()) {
                let item = match serde_json::from_str::<Named>(item.get()) {
                    Ok(named) => format!(
                        "`{}`",
                        named
                            .id
                            .chars()
                            .filter(|c| !c.is_control())
                            .take(40)
                            .collect::<String>()
                    ),
                    Err(_) => format!("item {} of a page", n + 1),
                };
                return Err(ClientError::Item {
                    url: url.to_string(),
                    item,
                    detail: e.to_string(),
                });
            }
        }
    }
    Err(ClientError::Decode {
        url: url.to_string(),
        detail: error.to_string(),
        body: start(bytes),
    })
}

/// The start of a body for a message: the token taken out of the whole (so no part of it is left
/// at the cut), then its first 200 bytes.
fn start(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let text = crate::token::masked(&text);
    let mut end = text.len().min(200);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_owned()
}

/// The error of a request (`method` to `url`) answered with an error status.
fn error_from(
    method: &Method,
    url: &Url,
    status: StatusCode,
    headers: &header::HeaderMap,
    bytes: &[u8],
) -> ClientError {
    let is_problem = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"));
    let retry_after = headers
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(retry_after);
    if is_problem && let Ok(mut problem) = serde_json::from_slice::<Problem>(bytes) {
        // A server may echo the request's headers: the token is never printed.
        for text in [&mut problem.detail, &mut problem.title] {
            if let std::borrow::Cow::Owned(masked) = crate::token::masked(text) {
                *text = masked;
            }
        }
        return ClientError::Problem {
            status: status.as_u16(),
            problem: Box::new(problem),
            request: named(method, url),
            retry_after,
        };
    }
    // A redirect says where to: that, not its body, is what the user needs (no redirect is
    // followed, `Transport::new`).
    let location = headers
        .get(header::LOCATION)
        .filter(|_| status.is_redirection())
        .map(|l| format!("it points to {}", String::from_utf8_lossy(l.as_bytes())));
    ClientError::Status {
        status: status.as_u16(),
        reason: status.canonical_reason().unwrap_or("").to_owned(),
        body: location.unwrap_or_else(|| start(bytes)),
        request: named(method, url),
        retry_after,
    }
}

/// `Retry-After` as seconds or as an HTTP date (RFC 9110), as a delay from now.
fn retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = jiff::fmt::rfc2822::parse(value).ok()?.timestamp();
    let wait = at.duration_since(jiff::Timestamp::now());
    Some(Duration::from_secs(wait.as_secs().max(0) as u64))
}

/// A fresh idempotency key.
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        bytes = fastrand::u128(..).to_le_bytes();
    }
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("lc-{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A request's bytes keep the order livectl always sent (members by key), so a repeated
    /// key's request is the same bytes across versions; a seed batch goes as written.
    #[test]
    fn bodies_are_sent_with_members_in_key_order_unless_written_as_is() {
        #[derive(Serialize)]
        struct Reassign {
            reason: &'static str,
            agent: &'static str,
        }
        let body = Reassign {
            reason: "leave",
            agent: "ag_2",
        };
        let sent = |b: Body| String::from_utf8(b.0.to_vec()).expect("utf-8");
        assert_eq!(
            sent(Body::json(&body).expect("json")),
            r#"{"agent":"ag_2","reason":"leave"}"#
        );
        assert_eq!(
            sent(Body::json_as_written(&body).expect("json")),
            r#"{"reason":"leave","agent":"ag_2"}"#
        );
    }

    #[tokio::test]
    async fn a_retry_called_off_while_it_waits_gives_up_and_no_other_is_judged_due() {
        use futures_util::FutureExt;
        let transport = Transport::new("http://127.0.0.1:1", Token::new("t"), Log::silent())
            .expect("a transport");
        let waiting = transport.pause(0, Some(Duration::from_secs(30)), "a request");
        tokio::pin!(waiting);
        assert!(waiting.as_mut().now_or_never().is_none(), "it waits");
        transport.budget.close();
        assert_eq!(waiting.now_or_never(), Some(false), "it gives up at once");
        let url = transport.base.clone();
        let refused = ClientError::Connect {
            url: url.to_string(),
            detail: "refused".into(),
        };
        assert!(matches!(
            transport.judge(&Method::GET, &url, &Options::default(), 0, Err(refused)),
            Next::Fail(..)
        ));
    }

    /// A `Retry-After` of days was waited out in silence: four tries of the 30 s cap, two
    /// minutes of a run saying nothing. The first long wait is said, once a run.
    #[tokio::test]
    async fn a_long_wait_the_platform_asked_for_is_said_once() {
        use futures_util::FutureExt;
        let notes = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
        let heard = notes.clone();
        let log = Log {
            note: Arc::new(move |line| heard.lock().unwrap().push(line.to_owned())),
            ..Log::silent()
        };
        let transport =
            Transport::new("http://127.0.0.1:1", Token::new("t"), log).expect("a transport");
        let short = transport.pause(0, Some(Duration::from_secs(1)), "GET /v1/queues");
        assert!(short.now_or_never().is_none(), "it waits");
        assert!(notes.lock().unwrap().is_empty(), "a short wait goes unsaid");
        let days = Some(Duration::from_secs(2 * 86_400));
        // The transport's clones (a bulk run's lanes) share the once.
        for transport in [&transport, &transport.clone()] {
            let long = transport.pause(1, days, "GET /v1/queues");
            assert!(long.now_or_never().is_none(), "it waits");
        }
        let notes = notes.lock().unwrap();
        assert_eq!(notes.len(), 1, "{notes:?}");
        let said = &notes[0];
        // The wait itself is the cap less up to a tenth of it, drawn: 27s to 30s.
        let (asked, waiting) = said.split_once(": waiting ").expect("what is waited");
        assert_eq!(
            asked,
            "the platform asked for 2d before GET /v1/queues is tried again (Retry-After)"
        );
        let (wait, rest) = waiting.split_once("s (").expect("seconds");
        assert!(
            (27..=30).contains(&wait.parse::<u32>().expect("a number of seconds"))
                && rest == "at most 30s at a time, then it asks again)",
            "{said}"
        );
    }

    #[test]
    fn a_request_that_timed_out_is_tried_once_more_and_a_refused_one_more_often() {
        let transport = Transport::new("http://127.0.0.1:1", Token::new("t"), Log::silent())
            .expect("a transport");
        let url = transport.base.clone();
        let next = |retry: u32, error: ClientError| {
            matches!(
                transport.judge(&Method::GET, &url, &Options::default(), retry, Err(error)),
                Next::Retry(..)
            )
        };
        let timed_out = || transport.timed_out("http://127.0.0.1:1/v1/queues");
        let refused = || ClientError::Connect {
            url: "http://127.0.0.1:1/v1/queues".into(),
            detail: "refused".into(),
        };
        assert!(next(0, timed_out()));
        assert!(!next(1, timed_out()), "the second timeout ends it");
        assert!(next(1, refused()) && next(2, refused()));
        // The error says both waits: a minute's wait said as "within 30 s" misled (new user).
        let said = |retry: u32, options: &Options| match transport.judge(
            &Method::POST,
            &url,
            options,
            retry,
            Err(timed_out()),
        ) {
            Next::Fail(e, _) | Next::Retry(_, e, _) => e.to_string(),
            Next::Answer(_) => unreachable!("an error is not an answer"),
        };
        let keyed = Options {
            idempotency_key: Some("k".into()),
            ..Options::default()
        };
        assert_eq!(
            said(1, &keyed),
            "no answer from http://127.0.0.1:1/v1/queues within 30 s, asked 2 times"
        );
        assert_eq!(
            said(0, &Options::default()),
            "no answer from http://127.0.0.1:1/v1/queues within 30 s",
            "a POST without a key is asked once"
        );
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        assert_eq!(retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(Duration::ZERO),
            "a past date means now"
        );
        let soon = (jiff::Timestamp::now() + jiff::SignedDuration::from_secs(90))
            .strftime("%a, %d %b %Y %H:%M:%S GMT")
            .to_string();
        let wait = retry_after(&soon).unwrap();
        assert!(
            wait >= Duration::from_secs(85) && wait <= Duration::from_secs(90),
            "{wait:?}"
        );
        assert_eq!(retry_after("soon"), None);
    }

    #[test]
    fn path_segments_are_encoded_under_the_base() {
        let t = Transport::new("http://127.0.0.1:1/api/", Token::new("t"), Log::silent()).unwrap();
        let url = t.url(&["v1", "interventions", "iv_1/../x?y", "assign"]);
        assert_eq!(
            url.as_str(),
            "http://127.0.0.1:1/api/v1/interventions/iv_1%2F..%2Fx%3Fy/assign"
        );
    }
}
