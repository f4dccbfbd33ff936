//! `livectl agents|topics|outcomes|blocks|departments`: the people and the catalog.

use clap::Args;

use super::Ctx;
use crate::error::CliError;
use crate::model::Names;
use crate::usecases::lookup::{self, NamesOf};

#[derive(Debug, Args)]
pub struct CatalogArgs {}

/// Which list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Catalog {
    Agents,
    Topics,
    Outcomes,
    Blocks,
    Departments,
}

pub async fn exec(what: Catalog, ctx: &Ctx) -> Result<(), CliError> {
    let client = ctx.client().await?;
    let ui = &ctx.ui;
    // Agents and topics name their department.
    let names = match what {
        Catalog::Agents | Catalog::Topics if ui.needs_names() => {
            lookup::names(client, NamesOf::Departments).await?
        }
        _ => Names::default(),
    };
    match what {
        Catalog::Agents => ui.list(&names, &client.agents().await?),
        Catalog::Topics => ui.list(&names, &client.topics().await?),
        Catalog::Outcomes => ui.list(&names, &client.outcomes().await?),
        Catalog::Blocks => ui.list(&names, &client.blocks().await?),
        Catalog::Departments => ui.list(&names, &client.departments().await?),
    }
}
