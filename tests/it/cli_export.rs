//! `--out` never destroys what the user did not ask to replace: a symbolic link is followed, a
//! device or FIFO is written through, a directory is refused with nothing left behind, an
//! export stopped by SIGTERM leaves nothing, and what a killed export left is cleaned up.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::harness::{Api, Run, Sandbox, Workspace};

fn sandbox_with_history() -> (Sandbox, Api) {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    for _ in 0..3 {
        w.queued();
    }
    (sandbox, api)
}

fn export(sandbox: &Sandbox, api: &Api, out: &Path) -> Run {
    sandbox.cli(
        &api.token,
        &[
            "history",
            "--all",
            "-o",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ],
    )
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_symbolic_link_is_followed_and_stays_a_link() {
    let (sandbox, api) = sandbox_with_history();
    let dir = sandbox.home.path().join("exports");
    std::fs::create_dir_all(dir.join("real")).unwrap();
    let file = dir.join("real/history.csv");
    std::fs::write(&file, "old\n").unwrap();
    let link = dir.join("latest.csv");
    std::os::unix::fs::symlink("real/history.csv", &link).unwrap();
    let expected = sandbox
        .cli(&api.token, &["history", "--all", "-o", "csv"])
        .ok();
    export(&sandbox, &api, &link).ok();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
    assert_eq!(
        names_in(&dir.join("real")),
        ["history.csv"],
        "nothing left beside it"
    );
    #[cfg(unix)]
    assert_eq!(
        crate::harness::mode(&file),
        0o600,
        "an export holds personal data"
    );
}

/// A link planted by another user in a shared directory (`/tmp`, sticky and writable by all)
/// is not followed, as the system's own `fs.protected_symlinks` would not: an export through
/// it replaced the file it pointed to, another user's (hostile-input check). One's own link
/// there is followed.
#[cfg(unix)]
#[test]
fn a_link_another_user_planted_in_a_shared_directory_is_not_followed() {
    use std::os::unix::fs::PermissionsExt;
    let (sandbox, api) = sandbox_with_history();
    let shared = sandbox.home.path().join("tmp");
    std::fs::create_dir_all(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let victim = sandbox.home.path().join("authorized_keys");
    std::fs::write(&victim, "keep me\n").unwrap();
    let link = shared.join("export.csv");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    // Planted by nobody (a chown needs root, as CI and this sandbox run; elsewhere the half
    // that needs another user's link is left out).
    if std::os::unix::fs::lchown(&link, Some(65534), Some(65534)).is_ok() {
        let run = export(&sandbox, &api, &link);
        run.fails(
            1,
            "is a link in a directory anyone may write to, and another user's: livectl does not follow it",
        );
        run.hints("name the file itself, or a place of your own");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me\n");
        assert_eq!(names_in(&shared), ["export.csv"], "nothing left beside it");
    } else {
        eprintln!("note: cannot chown a link here; the planted link's half is left out");
    }
    // A link of one's own there is followed, as the system follows it.
    let mine = shared.join("mine.csv");
    std::os::unix::fs::symlink(&victim, &mine).unwrap();
    export(&sandbox, &api, &mine).ok();
    assert!(std::fs::read_to_string(&victim).unwrap().starts_with("id,"));
}

/// A device that refuses what is written (a full disk) is named, with what became of the
/// output and a way out: "cannot write the output" said neither (hostile-input check).
#[cfg(target_os = "linux")]
#[test]
fn an_out_that_cannot_take_the_export_is_named_with_a_way_out() {
    let (sandbox, api) = sandbox_with_history();
    let run = export(&sandbox, &api, Path::new("/dev/full"));
    run.fails(
        1,
        "--out /dev/full: cannot write: No space left on device (os error 28); what was written is cut short",
    );
    run.hints("free some space there, or name a place with room");
}

#[test]
fn a_fifo_and_stdout_are_written_through() {
    let (sandbox, api) = sandbox_with_history();
    let expected = sandbox
        .cli(&api.token, &["history", "--all", "-o", "csv"])
        .ok();
    let fifo = sandbox.home.path().join("pipe");
    crate::harness::mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    export(&sandbox, &api, &fifo).ok();
    assert_eq!(reader.join().unwrap(), expected);
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&kind),
        "still a FIFO"
    );

    let to_stdout = sandbox.cli(&api.token, &["history", "--all", "-o", "csv", "--out", "-"]);
    assert_eq!(to_stdout.ok(), expected);
}

#[test]
fn a_directory_is_refused_and_nothing_is_left_in_it() {
    let (sandbox, api) = sandbox_with_history();
    let dir = sandbox.home.path().join("exports");
    std::fs::create_dir_all(&dir).unwrap();
    let given = export(&sandbox, &api, &dir);
    given.fails(2, &format!("--out {}: that is a directory", dir.display()));
    given.hints(&format!(
        "name a file in it, such as {}",
        dir.join("history.ndjson").display()
    ));
    assert!(names_in(&dir).is_empty(), "{:?}", names_in(&dir));
}

#[test]
fn an_out_that_names_no_file_or_a_name_not_in_utf8_says_which() {
    // Both were "--out ...: not a file name", which said neither what was wrong nor what to
    // give.
    let (sandbox, api) = sandbox_with_history();
    let dir = sandbox.home.path().join("exports");
    std::fs::create_dir_all(&dir).unwrap();
    let up = export(&sandbox, &api, &dir.join("missing/.."));
    up.fails(2, "names no file (a directory or `..`)");
    up.hints("give a file name, such as history.ndjson");
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = dir.join(std::ffi::OsStr::from_bytes(b"\xff.csv"));
        let run = Run::from(
            sandbox
                .home
                .livectl()
                .env("LIVECTL_API_URL", &sandbox.url)
                .env("LIVECTL_TOKEN", &api.token)
                .args(["history", "--all", "-o", "csv", "--out"])
                .arg(&name)
                .output()
                .unwrap(),
        );
        run.fails(2, "the file's name is not UTF-8");
        run.hints("give a name in UTF-8, such as history.ndjson");
    }
    assert!(names_in(&dir).is_empty(), "{:?}", names_in(&dir));
}

#[test]
fn what_a_killed_export_left_is_removed_at_the_next_one() {
    let (sandbox, api) = sandbox_with_history();
    let dir = sandbox.home.path().join("exports");
    std::fs::create_dir_all(&dir).unwrap();
    // A process that no longer exists (under today's name and the older one), and one that
    // does (this test).
    let gone = dir.join(".h.csv.livectl-4194303-0badcafe.tmp");
    let gone_older = dir.join(".h.csv.livectl-4194303.tmp");
    let alive = dir.join(format!(
        ".h.csv.livectl-{}-0badcafe.tmp",
        std::process::id()
    ));
    let other = dir.join(".other.csv.livectl-4194303-0badcafe.tmp");
    for f in [&gone, &gone_older, &alive, &other] {
        std::fs::write(f, "partial").unwrap();
    }
    export(&sandbox, &api, &dir.join("h.csv")).ok();
    let left = names_in(&dir);
    assert!(!gone.exists() && !gone_older.exists(), "{left:?}");
    assert!(
        alive.exists() && other.exists(),
        "only our own stale files: {left:?}"
    );
}

#[test]
fn sigterm_stops_an_export_like_ctrl_c_and_leaves_nothing() {
    let clean = Sandbox::start(&[]);
    let api = clean.api();
    clean
        .cli(
            &api.token,
            &[
                "seed",
                "--generate",
                "interventions=1200,users=100,messages=4,seed=2,until=2026-11-24T00:00:00Z",
                "-q",
            ],
        )
        .ok();
    // Each page takes a while on this sandbox, so there is time to stop the export midway.
    let slow = Sandbox::start_in(clean.home.clone(), &["--faults", "latency=300..300ms"]);
    let dir = clean.home.path().join("exports");
    std::fs::create_dir(&dir).unwrap();
    let target = dir.join("history.csv");
    let child = slow
        .home
        .livectl()
        .env("LIVECTL_API_URL", &slow.url)
        .env("LIVECTL_TOKEN", &api.token)
        .args(["history", "--all", "--out", target.to_str().unwrap()])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while names_in(&dir).is_empty() {
        assert!(Instant::now() < deadline, "the export never started");
        std::thread::sleep(Duration::from_millis(5));
    }
    // SAFETY: SIGTERM to our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("the file was not written"), "{stderr}");
    assert!(
        stderr
            .contains("hint: run the same command again: the file is written whole or not at all"),
        "{stderr}"
    );
    assert!(names_in(&dir).is_empty(), "no target and no temporary file");
    // To stdout, what was written stays cut short: said, with the way to a whole one.
    let mut child = slow
        .home
        .livectl()
        .env("LIVECTL_API_URL", &slow.url)
        .env("LIVECTL_TOKEN", &api.token)
        .args(["history", "--all", "-o", "ndjson"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    // SAFETY: SIGTERM to our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: interrupted; what was written is cut short\nhint: run the same command again; with --out FILE an export is written whole or not at all\n"
    );
}

#[test]
fn an_export_ends_with_a_line_naming_records_bytes_and_the_file() {
    let (sandbox, api) = sandbox_with_history();
    let out = sandbox.home.path().join("h.csv");
    let run = export(&sandbox, &api, &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let size = std::fs::metadata(&out).unwrap().len();
    assert_eq!(
        run.stderr,
        format!("exported 3 records ({size} bytes) to {}\n", out.display())
    );
}

/// One record is said as one: "exported 1 records" (a review).
#[test]
fn an_export_of_one_record_says_record() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    Workspace::new(&api).queued();
    let out = sandbox.home.path().join("one.csv");
    let run = export(&sandbox, &api, &out);
    let size = std::fs::metadata(&out).unwrap().len();
    assert_eq!(
        run.stderr,
        format!("exported 1 record ({size} bytes) to {}\n", out.display())
    );
}

#[test]
fn jq_into_a_json_file_writes_json_and_says_it_is_the_programs_output() {
    let (sandbox, api) = sandbox_with_history();
    let out = sandbox.home.path().join("first.json");
    let jq_into_out = |program: &str| {
        let out = out.to_str().unwrap();
        let run = sandbox.cli(
            &api.token,
            &["history", "--all", "--out", out, "--jq", program],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        run
    };
    let run = jq_into_out(".[0].text, (.[1:] | map(.sender))");
    // One JSON document, as the file's name promised: the outputs as a list, the string
    // quoted.
    let written = std::fs::read_to_string(&out).unwrap();
    let document: serde_json::Value =
        serde_json::from_str(&written).unwrap_or_else(|e| panic!("{e}: {written}"));
    let values = document.as_array().unwrap();
    assert_eq!(values.len(), 2, "{written}");
    assert!(values[0].is_string(), "{written}");
    assert_eq!(values[1], serde_json::json!(["user", "user"]));
    let size = written.len();
    assert_eq!(
        run.stderr,
        format!(
            "exported what --jq made of 3 records ({size} bytes) to {}\n",
            out.display()
        )
    );
    // However many outputs there are, the file is their list: one written bare read as a
    // list of outputs when it was a list, and `.[] | select(…)` changed shape with the data.
    jq_into_out(".[0].sender");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "[\"user\"]\n");
    jq_into_out("map(.sender)");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "[[\"user\",\"user\",\"user\"]]\n"
    );
    jq_into_out(".[] | select(.sender == \"nobody\")");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "[]\n");
}

#[test]
fn out_to_this_processs_stdout_writes_where_it_stands_and_replaces_nothing() {
    let (sandbox, api) = sandbox_with_history();
    let expected = sandbox
        .cli(&api.token, &["history", "--all", "-o", "ndjson"])
        .ok();
    // Through a shell, as a user writes it: appended to a file, between other lines.
    let livectl = sandbox.home.livectl();
    let shell = |script: &str, file: &Path| {
        let mut sh = std::process::Command::new("sh");
        sh.env_clear();
        for (name, value) in livectl.get_envs() {
            if let Some(value) = value {
                sh.env(name, value);
            }
        }
        sh.env("LIVECTL", livectl.get_program())
            .env("LIVECTL_API_URL", &sandbox.url)
            .env("LIVECTL_TOKEN", &api.token)
            .args(["-c", script, "sh"])
            .arg(file)
            .output()
            .unwrap()
    };
    let log = sandbox.home.path().join("log.txt");
    std::fs::write(&log, "before\n").unwrap();
    let out = shell(
        r#"{ echo header; "$LIVECTL" history --all --out /dev/stdout; echo footer; } >> "$1""#,
        &log,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        format!("before\nheader\n{expected}footer\n")
    );
    // The same descriptor by another of its names.
    std::fs::write(&log, "before\n").unwrap();
    shell(
        r#""$LIVECTL" history --all --out /proc/thread-self/fd/1 >> "$1""#,
        &log,
    );
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        format!("before\n{expected}")
    );
    // Into a pipe, and to stderr beside livectl's own lines.
    let out = shell(r#""$LIVECTL" history --all --out /dev/stdout | cat"#, &log);
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    let err = sandbox.home.path().join("err.txt");
    let out = shell(
        r#""$LIVECTL" history --all --out /dev/stderr --api-url nowhere 2>"$1"; "$LIVECTL" history --all --out /dev/stderr 2>>"$1""#,
        &err,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = std::fs::read_to_string(&err).unwrap();
    assert!(
        said.starts_with("error: "),
        "livectl's own line is kept: {said}"
    );
    assert!(said.contains(&expected), "{said}");
}

/// An export refused at its first page writes nothing to stdout: the CSV header (or JSON's
/// `[`) went out before the refusal, and `> week.csv` held a header that read as an export
/// of no records.
#[test]
fn an_export_refused_at_its_first_page_writes_nothing() {
    let (sandbox, api) = sandbox_with_history();
    let bo = sandbox.home.token(Some("bo"));
    for format in ["csv", "json", "ndjson"] {
        let refused = sandbox.cli(&bo, &["history", "--all", "-o", format]);
        refused.fails(4, "admin");
        assert_eq!(refused.stdout, "", "{format}");
    }
    // An empty export is still a whole document.
    let none = [
        "history",
        "--all",
        "--since",
        "2000-01-01",
        "--until",
        "2000-01-02",
    ];
    let csv = sandbox.cli(&api.token, &[&none[..], &["-o", "csv"]].concat());
    assert_eq!(
        csv.ok(),
        "id,conversation_id,user_id,user_name,channel,at,sender,agent,text\n"
    );
    let json = sandbox.cli(&api.token, &[&none[..], &["-o", "json"]].concat());
    assert_eq!(json.ok(), "[]\n");
}

/// `--since`/`--until` take a time ago (`2d`, as `kubectl logs --since`) and the seed files'
/// `now-2d`: they were refused as "not a date", though a seed file wrote the same window.
#[test]
fn a_window_given_as_a_time_ago_counts_back_from_now() {
    let (sandbox, api) = sandbox_with_history();
    let ids = |window: &[&str]| {
        let out = sandbox.cli(
            &api.token,
            &[&["history", "--all", "-o", "ids"][..], window].concat(),
        );
        out.ok().lines().count()
    };
    let all = ids(&[]);
    assert!(all > 0, "the workspace has history");
    assert_eq!(
        ids(&["--since", "1h"]),
        all,
        "every record is from the last hour"
    );
    assert_eq!(ids(&["--since", "now-1d", "--until", "now"]), all);
    assert_eq!(ids(&["--until", "1h"]), 0, "none is older than an hour");
    assert_eq!(ids(&["--since", "2000-01-01", "--until", "now-1h"]), 0);
    // A sign is not how a time ago is written; clap's tip to pass it after `--` failed.
    let signed = sandbox.cli(&api.token, &["history", "--all", "--since", "-1h"]);
    signed.fails(
        2,
        "`-1h`: a time ago is written without a sign, such as 1h or now-1h",
    );
    assert!(!signed.stderr.contains("'--'"), "{}", signed.stderr);
    // The two ends judged as instants: a window that ends before it begins is refused.
    let backwards = sandbox.cli(
        &api.token,
        &["history", "--all", "--since", "1h", "--until", "2h"],
    );
    let said = backwards.fails(2, "must be before --until");
    // Its instants to the millisecond, as livectl writes every instant (not nanoseconds).
    let since = said
        .split("--since (")
        .nth(1)
        .and_then(|r| r.split(')').next())
        .unwrap();
    let fraction = since.split('.').nth(1).unwrap_or_default();
    assert_eq!(fraction.len(), "123Z".len(), "{said}");
}
