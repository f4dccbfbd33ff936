//! What the autopilot watches for, from flags or a small TOML file: the rules, the grace
//! period, the thresholds and where work goes.

use std::fmt;
use std::path::Path;

use jiff::SignedDuration;
use serde::Deserialize;

use crate::error::CliError;

pub use crate::model::Rule;

/// The grace period: how long an owner may be absent before its work moves.
pub const DEFAULT_GRACE: SignedDuration = SignedDuration::from_secs(120);
/// `queued` and `no-reply` when the rule is on without a threshold (the `stuck` defaults).
pub const DEFAULT_QUEUED: SignedDuration = SignedDuration::from_secs(30 * 60);
pub const DEFAULT_NO_REPLY: SignedDuration = SignedDuration::from_secs(15 * 60);

/// Where settings were given: on the command line, or in a config file. Messages name a
/// setting the way it was given (`--grace`, or `a.toml: grace = "0s"`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Origin {
    #[default]
    Flags,
    File(std::path::PathBuf),
}

/// A setting, by its flag and its key in the file.
#[derive(Debug, Clone, Copy)]
enum Key {
    Rules,
    Grace,
    Queued,
    NoReply,
    To,
}

impl Key {
    const fn flag(self) -> &'static str {
        match self {
            Key::Rules => "--rule",
            Key::Grace => "--grace",
            Key::Queued => "--queued",
            Key::NoReply => "--no-reply",
            Key::To => "--to",
        }
    }

    const fn in_file(self) -> &'static str {
        match self {
            Key::Rules => "rules",
            Key::Grace => "grace",
            Key::Queued => "queued",
            Key::NoReply => "no_reply",
            Key::To => "to",
        }
    }
}

impl fmt::Display for Origin {
    /// The command line, or the file as its path was given.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Flags => f.write_str("the command line"),
            Origin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

impl Origin {
    /// The setting's name alone, for hints: `--grace`, or `grace`.
    fn key(&self, key: Key) -> &'static str {
        match self {
            Origin::Flags => key.flag(),
            Origin::File(_) => key.in_file(),
        }
    }

    /// What a message about a setting starts with: the flag (`--grace`), or the file with the
    /// key and the value as TOML (`a.toml: grace = "0s"`).
    fn name(&self, key: Key, value: toml::Value) -> String {
        match self {
            Origin::Flags => key.flag().to_owned(),
            Origin::File(path) => format!("{}: {} = {value}", path.display(), key.in_file()),
        }
    }
}

/// The settings as given, each left out when not given: the flags, or a config file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Given {
    pub rules: Option<Vec<String>>,
    pub grace: Option<String>,
    pub queued: Option<String>,
    pub no_reply: Option<String>,
    pub to: Option<String>,
    pub include_away: Option<bool>,
    /// Where they were given (not a key of the file).
    #[serde(skip)]
    pub origin: Origin,
}

impl Given {
    /// A config file: TOML with `rules = [...]`, `grace`, `queued`, `no_reply`, `to`,
    /// `include_away`.
    pub fn read(path: &Path) -> Result<Given, CliError> {
        use livectl_contract::limits::{RULES_FILE_BYTES, Unread, bytes_said, read_text_at_most};
        // Only a regular file: a FIFO with no writer held the run, past Ctrl-C and SIGTERM
        // (automation check).
        let opened = crate::files::open_regular(path)
            .and_then(|file| file.ok_or_else(|| std::io::Error::other("it is not a regular file")));
        let why = match opened.map(|f| read_text_at_most(f, RULES_FILE_BYTES)) {
            Ok(Ok(text)) => return Given::parse(path, &text),
            Err(e) | Ok(Err(Unread::Io(e))) => e.to_string(),
            Ok(Err(Unread::TooLarge)) => format!(
                "it is larger than {}, which no rules file is",
                bytes_said(RULES_FILE_BYTES)
            ),
            Ok(Err(Unread::NotText)) => "it is not UTF-8 text".into(),
        };
        Err(CliError::usage(format!(
            "--config: cannot read {}: {why}",
            path.display()
        )))
    }

    /// The text of the config file at `path`; an error names the file and the line.
    fn parse(path: &Path, text: &str) -> Result<Given, CliError> {
        let mut given: Given = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|span| {
                    let before = text.get(..span.start).unwrap_or(text);
                    format!(", line {}", before.matches('\n').count() + 1)
                })
                .unwrap_or_default();
            CliError::usage(format!("{}{line}: {}", path.display(), e.message().trim_end()))
                .hint(format!(
                    "the file takes rules = [{}], grace = \"2m\", queued = \"30m\", no_reply = \"15m\", to = \"@online\", include_away = false",
                    Rule::ALL.map(|r| format!("\"{r}\"")).join(", ")
                ))
        })?;
        given.origin = Origin::File(path.to_owned());
        Ok(given)
    }

    /// Each value checked, each error naming the setting as it was given.
    fn check(self) -> Result<Checked, CliError> {
        let origin = self.origin;
        let rules = match self.rules {
            Some(names) => {
                let name = || origin.name(Key::Rules, toml::Value::from(names.clone()));
                let mut rules = Vec::new();
                for text in names.iter().flat_map(|n| n.split(',')) {
                    let rule: Rule = text
                        .parse()
                        .map_err(|e| CliError::usage(format!("{}: {e}", name())))?;
                    if !rules.contains(&rule) {
                        rules.push(rule);
                    }
                }
                if rules.is_empty() {
                    return Err(CliError::usage(format!(
                        "{}: no rule given; the rules are {}",
                        name(),
                        Rule::names()
                    )));
                }
                Some(rules)
            }
            None => None,
        };
        let duration = |key: Key, text: Option<String>| match text {
            Some(text) => match livectl_contract::duration::parse(&text) {
                Ok(d) => Ok(Some((d, text))),
                Err(e) => Err(CliError::usage(format!(
                    "{}: {e}",
                    origin.name(key, toml::Value::from(text.clone()))
                ))
                .hint(format!(
                    "{} is a positive duration such as 90s, 2m or 1h30m",
                    origin.key(key)
                ))),
            },
            None => Ok(None),
        };
        let grace = duration(Key::Grace, self.grace)?.map(|(d, _)| d);
        let queued = duration(Key::Queued, self.queued)?;
        let no_reply = duration(Key::NoReply, self.no_reply)?;
        let to = self.to.map(|to| {
            let named = origin.name(Key::To, toml::Value::from(to.clone()));
            (to, named)
        });
        Ok(Checked {
            origin,
            rules,
            grace,
            queued,
            no_reply,
            to,
            include_away: self.include_away,
        })
    }
}

/// One source's settings, checked; each left out when not given.
struct Checked {
    origin: Origin,
    rules: Option<Vec<Rule>>,
    grace: Option<SignedDuration>,
    /// The thresholds with their text as written.
    queued: Option<(SignedDuration, String)>,
    no_reply: Option<(SignedDuration, String)>,
    /// `to` as written, and how a message names it.
    to: Option<(String, String)>,
    include_away: Option<bool>,
}

/// The settings checked: every rule known, every duration positive.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub rules: Vec<Rule>,
    pub grace: SignedDuration,
    pub queued: SignedDuration,
    pub no_reply: SignedDuration,
    /// `--to` as written: a pool or agents; `@online` when left out.
    pub to: Vec<String>,
    /// How a message names where `to` was given: `--to`, or the file, its key and value.
    pub to_named: String,
    pub include_away: bool,
}

impl Settings {
    pub fn has(&self, rule: Rule) -> bool {
        self.rules.contains(&rule)
    }

    /// The flags over the file: each setting from the flags where given, else from the file,
    /// else its default. Without rules, the owner rules for offline and inactive owners, plus
    /// `queued` and `no-reply` when their thresholds are given.
    pub fn new(flags: Given, file: Given) -> Result<Settings, CliError> {
        let flags = flags.check()?;
        let file = file.check()?;
        // A threshold turns its rule on, unless the rules are listed: then a threshold for a
        // rule the list leaves out is a contradiction, refused rather than ignored. Flags win:
        // a threshold flag turns its rule on over the file's list.
        let thresholds = |checked: &Checked| {
            [
                (Rule::Queued, Key::Queued, checked.queued.clone()),
                (Rule::NoReply, Key::NoReply, checked.no_reply.clone()),
            ]
            .into_iter()
            .filter_map(|(rule, key, given)| given.map(|(_, text)| (rule, key, text)))
            .collect::<Vec<_>>()
        };
        let rules = match (&flags.rules, &file.rules) {
            (Some(rules), _) => {
                if let Some((rule, key, text)) = thresholds(&flags)
                    .into_iter()
                    .find(|(r, ..)| !rules.contains(r))
                {
                    let flag = key.flag();
                    return Err(CliError::usage(format!(
                        "{flag} {text} sets the {rule} rule, which --rule leaves out; add --rule {rule} or leave out {flag}"
                    )));
                }
                rules.clone()
            }
            (None, Some(listed)) => {
                let mut rules = listed.clone();
                for (rule, ..) in thresholds(&flags) {
                    if !rules.contains(&rule) {
                        rules.push(rule);
                    }
                }
                if let Some((rule, key, text)) = thresholds(&file)
                    .into_iter()
                    .find(|(r, ..)| !rules.contains(r))
                {
                    let list =
                        toml::Value::from(listed.iter().map(|r| r.as_str()).collect::<Vec<_>>());
                    let key = key.in_file();
                    return Err(CliError::usage(format!(
                        "{}: {key} = {} sets the {rule} rule, which rules = {list} leaves out; add \"{rule}\" to rules or leave out {key}",
                        file.origin,
                        toml::Value::from(text),
                    )));
                }
                rules
            }
            (None, None) => {
                let mut rules = vec![Rule::OwnerOffline, Rule::OwnerInactive];
                if flags.queued.is_some() || file.queued.is_some() {
                    rules.push(Rule::Queued);
                }
                if flags.no_reply.is_some() || file.no_reply.is_some() {
                    rules.push(Rule::NoReply);
                }
                rules
            }
        };
        let queued = flags.queued.or(file.queued);
        let no_reply = flags.no_reply.or(file.no_reply);
        let (to, to_named) = flags.to.or(file.to).unwrap_or_else(|| {
            (
                crate::usecases::pool::Pool::Online.to_string(),
                Key::To.flag().to_owned(),
            )
        });
        Ok(Settings {
            rules,
            grace: flags.grace.or(file.grace).unwrap_or(DEFAULT_GRACE),
            queued: queued.map_or(DEFAULT_QUEUED, |(d, _)| d),
            no_reply: no_reply.map_or(DEFAULT_NO_REPLY, |(d, _)| d),
            to: to.split(',').map(|s| s.trim().to_owned()).collect(),
            to_named,
            include_away: flags.include_away.or(file.include_away).unwrap_or(false),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(given: Given) -> Result<Settings, String> {
        Settings::new(given, Given::default()).map_err(|e| e.message)
    }

    fn file(text: &str) -> Result<Given, String> {
        Given::parse(Path::new("a.toml"), text).map_err(|e| e.message)
    }

    #[test]
    fn defaults_then_what_is_given() {
        let s = settings(Given::default()).unwrap();
        assert_eq!(s.rules, [Rule::OwnerOffline, Rule::OwnerInactive]);
        assert_eq!(s.grace, DEFAULT_GRACE);
        assert_eq!(s.to, ["@online"]);
        let s = settings(Given {
            queued: Some("10m".into()),
            grace: Some("90s".into()),
            ..Given::default()
        })
        .unwrap();
        assert!(s.has(Rule::Queued));
        assert_eq!(s.grace, SignedDuration::from_secs(90));
    }

    #[test]
    fn bad_values_name_the_valid_forms() {
        for grace in ["0", "0s", "-1m", "soon"] {
            let e = settings(Given {
                grace: Some(grace.into()),
                ..Given::default()
            })
            .unwrap_err();
            assert!(e.starts_with("--grace: "), "{e}");
            assert!(e.contains("such as 30m"), "{e}");
        }
        let e = settings(Given {
            rules: Some(vec!["owner-gone".into()]),
            ..Given::default()
        })
        .unwrap_err();
        assert_eq!(
            e,
            "--rule: `owner-gone` is not a rule; the rules are owner-offline, owner-away, owner-inactive, queued, no-reply"
        );
    }

    #[test]
    fn a_file_is_toml_and_flags_win() {
        let file =
            file("rules = [\"owner-away\", \"queued\"]\ngrace = \"5m\"\nto = \"@department\"\n")
                .unwrap();
        let flags = Given {
            grace: Some("1m".into()),
            ..Given::default()
        };
        let s = Settings::new(flags, file).unwrap();
        assert_eq!(s.rules, [Rule::OwnerAway, Rule::Queued]);
        assert_eq!(s.grace, SignedDuration::from_secs(60));
        assert_eq!(s.to, ["@department"]);
        assert_eq!(s.to_named, "a.toml: to = \"@department\"");
        let unknown = toml::from_str::<Given>("grace = \"1m\"\nrule = []\n").unwrap_err();
        assert!(
            unknown.message().contains("unknown field `rule`"),
            "{unknown}"
        );
    }

    /// A rules file is read no further than any could be, and as text (`/dev/zero` was read
    /// without end).
    #[test]
    fn a_rules_file_too_large_or_not_text_is_said_so() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.toml");
        std::fs::write(&big, vec![b'#'; (2 << 20) as usize]).unwrap();
        let binary = dir.path().join("binary.toml");
        std::fs::write(&binary, b"\xff\xfe").unwrap();
        for (path, words) in [
            (&big, "it is larger than 1 MiB, which no rules file is"),
            (&binary, "it is not UTF-8 text"),
        ] {
            let said = Given::read(path).unwrap_err().message;
            assert_eq!(
                said,
                format!("--config: cannot read {}: {words}", path.display())
            );
        }
    }

    /// A value from the file is blamed on the file and its key, never on a flag not given.
    #[test]
    fn an_error_in_the_file_names_the_file_its_key_and_its_line() {
        let checked =
            |text: &str| Settings::new(Given::default(), file(text)?).map_err(|e| e.message);
        let e = checked("grace = \"0s\"\n").unwrap_err();
        assert!(
            e.starts_with("a.toml: grace = \"0s\": `0s` is no time at all"),
            "{e}"
        );
        let e = checked("no_reply = \"soon\"\n").unwrap_err();
        assert!(
            e.starts_with("a.toml: no_reply = \"soon\": `soon` is not a duration"),
            "{e}"
        );
        assert_eq!(
            checked("rules = [\"owner-offline\", \"nope\"]\n").unwrap_err(),
            "a.toml: rules = [\"owner-offline\", \"nope\"]: `nope` is not a rule; the rules are owner-offline, owner-away, owner-inactive, queued, no-reply"
        );
        assert_eq!(
            checked("rules = []\n").unwrap_err(),
            "a.toml: rules = []: no rule given; the rules are owner-offline, owner-away, owner-inactive, queued, no-reply"
        );
        let e = checked("grace = \"1m\"\n\nto = @nope\n").unwrap_err();
        assert!(e.starts_with("a.toml, line 3: "), "{e}");
        let e = checked("grace = \"1m\"\nrule = []\n").unwrap_err();
        assert!(e.starts_with("a.toml, line 2: unknown field `rule`"), "{e}");
    }
}
