//! `livectl show ID`: one intervention with its user, owner, timeline and last messages.

use clap::Args;
use clap_complete::engine::ArgValueCandidates;

use livectl_contract::Kind;

use super::Ctx;
use crate::error::CliError;
use crate::model::Names;
use crate::ui::{Format, View, timeline};
use crate::usecases::lookup::{self, NamesOf};
use crate::usecases::targets::wrong_id;

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The intervention's id, e.g. iv_42
    #[arg(add = ArgValueCandidates::new(crate::completion::interventions))]
    pub id: String,
    /// How many of the last messages to show (in JSON too, as `messages`)
    #[arg(long, default_value_t = 10, value_parser = messages, allow_negative_numbers = true)]
    pub messages: usize,
}

pub async fn exec(args: ShowArgs, ctx: &Ctx) -> Result<(), CliError> {
    // An id that is not an intervention's (another kind's, or none) is refused before the
    // platform is asked.
    // Ids joined by commas: `show` takes one (the bulk actions' hint, to give them apart,
    // led to clap's "unexpected argument": new user).
    let joined: Vec<&str> = args.id.split(',').map(str::trim).collect();
    if joined.len() > 1 && joined.iter().all(|id| wrong_id(id).is_none()) {
        return Err(
            CliError::usage(format!("`{}`: show takes one intervention id", args.id)).hint(
                format!("show them one at a time: `livectl show {}`", joined[0]),
            ),
        );
    }
    if let Some(wrong) = wrong_id(&args.id) {
        let error = CliError::usage(wrong);
        return Err(match Kind::of(&args.id) {
            Some(Kind::User) => error.hint(format!(
                "`livectl history {}` shows the user's conversations",
                args.id
            )),
            _ => error.hint("`livectl list` shows the open interventions"),
        });
    }
    let client = ctx.client().await?;
    let intervention = client.intervention(&args.id).await?;
    let events = client.events_of(&intervention.id).await?;
    match ctx.ui.format {
        Some(Format::Json | Format::Ndjson) => {
            // The intervention's fields, its events and its conversation's last messages (as
            // the text shows them), in the order of their names.
            let conversation = client.conversation(&intervention.conversation_id).await?;
            let encode = |e: serde_json::Error| CliError::failure(format!("cannot encode: {e}"));
            let mut value = serde_json::to_value(&intervention).map_err(encode)?;
            value["events"] = serde_json::to_value(&events).map_err(encode)?;
            value["messages"] = serde_json::to_value(last(&conversation.messages, args.messages))
                .map_err(encode)?;
            ctx.ui.json(&value)
        }
        Some(Format::Csv | Format::Ids) => ctx.ui.list(&Names::default(), &[intervention]),
        Some(Format::Table | Format::Wide) | None => {
            let conversation = client.conversation(&intervention.conversation_id).await?;
            let of = if intervention.completion.is_some() {
                NamesOf::Everything
            } else {
                NamesOf::People
            };
            let names = lookup::names(client, of).await?;
            let view = View {
                ui: &ctx.ui,
                names: &names,
            };
            ctx.ui.text(&timeline::intervention(
                &view,
                &intervention,
                &events,
                last(&conversation.messages, args.messages),
            ))
        }
    }
}

/// The last `n` of the messages, as `--messages N` asks, in the text and in JSON.
fn last<T>(messages: &[T], n: usize) -> &[T] {
    &messages[messages.len().saturating_sub(n)..]
}

/// `--messages`: none to the most a conversation holds, in words when wrong (`-1` got clap's
/// tip to write `-- -1`, which failed when pasted; `x` "invalid digit found in string").
fn messages(s: &str) -> Result<usize, String> {
    let most = livectl_contract::Limit::MessagesPerConversation.max() as u64;
    super::filters::whole(s, 0, most).map(|n| n as usize)
}
