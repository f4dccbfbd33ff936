//! How a run is asked to stop: Ctrl-C (SIGINT), SIGTERM or SIGHUP (its terminal or ssh session
//! closed; not under `nohup`, which ignores it), handled alike everywhere. The
//! handlers are installed when the run starts, so a signal that arrives before a command
//! listens is not lost. By default a signal stops the command at once (exit 130); work that
//! must end cleanly (a bulk run finishing what is in flight, an export removing its temporary
//! file, a follower ending with 0) holds a `Claim` and handles it itself; it may also stop at
//! once when asked a second time (`insisted`), as a bulk run does.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::{Notify, watch};

struct State {
    /// How many times the run was asked to stop.
    stop: watch::Sender<u32>,
    claims: AtomicUsize,
    released: Notify,
}

static STATE: OnceLock<State> = OnceLock::new();

/// Installs the handlers; call once, inside the runtime, before any work.
pub fn install() {
    let state = State {
        stop: watch::channel(0).0,
        claims: AtomicUsize::new(0),
        released: Notify::new(),
    };
    if STATE.set(state).is_err() {
        return;
    }
    // Registered here and now, not when a task first runs: a signal that arrives while the
    // command starts must find the handler. (`tokio::signal::ctrl_c()` would only register when
    // first polled, which raced the first request on another worker.)
    #[cfg(unix)]
    let signals = {
        use tokio::signal::unix::{SignalKind, signal};
        (
            signal(SignalKind::interrupt()),
            signal(SignalKind::terminate()),
            // A handler would undo `nohup`: a hangup it ignores is left ignored.
            if hangup_ignored() {
                Err(std::io::Error::other("SIGHUP is ignored"))
            } else {
                signal(SignalKind::hangup())
            },
        )
    };
    tokio::spawn(async move {
        #[cfg(unix)]
        let (mut int, mut term, mut hup) = signals;
        loop {
            #[cfg(unix)]
            {
                tokio::select! {
                    () = received(&mut int) => {}
                    () = received(&mut term) => {}
                    () = received(&mut hup) => {}
                }
            }
            #[cfg(not(unix))]
            if tokio::signal::ctrl_c().await.is_err() {
                return;
            }
            if let Some(state) = STATE.get() {
                state
                    .stop
                    .send_modify(|asked| *asked = asked.saturating_add(1));
            }
        }
    });
}

/// Whether SIGHUP was ignored when livectl started (`nohup livectl ...`).
#[cfg(unix)]
fn hangup_ignored() -> bool {
    // SAFETY: with no new action, sigaction only reads the current one into `current`, a
    // plain C struct for which all zeroes is a valid value.
    unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        libc::sigaction(libc::SIGHUP, std::ptr::null(), &mut current) == 0
            && current.sa_sigaction == libc::SIG_IGN
    }
}

/// Resolves when `signal` arrives; never when its handler could not be installed or the
/// runtime stops.
#[cfg(unix)]
async fn received(signal: &mut std::io::Result<tokio::signal::unix::Signal>) {
    match signal {
        // None when the runtime shuts down: nothing more will come.
        Ok(signal) => {
            if signal.recv().await.is_none() {
                std::future::pending().await
            }
        }
        Err(_) => std::future::pending().await,
    }
}

/// Resolves once the process was asked to stop `times` times.
async fn asked(times: u32) {
    let Some(state) = STATE.get() else {
        // Not installed (a library caller): never asked.
        return std::future::pending().await;
    };
    let mut asked = state.stop.subscribe();
    // The sender lives in a static, so the channel never closes.
    let _ = asked.wait_for(|asked| *asked >= times).await;
}

/// Resolves when the process is asked to stop (at once if it already was).
pub async fn interrupted() {
    asked(1).await;
}

/// Resolves when the process is asked to stop a second time: what a claim's holder was still
/// finishing is to be left now (Ctrl-C pressed again).
pub async fn insisted() {
    asked(2).await;
}

/// While held, a stop is this code's to handle: the default (stopping at once) waits.
pub struct Claim(());

/// Takes the stop into this code's hands until the claim is dropped.
pub fn claim() -> Claim {
    if let Some(state) = STATE.get() {
        state.claims.fetch_add(1, Ordering::SeqCst);
    }
    Claim(())
}

impl Drop for Claim {
    fn drop(&mut self) {
        if let Some(state) = STATE.get() {
            state.claims.fetch_sub(1, Ordering::SeqCst);
            state.released.notify_waiters();
        }
    }
}

/// Resolves when the process is asked to stop and no code holds a claim: the default stop.
pub async fn unclaimed() {
    interrupted().await;
    let Some(state) = STATE.get() else { return };
    loop {
        let released = state.released.notified();
        if state.claims.load(Ordering::SeqCst) == 0 {
            return;
        }
        released.await;
    }
}

/// While held, SIGINT, SIGTERM and SIGHUP (unless ignored, under `nohup`) end the process at
/// once with 130, as an interrupted run ends: for work on the runtime's thread that never
/// yields to the handlers' task, a `--jq` program above all, which may never end (`def f: f;
/// f`). Without it neither Ctrl-C nor SIGTERM stopped such a program (new user). The handlers
/// come back when it is dropped. Work that holds a `Claim` (`watch`, an export, a bulk run)
/// keeps its own handling: a stop there is its to end cleanly (a `watch` with 0, an export
/// removing its temporary file), so a program that never ends there is not stopped by it.
pub struct AtOnce {
    #[cfg(unix)]
    saved: Vec<(libc::c_int, libc::sigaction)>,
}

/// What a stop signal does while an `AtOnce` is held: says so and ends with 130, touching
/// only what a signal handler may (write, _exit).
#[cfg(unix)]
extern "C" fn stop_now(_: libc::c_int) {
    const SAID: &[u8] = b"\nerror: interrupted while the --jq program ran\n";
    // SAFETY: write(2) and _exit(2) are async-signal-safe; SAID is a static buffer.
    unsafe {
        libc::write(2, SAID.as_ptr().cast(), SAID.len());
        libc::_exit(130);
    }
}

/// Makes the stop signals end the process at once until the guard is dropped, unless a
/// `Claim` is held.
pub fn at_once() -> AtOnce {
    #[cfg(unix)]
    {
        let mut saved = Vec::new();
        let claimed = STATE
            .get()
            .is_some_and(|s| s.claims.load(Ordering::SeqCst) > 0);
        if claimed {
            return AtOnce { saved };
        }
        for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            // SAFETY: sigaction reads the current action into a zeroed C struct and sets one
            // whose handler is `stop_now`; the saved action is put back as it was when the
            // guard drops.
            unsafe {
                let mut current: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(signal, std::ptr::null(), &mut current) != 0
                    || current.sa_sigaction == libc::SIG_IGN
                {
                    continue;
                }
                let mut now: libc::sigaction = std::mem::zeroed();
                now.sa_sigaction = stop_now as extern "C" fn(libc::c_int) as libc::sighandler_t;
                if libc::sigaction(signal, &now, std::ptr::null_mut()) == 0 {
                    saved.push((signal, current));
                }
            }
        }
        AtOnce { saved }
    }
    #[cfg(not(unix))]
    AtOnce {}
}

impl Drop for AtOnce {
    fn drop(&mut self) {
        #[cfg(unix)]
        for (signal, action) in &self.saved {
            // SAFETY: the action saved by `at_once` for this signal, put back.
            unsafe {
                libc::sigaction(*signal, action, std::ptr::null_mut());
            }
        }
    }
}
