//! The command line: `Cli`, its global options and the command enum.

use clap::{Parser, Subcommand};

use crate::commands;

/// Administer the live agents of a chatbot platform: queues, takeovers, bulk moves, history.
#[derive(Debug, Parser)]
#[command(name = "livectl", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a local sandbox of the platform's API
    Sandbox(commands::sandbox::SandboxArgs),
}

impl Cli {
    pub fn run(self) -> Result<(), crate::error::CliError> {
        match self.command {
            Command::Sandbox(args) => commands::sandbox::run(args),
        }
    }
}
