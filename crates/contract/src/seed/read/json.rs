//! Where each value of a JSON document stands: the line of every member's name and of every
//! item's start, by its path as problems name it (`conversations[0].messages[1].text`), found
//! by walking the text once, as `Text::locate` walks YAML by its indentation.

use std::collections::HashMap;

/// The 1-based line of every path of `text`; None when it is not a JSON object (a YAML flow
/// mapping is walked as YAML), or nests deeper than any seed document.
pub(super) fn places(text: &str) -> Option<HashMap<String, usize>> {
    let mut walk = Walk {
        bytes: text.as_bytes(),
        at: 0,
        line: 1,
        places: HashMap::new(),
    };
    walk.space();
    if walk.peek() != Some(b'{') {
        return None;
    }
    walk.value("", 0)?;
    walk.space();
    (walk.at == walk.bytes.len()).then_some(walk.places)
}

/// serde_json's own limit: no seed document is deeper.
const DEPTH: usize = 128;

struct Walk<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
    places: HashMap<String, usize>,
}

impl Walk<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        if b == b'\n' {
            self.line += 1;
        }
        Some(b)
    }

    fn space(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.bump();
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.space();
        (self.bump()? == byte).then_some(())
    }

    /// A value at `path`, its places and its children's recorded.
    fn value(&mut self, path: &str, depth: usize) -> Option<()> {
        if depth > DEPTH {
            return None;
        }
        self.space();
        match self.peek()? {
            b'{' => {
                self.bump();
                self.space();
                if self.peek() == Some(b'}') {
                    self.bump();
                    return Some(());
                }
                loop {
                    self.space();
                    let line = self.line;
                    let name = self.string()?;
                    let path = if path.is_empty() {
                        name
                    } else {
                        format!("{path}.{name}")
                    };
                    // The first of a repeated name, as a repeat is said where it stands.
                    self.places.entry(path.clone()).or_insert(line);
                    self.expect(b':')?;
                    self.value(&path, depth + 1)?;
                    self.space();
                    match self.bump()? {
                        b',' => continue,
                        b'}' => return Some(()),
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.bump();
                self.space();
                if self.peek() == Some(b']') {
                    self.bump();
                    return Some(());
                }
                for n in 0.. {
                    self.space();
                    let item = format!("{path}[{n}]");
                    self.places.insert(item.clone(), self.line);
                    self.value(&item, depth + 1)?;
                    self.space();
                    match self.bump()? {
                        b',' => continue,
                        b']' => return Some(()),
                        _ => return None,
                    }
                }
                None
            }
            b'"' => self.string().map(drop),
            _ => {
                // A number, true, false or null: up to what ends it.
                let start = self.at;
                while self
                    .peek()
                    .is_some_and(|b| !b.is_ascii_whitespace() && !b",]}".contains(&b))
                {
                    self.bump();
                }
                (self.at > start).then_some(())
            }
        }
    }

    /// A string, unescaped as a parser reads it.
    fn string(&mut self) -> Option<String> {
        let start = self.at;
        if self.bump()? != b'"' {
            return None;
        }
        loop {
            match self.bump()? {
                b'"' => break,
                b'\\' => {
                    self.bump()?;
                }
                _ => {}
            }
        }
        let raw = std::str::from_utf8(&self.bytes[start..self.at]).ok()?;
        serde_json::from_str(raw).ok()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};

    use super::places;

    fn config() -> Config {
        Config {
            cases: 1024,
            rng_seed: RngSeed::Fixed(20261130),
            failure_persistence: None,
            ..Config::default()
        }
    }

    proptest! {
        #![proptest_config(config())]

        /// Any text is walked or refused, never a panic; what serde_json reads as an object
        /// is walked.
        #[test]
        fn any_text_is_walked_or_refused(text in "[{}\\[\\]\",:a-c0-9 \n\\\\]{0,40}|\\PC{0,40}") {
            let walked = places(&text);
            if let Ok(serde_json::Value::Object(_)) = serde_json::from_str(&text) {
                prop_assert!(walked.is_some(), "{:?}", text);
            }
        }
    }

    #[test]
    fn every_member_and_item_is_at_its_own_line() {
        let text =
            "{\"a\": [\n  {\"k\": \"a\",\n   \"b\": {\"c\": [1,\n 2]}}],\n \"d\\u0065\": null}";
        let found = places(text).unwrap();
        let at = |p: &str| found.get(p).copied();
        assert_eq!(at("a"), Some(1));
        assert_eq!(at("a[0]"), Some(2));
        assert_eq!(at("a[0].k"), Some(2));
        assert_eq!(at("a[0].b"), Some(3));
        assert_eq!(at("a[0].b.c[1]"), Some(4));
        assert_eq!(at("de"), Some(5));
        assert_eq!(at("a[1]"), None);
    }

    #[test]
    fn what_is_not_a_json_object_has_no_places() {
        for text in [
            "[1]",
            "{a: 1}",
            "{\"a\": 1",
            "{\"a\": 1} x",
            "",
            "{\"a\": [,]}",
        ] {
            assert_eq!(places(text), None, "{text}");
        }
        let deep = format!("{{\"a\": {}{}}}", "[".repeat(500), "]".repeat(500));
        assert_eq!(places(&deep), None);
    }
}
