//! Ctrl-C and SIGTERM: a command that does not end cleanly by itself is stopped at once with
//! 130; work that does (bulk runs, exports, watch) handles it itself, as its own tests show.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::harness::Sandbox;

#[test]
fn a_command_waiting_on_a_slow_server_is_stopped_by_sigint_or_sigterm() {
    let sandbox = Sandbox::start(&["--faults", "latency=20000..20000ms"]);
    let token = sandbox.home.token(None);
    for signal in [libc::SIGINT, libc::SIGTERM] {
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
        // The request is on its way (-v says so): the handlers are installed by then.
        let mut line = String::new();
        while !line.contains("GET ") {
            line.clear();
            assert!(
                stderr.read_line(&mut line).unwrap() > 0,
                "no request was logged"
            );
        }
        // SAFETY: a signal to our own child.
        unsafe { libc::kill(child.id() as i32, signal) };
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(130), "signal {signal}");
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
        assert!(rest.contains("error: interrupted"), "{rest}");
    }
}
