//! Text from users, files and the platform made safe for a terminal.

use std::borrow::Cow;

/// Characters that reorder or hide what follows (bidirectional overrides and isolates).
fn reorders(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

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

/// Text from users, files and the platform (chat messages, names, ids, problem details) made
/// safe for a terminal: control characters and direction overrides are shown escaped
/// (`\u{1b}`, `\u{202e}`), so text cannot move the cursor, retitle the window, colour itself or
/// hide what follows. livectl's own colours are applied after this, by the writer.
/// With `layout`, text laid out in lines and columns keeps its newlines and tabs.
pub fn sanitize(text: &str, layout: bool) -> Cow<'_, str> {
    let harmless =
        |c: char| (!c.is_control() && !reorders(c)) || (layout && matches!(c, '\n' | '\t'));
    if text.chars().all(harmless) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if harmless(c) {
            out.push(c);
        } else {
            out.extend(c.escape_default());
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::sanitize;

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

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(sanitize("plain text", false), "plain text");
        assert_eq!(
            sanitize("\x1b[33mqueued\x1b[0m", false),
            "\\u{1b}[33mqueued\\u{1b}[0m"
        );
        assert_eq!(
            sanitize("hi\x1b]0;owned\x07 there", false),
            "hi\\u{1b}]0;owned\\u{7} there"
        );
        assert_eq!(sanitize("up\x1b[2Aover", false), "up\\u{1b}[2Aover");
        assert_eq!(sanitize("a\nb\rc", false), "a\\nb\\rc");
        assert_eq!(sanitize("a\nb", true), "a\nb");
        assert_eq!(sanitize("a\tb\x1b", true), "a\tb\\u{1b}");
        assert_eq!(sanitize("a\tb", false), "a\\tb");
        assert_eq!(sanitize("abc\u{202e}fed", false), "abc\\u{202e}fed");
    }
}
