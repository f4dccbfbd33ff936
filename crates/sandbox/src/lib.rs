//! The sandbox: a complete, durable implementation of the Live Conversations API on axum and
//! SQLite. `livectl sandbox serve` runs it; the embedded default serves it in-process. It
//! depends on the contract alone.

pub mod demo;
pub mod error;
pub mod faults;
pub mod http;
pub mod ratelimit;
pub mod server;
pub mod store;

use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use livectl_contract::seed::{SeedFile, Tally};

use faults::{FaultSpec, Faults};
use store::Store;

/// Test knobs that make the sandbox misbehave on purpose.
#[derive(Debug, Clone, Default)]
pub struct Knobs {
    pub rate_limit: Option<u32>,
    pub faults: Option<FaultSpec>,
    /// How a repeated Idempotency-Key is matched: `KeyOnly` breaks the contract, so that a
    /// conformance suite can be seen to catch it.
    pub keys: store::KeyCheck,
    /// Serves the contract as it was before `GET /v1/interventions/refs` (the path then meets
    /// `GET /v1/interventions/{id}`), so that livectl can be seen to do without it and
    /// `livectl conformance` to catch it.
    pub without_refs: bool,
    /// The database is the user's demo workspace (the embedded sandbox's): `GET /healthz`
    /// says so (`health::WORKSPACE`).
    pub demo: bool,
}

/// The whole HTTP application over a store, with the knobs' layers.
pub fn app(store: Arc<Store>, knobs: &Knobs) -> Router {
    let mut router = http::router(
        http::App {
            workspace: store
                .read(store::Store::workspace)
                .ok()
                .and_then(|w| axum::http::HeaderValue::from_str(&w.id).ok()),
            store,
            keys: knobs.keys,
            demo: knobs.demo,
        },
        !knobs.without_refs,
    );
    if let Some(spec) = knobs.faults.clone() {
        router = router.layer(axum::middleware::from_fn_with_state(
            Faults::new(spec),
            faults::layer,
        ));
    }
    if let Some(n) = knobs.rate_limit {
        router = router.layer(axum::middleware::from_fn_with_state(
            ratelimit::RateLimit::new(n),
            ratelimit::layer,
        ));
    }
    router
        .layer(axum::middleware::from_fn_with_state(
            http::Running::default(),
            http::running_layer,
        ))
        // gzip or deflate when the request asks; never the event stream, whose events must
        // leave as they happen, nor answers too small to gain.
        .layer(tower_http::compression::CompressionLayer::new())
}

/// What data a sandbox starts with.
#[derive(Debug, Clone, PartialEq)]
pub enum Seed {
    /// The demo workspace (`demo.yaml`).
    Demo,
    /// A checked seed document, loaded as of now.
    Document(Box<SeedFile>),
}

/// Why a sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    Database(String),
    #[error("cannot load the {what}: {detail}")]
    Seed { what: &'static str, detail: String },
    #[error("the database worker failed: {0}")]
    Worker(String),
}

/// Opens (creating if needed) the database at `db` and loads the seed, off the async threads.
pub async fn open(
    db: PathBuf,
    seed: Option<Seed>,
) -> Result<(Arc<Store>, Option<Tally>), StartError> {
    tokio::task::spawn_blocking(move || {
        let store = Store::open(&db).map_err(StartError::Database)?;
        let tally = match seed {
            None => None,
            Some(Seed::Demo) => Some(demo::load(&store).map_err(|e| StartError::Seed {
                what: "demo data",
                detail: e.to_string(),
            })?),
            Some(Seed::Document(file)) => Some(store.load(*file, jiff::Timestamp::now()).map_err(
                |e| StartError::Seed {
                    what: "seed file",
                    detail: e.to_string(),
                },
            )?),
        };
        Ok((Arc::new(store), tally))
    })
    .await
    .map_err(|e| StartError::Worker(e.to_string()))?
}

/// Serves the API of `store` on `listener` until `shutdown` completes; then event streams end,
/// requests in progress finish, and the database is closed whole, with no -wal or -shm left
/// behind (unless another process still has it open).
pub async fn run(
    listener: tokio::net::TcpListener,
    store: Arc<Store>,
    knobs: Knobs,
    limits: server::Limits,
    shutdown: impl std::future::Future<Output = ()>,
) -> Result<(), String> {
    let router = app(store.clone(), &knobs);
    let closing = store.clone();
    let stop = async move {
        shutdown.await;
        closing.begin_close();
    };
    server::serve(listener, router, stop, limits).await;
    tokio::task::spawn_blocking(move || store.close())
        .await
        .map_err(|e| format!("the database worker failed: {e}"))?
}
