//! Loading a checked seed document through the API: the same plan the sandbox applies to its
//! store at start, sent as creations of the catalog and then batches of conversations.

use jiff::Timestamp;
use livectl_client::Client;
use livectl_contract::seed::{Ids, Plan, SeedFile, Tally, plan};

use crate::error::CliError;
use crate::ui::Ui;
use crate::ui::progress::Progress;

/// Sends the document, in order, idempotently: a second load changes nothing. Relative instants
/// (`now-2h`) count from `now`.
pub async fn load(
    client: &Client,
    ui: &Ui,
    file: &SeedFile,
    now: Timestamp,
) -> Result<Tally, CliError> {
    let plan = Plan::new(file, now);
    let mut tally = Tally::default();
    let mut ids = Ids::default();
    for step in plan.catalog() {
        let input = step.input(&ids).map_err(internal)?;
        let (id, result) = client.upsert(&input).await?;
        ids.record(input.kind(), input.key(), id);
        tally.upserted(result);
    }
    // Batches are built as they are sent, so memory holds one batch, not the whole load; they
    // go one at a time, in document order, so the same document gives the same ids.
    let progress = Progress::conversations(ui, plan.conversations() as u64);
    for batch in plan.batches(&ids) {
        let batch = batch.map_err(internal)?;
        let conversations = batch.conversations as u64;
        let answer = client.batch(&plan::request(batch)).await?;
        for r in &answer.results {
            tally.count(r.result);
        }
        progress.inc(conversations);
    }
    progress.finish();
    Ok(tally)
}

/// A plan that names a key without an id: the document was checked, so this is a bug.
fn internal(e: impl std::fmt::Display) -> CliError {
    CliError::failure(format!("the seed plan is inconsistent: {e}"))
}
