//! A reader that goes away (`| head -1`) ends the output quietly and changes no exit code.

use std::process::Stdio;

use crate::harness::{NOW, Run, Sandbox, Workspace};

/// Runs the CLI with its stdout a pipe whose reader is already gone, as after `| head -1`.
fn with_closed_stdout(sandbox: &Sandbox, token: &str, args: &[&str]) -> Run {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = sandbox
        .home
        .livectl()
        .env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", token)
        .env("LIVECTL_NOW", NOW)
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run livectl");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::new(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[test]
fn a_bulk_run_with_a_failed_item_keeps_exit_3_when_its_reader_goes_away() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..3).map(|_| w.queued()).collect();
    let mut args = vec!["cancel", "--yes", "-o", "ndjson"];
    args.extend(ids.iter().map(String::as_str));
    args.push("iv_999");
    let run = with_closed_stdout(&sandbox, &api.token, &args);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(run.stderr.contains("1 of 4 items failed"), "{}", run.stderr);
    assert!(!run.stderr.contains("Broken pipe"), "{}", run.stderr);
    for id in &ids {
        assert_eq!(
            api.intervention(id)["state"],
            "cancelled",
            "{id} was still acted on"
        );
    }
}

#[test]
fn a_closed_pipe_is_not_an_error_in_any_format() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    for _ in 0..3 {
        w.queued();
    }
    for format in ["csv", "ndjson", "json", "table", "ids"] {
        for command in [
            vec!["list", "-o", format],
            vec!["history", "--all", "-o", format],
        ] {
            let run = with_closed_stdout(&sandbox, &api.token, &command);
            assert_eq!(
                (run.code, run.stderr.as_str()),
                (0, ""),
                "{command:?} into a closed pipe"
            );
        }
    }
}
