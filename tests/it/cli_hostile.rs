//! A platform that breaks the contract never takes livectl with it: a body that never ends is
//! refused at the most an answer holds, pages whose cursors go round in a circle are said to be
//! broken rather than followed for ever, and a redirect is not followed (a change redirected
//! went on as a GET elsewhere, and was reported as made).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::harness::{Home, Run};

/// What a route answers: a whole response, or a chunked body that never ends.
enum Answer {
    Whole(String),
    Endless,
    /// The connection closed with no answer, the request read whole.
    Hangup,
}

fn json(status: &str, body: &str) -> Answer {
    Answer::Whole(format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    ))
}

const ME: &str = r#"{"id":"ag_1","key":null,"name":"A","email":"a@example.com","role":"admin","department":null,"status":"online","status_since":"2026-11-24T10:00:00.000Z","max_load":null,"active":true,"workspace":{"id":"ws_1","name":"W"}}"#;
const IV: &str = r#"{"id":"iv_1","conversation_id":"cv_1","user":{"id":"us_1","name":"U","channel":"web"},"summary":"s","department":null,"state":"assigned","owner":"ag_1","queued_at":"2026-11-24T10:00:00.000Z","assigned_at":"2026-11-24T10:01:00.000Z","closed_at":null,"last_user_message_at":null,"last_agent_message_at":null,"tags":[],"completion":null,"version":3,"updated_at":"2026-11-24T10:01:00.000Z"}"#;

/// A platform on the loopback answering each request as `route` says from its method and path
/// (without the query); its address.
fn platform(route: impl Fn(&str, &str) -> Answer + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let route = Arc::new(route);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let route = route.clone();
            std::thread::spawn(move || serve(stream, &*route));
        }
    });
    url
}

fn serve(mut stream: TcpStream, route: &dyn Fn(&str, &str) -> Answer) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some(n) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = n.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
    let mut words = first.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    // Routed by the path alone: a list's query (limit, cursor) aside.
    let path = target.split('?').next().unwrap_or("");
    match route(method, path) {
        Answer::Whole(response) => {
            let _ = stream.write_all(response.as_bytes());
        }
        Answer::Hangup => {}
        Answer::Endless => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
            if stream.write_all(head.as_bytes()).is_err() {
                return;
            }
            let chunk = format!("{:x}\r\n{}\r\n", 64 * 1024, "1,".repeat(32 * 1024));
            // Until livectl hangs up.
            while stream.write_all(chunk.as_bytes()).is_ok() {}
        }
    }
}

fn livectl(url: &str, args: &[&str]) -> Run {
    Home::new()
        .livectl()
        .env("LIVECTL_API_URL", url)
        .env("LIVECTL_TOKEN", "lvt_fake")
        .args(args)
        .output()
        .unwrap()
        .into()
}

#[test]
fn an_answer_larger_than_any_of_the_api_is_refused_not_held() {
    // The whole body was held in memory: a body that never ends took the machine's.
    let url = platform(|_, path| {
        match path {
        "/v1/me" => json("200 OK", ME),
        "/v1/queues" => Answer::Endless,
        // Said whole in its head: refused before it is read.
        _ => Answer::Whole(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{".into(),
        ),
    }
    });
    let endless = livectl(&url, &["queues"]);
    endless.fails(1, "/v1/queues is not the API's JSON (it passes 64 MiB, more than any answer of the API holds)");
    let declared = livectl(&url, &["show", "iv_1"]);
    declared.fails(1, "it passes 64 MiB");
    // The bulk engine's own connections read their answers the same way.
    // (A 200 whose body cannot be read may have acted: such an item is left for a resume,
    // whose key replays it.)
    let bulk = livectl(&url, &["cancel", "iv_1", "iv_2", "--yes", "-o", "json"]);
    assert_eq!(bulk.code, 3, "{}", bulk.stderr);
    assert_eq!(
        bulk.stdout.matches("it passes 64 MiB").count(),
        2,
        "{}",
        bulk.stdout
    );
}

/// A connection made that ended before the whole answer came (a chunk HTTP cannot read, a
/// body shorter than it said) was said "cannot reach", hinted "is the server running?": it
/// was reached, and running.
#[test]
fn an_answer_cut_short_is_a_connection_ended_not_a_platform_unreached() {
    let url = platform(|_, path| {
        match path {
        "/v1/me" => json("200 OK", ME),
        "/v1/queues" => Answer::Whole(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n".into(),
        ),
        // 500 bytes promised, 12 sent, then closed.
        _ => Answer::Whole(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\nConnection: close\r\n\r\n{\"id\":\"iv_1\"".into(),
        ),
    }
    });
    for args in [&["queues"][..], &["show", "iv_1"]] {
        let run = livectl(&url, args);
        let stderr = run.fails(1, &format!("the connection to {url}/v1/"));
        assert!(
            stderr.contains(" ended: ")
                && stderr.contains("hint: the platform, or a proxy between, ended the connection")
                && !stderr.contains("cannot reach")
                && !stderr.contains("is the server running"),
            "{args:?}: {stderr}"
        );
    }
    // The bulk engine's own connections say it the same way, item by item.
    let bulk = livectl(&url, &["cancel", "iv_1", "iv_2", "--yes", "-o", "json"]);
    assert_eq!(bulk.code, 3, "{}", bulk.stderr);
    assert!(
        bulk.stdout.contains(&format!(
            "the connection to {url}/v1/interventions/iv_1/cancel ended: "
        )),
        "{}",
        bulk.stdout
    );
}

#[test]
fn pages_whose_cursors_go_round_in_a_circle_are_a_broken_platform_not_a_loop() {
    // `list --all` printed the same intervention for ever, and a bulk run by filters cancelled
    // it again and again.
    let asked = Arc::new(AtomicUsize::new(0));
    let count = asked.clone();
    let circle = platform(move |_, path| {
        if path == "/v1/me" {
            return json("200 OK", ME);
        }
        // c1, c2, c1, ...: no cursor twice in a row, still a circle.
        let n = count.fetch_add(1, Ordering::SeqCst);
        let next = if n.is_multiple_of(2) { "c1" } else { "c2" };
        json(
            "200 OK",
            &format!(r#"{{"items":[{IV}],"next_cursor":"{next}"}}"#),
        )
    });
    let list = livectl(&circle, &["list", "--all"]);
    list.fails(
        1,
        "its next_cursor `c1` came before: its pages go round in a circle",
    );
    assert_eq!(list.stdout.lines().count(), 2, "{}", list.stdout);
    livectl(&circle, &["api", "/v1/interventions", "--paginate"])
        .fails(1, "came before: its pages go round in a circle");
    let run = livectl(&circle, &["cancel", "--state", "assigned", "--yes"]);
    assert_ne!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("go round in a circle"),
        "{}",
        run.stderr
    );

    let empty = platform(|_, path| match path {
        "/v1/me" => json("200 OK", ME),
        _ => json("200 OK", &format!(r#"{{"items":[{IV}],"next_cursor":""}}"#)),
    });
    livectl(&empty, &["list", "--all"]).fails(1, "its next_cursor is empty");
}

/// A page that is the API's with one item that is not the contract's names that item and
/// says the platform broke the contract: "not the API's JSON, check the address" sent people
/// looking at their config (hostile-input check).
#[test]
fn an_item_not_of_the_contract_is_named_and_not_blamed_on_the_address() {
    let record = |id: &str, text: &str| {
        format!(
            r#"{{"id":"{id}","conversation_id":"cv_1","user":{{"id":"us_1","name":"U","channel":"web"}},"channel":"web","at":"2026-11-24T10:00:00.000Z","sender":"user","agent":null,"text":{text}}}"#
        )
    };
    let good = record("msg_1", r#""hi""#);
    let broken = record("msg_2", "null");
    let page = format!(r#"{{"items":[{good},{broken}],"next_cursor":null}}"#);
    let url = platform(move |_, path| match path {
        "/v1/me" => json("200 OK", ME),
        _ => json("200 OK", &page),
    });
    let run = livectl(&url, &["history", "--all", "-o", "csv"]);
    run.fails(
        1,
        &format!("the platform sent `msg_2` from {url}/v1/history?limit=1000 in a form the contract does not have (invalid type: null, expected a string"),
    );
    run.hints("the platform does not keep the contract here: report it to whoever runs it (`-vv` shows the request)");
    assert!(
        !run.stderr.contains("check that the API address"),
        "{}",
        run.stderr
    );
    // A list read page by page as it is written says the same: here, records where
    // interventions belong.
    let list = livectl(&url, &["list"]);
    list.fails(1, "the platform sent `msg_1` from");
    assert!(
        !list.stderr.contains("check that the API address"),
        "{}",
        list.stderr
    );
}

#[test]
fn a_redirect_is_not_followed_and_names_where_it_points() {
    // A POST answered 302 went on as a GET to where it pointed, and livectl printed the
    // intervention it read there as if the change had been made.
    let elsewhere_asked = Arc::new(AtomicUsize::new(0));
    let count = elsewhere_asked.clone();
    let elsewhere = platform(move |_, _| {
        count.fetch_add(1, Ordering::SeqCst);
        json("200 OK", IV)
    });
    let to = format!("{elsewhere}/v1/interventions/iv_1");
    let url = platform(move |method, path| match (method, path) {
        ("GET", "/v1/me") => json("200 OK", ME),
        _ => Answer::Whole(format!(
            "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )),
    });
    let run = livectl(&url, &["cancel", "iv_1"]);
    run.fails(
        1,
        &format!("the server answered 302 Found without an API error body: it points to {elsewhere}/v1/interventions/iv_1"),
    );
    run.hints("livectl follows no redirect (a change redirected would not be made): point --api-url, or the profile's api_url, at the address the platform gives");
    assert_eq!(run.stdout, "");
    assert_eq!(elsewhere_asked.load(Ordering::SeqCst), 0);
}

#[test]
fn a_token_the_platform_sends_back_is_never_printed() {
    // A platform echoing the request's headers in its error put the token on stderr, and -vvv
    // logged it from a body.
    let url = platform(|_, path| {
        match path {
        "/v1/me" => json("200 OK", ME),
        "/v1/queues" => Answer::Whole({
            let body = r#"{"type":"about:blank","title":"lvt_fake","status":500,"detail":"bad header Bearer lvt_fake","code":"internal"}"#;
            format!(
                "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/problem+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
        }),
        // Not JSON, in a 2xx: the body's start goes into the error.
        "/v1/departments" => Answer::Whole(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 20\r\nConnection: close\r\n\r\necho Bearer lvt_fake".into(),
        ),
        // Not a problem, the token across the 200th byte, where the body is cut.
        "/v1/topics" => Answer::Whole({
            let body = format!("{}Bearer lvt_fake", "\n".repeat(186));
            format!(
                "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
        }),
        _ => json(
            "200 OK",
            r#"{"items":[],"next_cursor":null,"echo":"Bearer lvt_fake"}"#,
        ),
    }
    });
    let failed = livectl(&url, &["queues"]);
    failed.fails(1, "bad header Bearer <redacted>");
    let logged = livectl(&url, &["-vvv", "agents"]);
    assert_eq!(logged.code, 0, "{}", logged.stderr);
    assert!(
        logged.stderr.contains("\"echo\":\"Bearer <redacted>\""),
        "{}",
        logged.stderr
    );
    let not_json = livectl(&url, &["departments"]);
    not_json.fails(1, "echo Bearer <redacted>");
    let cut = livectl(&url, &["topics"]);
    cut.fails(1, "502");
    let raw = livectl(&url, &["api", "-i", "/v1/agents"]);
    assert!(raw.stdout.contains("Bearer <redacted>"), "{}", raw.stdout);
    for run in [&failed, &logged, &not_json, &cut, &raw] {
        // Not even a part of it, where a body was cut.
        assert!(
            !run.stderr.contains("lvt_f") && !run.stdout.contains("lvt_f"),
            "{run:?}"
        );
    }
}

#[test]
fn a_request_still_running_under_its_key_is_hinted_as_such() {
    // Retried, then reported with "look at it as it is now", as if someone had changed it.
    let url = platform(|method, path| match (method, path) {
        ("GET", "/v1/me") => json("200 OK", ME),
        _ => {
            let body = r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"a request with this Idempotency-Key is still running","code":"idempotency_conflict"}"#;
            Answer::Whole(format!(
                "HTTP/1.1 409 Conflict\r\nContent-Type: application/problem+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            ))
        }
    });
    let run = livectl(&url, &["cancel", "iv_1"]);
    run.fails(6, "a request with this Idempotency-Key is still running");
    run.hints("the platform was still running this request when livectl stopped asking; in a moment, see whether it acted with `livectl show iv_1`");
}

/// A 200 to `GET /v1/events` that is not `text/event-stream` (here JSON, from a server that
/// is not the API) is not a stream that ended: said as what came back, not tried again.
#[test]
fn a_200_that_is_not_an_event_stream_is_said_and_not_tried_again() {
    let streams = Arc::new(AtomicUsize::new(0));
    let counted = streams.clone();
    let url = platform(move |_, path| match path {
        "/v1/me" => json("200 OK", ME),
        _ => {
            if path == "/v1/events" {
                counted.fetch_add(1, Ordering::SeqCst);
            }
            json("200 OK", r#"{"items":[],"next_cursor":null}"#)
        }
    });
    let mut child = Home::new()
        .livectl()
        .env("LIVECTL_API_URL", &url)
        .env("LIVECTL_TOKEN", "lvt_fake")
        .arg("watch")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run livectl");
    // It ends by itself; one taking it for a stream would reconnect until stopped.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let _ = child.kill();
    let run = Run::from(child.wait_with_output().expect("livectl ends"));
    let said = run.fails(1, "is not an event stream");
    insta::assert_snapshot!(said.replace(&url, "URL"), @"
    error: the answer from URL/v1/events is not an event stream: 200 with Content-Type application/json, where text/event-stream was asked for
    hint: check that the API address points at the Live Conversations API (it serves /v1/)
    ");
    assert_eq!(streams.load(Ordering::SeqCst), 1);
}

/// What a user names as input is read no further than its use allows: one endless line on
/// stdin, or `--input /dev/zero`, was read into memory until the machine's memory ran out
/// (hostile-input check: the kernel killed it at 24 GB).
#[test]
fn a_named_input_is_read_no_further_than_its_limit() {
    let sandbox = crate::harness::Sandbox::start(&[]);
    let api = sandbox.api();
    let w = crate::harness::Workspace::new(&api);
    let id = w.in_state("assigned");
    let line = "x".repeat(70 << 10);
    sandbox
        .cli_stdin(&api.token, &["return", "-", "--dry-run"], &line)
        .fails(
            2,
            "stdin line 1 is longer than 64 KiB: not a row with an id",
        );
    let path = format!("/v1/interventions/{id}/return");
    for args in [
        &["api", "-X", "POST", &path, "--input", "/dev/zero"][..],
        &["api", "-X", "POST", &path, "-F", "reason=@/dev/zero"][..],
    ] {
        let run = sandbox.cli(&api.token, args);
        run.fails(
            2,
            "is larger than the 1 MiB a request body may be; nothing was sent",
        );
    }
    // Just within it, the body is sent (and refused by the platform for its reason's length).
    let big = sandbox.home.path().join("reason.txt");
    std::fs::write(&big, "r".repeat(1000)).unwrap();
    let reason = format!("reason=@{}", big.display());
    sandbox
        .cli(&api.token, &["api", "-X", "POST", &path, "-F", &reason])
        .fails(2, "reason");
    assert_eq!(
        api.intervention(&id)["state"],
        "assigned",
        "nothing changed"
    );
    let token = sandbox.cli_stdin(
        "",
        &["login", "--token-stdin", "--api-url", &sandbox.url],
        &line,
    );
    token.fails(
        2,
        "--token-stdin: stdin holds more than 64 KiB, which is no token",
    );
}

/// An error quotes what the user gave, but no line of it runs on without end: a 10 MB id was
/// echoed whole (hostile-input check).
#[test]
fn an_error_quoting_a_huge_value_is_cut_in_its_middle() {
    let home = Home::new();
    let id = format!("iv_{}", "9".repeat(100_000));
    let run = home.cli(&["--sandbox", "show", &id]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let longest = run
        .stderr
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    assert!(longest < 2_100, "a line of {longest} characters");
    assert!(run.stderr.contains("characters left out"), "{}", run.stderr);
}

/// A `Retry-After` far longer than any wait worth making is not waited for: asked for three
/// years, a `whoami` asked again every 30 s and failed after two minutes with "try again in a
/// moment" (hostile-input check). It fails at once, after one request, saying the wait.
#[test]
fn a_wait_asked_for_that_is_too_long_fails_at_once_and_says_it() {
    let asked = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = asked.clone();
    let url = platform(move |_, _| {
        counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let body = r#"{"type":"urn:livectl:problem:rate_limited","title":"Too Many Requests","status":429,"detail":"slow down","code":"rate_limited"}"#;
        Answer::Whole(format!(
            "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/problem+json\r\nRetry-After: 99999999\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ))
    });
    let run = livectl(&url, &["whoami"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "hint: the platform is limiting requests, and asked for 1157d9h46m39s before trying again (Retry-After)"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("waiting"), "{}", run.stderr);
    assert_eq!(asked.load(std::sync::atomic::Ordering::SeqCst), 1);
}

/// A platform that took an action and died before it answered (its connection closed, then
/// nothing listening) was said as "cannot reach ... is the server running?": the last attempt's
/// error, though the first may have done the action (on-call check). The run says the earlier
/// attempt's fate, and to look before sending it again; not to simply try again.
#[test]
fn an_action_whose_platform_died_holding_its_answer_may_have_been_done() {
    let url = dies_holding_a_post();
    let run = livectl(&url, &["return", "iv_1"]);
    let said = run.fails(1, "/v1/interventions/iv_1/return ended");
    assert!(
        said.contains("asked again, it could not be reached"),
        "{said}"
    );
    run.hints(
        "the platform may have done it before failing: look with `livectl show iv_1` before sending it again",
    );
    assert!(!said.contains("try again in a moment"), "{said}");
    assert!(!said.contains("is the server running"), "{said}");
    // A request sent through the transport's pool rather than a lane says the same.
    let url = dies_holding_a_post();
    let run = livectl(
        &url,
        &["api", "-X", "POST", "/v1/interventions/iv_1/return"],
    );
    let said = run.fails(1, "/v1/interventions/iv_1/return ended");
    assert!(
        said.contains("asked again, it could not be reached"),
        "{said}"
    );
    // `api` names the key it sent, which makes sending it again safe (a plain retry sent a
    // new key, refused 409 after the change was done: automation check).
    let hint = said
        .lines()
        .find(|l| l.starts_with("hint: it may have been done"))
        .unwrap_or_else(|| panic!("{said}"));
    let key = hint
        .strip_prefix("hint: it may have been done: send it again with --idempotency-key ")
        .and_then(|rest| rest.strip_suffix(", and the platform does it at most once"))
        .unwrap_or_else(|| panic!("{hint}"));
    assert!(key.starts_with("lc-") && key.len() == 35, "{hint}");
    assert!(!said.contains("try again in a moment"), "{said}");
}

/// A platform that answers GETs, takes the first POST and closes its connection without an
/// answer, then stops listening: a server killed while it held an answer. Its address.
fn dies_holding_a_post() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let posted = std::sync::atomic::AtomicBool::new(false);
            serve(stream, &|method, path| match (method, path) {
                ("POST", _) => {
                    posted.store(true, std::sync::atomic::Ordering::SeqCst);
                    Answer::Hangup
                }
                (_, "/v1/me") => json("200 OK", ME),
                _ => json("200 OK", IV),
            });
            // Gone: the listener closes with the thread, and a new connection is refused.
            if posted.load(std::sync::atomic::Ordering::SeqCst) {
                break;
            }
        }
    });
    url
}

/// An event stream refused with a wait longer than any request waits for (`Retry-After` of a
/// day) was asked again every 30 s for five minutes; it is given up at once, as a request is,
/// saying the wait asked for (on-call check).
#[test]
fn a_stream_asked_to_wait_a_day_is_given_up_at_once() {
    let url = platform(|_, path| {
        match path {
        "/v1/events" => Answer::Whole(
            "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 86400\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".into(),
        ),
        "/v1/me" => json("200 OK", ME),
        _ => json("200 OK", r#"{"items":[],"next_cursor":null}"#),
    }
    });
    let mut child = Home::new()
        .livectl()
        .env("LIVECTL_API_URL", &url)
        .env("LIVECTL_TOKEN", "lvt_fake")
        .args(["watch"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("the stream was asked again though the platform asked for a day");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let mut said = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut said).unwrap();
    assert_eq!(status.code(), Some(1), "{said}");
    assert!(said.contains("1d"), "the wait asked for is said: {said}");
}
