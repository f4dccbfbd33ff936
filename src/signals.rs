//! How a run is asked to stop: Ctrl-C (SIGINT) or SIGTERM, handled alike everywhere, so a
//! `kill` stops an export or a bulk run as cleanly as Ctrl-C does.

/// Resolves when the process is asked to stop.
pub async fn interrupted() {
    let ctrl_c = async {
        // Without a handler there is nothing to wait for.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}
