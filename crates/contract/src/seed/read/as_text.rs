//! A boolean, a number, null, a list or a mapping where text is expected, said in the
//! document's words and as written: YAML reads `true`, `42`, `0x2A`, `~` or nothing unquoted as such values, and a
//! field that asks for text refuses them (`requests::text`) rather than take the words they
//! look like.

use super::Text;

/// The document's words for a parser's `invalid type: boolean `true`, expected a string` at
/// `field` on `line`, or None for any other message.
pub(super) fn not_text(
    lines: &Text,
    field: &str,
    line: Option<usize>,
    message: &str,
) -> Option<String> {
    let found = message
        .strip_prefix("invalid type: ")?
        .strip_suffix(", expected a string")?;
    // The field's name, to read its value on its line (`name: true`, `"name": true,`); an
    // item of a list (`tags[1]`) is not read there.
    let name = field.rsplit('.').next().filter(|n| !n.ends_with(']'));
    let written = line
        .zip(name)
        .and_then(|(l, name)| lines.written_at(l, name));
    let quote = |w: &str| {
        let what = if w.chars().all(char::is_alphabetic) {
            "word"
        } else {
            "text"
        };
        format!("write \"{w}\" in quotes if you mean the {what}")
    };
    let quoted = |what: &str| {
        found
            .strip_prefix(what)?
            .strip_prefix('`')?
            .strip_suffix('`')
    };
    if let Some(read) = quoted("boolean ") {
        let w = written
            .filter(|w| w.eq_ignore_ascii_case(read))
            .unwrap_or(read);
        return Some(format!(
            "must be text, not the boolean {read}; {}",
            quote(w)
        ));
    }
    if let Some(read) = quoted("integer ").or_else(|| quoted("floating point ")) {
        // As written (`0x2A`, `3.50`), where the parser's reading would say 42 or 3.5.
        let numeric = |w: &&str| w.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c));
        let w = written.filter(numeric).unwrap_or(read);
        return Some(format!("must be text, not the number {w}; {}", quote(w)));
    }
    // A list or a mapping: said as such, in the words every problem uses (`super::found`),
    // not serde's ("sequence", "map").
    if matches!(found, "sequence" | "map") {
        return Some(format!("must be text, not {}", super::found(found)));
    }
    if found == "null" {
        return Some(match written {
            Some("") => "must be text, not left empty".to_owned(),
            Some(w @ ("~" | "null" | "Null" | "NULL")) => {
                format!("must be text, not null; {}", quote(w))
            }
            _ => "must be text, not null".to_owned(),
        });
    }
    None
}
