//! Man pages in roff, as git's and curl's read: NAME, SYNOPSIS with placeholders, DESCRIPTION,
//! OPTIONS, COMMANDS, EXAMPLES, EXIT STATUS, ENVIRONMENT, FILES and SEE ALSO.

use std::fmt::Write;

use super::examples::examples;

/// The date and source on every page's title line: the release these pages describe.
const DATE: &str = "2026-11-28";

/// The subcommands a page lists: those shown in help (never clap's own `help`).
pub fn shown(command: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
}

/// Text made safe for roff: backslashes escaped, a leading dot or quote neutralized, dashes
/// as hyphen-minus.
fn text(s: &str) -> String {
    let mut out = s.replace('\\', "\\e").replace('-', "\\-");
    if out.starts_with('.') || out.starts_with('\'') {
        out.insert_str(0, "\\&");
    }
    out
}

fn bold(s: &str) -> String {
    format!("\\fB{}\\fR", text(s))
}

fn italic(s: &str) -> String {
    format!("\\fI{}\\fR", text(s))
}

fn value_name(arg: &clap::Arg) -> String {
    arg.get_value_names()
        .and_then(|names| names.first().map(|n| n.to_string()))
        .unwrap_or_else(|| arg.get_id().as_str().to_uppercase())
}

/// `--to AGENT`, `-o, --output FORMAT`, `ID`.
fn usage(arg: &clap::Arg, with_short: bool) -> String {
    let takes_value = arg.get_action().takes_values();
    let mut names = Vec::new();
    if with_short && let Some(s) = arg.get_short() {
        names.push(bold(&format!("-{s}")));
    }
    if let Some(l) = arg.get_long() {
        names.push(bold(&format!("--{l}")));
    }
    if names.is_empty() {
        return italic(&value_name(arg));
    }
    let mut out = names.join(", ");
    if takes_value {
        out.push(' ');
        out.push_str(&italic(&value_name(arg)));
    }
    out
}

fn is_repeated(arg: &clap::Arg) -> bool {
    matches!(
        arg.get_action(),
        clap::ArgAction::Append | clap::ArgAction::Count
    ) || arg.get_num_args().is_some_and(|n| n.max_values() > 1)
}

fn synopsis(command: &clap::Command, words: &[String]) -> String {
    let mut parts = vec![bold(&words.join(" "))];
    let args = command
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !a.is_global_set() && a.get_id() != "help");
    for arg in args {
        let mut piece = usage(arg, false);
        if is_repeated(arg) {
            piece.push_str("...");
        }
        if !arg.is_required_set() {
            piece = format!("[{piece}]");
        }
        parts.push(piece);
    }
    if shown(command).next().is_some() {
        parts.push(italic("COMMAND"));
    }
    parts.join(" ")
}

fn help_text(arg: &clap::Arg) -> String {
    let mut help = arg
        .get_long_help()
        .or(arg.get_help())
        .map(|h| h.to_string())
        .unwrap_or_default();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| arg.get_action().takes_values() && !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if !values.is_empty() && !help.contains(&values.join(", ")) {
        let _ = write!(help, " (one of: {})", values.join(", "));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && arg.get_action().takes_values() {
        let _ = write!(help, " [default: {}]", defaults.join(","));
    }
    if let Some(env) = arg.get_env() {
        let _ = write!(help, " [env: {}]", env.to_string_lossy());
    }
    help
}

fn options(out: &mut String, args: Vec<&clap::Arg>) {
    for arg in args {
        let _ = writeln!(out, ".TP\n{}\n{}", usage(arg, true), text(&help_text(arg)));
    }
}

/// One man page for `command`, named by the words that run it (`livectl sandbox serve`).
pub fn page(command: &clap::Command, words: &[String]) -> String {
    let name = words.join("-");
    let about = command
        .get_about()
        .map(|a| a.to_string())
        .unwrap_or_default();
    let mut out = String::new();
    let _ = writeln!(
        out,
        ".TH {} 1 {DATE} \"livectl {}\" \"livectl manual\"",
        text(&name.to_uppercase()),
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(out, ".SH NAME\n{} \\- {}", text(&name), text(&about));
    let _ = writeln!(out, ".SH SYNOPSIS\n{}", synopsis(command, words));
    let description = command
        .get_long_about()
        .or(command.get_about())
        .map(|a| a.to_string())
        .unwrap_or_default();
    let _ = writeln!(out, ".SH DESCRIPTION");
    for (n, paragraph) in description.split("\n\n").enumerate() {
        if n > 0 {
            let _ = writeln!(out, ".PP");
        }
        let _ = writeln!(out, "{}", text(paragraph.trim()));
    }
    let own: Vec<&clap::Arg> = command
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !a.is_global_set())
        .collect();
    if !own.is_empty() {
        let _ = writeln!(out, ".SH OPTIONS");
        options(&mut out, own);
    }
    if words.len() == 1 {
        let global: Vec<&clap::Arg> = command
            .get_arguments()
            .filter(|a| !a.is_hide_set() && a.is_global_set())
            .collect();
        let _ = writeln!(out, ".SH GLOBAL OPTIONS\nThese apply to every command.");
        options(&mut out, global);
    }
    let subs: Vec<&clap::Command> = shown(command).collect();
    if !subs.is_empty() {
        let _ = writeln!(out, ".SH COMMANDS");
        for sub in &subs {
            let page = format!("{name}-{}", sub.get_name());
            // A sentence of its own: an about has no full stop of its own (clap's style).
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            let about = match about.trim_end() {
                "" => String::new(),
                a if a.ends_with(['.', '!', '?']) => format!("{a} "),
                a => format!("{a}. "),
            };
            let _ = writeln!(
                out,
                ".TP\n{}\n{}See {}.",
                bold(sub.get_name()),
                text(&about),
                reference(&page)
            );
        }
    }
    let _ = writeln!(out, ".SH EXAMPLES");
    for (n, (line, what)) in examples(&name).iter().enumerate() {
        if n > 0 {
            let _ = writeln!(out, ".PP");
        }
        let _ = writeln!(out, "{}\n.RS 4\n.EX\n{}\n.EE\n.RE", text(what), text(line));
    }
    let _ = writeln!(out, "{}", COMMON);
    let mut see: Vec<String> = Vec::new();
    if words.len() > 1 {
        see.push(reference(&words[..words.len() - 1].join("-")));
    }
    see.extend(
        subs.iter()
            .map(|s| reference(&format!("{name}-{}", s.get_name()))),
    );
    if see.is_empty() {
        see.push(reference("livectl"));
    }
    let _ = writeln!(out, ".SH SEE ALSO\n{}", see.join(", "));
    out
}

fn reference(page: &str) -> String {
    format!("{}(1)", bold(page))
}

/// What every page says the same way.
const COMMON: &str = r#".SH EXIT STATUS
.TP
0
Done.
.TP
1
An error: the server is down or failed, an answer is not the API's, a file cannot be written.
.TP
2
Usage: a flag, a value or a file given wrong (the message names it and what would be right).
.TP
3
A bulk run in which some items failed (see its summary and journal).
.TP
4
Unauthorized or forbidden, including a credentials file readable by others, and a bulk run that did nothing because every item was refused 403.
.TP
5
Not found: an id or a name that does not exist.
.TP
6
Conflict: the intervention is not in a state for the action, or it changed meanwhile.
.TP
130
Interrupted (Ctrl\-C, SIGTERM or SIGHUP), or declined at a confirmation.
.SH ENVIRONMENT
.TP
LIVECTL_TOKEN
The bearer token, instead of the credentials file (for CI).
.TP
LIVECTL_API_URL
The platform's API address, instead of the profile's.
.TP
LIVECTL_PROFILE
The profile to use, instead of the config's default.
.TP
NO_COLOR
When set and not empty, no colour.
.TP
XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_STATE_HOME
Where the files below live (by default ~/.config, ~/.local/share and ~/.local/state).
.SH FILES
.TP
$XDG_CONFIG_HOME/livectl/config.toml
Profiles: api_url, allow_insecure_http, workspace, output, and the default profile.
.TP
$XDG_CONFIG_HOME/livectl/credentials.toml
Tokens, one per profile; mode 0600, refused when others may read it.
.TP
$XDG_DATA_HOME/livectl/sandbox.db
The embedded sandbox used when no platform is configured, with its token beside it.
.TP
$XDG_STATE_HOME/livectl/runs/
The journals of bulk runs, to resume them with \-\-resume."#;
