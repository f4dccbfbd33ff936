//! Files written whole or not at all: a temporary file beside the target, renamed over it when
//! complete, removed if the run stops first. Exports, the config, credentials, tokens and man
//! pages all go through here.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::CliError;

pub struct AtomicFile {
    target: PathBuf,
    tmp: PathBuf,
    file: Option<BufWriter<File>>,
}

/// The temporary file beside `target`, created now and new: a file or link already under its
/// name (planted in a shared directory, say) is never opened, another name is drawn.
fn open_beside(target: &Path, mode: Option<u32>) -> std::io::Result<(PathBuf, File)> {
    open_beside_drawing(target, mode, || fastrand::u32(..))
}

fn open_beside_drawing(
    target: &Path,
    mode: Option<u32>,
    mut draw: impl FnMut() -> u32,
) -> std::io::Result<(PathBuf, File)> {
    let dir = directory_of(target);
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("livectl");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if let Some(mode) = mode {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let mut tries = 0;
    loop {
        let tmp = dir.join(format!(
            ".{name}.livectl-{}-{:08x}.tmp",
            std::process::id(),
            draw()
        ));
        match options.open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && tries < 16 => tries += 1,
            Err(e) => return Err(e),
        }
    }
}

pub fn directory_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// A directory the user named must be there: livectl makes no directories from a typo. A
/// usage error otherwise, after `what` (how it was given: `--out x.csv`), saying whether it is
/// missing or not a directory; a directory on a path the user may not search says so, not
/// "missing": it may well be there.
pub fn existing_dir(what: &str, dir: &Path) -> Result<(), CliError> {
    // A file where its directory should be has nothing to create: it said "create it first".
    let in_a_directory = "choose a path in a directory";
    let (problem, hint) = match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(_) => (
            format!("{} is a file, not a directory", dir.display()),
            in_a_directory,
        ),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => (
            format!("you may not reach the directory {} ({e})", dir.display()),
            "choose a directory you can write to",
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => (
            format!("a part of {} is a file, not a directory", dir.display()),
            in_a_directory,
        ),
        Err(_) => (
            format!("the directory {} does not exist", dir.display()),
            "create it first, or choose another path",
        ),
    };
    Err(CliError::usage(format!("{what}: {problem}")).hint(hint))
}

/// A directory given where a file is wanted, said one way wherever it happens (`--out`,
/// `--junit`, `--journal`, `--db`, a backup's FILE): what was given, and a file in it that
/// would do (three wordings before, one with only the OS's "File exists": new user).
pub fn is_a_directory(named: &str, dir: &Path, file: &str) -> CliError {
    CliError::usage(format!("{named}: that is a directory")).hint(format!(
        "name a file in it, such as {}",
        dir.join(file).display()
    ))
}

/// Where `--out` writes an export.
pub enum Export {
    /// `-`: the run's stdout.
    Stdout,
    /// `/dev/stderr`: the run's stderr, where its messages go too.
    Stderr,
    /// A character device or a FIFO, written through (there is nothing to replace).
    Through(File),
    /// A regular file, written beside and renamed over when complete.
    Whole(AtomicFile),
}

impl Export {
    /// The place `--out` names, checked before any work is done: a directory is refused, a
    /// symbolic link is followed (the file it points to is replaced, never the link), a device or
    /// FIFO is written through, and temporary files that an interrupted export left beside the
    /// target are removed.
    pub fn open(target: &Path) -> Result<Export, CliError> {
        Export::open_as("--out", target, "history.ndjson")
    }

    /// `open`, for the flag `flag` (`--junit`), named in its errors; `file` a name a file in a
    /// directory given for it could have.
    pub fn open_as(flag: &str, target: &Path, file: &str) -> Result<Export, CliError> {
        if target.as_os_str() == "-" {
            return Ok(Export::Stdout);
        }
        let named = format!("{flag} {}", target.display());
        let resolved = match follow_links_of(target, &named)? {
            Followed::Path(path) => path,
            Followed::Descriptor(fd) => return Export::descriptor(fd, &named),
        };
        match std::fs::metadata(&resolved) {
            Ok(meta) if meta.is_dir() => Err(is_a_directory(&named, target, file)),
            Ok(meta) if !meta.is_file() => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&resolved)
                    .map_err(|e| {
                        let said = format!("{named}: cannot write: {e}");
                        // One the user may not write is a path given wrong, as a file is.
                        if e.kind() == std::io::ErrorKind::PermissionDenied {
                            CliError::usage(said)
                        } else {
                            CliError::failure(said)
                        }
                    })?;
                Ok(Export::Through(file))
            }
            _ => {
                remove_stale_temporaries(&resolved);
                AtomicFile::export(&resolved, &named).map(Export::Whole)
            }
        }
    }

    /// One of this process's open descriptors (`/dev/stdout`, `/dev/fd/N`): written where it
    /// stands, never replaced (a file behind it may hold what the shell wrote before, or be
    /// appended to). Stdout is `-`, stderr the run's own; another one is reached by its path
    /// only when it is a pipe or a device, which have no place to lose.
    fn descriptor(fd: u32, named: &str) -> Result<Export, CliError> {
        let cannot = |e: std::io::Error| CliError::failure(format!("{named}: cannot write: {e}"));
        match fd {
            1 => Ok(Export::Stdout),
            2 => Ok(Export::Stderr),
            _ => {
                let path = PathBuf::from(format!("/dev/fd/{fd}"));
                match std::fs::metadata(&path) {
                    Ok(meta) if !meta.is_file() && !meta.is_dir() => std::fs::OpenOptions::new()
                        .write(true)
                        .open(&path)
                        .map(Export::Through)
                        .map_err(cannot),
                    _ => Err(CliError::usage(format!(
                        "{named}: an open file livectl cannot write in its place"
                    ))
                    .hint("give the file's own path, or - for stdout and redirect it")),
                }
            }
        }
    }

    /// Writes `bytes` whole and ends the export (a report made at once, `--junit`): a
    /// failure said with `named`, the flag and the file. The run's own stdout or stderr is
    /// the ui's to write (`terminal`, told which: true for stdout).
    pub fn put(
        self,
        bytes: &[u8],
        named: &str,
        terminal: impl FnOnce(bool, &[u8]) -> Result<(), CliError>,
    ) -> Result<(), CliError> {
        let fail = |e: std::io::Error| CliError::failure(format!("{named}: cannot write: {e}"));
        match self {
            Export::Stdout => terminal(true, bytes),
            Export::Stderr => terminal(false, bytes),
            Export::Through(mut file) => file.write_all(bytes).map_err(fail),
            Export::Whole(mut file) => {
                file.write_all(bytes).map_err(fail)?;
                file.commit()
            }
        }
    }

    /// Ends the export: the whole file takes the target's place; a stream is flushed.
    pub fn commit(self) -> Result<(), CliError> {
        match self {
            Export::Stdout | Export::Stderr => Ok(()),
            Export::Through(mut file) => file.flush().map_err(CliError::output),
            Export::Whole(file) => file.commit(),
        }
    }
}

/// Where a path leads once its symbolic links are followed.
enum Followed {
    /// A file (a link to nowhere names the file it would create).
    Path(PathBuf),
    /// One of this process's open descriptors: `/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`.
    Descriptor(u32),
}

/// The descriptor a path names outright: `/dev/stdout` (1), `/dev/stderr` (2), `/dev/fd/N`,
/// and `/proc/P/fd/N` where P is `self`, `thread-self` or this process's id.
fn descriptor(path: &Path) -> Option<u32> {
    let text = path.to_str()?;
    match text {
        "/dev/stdout" => return Some(1),
        "/dev/stderr" => return Some(2),
        _ => {}
    }
    let n = match text.strip_prefix("/dev/fd/") {
        Some(n) => n,
        None => {
            let (process, n) = text.strip_prefix("/proc/")?.split_once("/fd/")?;
            let own = std::process::id().to_string();
            if !matches!(process, "self" | "thread-self") && process != own {
                return None;
            }
            n
        }
    };
    n.parse().ok()
}

/// Where `target` (named as `what` in an error) leads once its links are followed, for a file
/// written whole in its place: the file a link points to, which need not exist yet (a backup
/// replaced a link to nowhere with a file of its own). One of this process's descriptors is
/// no such file: None.
pub fn link_target(target: &Path, what: &str) -> Result<Option<PathBuf>, CliError> {
    Ok(match follow_links_of(target, what)? {
        Followed::Path(path) => Some(path),
        Followed::Descriptor(_) => None,
    })
}

fn follow_links_of(target: &Path, what: &str) -> Result<Followed, CliError> {
    let mut path = target.to_owned();
    for _ in 0..40 {
        if let Some(fd) = descriptor(&path) {
            return Ok(Followed::Descriptor(fd));
        }
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                if !may_follow(&path, &meta) {
                    return Err(CliError::failure(format!(
                        "{what}: {} is a link in a directory anyone may write to, and another user's: livectl does not follow it, as the system would not (fs.protected_symlinks)",
                        path.display()
                    ))
                    .hint("name the file itself, or a place of your own"));
                }
                let link = std::fs::read_link(&path)
                    .map_err(|e| CliError::failure(format!("{what}: cannot read the link: {e}")))?;
                path = directory_of(&path).join(link);
            }
            _ => return Ok(Followed::Path(path)),
        }
    }
    Err(CliError::usage(format!("{what}: too many symbolic links")))
}

/// Whether a link may be followed, by the rule the kernel keeps for links in a shared
/// directory (`fs.protected_symlinks`): in a sticky directory that anyone may write to (`/tmp`),
/// only a link of the follower's own or of the directory's owner. livectl reads a link itself
/// to write beside what it points to, so the kernel's rule never saw it: a link planted in
/// `/tmp` made an export replace another user's file (hostile-input check).
#[cfg(unix)]
fn may_follow(link: &Path, meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(dir) = std::fs::metadata(directory_of(link)) else {
        return true;
    };
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    dir.mode() & 0o1002 != 0o1002 || meta.uid() == me || meta.uid() == dir.uid()
}

#[cfg(not(unix))]
fn may_follow(_: &Path, _: &std::fs::Metadata) -> bool {
    true
}

/// Removes `.NAME.livectl-PID-DRAW.tmp` files (and the older `.NAME.livectl-PID.tmp`) beside
/// `target` whose process is gone: what an export killed by SIGKILL or a power cut left behind.
fn remove_stale_temporaries(target: &Path) {
    let Some(name) = target.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let prefix = format!(".{name}.livectl-");
    let Ok(entries) = std::fs::read_dir(directory_of(target)) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !running(pid, &entry.path()) {
            // Best effort: a file we cannot remove is left for its owner.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether process `pid` still runs (where /proc tells); elsewhere a file older than a day is
/// taken as left behind.
fn running(pid: u32, file: &Path) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    std::fs::metadata(file)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age.as_secs() < 86_400)
}

impl AtomicFile {
    /// The temporary file beside `target` (the file `--out` resolves to; `named` is the flag
    /// and how the user named it), created now, readable by its owner alone.
    fn export(target: &Path, named: &str) -> Result<AtomicFile, CliError> {
        let dir = directory_of(target);
        match target.file_name().map(|n| n.to_str()) {
            Some(Some(_)) => {}
            Some(None) => {
                return Err(
                    CliError::usage(format!("{named}: the file's name is not UTF-8"))
                        .hint("give a name in UTF-8, such as history.ndjson"),
                );
            }
            None => {
                return Err(CliError::usage(format!(
                    "{named}: names no file (a directory or `..`)"
                ))
                .hint("give a file name, such as history.ndjson"));
            }
        }
        existing_dir(named, &dir)?;
        writable(target, named)?;
        let (tmp, file) = open_beside(target, Some(0o600)).map_err(|e| {
            use std::io::ErrorKind::*;
            let said = format!("{named}: cannot write in {}: {e}", dir.display());
            // A place that takes no new file is a path given wrong (2), as a missing one is;
            // a disk that is full or a system out of files is not the path's fault (1).
            let place = matches!(
                e.kind(),
                PermissionDenied | ReadOnlyFilesystem | NotFound | NotADirectory | IsADirectory
            );
            if place {
                CliError::usage(said)
            } else {
                CliError::failure(said)
            }
            .hint("choose a directory you can write to")
        })?;
        Ok(AtomicFile {
            target: target.to_owned(),
            tmp,
            file: Some(BufWriter::new(file)),
        })
    }

    /// Flushes, syncs and renames the file over the target.
    pub fn commit(mut self) -> Result<(), CliError> {
        let fail = |e: std::io::Error, target: &Path| {
            CliError::failure(format!("cannot write {}: {e}", target.display()))
        };
        if let Some(file) = self.file.take() {
            let file = file
                .into_inner()
                .map_err(|e| fail(e.into_error(), &self.target))?;
            file.sync_all().map_err(|e| fail(e, &self.target))?;
        }
        std::fs::rename(&self.tmp, &self.target).map_err(|e| fail(e, &self.target))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.file.as_mut() {
            Some(f) => f.write(buf),
            None => Err(std::io::Error::other("the file is closed")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.file.as_mut() {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.is_some() {
            self.file = None;
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// A regular file that is there may be replaced only by one who may write it: a rename over it
/// needs only the directory's permission, and replaced a read-only file, or another user's,
/// that `cp` or `>` would have been refused (hostile-input check). Opening it for writing,
/// without truncating, asks the system the same question they do. `what` names it in the error.
pub fn writable(target: &Path, what: &str) -> Result<(), CliError> {
    match std::fs::OpenOptions::new().write(true).open(target) {
        // Not the file's refusal but its directory's: the user may not search it.
        Err(e)
            if e.kind() == std::io::ErrorKind::PermissionDenied
                && std::fs::symlink_metadata(target).is_err() =>
        {
            Err(CliError::usage(format!(
                "{what}: you may not look into the directory {} ({e})",
                directory_of(target).display()
            ))
            .hint("choose a directory you can write to"))
        }
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            // Its mode is the reason only when it lets nobody write it, or not its owner who
            // is asking; else the system's own reason is (an immutable file, another user's),
            // and "chmod u+w" would mislead.
            #[cfg(unix)]
            let mode = std::fs::metadata(target).ok().and_then(|m| {
                use std::os::unix::fs::{MetadataExt, PermissionsExt};
                let mode = m.permissions().mode() & 0o7777;
                // SAFETY: geteuid has no preconditions and cannot fail.
                let mine = m.uid() == unsafe { libc::geteuid() };
                (mode & 0o222 == 0 || mine && mode & 0o200 == 0).then_some(mode)
            });
            #[cfg(not(unix))]
            let mode: Option<u32> = None;
            Err(match mode {
                Some(mode) => CliError::usage(format!(
                    "{what}: you may not write that file (mode {mode:o}), so livectl does not replace it"
                ))
                .hint("name another file, or make that one writable (chmod u+w) if it is yours to replace"),
                None => CliError::usage(format!(
                    "{what}: you may not write that file ({e}), so livectl does not replace it"
                ))
                .hint("name another file"),
            })
        }
        _ => Ok(()),
    }
}

/// A file to read, opened only when it is a regular one (`Ok(None)` when it is not): opened
/// without waiting, as a FIFO's open waits for a writer (it held the run past Ctrl-C), then
/// judged by what was opened, so nothing swapped in between is read.
pub fn open_regular(path: &Path) -> std::io::Result<Option<File>> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path)?;
    Ok(file.metadata()?.is_file().then_some(file))
}

/// A token piped to `flag`, trimmed; stdin is read no further than a token could be.
pub fn token_from_stdin(flag: &str) -> Result<String, CliError> {
    use livectl_contract::limits::{TOKEN_BYTES, Unread, bytes_said, read_text_at_most};
    let text =
        read_text_at_most(std::io::stdin().lock(), TOKEN_BYTES).map_err(|why| match why {
            Unread::Io(e) => {
                CliError::failure(format!("{flag}: cannot read the token from stdin: {e}"))
            }
            Unread::TooLarge => CliError::usage(format!(
                "{flag}: stdin holds more than {}, which is no token",
                bytes_said(TOKEN_BYTES)
            )),
            Unread::NotText => CliError::usage(format!(
                "{flag}: stdin is not UTF-8 text, which is no token"
            )),
        })?;
    Ok(text.trim().to_owned())
}

/// The most users other than a file's owner may do to it: read it (a read bit of theirs), else
/// write it (a write bit), else run it (execute bits alone). Said as a message says it (`could
/// be read`): a write-only 0620 was said to be readable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenTo {
    Read,
    Written,
    Run,
}

impl std::fmt::Display for OpenTo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            OpenTo::Read => "read",
            OpenTo::Written => "written",
            OpenTo::Run => "run",
        })
    }
}

/// What others may do to a file of `mode` (`OpenTo`).
pub fn others_may(mode: u32) -> OpenTo {
    if mode & 0o044 != 0 {
        OpenTo::Read
    } else if mode & 0o022 != 0 {
        OpenTo::Written
    } else {
        OpenTo::Run
    }
}

/// Makes a file others could read private (0600) again, as livectl writes every file holding
/// user data: its mode before, when it was changed (a journal chmod'ed or copied 0644 went on
/// being written unsaid). Not on systems without Unix modes.
pub fn make_private(path: &Path) -> std::io::Result<Option<u32>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)?.permissions().mode() & 0o777;
        if mode & 0o077 == 0 {
            return Ok(None);
        }
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
        Ok(Some(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(None)
    }
}

/// Writes `bytes` whole to `path`, its directory created if needed (0700, as livectl's own
/// directories are): a reader never sees half a file. `mode` 0o600 keeps it to its owner.
pub fn write_whole(path: &Path, bytes: &[u8], mode: Option<u32>) -> Result<(), CliError> {
    let fail =
        |e: std::io::Error| CliError::failure(format!("cannot write {}: {e}", path.display()));
    let dir = directory_of(path);
    crate::config::create_private_dir(&dir)
        .map_err(|e| CliError::failure(format!("cannot create {}: {e}", dir.display())))?;
    let (tmp, file) = open_beside(path, mode).map_err(fail)?;
    let mut file = AtomicFile {
        target: path.to_owned(),
        tmp,
        file: Some(BufWriter::new(file)),
    };
    file.write_all(bytes).map_err(fail)?;
    file.commit()
}

/// A file beside its target, created empty for another writer (SQLite) to fill, then put in
/// place whole; removed if dropped before.
pub struct Beside {
    target: PathBuf,
    tmp: PathBuf,
    placed: bool,
}

impl Beside {
    /// Creates the empty file beside `target`, with `mode`.
    pub fn create(target: &Path, mode: Option<u32>) -> std::io::Result<Beside> {
        let (tmp, _) = open_beside(target, mode)?;
        Ok(Beside {
            target: target.to_owned(),
            tmp,
            placed: false,
        })
    }

    /// Where the writer writes.
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// Syncs the file and puts it at the target: over an existing file only when `replace`,
    /// otherwise an existing target is an `AlreadyExists` error and stays as it was.
    pub fn place(mut self, replace: bool) -> std::io::Result<()> {
        File::open(&self.tmp)?.sync_all()?;
        if replace {
            std::fs::rename(&self.tmp, &self.target)?;
        } else {
            // A link is made only where no file is: no window in which one could be lost.
            match std::fs::hard_link(&self.tmp, &self.target) {
                Ok(()) => std::fs::remove_file(&self.tmp)?,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(e),
                // A file system without links: look, then rename.
                Err(_) if self.target.exists() => {
                    return Err(std::io::ErrorKind::AlreadyExists.into());
                }
                Err(_) => std::fs::rename(&self.tmp, &self.target)?,
            }
        }
        self.placed = true;
        #[cfg(unix)]
        if let Ok(dir) = File::open(directory_of(&self.target)) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

impl Drop for Beside {
    fn drop(&mut self) {
        if !self.placed {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    /// Each mode open to others is said by the most it lets them do.
    #[test]
    fn what_others_may_do_is_said_by_the_most_of_it() {
        let said: Vec<String> = [0o644, 0o604, 0o640, 0o620, 0o602, 0o660, 0o611, 0o601]
            .into_iter()
            .map(|mode| super::others_may(mode).to_string())
            .collect();
        assert_eq!(
            said,
            [
                "read", "read", "read", "written", "written", "read", "run", "run"
            ]
        );
    }

    /// A file its user may not write is not replaced by a rename, which needs only the
    /// directory's permission (an export replaced a read-only file, and another user's). Run as
    /// root, the check runs on a thread whose file system user is `nobody` (Linux's
    /// `setfsuid`, which drops the permission overrides for that thread alone).
    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_its_user_may_not_write_is_not_replaced() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        let kept = dir.path().join("kept.csv");
        std::fs::write(&kept, "keep me").unwrap();
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o444)).unwrap();
        let open = dir.path().join("open.csv");
        std::fs::write(&open, "old").unwrap();
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o666)).unwrap();
        let new = dir.path().join("new.csv");
        // Another's, which its mode lets its owner write: the mode is not the reason.
        let theirs = dir.path().join("theirs.csv");
        std::fs::write(&theirs, "keep me").unwrap();
        std::fs::set_permissions(&theirs, std::fs::Permissions::from_mode(0o644)).unwrap();
        let judged = std::thread::spawn(move || {
            // SAFETY: setfsuid changes this thread's file system identity, nothing else; an
            // id it cannot take (u32::MAX) only reads the current one.
            let was = unsafe { libc::setfsuid(65534) };
            if was == 0 {
                assert_eq!(unsafe { libc::setfsuid(u32::MAX) }, 65534, "now nobody");
            }
            [&kept, &open, &new, &theirs]
                .map(|p| super::writable(p, "--out x").map_err(|e| (e.message, e.hints)))
        })
        .join()
        .unwrap();
        assert_eq!(
            judged[0].as_ref().unwrap_err().0,
            "--out x: you may not write that file (mode 444), so livectl does not replace it"
        );
        assert_eq!(
            judged[3].as_ref().unwrap_err(),
            &(
                "--out x: you may not write that file (Permission denied (os error 13)), so livectl does not replace it".to_owned(),
                vec!["name another file".to_owned()]
            )
        );
        assert!(judged[1].is_ok(), "a file its user may write");
        assert!(judged[2].is_ok(), "no file there yet");
    }

    /// A directory the user may not search is not "missing" ("create it first"): it is there,
    /// and the user may not reach it, whether the export names a directory in it or a file,
    /// new or there, in it (a new user's `history --out`). A path given wrong, exit 2, as a
    /// missing directory is (README's exit codes; it was 1 beside 2: a new user).
    #[cfg(target_os = "linux")]
    #[test]
    fn a_directory_its_user_may_not_search_is_said_so() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked");
        std::fs::create_dir_all(locked.join("sub")).unwrap();
        std::fs::write(locked.join("there.csv"), "keep me").unwrap();
        // Nobody may search it, not even its owner: the same for root (as nobody) and others.
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let paths = [
            locked.join("sub"),
            locked.join("new.csv"),
            locked.join("there.csv"),
        ];
        let judged = std::thread::spawn(move || {
            // SAFETY: as in the test above: this thread's file system identity only.
            let was = unsafe { libc::setfsuid(65534) };
            if was == 0 {
                assert_eq!(unsafe { libc::setfsuid(u32::MAX) }, 65534, "now nobody");
            }
            let said = |e: crate::error::CliError| (e.exit_code(), e.message, e.hints);
            (
                super::existing_dir("--out sub/x.csv", &paths[0]).map_err(said),
                super::writable(&paths[1], "--out new.csv").map_err(said),
                super::writable(&paths[2], "--out there.csv").map_err(said),
            )
        })
        .join()
        .unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).unwrap();
        let denied = "(Permission denied (os error 13))";
        let hint = vec!["choose a directory you can write to".to_owned()];
        let at = |p: &str| locked.join(p).display().to_string();
        assert_eq!(
            judged.0.unwrap_err(),
            (
                2,
                format!(
                    "--out sub/x.csv: you may not reach the directory {} {denied}",
                    at("sub")
                ),
                hint.clone()
            )
        );
        let in_locked = format!(
            "you may not look into the directory {} {denied}",
            locked.display()
        );
        assert_eq!(
            judged.1.unwrap_err(),
            (2, format!("--out new.csv: {in_locked}"), hint.clone())
        );
        assert_eq!(
            judged.2.unwrap_err(),
            (2, format!("--out there.csv: {in_locked}"), hint)
        );
    }

    /// A FIFO (or device) the user may not write is a path given wrong (2), as a file is
    /// (review: it exited 1).
    #[cfg(target_os = "linux")]
    #[test]
    fn a_fifo_its_user_may_not_write_is_a_path_given_wrong() {
        use std::os::unix::ffi::OsStrExt;
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let c = std::ffi::CString::new(fifo.as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates the file.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o000) }, 0);
        std::fs::set_permissions(&fifo, std::fs::Permissions::from_mode(0o000)).unwrap();
        let said = std::thread::spawn(move || {
            // SAFETY: as in the tests above: this thread's file system identity only.
            let was = unsafe { libc::setfsuid(65534) };
            if was == 0 {
                assert_eq!(unsafe { libc::setfsuid(u32::MAX) }, 65534, "now nobody");
            }
            super::Export::open(&fifo)
                .err()
                .map(|e| (e.exit_code(), e.message))
        })
        .join()
        .unwrap()
        .expect("refused");
        assert_eq!(said.0, 2, "{}", said.1);
        assert!(
            said.1
                .ends_with("cannot write: Permission denied (os error 13)"),
            "{}",
            said.1
        );
    }

    /// A path through a file is not "a directory that does not exist".
    #[test]
    fn a_path_through_a_file_is_said_so() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.csv");
        std::fs::write(&file, "").unwrap();
        let e = super::existing_dir("--out a.csv/b/x.csv", &file.join("b")).unwrap_err();
        // Nothing to create: it hinted "create it first" of a file that is there (new user).
        assert_eq!(
            (e.exit_code(), e.message, e.hints),
            (
                2,
                format!(
                    "--out a.csv/b/x.csv: a part of {} is a file, not a directory",
                    file.join("b").display()
                ),
                vec!["choose a path in a directory".to_owned()]
            )
        );
        let e = super::existing_dir("--out a.csv/x.csv", &file).unwrap_err();
        assert_eq!(
            (e.message, e.hints),
            (
                format!(
                    "--out a.csv/x.csv: {} is a file, not a directory",
                    file.display()
                ),
                vec!["choose a path in a directory".to_owned()]
            )
        );
    }

    /// The kernel's rule for links in a shared sticky directory, which holds for root too:
    /// only the follower's own link, or the directory owner's (the export test runs the
    /// planted half only where it can chown).
    #[cfg(unix)]
    #[test]
    fn a_link_in_a_shared_directory_is_followed_only_as_the_kernel_would() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("tmp");
        std::fs::create_dir(&shared).unwrap();
        let link = shared.join("export.csv");
        std::os::unix::fs::symlink("/nowhere", &link).unwrap();
        let meta = || std::fs::symlink_metadata(&link).unwrap();
        assert!(
            super::may_follow(&link, &meta()),
            "a directory of one's own"
        );
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
        assert!(super::may_follow(&link, &meta()), "one's own link");
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } == 0 {
            std::os::unix::fs::lchown(&link, Some(65534), Some(65534)).unwrap();
            assert!(!super::may_follow(&link, &meta()), "another's link");
            std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o0777)).unwrap();
            assert!(
                super::may_follow(&link, &meta()),
                "not sticky: the kernel follows it"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_under_the_temporary_files_name_is_never_followed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("history.csv");
        let elsewhere = dir.path().join("elsewhere");
        std::fs::write(&elsewhere, "keep me").unwrap();
        let planted = |n: u32| {
            dir.path().join(format!(
                ".history.csv.livectl-{}-{n:08x}.tmp",
                std::process::id()
            ))
        };
        std::os::unix::fs::symlink(&elsewhere, planted(1)).unwrap();
        let mut draws = [1, 2].into_iter();
        let (tmp, file) =
            super::open_beside_drawing(&target, Some(0o600), || draws.next().unwrap()).unwrap();
        drop(file);
        assert_eq!(tmp, planted(2), "another name is drawn");
        assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "keep me");
        assert_eq!(
            std::fs::metadata(&tmp).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}
