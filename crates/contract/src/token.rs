//! What a token looks like, so that one given in the wrong place is never printed: the prefix
//! the sandbox issues its tokens with, and the shapes an error's text is cleared of.

use std::borrow::Cow;

/// How the sandbox's tokens begin (`lvs_` and URL-safe base64): made by the sandbox, recognised
/// by the CLI.
pub const PREFIX: &str = "lvs_";

/// Whether a word of text has a token's shape: one pasted where something else was asked
/// (`livectl login lvs_…`, `--api-url lvs_…`) was quoted back in the error. The sandbox's
/// (`PREFIX`), or a JWT (`eyJ…`, three parts). Only those: a broader guess (a long word mixing
/// capitals, small letters and digits) took cursors, paths and keys for tokens.
pub fn looks_like(word: &str) -> bool {
    let base64 = |w: &str| {
        w.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    if let Some(rest) = word.strip_prefix(PREFIX) {
        return rest.len() >= 8 && base64(rest);
    }
    word.starts_with("eyJ")
        && word.len() >= 20
        && word.split('.').count() == 3
        && word.split('.').all(base64)
}

/// `text` with every word shaped like a token (`looks_like`) replaced by `<redacted>`: for
/// errors, which quote what was given. (The tokens a client holds it takes out of what a
/// server writes itself: `livectl_client::masked`.)
pub fn redacted(text: &str) -> Cow<'_, str> {
    let held = Cow::Borrowed(text);
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
        if looks_like(whole) {
            out.push_str("<redacted>");
            out.push_str(&piece[whole.len()..]);
        } else {
            for (n, part) in piece.split('.').enumerate() {
                if n > 0 {
                    out.push('.');
                }
                out.push_str(if looks_like(part) { "<redacted>" } else { part });
            }
        }
        rest = &run[end..];
    }
    out.push_str(rest);
    if out == *held { held } else { Cow::Owned(out) }
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
            // Cursors, paths and keys of a token's look are not tokens.
            (
                "cursor `Zq3kP0aXbYcWdVeUfTgShRiQjPkOlMnN1234` is not valid",
                "cursor `Zq3kP0aXbYcWdVeUfTgShRiQjPkOlMnN1234` is not valid",
            ),
            (
                "/tmp/History_Export_2026Q4_Billing_Team.ndjson",
                "/tmp/History_Export_2026Q4_Billing_Team.ndjson",
            ),
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
