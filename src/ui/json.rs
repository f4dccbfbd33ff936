//! JSON that a terminal shows as it is: serde_json escapes the C0 controls; this escapes what it
//! leaves raw and a terminal would obey (`sanitize::obeyed`: DEL, the C1 controls, direction
//! overrides, the line and paragraph separators) as `\uXXXX`.
//! The document stays valid and means the same: those characters only occur inside strings.

use std::io::{self, Write};

/// A writer of JSON text that escapes the characters above as it passes them on.
pub struct Safe<W: Write>(pub W);

/// What `sanitize` escapes, but the C0 controls: inside strings serde_json escaped them, and
/// outside them they are the document's own newlines and indents.
fn escaped(c: char) -> bool {
    c > '\u{7e}' && super::sanitize::obeyed(c)
}

/// Whether a buffer may hold one of those characters: each starts with one of these bytes in
/// UTF-8 (DEL; C2 for the C1 controls; E2 for the marks, overrides and separators). Most JSON has none, and
/// this look is far cheaper than decoding the characters.
fn suspect(buf: &[u8]) -> bool {
    buf.iter().any(|&b| matches!(b, 0x7f | 0xc2 | 0xe2))
}

/// One serialized value made safe: the same bytes when nothing needed escaping.
pub fn safe(bytes: Vec<u8>) -> Vec<u8> {
    if !suspect(&bytes) {
        return bytes;
    }
    let mut out = Safe(Vec::with_capacity(bytes.len() + 12));
    // Writing to a Vec cannot fail.
    let _ = out.write_all(&bytes);
    out.0
}

impl<W: Write> Write for Safe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !suspect(buf) {
            return self.0.write(buf);
        }
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
        let value = serde_json::json!({"text": "abc\u{202e}fed\u{9b}2J\u{1b}\u{2028}"});
        let mut out = Safe(Vec::new());
        serde_json::to_writer(&mut out, &value).unwrap();
        let text = String::from_utf8(out.0).unwrap();
        assert_eq!(text, r#"{"text":"abc\u202efed\u009b2J\u001b\u2028"}"#);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            value
        );
        let whole = safe(serde_json::to_vec(&value).unwrap());
        assert_eq!(String::from_utf8(whole).unwrap(), text);
        let plain = serde_json::to_vec(&serde_json::json!({"text": "é ü → ok"})).unwrap();
        assert_eq!(safe(plain.clone()), plain);
    }

    /// `suspect`'s quick look keeps up with `escaped`: every character escaped starts with
    /// a byte it looks for, or it would pass raw.
    #[test]
    fn the_quick_look_sees_every_escaped_character() {
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| escaped(*c))
        {
            let mut bytes = [0; 4];
            assert!(suspect(c.encode_utf8(&mut bytes).as_bytes()), "{c:?}");
        }
    }
}
