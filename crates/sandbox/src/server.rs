//! The accept loop. Each connection is served by hyper with a handle that lets the fault layer
//! close it without an answer.
//!
//! Idle and slow clients cannot take the server down: at most `max_connections` are served at
//! once (beyond, a 503 `unavailable` and the connection closed); a request head must arrive
//! whole within `header_timeout` of its first byte; a connection with no request in progress is
//! closed after `idle_timeout`. A response in progress (such as the event stream) is never idle.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use hyper::body::{Frame, Incoming, SizeHint};
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, watch};
use tokio::task::JoinSet;
use tokio::time::Instant;
use tower::ServiceExt;

use crate::error::ApiError;

/// Closes the connection a request arrived on, without answering it.
#[derive(Clone)]
pub struct ConnectionKill(Arc<Notify>);

impl ConnectionKill {
    /// Signals the connection to close and never returns: the connection task drops the
    /// request and the socket together.
    pub async fn close(self) -> Response {
        self.0.notify_one();
        std::future::pending().await
    }
}

/// How many clients the server serves at once, and how long it waits for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Connections served at once; one more is answered 503 and closed.
    pub max_connections: usize,
    /// A request head must arrive whole within this, from its first byte.
    pub header_timeout: Duration,
    /// A connection with no request in progress is closed after this.
    pub idle_timeout: Duration,
}

impl Limits {
    /// Well under the usual limit of 1024 open files, which the database also draws on.
    pub const DEFAULT_MAX_CONNECTIONS: usize = 512;
    pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
    pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(60);
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_connections: Limits::DEFAULT_MAX_CONNECTIONS,
            header_timeout: Limits::DEFAULT_HEADER_TIMEOUT,
            idle_timeout: Limits::DEFAULT_IDLE_TIMEOUT,
        }
    }
}

/// How long requests in progress may take to finish once the server stops.
const GRACE: Duration = Duration::from_secs(5);

/// Connections over the limit answered at once; beyond, they are closed unanswered.
const REFUSING: usize = 64;

/// Serves `router` on `listener` until `shutdown` completes; then requests in progress finish
/// (for a few seconds at most) and every connection is closed before this returns.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()>,
    limits: Limits,
) {
    tokio::pin!(shutdown);
    let open = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let refusing = Arc::new(Semaphore::new(REFUSING));
    let (stop, stopping) = watch::channel(false);
    let mut connections = JoinSet::new();
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors and the like: keep serving the connections we have.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => continue,
            () = &mut shutdown => break,
        };
        if let Ok(permit) = open.clone().try_acquire_owned() {
            connections.spawn(connection(
                stream,
                router.clone(),
                limits,
                stopping.clone(),
                permit,
            ));
        } else if let Ok(permit) = refusing.clone().try_acquire_owned() {
            connections.spawn(refuse(stream, limits, permit));
        }
    }
    drop(listener);
    let _ = stop.send(true);
    let drained = async { while connections.join_next().await.is_some() {} };
    if tokio::time::timeout(GRACE, drained).await.is_err() {
        connections.shutdown().await;
    }
}

/// Serves one connection until the client closes it, it times out, the fault layer kills it
/// or the server stops.
async fn connection(
    stream: TcpStream,
    router: Router,
    limits: Limits,
    mut stopping: watch::Receiver<bool>,
    _permit: OwnedSemaphorePermit,
) {
    let _ = stream.set_nodelay(true);
    let activity = Arc::new(Activity::new());
    let kill = Arc::new(Notify::new());
    let handle = ConnectionKill(kill.clone());
    let busy = activity.clone();
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(handle.clone());
        let router = router.clone();
        // Busy from the request's head until its response is written whole (or dropped).
        let guard = Busy::begin(busy.clone());
        async move {
            let response = router
                .oneshot(request.map(Body::new))
                .await
                .unwrap_or_else(|e| match e {});
            Ok::<_, Infallible>(response.map(|body| Body::new(Tracked { body, _busy: guard })))
        }
    });
    let io = Watched {
        stream,
        activity: activity.clone(),
    };
    let conn = hyper::server::conn::http1::Builder::new()
        .keep_alive(true)
        .serve_connection(TokioIo::new(io), service);
    tokio::pin!(conn);
    let timed_out = activity.timed_out(limits);
    tokio::pin!(timed_out);
    let mut draining = false;
    loop {
        tokio::select! {
            _ = conn.as_mut() => return,
            () = kill.notified() => return,
            // Nothing is in progress: closing cuts no answer.
            () = &mut timed_out => return,
            changed = stopping.changed(), if !draining => {
                draining = true;
                if changed.is_err() || activity.is_idle() {
                    return;
                }
                // Finish the answer in progress, then close.
                conn.as_mut().graceful_shutdown();
            }
        }
    }
}

/// Answers a connection over the limit with 503 and closes it. The request is read first, so
/// the client sees the answer rather than a reset.
async fn refuse(stream: TcpStream, limits: Limits, _permit: OwnedSemaphorePermit) {
    let max = limits.max_connections;
    let service = hyper::service::service_fn(move |_: hyper::Request<Incoming>| async move {
        let mut response = ApiError::Unavailable(format!(
            "the sandbox is serving as many connections as it may ({max}); retry in a moment, or \
             start it with a higher --max-connections"
        ))
        .into_response();
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        Ok::<_, Infallible>(response)
    });
    let conn = hyper::server::conn::http1::Builder::new()
        .keep_alive(false)
        .serve_connection(TokioIo::new(stream), service);
    let _ = tokio::time::timeout(limits.header_timeout, conn).await;
}

/// What a connection is doing, for its timeouts.
struct Activity {
    state: Mutex<State>,
    changed: Notify,
}

#[derive(Clone, Copy)]
struct State {
    /// Requests whose answer is not yet written whole.
    busy: usize,
    /// When the connection last had nothing in progress (or was accepted).
    idle_since: Instant,
    /// The first byte of a request head that is not yet whole.
    head_since: Option<Instant>,
}

impl Activity {
    fn new() -> Activity {
        Activity {
            state: Mutex::new(State {
                busy: 0,
                idle_since: Instant::now(),
                head_since: None,
            }),
            changed: Notify::new(),
        }
    }

    fn update(&self, f: impl FnOnce(&mut State)) {
        if let Ok(mut state) = self.state.lock() {
            f(&mut state);
        }
        self.changed.notify_one();
    }

    fn state(&self) -> Option<State> {
        self.state.lock().ok().map(|s| *s)
    }

    fn is_idle(&self) -> bool {
        self.state().is_none_or(|s| s.busy == 0)
    }

    /// When the connection times out as it is now: never while a request is in progress.
    fn deadline(&self, limits: Limits) -> Option<Instant> {
        let state = self.state()?;
        if state.busy > 0 {
            return None;
        }
        Some(match state.head_since {
            Some(first_byte) => first_byte + limits.header_timeout,
            None => state.idle_since + limits.idle_timeout,
        })
    }

    /// Completes when the connection has timed out: idle too long, or a head too slow.
    async fn timed_out(&self, limits: Limits) {
        loop {
            match self.deadline(limits) {
                None => self.changed.notified().await,
                Some(deadline) => {
                    tokio::select! {
                        () = tokio::time::sleep_until(deadline) => {
                            if self.deadline(limits).is_some_and(|d| d <= Instant::now()) {
                                return;
                            }
                        }
                        () = self.changed.notified() => {}
                    }
                }
            }
        }
    }
}

/// A request in progress: the connection is busy until this is dropped with its response.
struct Busy(Arc<Activity>);

impl Busy {
    fn begin(activity: Arc<Activity>) -> Busy {
        activity.update(|s| {
            s.busy += 1;
            s.head_since = None;
        });
        Busy(activity)
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.update(|s| {
            s.busy = s.busy.saturating_sub(1);
            if s.busy == 0 {
                s.idle_since = Instant::now();
            }
        });
    }
}

/// A response body that keeps its connection busy until it is written whole.
struct Tracked {
    body: Body,
    _busy: Busy,
}

impl hyper::body::Body for Tracked {
    type Data = <Body as hyper::body::Body>::Data;
    type Error = <Body as hyper::body::Body>::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

/// The socket, noting the first byte of each request head for the header timeout.
struct Watched {
    stream: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if buf.filled().len() > before
            && self
                .activity
                .state()
                .is_some_and(|s| s.busy == 0 && s.head_since.is_none())
        {
            self.activity
                .update(|s| s.head_since = Some(Instant::now()));
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
