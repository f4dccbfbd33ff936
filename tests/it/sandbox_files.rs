//! Files with personal data are private, and a stopped sandbox is one whole file.

use std::path::Path;

use crate::harness::{Home, Sandbox, Workspace};
use crate::sandbox_events::Stream;

/// The -wal and -shm files beside a database that exist now.
fn wal_and_shm(db: &Path) -> Vec<String> {
    ["-wal", "-shm"]
        .iter()
        .map(|suffix| format!("{}{suffix}", db.display()))
        .filter(|p| Path::new(p).exists())
        .collect()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[cfg(unix)]
#[test]
fn every_file_and_directory_with_personal_data_is_private() {
    // The embedded default: the data directory, its database and token; the process ends with
    // no -wal or -shm left.
    let home = Home::new();
    home.cli(&["queues"]).ok();
    let data = home.path().join("data");
    let db = data.join("livectl/sandbox.db");
    for (path, expected) in [
        (data.clone(), 0o700),
        (data.join("livectl"), 0o700),
        (db.clone(), 0o600),
        (data.join("livectl/sandbox.token"), 0o600),
    ] {
        assert_eq!(mode(&path), expected, "{}", path.display());
    }
    assert_eq!(wal_and_shm(&db), Vec::<String>::new());

    // The config and state directories, made by a setting and by a bulk run's journal.
    home.cli(&["config", "set", "output", "json"]).ok();
    home.cli(&["assign", "iv_1", "iv_2", "--to", "bo", "--yes", "-q"])
        .ok();
    for dir in [
        "config",
        "config/livectl",
        "state",
        "state/livectl",
        "state/livectl/runs",
    ] {
        assert_eq!(mode(&home.path().join(dir)), 0o700, "{dir}");
    }

    // A served database in a new directory, with its -wal and -shm while it runs.
    let db = home.path().join("new/place/sandbox.db");
    let sandbox = Sandbox::start_on(home.clone(), &db, &[]);
    Workspace::new(&sandbox.api());
    for dir in ["new", "new/place"] {
        assert_eq!(mode(&home.path().join(dir)), 0o700, "{dir}");
    }
    let files = wal_and_shm(&db);
    assert_eq!(files.len(), 2, "a running sandbox has its -wal and -shm");
    for path in files.iter().map(Path::new).chain([db.as_path()]) {
        assert_eq!(mode(path), 0o600, "{}", path.display());
    }
}

#[cfg(unix)]
#[test]
fn a_cleanly_stopped_sandbox_leaves_one_whole_file() {
    for signal in [libc::SIGTERM, libc::SIGINT] {
        let mut sandbox = Sandbox::start(&[]);
        let api = sandbox.api();
        let w = Workspace::new(&api);
        let done = w.in_state("completed");
        let db = sandbox.home.db();
        assert!(!wal_and_shm(&db).is_empty(), "it runs in WAL mode");
        // A stream in progress does not hold the stop up.
        let _stream = Stream::open(&api, None);
        assert_eq!(sandbox.stop(signal), Some(0), "signal {signal}");
        assert_eq!(wal_and_shm(&db), Vec::<String>::new(), "signal {signal}");

        let again = Sandbox::start_in(sandbox.home.clone(), &[]);
        assert_eq!(again.api().intervention(&done)["state"], "completed");
    }
}
