//! Seeding: a YAML or JSON file of departments, agents, catalog, users, conversations and
//! interventions (their states reached through the real actions), or generated data, loaded
//! through the API idempotently by key.

pub mod apply;
pub mod format;
pub mod generate;
pub mod validate;

pub use apply::{Tally, apply};
pub use format::SeedFile;
