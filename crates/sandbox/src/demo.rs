//! The demo workspace: a seed document kept beside this file (`demo.yaml`), loaded through the
//! same plan as any seed file. Its times are relative to an anchor stored on first load, so
//! loading the demo again changes nothing.

use std::path::Path;

use jiff::Timestamp;
use livectl_contract::seed::{self, SeedFile, Tally};

use crate::error::ApiError;
use crate::store::{Store, ms, ts};

/// The demo as written.
pub const DOCUMENT: &str = include_str!("demo.yaml");

/// The demo as a checked seed document.
pub fn document() -> Result<SeedFile, ApiError> {
    // Its instants are all relative: their order is the same whenever it is anchored.
    seed::read(Path::new("demo.yaml"), DOCUMENT, Timestamp::now())
        .map_err(|e| ApiError::Internal(format!("the demo is not a valid seed file: {e}")))
}

/// Loads the demo; a second load finds everything in place and changes nothing.
pub fn load(store: &Store) -> Result<Tally, ApiError> {
    let file = document()?;
    let anchor = store.write(|tx| {
        let stored: Option<String> = Store::meta(tx, "demo_anchor")?;
        match stored.and_then(|v| v.parse().ok()) {
            Some(ms) => Ok(ts(ms)),
            None => {
                let now = Timestamp::now();
                Store::set_meta(tx, "demo_anchor", &ms(now).to_string())?;
                Ok(now)
            }
        }
    })?;
    store.load(file, anchor)
}
