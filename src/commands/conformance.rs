//! `livectl conformance [--junit FILE] [--agent-token-stdin]`: the contract's behavioural rules
//! checked against the platform this run talks to.

use std::path::PathBuf;

use clap::Args;
use livectl_client::Token;

use super::Ctx;
use crate::error::CliError;
use crate::files::Export;
use crate::model::{Case, Names, Verdict};
use crate::ui::{Row, prompt};
use crate::usecases::conformance::{self, junit};

/// Where an agent's token comes from when `--agent-token-stdin` is not given.
const AGENT_TOKEN_ENV: &str = "LIVECTL_AGENT_TOKEN";

#[derive(Debug, Args)]
pub struct ConformanceArgs {
    /// Also write the cases as JUnit XML to FILE, for CI
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    /// Read an agent's token from standard input, for the role rules (else LIVECTL_AGENT_TOKEN;
    /// without either they are skipped)
    #[arg(long)]
    pub agent_token_stdin: bool,
}

pub async fn exec(args: ConformanceArgs, ctx: &Ctx) -> Result<(), CliError> {
    let ui = &ctx.ui;
    // The cases are written once the suite ran, which creates data: what --json and --sort
    // name is checked first.
    ui.shape.check(<Case as Row>::FIELDS)?;
    // Where the report goes, checked before anything is sent, and written as `--out` writes:
    // a device or FIFO through, a file whole (it was written as a config file is: it replaced
    // /dev/null as root, once the suite had run: automation check).
    let named = |path: &std::path::Path| format!("--junit {}", path.display());
    let junit = match &args.junit {
        Some(path) => {
            // Its directory is made, as CI's report writers make theirs (`reports/`).
            let dir = crate::files::directory_of(path);
            if !dir.exists() {
                crate::config::create_private_dir(&dir).map_err(|e| {
                    CliError::failure(format!(
                        "{}: cannot create {}: {e}",
                        named(path),
                        dir.display()
                    ))
                })?;
            }
            Some((Export::open_as("--junit", path, "junit.xml")?, named(path)))
        }
        None => None,
    };
    let agent_token = agent_token(args.agent_token_stdin)?;
    let connection = ctx.connection().await?;
    let target = connection.target();
    // A real platform needs a yes, and so does the demo workspace the suite's data would stay
    // in: the embedded sandbox's database, served in-process or by `sandbox serve` (it was
    // filled unasked: new user, review); without a terminal to ask on, nothing is sent.
    let demo = connection.embedded.is_some()
        || (connection.is_sandbox() && connection.client.serves_demo().await);
    let confirm = (demo || !connection.is_sandbox()) && !ctx.global.yes;
    if confirm && !ui.interactive() {
        let error = if demo {
            CliError::usage(format!(
                "the conformance suite creates data in {target}, your demo workspace, and leaves it there; nothing was sent"
            ))
            .hint("give it a sandbox of its own: `livectl sandbox serve --db conformance.db`, then `--api-url` (see the README's conformance section)")
            .hint("or pass --yes to run it on the demo workspace all the same")
        } else {
            CliError::usage(format!(
                "the conformance suite creates data on {target}, a real platform; nothing was sent"
            ))
            .hint("pass --yes to confirm when not running interactively")
        };
        // CI is shown why in its report, as for a suite that cannot start.
        return Err(failed_report(ui, junit, &target, error));
    }
    let client = &connection.client;
    // A suite that cannot start (no API there, a token refused) is a report of one error, so a
    // CI dashboard shows why rather than no report at all.
    let started = async {
        let admin = conformance::admin(client).await?;
        let agent = match agent_token {
            Some(token) => Some(conformance::agent(client, token).await?),
            None => None,
        };
        Ok::<_, CliError>((admin, agent))
    };
    let (admin, agent) = match started.await {
        Ok(started) => started,
        Err(e) => return Err(failed_report(ui, junit, &target, e)),
    };
    if confirm
        && !prompt::confirm(
            ui,
            &format!(
                "Run the conformance suite on {target} as {} ({})? It creates a department, agents, a catalog and interventions keyed conformance-<run>-…, cancels the interventions when done and makes its agents inactive.{}",
                admin.name,
                admin.id,
                if demo {
                    " What it creates stays in your demo workspace."
                } else {
                    ""
                }
            ),
            false,
        )?
    {
        return Err(CliError::declined("nothing was created"));
    }
    let report = match conformance::run(client, agent, ui).await {
        Ok(report) => report,
        Err(e) => return Err(failed_report(ui, junit, &target, e)),
    };
    // A report on stdout is the run's output: the cases' rows beside it broke its XML.
    let report_on_stdout = matches!(junit, Some((Export::Stdout, _)));
    if let Some((out, named)) = junit {
        out.put(
            junit::render(&report, &target).as_bytes(),
            &named,
            |stdout, bytes| to_terminal(ui, stdout, bytes),
        )?;
    }
    if !report_on_stdout {
        ui.list(&Names::default(), &report.cases)?;
    }
    ui.note(format!(
        "conformance of {target}: {} passed, {} failed, {} skipped in {:.1} s (data keyed conformance-{}-…)",
        report.count(Verdict::Passed),
        report.count(Verdict::Failed),
        report.count(Verdict::Skipped),
        report.elapsed.as_secs_f64(),
        report.run
    ));
    let failed: Vec<String> = report
        .failed()
        .map(|c| format!("{}: {}", c.rule, c.case))
        .collect();
    if failed.is_empty() {
        return Ok(());
    }
    Err(CliError::failure(format!(
        "{} of {} cases failed: {}",
        failed.len(),
        report.cases.len(),
        failed.join("; ")
    ))
    .hint("each failed case's detail is the evidence; skipped cases do not fail the run"))
}

/// The agent's token: from stdin with `--agent-token-stdin`, else from LIVECTL_AGENT_TOKEN.
fn agent_token(from_stdin: bool) -> Result<Option<Token>, CliError> {
    if from_stdin {
        let text = crate::files::token_from_stdin("--agent-token-stdin")?;
        let token = text.as_str();
        if token.is_empty() {
            return Err(CliError::usage("--agent-token-stdin: standard input held no token")
                .hint("pipe an agent's token in, such as `livectl sandbox token --agent KEY | livectl conformance --agent-token-stdin`"));
        }
        return Ok(Some(Token::new(token)));
    }
    Ok(std::env::var(AGENT_TOKEN_ENV)
        .ok()
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .map(Token::new))
}

/// The report written to the run's stdout (`--junit -`, `/dev/stdout`) or stderr (whatever
/// `--quiet` says: it is what was asked for): it holds the platform's names and messages, made
/// safe for a terminal.
fn to_terminal(ui: &crate::ui::Ui, stdout: bool, bytes: &[u8]) -> Result<(), CliError> {
    if stdout {
        ui.outside_text(bytes)
    } else {
        crate::ui::Ui::escaped_to_stderr(&String::from_utf8_lossy(bytes));
        Ok(())
    }
}

/// The error of a suite that could not start or run, its report of one error written first;
/// a report that cannot be written is said beside it, never in its place (its exit code is
/// the suite's: a token refused stays 4).
fn failed_report(
    ui: &crate::ui::Ui,
    junit: Option<(Export, String)>,
    target: &str,
    e: CliError,
) -> CliError {
    if let Some((out, named)) = junit {
        let written = out.put(
            junit::error(target, &e.message).as_bytes(),
            &named,
            |stdout, bytes| to_terminal(ui, stdout, bytes),
        );
        if let Err(not) = written {
            return e.hint(format!("the report was not written: {}", not.message));
        }
    }
    e
}
