//! `livectl runs`: the bulk runs whose journals say they are unfinished, newest first, each with
//! the command that resumes it.

use std::path::PathBuf;

use clap::Args;

use super::Ctx;
use crate::error::CliError;
use crate::model::Names;
use crate::usecases::bulk::runs::{self, Places};

#[derive(Debug, Args)]
pub struct RunsArgs {
    /// Journals, or directories of journals, to read [default: $XDG_STATE_HOME/livectl/runs/,
    /// where runs write them unless --journal (or the autopilot's --journal-dir) says otherwise]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Finished runs too
    #[arg(long)]
    pub all: bool,
}

pub async fn exec(args: RunsArgs, ctx: &Ctx) -> Result<(), CliError> {
    let places = if args.paths.is_empty() {
        Places::Default
    } else {
        Places::Given(args.paths)
    };
    let (found, unread) = runs::list(&places, args.all, &crate::connect::reach_to)?;
    if found.is_empty() {
        if let Some(e) = unread {
            return Err(e);
        }
        ctx.ui.note(if args.all {
            "no runs".to_owned()
        } else {
            "no unfinished runs (--all lists the finished ones too)".to_owned()
        });
        // A table of nothing would only add "nothing to show"; a format for scripts still
        // writes its empty list.
        if ctx.ui.tables() {
            return Ok(());
        }
    }
    ctx.ui.list(&Names::default(), &found)?;
    // The places that could not be read, said after what the others hold.
    unread.map_or(Ok(()), Err)
}
