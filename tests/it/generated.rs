//! completions/ and man/ are what the binary generates; a stale copy fails here.

use std::collections::BTreeMap;
use std::path::Path;

use crate::harness::{Home, Sandbox};

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn repo(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Where each shell loads its completion from: zsh's compinit finds `_livectl` on the fpath.
const COMPLETIONS: &[(&str, &str)] = &[
    ("bash", "livectl.bash"),
    ("zsh", "_livectl"),
    ("fish", "livectl.fish"),
    ("powershell", "_livectl.ps1"),
    ("elvish", "livectl.elv"),
];

#[test]
fn committed_completions_are_fresh() {
    let home = Home::new();
    for (shell, file) in COMPLETIONS {
        let generated = home.run(&["completions", shell]);
        assert!(generated.status.success());
        let committed = std::fs::read(repo(&format!("completions/{file}"))).unwrap_or_default();
        assert!(
            generated.stdout == committed,
            "completions/{file} is stale: run `cargo run -- completions {shell} > completions/{file}`"
        );
    }
    let mut committed: Vec<String> = files(&repo("completions")).into_keys().collect();
    committed.sort();
    let mut expected: Vec<String> = COMPLETIONS.iter().map(|(_, f)| (*f).to_owned()).collect();
    expected.sort();
    assert_eq!(committed, expected, "no other file under completions/");
}

#[test]
fn man_pages_read_like_git_s_and_refer_only_to_pages_that_exist() {
    let pages = files(&repo("man"));
    let version = env!("CARGO_PKG_VERSION");
    for (name, bytes) in &pages {
        let page = String::from_utf8(bytes.clone()).unwrap();
        let title = page.lines().next().unwrap_or_default();
        assert!(
            title.starts_with(".TH ") && title.contains(&format!("\"livectl {version}\"")),
            "{name}: the title line carries the version: {title}"
        );
        assert!(title.contains(" 1 20"), "{name}: and a date: {title}");
        for section in [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "EXAMPLES",
            "EXIT STATUS",
            "ENVIRONMENT",
            "FILES",
            "SEE ALSO",
        ] {
            assert!(
                page.contains(&format!(".SH {section}\n")),
                "{name} has no {section}"
            );
        }
        let examples = page.split(".SH EXAMPLES\n").nth(1).unwrap_or_default();
        assert!(
            examples.contains(".EX\nlivectl"),
            "{name}: an example runs livectl"
        );
        let mut references = 0;
        for (at, _) in page.match_indices("\\fR(1)") {
            let start = page[..at].rfind("\\fB").expect("a reference is bold") + 3;
            let file = format!("{}.1", page[start..at].replace("\\-", "-"));
            assert!(
                pages.contains_key(&file),
                "{name} refers to {file}, which does not exist"
            );
            references += 1;
        }
        assert!(references > 0, "{name} refers to no other page");
        // A command's line in COMMANDS is its about, a sentence, then the page it has: it ran
        // into it ("each agent's My Queue See livectl-queues(1).").
        for line in page.lines().filter(|l| l.contains(" See \\fB")) {
            let before = line.split(" See \\fB").next().unwrap_or_default();
            assert!(
                before.is_empty() || before.ends_with(['.', '!', '?']),
                "{name}: {line}"
            );
        }
    }
    // Synopses show what each option takes.
    let assign = String::from_utf8(pages["livectl-assign.1"].clone()).unwrap();
    assert!(
        assign.contains("[\\fB\\-\\-to\\fR \\fIAGENT\\fR...]"),
        "{assign}"
    );
}

/// `mandoc -T lint` finds nothing at warning level (CI installs mandoc; without it, skipped).
#[test]
fn man_pages_are_lint_clean() {
    let Ok(out) = std::process::Command::new("mandoc")
        .args(["-T", "lint", "-W", "warning"])
        .args(
            files(&repo("man"))
                .keys()
                .map(|f| repo(&format!("man/{f}"))),
        )
        .output()
    else {
        eprintln!("mandoc is not installed: skipping the lint");
        return;
    };
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.trim().is_empty(), "mandoc -T lint:\n{report}");
}

#[test]
fn committed_man_pages_are_fresh() {
    let home = Home::new();
    let dir = home.path().join("man");
    let run = crate::harness::Run::from(home.run(&["man", dir.to_str().unwrap()]));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let generated = files(&dir);
    assert!(
        run.stderr.contains(&format!(
            "wrote {} man pages to {}",
            generated.len(),
            dir.display()
        )),
        "{}",
        run.stderr
    );
    // A file where the directory should be: named as such, exit 2, the file untouched.
    let page = dir.join("livectl.1");
    let before = std::fs::read(&page).unwrap();
    crate::harness::Run::from(home.run(&["man", page.to_str().unwrap()])).fails(
        2,
        "is a file; man writes one page per command into a directory",
    );
    assert_eq!(std::fs::read(&page).unwrap(), before);
    assert!(
        generated.contains_key("livectl.1")
            && generated.contains_key("livectl-assign.1")
            && generated.contains_key("livectl-sandbox-serve.1")
    );
    assert!(
        generated == files(&repo("man")),
        "man/ is stale: run `cargo run -- man man` and commit it"
    );
}

#[test]
fn agents_and_interventions_complete_from_the_api() {
    let home = Home::new();
    let complete = |line: &[&str]| {
        let out = home
            .livectl()
            .env("COMPLETE", "fish")
            .arg("--")
            .args(line)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    // TAB alone never creates the embedded sandbox.
    assert_eq!(complete(&["livectl", "reassign", "iv_1", "--to", "bo"]), "");
    assert!(!home.path().join("data/livectl/sandbox.db").exists());
    assert_eq!(home.cli(&["queues", "-q"]).code, 0);
    let agents = complete(&["livectl", "reassign", "iv_1", "--to", "bo"]);
    assert_eq!(agents, "bo@demo.livectl.invalid\tBo Chen (ag_3, online)\n");
    let owners = complete(&["livectl", "list", "--owner", "n"]);
    assert_eq!(owners, "none\tthe general queue\n");
    let topics = complete(&["livectl", "complete", "iv_9", "--topic", "lo"]);
    assert_eq!(topics, "login\tLogin problem\n");
    let outcomes = complete(&["livectl", "complete", "iv_9", "--outcome", "res"]);
    assert_eq!(outcomes, "resolved\tResolved\n");
    let blocks = complete(&["livectl", "complete", "iv_9", "--block", "su"]);
    assert_eq!(blocks, "survey\tSatisfaction survey\n");
    let ids = complete(&["livectl", "show", "iv_1"]);
    assert!(
        ids.starts_with("iv_1\tqueued: Cannot log in after a password reset\n"),
        "{ids}"
    );
    assert!(ids.lines().all(|l| l.starts_with("iv_1")), "{ids}");
    // The platform's text reaches the shell's terminal escaped. A key no one could type is
    // refused by the sandbox (`Kind::key_refusal`); the completion would leave it out.
    for (key, name, code) in [
        ("lost", "Lost \u{1b}]0;PWNED\u{7}card", 0),
        ("lo\u{1b}[2J", "Cleared", 2),
    ] {
        let created = home.cli(&[
            "api",
            "/v1/topics",
            "-f",
            &format!("key={key}"),
            "-f",
            &format!("name={name}"),
        ]);
        assert_eq!(created.code, code, "{}", created.stderr);
    }
    let topics = complete(&["livectl", "complete", "iv_9", "--topic", "lo"]);
    assert_eq!(
        topics,
        "login\tLogin problem\nlost\tLost \\u{1b}]0;PWNED\\u{7}card\n"
    );
}

#[test]
fn completing_from_a_slow_platform_gives_up_with_nothing_rather_than_hang() {
    // Every answer comes after 20 s: a completion that waited for one would end after it.
    let sandbox = Sandbox::start(&["--seed", "demo", "--faults", "latency=20000..20000ms"]);
    let token = sandbox.home.token(None);
    let child = sandbox
        .home
        .livectl()
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "2")
        .env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", &token)
        .args(["--", "livectl", "show", "iv_1"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    // Well before the server would answer.
    let Ok(out) = rx.recv_timeout(std::time::Duration::from_secs(10)) else {
        // SAFETY: a signal to our own child.
        unsafe { libc::kill(pid as i32, libc::SIGKILL) };
        panic!("the completion waited for the slow platform");
    };
    let out = out.unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains("iv_"), "no candidates: {stdout}");
    assert!(
        out.stderr.is_empty(),
        "nothing said on the shell's terminal"
    );
}
