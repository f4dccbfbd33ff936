//! Files written whole or not at all: a temporary file beside the target, renamed over it when
//! complete, removed if the run stops first.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::CliError;

pub struct AtomicFile {
    target: PathBuf,
    tmp: PathBuf,
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Creates the temporary file now, so a missing directory or a denied write is reported
    /// before any work is done.
    pub fn create(target: &Path) -> Result<AtomicFile, CliError> {
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
            _ => PathBuf::from("."),
        };
        let name = target.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
            CliError::usage(format!("--out {}: not a file name", target.display()))
        })?;
        if !dir.is_dir() {
            return Err(CliError::usage(format!(
                "--out {}: the directory {} does not exist",
                target.display(),
                dir.display()
            ))
            .hint("create it first, or choose another path"));
        }
        let tmp = dir.join(format!(".{name}.livectl-{}.tmp", std::process::id()));
        let file = File::create(&tmp).map_err(|e| {
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
