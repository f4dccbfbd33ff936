//! JSON that a terminal shows as it is: serde_json escapes the C0 controls; this escapes what it
//! leaves raw and a terminal would obey (DEL, the C1 controls, direction overrides) as `\uXXXX`.
//! The document stays valid and means the same: those characters only occur inside strings.

use std::io::{self, Write};

/// A writer of JSON text that escapes the characters above as it passes them on.
pub struct Safe<W: Write>(pub W);

fn escaped(c: char) -> bool {
    matches!(c,
        '\u{7f}'..='\u{9f}'
        | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

impl<W: Write> Write for Safe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // serde_json writes whole characters per call, so a buffer never splits one; a buffer that
        // is not UTF-8 is passed on untouched.
        let Ok(text) = std::str::from_utf8(buf) else {
            return self.0.write(buf);
        };
        if !text.chars().any(escaped) {
            return self.0.write(buf);
        }
        let mut out = String::with_capacity(text.len() + 12);
        for c in text.chars() {
            if escaped(c) {
                out.push_str(&format!("\\u{:04x}", c as u32));
            } else {
                out.push(c);
            }
        }
        self.0.write_all(out.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_stays_valid_and_means_the_same() {
        let value = serde_json::json!({"text": "abc\u{202e}fed\u{9b}2J\u{1b}"});
        let mut out = Safe(Vec::new());
        serde_json::to_writer(&mut out, &value).unwrap();
        let text = String::from_utf8(out.0).unwrap();
        assert_eq!(text, r#"{"text":"abc\u202efed\u009b2J\u001b"}"#);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            value
        );
    }
}
