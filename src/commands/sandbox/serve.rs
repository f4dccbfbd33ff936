//! `livectl sandbox serve`: the Live Conversations API from a local database, until Ctrl-C or
//! SIGTERM.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use livectl_sandbox::faults::FaultSpec;
use livectl_sandbox::server::Limits;
use livectl_sandbox::store::KeyCheck;
use livectl_sandbox::{Knobs, Seed};

use super::Ctx;
use crate::error::CliError;

/// `--seed`: the demo, or a seed file checked whole before the sandbox starts.
#[derive(Debug, Clone, PartialEq)]
pub enum SeedArg {
    Demo,
    File(PathBuf),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on, IP:PORT (or localhost:PORT, or PORT alone for this machine); port
    /// 0 picks a free port (the address is printed on stderr)
    #[arg(long, default_value = DEFAULT_ADDR, value_parser = address)]
    pub addr: SocketAddr,
    /// Listen on this machine's PORT: the same as --addr 127.0.0.1:PORT
    #[arg(long, value_name = "PORT", conflicts_with = "addr", value_parser = port)]
    pub port: Option<u16>,
    #[command(flatten)]
    pub db: super::DbArg,
    /// Load data at start: `demo` for the demo workspace, or a seed FILE (YAML or JSON);
    /// without it the sandbox starts empty but for the built-in admin
    #[arg(long, value_parser = seed)]
    pub seed: Option<SeedArg>,
    /// Allow at most N requests per second per token (429 beyond)
    #[arg(long, value_name = "N", value_parser = crate::commands::filters::count, allow_negative_numbers = true)]
    pub rate_limit: Option<u32>,
    /// Inject faults, e.g. error=0.2,drop=0.05,throttle=0.05,latency=0..50ms,seed=7
    #[arg(long, value_name = "SPEC", value_parser = faults)]
    pub faults: Option<FaultSpec>,
    /// Serve at most N connections at once; one more is answered 503 and closed
    #[arg(long, value_name = "N", default_value_t = Limits::DEFAULT_MAX_CONNECTIONS as u32,
        value_parser = crate::commands::filters::count, allow_negative_numbers = true)]
    pub max_connections: u32,
    /// Close a connection whose request head is not whole this long after its first byte
    #[arg(long, value_name = crate::commands::filters::DURATION, default_value = "10s", value_parser = seconds)]
    pub header_timeout: Duration,
    /// Close a connection with no request in progress after this long
    #[arg(long, value_name = crate::commands::filters::DURATION, default_value = "60s", value_parser = seconds)]
    pub idle_timeout: Duration,
    /// Test knob: replay the stored answer for a repeated Idempotency-Key even when the request
    /// differs, instead of refusing it with 422 (a broken implementation, to see
    /// `livectl conformance` catch it)
    #[arg(long, hide = true)]
    pub idempotency_ignores_body: bool,
    /// Test knob: serve the contract as it was before `GET /v1/interventions/refs` (a platform
    /// not upgraded yet, to see livectl do without it and `livectl conformance` catch it)
    #[arg(long, hide = true)]
    pub without_refs: bool,
}

/// Where a sandbox listens when `--addr` is left out (and where `sandbox wait` looks).
pub const DEFAULT_ADDR: &str = "127.0.0.1:8787";

/// IP:PORT, as the listener binds it; `localhost:PORT`, and a port alone (`8787`, as
/// `--port 8787` says it), are the loopback address they mean (a name is not looked up: the
/// sandbox listens where it is told, not where a resolver says).
pub(super) fn address(s: &str) -> Result<SocketAddr, String> {
    if let Ok(addr) = s.parse() {
        return Ok(addr);
    }
    if let Ok(port) = s.strip_prefix("localhost:").unwrap_or(s).parse::<u16>() {
        return Ok(SocketAddr::from(([127, 0, 0, 1], port)));
    }
    Err(format!(
        "`{s}` is not an IP:PORT address; use 127.0.0.1:8787 (this machine), 127.0.0.1:0 (a \
         free port), 0.0.0.0:8787 (every interface), or a PORT alone (0 to 65535) for this machine"
    ))
}

/// A port, said in words as every count is (clap's own said `0..=65535`).
fn port(s: &str) -> Result<u16, String> {
    crate::commands::filters::whole(s, 0, u64::from(u16::MAX)).map(|n| n as u16)
}

fn seed(s: &str) -> Result<SeedArg, String> {
    let path = std::path::Path::new(s);
    match s {
        "demo" => Ok(SeedArg::Demo),
        _ if path.is_file() => Ok(SeedArg::File(path.into())),
        // A missing file is said as missing, not as something other than a seed.
        _ if !path.exists() => Err(format!(
            "the seed file `{s}` does not exist; give `demo` or a seed file (YAML or JSON)"
        )),
        _ => Err(format!(
            "`{s}` is neither `demo` nor a seed file (YAML or JSON)"
        )),
    }
}

fn faults(s: &str) -> Result<FaultSpec, String> {
    s.parse()
}

pub(super) fn seconds(s: &str) -> Result<Duration, String> {
    let d = livectl_contract::duration::parse(s)?;
    Ok(Duration::from_secs(d.as_secs().unsigned_abs()))
}

pub async fn exec(args: ServeArgs, ctx: &Ctx) -> Result<(), CliError> {
    let ui = &ctx.ui;
    let db = args.db.judged(super::Use::Serve)?;
    let demo = db.demo();
    let db = db.path;
    // A seed file is checked whole before the sandbox starts.
    let (seed, loaded) = match &args.seed {
        None => (None, None),
        // Said as a file's load is: the demo loaded over a database changed since wrote its
        // agents back as they were, unsaid.
        Some(SeedArg::Demo) => (Some(Seed::Demo), Some("the demo data".to_owned())),
        Some(SeedArg::File(path)) => (
            Some(Seed::Document(Box::new(livectl_contract::seed::load(
                path,
                jiff::Timestamp::now(),
            )?))),
            Some(path.display().to_string()),
        ),
    };
    // The address first: a sandbox that cannot listen leaves no new database behind. Clients
    // that connect meanwhile wait in the backlog until it serves.
    let addr = args
        .port
        .map_or(args.addr, |port| SocketAddr::from(([127, 0, 0, 1], port)));
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
        CliError::failure(format!("cannot listen on {addr}: {e}"))
            .hint("choose another address with --addr, or 127.0.0.1:0 for any free port")
    })?;
    let (store, tally) = livectl_sandbox::open(db.clone(), seed)
        .await
        .map_err(|e| CliError::failure(e.to_string()))?;
    if let (Some(path), Some(tally)) = (loaded, tally) {
        ui.note(format!("livectl sandbox loaded {path}: {tally}"));
        let reset = format!(
            "livectl sandbox reset --db {} --yes",
            crate::ui::shell_word(&db.display().to_string())
        );
        crate::usecases::seed::say_kept(ui, &tally, Some(&reset));
    }
    let local = listener
        .local_addr()
        .map_err(|e| CliError::failure(format!("cannot read the listening address: {e}")))?;
    let knobs = Knobs {
        rate_limit: args.rate_limit,
        faults: args.faults,
        keys: if args.idempotency_ignores_body {
            ui.note(
                "livectl sandbox: --idempotency-ignores-body breaks the contract on purpose: \
                 a repeated Idempotency-Key replays its first answer whatever the request",
            );
            KeyCheck::KeyOnly
        } else {
            KeyCheck::Request
        },
        without_refs: args.without_refs,
        demo,
    };
    if knobs.without_refs {
        ui.note(
            "livectl sandbox: --without-refs serves the contract without \
             GET /v1/interventions/refs, as a platform not upgraded yet would",
        );
    }
    let limits = Limits {
        max_connections: args.max_connections as usize,
        header_timeout: args.header_timeout,
        idle_timeout: args.idle_timeout,
    };
    // Stopped by Ctrl-C or SIGTERM (caught since the run started), cleanly: a claim.
    let _claim = crate::signals::claim();
    let stop = crate::signals::interrupted();
    ui.note(format!(
        "livectl sandbox listening on http://{local} (database {})",
        db.display()
    ));
    if !local.ip().is_loopback() {
        ui.note(format!(
            "warning: the sandbox is for trying things, and {local} lets other machines reach it \
             and its data; bind 127.0.0.1 (--addr 127.0.0.1:{}) to keep it to this machine",
            local.port()
        ));
    }
    // Stopped by Ctrl-C or SIGTERM: event streams end, requests in progress finish, and the
    // database is closed whole.
    livectl_sandbox::run(listener, store, knobs, limits, stop)
        .await
        .map_err(CliError::failure)
}
