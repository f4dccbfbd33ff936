//! Files with personal data are private, a stopped sandbox is one whole file, a backup is whole
//! and consistent while the sandbox runs, and reset leaves a database in use alone.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

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
use crate::harness::mode;

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

/// `livectl sandbox backup ARGS` in `home`.
fn backup(home: &Home, args: &[&str]) -> crate::harness::Run {
    let out = home.run(&[&["sandbox", "backup"], args].concat());
    crate::harness::Run::from(out)
}

#[test]
fn a_backup_taken_while_another_process_writes_holds_every_acknowledged_action() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..300).map(|_| w.queued()).collect();
    // Another process's clients assign one after another, noting what was acknowledged.
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (api, acknowledged, stop) = (api.clone(), acknowledged.clone(), stop.clone());
        let (ids, bo) = (ids.clone(), w.bo.clone());
        std::thread::spawn(move || {
            for id in ids {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                api.post(
                    &format!("/v1/interventions/{id}/assign"),
                    json!({"agent": bo}),
                )
                .expect(200);
                acknowledged.lock().unwrap().push(id);
            }
        })
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    while acknowledged.lock().unwrap().len() < 20 {
        assert!(Instant::now() < deadline, "the writer does not advance");
        std::thread::yield_now();
    }
    let before: Vec<String> = acknowledged.lock().unwrap().clone();
    let copy = Home::new();
    let db = sandbox.home.db();
    let run = backup(
        &sandbox.home,
        &[copy.db().to_str().unwrap(), "--db", db.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after: Vec<String> = acknowledged.lock().unwrap().clone();
    stop.store(true, Ordering::SeqCst);
    writer.join().unwrap();
    #[cfg(unix)]
    assert_eq!(mode(&copy.db()), 0o600);

    // The copy is a database a sandbox serves; it has every action acknowledged before the
    // backup began, none that was never acknowledged, and its log agrees with its state.
    let restored = Sandbox::start_in(copy, &[]);
    let copied = restored.api();
    let assigned: Vec<String> = copied
        .all("/v1/interventions?state=assigned")
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect();
    for id in &before {
        assert!(
            assigned.contains(id),
            "{id} was acknowledged before the backup"
        );
    }
    for id in &assigned {
        assert!(after.contains(id), "{id} was never acknowledged");
    }
    let log: Vec<Value> = copied.all("/v1/audit");
    let seqs: Vec<i64> = log.iter().map(|e| e["seq"].as_i64().unwrap()).collect();
    assert_eq!(seqs, (1..=log.len() as i64).collect::<Vec<_>>(), "no gap");
    let assigns = log.iter().filter(|e| e["action"] == "assigned").count();
    assert_eq!(
        assigns,
        assigned.len(),
        "one event per change, in the same copy"
    );
}

#[test]
fn backup_refuses_what_would_lose_or_half_write_a_file() {
    let sandbox = Sandbox::start(&[]);
    Workspace::new(&sandbox.api());
    let home = &sandbox.home;
    let db = home.db();
    let db = db.to_str().unwrap();
    let dir = home.path();
    let file = dir.join("copy.db");
    let file = file.to_str().unwrap();

    // An existing file is kept unless --force.
    std::fs::write(file, "precious").unwrap();
    let run = backup(home, &[file, "--db", db]);
    run.fails(2, &format!("{file} already exists"));
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(file).unwrap(), "precious");
    assert_eq!(backup(home, &[file, "--db", db, "--force"]).code, 0);
    assert!(
        std::fs::read(file)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );

    let missing = dir.join("no/such/dir/copy.db");
    backup(home, &[missing.to_str().unwrap(), "--db", db]).fails(2, "does not exist");
    let given = backup(home, &[dir.to_str().unwrap(), "--db", db]);
    given.fails(2, &format!("FILE {}: that is a directory", dir.display()));
    given.hints(&format!(
        "name a file in it, such as {}",
        dir.join("sandbox-backup.db").display()
    ));
    let nowhere = dir.join("nowhere.db");
    backup(home, &["x.db", "--db", nowhere.to_str().unwrap()]).fails(2, "no sandbox database at");
    backup(home, &[db, "--db", db, "--force"]).fails(2, "the database itself");

    // A file that is no database is refused before a copy starts, and leaves no file, whole
    // or half (it was a copy that failed, exit 1).
    let garbage = dir.join("garbage.db");
    std::fs::write(&garbage, vec![7u8; 8192]).unwrap();
    let target = dir.join("from-garbage.db");
    backup(
        home,
        &[target.to_str().unwrap(), "--db", garbage.to_str().unwrap()],
    )
    .fails(2, "garbage.db is not a livectl sandbox database");
    assert!(!target.exists());
    let left: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");

    // A FIFO (or a device: `/dev/null` as root) is not replaced by a regular file, even with
    // --force: the rename put the backup in its place (hostile-input check).
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let fifo = dir.join("pipe");
        crate::harness::mkfifo(&fifo);
        backup(home, &[fifo.to_str().unwrap(), "--db", db, "--force"])
            .fails(2, "is not a regular file (a device, a FIFO or a socket)");
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
        // A link is followed: the file it points to is replaced, the link stays a link.
        let link = dir.join("latest.db");
        std::os::unix::fs::symlink(file, &link).unwrap();
        assert_eq!(
            backup(home, &[link.to_str().unwrap(), "--db", db, "--force"]).code,
            0
        );
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        // A link to nowhere names the file it would create: made there, the link kept (the
        // review: the rename put a file in the link's place).
        let dangling = dir.join("next.db");
        let made = dir.join("made-by-backup.db");
        std::os::unix::fs::symlink(&made, &dangling).unwrap();
        assert_eq!(
            backup(home, &[dangling.to_str().unwrap(), "--db", db]).code,
            0
        );
        assert!(
            std::fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(
            std::fs::read(&made)
                .unwrap()
                .starts_with(b"SQLite format 3\0")
        );
    }
}

#[cfg(unix)]
#[test]
fn reset_leaves_a_database_in_use_alone() {
    let mut sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    Workspace::new(&api);
    let db = sandbox.home.db();
    let home = sandbox.home.clone();
    let reset = || {
        let out = home.run(&["sandbox", "reset", "--yes", "--db", db.to_str().unwrap()]);
        crate::harness::Run::from(out)
    };
    let refused = reset();
    refused.fails(6, "in use by another process");
    assert!(
        refused.stderr.contains("then reset again"),
        "{}",
        refused.stderr
    );
    assert!(db.exists());
    assert_eq!(api.all("/v1/agents").len(), 5, "the sandbox serves on");

    assert_eq!(sandbox.stop(libc::SIGTERM), Some(0));
    let done = reset();
    assert_eq!(done.code, 0, "{}", done.stderr);
    assert!(!db.exists());
    assert_eq!(wal_and_shm(&db), Vec::<String>::new());
}

/// `sandbox reset --db notes.txt --yes` deleted the file of notes, and one that did not exist
/// was said deleted too (the new-user check): only a sandbox's database is deleted.
#[test]
fn reset_deletes_only_a_sandbox_database() {
    let home = Home::new();
    let run = |db: &std::path::Path| {
        crate::harness::Run::from(home.run(&[
            "sandbox",
            "reset",
            "--yes",
            "--db",
            db.to_str().unwrap(),
        ]))
    };
    let notes = home.path().join("notes.txt");
    std::fs::write(&notes, "important\n").unwrap();
    run(&notes).fails(
        2,
        &format!(
            "{} is not a livectl sandbox database; nothing was deleted",
            notes.display()
        ),
    );
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "important\n");
    let missing = home.path().join("nothing.db");
    let said = run(&missing);
    assert_eq!(said.code, 0, "{}", said.stderr);
    assert!(
        said.stderr.contains(&format!(
            "no sandbox database at {}: nothing was deleted",
            missing.display()
        )),
        "{}",
        said.stderr
    );
    assert!(!missing.exists());
}

/// The embedded sandbox's own file, damaged, is deleted by a reset without --db: it was
/// refused as no sandbox database, with a hint to leave out the --db left out (new user).
#[test]
fn reset_starts_a_damaged_embedded_sandbox_again() {
    let home = Home::new();
    home.cli(&["queues"]).ok();
    let db = home.path().join("data/livectl/sandbox.db");
    let whole = std::fs::read(&db).unwrap();
    std::fs::write(&db, &whole[..whole.len() / 2]).unwrap();
    let broken = home.cli(&["queues"]);
    broken.fails(1, "cannot start the embedded sandbox");
    assert!(
        broken
            .stderr
            .contains("is not a whole sandbox database: `livectl sandbox reset --yes` deletes it"),
        "{}",
        broken.stderr
    );
    let reset = home.cli(&["sandbox", "reset", "--yes"]);
    assert_eq!(reset.code, 0, "{}", reset.stderr);
    assert!(home.cli(&["queues"]).ok().contains("general"));
}

#[test]
fn a_sandbox_that_cannot_listen_leaves_no_database_behind() {
    let home = Home::new();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let db = home.path().join("never.db");
    let run = crate::harness::Run::from(home.run(&[
        "sandbox",
        "serve",
        "--addr",
        &addr,
        "--db",
        db.to_str().unwrap(),
    ]));
    run.fails(1, &format!("cannot listen on {addr}"));
    assert!(!db.exists(), "no database was made");
    assert!(wal_and_shm(&db).is_empty());
}

/// A database file that was there, readable by others (`: > x.db`), is made private before
/// it holds anything: it was left 0644 with the users' data and token hashes (new user).
#[cfg(unix)]
#[test]
fn serve_makes_a_database_file_others_could_read_private() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    std::fs::write(home.db(), "").unwrap();
    std::fs::set_permissions(home.db(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let sandbox = Sandbox::start_in(home, &[]);
    assert_eq!(mode(&sandbox.home.db()), 0o600);
}

/// A backup written over a database a server has open, or over its write-ahead log, left the
/// server writing to a file that was no longer there (every write after it lost at its stop)
/// or the database malformed (seed tester): refused, as a reset of one in use is (exit 6), and
/// the database keeps serving, whole.
#[test]
fn a_backup_is_not_written_over_a_database_in_use_or_its_log() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let home = &sandbox.home;
    let mut other = Sandbox::start(&[]);
    Workspace::new(&other.api());
    other.kill();
    let from = other.home.db();
    let from = from.to_str().unwrap();
    let served = home.db();
    let served_text = served.to_str().unwrap();
    let run = backup(home, &[served_text, "--db", from, "--force"]);
    run.fails(
        6,
        &format!("{served_text} is a sandbox database in use by another process"),
    );
    let wal = format!("{served_text}-wal");
    assert!(
        std::path::Path::new(&wal).exists(),
        "a served database has its log"
    );
    for sidecar in [wal, format!("{served_text}-shm")] {
        backup(home, &[&sidecar, "--db", from, "--force"]).fails(
            2,
            &format!("{sidecar} belongs to the database {served_text}"),
        );
    }
    // Not there yet: the same (SQLite would read it as the database's log).
    let journal = format!("{served_text}-journal");
    backup(home, &[&journal, "--db", from]).fails(
        2,
        &format!("{journal} belongs to the database {served_text}"),
    );
    assert!(!std::path::Path::new(&journal).exists());
    // Untouched: it serves what it held, and takes more.
    assert_eq!(api.intervention(&id)["state"], "queued");
    api.post(
        &format!("/v1/interventions/{id}/assign"),
        json!({"agent": w.bo}),
    )
    .expect(200);
    // Stopped, it may be replaced.
    let kept = Home::new();
    let target = kept.path().join("restore.db");
    std::fs::copy(&served, &target).unwrap();
    backup(home, &[target.to_str().unwrap(), "--db", from, "--force"]).ok();
}

/// A `--db` given wrong is judged alike by every sandbox command, before anything is opened,
/// served or deleted: a directory, or a file that is no sandbox's database, is usage (exit 2)
/// saying what it is. `reset --db /tmp` said "disk I/O error" (exit 1), `serve` and `token`
/// exited 1 with SQLite's words, `backup` called a directory "no sandbox database" (new user).
#[test]
fn every_sandbox_command_judges_a_db_given_wrong_alike() {
    let home = Home::new();
    let dir = home.path().join("dbs");
    std::fs::create_dir(&dir).unwrap();
    let notes = home.path().join("notes.json");
    std::fs::write(&notes, "{\"important\": true}\n").unwrap();
    let copy = home.path().join("copy.db");
    let copy = copy.to_str().unwrap();
    let commands: [&[&str]; 4] = [
        &["sandbox", "serve", "--addr", "127.0.0.1:0"],
        &["sandbox", "token", "--agent", "bo"],
        &["sandbox", "backup", copy],
        &["sandbox", "reset", "--yes"],
    ];
    for command in commands {
        let run = |db: &Path| {
            let args = [command, &["--db", db.to_str().unwrap()]].concat();
            crate::harness::Run::from(home.run(&args))
        };
        let given = run(&dir);
        given.fails(2, &format!("--db {}: that is a directory", dir.display()));
        given.hints(&format!(
            "name a file in it, such as {}",
            dir.join("sandbox.db").display()
        ));
        run(&notes).fails(
            2,
            &format!("{} is not a livectl sandbox database", notes.display()),
        );
        assert_eq!(
            std::fs::read_to_string(&notes).unwrap(),
            "{\"important\": true}\n",
            "{command:?}"
        );
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "{command:?}");
        assert!(!Path::new(copy).exists(), "{command:?}");
    }
    // A path through a file, and a link to nothing (SQLite made its target readable by others:
    // review), are said as such; serve made neither.
    let through = notes.join("x.db");
    let link = home.path().join("link.db");
    std::os::unix::fs::symlink(home.path().join("gone.db"), &link).unwrap();
    for command in commands {
        let run = |db: &Path| {
            let args = [command, &["--db", db.to_str().unwrap()]].concat();
            crate::harness::Run::from(home.run(&args))
        };
        run(&through).fails(
            2,
            &format!(
                "--db {}: a part of it is a file, not a directory",
                through.display()
            ),
        );
        let given = run(&link);
        given.fails(
            2,
            &format!(
                "--db {}: a link to {}, which is not there",
                link.display(),
                home.path().join("gone.db").display()
            ),
        );
        given.hints("give --db the file itself, or remove the link");
        assert!(!home.path().join("gone.db").exists(), "{command:?}");
        // A device: SQLite reads /dev/null as an empty database, and root may delete it
        // (review).
        run(Path::new("/dev/null")).fails(2, "--db /dev/null: not a regular file, so no database");
        assert!(Path::new("/dev/null").exists());
    }
    // An empty file holds nothing yet: served as a new database (tested above), deleted by a
    // reset, not read as a sandbox by token and backup.
    let empty = home.path().join("empty.db");
    std::fs::write(&empty, "").unwrap();
    for command in &commands[1..3] {
        let args = [*command, &["--db", empty.to_str().unwrap()]].concat();
        crate::harness::Run::from(home.run(&args)).fails(
            2,
            &format!(
                "--db {}: it holds no sandbox yet (empty, or a sandbox is still making it)",
                empty.display()
            ),
        );
    }
    let reset = crate::harness::Run::from(home.run(&[
        "sandbox",
        "reset",
        "--yes",
        "--db",
        empty.to_str().unwrap(),
    ]));
    assert_eq!(reset.code, 0, "{}", reset.stderr);
    assert!(!empty.exists());
    // The embedded sandbox's own place, named as such (it said `--db` of a flag not given).
    let own = home.path().join("data/livectl/sandbox.db");
    std::fs::create_dir_all(&own).unwrap();
    let given = crate::harness::Run::from(home.run(&["sandbox", "token"]));
    given.fails(
        2,
        &format!(
            "the embedded sandbox's database {}: that is a directory",
            own.display()
        ),
    );
    given.hints("remove it, or give --db the database to use");
    std::fs::remove_dir(&own).unwrap();
    // Where a database is read, one that is not there is a path given wrong too.
    let missing = home.path().join("missing.db");
    for command in &commands[1..3] {
        let args = [*command, &["--db", missing.to_str().unwrap()]].concat();
        let given = crate::harness::Run::from(home.run(&args));
        given.fails(2, &format!("no sandbox database at {}", missing.display()));
        given.hints("name it with --db, or start one with `livectl sandbox serve --db PATH`");
    }
}
