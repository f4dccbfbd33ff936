//! `livectl sandbox backup FILE`: a whole, consistent copy of a sandbox database, also while a
//! server runs on it.

use std::path::{Path, PathBuf};

use clap::Args;
use livectl_sandbox::store::files::{self, BackupError};

use super::Ctx;
use crate::error::{CliError, ErrorKind};
use crate::files::Beside;

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The copy to write (mode 0600); it must not exist yet, unless --force
    pub file: PathBuf,
    #[command(flatten)]
    pub db: super::DbArg,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

pub async fn exec(args: BackupArgs, ctx: &Ctx) -> Result<(), CliError> {
    let db = args.db.judged(super::Use::Read)?.path;
    let file = args.file;
    // A link is followed, as `--out` follows one (`files::link_target`): the file it points to
    // is written, whether or not it exists yet, and the link stays a link.
    let target = crate::files::link_target(&file, &file.display().to_string())?
        .ok_or_else(|| not_regular(&file))?;
    check_target(&target, &db, args.force)?;
    let copy = Beside::create(&target, Some(0o600)).map_err(|e| {
        CliError::failure(format!("cannot write {}: {e}", file.display()))
            .hint("choose a directory you can write to")
    })?;
    // A stop is handled here: the half-made copy is removed.
    let _claim = crate::signals::claim();
    files::backup(&db, copy.path(), crate::signals::interrupted())
        .await
        .map_err(|e| match e {
            BackupError::Interrupted => CliError::interrupted("interrupted: no backup was written"),
            BackupError::Database(detail) => {
                CliError::failure(format!("cannot back up the sandbox database {detail}"))
            }
        })?;
    copy.place(args.force).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            exists(&file)
        } else {
            CliError::failure(format!("cannot write {}: {e}", file.display()))
        }
    })?;
    ctx.ui.note(format!(
        "backed up the sandbox database {} to {}",
        db.display(),
        file.display()
    ));
    Ok(())
}

/// FILE names a file to create in a directory that exists, not the database itself.
fn check_target(file: &Path, db: &Path, force: bool) -> Result<(), CliError> {
    if file.is_dir() {
        let named = format!("FILE {}", file.display());
        return Err(crate::files::is_a_directory(
            &named,
            file,
            "sandbox-backup.db",
        ));
    }
    crate::files::existing_dir(
        &file.display().to_string(),
        &crate::files::directory_of(file),
    )?;
    // There or not yet: SQLite would read it as the database's own.
    if let Some(owner) = sidecar_of(file) {
        return Err(CliError::usage(format!(
            "{} belongs to the database {}: SQLite keeps its log there, and a backup in its place would damage it",
            file.display(),
            owner.display()
        ))
        .hint("name another file"));
    }
    if let Ok(meta) = std::fs::metadata(file) {
        // A device, a FIFO or a socket has nothing a database could replace: the rename put a
        // regular file in its place (`/dev/null` run as root), as `--out` never does.
        if !meta.is_file() {
            return Err(not_regular(file));
        }
        let same = std::fs::canonicalize(file)
            .ok()
            .zip(std::fs::canonicalize(db).ok())
            .is_some_and(|(a, b)| a == b);
        if same {
            return Err(CliError::usage(format!(
                "{} is the database itself; name another file",
                file.display()
            )));
        }
        if !force {
            return Err(exists(file));
        }
        crate::files::writable(file, &file.display().to_string())?;
        // A server (or a command) writing to it would go on writing to the file replaced, and
        // what it wrote after would be lost; as a reset of one in use, exit 6. Not in use, the
        // log a crash left beside it is taken into it by this look, not into the backup.
        if files::in_use(file).map_err(CliError::failure)? {
            return Err(CliError::new(
                ErrorKind::Conflict,
                format!(
                    "{} is a sandbox database in use by another process, so nothing was written over it",
                    file.display()
                ),
            )
            .hint("stop the `livectl sandbox serve` (Ctrl-C) or the livectl command that uses it, then back up over it again"));
        }
    }
    Ok(())
}

/// The database whose write-ahead log, shared memory or rollback journal `file` is
/// (`DB-wal`, `DB-shm`, `DB-journal` beside a `DB` that exists).
fn sidecar_of(file: &Path) -> Option<PathBuf> {
    let name = file.file_name()?.to_str()?;
    let stem = ["-wal", "-shm", "-journal"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))?;
    let owner = file.with_file_name(stem);
    owner.is_file().then_some(owner)
}

/// A device, a FIFO, a socket or one of this process's descriptors: nothing a database file
/// could take the place of.
fn not_regular(file: &Path) -> CliError {
    CliError::usage(format!(
        "{} is not a regular file (a device, a FIFO or a socket); a backup is a database file",
        file.display()
    ))
    .hint("name a regular file, such as sandbox-backup.db")
}

fn exists(file: &Path) -> CliError {
    CliError::usage(format!("{} already exists", file.display()))
        .hint("name a new file, or pass --force to replace it")
}
