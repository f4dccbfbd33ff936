//! `/v1/me`, agents, the catalog and users: every resource created by key answers the same
//! three operations through the generic store, declared once per resource for the OpenAPI
//! document.

use axum::extract::State;
use axum::response::Response;

use super::extract::{Bearer, Id, IdempotencyKey, JsonBody, NoQuery, Q};
use super::{App, json};
use crate::error::ApiError;
use crate::store::catalog::{self as store, HasId, Resource};
use crate::store::{Reply, Store, visibility};
use livectl_contract::{
    Agent, AgentInput, Block, Department, Kind, Me, NamedInput, Outcome, Page, PageQuery, Problem,
    Topic, TopicInput, User,
};

/// The agent the token belongs to, and its workspace.
///
/// Any valid token.
#[utoipa::path(get, path = "/v1/me", tag = "agents",
    responses((status = 200, description = "the agent the token belongs to, and its workspace", body = Me)))]
pub async fn me(
    State(app): State<App>,
    Bearer(token): Bearer,
    query: NoQuery,
) -> Result<Response, ApiError> {
    query.check()?;
    let me = app
        .read(token, |conn, caller| {
            Ok(Me {
                agent: store::get::<Agent>(conn, &Kind::Agent.id(caller.agent_id))?,
                workspace: Store::workspace(conn)?,
            })
        })
        .await?;
    json(&me)
}

async fn list<R: Resource + HasId + serde::Serialize>(
    app: App,
    token: String,
    q: PageQuery,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, _| {
            store::list::<R>(conn, q.limit, q.cursor.as_deref())
        })
        .await?,
    )
}

async fn get<R: Resource + serde::Serialize>(
    app: App,
    token: String,
    id: String,
    query: NoQuery,
) -> Result<Response, ApiError> {
    let found = app
        .read(token, move |conn, _| store::get::<R>(conn, &id))
        .await?;
    query.check()?;
    json(&found)
}

async fn create<R: Resource + serde::Serialize>(
    app: App,
    token: String,
    key: Option<String>,
    path: &str,
    input: JsonBody<R::Input>,
) -> Result<Response, ApiError>
where
    R::Input: Send + serde::Serialize + 'static,
{
    let event_key = key.clone();
    app.post(
        token,
        key,
        path.into(),
        input.body,
        move |tx, caller, now, body| {
            caller.require_admin()?;
            let change = store::Change {
                actor: caller.agent_id,
                at: now,
                key: event_key.as_deref(),
            };
            let (row, result) = R::upsert_by(tx, body, &change)?;
            let mut reply = Reply::new(result.status(), &row)?;
            reply.upsert = Some(result);
            Ok(reply)
        },
    )
    .await
}

/// The list, get and create operations of one resource.
macro_rules! resource {
    ($ty:ty, $input:ty, $tag:literal, $list_path:literal, $get_path:literal,
     $list:ident, $get:ident, $create:ident, $list_doc:literal, $get_doc:literal, $create_doc:literal) => {
        #[doc = $list_doc]
        #[doc = ""]
        #[doc = "Any valid token."]
        #[utoipa::path(get, path = $list_path, tag = $tag, params(PageQuery),
            responses((status = 200, description = "the page asked for, in id order", body = Page<$ty>)))]
        pub async fn $list(
            State(app): State<App>,
            Bearer(token): Bearer,
            Q(q): Q<PageQuery>,
        ) -> Result<Response, ApiError> {
            list::<$ty>(app, token, q).await
        }

        #[doc = $get_doc]
        #[doc = ""]
        #[doc = "Any valid token."]
        #[utoipa::path(get, path = $get_path, tag = $tag, params(("id" = String, Path)),
            responses((status = 200, description = "the one asked for", body = $ty)))]
        pub async fn $get(
            State(app): State<App>,
            Bearer(token): Bearer,
            Id(id): Id,
            query: NoQuery,
        ) -> Result<Response, ApiError> {
            get::<$ty>(app, token, id, query).await
        }

        #[doc = $create_doc]
        #[utoipa::path(post, path = $list_path, tag = $tag, request_body = $input,
            params(("Idempotency-Key" = Option<String>, Header)),
            responses((status = 201, description = "created", body = $ty), (status = 200, description = "one with this key existed", body = $ty), (status = 403, body = Problem)))]
        pub async fn $create(
            State(app): State<App>,
            Bearer(token): Bearer,
            IdempotencyKey(key): IdempotencyKey,
            input: JsonBody<$input>,
        ) -> Result<Response, ApiError> {
            create::<$ty>(app, token, key, $list_path, input).await
        }
    };
}

resource!(
    Agent,
    AgentInput,
    "agents",
    "/v1/agents",
    "/v1/agents/{id}",
    list_agents,
    get_agent,
    create_agent,
    "The agents, in id order.",
    "One agent.",
    "Creates an agent, or updates the one with the same key (admin only)."
);
resource!(
    Department,
    NamedInput,
    "catalog",
    "/v1/departments",
    "/v1/departments/{id}",
    list_departments,
    get_department,
    create_department,
    "The departments, in id order.",
    "One department.",
    "Creates a department, or renames the one with the same key (admin only)."
);
resource!(
    Topic,
    TopicInput,
    "catalog",
    "/v1/topics",
    "/v1/topics/{id}",
    list_topics,
    get_topic,
    create_topic,
    "The topics, in id order.",
    "One topic.",
    "Creates a topic, or updates the one with the same key (admin only)."
);
resource!(
    Outcome,
    NamedInput,
    "catalog",
    "/v1/outcomes",
    "/v1/outcomes/{id}",
    list_outcomes,
    get_outcome,
    create_outcome,
    "The outcomes, in id order.",
    "One outcome.",
    "Creates an outcome, or renames the one with the same key (admin only)."
);
resource!(
    Block,
    NamedInput,
    "catalog",
    "/v1/blocks",
    "/v1/blocks/{id}",
    list_blocks,
    get_block,
    create_block,
    "The closing blocks, in id order.",
    "One closing block.",
    "Creates a closing block, or renames the one with the same key (admin only)."
);

/// Every user, in id order.
///
/// Admin only.
#[utoipa::path(get, path = "/v1/users", tag = "users", params(PageQuery),
    responses((status = 200, description = "a page of the users, in id order", body = Page<User>),
        (status = 403, body = Problem)))]
pub async fn list_users(
    State(app): State<App>,
    Bearer(token): Bearer,
    Q(q): Q<PageQuery>,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, caller| {
            visibility::admin_only(caller, "the list of every user")?;
            store::list::<User>(conn, q.limit, q.cursor.as_deref())
        })
        .await?,
    )
}

/// One user.
///
/// An admin, or an agent for a user with an intervention it may see (queued, or its own).
#[utoipa::path(get, path = "/v1/users/{id}", tag = "users", params(("id" = String, Path)),
    responses((status = 200, description = "the user", body = User), (status = 403, body = Problem)))]
pub async fn get_user(
    State(app): State<App>,
    Bearer(token): Bearer,
    Id(id): Id,
    query: NoQuery,
) -> Result<Response, ApiError> {
    let user = app
        .read(token, move |conn, caller| {
            let user = store::get::<User>(conn, &id)?;
            visibility::user(conn, caller, &user.id)?;
            Ok(user)
        })
        .await?;
    query.check()?;
    json(&user)
}
