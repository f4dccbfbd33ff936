//! `--faults` and `--rate-limit`: misbehaviour on purpose, for testing clients.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::harness::{Run, Sandbox, Workspace};

#[test]
fn error_answers_5xx_without_acting() {
    let clean = Sandbox::start(&[]);
    let w = Workspace::new(&clean.api());
    let id = w.queued();
    let faulty = Sandbox::start_in(clean.home.clone(), &["--faults", "error=1"]);
    let api = faulty.api();
    for _ in 0..6 {
        let r = api.post(
            &format!("/v1/interventions/{id}/assign"),
            json!({"agent": w.bo}),
        );
        assert!([500, 503].contains(&r.status), "{}", r.body);
        assert!(r.detail().contains("injected"), "{}", r.body);
    }
    assert_eq!(
        clean.api().intervention(&id)["state"],
        "queued",
        "nothing was done"
    );
    // Outside /v1/ nothing is faulted.
    assert_eq!(
        api.send(api.http.get(format!("{}/healthz", api.base)))
            .status,
        200
    );
    assert_eq!(
        api.send(api.http.get(format!("{}/openapi.json", api.base)))
            .status,
        200
    );
}

#[test]
fn throttle_answers_429_with_retry_after() {
    let sandbox = Sandbox::start(&["--faults", "throttle=1"]);
    let r = sandbox.api().get("/v1/me");
    r.problem(429, "rate_limited");
    assert_eq!(r.header("retry-after"), Some("1"));
    // Every 429 carries the RateLimit headers (DESIGN.md section 4), an injected one too: the
    // automation tester's conformance run called the sandbox's own throttle nonconforming.
    assert_eq!(r.header("ratelimit"), Some("\"sandbox\";r=0;t=1"));
    assert_eq!(r.header("ratelimit-policy"), Some("\"sandbox\";q=0;w=1"));
}

#[test]
fn path_keeps_the_faults_to_the_paths_under_it() {
    let sandbox = Sandbox::start(&["--faults", "throttle=1,path=/v1/events"]);
    let api = sandbox.api();
    assert_eq!(api.get("/v1/me").status, 200, "other paths answer");
    let r = api.get("/v1/events");
    r.problem(429, "rate_limited");
    assert_eq!(r.header("retry-after"), Some("1"));
}

#[test]
fn drop_commits_then_closes_the_connection_unanswered() {
    let clean = Sandbox::start(&[]);
    let w = Workspace::new(&clean.api());
    let id = w.queued();
    let faulty = Sandbox::start_in(clean.home.clone(), &["--faults", "drop=1"]);
    let api = faulty.api();
    let sent = api
        .request(
            reqwest::Method::POST,
            &format!("/v1/interventions/{id}/assign"),
        )
        .header("Idempotency-Key", "dropped-1")
        .json(&json!({"agent": w.bo}))
        .send();
    let err = sent.expect_err("no answer comes back");
    assert!(
        !err.is_timeout(),
        "the connection is closed, not left hanging: {err}"
    );
    let after = clean.api().intervention(&id);
    assert_eq!(
        (after["state"].as_str(), after["owner"].as_str()),
        (Some("assigned"), Some(w.bo.as_str())),
        "the action committed"
    );
    // Retrying with the same key on a healthy server replays instead of acting twice.
    let retry = clean.api().post_with(
        &format!("/v1/interventions/{id}/assign"),
        json!({"agent": w.bo}),
        &[("Idempotency-Key", "dropped-1")],
    );
    assert_eq!(
        (retry.status, retry.header("idempotent-replayed")),
        (200, Some("true"))
    );
    assert_eq!(
        clean.api().events_of(&id).len(),
        2,
        "started, assigned: once"
    );
}

#[test]
fn latency_delays_each_request() {
    let sandbox = Sandbox::start(&["--faults", "latency=300..300ms"]);
    let api = sandbox.api();
    let started = Instant::now();
    api.get("/v1/me").expect(200);
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "the request was delayed by the fault"
    );
}

#[test]
fn a_seed_makes_faults_repeatable_in_whatever_order_requests_come() {
    // Each request's statuses, asked in the given order of paths.
    let statuses = |order: &[&str]| {
        let sandbox = Sandbox::start(&["--faults", "error=0.4,throttle=0.2,seed=7"]);
        let api = sandbox.api();
        let mut seen: HashMap<String, Vec<u16>> = HashMap::new();
        for path in order {
            seen.entry((*path).to_owned())
                .or_default()
                .push(api.get(path).status);
        }
        seen
    };
    let apart: Vec<&str> = [["/v1/me"; 30], ["/v1/queues"; 30]].concat();
    let interleaved: Vec<&str> = (0..30).flat_map(|_| ["/v1/queues", "/v1/me"]).collect();
    let first = statuses(&apart);
    // The same requests in another order meet the same faults, as a bulk run's workers do.
    assert_eq!(first, statuses(&interleaved));
    let me = &first["/v1/me"];
    assert!(
        me.contains(&200) && me.contains(&429) && me.iter().any(|s| *s >= 500),
        "{me:?}"
    );
    assert_ne!(me, &first["/v1/queues"], "each request draws its own");
}

#[test]
fn bad_fault_specs_are_usage_errors() {
    let sandbox = Sandbox::start(&[]);
    for (spec, word) in [
        ("error=2", "between 0 and 1"),
        (
            "bogus=1",
            "error, drop, throttle, latency, expire, events-close, seed and path",
        ),
        (
            "path=/healthz",
            "path=/healthz: only paths under /v1/ meet faults",
        ),
        ("expire=soon", "expire=soon: a count of POSTs is expected"),
        ("latency=fast", "0..50ms"),
        ("error", "no value"),
    ] {
        let out = sandbox.home.run(&[
            "sandbox",
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--faults",
            spec,
        ]);
        assert_eq!(out.status.code(), Some(2), "{spec}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(word), "{spec}: {stderr}");
    }
    let out = sandbox.home.run(&[
        "sandbox",
        "serve",
        "--addr",
        "127.0.0.1:0",
        "--seed",
        "lots",
    ]);
    assert_eq!(out.status.code(), Some(2));
    // A file that is not there is said to be missing (it read "neither demo nor a seed file").
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("the seed file `lots` does not exist; give `demo` or a seed file")
    );
    let dir = sandbox.home.path().to_str().unwrap().to_owned();
    let out = sandbox
        .home
        .run(&["sandbox", "serve", "--addr", "127.0.0.1:0", "--seed", &dir]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("neither `demo` nor a seed file"));
    let out = sandbox.home.run(&[
        "sandbox",
        "serve",
        "--addr",
        sandbox.url.trim_start_matches("http://"),
    ]);
    assert_eq!(out.status.code(), Some(1), "an address in use fails");
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot listen"));
    // `localhost:PORT` is the loopback address (here in use, so it says where it tried); an
    // address without its port, or a name, says the form ("invalid socket address syntax").
    let port = sandbox.url.rsplit(':').next().unwrap();
    // So is a port alone, as `--port` (the new-user check: clap suggested `--sort`).
    for flag in [
        &["--addr", &format!("localhost:{port}")][..],
        &["--addr", port],
        &["--port", port],
    ] {
        let out = sandbox
            .home
            .run(&[&["sandbox", "serve"][..], flag].concat());
        assert_eq!(out.status.code(), Some(1), "{flag:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr)
                .contains(&format!("cannot listen on 127.0.0.1:{port}")),
            "{flag:?}"
        );
    }
    // --port is a port: one out of range says so, and names --port (the new-user check: it was
    // an alias of --addr, whose words it gave), and it goes with no --addr.
    let out = sandbox.home.run(&["sandbox", "serve", "--port", "99999"]);
    assert_eq!(out.status.code(), Some(2));
    // In words, as --addr says it: it said Rust's `0..=65535` (new user).
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(
            "invalid value '99999' for '--port <PORT>': 99999 is out of range; give a whole number from 0 to 65535"
        ),
        "{said}"
    );
    let both = sandbox
        .home
        .run(&["sandbox", "serve", "--port", "1", "--addr", "127.0.0.1:2"]);
    assert_eq!(both.status.code(), Some(2));
    for wrong in ["127.0.0.1", "localhost", "example.com:8787"] {
        let out = sandbox.home.run(&["sandbox", "serve", "--addr", wrong]);
        assert_eq!(out.status.code(), Some(2), "{wrong}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(&format!(
                "`{wrong}` is not an IP:PORT address; use 127.0.0.1:8787 (this machine)"
            )),
            "{wrong}"
        );
    }
}

#[test]
fn rate_limit_answers_429_with_headers() {
    let sandbox = Sandbox::start(&["--rate-limit", "3"]);
    let api = sandbox.api();
    let answers: Vec<_> = (0..20).map(|_| api.get("/v1/me")).collect();
    let ok = answers.iter().find(|r| r.status == 200).expect("some pass");
    assert_eq!(ok.header("ratelimit-policy"), Some("\"sandbox\";q=3;w=1"));
    assert!(
        ok.header("ratelimit")
            .unwrap()
            .starts_with("\"sandbox\";r=")
    );
    let limited = answers
        .iter()
        .find(|r| r.status == 429)
        .expect("20 requests exceed 3 a second");
    limited.problem(429, "rate_limited");
    let retry: u64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert_eq!(retry, 1, "the window is one second");
    assert!(limited.header("ratelimit").unwrap().contains(";r=0;"));
}

#[test]
fn a_refused_stream_is_asked_again_no_sooner_than_its_retry_after() {
    use std::io::BufRead;
    // Every other request answers; the stream is refused with 429 and `Retry-After: 1`. A
    // platform that says when to come back is there: the watch keeps asking, as through an
    // outage, each time no sooner than it was told.
    let sandbox = Sandbox::start(&["--faults", "throttle=1,path=/v1/events"]);
    let mut child = sandbox
        .home
        .livectl()
        .env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", &sandbox.api().token)
        .args(["watch", "-vv"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut waits = Vec::new();
    let mut said = Vec::new();
    for line in stderr.lines() {
        let line = line.unwrap();
        if let Some(ms) = line
            .strip_prefix("livectl:   waiting ")
            .and_then(|l| l.strip_suffix(" ms to retry the event stream"))
        {
            waits.push(ms.parse::<u64>().unwrap());
        }
        said.push(line);
        // More than the policy's five attempts of a platform never reached.
        if waits.len() == 6 {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(waits.len(), 6, "{said:#?}");
    assert!(
        waits.iter().all(|ms| *ms >= 1000),
        "each wait honours the server's Retry-After of 1 s: {waits:?}"
    );
    assert!(said.iter().any(|l| l.contains("throttled")), "{said:#?}");
}

#[test]
fn list_watch_without_its_stream_shows_the_list_then_fails() {
    let clean = Sandbox::start(&[]);
    let w = Workspace::new(&clean.api());
    let id = w.queued();
    let sandbox = Sandbox::start_in(clean.home.clone(), &["--faults", "error=1,path=/v1/events"]);
    let run = sandbox.cli(&clean.api().token, &["list", "--watch", "-o", "ids"]);
    run.fails(1, "injected fault");
    assert_eq!(run.stdout, format!("{id}\n"), "the list came first");
}

#[test]
fn a_stream_refused_again_and_again_is_said_once_and_each_time_at_v() {
    // Every try fails the same way, a 503 or a 500 (one class: the platform failing): the
    // first failure is said, the same one again only at -v (a platform down or throttling
    // refuses the stream every second for minutes). A stream never open is tried again, not
    // "reconnecting".
    let sandbox = Sandbox::start(&["--faults", "error=1,path=/v1/events,seed=7"]);
    let token = sandbox.api().token;
    let said = |run: &Run| {
        run.stderr
            .lines()
            .filter(|l| !l.starts_with("livectl:"))
            // How long it has been down is the clock's.
            .map(|l| match l.split_once(" tries in ") {
                Some((head, tail)) => {
                    format!("{head} tries in T{}", &tail[tail.find(" (").unwrap()..])
                }
                None => l.to_owned(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let quiet = sandbox.cli(&token, &["watch"]);
    quiet.fails(1, "injected fault");
    let verbose = sandbox.cli(&token, &["watch", "-v"]);
    verbose.fails(1, "injected fault");
    insta::assert_snapshot!(said(&quiet), @"
    the event stream could not open (injected fault: nothing was done; retry); trying again
    error: internal error: injected fault: the platform failed
    hint: the platform failed on GET /v1/events; try again, and report it if it persists
    ");
    insta::assert_snapshot!(said(&verbose), @"
    the event stream could not open (internal error: injected fault: the platform failed); trying again
    the event stream is still down after 2 tries in T (injected fault: nothing was done; retry); trying again
    the event stream is still down after 3 tries in T (injected fault: nothing was done; retry); trying again
    the event stream is still down after 4 tries in T (injected fault: nothing was done; retry); trying again
    error: injected fault: nothing was done; retry
    hint: the platform failed on GET /v1/events; try again, and report it if it persists
    ");
}

/// A stream that the platform answers and ends at once, without an event, is a failed try of
/// an outage, not a reconnect that worked: its tries slow down (never sooner than its own
/// `retry:`, 2 s), the failure is said once (not a "reconnected" each time), and the outage
/// ends the run as it ends one of a platform gone. Counted over a fixed window: before, about
/// fifteen tries a second.
#[test]
fn a_stream_that_ends_at_once_is_tried_again_slowly_and_said_once() {
    let sandbox = Sandbox::start(&["--faults", "events-close=1"]);
    let token = sandbox.api().token;
    let start = |args: &[&str]| {
        sandbox
            .home
            .livectl()
            .env("LIVECTL_API_URL", &sandbox.url)
            .env("LIVECTL_TOKEN", &token)
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run livectl")
    };
    let runs = [
        start(&["watch"]),
        start(&["watch", "-v"]),
        start(&["list", "--watch", "-v"]),
        start(&["autopilot", "-v"]),
    ];
    // The window the tries are counted in, not a wait for something to happen.
    std::thread::sleep(Duration::from_secs(6));
    let [quiet, watch, list, autopilot] = runs.map(|child| {
        // SAFETY: a signal to our own child.
        unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
        Run::from(child.wait_with_output().expect("livectl ends"))
    });
    for (run, what) in [
        (&watch, "watch"),
        (&list, "list --watch"),
        (&autopilot, "autopilot"),
    ] {
        assert_eq!(run.code, 0, "{what}: {}", run.stderr);
        let tries = run.stderr.matches("/v1/events (stream").count();
        assert!(
            (1..=5).contains(&tries),
            "{what} opened the stream {tries} times in 6 s: {}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("reconnected"),
            "{what}: {}",
            run.stderr
        );
    }
    assert_eq!(quiet.code, 0, "{}", quiet.stderr);
    insta::assert_snapshot!(quiet.stderr.replace(&sandbox.url, "URL"), @"
    watching changes (Ctrl-C to stop)
    the event stream failed (the connection to URL/v1/events ended: the server closed the stream without an event); reconnecting
    ");
}

/// Stopped while its stream was still opening (a proxy that holds the stream), `list --watch`
/// exited 130 where `watch` exits 0; both end with 0, as a command that runs until stopped
/// does once it is stopped (on-call check).
#[test]
fn a_live_view_stopped_while_its_stream_opens_ends_with_0() {
    let sandbox = Sandbox::start(&["--faults", "latency=60000..60000ms,path=/v1/events"]);
    let token = sandbox.api().token;
    for args in [&["list", "--watch", "-vv"][..], &["watch", "-vv"]] {
        let mut run = crate::harness::Running::start(&sandbox, &token, args);
        // It asks for the stream, then waits for it a minute.
        run.until("/v1/events", std::time::Duration::from_secs(20));
        run.signal(libc::SIGINT);
        let (code, said) = run.end(std::time::Duration::from_secs(20));
        assert_eq!(code, Some(0), "{args:?}: {said}");
    }
}

/// A server killed under an open stream is said as a connection cut, by its innermost cause
/// as any request's, not as reqwest's "error decoding response body", which read as bad data
/// (on-call check).
#[test]
fn a_stream_cut_by_a_killed_server_is_said_as_a_cut() {
    let mut sandbox = Sandbox::start(&[]);
    let token = sandbox.api().token;
    let mut run = crate::harness::Running::start(&sandbox, &token, &["watch"]);
    run.until("watching changes", std::time::Duration::from_secs(20));
    sandbox.kill();
    let said = run.until(
        "the event stream failed",
        std::time::Duration::from_secs(20),
    );
    run.signal(libc::SIGINT);
    let _ = run.end(std::time::Duration::from_secs(20));
    let url = format!("{}/v1/events", sandbox.url);
    assert!(
        said.contains(&format!(
            "the event stream failed (the connection to {url} ended: unexpected EOF"
        )),
        "{said}"
    );
    assert!(!said.contains("decoding"), "{said}");
}
