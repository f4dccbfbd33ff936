//! `livectl seed FILE` and `livectl seed --generate SPEC`.

use std::path::PathBuf;
use std::time::Instant;

use clap::Args;
use livectl_contract::seed;

use super::Ctx;
use crate::error::CliError;
use crate::ui::{Format, prompt};
use crate::usecases::generate::{GenerateSpec, generate};
use crate::usecases::seed::Source;

#[derive(Debug, Args)]
pub struct SeedArgs {
    /// A seed file, YAML or JSON (see docs/seed.md); `-` reads it from stdin
    #[arg(
        value_name = "FILE",
        required_unless_present = "generate",
        conflicts_with = "generate"
    )]
    pub file: Option<PathBuf>,
    /// Generate synthetic data instead, e.g. interventions=100000,users=20000,days=30,seed=42
    #[arg(long, value_name = "SPEC", value_parser = spec)]
    pub generate: Option<GenerateSpec>,
    /// Print what the file holds and send nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// A seed document piped in (`generate-seed | livectl seed -`): read whole, then checked as a
/// file is, its problems placed at `stdin:LINE`.
fn from_stdin(now: jiff::Timestamp) -> Result<seed::SeedFile, CliError> {
    use std::io::IsTerminal;
    // Nothing piped in: said, rather than waiting on a terminal for a document to be typed.
    if std::io::stdin().is_terminal() {
        return Err(CliError::usage(
            "`seed -` reads a seed document from stdin, which is a terminal",
        )
        .hint("pipe one in (`make-fixtures | livectl seed -`), or give a FILE"));
    }
    let name = std::path::Path::new("stdin");
    let bytes = seed::read_whole(name, std::io::stdin().lock())
        .map_err(|e| CliError::usage(format!("cannot read the seed document from stdin: {e}")))??;
    Ok(seed::read_bytes(name, bytes, now)?)
}

/// `livectl seed demo`, where no file is called so: the demo is the sandbox's, not a file
/// (`sandbox serve --seed demo` takes the word), and said so (new user).
fn not_the_demo(path: &std::path::Path, error: CliError) -> CliError {
    if path.as_os_str() == "demo" && !path.exists() {
        error.hint(
            "the demo workspace is no file: `livectl sandbox serve --seed demo` serves it, as the \
             embedded sandbox does; `livectl seed` loads a file you write (docs/seed.md)",
        )
    } else {
        error
    }
}

fn spec(s: &str) -> Result<GenerateSpec, String> {
    s.parse()
}

pub async fn exec(args: SeedArgs, ctx: &Ctx) -> Result<(), CliError> {
    let source = match (&args.file, &args.generate) {
        (Some(path), _) if path.as_os_str() == "-" => Source::File(from_stdin(ctx.ui.now)?),
        (Some(path), _) => {
            Source::File(seed::load(path, ctx.ui.now).map_err(|e| not_the_demo(path, e.into()))?)
        }
        (None, Some(spec)) => Source::Generated(generate(spec)),
        (None, None) => return Err(CliError::usage("give a seed FILE or --generate SPEC")),
    };
    let ui = &ctx.ui;
    if !args.dry_run && ui.shape.is_json() {
        // Before anything is sent, not after.
        ui.shape.check(livectl_contract::seed::Tally::FIELDS)?;
    }
    let what = source.describe(ui.now);
    // Users listed alone were dropped without a word: "4 created" for a file of 10 users. Said
    // as left out of this load, not as "not created": one may be on the platform already, from
    // an earlier load (new user).
    let alone = source.users_without_a_conversation();
    if !alone.is_empty() {
        let named: Vec<&str> = alone.iter().take(5).copied().collect();
        let more = if alone.len() > named.len() {
            format!(" and {} more", alone.len() - named.len())
        } else {
            String::new()
        };
        let count = match alone.len() {
            1 => "1 user has".to_owned(),
            n => format!("{n} users have"),
        };
        ui.note(format!(
            "warning: {count} no conversation, so this load leaves them out (a user is loaded with its first conversation): {}{more}",
            named.join(", ")
        ));
    }
    let connection = ctx.connection().await?;
    let target = connection.target();
    // A real platform needs a yes; a sandbox (embedded or on loopback) does not. Without a
    // terminal to ask on, refused before the platform is asked anything.
    let ask = !args.dry_run && !connection.is_sandbox() && !ctx.global.yes;
    if ask && !ui.interactive() {
        return Err(CliError::usage(format!(
            "seeding {target} changes a real platform; nothing was sent"
        ))
        .hint("pass --yes to confirm when not running interactively"));
    }
    // Everything a load sends is an admin's to do: an agent's token is said so first, by a dry
    // run too (it said "would load" where the load was refused, exit 4).
    let me = connection.client.me().await?.agent;
    if me.role != livectl_contract::Role::Admin {
        return Err(CliError::new(
            crate::error::ErrorKind::Auth,
            format!(
                "seeding {target} is an admin's to do, and this token is {} <{}>, an {}; nothing was sent",
                me.name, me.email, me.role
            ),
        )
        .hint("use an admin's token (for a sandbox, `livectl sandbox token` makes the built-in admin's)"));
    }
    // Agents and catalog entries the document changes, said before anything is sent (a field
    // left out is set to its default: the new-user check demoted an admin with a file that
    // gave its name alone).
    let changes = source.changes(&connection.client).await?;
    let verb = if args.dry_run {
        "would change"
    } else {
        "changes"
    };
    for change in &changes {
        ui.note(format!("warning: {verb} {change}"));
    }
    if changes.iter().any(|c| c.kind == "agent") {
        ui.note(format!(
            "warning: a seed sets every field of an agent it names; a field it leaves out becomes its default ({})",
            crate::usecases::seed::agent_defaults()
        ));
    }
    if args.dry_run {
        if matches!(ui.format, Some(Format::Json | Format::Ndjson)) {
            return ui.json(&serde_json::json!({
                "dry_run": true,
                "target": target,
                "would_load": what.to_string(),
                "would_change": changes,
            }));
        }
        return ui.line(&format!("would load {what} into {target}"));
    }
    if ask && !prompt::confirm(ui, &format!("Load {what} into {target}?"), false)? {
        return Err(CliError::declined("nothing was sent"));
    }
    let started = Instant::now();
    let _claim = crate::signals::claim();
    let tally = tokio::select! {
        tally = crate::usecases::seed::load(&connection.client, ui, source, ui.now) => tally?,
        // Each batch is one transaction, and a load is idempotent: the same one finishes it.
        () = crate::signals::interrupted() => {
            return Err(CliError::interrupted(
                "interrupted; the batches sent before stay loaded",
            )
            .hint("run the same command again: a load changes nothing twice, so it finishes the rest"));
        }
    };
    ui.note(format!(
        "seeded {target}: {}, in {:.1} s",
        tally,
        started.elapsed().as_secs_f64()
    ));
    // The embedded sandbox is the one a reset here starts over.
    let reset = connection
        .embedded
        .is_some()
        .then_some("livectl sandbox reset --yes");
    crate::usecases::seed::say_kept(ui, &tally, reset);
    if matches!(ui.format, Some(Format::Json | Format::Ndjson)) {
        ui.json(&tally)?;
    }
    Ok(())
}
