//! `livectl seed FILE` and `livectl seed --generate SPEC`.

use std::path::PathBuf;

use clap::Args;

use super::Ctx;
use crate::error::{CliError, ExitKind};
use crate::output::Format;
use crate::seed::generate::{GenerateSpec, generate};
use crate::seed::{SeedFile, Tally};

#[derive(Debug, Args)]
pub struct SeedArgs {
    /// A seed file, YAML or JSON (see docs/seed.md)
    #[arg(
        value_name = "FILE",
        required_unless_present = "generate",
        conflicts_with = "generate"
    )]
    pub file: Option<PathBuf>,
    /// Generate synthetic data instead, e.g. interventions=100000,users=20000,days=30,seed=42
    #[arg(long, value_name = "SPEC", value_parser = parse_spec)]
    pub generate: Option<GenerateSpec>,
    /// Print what the file holds and send nothing
    #[arg(long)]
    pub dry_run: bool,
}

fn parse_spec(s: &str) -> Result<GenerateSpec, String> {
    s.parse()
}

/// What a file holds, for --dry-run and the confirmation.
fn plan(file: &SeedFile) -> String {
    let with = file
        .conversations
        .iter()
        .filter(|c| c.intervention.is_some())
        .count();
    let actions: usize = file
        .conversations
        .iter()
        .filter_map(|c| c.intervention.as_ref())
        .map(|i| i.actions.len())
        .sum();
    format!(
        "{} departments, {} agents, {} topics, {} outcomes, {} blocks, {} users, {} conversations ({with} with an intervention, {actions} actions)",
        file.departments.len(),
        file.agents.len(),
        file.topics.len(),
        file.outcomes.len(),
        file.blocks.len(),
        file.users.len(),
        file.conversations.len()
    )
}

pub async fn run(args: SeedArgs, ctx: Ctx, sandbox: bool) -> Result<(), CliError> {
    let file = match (&args.file, &args.generate) {
        (Some(path), _) => crate::seed::validate::load(path)?,
        (None, Some(spec)) => generate(spec),
        (None, None) => return Err(CliError::usage("give a seed FILE or --generate SPEC")),
    };
    let what = plan(&file);
    if args.dry_run {
        println!("would load {what} into {}", ctx.target);
        return Ok(());
    }
    if !sandbox && !ctx.global.yes {
        if !ctx.out.interactive() {
            return Err(CliError::usage(format!(
                "seeding {} changes a real platform; nothing was sent",
                ctx.target
            ))
            .hint("pass --yes to confirm when not running interactively"));
        }
        let yes = dialoguer::Confirm::new()
            .with_prompt(format!("Load {what} into {}?", ctx.target))
            .default(false)
            .interact()
            .map_err(|e| CliError::failure(format!("the prompt failed: {e}")))?;
        if !yes {
            return Err(CliError::new(ExitKind::Interrupted, "nothing was sent"));
        }
    }
    let started = std::time::Instant::now();
    let tally: Tally = crate::seed::apply(&ctx.client, &ctx.out, &file).await?;
    ctx.out.note(format!(
        "seeded {}: {} created, {} changed, {} unchanged, {} actions, in {:.1} s",
        ctx.target,
        tally.created,
        tally.changed,
        tally.unchanged,
        tally.actions,
        started.elapsed().as_secs_f64()
    ));
    if matches!(ctx.out.format, Some(Format::Json | Format::Ndjson)) {
        ctx.out.json(&tally).map_err(super::io)?;
    }
    Ok(())
}
