//! completions/ and man/ are what the binary generates; a stale copy fails here.

use std::collections::BTreeMap;
use std::path::Path;

use crate::harness::Home;

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

#[test]
fn committed_completions_are_fresh() {
    let home = Home::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let generated = home.run(&["completions", shell]);
        assert!(generated.status.success());
        let committed =
            std::fs::read(repo(&format!("completions/livectl.{shell}"))).unwrap_or_default();
        assert!(
            generated.stdout == committed,
            "completions/livectl.{shell} is stale: run `cargo run -- completions {shell} > completions/livectl.{shell}`"
        );
    }
}

#[test]
fn committed_man_pages_are_fresh() {
    let home = Home::new();
    let dir = home.path().join("man");
    assert!(home.run(&["man", dir.to_str().unwrap()]).status.success());
    let generated = files(&dir);
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
    let ids = complete(&["livectl", "show", "iv_1"]);
    assert!(
        ids.starts_with("iv_1\tqueued: Cannot log in after a password reset\n"),
        "{ids}"
    );
    assert!(ids.lines().all(|l| l.starts_with("iv_1")), "{ids}");
}
