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
