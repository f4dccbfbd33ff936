//! `livectl logout`: forget a profile's token.

use clap::Args;

use super::Ctx;
use crate::config::Config;
use crate::config::credentials::Credentials;
use crate::connect::profile_name;
use crate::error::CliError;

#[derive(Debug, Args)]
pub struct LogoutArgs {}

pub async fn exec(_: LogoutArgs, ctx: &Ctx) -> Result<(), CliError> {
    // Not the default profile's token: `--sandbox` says no profile is meant.
    if ctx.global.sandbox {
        return Err(CliError::usage(
            "--sandbox: the embedded sandbox has no saved token to forget; nothing was removed",
        )
        .hint("forget a profile's token with `livectl logout --profile NAME`"));
    }
    // Read and written back with no other change between (`config::editing`).
    let _editing = crate::config::editing(|s| ctx.ui.note(s));
    let config = Config::load()?;
    let Some(profile) = profile_name(&ctx.global, &config) else {
        return Err(CliError::usage("no profile to log out of").hint("name one with --profile"));
    };
    let mut credentials = Credentials::load_to_rewrite()?;
    // A name that is no profile at all is a typo, not a logout done already.
    if !config.profiles.contains_key(&profile) && !credentials.profiles.contains_key(&profile) {
        let error = config.unknown_profile(&profile);
        return Err(if config.profiles.is_empty() {
            error.hint("no profile is saved: there is nothing to log out of")
        } else {
            error
        });
    }
    if credentials.profiles.remove(&profile).is_none() {
        ctx.ui
            .note(format!("profile `{profile}` has no saved token"));
        return Ok(());
    }
    credentials.save(|s| ctx.ui.warn(s))?;
    ctx.ui
        .note(format!("removed the token of profile `{profile}`"));
    Ok(())
}
