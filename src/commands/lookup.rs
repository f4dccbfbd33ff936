//! Names as people type them: an AGENT is an id, an email, a unique name or `me`; catalog
//! entries are an id, a key or a name.

use crate::api::models::Agent;
use crate::commands::Ctx;
use crate::error::{CliError, ExitKind};

/// The agent an AGENT argument names.
pub async fn agent(ctx: &Ctx, text: &str, flag: &str) -> Result<Agent, CliError> {
    if text == "me" {
        return Ok(ctx.client.me().await?);
    }
    let agents = ctx.client.agents().await?;
    pick_agent(&agents, text, flag).cloned()
}

pub fn pick_agent<'a>(agents: &'a [Agent], text: &str, flag: &str) -> Result<&'a Agent, CliError> {
    let wanted = text.trim();
    if let Some(a) = agents.iter().find(|a| {
        a.id == wanted || a.email.eq_ignore_ascii_case(wanted) || a.key.as_deref() == Some(wanted)
    }) {
        return Ok(a);
    }
    let by_name: Vec<&Agent> = agents
        .iter()
        .filter(|a| a.name.eq_ignore_ascii_case(wanted))
        .collect();
    let by_name = if by_name.is_empty() {
        // A first name alone, when only one agent has it.
        agents
            .iter()
            .filter(|a| {
                a.name
                    .split_whitespace()
                    .next()
                    .is_some_and(|f| f.eq_ignore_ascii_case(wanted))
            })
            .collect()
    } else {
        by_name
    };
    match by_name.as_slice() {
        [one] => Ok(one),
        [] => Err(CliError::new(
            ExitKind::NotFound,
            format!("{flag}: no agent is called `{wanted}`"),
        )
        .hint("an agent is an id, an email, a unique name or `me`; see `livectl agents`")),
        many => Err(CliError::usage(format!(
            "{flag}: `{wanted}` matches {} agents: {}",
            many.len(),
            many.iter()
                .map(|a| format!("{} <{}> ({})", a.name, a.email, a.id))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .hint("name one by its id or email")),
    }
}

/// A catalog entry (topic, outcome, block, department) named by id, key or name.
pub trait Named {
    fn id(&self) -> &str;
    fn key(&self) -> Option<&str>;
    fn name(&self) -> &str;
}

macro_rules! named {
    ($($ty:ty),*) => {$(
        impl Named for $ty {
            fn id(&self) -> &str { &self.id }
            fn key(&self) -> Option<&str> { self.key.as_deref() }
            fn name(&self) -> &str { &self.name }
        }
    )*};
}
named!(
    crate::api::models::Topic,
    crate::api::models::Outcome,
    crate::api::models::Block,
    crate::api::models::Department
);

pub fn pick<'a, T: Named>(items: &'a [T], text: &str, flag: &str) -> Result<&'a T, CliError> {
    let wanted = text.trim();
    items
        .iter()
        .find(|i| i.id() == wanted || i.key() == Some(wanted))
        .or_else(|| {
            let matches: Vec<&T> = items
                .iter()
                .filter(|i| i.name().eq_ignore_ascii_case(wanted))
                .collect();
            (matches.len() == 1).then(|| matches[0])
        })
        .ok_or_else(|| {
            CliError::usage(format!("{flag}: `{wanted}` is not in the catalog"))
                .hint(format!("valid values: {}", valid(items)))
        })
}

/// "Login problem (login), Bug report (bug), ..." for messages.
pub fn valid<T: Named>(items: &[T]) -> String {
    if items.is_empty() {
        return "none: the catalog is empty".into();
    }
    items
        .iter()
        .map(|i| format!("{} ({})", i.name(), i.key().unwrap_or(i.id())))
        .collect::<Vec<_>>()
        .join(", ")
}
