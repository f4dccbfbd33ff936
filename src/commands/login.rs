//! `livectl login`: save a profile and its token, once the platform accepts it.

use std::io::Read;

use clap::Args;
use livectl_client::{Client, Token};

use super::Ctx;
use crate::config::credentials::{Credentials, ProfileCredentials};
use crate::config::{Config, Profile};
use crate::connect::{check_url, log, profile_name};
use crate::error::CliError;
use crate::ui::prompt;

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Read the token from standard input instead of a hidden prompt
    #[arg(long)]
    pub token_stdin: bool,
}

pub async fn exec(args: LoginArgs, ctx: &Ctx) -> Result<(), CliError> {
    let global = &ctx.global;
    let ui = &ctx.ui;
    let mut config = Config::load()?;
    let profile = profile_name(global, &config).unwrap_or_else(|| "default".to_owned());
    let api_url = global
        .api_url
        .clone()
        .or_else(|| {
            config
                .profiles
                .get(&profile)
                .and_then(|p| p.api_url.clone())
        })
        .ok_or_else(|| {
            CliError::usage(format!("profile `{profile}` has no API address"))
                .hint("give it with --api-url https://live.example.com")
        })?;
    check_url(&api_url, global.allow_insecure_http)?;
    let token = if args.token_stdin {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| CliError::failure(format!("cannot read the token from stdin: {e}")))?;
        text.trim().to_owned()
    } else if ui.interactive() {
        prompt::secret(ui, &format!("Token for {api_url}"))?
            .trim()
            .to_owned()
    } else {
        return Err(CliError::usage(
            "no token: pipe it in with --token-stdin when not running interactively",
        ));
    };
    if token.is_empty() {
        return Err(CliError::usage("the token is empty"));
    }
    let token = Token::new(token);
    let client = Client::new(&api_url, token.clone(), log(ui))?;
    let me = client.me().await.map(|me| me.agent).map_err(|e| {
        let mut error = CliError::from(e);
        error.message = format!("the token was not accepted by {api_url}: {}", error.message);
        error.instead("nothing was saved; check the token and the address")
    })?;
    let entry = config
        .profiles
        .entry(profile.clone())
        .or_insert_with(Profile::default);
    entry.api_url = Some(api_url.clone());
    if config.default_profile.is_none() {
        config.default_profile = Some(profile.clone());
    }
    let mut credentials = Credentials::load()?;
    credentials
        .profiles
        .insert(profile.clone(), ProfileCredentials { token });
    credentials.save()?;
    config.save()?;
    ui.note(format!(
        "logged in to {api_url} as {} <{}> ({}); profile `{profile}`",
        me.name, me.email, me.role
    ));
    Ok(())
}
