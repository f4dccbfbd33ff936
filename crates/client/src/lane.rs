//! A lane: one kept-alive connection that one bulk worker owns and drives in its own future.
//!
//! Through the pool, an answer goes from reqwest's connection task to the worker, and the next
//! request back to the connection task: on one thread, with a group of answers arriving
//! together, those hops run in rounds and the next request leaves 155 µs after the answer
//! (BENCHMARKS.md). A lane polls its connection inside the call that waits for the answer, so
//! the answer is read, the worker records it, takes its next item and writes the request in one
//! poll, as wrk does. It goes through the transport for everything but the connection: the
//! headers, the retry policy and budget, the time limit, the `-v` lines, the errors.
//!
//! A lane drives plain HTTP reached directly (the sandbox, on loopback). Over TLS, or with a
//! proxy in the environment, its requests go through the transport's pool as every other
//! request does: one TLS and one proxy setup, reqwest's, and a network's round trip dwarfs the
//! hops there.

use std::future::{Future, poll_fn};
use std::net::SocketAddr;
use std::pin::{Pin, pin};
use std::task::Poll;

use bytes::Bytes;
use http_body_util::Full;
use hyper::client::conn::http1;
use reqwest::{Method, Url, header};
use serde::de::DeserializeOwned;

use crate::client::action_request;
use crate::error::ClientError;
use crate::transport::{
    Body, CONNECT_TIMEOUT, Next, Options, RawAnswer, Transport, Tries, Unread, connection_error,
    decode, ended, named, read_capped, too_large,
};
use livectl_contract::Action;

/// The environment variables through which reqwest sends plain-HTTP requests to a proxy.
const PROXY_VARIABLES: [&str; 4] = ["http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"];

pub struct Lane {
    transport: Transport,
    /// Whether requests go on the lane's own connection (plain HTTP, no proxy).
    direct: bool,
    conn: Option<Conn>,
}

/// A connection: the handle that sends requests, and the connection itself, which reads and
/// writes only while it is polled (by `drive`); None once it ended (closed by the server, or
/// broken), and dropped then, which fails whatever still waited on it.
struct Conn {
    sender: http1::SendRequest<Full<Bytes>>,
    driver: Option<Driver>,
}

type Driver = Pin<Box<dyn Future<Output = hyper::Result<()>> + Send>>;

impl Lane {
    pub(crate) fn new(transport: Transport) -> Lane {
        let direct = goes_direct(transport.scheme(), |name| std::env::var_os(name));
        Lane {
            transport,
            direct,
            conn: None,
        }
    }

    /// A lane that sends through the transport's pool whatever the address (`Client::act`).
    pub(crate) fn pooled(transport: Transport) -> Lane {
        Lane {
            transport,
            direct: false,
            conn: None,
        }
    }

    /// Runs an action: `POST /v1/interventions/{id}/{action}`, with a fresh key unless the
    /// options carry one. `T` is the answer wanted: `Intervention`, or `IgnoredAny` when only
    /// whether it acted matters.
    pub async fn act<T: DeserializeOwned>(
        &mut self,
        id: &str,
        action: &Action,
        options: Options,
    ) -> Result<T, ClientError> {
        let (url, body) = action_request(&self.transport, id, action)?;
        let options = options.keyed();
        let answer = self
            .send(&Method::POST, &url, Some(&body), &options)
            .await?;
        decode(&url, &answer.body)
    }

    /// Sends a request with the transport's retry policy, and returns a 2xx answer.
    async fn send(
        &mut self,
        method: &Method,
        url: &Url,
        body: Option<&Body>,
        options: &Options,
    ) -> Result<crate::transport::Answer, ClientError> {
        let mut tries = Tries::default();
        loop {
            let attempt = if self.direct {
                once(&self.transport, &mut self.conn, method, url, body, options).await
            } else {
                self.transport.once(method, url, body, options).await
            };
            match self
                .transport
                .judge(method, url, options, tries.retry, attempt)
            {
                Next::Answer(answer) => return Ok(answer),
                Next::Fail(error, _) => return Err(tries.end(error)),
                Next::Retry(wait, error, _) => {
                    if !self
                        .transport
                        .pause(tries.retry, wait, &named(method, url))
                        .await
                    {
                        return Err(tries.end(error));
                    }
                    tries.again(method, error);
                }
            }
        }
    }
}

/// One attempt on the lane's connection `conn` (opened when there is none).
async fn once(
    transport: &Transport,
    conn: &mut Option<Conn>,
    method: &Method,
    url: &Url,
    body: Option<&Body>,
    options: &Options,
) -> Result<RawAnswer, ClientError> {
    let mut request = hyper::Request::builder()
        .method(method.clone())
        .uri(&url[url::Position::BeforePath..url::Position::AfterQuery])
        .body(Full::new(body.map(Body::bytes).unwrap_or_default()))
        .map_err(|e| ClientError::Config(format!("cannot make the request: {e}")))?;
    *request.headers_mut() = transport.headers(options, body.is_some())?;
    let host =
        header::HeaderValue::from_str(&url[url::Position::BeforeHost..url::Position::AfterPort])
            .map_err(|e| ClientError::Config(format!("cannot name the host: {e}")))?;
    request.headers_mut().insert(header::HOST, host);
    let started = transport.attempting(method, url, body);
    // The connection is taken out for the exchange and put back only after a whole answer:
    // whatever failed or ran out of time half way, it is not used again.
    let answer = tokio::time::timeout(
        transport.timeout,
        exchange(transport, conn.take(), url, request, started),
    )
    .await
    .map_err(|_| transport.timed_out(url.as_str()))??;
    let (kept, answer) = answer;
    *conn = kept;
    transport.answer_body(method, url, &answer.body);
    Ok(answer)
}

/// Sends the request on the kept connection, or on a new one when there is none or the server
/// closed it, and reads the whole answer; gives the connection back when it is still open.
async fn exchange(
    transport: &Transport,
    kept: Option<Conn>,
    url: &Url,
    request: hyper::Request<Full<Bytes>>,
    started: std::time::Instant,
) -> Result<(Option<Conn>, RawAnswer), ClientError> {
    // Connected (each `connect` says its own failure): what fails now ended a connection made.
    let fail = |e: &(dyn std::error::Error + 'static)| ended(url.as_str(), e);
    let method = request.method().clone();
    // A kept connection the server closed meanwhile (its idle timeout) is replaced before
    // anything is sent on it: the connection reads what came while it was not polled.
    let mut conn = match kept {
        Some(mut conn) => {
            poll_fn(|cx| {
                poll_driver(&mut conn.driver, cx);
                Poll::Ready(())
            })
            .await;
            if conn.driver.is_none() || conn.sender.is_closed() {
                connect(url).await?
            } else {
                conn
            }
        }
        None => connect(url).await?,
    };
    let Conn { sender, driver } = &mut conn;
    if drive(driver, sender.ready()).await.is_err() {
        conn = connect(url).await?;
    }
    let Conn { sender, driver } = &mut conn;
    let response = drive(driver, sender.send_request(request))
        .await
        .map_err(|e| fail(&e))?;
    let (parts, incoming) = response.into_parts();
    transport.answered(&method, url, parts.status, started);
    let declared = parts
        .headers
        .get(hyper::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let body = drive(driver, read_capped(declared, incoming))
        .await
        .map_err(|unread| match unread {
            Unread::TooLarge => too_large(url.as_str()),
            Unread::Failed(e) => fail(e.as_ref()),
        })?;
    let kept = conn.driver.is_some().then_some(conn);
    Ok((
        kept,
        RawAnswer {
            status: parts.status,
            headers: parts.headers,
            body,
        },
    ))
}

/// Whether a lane reaches the API on a connection of its own: plain HTTP, and no proxy named
/// in the environment (`variable` reads one) that reqwest would send it through.
fn goes_direct(scheme: &str, variable: impl Fn(&str) -> Option<std::ffi::OsString>) -> bool {
    scheme == "http"
        && PROXY_VARIABLES
            .iter()
            .all(|name| variable(name).is_none_or(|value| value.is_empty()))
}

/// Opens a connection to the URL's host and port, within the transport's time to connect.
async fn connect(url: &Url) -> Result<Conn, ClientError> {
    let fail = |e: &(dyn std::error::Error + 'static)| connection_error(url.as_str(), e);
    let port = url.port_or_known_default().unwrap_or(80);
    let stream = tokio::time::timeout(CONNECT_TIMEOUT, async {
        match url.host() {
            Some(url::Host::Ipv4(ip)) => {
                tokio::net::TcpStream::connect(SocketAddr::from((ip, port))).await
            }
            Some(url::Host::Ipv6(ip)) => {
                tokio::net::TcpStream::connect(SocketAddr::from((ip, port))).await
            }
            Some(url::Host::Domain(name)) => tokio::net::TcpStream::connect((name, port)).await,
            None => Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the address names no host",
            )),
        }
    })
    .await
    .map_err(|_| ClientError::Connect {
        url: url.to_string(),
        detail: format!("no connection within {} s", CONNECT_TIMEOUT.as_secs()),
    })?
    .map_err(|e| fail(&e))?;
    // Requests are written whole, each at once: nothing is gained by waiting for more.
    stream.set_nodelay(true).map_err(|e| fail(&e))?;
    let (sender, connection) = http1::handshake(hyper_util::rt::TokioIo::new(stream))
        .await
        .map_err(|e| fail(&e))?;
    Ok(Conn {
        sender,
        driver: Some(Box::pin(connection)),
    })
}

/// Waits for `until` while polling the connection, in the same poll: the connection writes
/// what was just queued on it and reads what came, and `until` sees it at once.
async fn drive<F: Future>(driver: &mut Option<Driver>, until: F) -> F::Output {
    let mut until = pin!(until);
    poll_fn(|cx| {
        if let Poll::Ready(out) = until.as_mut().poll(cx) {
            return Poll::Ready(out);
        }
        poll_driver(driver, cx);
        until.as_mut().poll(cx)
    })
    .await
}

/// Lets the connection read and write what it can; once it ended it is dropped, which fails
/// what waited on it (a request queued but never written), so nothing waits on it for ever.
fn poll_driver(driver: &mut Option<Driver>, cx: &mut std::task::Context<'_>) {
    if let Some(running) = driver
        && running.as_mut().poll(cx).is_ready()
    {
        *driver = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A proxy in the environment, or TLS, sends a lane's requests through reqwest's pool,
    /// which knows both.
    #[test]
    fn only_plain_http_without_a_proxy_goes_direct() {
        let none = |_: &str| None;
        assert!(goes_direct("http", none));
        assert!(!goes_direct("https", none));
        for name in PROXY_VARIABLES {
            let set = move |n: &str| (n == name).then(|| "http://proxy.invalid:3128".into());
            assert!(!goes_direct("http", set), "{name} names a proxy");
            let empty = move |n: &str| (n == name).then(std::ffi::OsString::new);
            assert!(goes_direct("http", empty), "an empty {name} names none");
        }
    }
}
