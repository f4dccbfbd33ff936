//! `livectl sandbox`: serve the API locally, mint tokens, back up, reset, print the generated
//! documents.

mod backup;
mod documents;
mod reset;
mod serve;
mod token;
mod wait;

use clap::{Args, Subcommand};

use super::Ctx;
use crate::error::CliError;

#[derive(Debug, Args)]
pub struct SandboxArgs {
    #[command(subcommand)]
    pub command: SandboxCommand,
}

#[derive(Debug, Subcommand)]
pub enum SandboxCommand {
    /// Serve the Live Conversations API from a local database
    Serve(serve::ServeArgs),
    /// Print a new bearer token for an agent of a sandbox database
    Token(token::TokenArgs),
    /// Wait until a sandbox answers at an address (after `sandbox serve ... &` in a script)
    Wait(wait::WaitArgs),
    /// Copy a sandbox database whole, also while it is served
    Backup(backup::BackupArgs),
    /// Delete a sandbox database and start again
    Reset(reset::ResetArgs),
    /// Print the OpenAPI document of the API
    #[command(hide = true)]
    Openapi,
    /// Print the JSON Schema of seed files
    #[command(hide = true)]
    SeedSchema,
}

impl SandboxArgs {
    /// Whether this serves the API to other processes, on every core.
    pub fn serves(&self) -> bool {
        matches!(self.command, SandboxCommand::Serve(_))
    }

    /// Whether it prints a JSON document (`openapi`, `seed-schema`); the others print no
    /// data in a format.
    pub fn documents(&self) -> bool {
        matches!(
            self.command,
            SandboxCommand::Openapi | SandboxCommand::SeedSchema
        )
    }
}

pub async fn exec(args: SandboxArgs, ctx: &Ctx) -> Result<(), CliError> {
    match args.command {
        SandboxCommand::Serve(a) => serve::exec(a, ctx).await,
        SandboxCommand::Token(a) => token::exec(a, ctx),
        SandboxCommand::Wait(a) => wait::exec(a, ctx).await,
        SandboxCommand::Backup(a) => backup::exec(a, ctx).await,
        SandboxCommand::Reset(a) => reset::exec(a, ctx),
        SandboxCommand::Openapi => documents::openapi(ctx),
        SandboxCommand::SeedSchema => documents::seed_schema(ctx),
    }
}
