//! What the autopilot watches for, from flags or a small TOML file: the rules, the grace
//! period, the thresholds and where work goes.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use jiff::SignedDuration;
use serde::Deserialize;

use crate::error::CliError;

/// One rule, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// An owner offline longer than the grace period: its open interventions move to the pool,
    /// or back to the general queue when no agent of the pool has room.
    OwnerOffline,
    /// The same for an owner who is away.
    OwnerAway,
    /// The same for an owner who was deactivated (counted from when the autopilot saw it).
    OwnerInactive,
    /// Waiting in the general queue longer than `queued`: assigned from the pool.
    Queued,
    /// A user waiting for a reply longer than `no_reply`: moved to another agent of the pool.
    NoReply,
}

impl Rule {
    pub const ALL: [Rule; 5] = [
        Rule::OwnerOffline,
        Rule::OwnerAway,
        Rule::OwnerInactive,
        Rule::Queued,
        Rule::NoReply,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Rule::OwnerOffline => "owner-offline",
            Rule::OwnerAway => "owner-away",
            Rule::OwnerInactive => "owner-inactive",
            Rule::Queued => "queued",
            Rule::NoReply => "no-reply",
        }
    }

    fn names() -> String {
        Rule::ALL.map(Rule::as_str).join(", ")
    }
}

impl FromStr for Rule {
    type Err = String;

    fn from_str(s: &str) -> Result<Rule, String> {
        Rule::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or_else(|| format!("`{s}` is not a rule; the rules are {}", Rule::names()))
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The grace period: how long an owner may be absent before its work moves.
pub const DEFAULT_GRACE: SignedDuration = SignedDuration::from_secs(120);
/// `queued` and `no-reply` when the rule is on without a threshold (the `stuck` defaults).
pub const DEFAULT_QUEUED: SignedDuration = SignedDuration::from_secs(30 * 60);
pub const DEFAULT_NO_REPLY: SignedDuration = SignedDuration::from_secs(15 * 60);

/// The settings as given: flags over the file, each left out when not given.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Given {
    pub rules: Option<Vec<String>>,
    pub grace: Option<String>,
    pub queued: Option<String>,
    pub no_reply: Option<String>,
    pub to: Option<String>,
    pub include_away: Option<bool>,
}

impl Given {
    /// A config file: TOML with `rules = [...]`, `grace`, `queued`, `no_reply`, `to`,
    /// `include_away`.
    pub fn read(path: &Path) -> Result<Given, CliError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            CliError::usage(format!("--config: cannot read {}: {e}", path.display()))
        })?;
        toml::from_str(&text).map_err(|e| {
            CliError::usage(format!("--config {}: {}", path.display(), e.message()))
                .hint(format!(
                    "the file takes rules = [{}], grace = \"2m\", queued = \"30m\", no_reply = \"15m\", to = \"@online\", include_away = false",
                    Rule::ALL.map(|r| format!("\"{r}\"")).join(", ")
                ))
        })
    }

    /// `self` where given, else `file`.
    pub fn over(self, file: Given) -> Given {
        Given {
            rules: self.rules.or(file.rules),
            grace: self.grace.or(file.grace),
            queued: self.queued.or(file.queued),
            no_reply: self.no_reply.or(file.no_reply),
            to: self.to.or(file.to),
            include_away: self.include_away.or(file.include_away),
        }
    }
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
    pub include_away: bool,
}

impl Settings {
    pub fn has(&self, rule: Rule) -> bool {
        self.rules.contains(&rule)
    }
}

/// A duration flag, or a usage error naming the flag and the valid forms.
fn duration(flag: &str, text: &str) -> Result<SignedDuration, CliError> {
    livectl_contract::duration::parse(text).map_err(|e| {
        CliError::usage(format!("--{flag}: {e}")).hint(format!(
            "--{flag} is a positive duration such as 90s, 2m or 1h30m"
        ))
    })
}

impl TryFrom<Given> for Settings {
    type Error = CliError;

    /// Without rules, the owner rules for offline and inactive owners, plus `queued` and
    /// `no-reply` when their thresholds are given.
    fn try_from(given: Given) -> Result<Settings, CliError> {
        let rules = match &given.rules {
            Some(names) => {
                let mut rules = Vec::new();
                for name in names.iter().flat_map(|n| n.split(',')) {
                    let rule: Rule = name
                        .parse()
                        .map_err(|e| CliError::usage(format!("--rule: {e}")))?;
                    if !rules.contains(&rule) {
                        rules.push(rule);
                    }
                }
                rules
            }
            None => {
                let mut rules = vec![Rule::OwnerOffline, Rule::OwnerInactive];
                if given.queued.is_some() {
                    rules.push(Rule::Queued);
                }
                if given.no_reply.is_some() {
                    rules.push(Rule::NoReply);
                }
                rules
            }
        };
        if rules.is_empty() {
            return Err(CliError::usage(format!(
                "--rule: no rule given; the rules are {}",
                Rule::names()
            )));
        }
        let grace = match &given.grace {
            Some(g) => duration("grace", g)?,
            None => DEFAULT_GRACE,
        };
        let queued = match &given.queued {
            Some(q) => duration("queued", q)?,
            None => DEFAULT_QUEUED,
        };
        let no_reply = match &given.no_reply {
            Some(n) => duration("no-reply", n)?,
            None => DEFAULT_NO_REPLY,
        };
        let to = given
            .to
            .map(|t| t.split(',').map(|s| s.trim().to_owned()).collect())
            .unwrap_or_else(|| vec![crate::usecases::pool::Pool::Online.to_string()]);
        Ok(Settings {
            rules,
            grace,
            queued,
            no_reply,
            to,
            include_away: given.include_away.unwrap_or(false),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(given: Given) -> Result<Settings, String> {
        Settings::try_from(given).map_err(|e| e.message)
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
        let file: Given = toml::from_str(
            "rules = [\"owner-away\", \"queued\"]\ngrace = \"5m\"\nto = \"@department\"\n",
        )
        .unwrap();
        let flags = Given {
            grace: Some("1m".into()),
            ..Given::default()
        };
        let s = settings(flags.over(file)).unwrap();
        assert_eq!(s.rules, [Rule::OwnerAway, Rule::Queued]);
        assert_eq!(s.grace, SignedDuration::from_secs(60));
        assert_eq!(s.to, ["@department"]);
        let unknown = toml::from_str::<Given>("grace = \"1m\"\nrule = []\n").unwrap_err();
        assert!(
            unknown.message().contains("unknown field `rule`"),
            "{unknown}"
        );
    }
}
