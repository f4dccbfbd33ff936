//! `livectl sandbox wait`: returns once a sandbox answers at an address, for scripts that start
//! one in the background (`sandbox serve … &`) and must not race it, as `localstack wait` does.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use clap::Args;
use livectl_client::{Client, Token};

use super::Ctx;
use crate::error::CliError;

#[derive(Debug, Args)]
pub struct WaitArgs {
    /// The address the sandbox was told to listen on (`sandbox serve --addr`), IP:PORT or
    /// localhost:PORT
    #[arg(long, default_value = super::serve::DEFAULT_ADDR, value_parser = super::serve::address)]
    pub addr: SocketAddr,
    /// How long to wait at most
    #[arg(long, value_name = crate::commands::filters::DURATION, default_value = "30s", value_parser = super::serve::seconds)]
    pub timeout: Duration,
    /// The database the sandbox was told to serve (`sandbox serve --db`): the one answering
    /// must serve it, not another sandbox that held the address already
    #[arg(long, value_name = "PATH")]
    pub db: Option<std::path::PathBuf>,
}

/// How often the address is tried.
const EVERY: Duration = Duration::from_millis(100);

pub async fn exec(args: WaitArgs, ctx: &Ctx) -> Result<(), CliError> {
    let ui = &ctx.ui;
    let addr = reachable(args.addr);
    let base = format!("http://{addr}");
    // One try at a time, each with the time left: the client's own retries would only wait
    // longer between them.
    let client = Client::new(&base, Token::new(""), crate::connect::log(ui))
        .map_err(|e| CliError::failure(e.to_string()))?;
    client.stop_retrying();
    let started = tokio::time::Instant::now();
    let deadline = started + args.timeout;
    loop {
        // A sandbox that listens but still opens or seeds its database holds the request
        // until it serves: an answer means it is ready.
        let tried = tokio::time::timeout_at(deadline, client.health()).await;
        match tried {
            Ok(Ok(answer)) if answer.status.is_success() => {
                if let Some(db) = &args.db {
                    same_database(&base, db, &answer)?;
                }
                ui.note(format!(
                    "the sandbox at {base} answers (after {:.1} s)",
                    started.elapsed().as_secs_f64()
                ));
                return Ok(());
            }
            // A sandbox at its connection cap, or limiting the rate: there, and busy.
            Ok(Ok(answer)) if matches!(answer.status.as_u16(), 429 | 503) => {}
            Ok(Ok(answer)) => {
                return Err(CliError::failure(format!(
                    "{base} answers, but not as a sandbox: GET /healthz is {}",
                    answer.status
                ))
                .hint("give the address the sandbox serves with --addr"));
            }
            Ok(Err(_)) | Err(_) => {}
        }
        if tokio::time::Instant::now() + EVERY >= deadline {
            return Err(CliError::failure(format!(
                "no sandbox answered at {base} within {}",
                livectl_contract::duration::format(
                    jiff::SignedDuration::try_from(args.timeout).unwrap_or_default()
                )
            ))
            .hint(format!(
                "start one with `livectl sandbox serve --addr {addr}`, or wait longer with --timeout"
            )));
        }
        tokio::time::sleep(EVERY).await;
    }
}

/// The sandbox answering at `base` serves `db`, as the workspace id its `/healthz` gives says:
/// a `sandbox serve … &` that could not listen (the address held by another sandbox) left
/// `wait` answered by the other, and the script acting on that one's data (new user).
fn same_database(
    base: &str,
    db: &std::path::Path,
    answer: &livectl_client::RawAnswer,
) -> Result<(), CliError> {
    use livectl_contract::health::WORKSPACE_ID;
    use livectl_sandbox::store::Store;
    let held = || {
        CliError::failure(format!(
            "the sandbox at {base} does not serve {}: another process held the address",
            db.display()
        ))
        .hint("stop the other sandbox, or start this one on another address with --addr (and wait there)")
    };
    let served = answer.header(WORKSPACE_ID).ok_or_else(held)?;
    // Not there: the sandbox that was to make it never started.
    if std::fs::symlink_metadata(db).is_err() {
        return Err(held());
    }
    // Judged as every `--db` read is: a file that is no sandbox's database is refused, not
    // opened as a store (which would write a sandbox's tables into it).
    let db = super::DbArg {
        db: Some(db.to_owned()),
    }
    .judged(super::Use::Read)?
    .path;
    let store = Store::open(&db).map_err(CliError::failure)?;
    let ours = store
        .read(Store::workspace)
        .map_err(|e| CliError::failure(format!("{}: {e}", db.display())))?;
    if ours.id != served {
        return Err(held());
    }
    Ok(())
}

/// Where a client reaches a sandbox told to listen on `addr`: every interface (`0.0.0.0`,
/// `::`) is reached on this machine's loopback.
fn reachable(addr: SocketAddr) -> SocketAddr {
    match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), addr.port())
        }
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::new(IpAddr::V6(Ipv6Addr::LOCALHOST), addr.port())
        }
        _ => addr,
    }
}
