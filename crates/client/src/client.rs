//! The contract's operations, typed: every URL path the CLI uses is spelled here, and nowhere
//! else. Lists are streams that fetch each page only as they reach it.

use futures_util::TryStreamExt;
use futures_util::stream::{self, Stream};
use reqwest::Method;
use serde::de::DeserializeOwned;

use crate::error::ClientError;
use crate::token::Token;
use crate::transport::{Log, Options, Transport, decode, encode, new_key};
use livectl_contract::query::Paged;
use livectl_contract::seed::plan::CatalogInput;
use livectl_contract::{
    Action, Agent, AuditQuery, BatchRequest, BatchResponse, Block, Conversation, Department, Event,
    HistoryQuery, HistoryRecord, Intervention, InterventionQuery, Limit, Me, Page, PageQuery,
    Queues, Topic, UpsertResult, User,
};

/// The largest page the contract serves: what the client asks for when it wants everything.
pub const FULL_PAGE: u32 = Limit::PageSize.max() as u32;

#[derive(Debug, Clone)]
pub struct Client {
    pub(crate) transport: Transport,
}

impl Client {
    pub fn new(base: &str, token: Token, log: Log) -> Result<Client, ClientError> {
        Ok(Client {
            transport: Transport::new(base, token, log)?,
        })
    }

    /// The API's address, as given.
    pub fn base(&self) -> &str {
        self.transport.base()
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
        let mut url = self.transport.url(segments);
        let pairs = serde_urlencoded::to_string(query)
            .map_err(|e| ClientError::Config(format!("cannot encode the query: {e}")))?;
        url.set_query(Some(&pairs).filter(|p| !p.is_empty()).map(String::as_str));
        let answer = self
            .transport
            .send(Method::GET, url.clone(), None, &Options::default())
            .await?;
        decode(&url, &answer.body)
    }

    /// Every item of a list, page after page, each page fetched only as the stream reaches it.
    pub fn list<'a, T: DeserializeOwned + 'a, Q: Paged + 'a>(
        &'a self,
        segments: &[&str],
        query: Q,
        page_size: u32,
    ) -> impl Stream<Item = Result<T, ClientError>> + use<'a, T, Q> {
        let segments: Vec<String> = segments.iter().map(|s| (*s).to_owned()).collect();
        stream::try_unfold(Some(None::<String>), move |cursor| {
            let mut query = query.clone();
            let segments = segments.clone();
            async move {
                let Some(cursor) = cursor else {
                    return Ok(None);
                };
                query.set_page(page_size, cursor);
                let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
                let page: Page<T> = self.page(&segments, &query).await?;
                let next = page.next_cursor.map(Some);
                let items = stream::iter(page.items.into_iter().map(Ok::<T, ClientError>));
                Ok(Some((items, next)))
            }
        })
        .try_flatten()
    }

    async fn collect<T: DeserializeOwned>(&self, segments: &[&str]) -> Result<Vec<T>, ClientError> {
        self.list(segments, PageQuery::default(), FULL_PAGE)
            .try_collect()
            .await
    }

    async fn post<T: DeserializeOwned>(
        &self,
        segments: &[&str],
        body: &serde_json::Value,
        mut options: Options,
    ) -> Result<(T, reqwest::header::HeaderMap), ClientError> {
        if options.idempotency_key.is_none() {
            options.idempotency_key = Some(new_key());
        }
        let url = self.transport.url(segments);
        let answer = self
            .transport
            .send(Method::POST, url.clone(), Some(body), &options)
            .await?;
        Ok((decode(&url, &answer.body)?, answer.headers))
    }

    // ---- the contract's operations ----

    /// The agent the token belongs to, and its workspace.
    pub async fn me(&self) -> Result<Me, ClientError> {
        self.get(&["v1", "me"]).await
    }

    pub async fn queues(&self) -> Result<Queues, ClientError> {
        self.get(&["v1", "queues"]).await
    }

    pub async fn intervention(&self, id: &str) -> Result<Intervention, ClientError> {
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
        let body = encode(&action.body())?;
        let (answer, _) = self
            .post(&["v1", "interventions", id, action.name()], &body, options)
            .await?;
        Ok(answer)
    }

    /// The interventions matching a query.
    pub fn interventions(
        &self,
        query: InterventionQuery,
        page_size: u32,
    ) -> impl Stream<Item = Result<Intervention, ClientError>> + '_ {
        self.list(&["v1", "interventions"], query, page_size)
    }

    /// The first page of interventions matching a query.
    pub async fn interventions_page(
        &self,
        query: &InterventionQuery,
    ) -> Result<Page<Intervention>, ClientError> {
        self.page(&["v1", "interventions"], query).await
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
    ) -> impl Stream<Item = Result<HistoryRecord, ClientError>> + '_ {
        match user {
            Some(id) => self.list(&["v1", "users", id, "history"], query, FULL_PAGE),
            None => self.list(&["v1", "history"], query, FULL_PAGE),
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
        let body = encode(input)?;
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
    pub async fn batch(&self, request: &BatchRequest) -> Result<BatchResponse, ClientError> {
        let body = encode(request)?;
        let (answer, _) = self
            .post(&["v1", "batch"], &body, Options::default())
            .await?;
        Ok(answer)
    }

    /// Follows the event stream after `after` (from the next change when None).
    pub fn events(&self, after: Option<i64>) -> crate::events::EventStream<'_> {
        crate::events::EventStream::new(self, after)
    }

    pub(crate) fn events_url(&self) -> reqwest::Url {
        self.transport.url(&["v1", "events"])
    }
}
