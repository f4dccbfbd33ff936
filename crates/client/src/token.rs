//! The bearer token: never printed, never logged.

use std::borrow::Cow;
use std::fmt;
use std::sync::RwLock;

use serde::{Deserialize, Serialize};

/// A bearer token. Debug and Display show a placeholder; only the Authorization header sees it,
/// and text a server sends back is shown with it taken out (`masked`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String")]
pub struct Token(String);

/// Every token this process made: what `masked` takes out.
static HELD: RwLock<Vec<String>> = RwLock::new(Vec::new());

/// The shortest token `masked` takes out: a shorter one is no token a platform issues, and
/// taking it out would garble the words around it.
const MASKED_FROM: usize = 8;

impl Token {
    pub fn new(token: impl Into<String>) -> Token {
        let token = token.into();
        if token.len() >= MASKED_FROM
            && let Ok(mut held) = HELD.write()
            && !held.contains(&token)
        {
            held.push(token.clone());
        }
        Token(token)
    }

    /// Why the token cannot be sent, when it cannot: the one rule of what a token may hold,
    /// for `login` (before anything is sent) and for every request's header.
    pub fn problem(&self) -> Option<&'static str> {
        (!self.0.bytes().all(|b| b.is_ascii_graphic())).then_some(
            "holds a space, a control character or a character outside ASCII; a token is one word of visible ASCII",
        )
    }

    /// The secret itself, for the Authorization header only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for Token {
    fn from(token: String) -> Token {
        Token::new(token)
    }
}

/// `text` with every token this process holds replaced by `<redacted>`: for what a server wrote
/// (an error's detail or body, a body logged at -vvv, `api`'s output), which may echo the
/// request's headers. The token is never printed.
pub fn masked(text: &str) -> Cow<'_, str> {
    let Ok(held) = HELD.read() else {
        return Cow::Borrowed(text);
    };
    let mut text = Cow::Borrowed(text);
    for token in held.iter() {
        if text.contains(token.as_str()) {
            text = Cow::Owned(text.replace(token.as_str(), "<redacted>"));
        }
    }
    text
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}
