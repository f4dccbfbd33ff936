//! The typed client of the Live Conversations API: timeouts, retries with idempotency keys,
//! problem+json turned into errors, and pages followed lazily.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::TryStreamExt;
use futures_util::stream::{self, Stream};
use reqwest::{Method, StatusCode, header};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::ClientError;
use super::models::{
    Agent, AssignRequest, Block, CompleteRequest, Conversation, Department, Event, HistoryRecord,
    Intervention, Outcome, Page, Problem, Queues, ReasonRequest, Topic, User,
};
use super::retry::{RetryBudget, RetryPolicy, retryable_status};
use crate::config::credentials::Token;

/// One of the five actions with its body, as the client sends it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ActionBody {
    Assign(AssignRequest),
    Reassign(AssignRequest),
    Return(ReasonRequest),
    Cancel(ReasonRequest),
    Complete(CompleteRequest),
}

impl ActionBody {
    pub fn name(&self) -> &'static str {
        match self {
            ActionBody::Assign(_) => "assign",
            ActionBody::Reassign(_) => "reassign",
            ActionBody::Return(_) => "return",
            ActionBody::Cancel(_) => "cancel",
            ActionBody::Complete(_) => "complete",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    /// For the event stream: no total timeout, but a read timeout longer than the keep-alive.
    streaming: reqwest::Client,
    base: String,
    token: Token,
    policy: RetryPolicy,
    budget: Arc<RetryBudget>,
    verbose: u8,
    timeout: Duration,
}

/// Options of one POST.
#[derive(Debug, Clone, Default)]
pub struct Post {
    /// The key that makes a retry safe; a random one is made when None.
    pub idempotency_key: Option<String>,
    pub if_match: Option<i64>,
}

impl Client {
    pub fn new(base: &str, token: Token, verbose: u8) -> Result<Client, ClientError> {
        let timeout = Duration::from_secs(30);
        let http = reqwest::Client::builder()
            .user_agent(concat!("livectl/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(Duration::from_secs(10))
            .timeout(timeout)
            .pool_max_idle_per_host(64)
            .build()
            .map_err(|e| ClientError::Config(format!("cannot set up HTTP: {e}")))?;
        let streaming = reqwest::Client::builder()
            .user_agent(concat!("livectl/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(Duration::from_secs(10))
            .read_timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| ClientError::Config(format!("cannot set up HTTP: {e}")))?;
        Ok(Client {
            http,
            streaming,
            base: base.trim_end_matches('/').to_owned(),
            token,
            policy: RetryPolicy::default(),
            budget: Arc::new(RetryBudget::default()),
            verbose,
            timeout,
        })
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    fn log(&self, level: u8, message: impl FnOnce() -> String) {
        if self.verbose >= level {
            eprintln!("livectl: {}", message());
        }
    }

    /// Sends a request, retrying what is safe to retry, and returns the body of a 2xx answer.
    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&serde_json::Value>,
        post: &Post,
    ) -> Result<(StatusCode, header::HeaderMap, bytes::Bytes), ClientError> {
        let url = format!("{}{path}", self.base);
        let mut retry = 0;
        loop {
            self.budget.on_request();
            let mut request = self
                .http
                .request(method.clone(), &url)
                .header(
                    header::AUTHORIZATION,
                    format!("Bearer {}", self.token.expose()),
                )
                .header(header::ACCEPT, "application/json");
            if let Some(key) = &post.idempotency_key {
                request = request.header("Idempotency-Key", key);
            }
            if let Some(version) = post.if_match {
                request = request.header(header::IF_MATCH, format!("\"{version}\""));
            }
            if let Some(body) = body {
                request = request.json(body);
            }
            self.log(1, || format!("{method} {url}"));
            if let Some(body) = body {
                self.log(3, || format!("  body: {body}"));
            }
            let started = Instant::now();
            let outcome = request.send().await;
            let (error, retry_after) = match outcome {
                Ok(response) => {
                    let status = response.status();
                    let headers = response.headers().clone();
                    self.log(1, || {
                        format!(
                            "  {} in {} ms",
                            status.as_u16(),
                            started.elapsed().as_millis()
                        )
                    });
                    let bytes = match response.bytes().await {
                        Ok(b) => b,
                        Err(e) => {
                            let error = self.transport_error(&url, e);
                            if self.may_retry(&method, post, retry, &error) {
                                self.pause(retry, None).await;
                                retry += 1;
                                continue;
                            }
                            return Err(error);
                        }
                    };
                    if status.is_success() {
                        self.log(3, || {
                            format!("  answer: {}", String::from_utf8_lossy(&bytes))
                        });
                        return Ok((status, headers, bytes));
                    }
                    let error = error_from(status, &headers, &bytes);
                    let retry_after = headers
                        .get(header::RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(retry_after);
                    (error, retry_after)
                }
                Err(e) => (self.transport_error(&url, e), None),
            };
            if self.may_retry(&method, post, retry, &error) {
                self.log(2, || format!("  retrying after: {error}"));
                self.pause(retry, retry_after).await;
                retry += 1;
                continue;
            }
            return Err(error);
        }
    }

    fn may_retry(&self, method: &Method, post: &Post, retry: u32, error: &ClientError) -> bool {
        let safe = *method == Method::GET || post.idempotency_key.is_some();
        let transient = match error {
            ClientError::Connect { .. } | ClientError::Timeout { .. } => true,
            ClientError::Problem { .. } | ClientError::Status { .. } => error
                .status()
                .is_some_and(|s| retryable_status(s, error.code())),
            ClientError::Decode { .. } | ClientError::Config(_) => false,
        };
        safe && transient && retry + 1 < self.policy.attempts && self.budget.try_retry()
    }

    async fn pause(&self, retry: u32, retry_after: Option<Duration>) {
        let delay = self.policy.delay(retry, retry_after);
        self.log(2, || format!("  waiting {} ms", delay.as_millis()));
        tokio::time::sleep(delay).await;
    }

    fn transport_error(&self, url: &str, e: reqwest::Error) -> ClientError {
        if e.is_timeout() {
            return ClientError::Timeout {
                url: url.to_owned(),
                seconds: self.timeout.as_secs(),
            };
        }
        // reqwest's chain says what failed ("connection refused", "connection closed before
        // message completed"); the token is never part of it.
        let mut detail = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            detail = s.to_string();
            source = s.source();
        }
        ClientError::Connect {
            url: url.to_owned(),
            detail,
        }
    }

    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ClientError> {
        let (_, _, bytes) = self.send(Method::GET, path, None, &Post::default()).await?;
        decode(&self.base, path, &bytes)
    }

    pub async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &impl Serialize,
        mut post: Post,
    ) -> Result<T, ClientError> {
        let body = serde_json::to_value(body)
            .map_err(|e| ClientError::Config(format!("cannot encode the request: {e}")))?;
        if post.idempotency_key.is_none() {
            post.idempotency_key = Some(new_key());
        }
        let (_, _, bytes) = self.send(Method::POST, path, Some(&body), &post).await?;
        decode(&self.base, path, &bytes)
    }

    /// A creation by key: the answer and what it did (`Upsert-Result`: created, updated or
    /// unchanged).
    pub async fn post_upsert<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &impl Serialize,
    ) -> Result<(T, Option<String>), ClientError> {
        let body = serde_json::to_value(body)
            .map_err(|e| ClientError::Config(format!("cannot encode the request: {e}")))?;
        let post = Post {
            idempotency_key: Some(new_key()),
            if_match: None,
        };
        let (_, headers, bytes) = self.send(Method::POST, path, Some(&body), &post).await?;
        let result = headers
            .get("upsert-result")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Ok((decode(&self.base, path, &bytes)?, result))
    }

    /// Every item of a list, page after page, each page fetched only as the stream reaches it.
    pub fn all<T: DeserializeOwned + 'static>(
        &self,
        path: impl Into<String>,
        query: Vec<(String, String)>,
        page_size: u32,
    ) -> impl Stream<Item = Result<T, ClientError>> + '_ {
        let path = path.into();
        stream::try_unfold(Some(None::<String>), move |cursor| {
            let path = path.clone();
            let query = query.clone();
            async move {
                let Some(cursor) = cursor else {
                    return Ok(None);
                };
                let page: Page<T> = self
                    .page(&path, &query, page_size, cursor.as_deref())
                    .await?;
                let next = page.next_cursor.map(Some);
                let items = stream::iter(page.items.into_iter().map(Ok::<T, ClientError>));
                Ok(Some((items, next)))
            }
        })
        .try_flatten()
    }

    pub async fn page<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(String, String)],
        limit: u32,
        cursor: Option<&str>,
    ) -> Result<Page<T>, ClientError> {
        let mut pairs: Vec<(&str, &str)> = query
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let limit = limit.to_string();
        pairs.push(("limit", &limit));
        if let Some(c) = cursor {
            pairs.push(("cursor", c));
        }
        self.get(&format!("{path}?{}", encode_query(&pairs))).await
    }

    // ---- the contract's operations ----

    /// Opens `GET /v1/events`, after `last` when resuming.
    pub async fn events(&self, last: Option<i64>) -> Result<reqwest::Response, ClientError> {
        let url = format!("{}/v1/events", self.base);
        let mut request = self
            .streaming
            .get(&url)
            .header(
                header::AUTHORIZATION,
                format!("Bearer {}", self.token.expose()),
            )
            .header(header::ACCEPT, "text/event-stream");
        if let Some(seq) = last {
            request = request.header("Last-Event-ID", seq.to_string());
        }
        self.log(1, || {
            format!(
                "GET {url} (stream{})",
                last.map(|s| format!(" after {s}")).unwrap_or_default()
            )
        });
        let response = request
            .send()
            .await
            .map_err(|e| self.transport_error(&url, e))?;
        if response.status().is_success() {
            return Ok(response);
        }
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.unwrap_or_default();
        Err(error_from(status, &headers, &bytes))
    }

    pub async fn me(&self) -> Result<Agent, ClientError> {
        self.get("/v1/me").await
    }

    pub async fn queues(&self) -> Result<Queues, ClientError> {
        self.get("/v1/queues").await
    }

    pub async fn intervention(&self, id: &str) -> Result<Intervention, ClientError> {
        self.get(&format!("/v1/interventions/{}", path_segment(id)))
            .await
    }

    pub async fn conversation(&self, id: &str) -> Result<Conversation, ClientError> {
        self.get(&format!("/v1/conversations/{}", path_segment(id)))
            .await
    }

    pub async fn user(&self, id: &str) -> Result<User, ClientError> {
        self.get(&format!("/v1/users/{}", path_segment(id))).await
    }

    pub async fn act(
        &self,
        id: &str,
        action: &ActionBody,
        post: Post,
    ) -> Result<Intervention, ClientError> {
        self.post(
            &format!("/v1/interventions/{}/{}", path_segment(id), action.name()),
            action,
            post,
        )
        .await
    }

    pub async fn collect<T: DeserializeOwned + 'static>(
        &self,
        path: &str,
    ) -> Result<Vec<T>, ClientError> {
        self.all(path, Vec::new(), 1000).try_collect().await
    }

    pub async fn agents(&self) -> Result<Vec<Agent>, ClientError> {
        self.collect("/v1/agents").await
    }
    pub async fn departments(&self) -> Result<Vec<Department>, ClientError> {
        self.collect("/v1/departments").await
    }
    pub async fn topics(&self) -> Result<Vec<Topic>, ClientError> {
        self.collect("/v1/topics").await
    }
    pub async fn outcomes(&self) -> Result<Vec<Outcome>, ClientError> {
        self.collect("/v1/outcomes").await
    }
    pub async fn blocks(&self) -> Result<Vec<Block>, ClientError> {
        self.collect("/v1/blocks").await
    }
    pub async fn events_of(&self, intervention: &str) -> Result<Vec<Event>, ClientError> {
        self.all(
            "/v1/audit",
            vec![("intervention_id".into(), intervention.to_owned())],
            1000,
        )
        .try_collect()
        .await
    }
    pub fn history(
        &self,
        user: &str,
        query: Vec<(String, String)>,
    ) -> impl Stream<Item = Result<HistoryRecord, ClientError>> + '_ {
        self.all(
            format!("/v1/users/{}/history", path_segment(user)),
            query,
            1000,
        )
    }
}

fn decode<T: DeserializeOwned>(base: &str, path: &str, bytes: &[u8]) -> Result<T, ClientError> {
    serde_json::from_slice(bytes).map_err(|e| ClientError::Decode {
        url: format!("{base}{path}"),
        detail: e.to_string(),
        body: String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).into_owned(),
    })
}

fn error_from(status: StatusCode, headers: &header::HeaderMap, bytes: &[u8]) -> ClientError {
    let is_problem = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"));
    if is_problem && let Ok(problem) = serde_json::from_slice::<Problem>(bytes) {
        return ClientError::Problem {
            status: status.as_u16(),
            problem: Box::new(problem),
        };
    }
    ClientError::Status {
        status: status.as_u16(),
        reason: status.canonical_reason().unwrap_or("").to_owned(),
        body: String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).into_owned(),
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
    format!("lc-{}", crate::sandbox::store::hex(&bytes))
}

/// Percent-encodes one path segment (an id typed by a user may hold anything).
pub fn path_segment(s: &str) -> String {
    percent(s, false)
}

pub fn encode_query(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent(k, true), percent(v, true)))
        .collect::<Vec<_>>()
        .join("&")
}

fn percent(s: &str, query: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b',' | b':' if query => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::retry_after;
    use std::time::Duration;

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
}
