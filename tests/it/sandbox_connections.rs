//! Idle and slow clients cannot take the sandbox down: heads must arrive whole in time, idle
//! connections are closed (never a stream in progress), and beyond its connection cap the
//! sandbox answers 503 at once instead of hanging.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::harness::{Api, Home, Sandbox, Workspace};
use crate::sandbox_events::Stream;

/// Generous: what is polled here happens in about a second.
const DEADLINE: Duration = Duration::from_secs(30);

fn connect(sandbox: &Sandbox) -> TcpStream {
    let addr = sandbox.url.trim_start_matches("http://");
    let stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    stream
}

/// A connection that starts a request head and never finishes it.
fn slow_head(sandbox: &Sandbox) -> TcpStream {
    let mut stream = connect(sandbox);
    stream
        .write_all(b"GET /v1/me HTTP/1.1\r\nHost: sandbox\r\nX-Slow: ")
        .unwrap();
    stream
}

/// Polls until the server has closed `stream` (end of file or a reset), writing one more byte of
/// the head before each look when `trickle`; false at the deadline.
fn closed_by_server(stream: &mut TcpStream, trickle: bool, deadline: Instant) -> bool {
    let mut buf = [0u8; 4096];
    while Instant::now() < deadline {
        if trickle && stream.write_all(b"a").is_err() {
            return true;
        }
        match stream.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => return true,
        }
    }
    false
}

/// A new client (no pooled connection) is served by `/healthz` before the deadline.
fn another_client_is_served(sandbox: &Sandbox) {
    let deadline = Instant::now() + DEADLINE;
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    loop {
        match client.get(format!("{}/healthz", sandbox.url)).send() {
            Ok(r) if r.status() == 200 => return,
            other => assert!(
                Instant::now() < deadline,
                "another client was not served: {other:?}"
            ),
        }
    }
}

#[test]
fn a_request_head_must_arrive_whole_however_slowly_it_trickles() {
    let sandbox = Sandbox::start(&["--header-timeout", "1s", "--idle-timeout", "1h"]);
    let mut slow: Vec<TcpStream> = (0..40).map(|_| slow_head(&sandbox)).collect();
    another_client_is_served(&sandbox);
    // Each keeps sending a byte at a time: never idle, never whole.
    let deadline = Instant::now() + DEADLINE;
    for (n, stream) in slow.iter_mut().enumerate() {
        assert!(
            closed_by_server(stream, true, deadline),
            "slow connection {n} is still open"
        );
    }
    another_client_is_served(&sandbox);
}

#[test]
fn idle_connections_are_closed_but_a_stream_in_progress_is_not() {
    let sandbox = Sandbox::start(&["--idle-timeout", "1s", "--header-timeout", "1h"]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let mut stream = Stream::open(&api, None);
    // Connections that never send a byte, and one kept alive after its answer.
    let mut idle: Vec<TcpStream> = (0..40).map(|_| connect(&sandbox)).collect();
    let mut kept = connect(&sandbox);
    kept.write_all(b"GET /healthz HTTP/1.1\r\nHost: sandbox\r\n\r\n")
        .unwrap();
    idle.push(kept);
    another_client_is_served(&sandbox);
    let deadline = Instant::now() + DEADLINE;
    for (n, conn) in idle.iter_mut().enumerate() {
        assert!(
            closed_by_server(conn, false, deadline),
            "idle connection {n} is still open"
        );
    }
    // The event stream has been open longer than the idle timeout, with nothing to send: it is
    // an answer in progress, so it is still there for the next change.
    let id = w.queued();
    let (_, event) = stream.next();
    assert_eq!(
        (event["intervention_id"].as_str(), event["action"].as_str()),
        (Some(id.as_str()), Some("started"))
    );
}

#[test]
fn over_the_connection_cap_a_client_gets_503_and_the_next_is_served() {
    let sandbox = Sandbox::start(&[
        "--max-connections",
        "3",
        "--idle-timeout",
        "1h",
        "--header-timeout",
        "1h",
    ]);
    // Three connections hold every place (the server accepts in order of arrival).
    let mut held: Vec<TcpStream> = (0..3).map(|_| connect(&sandbox)).collect();
    let api = Api::new(&sandbox.url, "lvs_any");
    let refused = api.get("/v1/me");
    let detail = refused.problem(503, "unavailable");
    assert!(detail.contains("--max-connections"), "{detail}");
    assert_eq!(refused.header("retry-after"), Some("1"));
    assert_eq!(refused.header("connection"), Some("close"));

    // One leaves: its place is free for the next client.
    held.pop();
    another_client_is_served(&sandbox);
}

/// The lines `sandbox serve ARGS` writes on stderr until it stops by SIGTERM.
#[cfg(unix)]
fn serve_stderr(addr: &str) -> Vec<String> {
    let home = Home::new();
    let db = home.db();
    let mut child = home
        .livectl()
        .args(["sandbox", "serve", "--addr", addr, "--db"])
        .arg(&db)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut said = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        let listening = line.contains("listening on");
        said.push(line);
        if listening {
            break;
        }
    }
    // SAFETY: SIGTERM to our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    said.extend(lines.map(Result::unwrap));
    assert_eq!(child.wait().unwrap().code(), Some(0), "{said:?}");
    said
}

#[cfg(unix)]
#[test]
fn a_sandbox_reachable_from_other_machines_says_how_to_keep_it_local() {
    let said = serve_stderr("0.0.0.0:0");
    let warning = said
        .iter()
        .find(|l| l.starts_with("warning:"))
        .unwrap_or_else(|| panic!("no warning: {said:?}"));
    assert!(
        warning.contains("for trying things") && warning.contains("bind 127.0.0.1"),
        "{warning}"
    );
    let local = serve_stderr("127.0.0.1:0");
    assert!(local.iter().all(|l| !l.contains("warning")), "{local:?}");
}

#[test]
fn serve_refuses_a_cap_or_a_timeout_that_makes_no_sense() {
    let home = Home::new();
    for (flag, value) in [
        ("--max-connections", "0"),
        ("--header-timeout", "soon"),
        ("--idle-timeout", "0s"),
    ] {
        let out = home.run(&["sandbox", "serve", flag, value]);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(flag), "{stderr}");
    }
}

#[test]
fn sandbox_wait_returns_once_a_sandbox_started_in_the_background_answers() {
    // The README's CI steps start `sandbox serve ... &` and ask for a token at once: raced, the
    // token found "no sandbox database" yet.
    let home = Home::new();
    let addr = crate::harness::free_addr();
    let db = home.path().join("ci.db");
    let wait = |timeout: &str| {
        crate::harness::Run::from(home.run(&[
            "sandbox",
            "wait",
            "--addr",
            &addr,
            "--timeout",
            timeout,
        ]))
    };
    let nobody = wait("1s");
    nobody.fails(
        1,
        &format!("no sandbox answered at http://{addr} within 1s"),
    );
    nobody.hints(&format!(
        "start one with `livectl sandbox serve --addr {addr}`, or wait longer with --timeout"
    ));

    let mut serve = home
        .livectl()
        .args([
            "sandbox", "serve", "--addr", &addr, "--seed", "demo", "--db",
        ])
        .arg(&db)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let up = wait("30s");
    let token = home.run(&["sandbox", "token", "--db", db.to_str().unwrap()]);
    let _ = serve.kill();
    let _ = serve.wait();
    assert!(
        up.stderr
            .contains(&format!("the sandbox at http://{addr} answers")),
        "{}",
        up.stderr
    );
    assert!(up.ok().is_empty(), "a note on stderr, nothing on stdout");
    assert!(
        token.status.success(),
        "{}",
        String::from_utf8_lossy(&token.stderr)
    );
}

/// `wait --db` tells the sandbox it started from another that held the address already: the
/// one started could not listen and exited 1 in the background, and `wait` said the other
/// "answers", so the script went on against that one's data (new user).
#[test]
fn sandbox_wait_with_its_database_tells_another_sandbox_on_the_address() {
    let other = Sandbox::start(&[]);
    let addr = other.url.trim_start_matches("http://").to_owned();
    let home = &other.home;
    let wait = |db: &std::path::Path| {
        crate::harness::Run::from(home.run(&[
            "sandbox",
            "wait",
            "--addr",
            &addr,
            "--timeout",
            "5s",
            "--db",
            db.to_str().unwrap(),
        ]))
    };
    // Its own database: answered.
    assert!(
        wait(&other.db)
            .stderr
            .contains(&format!("the sandbox at {} answers", other.url))
    );
    // Another database, never made (the sandbox for it could not start), or made by another
    // sandbox before: not this one's.
    let mine = home.path().join("mine.db");
    let missing = wait(&mine);
    missing.fails(
        1,
        &format!(
            "the sandbox at {} does not serve {}: another process held the address",
            other.url,
            mine.display()
        ),
    );
    missing.hints(
        "stop the other sandbox, or start this one on another address with --addr (and wait there)",
    );
    let made = Sandbox::start_on(home.clone(), &mine, &[]);
    drop(made);
    wait(&mine).fails(1, "another process held the address");
    // A file that is no sandbox's database is refused as every `--db` is, and left as it was:
    // it was opened as a store, which writes a sandbox's tables into it (review).
    let notes = home.path().join("notes.txt");
    std::fs::write(&notes, "my notes\n").unwrap();
    wait(&notes).fails(
        2,
        &format!("{} is not a livectl sandbox database", notes.display()),
    );
    assert_eq!(std::fs::read(&notes).unwrap(), b"my notes\n");
    let empty = home.path().join("empty.db");
    std::fs::write(&empty, "").unwrap();
    wait(&empty).fails(2, "it holds no sandbox yet");
    assert_eq!(std::fs::read(&empty).unwrap(), b"", "not made a store");
}

#[test]
fn sandbox_wait_says_when_something_else_answers() {
    sandbox_wait_against("404 Not Found", &|run, addr| {
        run.fails(
            1,
            &format!("http://{addr} answers, but not as a sandbox: GET /healthz is 404 Not Found"),
        );
        run.hints("give the address the sandbox serves with --addr");
    });
    // A sandbox at its connection cap is there and busy: waited for, to the end.
    sandbox_wait_against("503 Service Unavailable", &|run, addr| {
        run.fails(
            1,
            &format!("no sandbox answered at http://{addr} within 1s"),
        );
    });
}

/// `sandbox wait --timeout 1s` against a server answering every request with `status`.
fn sandbox_wait_against(status: &'static str, check: &dyn Fn(&crate::harness::Run, &str)) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut head = [0u8; 1024];
            let _ = stream.read(&mut head);
            let answer = format!("HTTP/1.1 {status}\r\ncontent-length: 0\r\n\r\n");
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    let run = crate::harness::Run::from(Home::new().run(&[
        "sandbox",
        "wait",
        "--addr",
        &addr,
        "--timeout",
        "1s",
    ]));
    check(&run, &addr);
}
