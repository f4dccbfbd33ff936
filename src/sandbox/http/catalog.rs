//! `/v1/me`, agents, the catalog and users.

use axum::extract::State;
use axum::response::Response;

use super::extract::{Bearer, Id, IdempotencyKey, JsonBody, Q};
use super::{App, json};
use crate::api::models::{
    Agent, AgentInput, Block, Department, NamedInput, Outcome, Page, PageQuery, Problem, Topic,
    TopicInput, User,
};
use crate::sandbox::error::ApiError;
use crate::sandbox::store::catalog::{self as store, NamedRow};
use crate::sandbox::store::{Reply, Upserted};

fn created(upserted: Upserted) -> u16 {
    if upserted == Upserted::Created {
        201
    } else {
        200
    }
}

fn upsert_reply<T: serde::Serialize>(value: &T, upserted: Upserted) -> Result<Reply, ApiError> {
    let mut reply = Reply::new(created(upserted), value)?;
    reply.upsert = Some(upserted);
    Ok(reply)
}

/// The agent the token belongs to.
#[utoipa::path(get, path = "/v1/me", tag = "agents",
    responses((status = 200, body = Agent), (status = 401, body = Problem)))]
pub async fn me(State(app): State<App>, Bearer(token): Bearer) -> Result<Response, ApiError> {
    let agent = app
        .read(token, |conn, caller| {
            store::get_agent(conn, &crate::api::ids::Kind::Agent.id(caller.agent_id))
        })
        .await?;
    json(&agent)
}

#[utoipa::path(get, path = "/v1/agents", tag = "agents", params(PageQuery),
    responses((status = 200, body = Page<Agent>), (status = 400, body = Problem), (status = 401, body = Problem)))]
pub async fn list_agents(
    State(app): State<App>,
    Bearer(token): Bearer,
    Q(q): Q<PageQuery>,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, _| {
            store::list_agents(conn, q.limit, q.cursor.as_deref())
        })
        .await?,
    )
}

#[utoipa::path(get, path = "/v1/agents/{id}", tag = "agents", params(("id" = String, Path)),
    responses((status = 200, body = Agent), (status = 404, body = Problem)))]
pub async fn get_agent(
    State(app): State<App>,
    Bearer(token): Bearer,
    Id(id): Id,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, _| store::get_agent(conn, &id))
            .await?,
    )
}

/// Creates an agent, or updates the one with the same key (admin only).
#[utoipa::path(post, path = "/v1/agents", tag = "agents", request_body = AgentInput,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = Agent), (status = 200, description = "an agent with this key existed", body = Agent),
        (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_agent(
    State(app): State<App>,
    Bearer(token): Bearer,
    IdempotencyKey(key): IdempotencyKey,
    input: JsonBody<AgentInput>,
) -> Result<Response, ApiError> {
    let body = input.body;
    app.post(
        token,
        key,
        "/v1/agents".into(),
        &input.value,
        move |tx, caller, _| {
            caller.require_admin()?;
            let (agent, upserted) = store::upsert_agent(tx, &body)?;
            upsert_reply(&agent, upserted)
        },
    )
    .await
}

async fn list_named<T: NamedRow + serde::Serialize + Send + 'static>(
    app: App,
    token: String,
    q: PageQuery,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, _| {
            store::list_named::<T>(conn, q.limit, q.cursor.as_deref())
        })
        .await?,
    )
}

async fn get_named<T: NamedRow + serde::Serialize + Send + 'static>(
    app: App,
    token: String,
    id: String,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, _| store::get_named::<T>(conn, &id))
            .await?,
    )
}

async fn create_named<T: NamedRow + serde::Serialize + Send + 'static>(
    app: App,
    token: String,
    key: Option<String>,
    path: &str,
    input: JsonBody<NamedInput>,
) -> Result<Response, ApiError> {
    let body = input.body;
    app.post(
        token,
        key,
        path.into(),
        &input.value,
        move |tx, caller, _| {
            caller.require_admin()?;
            let (row, upserted) = store::upsert_named::<T>(tx, &body)?;
            upsert_reply(&row, upserted)
        },
    )
    .await
}

#[utoipa::path(get, path = "/v1/departments", tag = "catalog", params(PageQuery),
    responses((status = 200, body = Page<Department>), (status = 400, body = Problem)))]
pub async fn list_departments(
    State(app): State<App>,
    Bearer(token): Bearer,
    Q(q): Q<PageQuery>,
) -> Result<Response, ApiError> {
    list_named::<Department>(app, token, q).await
}

#[utoipa::path(get, path = "/v1/departments/{id}", tag = "catalog", params(("id" = String, Path)),
    responses((status = 200, body = Department), (status = 404, body = Problem)))]
pub async fn get_department(
    State(app): State<App>,
    Bearer(token): Bearer,
    Id(id): Id,
) -> Result<Response, ApiError> {
    get_named::<Department>(app, token, id).await
}

/// Creates a department, or renames the one with the same key (admin only).
#[utoipa::path(post, path = "/v1/departments", tag = "catalog", request_body = NamedInput,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = Department), (status = 200, body = Department), (status = 422, body = Problem)))]
pub async fn create_department(
    State(app): State<App>,
    Bearer(token): Bearer,
    IdempotencyKey(key): IdempotencyKey,
    input: JsonBody<NamedInput>,
) -> Result<Response, ApiError> {
    create_named::<Department>(app, token, key, "/v1/departments", input).await
}

#[utoipa::path(get, path = "/v1/outcomes", tag = "catalog", params(PageQuery),
    responses((status = 200, body = Page<Outcome>), (status = 400, body = Problem)))]
pub async fn list_outcomes(
    State(app): State<App>,
    Bearer(token): Bearer,
    Q(q): Q<PageQuery>,
) -> Result<Response, ApiError> {
    list_named::<Outcome>(app, token, q).await
}

#[utoipa::path(get, path = "/v1/outcomes/{id}", tag = "catalog", params(("id" = String, Path)),
    responses((status = 200, body = Outcome), (status = 404, body = Problem)))]
pub async fn get_outcome(
    State(app): State<App>,
    Bearer(token): Bearer,
    Id(id): Id,
) -> Result<Response, ApiError> {
    get_named::<Outcome>(app, token, id).await
}

/// Creates an outcome, or renames the one with the same key (admin only).
#[utoipa::path(post, path = "/v1/outcomes", tag = "catalog", request_body = NamedInput,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = Outcome), (status = 200, body = Outcome), (status = 422, body = Problem)))]
pub async fn create_outcome(
    State(app): State<App>,
    Bearer(token): Bearer,
    IdempotencyKey(key): IdempotencyKey,
    input: JsonBody<NamedInput>,
) -> Result<Response, ApiError> {
    create_named::<Outcome>(app, token, key, "/v1/outcomes", input).await
}

#[utoipa::path(get, path = "/v1/blocks", tag = "catalog", params(PageQuery),
    responses((status = 200, body = Page<Block>), (status = 400, body = Problem)))]
pub async fn list_blocks(
    State(app): State<App>,
    Bearer(token): Bearer,
    Q(q): Q<PageQuery>,
) -> Result<Response, ApiError> {
    list_named::<Block>(app, token, q).await
}

#[utoipa::path(get, path = "/v1/blocks/{id}", tag = "catalog", params(("id" = String, Path)),
    responses((status = 200, body = Block), (status = 404, body = Problem)))]
pub async fn get_block(
    State(app): State<App>,
    Bearer(token): Bearer,
    Id(id): Id,
) -> Result<Response, ApiError> {
    get_named::<Block>(app, token, id).await
}

/// Creates a closing block, or renames the one with the same key (admin only).
#[utoipa::path(post, path = "/v1/blocks", tag = "catalog", request_body = NamedInput,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = Block), (status = 200, body = Block), (status = 422, body = Problem)))]
pub async fn create_block(
    State(app): State<App>,
    Bearer(token): Bearer,
    IdempotencyKey(key): IdempotencyKey,
    input: JsonBody<NamedInput>,
) -> Result<Response, ApiError> {
    create_named::<Block>(app, token, key, "/v1/blocks", input).await
}

#[utoipa::path(get, path = "/v1/topics", tag = "catalog", params(PageQuery),
    responses((status = 200, body = Page<Topic>), (status = 400, body = Problem)))]
pub async fn list_topics(
    State(app): State<App>,
    Bearer(token): Bearer,
    Q(q): Q<PageQuery>,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, _| {
            store::list_topics(conn, q.limit, q.cursor.as_deref())
        })
        .await?,
    )
}

#[utoipa::path(get, path = "/v1/topics/{id}", tag = "catalog", params(("id" = String, Path)),
    responses((status = 200, body = Topic), (status = 404, body = Problem)))]
pub async fn get_topic(
    State(app): State<App>,
    Bearer(token): Bearer,
    Id(id): Id,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, _| store::get_topic(conn, &id))
            .await?,
    )
}

/// Creates a topic, or updates the one with the same key (admin only).
#[utoipa::path(post, path = "/v1/topics", tag = "catalog", request_body = TopicInput,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = Topic), (status = 200, body = Topic), (status = 422, body = Problem)))]
pub async fn create_topic(
    State(app): State<App>,
    Bearer(token): Bearer,
    IdempotencyKey(key): IdempotencyKey,
    input: JsonBody<TopicInput>,
) -> Result<Response, ApiError> {
    let body = input.body;
    app.post(
        token,
        key,
        "/v1/topics".into(),
        &input.value,
        move |tx, caller, _| {
            caller.require_admin()?;
            let (topic, upserted) = store::upsert_topic(tx, &body)?;
            upsert_reply(&topic, upserted)
        },
    )
    .await
}

#[utoipa::path(get, path = "/v1/users", tag = "users", params(PageQuery),
    responses((status = 200, body = Page<User>), (status = 400, body = Problem)))]
pub async fn list_users(
    State(app): State<App>,
    Bearer(token): Bearer,
    Q(q): Q<PageQuery>,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, _| {
            store::list_users(conn, q.limit, q.cursor.as_deref())
        })
        .await?,
    )
}

#[utoipa::path(get, path = "/v1/users/{id}", tag = "users", params(("id" = String, Path)),
    responses((status = 200, body = User), (status = 404, body = Problem)))]
pub async fn get_user(
    State(app): State<App>,
    Bearer(token): Bearer,
    Id(id): Id,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, _| store::get_user(conn, &id))
            .await?,
    )
}
