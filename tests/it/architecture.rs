//! The layers depend one way (ARCHITECTURE.md). Between crates the compiler enforces it once
//! the manifests are right, which this checks; inside the `livectl` crate this reads `src/` and
//! fails on an import that runs the wrong way, a terminal touched outside `ui/`, or the sandbox
//! reached from anywhere but the two places that start it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The workspace crates a manifest depends on.
fn internal_dependencies(manifest: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(repo(manifest)).unwrap();
    let mut deps = BTreeSet::new();
    let mut in_dependencies = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies = line == "[dependencies]";
            continue;
        }
        if in_dependencies
            && let Some(name) = line.split(['.', ' ', '=']).next()
            && name.starts_with("livectl-")
        {
            deps.insert(name.to_owned());
        }
    }
    deps
}

#[test]
fn the_crates_depend_on_the_contract_and_nothing_else_of_each_other() {
    let set = |names: &[&str]| {
        names
            .iter()
            .map(|s| (*s).to_owned())
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(
        internal_dependencies("crates/contract/Cargo.toml"),
        set(&[]),
        "the contract depends on no other crate of livectl"
    );
    assert_eq!(
        internal_dependencies("crates/client/Cargo.toml"),
        set(&["livectl-contract"]),
        "the client depends on the contract alone"
    );
    assert_eq!(
        internal_dependencies("crates/sandbox/Cargo.toml"),
        set(&["livectl-contract"]),
        "the sandbox depends on the contract alone"
    );
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// A line without its comment (`//` outside a string literal).
fn strip_comment(line: &str) -> &str {
    let mut in_string = false;
    let mut escaped = false;
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\\' if in_string => escaped = !escaped,
            b'"' if !escaped => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => return &line[..i],
            _ => escaped = false,
        }
        if b != b'\\' {
            escaped = false;
        }
    }
    line
}

/// The code of a file without its comments.
fn code(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(strip_comment)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules of the crate a file names with `crate::`.
fn crate_modules(code: &str) -> BTreeSet<String> {
    code.match_indices("crate::")
        .filter(|(i, _)| {
            // `livectl_contract::` and the like are other crates.
            !code[..*i].ends_with(|c: char| c.is_alphanumeric() || c == '_')
        })
        .map(|(i, m)| {
            code[i + m.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|m| !m.is_empty())
        .collect()
}

/// What each part of `src/` may use: its layer and those below it.
fn allowed(file: &str) -> (&'static [&'static str], bool, bool) {
    // (modules of this crate, may use the sandbox crate, may touch the terminal)
    const BASE: &[&str] = &["error"];
    // `signals` is of the base (it uses only `error`): a `--jq` program hands the stop signals
    // back to their default while it runs (`signals::at_once`).
    if file.starts_with("src/ui/") {
        return (&["ui", "model", "error", "signals"], false, true);
    }
    if file == "src/model.rs" || file == "src/error.rs" || file == "src/signals.rs" {
        return (BASE, false, false);
    }
    if file == "src/files.rs" || file.starts_with("src/config/") {
        return (&["config", "files", "error"], false, false);
    }
    if file.starts_with("src/usecases/") {
        return (
            &[
                "usecases", "ui", "model", "error", "config", "files", "signals",
            ],
            false,
            false,
        );
    }
    if file.starts_with("src/connect/") || file == "src/embedded.rs" {
        return (
            &[
                "cli", "config", "connect", "embedded", "error", "files", "signals", "ui",
            ],
            file == "src/embedded.rs",
            false,
        );
    }
    if file.starts_with("src/commands/") {
        return (
            &[
                "cli",
                "commands",
                "completion",
                "config",
                "connect",
                "error",
                "files",
                "model",
                "signals",
                "ui",
                "usecases",
            ],
            file.starts_with("src/commands/sandbox/"),
            false,
        );
    }
    // The top: parsing, dispatch, completion, the binary.
    (
        &[
            "cli",
            "commands",
            "completion",
            "config",
            "connect",
            "error",
            "signals",
            "ui",
            "usecases",
        ],
        false,
        false,
    )
}

/// Names that only the ui may use: the terminal's crates and streams.
const TERMINAL: &[&str] = &[
    "dialoguer",
    "indicatif",
    "comfy_table",
    "crossterm",
    "ratatui",
    "println!",
    "eprintln!",
    "print!",
    "eprint!",
    "io::stdout",
    "io::stderr",
];

/// Every arrow that runs the wrong way, as `file: what`.
pub fn wrong_way_arrows() -> Vec<String> {
    let root = repo("");
    let mut files = Vec::new();
    sources(&repo("src"), &mut files);
    let mut wrong = Vec::new();
    for path in files {
        let file = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let code = code(&path);
        let (modules, sandbox, terminal) = allowed(&file);
        for module in crate_modules(&code) {
            if !modules.contains(&module.as_str()) {
                wrong.push(format!("{file}: uses crate::{module}"));
            }
        }
        if !sandbox && code.contains("livectl_sandbox") {
            wrong.push(format!("{file}: uses the sandbox crate"));
        }
        if !terminal {
            for name in TERMINAL {
                let word = code
                    .match_indices(name)
                    .any(|(i, _)| !code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_'));
                if word {
                    wrong.push(format!("{file}: touches the terminal ({name})"));
                }
            }
        }
    }
    wrong
}

#[test]
fn dependencies_inside_the_cli_run_one_way() {
    let wrong = wrong_way_arrows();
    assert!(
        wrong.is_empty(),
        "arrows that run the wrong way (see ARCHITECTURE.md):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_what_it_looks_for() {
    assert_eq!(
        crate_modules("use crate::commands::Ctx;\nlet x = livectl_contract::Action;"),
        BTreeSet::from(["commands".to_owned()])
    );
    assert!(
        !allowed("src/usecases/bulk/engine.rs")
            .0
            .contains(&"commands")
    );
    assert!(code_without_comments_keeps_strings());
}

fn code_without_comments_keeps_strings() -> bool {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.rs");
    std::fs::write(&path, "let url = \"http://x\"; // a comment\n/// docs\n").unwrap();
    code(&path) == "let url = \"http://x\"; \n"
}
