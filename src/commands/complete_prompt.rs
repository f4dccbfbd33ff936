//! The pickers `livectl complete` offers on a terminal for what the flags left out.

use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, FuzzySelect, Input};

use super::Ctx;
use super::act::CompleteArgs;
use super::lookup::{self, Named};
use crate::api::models::{Block, CompleteRequest, Outcome, Topic};
use crate::error::CliError;

fn prompt_error(e: dialoguer::Error) -> CliError {
    CliError::failure(format!("the prompt failed: {e}"))
}

/// Colours only when the run has them (NO_COLOR, --color never).
fn theme(ctx: &Ctx) -> Box<dyn Theme> {
    if ctx.out.color {
        Box::new(ColorfulTheme::default())
    } else {
        Box::new(SimpleTheme)
    }
}

fn choose<'a, T: Named>(
    theme: &dyn Theme,
    title: &str,
    items: &'a [T],
    optional: bool,
) -> Result<Option<&'a T>, CliError> {
    let mut labels: Vec<String> = items
        .iter()
        .map(|i| format!("{} ({})", i.name(), i.key().unwrap_or(i.id())))
        .collect();
    if optional {
        labels.insert(0, "(none)".into());
    }
    if labels.is_empty() {
        return Err(CliError::failure(format!(
            "the catalog has no {title}s; an admin must add one first"
        )));
    }
    let index = FuzzySelect::with_theme(theme)
        .with_prompt(title)
        .items(&labels)
        .default(0)
        .interact()
        .map_err(prompt_error)?;
    Ok(match (optional, index) {
        (true, 0) => None,
        (true, i) => items.get(i - 1),
        (false, i) => items.get(i),
    })
}

/// Asks for the missing topic, outcome, block and tags, then for confirmation; None when the
/// user declines.
pub fn ask(
    ctx: &Ctx,
    args: &CompleteArgs,
    topics: &[Topic],
    outcomes: &[Outcome],
    blocks: &[Block],
) -> Result<Option<CompleteRequest>, CliError> {
    let theme = theme(ctx);
    let topic = match &args.topic {
        Some(t) => lookup::pick(topics, t, "--topic")?,
        None => choose(theme.as_ref(), "Topic", topics, false)?
            .ok_or_else(|| CliError::failure("no topic chosen"))?,
    };
    let outcome = match &args.outcome {
        Some(o) => lookup::pick(outcomes, o, "--outcome")?,
        None => choose(theme.as_ref(), "Outcome", outcomes, false)?
            .ok_or_else(|| CliError::failure("no outcome chosen"))?,
    };
    let block = match &args.block {
        Some(b) => Some(lookup::pick(blocks, b, "--block")?),
        None => choose(theme.as_ref(), "Closing block", blocks, true)?,
    };
    let mut tags = args.tags.clone();
    if tags.is_empty() {
        let typed: String = Input::with_theme(theme.as_ref())
            .with_prompt("Tags (comma-separated, optional)")
            .allow_empty(true)
            .interact_text()
            .map_err(prompt_error)?;
        tags = typed
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
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
    let confirmed = ctx.global.yes
        || Confirm::with_theme(theme.as_ref())
            .with_prompt(summary)
            .default(true)
            .interact()
            .map_err(prompt_error)?;
    Ok(confirmed.then(|| CompleteRequest {
        topic: topic.id.clone(),
        outcome: outcome.id.clone(),
        tags,
        block: block.map(|b| b.id.clone()),
    }))
}
