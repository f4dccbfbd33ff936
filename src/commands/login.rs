//! `livectl login`, `logout` and `whoami`.

use std::io::Read;
use std::path::PathBuf;

use clap::Args;

use super::Ctx;
use crate::api::Client;
use crate::cli::GlobalArgs;
use crate::config::credentials::{Credentials, ProfileCredentials, Token};
use crate::config::{Config, Profile};
use crate::connect::{check_url, profile_name};
use crate::error::CliError;
use crate::output::{Format, Output};

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Read the token from standard input instead of a hidden prompt
    #[arg(long)]
    pub token_stdin: bool,
}

#[derive(Debug, Args)]
pub struct LogoutArgs {}

pub async fn login(args: LoginArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
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
    } else if out.interactive() {
        dialoguer::Password::new()
            .with_prompt(format!("Token for {api_url}"))
            .interact()
            .map_err(|e| CliError::failure(format!("the prompt failed: {e}")))?
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
    let client = Client::new(&api_url, token.clone(), global.verbose)?;
    let me = client.me().await.map_err(|e| {
        let mut error = CliError::from(e);
        error.message = format!("the token was not accepted by {api_url}: {}", error.message);
        error.hint = Some("nothing was saved; check the token and the address".into());
        error
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
    out.note(format!(
        "logged in to {api_url} as {} <{}> ({}); profile `{profile}`",
        me.name, me.email, me.role
    ));
    Ok(())
}

pub fn logout(_: LogoutArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let config = Config::load()?;
    let Some(profile) = profile_name(global, &config) else {
        return Err(CliError::usage("no profile to log out of").hint("name one with --profile"));
    };
    let mut credentials = Credentials::load()?;
    if credentials.profiles.remove(&profile).is_none() {
        out.note(format!("profile `{profile}` has no saved token"));
        return Ok(());
    }
    credentials.save()?;
    out.note(format!("removed the token of profile `{profile}`"));
    Ok(())
}

pub async fn whoami(
    ctx: Ctx,
    profile: Option<String>,
    embedded: Option<PathBuf>,
) -> Result<(), CliError> {
    let me = ctx.client.me().await?;
    if matches!(ctx.out.format, Some(Format::Json | Format::Ndjson)) {
        return ctx.out.json(&me).map_err(super::io);
    }
    let place = match (embedded, profile) {
        (Some(db), _) => format!("the embedded sandbox {}", db.display()),
        (None, Some(p)) => format!("{} (profile `{p}`)", ctx.client.base()),
        (None, None) => ctx.client.base().to_owned(),
    };
    println!(
        "{} <{}> {} {} on {place}",
        me.name, me.email, me.role, me.id
    );
    Ok(())
}
