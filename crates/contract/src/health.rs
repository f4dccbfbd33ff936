//! `GET /healthz`, beside the versioned API: a sandbox answers `ok` there once it serves
//! (`livectl sandbox wait` asks it), and says there whose workspace it serves.

/// The path, from the platform's root.
pub const PATH: &str = "healthz";

/// The header with which a sandbox says it serves the user's demo workspace (the embedded
/// sandbox's database, served by `sandbox serve` without `--db`): a command that leaves data
/// where it runs (`livectl conformance`) asks first there, as on the embedded sandbox.
pub const WORKSPACE: &str = "livectl-workspace";

/// The value of `WORKSPACE` for the demo workspace.
pub const DEMO: &str = "demo";

/// The header with which a sandbox says which workspace its database holds (its `ws_` id, as
/// `/v1/me` says it): `livectl sandbox wait --db` tells the sandbox it started from another
/// one answering at that address (the one it started could not listen there).
pub const WORKSPACE_ID: &str = "livectl-workspace-id";
