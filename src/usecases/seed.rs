//! Loading seed data through the API: the same plan the sandbox applies to its store at start,
//! sent as creations of the catalog and then batches of conversations. A document is loaded as
//! it is; generated data is made conversation by conversation as the batches are sent, so a
//! load holds one batch in memory whatever its size.

use jiff::Timestamp;
use livectl_client::Client;
use livectl_contract::seed::plan::{self, Batch, PlanError};
use livectl_contract::seed::{Ids, Plan, SeedFile, Tally};

use super::generate::Generated;
use crate::error::CliError;
use crate::ui::Ui;
use crate::ui::progress::Progress;

/// What a load sends.
pub enum Source {
    /// A seed document, checked.
    File(SeedFile),
    /// `--generate`: its catalog now, its conversations as they are sent.
    Generated(Generated),
}

impl Source {
    fn catalog(&self) -> &SeedFile {
        match self {
            Source::File(file) => file,
            Source::Generated(generated) => &generated.catalog,
        }
    }

    /// What it holds, in a sentence.
    pub fn describe(&self, now: Timestamp) -> String {
        match self {
            Source::File(file) => Plan::new(file, now).describe(),
            Source::Generated(generated) => generated.describe(),
        }
    }
}

/// Sends the data, in order, idempotently: a second load changes nothing. Relative instants
/// (`now-2h`) count from `now`.
pub async fn load(
    client: &Client,
    ui: &Ui,
    source: &Source,
    now: Timestamp,
) -> Result<Tally, CliError> {
    let plan = Plan::new(source.catalog(), now);
    let mut tally = Tally::default();
    let mut ids = Ids::default();
    for step in plan.catalog() {
        let input = step.input(&ids).map_err(internal)?;
        let (id, result) = client.upsert(&input).await?;
        ids.record(input.kind(), input.key(), id);
        tally.upserted(result);
    }
    // Batches are built as they are sent and go one at a time, in order, so the same data
    // gives the same ids on a fresh workspace.
    let (count, batches): (
        usize,
        Box<dyn Iterator<Item = Result<Batch, PlanError>> + '_>,
    ) = match source {
        Source::File(_) => (plan.conversations(), Box::new(plan.batches(&ids))),
        Source::Generated(generated) => (
            generated.spec.interventions,
            Box::new(plan::batches(
                generated
                    .conversations()
                    .map(|(c, user)| plan.ops(&c, &user, &ids)),
            )),
        ),
    };
    let progress = Progress::conversations(ui, count as u64);
    for batch in batches {
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

/// A plan that names a key without an id: the data was checked, so this is a bug.
fn internal(e: impl std::fmt::Display) -> CliError {
    CliError::failure(format!("the seed plan is inconsistent: {e}"))
}
