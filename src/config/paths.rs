//! Where livectl keeps its files (XDG base directories).

use std::path::{Path, PathBuf};

fn xdg(var: &str, fallback: &str) -> PathBuf {
    match std::env::var_os(var).filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("."))
            .join(fallback),
    }
}

/// `$XDG_CONFIG_HOME/livectl`.
pub fn config_dir() -> PathBuf {
    xdg("XDG_CONFIG_HOME", ".config").join("livectl")
}

/// `$XDG_STATE_HOME/livectl`.
pub fn state_dir() -> PathBuf {
    xdg("XDG_STATE_HOME", ".local/state").join("livectl")
}

/// `$XDG_DATA_HOME/livectl`.
pub fn data_dir() -> PathBuf {
    xdg("XDG_DATA_HOME", ".local/share").join("livectl")
}

/// The embedded sandbox's database.
pub fn default_sandbox_db() -> PathBuf {
    data_dir().join("sandbox.db")
}

/// Creates `dir` and its missing parents readable by the user alone (0700), as the XDG base
/// directory specification asks; a directory that exists keeps its mode.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}
