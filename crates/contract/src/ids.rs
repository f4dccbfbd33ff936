//! Resource ids: a kind prefix and a number (`iv_42`), so a misplaced id is caught at once.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Agent,
    Department,
    Topic,
    Outcome,
    Block,
    User,
    Conversation,
    Message,
    Intervention,
}

impl Kind {
    pub const fn prefix(self) -> &'static str {
        match self {
            Kind::Agent => "ag",
            Kind::Department => "dp",
            Kind::Topic => "tp",
            Kind::Outcome => "oc",
            Kind::Block => "bk",
            Kind::User => "us",
            Kind::Conversation => "cv",
            Kind::Message => "msg",
            Kind::Intervention => "iv",
        }
    }

    pub const fn noun(self) -> &'static str {
        match self {
            Kind::Agent => "agent",
            Kind::Department => "department",
            Kind::Topic => "topic",
            Kind::Outcome => "outcome",
            Kind::Block => "block",
            Kind::User => "user",
            Kind::Conversation => "conversation",
            Kind::Message => "message",
            Kind::Intervention => "intervention",
        }
    }

    pub const ALL: [Kind; 9] = [
        Kind::Agent,
        Kind::Department,
        Kind::Topic,
        Kind::Outcome,
        Kind::Block,
        Kind::User,
        Kind::Conversation,
        Kind::Message,
        Kind::Intervention,
    ];

    /// The kind an id is of, when it is one.
    pub fn of(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.parse(id).is_some())
    }

    /// The id of row `n` of this kind.
    pub fn id(self, n: i64) -> String {
        format!("{}_{n}", self.prefix())
    }

    /// What an id of this kind looks like, as a regex (what `parse` accepts) without anchors.
    pub fn pattern(self) -> String {
        format!("{}_[1-9][0-9]{{0,17}}", self.prefix())
    }

    /// The row number of an id of this kind, or None when it is not one.
    pub fn parse(self, id: &str) -> Option<i64> {
        let rest = id.strip_prefix(self.prefix())?.strip_prefix('_')?;
        // One spelling per id: no leading zeros, so `dp_01` is not `dp_1` in disguise.
        if rest.is_empty()
            || rest.len() > 18
            || rest.starts_with('0')
            || !rest.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        rest.parse().ok().filter(|n| *n > 0)
    }
}

/// The words a command line reads as themselves where a resource of a kind is named: not a
/// key of that kind (`Kind::key_refusal`), said in the OpenAPI document from here (`key_rule`).
pub const RESERVED_KEYS: &[(Kind, &str, &str)] = &[
    (Kind::Agent, "me", "the caller"),
    (Kind::Agent, crate::NONE, "no one"),
    (Kind::Block, crate::NONE, "no block"),
];

/// The rule of `Kind::key_refusal` in a sentence, for the contract's document.
pub fn key_rule() -> String {
    let words: Vec<String> = RESERVED_KEYS
        .iter()
        .map(|(kind, word, _)| format!("`{word}` for {kind}s"))
        .collect();
    format!(
        "A key a command line would read as something else is refused with 422: one shaped as an id (`ag_3`), one with a control or invisible character or a space at either end, an agent's or a department's with a comma, an agent's with an `@`, and {}.",
        words.join(", ")
    )
}

impl Kind {
    /// Why `key` cannot be the key of a resource of this kind, when it cannot: a command line
    /// reads it as something else before any key, so the resource could not be named by it
    /// (`--to me` is the caller, `--owner none` no one, `ag_3` an id, `bo@x` an email).
    /// Users, conversations and the rest are never named by their key: any key will do.
    pub fn key_refusal(self, key: &str) -> Option<String> {
        let named_by_key = matches!(
            self,
            Kind::Agent | Kind::Department | Kind::Topic | Kind::Outcome | Kind::Block
        );
        if !named_by_key {
            return None;
        }
        if key.chars().any(|c| c.is_control() || unseen(c)) {
            return Some(format!(
                "`{}` holds a control or invisible character, which a command line cannot show or type as written; choose a key without one",
                shown_key(key)
            ));
        }
        if key.trim() != key {
            return Some(format!(
                "`{key}` begins or ends with a space, which a command line trims from a name; choose a key without one"
            ));
        }
        // `--to` takes agents and a department's pool (`@department:KEY`), comma-separated.
        if matches!(self, Kind::Agent | Kind::Department) && key.contains(',') {
            return Some(format!(
                "`{key}` has a comma, which separates agents and pools where several are named (`--to ana,@department:sales`); choose a key without one"
            ));
        }
        if let Some(kind) = Kind::of(key) {
            return Some(format!(
                "`{key}` has the shape of {kind} ids, which a command line reads as an id; choose a key that is not one"
            ));
        }
        if let Some((_, word, meaning)) = RESERVED_KEYS
            .iter()
            .find(|(kind, word, _)| *kind == self && *word == key)
        {
            return Some(format!(
                "`{word}` is read as {meaning} where {self}s are named; choose another key"
            ));
        }
        (self == Kind::Agent && key.contains('@')).then(|| {
            format!("`{key}` has an @, read as an email where an agent is named; choose a key without one")
        })
    }
}

/// A character that reorders what follows: direction marks, overrides and isolates. Not a
/// key's (`unseen`), and shown escaped on a terminal (the CLI's `sanitize`).
pub fn reorders(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A key as a message quotes it: escaped (`d\u{200b}x`) when it holds what `key_refusal`
/// refuses, a control or invisible character, so that two keys that look alike are told apart
/// wherever a message lists them (a seed's list of the keys it defines printed one raw).
pub fn shown_key(key: &str) -> std::borrow::Cow<'_, str> {
    if key.chars().any(|c| c.is_control() || unseen(c)) {
        std::borrow::Cow::Owned(key.escape_debug().to_string())
    } else {
        std::borrow::Cow::Borrowed(key)
    }
}

/// A character a key may not hold though it is no control character: one that reorders what
/// follows, or takes no room and shows nothing (zero-width spaces and joiners, word joiners,
/// the byte order mark). Text may hold the joiners (emoji sequences, some scripts), keys not.
fn unseen(c: char) -> bool {
    reorders(c) || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2065}' | '\u{feff}')
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.noun())
    }
}

#[cfg(test)]
mod tests {
    use super::Kind;

    /// A key a command line reads as something else first could not name what it keys
    /// (`me` was accepted as an agent's key, and `--to me` is the caller).
    #[test]
    fn a_key_read_as_something_else_is_refused() {
        for (kind, key) in [
            (Kind::Agent, "me"),
            (Kind::Agent, "none"),
            (Kind::Agent, "ag_3"),
            (Kind::Agent, "bo@example.com"),
            (Kind::Block, "none"),
            (Kind::Topic, "iv_2"),
            // `--to ana,bo` is two agents; a name is trimmed; a control character is shown
            // escaped and cannot be typed as written (the hostile-input check loaded each).
            (Kind::Agent, "ana,bo"),
            (Kind::Agent, " a12 "),
            (Kind::Department, "sales "),
            (Kind::Topic, "t\nnewline"),
            (Kind::Department, "dep\u{1b}[2J"),
            (Kind::Department, "sales,eu"),
            (Kind::Topic, "lo\u{202e}gin"),
            (Kind::Outcome, "done\u{200b}"),
        ] {
            assert!(kind.key_refusal(key).is_some(), "{kind} {key}");
        }
        for (kind, key) in [
            (Kind::Agent, "bo"),
            (Kind::Agent, "Me"),
            (Kind::Agent, "ag_"),
            (Kind::Topic, "none"),
            (Kind::Topic, "me"),
            (Kind::Block, "a@b"),
            (Kind::Topic, "a,b"),
            (Kind::Agent, "bo chen"),
            (Kind::User, "us_3"),
        ] {
            assert_eq!(kind.key_refusal(key), None, "{kind} {key}");
        }
        assert_eq!(
            Kind::Agent.key_refusal("me").unwrap(),
            "`me` is read as the caller where agents are named; choose another key"
        );
    }

    #[test]
    fn ids_round_trip_and_reject_other_kinds() {
        assert_eq!(Kind::Intervention.id(42), "iv_42");
        assert_eq!(Kind::Intervention.parse("iv_42"), Some(42));
        assert_eq!(Kind::Intervention.parse("ag_42"), None);
        assert_eq!(Kind::Intervention.parse("iv_"), None);
        assert_eq!(Kind::Intervention.parse("iv_0"), None);
        assert_eq!(Kind::Intervention.parse("iv_042"), None);
        assert_eq!(Kind::Intervention.parse("iv_4 OR 1=1"), None);
        assert_eq!(Kind::Intervention.parse("iv_99999999999999999999"), None);
    }
}
