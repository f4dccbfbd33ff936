//! The contract checked by tools nobody here wrote: schemathesis against the sandbox, with all
//! its checks and every phase (stateful included), and a client that openapi-python-client
//! generates from the committed document driving a whole takeover (tests/contract/).
//!
//! `.ci/run` installs both, pinned, and says where with `LIVECTL_CONTRACT_TOOLS`; without them
//! these tests say so on the terminal and pass.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::harness::Sandbox;

/// Cases schemathesis generates per operation and phase: about half a minute on 2 cores.
/// `LIVECTL_SCHEMATHESIS_EXAMPLES` asks for more on a deeper run.
const MAX_EXAMPLES: &str = "50";

/// How long a tool may run before the test gives up on it.
const DEADLINE: Duration = Duration::from_secs(600);

fn contract_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/contract")
}

/// The directory holding the tools' executables, when they are all there.
fn tools(names: &[&str]) -> Option<PathBuf> {
    let dir = match std::env::var_os("LIVECTL_CONTRACT_TOOLS") {
        Some(dir) => PathBuf::from(dir),
        None => {
            let cache = std::env::var_os("XDG_CACHE_HOME")
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
            cache.join("livectl-ci/venv/bin")
        }
    };
    names.iter().all(|n| dir.join(n).is_file()).then_some(dir)
}

/// Says on the terminal (past the test harness's capture) that a test did not run, and why.
fn skipped(test: &str, names: &[&str]) {
    let _ = writeln!(
        std::io::stderr(),
        "skipped {test}: {} not installed (.ci/run installs them; or set LIVECTL_CONTRACT_TOOLS \
         to the directory of their executables)",
        names.join(" and ")
    );
}

/// Runs a tool to its end (or the deadline); its exit success and its output, both streams.
fn run(mut command: Command) -> (bool, String) {
    let shown = format!("{command:?}");
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {shown}: {e}"));
    let pid = child.id();
    let drain = |mut stream: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stream.read_to_string(&mut text);
            text
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let (done_tx, done_rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done_tx.send(child.wait());
    });
    let status = match done_rx.recv_timeout(DEADLINE) {
        Ok(status) => status.expect("wait for the tool"),
        Err(_) => {
            // SAFETY: a signal to the child this test started.
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
            panic!("{shown} ran past {DEADLINE:?}");
        }
    };
    let text = format!(
        "{}{}",
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default()
    );
    (status.success(), text)
}

#[test]
fn schemathesis_finds_no_failure_with_every_check_and_phase() {
    let Some(bin) = tools(&["schemathesis"]) else {
        return skipped(
            "schemathesis_finds_no_failure_with_every_check_and_phase",
            &["schemathesis"],
        );
    };
    let sandbox = Sandbox::start(&["--seed", "demo"]);
    let token = sandbox.home.token_in(&sandbox.db, None);
    let work = tempfile::tempdir().unwrap();
    let mut command = Command::new(bin.join("schemathesis"));
    command
        .current_dir(work.path())
        .env("LIVECTL_TOKEN", &token)
        .env("SCHEMATHESIS_HOOKS", "hooks")
        .env("PYTHONPATH", contract_dir())
        // hooks.py is imported from the source tree: no __pycache__ left in it.
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONHASHSEED", "0")
        .env("NO_COLOR", "1")
        .arg("--config-file")
        .arg(contract_dir().join("schemathesis.toml"))
        .args(["run", &format!("{}/openapi.json", sandbox.url)])
        .args(["--checks", "all"])
        .args(["--phases", "examples,coverage,fuzzing,stateful"])
        .arg("--max-examples")
        .arg(std::env::var("LIVECTL_SCHEMATHESIS_EXAMPLES").unwrap_or(MAX_EXAMPLES.into()))
        // The same cases every run: its own seeding, as a test must.
        .arg("--generation-deterministic")
        .args(["--workers", "1", "--no-color", "--output-sanitize", "false"]);
    let (ok, output) = run(command);
    assert!(ok, "schemathesis found failures:\n{output}");
    // It really ran every phase against every operation.
    for phase in ["Coverage", "Fuzzing", "Stateful"] {
        assert!(
            output.contains(&format!("✅  {phase}")),
            "the {phase} phase did not pass:\n{output}"
        );
    }
    // As many as the document describes (schemathesis counts them as it loads it).
    let total = output
        .split_once(" selected / ")
        .and_then(|(_, rest)| rest.split_once(" total"))
        .map(|(n, _)| n.trim().to_owned())
        .unwrap_or_default();
    assert!(
        !total.is_empty() && output.contains(&format!("Tested: {total}\n")),
        "not every operation was tested:\n{output}"
    );
}

#[test]
fn a_client_generated_from_the_document_drives_a_whole_takeover() {
    let names = ["openapi-python-client", "python"];
    let Some(bin) = tools(&names) else {
        return skipped(
            "a_client_generated_from_the_document_drives_a_whole_takeover",
            &names,
        );
    };
    let generated = tempfile::tempdir().unwrap();
    let mut generate = Command::new(bin.join("openapi-python-client"));
    generate
        .current_dir(generated.path())
        .arg("generate")
        .arg("--path")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/openapi.json"))
        .arg("--output-path")
        .arg(generated.path().join("livectl_api"))
        .args(["--meta", "none"])
        .arg("--config")
        .arg(contract_dir().join("openapi-python-client.yaml"));
    let (ok, output) = run(generate);
    assert!(ok, "openapi-python-client failed:\n{output}");
    // A warning means part of the document was left out of the client.
    assert!(
        !output.contains("Warning") && !output.contains("Unable to"),
        "openapi-python-client could not read the whole document:\n{output}"
    );

    let sandbox = Sandbox::start(&["--seed", "demo"]);
    let token = sandbox.home.token_in(&sandbox.db, None);
    let mut takeover = Command::new(bin.join("python"));
    takeover
        .env("PYTHONPATH", generated.path())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONHASHSEED", "0")
        .arg(contract_dir().join("takeover.py"))
        .args([&sandbox.url, &token]);
    let (ok, output) = run(takeover);
    assert!(
        ok,
        "the takeover through the generated client failed:\n{output}"
    );
    assert!(output.contains(" passed, 0 failed"), "{output}");
}
