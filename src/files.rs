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

/// The temporary file beside `target`, created now.
fn open_beside(target: &Path, mode: Option<u32>) -> std::io::Result<(PathBuf, File)> {
    let dir = directory_of(target);
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("livectl");
    let tmp = dir.join(format!(".{name}.livectl-{}.tmp", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    if let Some(mode) = mode {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let file = options.open(&tmp)?;
    Ok((tmp, file))
}

fn directory_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    }
}

impl AtomicFile {
    /// The export named by `--out`: the temporary file is created now, so a missing directory or
    /// a denied write is reported before any work is done.
    pub fn export(target: &Path) -> Result<AtomicFile, CliError> {
        let dir = directory_of(target);
        if target.file_name().and_then(|n| n.to_str()).is_none() {
            return Err(CliError::usage(format!(
                "--out {}: not a file name",
                target.display()
            )));
        }
        if !dir.is_dir() {
            return Err(CliError::usage(format!(
                "--out {}: the directory {} does not exist",
                target.display(),
                dir.display()
            ))
            .hint("create it first, or choose another path"));
        }
        let (tmp, file) = open_beside(target, None).map_err(|e| {
            CliError::failure(format!(
                "--out {}: cannot write in {}: {e}",
                target.display(),
                dir.display()
            ))
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
