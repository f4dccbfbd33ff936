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
    let config = Config::load()?;
    let Some(profile) = profile_name(&ctx.global, &config) else {
        return Err(CliError::usage("no profile to log out of").hint("name one with --profile"));
    };
    let mut credentials = Credentials::load()?;
    if credentials.profiles.remove(&profile).is_none() {
        ctx.ui
            .note(format!("profile `{profile}` has no saved token"));
        return Ok(());
    }
    credentials.save()?;
    ctx.ui
        .note(format!("removed the token of profile `{profile}`"));
    Ok(())
}
