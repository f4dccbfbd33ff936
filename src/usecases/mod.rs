//! What commands do with the client, beyond one request: the bulk engine and its journal,
//! TARGETS, agent and catalog lookup, spreading over agents and pools, stuck takeovers, the
//! autopilot, seeding and generated data.
//! Use cases talk to the platform through the client and to people through the ui; they never
//! reach into commands.

pub mod autopilot;
pub mod bulk;
pub mod conformance;
pub mod console;
pub mod generate;
pub mod lookup;
pub mod pool;
pub mod seed;
pub mod seen;
pub mod spread;
pub mod stuck;
pub mod targets;
