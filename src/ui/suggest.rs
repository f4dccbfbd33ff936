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

/// How a command livectl suggests reaches a platform: the flags after its name (` --sandbox`,
/// ` --profile=P`, ` --api-url=URL`), already in shell words, and a variable set empty before
/// it (`LIVECTL_PROFILE= livectl …`) where the value it holds now would have the command
/// refused; livectl counts an empty `LIVECTL_*` variable as unset (`cli.rs`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    pub flags: String,
    pub emptied: Option<&'static str>,
}

impl Reach {
    /// The flag of an address given for the run (`connect::reach`).
    pub const API_URL: &'static str = " --api-url=";
    /// The flag of a profile named for the run.
    pub const PROFILE: &'static str = " --profile=";

    /// Reached by an address given, with no profile named: a `login` with the same flags
    /// would write the profile runs use, which `login` refuses when it points elsewhere.
    pub fn by_address(&self) -> bool {
        self.flags.contains(Reach::API_URL) && !self.flags.contains(Reach::PROFILE)
    }

    /// Reached by these flags alone.
    pub fn flags(flags: String) -> Reach {
        Reach {
            flags,
            emptied: None,
        }
    }

    /// `livectl WORDS` reaching it: `LIVECTL_PROFILE= livectl cancel --api-url=URL` for
    /// `cancel`.
    pub fn command(&self, words: &str) -> String {
        let emptied = self
            .emptied
            .map(|variable| format!("{variable}= "))
            .unwrap_or_default();
        format!("{emptied}livectl {words}{}", self.flags)
    }
}

#[cfg(test)]
mod tests {
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
