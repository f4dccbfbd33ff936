//! The seed document: departments, agents, catalog, users, conversations and interventions (their
//! states reached through the real actions), its checks and the plan that loads it.

pub mod format;
pub mod plan;
pub mod read;
pub mod validate;

pub use format::{Instant, SeedFile};
pub use plan::{Ids, Plan, Tally};
pub use read::{Invalid, load, read, read_bytes, read_whole};
