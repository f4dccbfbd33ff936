//! `livectl complete TARGETS --topic T --outcome O [--tag X]... [--block B]`: hand back to the
//! bot with the wrap-up. On a terminal, what the flags leave out is picked from the catalog.

use clap::Args;
use clap_complete::engine::ArgValueCandidates;
use livectl_contract::{Action, ActionKind, Block, CompleteRequest, Outcome, Topic};

use super::Ctx;
use super::act::{Targets, plan};
use crate::error::CliError;
use crate::ui::{Ui, prompt};
use crate::usecases::bulk;
use crate::usecases::lookup::{self, CatalogEntry, label};

#[derive(Debug, Args)]
pub struct CompleteArgs {
    #[command(flatten)]
    pub targets: Targets,
    /// The topic: id, key or name (see `livectl topics`)
    #[arg(long, conflicts_with = "resume", add = ArgValueCandidates::new(crate::completion::topics))]
    pub topic: Option<String>,
    /// The outcome: id, key or name (see `livectl outcomes`)
    #[arg(long, conflicts_with = "resume", add = ArgValueCandidates::new(crate::completion::outcomes))]
    pub outcome: Option<String>,
    /// A tag (repeatable); trimmed and lower-cased, so VIP and vip are one tag, kept once
    /// (said on stderr)
    #[arg(long = "tag", value_name = "TAG", conflicts_with = "resume")]
    pub tags: Vec<String>,
    /// The block the bot sends to close: id, key or name (see `livectl blocks`), or `none` for
    /// no block (not asked for on a terminal)
    #[arg(long, conflicts_with = "resume", add = ArgValueCandidates::new(crate::completion::blocks))]
    pub block: Option<String>,
}

pub async fn exec(args: CompleteArgs, ctx: &Ctx) -> Result<(), CliError> {
    let command = bulk::Command::of(ActionKind::Complete);
    if args.targets.resumed(ctx, &command).await? {
        return Ok(());
    }
    let client = ctx.client().await?;
    let (topics, outcomes, blocks) = (
        client.topics().await?,
        client.outcomes().await?,
        client.blocks().await?,
    );
    let given = WrapUp::judge(&ctx.ui, &args, &topics, &outcomes, &blocks)?;
    // The targets' filters too (an --owner looked up, a --state complete cannot act on),
    // before a flag left out is demanded or asked for; they are listed once it is known what
    // to do with them (ids from stdin are read after the pickers, which read the terminal).
    let targets = args.targets.judge(ctx, ActionKind::Complete).await?;
    let interactive = ctx.ui.interactive()
        && (given.topic.is_none() || given.outcome.is_none() || given.block.is_none());
    // The topics a picker offers (`model::topics_offered`, as the console's): those that fit
    // the intervention's department, when one is completed; every topic else. Its title says
    // which when they are not every topic: the hint off a terminal lists every one, and a new
    // user saw fewer here without knowing why.
    let mut offered: Vec<Topic> = topics.clone();
    let mut topic_prompt = "Topic".to_owned();
    if interactive && let [id] = args.targets.ids.as_slice() {
        // Before any question: an intervention that cannot be completed says so at once.
        let intervention = client.intervention(id).await?;
        let kind = livectl_contract::ActionKind::Complete;
        if !kind.allowed(intervention.state) {
            return Err(CliError::new(
                crate::error::ErrorKind::Conflict,
                format!(
                    "{id} is {}; complete needs it {}",
                    intervention.state,
                    kind.allowed_from_words()
                ),
            )
            .hint(format!("see it with `livectl show {id}`")));
        }
        if given.topic.is_none() {
            let fitting =
                crate::model::topics_offered(&topics, &[intervention.department.as_deref()]);
            // The department's name only when the title says it.
            let names = match fitting.len() < topics.len() && intervention.department.is_some() {
                true => client.departments().await.unwrap_or_default(),
                false => Vec::new(),
            };
            topic_prompt = crate::model::topics_title(&topics, &fitting, |id| {
                names
                    .iter()
                    .find(|d| d.id == id)
                    .map_or_else(|| id.to_owned(), |d| d.name.clone())
            });
            offered = fitting.into_iter().cloned().collect();
        }
    }
    let body = if interactive {
        ask(
            ctx,
            &args,
            given,
            (&topic_prompt, &offered),
            &outcomes,
            &blocks,
        )?
    } else {
        // Every flag missing named at once, each with its valid values, so one fix suffices.
        let (topic, outcome) = match (given.topic, given.outcome) {
            (Some(topic), Some(outcome)) => (topic, outcome),
            (topic, outcome) => {
                let mut flags = Vec::new();
                let mut valid = Vec::new();
                if topic.is_none() {
                    flags.push("--topic");
                    valid.push(format!("--topic: {}", lookup::valid(&topics)));
                }
                if outcome.is_none() {
                    flags.push("--outcome");
                    valid.push(format!("--outcome: {}", lookup::valid(&outcomes)));
                }
                return Err(CliError::usage(format!(
                    "{} {} required when not running interactively",
                    flags.join(" and "),
                    if flags.len() == 1 { "is" } else { "are" }
                ))
                .hint(format!("valid values of {}", valid.join("; of "))));
            }
        };
        CompleteRequest {
            topic: topic.id.clone(),
            outcome: outcome.id.clone(),
            tags: given.tags,
            block: given.block.flatten().map(|b| b.id.clone()),
        }
    };
    let selection = targets.select(ctx).await?;
    let action = Action::Complete(body);
    args.targets
        .perform(ctx, plan(command, "complete".into(), selection, action))
        .await
}

/// The wrap-up as the flags give it, every value judged: each found in the catalog, the tags as
/// the platform keeps them; None where a flag was left out. Judged before anything left out is
/// asked for or demanded, so the first error names a value given wrong (`--topic nope`), not
/// a flag missing, whose fix would only lead to it.
struct WrapUp<'a> {
    topic: Option<&'a Topic>,
    outcome: Option<&'a Outcome>,
    /// `Some(None)` for `--block none`: no block, and none asked for.
    block: Option<Option<&'a Block>>,
    tags: Vec<String>,
}

impl<'a> WrapUp<'a> {
    fn judge(
        ui: &Ui,
        args: &CompleteArgs,
        topics: &'a [Topic],
        outcomes: &'a [Outcome],
        blocks: &'a [Block],
    ) -> Result<WrapUp<'a>, CliError> {
        Ok(WrapUp {
            topic: args
                .topic
                .as_deref()
                .map(|t| lookup::pick(topics, t, "--topic"))
                .transpose()?,
            outcome: args
                .outcome
                .as_deref()
                .map(|o| lookup::pick(outcomes, o, "--outcome"))
                .transpose()?,
            block: match args.block.as_deref() {
                None => None,
                Some(livectl_contract::NONE) => Some(None),
                Some(b) => Some(Some(lookup::pick(blocks, b, "--block").map_err(|e| {
                    e.hint(format!("or `{}` for no block", livectl_contract::NONE))
                })?)),
            },
            tags: checked_tags(ui, &args.tags)?,
        })
    }
}

/// A choice from the catalog; `(none)` first when it may be left out.
/// One of `items`, picked on the terminal; `prompt` the question, `title` what is picked.
fn choose<'a, T: CatalogEntry>(
    ui: &Ui,
    (title, prompt): (&str, &str),
    items: &'a [T],
    optional: bool,
) -> Result<Option<&'a T>, CliError> {
    let mut labels: Vec<String> = items.iter().map(label).collect();
    if optional {
        labels.insert(0, "(none)".into());
    }
    if labels.is_empty() {
        return Err(CliError::failure(format!(
            "the catalog has no {title}s; an admin must add one first"
        )));
    }
    let Some(index) = prompt::pick(ui, prompt, &labels)? else {
        return Err(CliError::interrupted(format!(
            "nothing was completed: no {} was chosen",
            title.to_lowercase()
        )));
    };
    Ok(match (optional, index) {
        (true, 0) => None,
        (true, i) => items.get(i - 1),
        (false, i) => items.get(i),
    })
}

/// Asks for the topic, outcome, block and tags the flags left out, then for confirmation.
fn ask(
    ctx: &Ctx,
    args: &CompleteArgs,
    given: WrapUp<'_>,
    (topic_prompt, topics): (&str, &[Topic]),
    outcomes: &[Outcome],
    blocks: &[Block],
) -> Result<CompleteRequest, CliError> {
    let ui = &ctx.ui;
    let topic = match given.topic {
        Some(t) => t,
        None => choose(ui, ("Topic", topic_prompt), topics, false)?
            .ok_or_else(|| CliError::failure("no topic chosen"))?,
    };
    let outcome = match given.outcome {
        Some(o) => o,
        None => choose(ui, ("Outcome", "Outcome"), outcomes, false)?
            .ok_or_else(|| CliError::failure("no outcome chosen"))?,
    };
    let block = match given.block {
        Some(b) => b,
        None => choose(ui, ("Closing block", "Closing block"), blocks, true)?,
    };
    let mut tags = given.tags;
    if tags.is_empty() {
        // Asked again until the platform would take them.
        let typed = |text: &str| -> Vec<String> {
            text.split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let text = prompt::text_checked(ui, "Tags (comma-separated, optional)", |text| {
            livectl_contract::limits::tags(&typed(text)).map(drop)
        })?;
        tags = checked_tags(ui, &typed(&text))?;
    }
    let summary = format!(
        "Complete {} with topic {}, outcome {}{}{}?",
        if args.targets.ids.len() == 1 {
            args.targets.ids[0].clone()
        } else {
            "the interventions".to_owned()
        },
        topic.name,
        outcome.name,
        block
            .map(|b| format!(", block {}", b.name))
            .unwrap_or_default(),
        if tags.is_empty() {
            String::new()
        } else {
            format!(", tags {}", tags.join(", "))
        }
    );
    if !ctx.global.yes && !prompt::confirm(ui, &summary, true)? {
        return Err(CliError::declined("nothing was completed"));
    }
    Ok(CompleteRequest {
        topic: topic.id.clone(),
        outcome: outcome.id.clone(),
        tags,
        block: block.map(|b| b.id.clone()),
    })
}

/// Tags as the platform keeps them (`limits::tags`), or a usage error before anything is sent.
/// Tags given in several spellings of one tag (`a b`, `A B`) are kept once, as the platform
/// would, and said so: merged, not refused, as trimming and lower-casing is what a tag is.
fn checked_tags(ui: &Ui, tags: &[String]) -> Result<Vec<String>, CliError> {
    let kept =
        livectl_contract::limits::tags(tags).map_err(|e| CliError::usage(format!("--tag: {e}")))?;
    for (tag, spellings) in livectl_contract::limits::merged_tags(tags) {
        let quoted: Vec<String> = spellings.iter().map(|s| format!("`{s}`")).collect();
        let Some((last, first)) = quoted.split_last() else {
            continue;
        };
        ui.note(format!(
            "--tag: {} and {last} are one tag, `{tag}` (tags are trimmed and lower-cased): kept once",
            first.join(", ")
        ));
    }
    Ok(kept)
}
