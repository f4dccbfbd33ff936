//! Ctrl-C, SIGTERM and SIGHUP: a command that does not end cleanly by itself is stopped at once
//! with 130; work that does (bulk runs, exports, watch) handles it itself, as its own tests show.
//! Under `nohup`, a hangup is ignored.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::harness::Sandbox;

/// Reads a `-v` run's stderr until its request is on its way: the handlers are installed by
/// then.
fn until_a_request(stderr: &mut impl BufRead) {
    let mut line = String::new();
    while !line.contains("GET ") {
        line.clear();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "no request was logged"
        );
    }
}

#[test]
fn a_command_waiting_on_a_slow_server_is_stopped_by_sigint_sigterm_or_sighup() {
    let sandbox = Sandbox::start(&["--faults", "latency=20000..20000ms"]);
    let token = sandbox.home.token(None);
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        let mut child = sandbox
            .home
            .livectl()
            .env("LIVECTL_API_URL", &sandbox.url)
            .env("LIVECTL_TOKEN", &token)
            .args(["queues", "-v"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        until_a_request(&mut stderr);
        // SAFETY: a signal to our own child.
        unsafe { libc::kill(child.id() as i32, signal) };
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(130), "signal {signal}");
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
        assert!(rest.contains("error: interrupted"), "{rest}");
    }
}

#[test]
fn a_hangup_is_ignored_under_nohup() {
    use std::os::unix::process::CommandExt;
    let sandbox = Sandbox::start(&["--faults", "latency=2000..2000ms"]);
    let token = sandbox.home.token(None);
    let mut command = sandbox.home.livectl();
    command
        .env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", &token)
        .args(["queues", "-v"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: between fork and exec, only signal(2), which is async-signal-safe; as `nohup`.
    unsafe {
        command.pre_exec(|| {
            libc::signal(libc::SIGHUP, libc::SIG_IGN);
            Ok(())
        });
    }
    let mut child = command.spawn().unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    until_a_request(&mut stderr);
    // SAFETY: a signal to our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGHUP) };
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{rest}");
    assert!(!out.stdout.is_empty(), "the queues were listed");
}

/// A `--jq` program that never ends is stopped by Ctrl-C or SIGTERM, with 130 as any run
/// interrupted: it ran on the runtime's thread, where the handlers' task never ran again, and
/// only kill -9 stopped it (new user).
/// Its outputs are written as they come, so one that gives them for ever holds no memory.
#[test]
fn a_jq_program_that_never_ends_is_stopped_by_sigint_or_sigterm() {
    let sandbox = Sandbox::start(&[]);
    let token = sandbox.home.token(None);
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let mut child = sandbox
            .home
            .livectl()
            .env("LIVECTL_API_URL", &sandbox.url)
            .env("LIVECTL_TOKEN", &token)
            .args(["queues", "--jq", "range(1e15)"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Its first output says the program runs.
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        stdout.read_line(&mut first).unwrap();
        assert_eq!(first, "0\n");
        // SAFETY: a signal to our own child.
        unsafe { libc::kill(child.id() as i32, signal) };
        // Its pipe is left full and open: it ends by the signal or not at all.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if std::time::Instant::now() > deadline {
                child.kill().unwrap();
                panic!("signal {signal} did not stop the program");
            }
            std::thread::yield_now();
        };
        drop(stdout);
        assert_eq!(status.code(), Some(130), "signal {signal}: {status:?}");
    }
}
