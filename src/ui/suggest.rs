//! The commands livectl suggests in its hints: shell words, and how one reaches a platform.

/// `value` as one word of a POSIX shell, for a command livectl suggests: as it is when plain,
/// else in single quotes (what the suggestion shows still goes through `sanitize`).
pub fn shell_word(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.,:/@%+=".contains(&b));
    if plain {
        value.to_owned()
    } else {
        format!("'{}'", value.replace('\'', "'\\''"))
    }
}

/// How far `given` is from `known`, as livectl guesses what was meant (a flag, an agent's key
/// or name): the edits between them whatever the case (a swap of two letters one edit), when
/// that is a few (a third of what was typed, at least one, and fewer than its letters: `--ownr`,
/// `--satte`, `bob`, `Bo Chan`), or when one begins the other and more than two letters were
/// typed (`--to-agent` and `--to`); None when it is not near. One or two letters are near
/// nothing but a swap or a letter off (`x` suggested `bo`: review).
pub fn nearness(given: &str, known: &str) -> Option<usize> {
    let (given, known) = (given.to_lowercase(), known.to_lowercase());
    let typed = given.chars().count();
    let edits = strsim::osa_distance(&given, &known);
    let few = edits <= (typed / 3).max(1) && edits < typed;
    let begins = typed > 2 && (given.starts_with(&known) || known.starts_with(&given));
    (few || begins).then_some(edits)
}

/// Whether `given` is near `known` (`nearness`).
pub fn near(given: &str, known: &str) -> bool {
    nearness(given, known).is_some()
}

/// How a command livectl suggests reaches a platform: the flags after its name (` --sandbox`,
/// ` --profile=P`, ` --api-url=URL`), already in shell words, and a variable set before it:
/// empty (`LIVECTL_PROFILE= livectl …`) where the value it holds now would have the command
/// refused, as livectl counts an empty `LIVECTL_*` variable as unset (`cli.rs`); or to another
/// data directory (`XDG_DATA_HOME=DIR livectl …`) for another HOME's embedded sandbox.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    pub flags: String,
    /// `NAME=value` (in shell words), set for the command alone.
    pub env: Option<String>,
}

impl Reach {
    /// The flag of an address given for the run (`connect::reach`).
    pub const API_URL: &'static str = " --api-url=";
    /// The flag of a profile named for the run.
    pub const PROFILE: &'static str = " --profile=";
    /// The flag of the embedded sandbox asked for.
    pub const SANDBOX: &'static str = " --sandbox";

    /// Reached by an address given, with no profile named: a `login` with the same flags
    /// would write the profile runs use, which `login` refuses when it points elsewhere.
    pub fn by_address(&self) -> bool {
        self.flags.contains(Reach::API_URL) && !self.flags.contains(Reach::PROFILE)
    }

    /// Reached by these flags alone.
    pub fn flags(flags: String) -> Reach {
        Reach { flags, env: None }
    }

    /// `livectl WORDS` reaching it: `LIVECTL_PROFILE= livectl cancel --api-url=URL` for
    /// `cancel`.
    pub fn command(&self, words: &str) -> String {
        let env = self
            .env
            .as_ref()
            .map(|set| format!("{set} "))
            .unwrap_or_default();
        format!("{env}livectl {words}{}", self.flags)
    }

    /// `hint` with each command it suggests in backquotes (`` `livectl list` ``, each side of
    /// a pipe) given this run's flags when `reaches` says its command acts on a platform and
    /// it names none: pasted, it asks the platform the run asked, not the default one. A
    /// suggestion built with flags of its own (`--resume`, `login --profile NAME`) is left as
    /// it is.
    pub fn carried(&self, hint: &str, reaches: impl Fn(&str) -> bool) -> String {
        if self.flags.is_empty() && self.env.is_none() {
            return hint.to_owned();
        }
        let parts: Vec<&str> = hint.split('`').collect();
        let mut out = String::with_capacity(hint.len());
        for (n, part) in parts.iter().enumerate() {
            if n > 0 {
                out.push('`');
            }
            // The odd parts are in backquotes, unless the last quote is never closed.
            let quoted = n % 2 == 1 && n + 1 < parts.len();
            if !quoted {
                out.push_str(part);
                continue;
            }
            let segments: Vec<String> = part
                .split(" | ")
                .map(|segment| match segment.strip_prefix("livectl ") {
                    // A command's name first: `livectl --help` names none.
                    Some(words)
                        if words
                            .split(' ')
                            .next()
                            .is_some_and(|name| !name.starts_with('-') && reaches(name))
                            && ![Reach::PROFILE, Reach::API_URL, Reach::SANDBOX]
                                .iter()
                                .any(|flag| segment.contains(flag.trim_end_matches('=')))
                            // A resume reaches its journal's platform, as the hint that
                            // names it wrote it (`bulk::Again`): with no flag when a command
                            // typed plain goes there, whatever reached this run.
                            && !segment.contains(" --resume") =>
                    {
                        self.command(words)
                    }
                    _ => segment.to_owned(),
                })
                .collect();
            out.push_str(&segments.join(" | "));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    /// A few edits, a swap of two letters as one, or a beginning once more than two letters
    /// were typed; one or two letters only a letter off.
    #[test]
    fn near_is_a_few_edits_or_a_beginning() {
        for (given, known, edits) in [
            ("ownr", "owner", Some(1)),
            ("satte", "state", Some(1)),
            ("bob", "bo", Some(1)),
            ("Bo Chan", "Bo Chen", Some(1)),
            ("to-agent", "to", Some(6)),
            ("San", "Sandbox Admin", Some(10)),
            ("x", "bo", None),
            ("e", "eli", None),
            ("zz", "jq", None),
            ("zebulon", "bo", None),
            ("bo", "ob", Some(1)),
        ] {
            assert_eq!(super::nearness(given, known), edits, "{given} ~ {known}");
        }
    }

    #[test]
    fn a_suggested_command_carries_the_flags_that_reached_the_platform() {
        let reach = super::Reach::flags(" --profile=staging".into());
        let platform = |command: &str| command != "config";
        for (hint, carried) in [
            (
                "check the id; `livectl agents` lists them",
                "check the id; `livectl agents --profile=staging` lists them",
            ),
            (
                "pipe `livectl list -o ids` into `livectl reassign - --to X`",
                "pipe `livectl list -o ids --profile=staging` into `livectl reassign - --to X --profile=staging`",
            ),
            (
                "`livectl list -o ids | livectl cancel -`",
                "`livectl list -o ids --profile=staging | livectl cancel - --profile=staging`",
            ),
            // A command that does not act on a platform, one with flags of its own, words
            // outside backquotes and a quote never closed are left as they are.
            (
                "`livectl config unset default_profile` forgets it",
                "`livectl config unset default_profile` forgets it",
            ),
            (
                "`livectl assign iv_3 --sandbox` or livectl list",
                "`livectl assign iv_3 --sandbox` or livectl list",
            ),
            ("see `livectl list", "see `livectl list"),
            ("`livectl --help`", "`livectl --help`"),
            // A resume, which its hint made to reach its journal's platform (with no flag
            // when a command typed plain goes there), however `--resume` is spelled.
            (
                "resume it with `livectl cancel --resume run.ndjson`",
                "resume it with `livectl cancel --resume run.ndjson`",
            ),
            (
                "`livectl cancel --resume=run.ndjson`",
                "`livectl cancel --resume=run.ndjson`",
            ),
        ] {
            assert_eq!(reach.carried(hint, platform), carried);
        }
        let default = super::Reach::default();
        assert_eq!(
            default.carried("`livectl list`", platform),
            "`livectl list`",
            "the default platform needs no flag"
        );
    }

    #[test]
    fn a_value_is_one_shell_word_as_pasted() {
        assert_eq!(
            super::shell_word("https://live.example.com:8443/api"),
            "https://live.example.com:8443/api"
        );
        assert_eq!(super::shell_word("my profile"), "'my profile'");
        assert_eq!(super::shell_word("it's"), r"'it'\''s'");
        assert_eq!(super::shell_word("a;rm -rf ~"), "'a;rm -rf ~'");
        assert_eq!(super::shell_word("$(id)\n"), "'$(id)\n'");
        assert_eq!(super::shell_word(""), "''");
    }
}
