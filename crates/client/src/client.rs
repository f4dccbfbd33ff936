//! The contract's operations, typed: every URL path the CLI uses is spelled here, and nowhere
//! else. Lists are streams that fetch each page only as they reach it.

use std::sync::Arc;

use futures_util::stream::{self, Stream};
use futures_util::{StreamExt, TryStreamExt};
use reqwest::Method;
use serde::de::DeserializeOwned;

use crate::error::ClientError;
use crate::retry::pass_pause;
use crate::token::Token;
use crate::transport::{Answer, Body, Log, Options, RawAnswer, Transport, decode, decode_page};
use livectl_contract::query::Paged;
use livectl_contract::seed::plan::CatalogInput;
use livectl_contract::{
    Action, ActionKind, Agent, AuditQuery, BatchRequest, BatchResponse, Block, Conversation,
    Department, Event, HistoryQuery, HistoryRecord, Intervention, InterventionQuery,
    InterventionRef, Limit, Me, Page, PageQuery, Queues, Topic, UpsertResult, User,
};

/// The largest page the contract serves: what the client asks for when it wants everything.
pub const FULL_PAGE: u32 = Limit::PageSize.max() as u32;

/// An endpoint of the API, for requests sent as they are (`Client::raw`): its path is spelled
/// here, beside the typed operations'.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Endpoint {
    Me,
    Agents,
    Departments,
    Topics,
    Outcomes,
    Blocks,
    Conversations,
    Interventions,
    /// The interventions in part: what a bulk run plans from.
    InterventionRefs,
    Intervention(String),
    Action(String, ActionKind),
    Audit,
    Batch,
    /// Any path, segment by segment (`livectl api`); each segment is percent-encoded when sent.
    Path(Vec<String>),
}

impl Endpoint {
    fn segments(&self) -> Vec<&str> {
        match self {
            Endpoint::Me => vec!["v1", "me"],
            Endpoint::Agents => vec!["v1", "agents"],
            Endpoint::Departments => vec!["v1", "departments"],
            Endpoint::Topics => vec!["v1", "topics"],
            Endpoint::Outcomes => vec!["v1", "outcomes"],
            Endpoint::Blocks => vec!["v1", "blocks"],
            Endpoint::Conversations => vec!["v1", "conversations"],
            Endpoint::Interventions => vec!["v1", "interventions"],
            Endpoint::InterventionRefs => vec!["v1", "interventions", "refs"],
            Endpoint::Intervention(id) => vec!["v1", "interventions", id],
            Endpoint::Action(id, kind) => vec!["v1", "interventions", id, kind.as_str()],
            Endpoint::Audit => vec!["v1", "audit"],
            Endpoint::Batch => vec!["v1", "batch"],
            Endpoint::Path(segments) => segments.iter().map(String::as_str).collect(),
        }
    }
}

/// The cursors a list was given so far: a platform whose pages go round in a circle (a cursor
/// again, or an empty one) is said to be broken rather than followed for ever.
#[derive(Debug, Default)]
pub struct Cursors(std::collections::HashSet<u64>);

impl Cursors {
    /// The cursor of the page after the one from `url`, checked: None at the end of the list.
    pub fn next(
        &mut self,
        url: &str,
        cursor: Option<String>,
    ) -> Result<Option<String>, ClientError> {
        let Some(cursor) = cursor else {
            return Ok(None);
        };
        let broken = |detail: String| ClientError::Decode {
            url: url.to_owned(),
            detail,
            body: String::new(),
        };
        if cursor.is_empty() {
            return Err(broken(
                "its next_cursor is empty: null ends a list, and a cursor is never empty".into(),
            ));
        }
        let mut hasher = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(&cursor, &mut hasher);
        if !self.0.insert(std::hash::Hasher::finish(&hasher)) {
            let shown: String = cursor
                .chars()
                .filter(|c| !c.is_control())
                .take(40)
                .collect();
            return Err(broken(format!(
                "its next_cursor `{shown}` came before: its pages go round in a circle"
            )));
        }
        Ok(Some(cursor))
    }
}

/// Only the cursor of a page: the items are skipped over, not built.
#[derive(serde::Deserialize)]
struct Cursor {
    next_cursor: Option<String>,
}

impl Cursor {
    /// A page's cursor. The platform writes it last (`...],"next_cursor":"..."}`), so it is read
    /// from the end of the body when it is there; otherwise the whole page is scanned. The next
    /// page is asked for only once this is known: scanning a page of 1,000 records for it took
    /// a tenth of an export's time.
    fn of(url: &reqwest::Url, body: &[u8]) -> Result<Option<String>, ClientError> {
        match Cursor::at_end(body) {
            Some(cursor) => Ok(cursor),
            None => decode::<Cursor>(url, body).map(|c| c.next_cursor),
        }
    }

    /// The cursor when the body ends with it as the page's last member; None when it does not
    /// (then the key found, if any, may be an item's).
    fn at_end(body: &[u8]) -> Option<Option<String>> {
        const KEY: &[u8] = b"\"next_cursor\":";
        const TAIL: usize = 1024;
        let tail = &body[body.len().saturating_sub(TAIL)..];
        let at = tail.windows(KEY.len()).rposition(|w| w == KEY)?;
        // A member of the page follows its object's opening or another member.
        let before = tail[..at].iter().rev().find(|b| !b.is_ascii_whitespace());
        if !matches!(before, Some(b',' | b'{')) {
            return None;
        }
        let rest = &tail[at + KEY.len()..];
        let mut values = serde_json::Deserializer::from_slice(rest).into_iter::<Option<String>>();
        let cursor = values.next()?.ok()?;
        let mut after = rest[values.byte_offset()..]
            .iter()
            .filter(|b| !b.is_ascii_whitespace());
        (after.next() == Some(&b'}') && after.next().is_none()).then_some(cursor)
    }
}

/// A request sent once and exactly as described: no key or version is added, nothing retried.
#[derive(Debug, Clone)]
pub struct RawRequest {
    pub method: Method,
    pub endpoint: Endpoint,
    pub query: Vec<(String, String)>,
    pub body: Option<serde_json::Value>,
    /// `Idempotency-Key` and `If-Match`, sent only when given.
    pub options: Options,
}

impl RawRequest {
    /// The body as sent: encoded once for every attempt.
    fn encoded_body(&self) -> Result<Option<Body>, ClientError> {
        self.body.as_ref().map(Body::json).transpose()
    }

    pub fn get(endpoint: Endpoint) -> RawRequest {
        RawRequest {
            method: Method::GET,
            endpoint,
            query: Vec::new(),
            body: None,
            options: Options::default(),
        }
    }

    pub fn post(endpoint: Endpoint, body: serde_json::Value) -> RawRequest {
        RawRequest {
            method: Method::POST,
            body: Some(body),
            ..RawRequest::get(endpoint)
        }
    }

    /// `POST /v1/interventions/{id}/{action}` with the action's body.
    pub fn action(id: &str, action: &Action) -> RawRequest {
        // The contract's request types always encode.
        let body = serde_json::to_value(action.body()).unwrap_or_default();
        RawRequest::post(Endpoint::Action(id.to_owned(), action.kind()), body)
    }

    /// Adds a query parameter.
    pub fn query(mut self, name: &str, value: &str) -> RawRequest {
        self.query.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn idempotency_key(mut self, key: &str) -> RawRequest {
        self.options.idempotency_key = Some(key.to_owned());
        self
    }

    pub fn if_match(mut self, version: i64) -> RawRequest {
        self.options.if_match = Some(version);
        self
    }
}

/// A `/v1/batch` request encoded for sending: a large batch can be encoded on another thread
/// while the one before it is on its way.
#[derive(Debug, Clone)]
pub struct EncodedBatch(Body);

impl EncodedBatch {
    pub fn new(request: &BatchRequest) -> Result<EncodedBatch, ClientError> {
        Body::json_as_written(request).map(EncodedBatch)
    }
}

/// `POST /v1/interventions/{id}/{action}`: its URL and body (`Lane::act`).
pub(crate) fn action_request(
    transport: &Transport,
    id: &str,
    action: &Action,
) -> Result<(reqwest::Url, Body), ClientError> {
    let endpoint = Endpoint::Action(id.to_owned(), action.kind());
    Ok((
        transport.url(&endpoint.segments()),
        Body::json(&action.body())?,
    ))
}

#[derive(Debug, Clone)]
pub struct Client {
    pub(crate) transport: Transport,
    /// The token's agent, asked for once: a command that needs it in several places (a
    /// filter's check of what the agent may see, then the run's plan) asks the platform once.
    me: Arc<tokio::sync::OnceCell<Me>>,
}

impl Client {
    pub fn new(base: &str, token: Token, log: Log) -> Result<Client, ClientError> {
        Ok(Client {
            transport: Transport::new(base, token, log)?,
            me: Arc::default(),
        })
    }

    /// The API's address, as given.
    pub fn base(&self) -> &str {
        self.transport.base()
    }

    /// A connection of one worker's own, for a bulk run (see `Lane`).
    pub fn lane(&self) -> crate::Lane {
        crate::Lane::new(self.transport.clone())
    }

    /// No request of this client (its lanes and every client sharing its transport) is retried
    /// from now on: a request in flight ends with its own answer or error, and a retry waiting
    /// for its turn gives up with the error it would have retried. For a run that is stopping
    /// (a bulk run's Ctrl-C), or that cannot wait for a retry (a shell's completion).
    pub fn stop_retrying(&self) {
        self.transport.budget.close();
    }

    /// The same client acting with another token.
    pub fn with_token(&self, token: Token) -> Client {
        Client {
            transport: self.transport.with_token(token),
            me: Arc::default(),
        }
    }

    /// Sends a request once, as described, and returns whatever the server answered (status,
    /// headers, body): for checking the contract itself. An error only when no answer came.
    pub async fn raw(&self, request: &RawRequest) -> Result<RawAnswer, ClientError> {
        let url = self.raw_url(request);
        self.transport
            .once(
                &request.method,
                &url,
                request.encoded_body()?.as_ref(),
                &request.options,
            )
            .await
    }

    /// `GET /healthz`, sent once: what `livectl sandbox wait` waits for.
    pub async fn health(&self) -> Result<RawAnswer, ClientError> {
        let path = livectl_contract::health::PATH;
        self.raw(&RawRequest::get(Endpoint::Path(vec![path.into()])))
            .await
    }

    /// Whether the platform is a sandbox that serves the user's demo workspace, as its
    /// `GET /healthz` says; no for any other answer, or none.
    pub async fn serves_demo(&self) -> bool {
        use livectl_contract::health::{DEMO, WORKSPACE};
        self.health()
            .await
            .is_ok_and(|answer| answer.header(WORKSPACE) == Some(DEMO))
    }

    /// Sends a request with the client's policy, as every command's request goes: retried when
    /// safe, a request that changes something given an `Idempotency-Key` unless it has one, and
    /// answered with a 2xx or an error.
    pub async fn send(&self, request: &RawRequest) -> Result<Answer, ClientError> {
        self.send_answered(request)
            .await
            .map_err(|(error, _)| error)
    }

    /// Sends a request as `send` does; an error comes with the answer that said it, when one
    /// came (its status, headers and body, for `api -i`).
    pub async fn send_answered(
        &self,
        request: &RawRequest,
    ) -> Result<Answer, (ClientError, Option<RawAnswer>)> {
        let mut options = request.options.clone();
        if request.method != Method::GET {
            options = options.keyed();
        }
        let url = self.raw_url(request);
        let body = request.encoded_body().map_err(|e| (e, None))?;
        self.transport
            .send_answered(request.method.clone(), url, body.as_ref(), &options)
            .await
    }

    fn raw_url(&self, request: &RawRequest) -> reqwest::Url {
        let mut url = self.transport.url(&request.endpoint.segments());
        if !request.query.is_empty() {
            url.query_pairs_mut().extend_pairs(&request.query);
        }
        url
    }

    async fn get<T: DeserializeOwned>(&self, segments: &[&str]) -> Result<T, ClientError> {
        let url = self.transport.url(segments);
        let answer = self
            .transport
            .send(Method::GET, url.clone(), None, &Options::default())
            .await?;
        decode(&url, &answer.body)
    }

    /// One page of a list.
    pub async fn page<T: DeserializeOwned, Q: Paged>(
        &self,
        segments: &[&str],
        query: &Q,
    ) -> Result<Page<T>, ClientError> {
        let (url, body) = self.page_body(segments, query).await?;
        decode_page(&url, &body)
    }

    /// One page of a list as the server sent it, not yet decoded.
    async fn page_body<Q: Paged>(
        &self,
        segments: &[&str],
        query: &Q,
    ) -> Result<(reqwest::Url, bytes::Bytes), ClientError> {
        let mut url = self.transport.url(segments);
        let pairs = serde_urlencoded::to_string(query)
            .map_err(|e| ClientError::Config(format!("cannot encode the query: {e}")))?;
        url.set_query(Some(&pairs).filter(|p| !p.is_empty()).map(String::as_str));
        let answer = self
            .transport
            .send(Method::GET, url.clone(), None, &Options::default())
            .await?;
        Ok((url, answer.body))
    }

    /// Every item of a list, page after page, each page fetched only as the stream reaches it.
    pub fn list<'a, T: DeserializeOwned + 'a, Q: Paged + 'a>(
        &'a self,
        segments: &[&str],
        query: Q,
        page_size: u32,
    ) -> impl Stream<Item = Result<T, ClientError>> + use<'a, T, Q> {
        let segments: Vec<String> = segments.iter().map(|s| (*s).to_owned()).collect();
        let start = (Some(None::<String>), Cursors::default());
        stream::try_unfold(start, move |(cursor, mut cursors)| {
            let mut query = query.clone();
            let segments = segments.clone();
            async move {
                let Some(cursor) = cursor else {
                    return Ok(None);
                };
                query.set_page(page_size, cursor);
                let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
                let (url, body) = self.page_body(&segments, &query).await?;
                let page: Page<T> = decode_page(&url, &body)?;
                let next = cursors.next(url.as_str(), page.next_cursor)?.map(Some);
                let items = stream::iter(page.items.into_iter().map(Ok::<T, ClientError>));
                Ok(Some((items, (next, cursors))))
            }
        })
        .try_flatten()
    }

    /// Every item of a list that will be read to its end (an export, a whole catalog): the next
    /// page is asked for and decoded while the caller works through the current one. At most
    /// three pages are held: the one being read, one waiting, one arriving. A page that failed
    /// for a reason that may pass is asked for again in up to `passes` more passes, after
    /// `pass_pause`.
    pub fn list_ahead<T, Q>(
        &self,
        segments: &[&str],
        query: Q,
        page_size: u32,
        passes: u32,
    ) -> impl Stream<Item = Result<T, ClientError>> + use<T, Q>
    where
        T: DeserializeOwned + Send + 'static,
        Q: Paged + Send + Sync + 'static,
    {
        let (pages, received) = tokio::sync::mpsc::channel::<Result<Vec<T>, ClientError>>(1);
        let client = self.clone();
        let segments: Vec<String> = segments.iter().map(|s| (*s).to_owned()).collect();
        // The page after this one is asked for as soon as this one's cursor is read, and this
        // one is decoded while the server makes the next: the server never waits on the client.
        let fetch = move |cursor: Option<String>| {
            let client = client.clone();
            let segments = segments.clone();
            let mut query = query.clone();
            query.set_page(page_size, cursor);
            tokio::spawn(async move {
                let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
                let mut pass = 0;
                loop {
                    match client.page_body(&segments, &query).await {
                        Err(e) if e.is_transient() && pass < passes => {
                            pass += 1;
                            let pause = pass_pause(pass, e.retry_after());
                            client.transport.log(2, || {
                                format!(
                                    "  asking for {} again in {} ms (pass {pass} of {passes}) after: {e}",
                                    e.request().unwrap_or("the page"),
                                    pause.as_millis()
                                )
                            });
                            tokio::time::sleep(pause).await;
                        }
                        page => return page,
                    }
                }
            })
        };
        tokio::spawn(async move {
            let mut cursors = Cursors::default();
            let mut next = Some(fetch(None));
            while let Some(mut fetching) = next.take() {
                // A reader that went away (it stopped early, or its run ended) stops a page
                // waiting to be asked for again, too.
                let page = tokio::select! {
                    page = &mut fetching => page,
                    () = pages.closed() => {
                        fetching.abort();
                        return;
                    }
                };
                let page = match page {
                    Ok(page) => page,
                    // The fetch panicked: the runtime says so already; the list ends here.
                    Err(_) => return,
                };
                let (url, body) = match page {
                    Ok(page) => page,
                    Err(e) => {
                        let _ = pages.send(Err(e)).await;
                        return;
                    }
                };
                let cursor =
                    Cursor::of(&url, &body).and_then(|cursor| cursors.next(url.as_str(), cursor));
                if let Ok(Some(cursor)) = &cursor {
                    next = Some(fetch(Some(cursor.clone())));
                }
                // Decoded on another thread: on a runtime of one thread, the next fetch sends
                // its request, and the reader writes the previous page, while this one decodes.
                let items = match cursor {
                    Ok(_) => {
                        let at = url.to_string();
                        tokio::task::spawn_blocking(move || {
                            decode_page::<T>(&url, &body).map(|p| p.items)
                        })
                        .await
                        .unwrap_or_else(|e| {
                            Err(ClientError::Decode {
                                url: at,
                                detail: format!("decoding stopped: {e}"),
                                body: String::new(),
                            })
                        })
                    }
                    Err(e) => Err(e),
                };
                let failed = items.is_err();
                // The reader went away (it stopped early): nothing more to fetch.
                if pages.send(items).await.is_err() || failed {
                    if let Some(fetching) = next {
                        fetching.abort();
                    }
                    return;
                }
            }
        });
        // The reader is handed the items one by one, and the thread every `TURN` items: on a
        // runtime of one thread, the fetch of the next page waits for the reader otherwise.
        const TURN: usize = 64;
        let items = Vec::new().into_iter();
        stream::unfold(
            (received, items, 0usize),
            |(mut received, mut items, handed)| async move {
                let item = loop {
                    if let Some(item) = items.next() {
                        break item;
                    }
                    match received.recv().await? {
                        Ok(page) => items = page.into_iter(),
                        Err(e) => return Some((Err(e), (received, items, handed))),
                    }
                };
                if handed % TURN == TURN - 1 {
                    tokio::task::yield_now().await;
                }
                Some((Ok(item), (received, items, handed + 1)))
            },
        )
    }

    async fn collect<T: DeserializeOwned + Send + 'static>(
        &self,
        segments: &[&str],
    ) -> Result<Vec<T>, ClientError> {
        self.list_ahead(segments, PageQuery::default(), FULL_PAGE, 0)
            .try_collect()
            .await
    }

    async fn post<T: DeserializeOwned>(
        &self,
        segments: &[&str],
        body: &Body,
        options: Options,
    ) -> Result<(T, reqwest::header::HeaderMap), ClientError> {
        let options = options.keyed();
        let url = self.transport.url(segments);
        let answer = self
            .transport
            .send(Method::POST, url.clone(), Some(body), &options)
            .await?;
        Ok((decode(&url, &answer.body)?, answer.headers))
    }

    // ---- the contract's operations ----

    /// The agent the token belongs to, and its workspace: asked once for this client (and its
    /// clones), the first answer kept for the client's life. A long run (the console, the
    /// autopilot) judges with the role it started with; a role changed meanwhile is the
    /// platform's to enforce, as every request is.
    pub async fn me(&self) -> Result<Me, ClientError> {
        self.me
            .get_or_try_init(|| self.get(&["v1", "me"]))
            .await
            .cloned()
    }

    pub async fn queues(&self) -> Result<Queues, ClientError> {
        self.get(&["v1", "queues"]).await
    }

    pub async fn intervention(&self, id: &str) -> Result<Intervention, ClientError> {
        self.get(&["v1", "interventions", id]).await
    }

    /// One intervention in part (its id, state, owner, department and version), as a plan by
    /// ids looks each up: the same `GET`, the rest of the answer not decoded.
    pub async fn intervention_ref(&self, id: &str) -> Result<InterventionRef, ClientError> {
        self.get(&["v1", "interventions", id]).await
    }

    pub async fn conversation(&self, id: &str) -> Result<Conversation, ClientError> {
        self.get(&["v1", "conversations", id]).await
    }

    pub async fn user(&self, id: &str) -> Result<User, ClientError> {
        self.get(&["v1", "users", id]).await
    }

    /// Runs an action. `T` is the answer wanted: `Intervention`, or `IgnoredAny` when only
    /// whether it acted matters.
    pub async fn act<T: DeserializeOwned>(
        &self,
        id: &str,
        action: &Action,
        options: Options,
    ) -> Result<T, ClientError> {
        // The one way an action is sent, here through the pool.
        crate::Lane::pooled(self.transport.clone())
            .act(id, action, options)
            .await
    }

    /// The interventions matching a query.
    pub fn interventions(
        &self,
        query: InterventionQuery,
        page_size: u32,
    ) -> impl Stream<Item = Result<Intervention, ClientError>> + '_ {
        self.list(&Endpoint::Interventions.segments(), query, page_size)
    }

    /// All the interventions matching a query, in part (what a plan needs: the platform sends
    /// no more), the next page asked for while this one is decoded: for a reader that takes
    /// every page (a bulk run's plan). A page that failed for a reason that may pass is asked
    /// for again in up to `passes` more passes, as a run's items are sent again in its
    /// end-of-run passes: a run lives on its listing, and losing one page would stop it whole.
    pub fn intervention_refs_ahead(
        &self,
        query: InterventionQuery,
        page_size: u32,
        passes: u32,
    ) -> impl Stream<Item = Result<InterventionRef, ClientError>> + use<> {
        self.list_ahead(
            &Endpoint::InterventionRefs.segments(),
            query,
            page_size,
            passes,
        )
    }

    /// `intervention_refs_ahead`, or on a platform that answers its first page 404 (it has no
    /// `/v1/interventions/refs` yet: they came with the contract's bulk runs by filters) the
    /// same pages listed whole, each intervention taken in part; said at `-v`. What a plan
    /// lists; the conformance suite asks for the refs alone.
    pub fn intervention_refs_or_whole_ahead(
        &self,
        query: InterventionQuery,
        page_size: u32,
        passes: u32,
    ) -> impl Stream<Item = Result<InterventionRef, ClientError>> + use<> {
        let refs = self.intervention_refs_ahead(query.clone(), page_size, passes);
        let client = self.clone();
        stream::once(async move {
            let mut refs = Box::pin(refs);
            match refs.next().await {
                Some(Err(e)) if e.status() == Some(404) => {
                    let whole = Endpoint::Interventions.segments();
                    client.transport.log(1, || {
                        format!(
                            "  {} answered 404: listing /{} whole instead",
                            e.request().unwrap_or("the first page of refs"),
                            whole.join("/")
                        )
                    });
                    // The same fields, read from each whole intervention.
                    client
                        .list_ahead::<InterventionRef, _>(&whole, query, page_size, passes)
                        .boxed()
                }
                // Not polled again once it ended: a listing is not to be asked past its end.
                Some(first) => stream::iter([first]).chain(refs).boxed(),
                None => stream::empty().boxed(),
            }
        })
        .flatten()
    }

    /// The first page of interventions matching a query.
    pub async fn interventions_page(
        &self,
        query: &InterventionQuery,
    ) -> Result<Page<Intervention>, ClientError> {
        self.page(&Endpoint::Interventions.segments(), query).await
    }

    /// One intervention's events, oldest first: its timeline.
    pub async fn events_of(&self, intervention: &str) -> Result<Vec<Event>, ClientError> {
        let query = AuditQuery {
            intervention_id: Some(intervention.to_owned()),
            ..AuditQuery::default()
        };
        self.audit(query).try_collect().await
    }

    /// The audit log.
    pub fn audit(&self, query: AuditQuery) -> impl Stream<Item = Result<Event, ClientError>> + '_ {
        self.list(&["v1", "audit"], query, FULL_PAGE)
    }

    /// A user's history, or everyone's when `user` is None.
    pub fn history(
        &self,
        user: Option<&str>,
        query: HistoryQuery,
    ) -> impl Stream<Item = Result<HistoryRecord, ClientError>> + use<> {
        self.history_as(user, query)
    }

    /// The same records as the platform wrote them, each a JSON object checked but not
    /// decoded: an NDJSON export passes them on at the speed the platform sends them.
    pub fn history_raw(
        &self,
        user: Option<&str>,
        query: HistoryQuery,
    ) -> impl Stream<Item = Result<Box<serde_json::value::RawValue>, ClientError>> + use<> {
        self.history_as(user, query)
    }

    fn history_as<T: DeserializeOwned + Send + 'static>(
        &self,
        user: Option<&str>,
        query: HistoryQuery,
    ) -> impl Stream<Item = Result<T, ClientError>> + use<T> {
        match user {
            Some(id) => self.list_ahead(&["v1", "users", id, "history"], query, FULL_PAGE, 0),
            None => self.list_ahead(&["v1", "history"], query, FULL_PAGE, 0),
        }
    }

    pub async fn agents(&self) -> Result<Vec<Agent>, ClientError> {
        self.collect(&["v1", "agents"]).await
    }
    pub async fn departments(&self) -> Result<Vec<Department>, ClientError> {
        self.collect(&["v1", "departments"]).await
    }
    pub async fn topics(&self) -> Result<Vec<Topic>, ClientError> {
        self.collect(&["v1", "topics"]).await
    }
    pub async fn outcomes(&self) -> Result<Vec<livectl_contract::Outcome>, ClientError> {
        self.collect(&["v1", "outcomes"]).await
    }
    pub async fn blocks(&self) -> Result<Vec<Block>, ClientError> {
        self.collect(&["v1", "blocks"]).await
    }
    pub async fn users(&self) -> Result<Vec<User>, ClientError> {
        self.collect(&["v1", "users"]).await
    }

    /// A creation of the catalog by key: the new row's id and what the upsert did.
    pub async fn upsert(
        &self,
        input: &CatalogInput,
    ) -> Result<(String, UpsertResult), ClientError> {
        let collection = match input {
            CatalogInput::Department(_) => "departments",
            CatalogInput::Agent(_) => "agents",
            CatalogInput::Topic(_) => "topics",
            CatalogInput::Outcome(_) => "outcomes",
            CatalogInput::Block(_) => "blocks",
        };
        let body = Body::json(input)?;
        let (answer, headers): (serde_json::Value, _) = self
            .post(&["v1", collection], &body, Options::default())
            .await?;
        let url = self.transport.url(&["v1", collection]);
        let id = answer
            .get("id")
            .and_then(|v| v.as_str())
            .ok_or_else(|| ClientError::Decode {
                url: url.to_string(),
                detail: "the answer has no string `id`".into(),
                body: answer.to_string().chars().take(200).collect(),
            })?
            .to_owned();
        let result = headers
            .get("upsert-result")
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                v.parse::<UpsertResult>().map_err(|e| ClientError::Decode {
                    url: url.to_string(),
                    detail: format!("Upsert-Result: {e}"),
                    body: String::new(),
                })
            })
            .transpose()?
            .unwrap_or(UpsertResult::Created);
        Ok((id, result))
    }

    /// Creations and actions in one transaction.
    pub async fn batch(&self, request: &EncodedBatch) -> Result<BatchResponse, ClientError> {
        let (answer, _) = self
            .post(&["v1", "batch"], &request.0, Options::default())
            .await?;
        Ok(answer)
    }

    /// Sets an agent's status: its own, or anyone's for an admin. The agent as it now is.
    pub async fn set_status(
        &self,
        agent: &str,
        request: &livectl_contract::StatusRequest,
    ) -> Result<Agent, ClientError> {
        let body = Body::json(request)?;
        let (answer, _) = self
            .post(
                &["v1", "agents", agent, "status"],
                &body,
                Options::default(),
            )
            .await?;
        Ok(answer)
    }

    /// Follows the event stream after `after` (from the next change when None).
    pub fn events(&self, after: Option<i64>) -> crate::events::EventStream<'_> {
        crate::events::EventStream::new(self, after)
    }

    /// An outage to ride out under the client's one policy (`outage.rs`): for a caller that
    /// follows the platform for long and tries again while it is gone.
    pub fn outage(&self) -> crate::outage::Outage<'_> {
        crate::outage::Outage::new(self)
    }

    pub(crate) fn events_url(&self) -> reqwest::Url {
        self.transport.url(&["v1", "events"])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_raw_request_names_its_endpoint_and_encodes_its_query() {
        let client = Client::new("http://127.0.0.1:1/api", Token::new("t"), Log::silent()).unwrap();
        let action = Action::Cancel(Default::default());
        let request = RawRequest::action("iv_1/../x", &action)
            .query("limit", "not a number")
            .idempotency_key("k")
            .if_match(3);
        assert_eq!(
            client.raw_url(&request).as_str(),
            "http://127.0.0.1:1/api/v1/interventions/iv_1%2F..%2Fx/cancel?limit=not+a+number"
        );
        assert_eq!(request.body, Some(serde_json::json!({})));
        assert_eq!(request.options.if_match, Some(3));
        let me = RawRequest::get(Endpoint::Me);
        assert_eq!(client.raw_url(&me).as_str(), "http://127.0.0.1:1/api/v1/me");
        assert!(me.body.is_none() && me.options.idempotency_key.is_none());
    }
}

#[cfg(test)]
mod cursor_tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn url() -> reqwest::Url {
        reqwest::Url::parse("http://127.0.0.1/v1/history").expect("url")
    }

    /// An item: members named like the page's own, values with quotes, braces and escapes.
    fn item() -> impl Strategy<Value = BTreeMap<String, Option<String>>> {
        let key = prop_oneof![
            Just("next_cursor".to_owned()),
            Just("items".to_owned()),
            "[a-z_]{1,8}"
        ];
        let value = proptest::option::of(r#"[a-z"\\{}:,\] ]{0,12}"#);
        proptest::collection::btree_map(key, value, 0..4)
    }

    proptest! {
        /// Read from the end or scanned whole, a page's cursor is the one the whole page
        /// decodes to, whatever the items hold and wherever the cursor is written.
        #[test]
        fn the_cursor_read_from_the_end_is_the_page_s(
            items in proptest::collection::vec(item(), 0..5),
            cursor in proptest::option::of(r#"[A-Za-z0-9_"\\-]{0,40}"#),
            cursor_first in any::<bool>(),
            spaced in any::<bool>(),
        ) {
            // Written by hand: serde_json's maps would put the members in key order.
            let items = if spaced {
                serde_json::to_string_pretty(&items).expect("items")
            } else {
                serde_json::to_string(&items).expect("items")
            };
            let next = serde_json::to_string(&cursor).expect("cursor");
            let (gap, end) = if spaced { (" ", "\n") } else { ("", "") };
            let body = if cursor_first {
                format!(r#"{{"next_cursor":{gap}{next},{gap}"items":{gap}{items}{end}}}"#)
            } else {
                format!(r#"{{"items":{gap}{items},{gap}"next_cursor":{gap}{next}{end}}}"#)
            }
            .into_bytes();
            prop_assert_eq!(Cursor::of(&url(), &body).expect("cursor"), cursor.clone());
            if let Some(found) = Cursor::at_end(&body) {
                prop_assert_eq!(found, cursor);
            }
        }

        /// A page cut short or followed by anything: no panic, and no cursor read from the end
        /// where the whole page decodes to another.
        #[test]
        fn a_damaged_page_gives_its_cursor_or_an_error(
            items in proptest::collection::vec(item(), 0..3),
            cursor in proptest::option::of("[a-z0-9]{0,12}"),
            cut in any::<proptest::sample::Index>(),
            tail in proptest::collection::vec(any::<u8>(), 0..24),
            append in any::<bool>(),
        ) {
            let page = serde_json::json!({ "items": items, "next_cursor": cursor });
            let mut body = serde_json::to_vec(&page).expect("encode");
            if append {
                body.extend_from_slice(&tail);
            } else {
                body.truncate(cut.index(body.len() + 1));
            }
            let whole = decode::<Cursor>(&url(), &body).ok().map(|c| c.next_cursor);
            if let (Some(found), Some(whole)) = (Cursor::at_end(&body), whole) {
                prop_assert_eq!(found, whole);
            }
            let _ = Cursor::of(&url(), &body);
        }
    }

    #[test]
    fn a_page_written_by_the_platform_has_its_cursor_read_from_the_end() {
        let body = br#"{"items":[{"next_cursor":"an item's"}],"next_cursor":"c2"}"#;
        assert_eq!(Cursor::at_end(body), Some(Some("c2".to_owned())));
        let last = br#"{"items":[],"next_cursor":null}"#;
        assert_eq!(Cursor::at_end(last), Some(None));
        let nested_last = br#"{"items":[{"next_cursor":"an item's"}]}"#;
        assert_eq!(
            Cursor::at_end(nested_last),
            None,
            "an item's key is not the page's"
        );
        assert_eq!(Cursor::of(&url(), nested_last).expect("decoded"), None);
    }
}
