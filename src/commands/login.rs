//! `livectl login`: save a profile and its token, once the platform accepts it.

use clap::Args;
use livectl_client::{Client, Token};

use super::Ctx;
use crate::config::Config;
use crate::config::credentials::{Credentials, ProfileCredentials};
use crate::connect::{check_address, log, profile_name};
use crate::error::CliError;
use crate::ui::prompt;
use livectl_client::ClientError;

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Read the token from standard input instead of a hidden prompt
    #[arg(long)]
    pub token_stdin: bool,
    /// A token given on the command line, which is refused without being shown: clap quoted
    /// it back as an unexpected argument, whatever its shape.
    #[arg(hide = true, num_args = 0.., value_name = "TOKEN")]
    pub given: Vec<String>,
}

pub async fn exec(args: LoginArgs, ctx: &Ctx) -> Result<(), CliError> {
    let global = &ctx.global;
    let ui = &ctx.ui;
    if !args.given.is_empty() {
        return Err(CliError::usage(
            "login takes no token on the command line, where the shell's history would keep it (what was given is not shown)",
        )
        .hint("paste it at the prompt, or pipe it in with --token-stdin"));
    }
    if global.sandbox {
        return Err(CliError::usage(
            "--sandbox: the embedded sandbox needs no login; livectl makes its token as it starts it",
        )
        .hint("log in to a platform with `livectl login --api-url URL`"));
    }
    let config = Config::load()?;
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
    // The address judged first: one with credentials is never echoed, one without its scheme
    // is said so, before anything is said of it.
    let insecure = check_address(
        &api_url,
        global.allow_insecure_http,
        config.profiles.get(&profile),
    )?;
    repointed(global, &config, &profile, &api_url)?;
    let token = if args.token_stdin {
        crate::files::token_from_stdin("--token-stdin")?
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
    // Said as the token's fault, before the platform is asked.
    if let Some(problem) = token.problem() {
        let from = if args.token_stdin {
            "read from stdin"
        } else {
            "typed"
        };
        return Err(CliError::usage(format!("the token {from} {problem}"))
            .hint("copy it again from where it was issued; nothing was sent or saved"));
    }
    let client = Client::new(&api_url, token.clone(), log(ui))?;
    let livectl_contract::Me {
        agent: me,
        workspace,
    } = client.me().await.map_err(|e| refused(&api_url, e))?;
    // Read again now that no other login or config change can come between reading and
    // writing: one made meanwhile (a CI job logging in beside this one) is kept, and judged
    // as the first reading was (two logins naming no profile, to two platforms: the second
    // would have repointed the first's).
    let _editing = crate::config::editing(|s| ui.note(s));
    let mut config = Config::load()?;
    let before = repointed(global, &config, &profile, &api_url)?;
    // The workspace the profile names, unless it is repointed here: a new address drops it
    // (`Profile::point`).
    let kept = config
        .profiles
        .get(&profile)
        .and_then(|p| p.workspace.clone())
        .filter(|_| before.is_none());
    if let Some(named) = &kept
        && !names_workspace(named, &workspace)
    {
        return Err(CliError::usage(format!(
            "the token belongs to workspace {} ({}), and profile `{profile}` is for workspace {}; nothing was saved",
            workspace.name,
            workspace.id,
            crate::ui::shell_word(named)
        ))
        .hint(format!(
            "log in with a token of that workspace, or forget the profile's with `livectl config{} unset workspace` first",
            crate::connect::profile_flag(&profile, &config)
        )));
    }
    let saved = config.profile_mut(&profile);
    saved.point(api_url.clone(), insecure);
    // The workspace the token reaches, by its id (two workspaces may share a name), for
    // people reading the profiles and for the next login's check; one the profile named is
    // kept as it was written.
    saved.workspace = Some(kept.unwrap_or_else(|| workspace.id.clone()));
    // The first profile saved is the one later runs use; another is used when named.
    let used = match config
        .default_profile
        .get_or_insert_with(|| profile.clone())
    {
        default if *default == profile => "later runs use it".to_owned(),
        default => {
            let name = crate::ui::shell_word(&profile);
            format!(
                "runs use profile `{default}` unless given --profile {name} (`livectl config use {name}` changes that)"
            )
        }
    };
    let mut credentials = Credentials::load_to_rewrite()?;
    credentials.profiles.insert(
        profile.clone(),
        ProfileCredentials {
            token,
            api_url: Some(api_url.clone()),
        },
    );
    credentials.save(|s| ui.warn(s))?;
    config.save()?;
    let repointed = before
        .map(|old| format!(" (it pointed at {old})"))
        .unwrap_or_default();
    ui.note(format!(
        "logged in to {api_url} as {} <{}> ({}) in workspace {}; profile `{profile}`{repointed}: {used}",
        me.name, me.email, me.role, workspace.name
    ));
    Ok(())
}

/// Whether what a profile's `workspace` says names this workspace: its id, or its name in
/// any case.
fn names_workspace(named: &str, workspace: &livectl_contract::Workspace) -> bool {
    named == workspace.id || named.trim().eq_ignore_ascii_case(workspace.name.trim())
}

/// Why a login failed, told apart: the network, TLS, the token, another error of the API (it
/// failed, it limits requests), or a server that is not the API.
fn refused(api_url: &str, e: ClientError) -> CliError {
    if matches!(&e, ClientError::Problem { .. }) && !matches!(e.status(), Some(401 | 403)) {
        // The API itself answered with an error (it failed, it is limiting requests): the
        // address is right, so the usual message and hint, and what login did not do.
        return CliError::from(e).hint("nothing was saved");
    }
    let (message, hint) = match &e {
        ClientError::Tls { detail, .. } => (
            format!("TLS with {api_url} failed: {detail}"),
            "check that the address is right and that its certificate is valid; nothing was saved",
        ),
        ClientError::Connect { detail, .. } => (
            format!("cannot reach {api_url}: {detail}"),
            "check the address and your network; nothing was saved",
        ),
        ClientError::Ended { detail, .. } => (
            format!("the connection to {api_url} ended before it answered: {detail}"),
            "try again; if it persists, check that the address is the API's (something there ends connections); nothing was saved",
        ),
        ClientError::Timeout { seconds, .. } => (
            format!("no answer from {api_url} within {seconds} s{}", e.asked()),
            "check the address and your network; nothing was saved",
        ),
        _ if matches!(e.status(), Some(401 | 403)) => (
            format!("the token was not accepted by {api_url}: {e}"),
            "nothing was saved; check the token, and that it is for this address",
        ),
        _ => (
            format!("{api_url} did not answer as the Live Conversations API: {e}"),
            "check the address: it is the API's (it serves /v1/); nothing was saved",
        ),
    };
    let mut error = CliError::from(e);
    error.message = message;
    error.instead(hint)
}

/// The address profile `profile` points at, when logging in to `api_url` repoints it. The
/// profile a login writes when none is named is the one every later run uses: an address given
/// for another platform (a sandbox's, the one a hint named) must not repoint it and replace its
/// token unasked. Named, it is repointed, and said so.
fn repointed(
    global: &crate::commands::GlobalArgs,
    config: &Config,
    profile: &str,
    api_url: &str,
) -> Result<Option<String>, CliError> {
    let before = config
        .profiles
        .get(profile)
        .and_then(|p| p.api_url.clone())
        .filter(|old| !crate::config::same_address(old, api_url));
    if let Some(old) = &before
        && global.profile.is_none()
    {
        let url = crate::ui::shell_word(api_url);
        return Err(CliError::usage(format!(
            "profile `{profile}` points at {old}: logging in to {api_url} would repoint it and replace its token; nothing was changed"
        ))
        .hint(format!(
            "log in to {api_url} under a profile of its own with `livectl login --profile NAME --api-url {url}`, or repoint `{profile}` by naming it: `livectl login --profile {} --api-url {url}`",
            crate::ui::shell_word(profile)
        )));
    }
    Ok(before)
}
