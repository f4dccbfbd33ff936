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
