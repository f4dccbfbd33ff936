//! `livectl agents|topics|outcomes|blocks|departments`: the people and the catalog.

use clap::Args;

use super::{Ctx, print_list};
use crate::error::CliError;

#[derive(Debug, Args)]
pub struct CatalogArgs {}

async fn with_department_names(ctx: &mut Ctx) -> Result<(), CliError> {
    if ctx.out.tables() {
        ctx.out.names = ctx
            .client
            .departments()
            .await?
            .into_iter()
            .map(|d| (d.id, d.name))
            .collect();
    }
    Ok(())
}

pub async fn agents(mut ctx: Ctx) -> Result<(), CliError> {
    with_department_names(&mut ctx).await?;
    print_list(&ctx.out, &ctx.client.agents().await?)
}

pub async fn topics(mut ctx: Ctx) -> Result<(), CliError> {
    with_department_names(&mut ctx).await?;
    print_list(&ctx.out, &ctx.client.topics().await?)
}

pub async fn outcomes(ctx: Ctx) -> Result<(), CliError> {
    print_list(&ctx.out, &ctx.client.outcomes().await?)
}

pub async fn blocks(ctx: Ctx) -> Result<(), CliError> {
    print_list(&ctx.out, &ctx.client.blocks().await?)
}

pub async fn departments(ctx: Ctx) -> Result<(), CliError> {
    print_list(&ctx.out, &ctx.client.departments().await?)
}
