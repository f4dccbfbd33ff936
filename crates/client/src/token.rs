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

/// Whether a word of text has a token's shape though this process does not hold it: one pasted
/// where something else was asked (`livectl login lvs_…`, `--api-url lvs_…`) was quoted back
/// in the error. The sandbox's (`lvs_…`), a JWT (`eyJ…`, three parts), or a long word of
/// URL-safe base64 mixing capitals, small letters and digits, as issued tokens are.
pub fn looks_like_token(word: &str) -> bool {
    let base64 = |w: &str| {
        w.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    if let Some(rest) = word.strip_prefix("lvs_") {
        return rest.len() >= MASKED_FROM && base64(rest);
    }
    if word.starts_with("eyJ") && word.len() >= 20 && word.split('.').count() == 3 {
        return word.split('.').all(base64);
    }
    word.len() >= 32
        && base64(word)
        && word.bytes().any(|b| b.is_ascii_uppercase())
        && word.bytes().any(|b| b.is_ascii_lowercase())
        && word.bytes().any(|b| b.is_ascii_digit())
}

/// `text` with the tokens this process holds (`masked`) and every word shaped like one
/// (`looks_like_token`) replaced by `<redacted>`: for errors, which quote what was given.
pub fn redacted(text: &str) -> Cow<'_, str> {
    let held = masked(text);
    let word = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    let mut out = String::with_capacity(held.len());
    let mut rest = &*held;
    while let Some(start) = rest.find(word) {
        out.push_str(&rest[..start]);
        let run = &rest[start..];
        let end = run.find(|c: char| !word(c)).unwrap_or(run.len());
        let piece = &run[..end];
        // A JWT whole (a sentence's full stop after it is not part of it), else each part
        // between dots: a token beside a dot and more text (`lvs_….example`) was missed.
        let whole = piece.trim_end_matches('.');
        if looks_like_token(whole) {
            out.push_str("<redacted>");
            out.push_str(&piece[whole.len()..]);
        } else {
            for (n, part) in piece.split('.').enumerate() {
                if n > 0 {
                    out.push('.');
                }
                out.push_str(if looks_like_token(part) {
                    "<redacted>"
                } else {
                    part
                });
            }
        }
        rest = &run[end..];
    }
    out.push_str(rest);
    if out == *held { held } else { Cow::Owned(out) }
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn words_shaped_like_tokens_are_redacted() {
        for (given, shown) in [
            (
                "unexpected argument 'lvs_Zq3kP0aXbYcWdVeUfTgShRiQjPkOlMnN' found",
                "unexpected argument '<redacted>' found",
            ),
            (
                "`lvs_Zq3kP0aXbYcWdVeUfTgShRiQjPkOlMnN` is not a URL. give https://lvs_Zq3kP0aXbYcWdVeUfTgShRiQjPkOlMnN.",
                "`<redacted>` is not a URL. give https://<redacted>.",
            ),
            ("a eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl b", "a <redacted> b"),
            ("Zq3kP0aXbYcWdVeUfTgShRiQjPkOlMnN1234", "<redacted>"),
            // Ids, keys, UUIDs, paths, addresses and prose stay as they are.
            (
                "no intervention iv_12 in /tmp/run.journal at http://127.0.0.1:8787 ... done",
                "no intervention iv_12 in /tmp/run.journal at http://127.0.0.1:8787 ... done",
            ),
            (
                "key 0f8e2c4a-1b3d-4e5f-8a9b-0c1d2e3f4a5b",
                "key 0f8e2c4a-1b3d-4e5f-8a9b-0c1d2e3f4a5b",
            ),
            ("lvs_", "lvs_"),
        ] {
            assert_eq!(redacted(given), shown, "{given}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            rng_seed: proptest::test_runner::RngSeed::Fixed(20261202),
            ..ProptestConfig::default()
        })]
        /// Any text: no panic, nothing shaped like a token left, and done twice the same.
        #[test]
        fn redacting_any_text_leaves_no_token_and_is_stable(text in ".{0,80}", token in "lvs_[A-Za-z0-9_-]{8,40}") {
            let with = format!("{text} {token}.{text}");
            let once = redacted(&with).into_owned();
            prop_assert!(!once.contains(&token));
            prop_assert_eq!(redacted(&once).into_owned(), once.clone());
        }
    }
}
