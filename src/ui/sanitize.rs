//! Text from users, files and the platform made safe for a terminal.

use std::borrow::Cow;

/// Whether a terminal (or what shows its text) would act on `c` rather than show it: a control
/// character, a direction override (`ids::reorders`), or the line and paragraph separators,
/// which some terminals and most viewers break lines at, so that text from outside could begin
/// a line that reads as livectl's. The one list `sanitize` and JSON output (`json::Safe`) use.
pub fn obeyed(c: char) -> bool {
    c.is_control() || livectl_contract::ids::reorders(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Text from users, files and the platform (chat messages, names, ids, problem details) made
/// safe for a terminal: what a terminal would obey (`obeyed`) is shown escaped (`\u{1b}`,
/// `\u{202e}`), so text cannot move the cursor, retitle the window, colour itself, hide what
/// follows or break a line. livectl's own colours are applied after this, by the writer.
/// With `layout`, text laid out in lines and columns keeps its newlines and tabs.
pub fn sanitize(text: &str, layout: bool) -> Cow<'_, str> {
    let harmless = |c: char| !obeyed(c) || (layout && matches!(c, '\n' | '\t'));
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
        assert_eq!(
            sanitize("hi\u{2028}hint: x\u{2029}", true),
            "hi\\u{2028}hint: x\\u{2029}"
        );
    }
}
