//! Lines wrapped to a width, their styles kept: the console's history and its status line.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// A line cut into lines of at most `width` columns, the rest indented under it: a long
/// message in the history showed its first 37 characters, and an error on the status line
/// was cut at the terminal's edge (on-call check).
pub(super) fn wrapped(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    const INDENT: &str = "    ";
    let whole: usize = line.spans.iter().map(|s| columns(&s.content)).sum();
    if whole <= width || width <= INDENT.len() + 1 {
        return vec![line];
    }
    let mut lines = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for span in line.spans {
        let mut text = String::new();
        // Grapheme by grapheme, as ratatui draws them (see `fitted`).
        for g in graphemes(&span.content) {
            let w = g.width();
            if used + w > width {
                // At the last space of this span when the word after it fits on the next
                // line, else where it is full (a longer word overflowed the width).
                let carried = match text.rfind(' ') {
                    Some(at)
                        if g != " " && INDENT.len() + columns(&text[at + 1..]) + w <= width =>
                    {
                        text.split_off(at + 1)
                    }
                    _ => String::new(),
                };
                current.push(Span::styled(std::mem::take(&mut text), span.style));
                lines.push(Line::from(std::mem::take(&mut current)));
                current.push(Span::raw(INDENT));
                used = INDENT.len() + columns(&carried);
                text = carried;
                if g == " " {
                    continue;
                }
            }
            text.push_str(g);
            used += w;
        }
        current.push(Span::styled(text, span.style));
    }
    lines.push(Line::from(current));
    lines
}

/// A cell's span cut to `width` columns, ending in `…` when it held more: a table's column
/// cut "Wilhelmina Ba" with nothing to say it went on (on-call check). Measured grapheme by
/// grapheme, as ratatui draws: an emoji with its variation selector takes two columns, a family
/// joined by ZWJ two in all (counted by character, a row of hearts was cut with no `…`: review).
pub(super) fn fitted(span: Span<'static>, width: usize) -> Span<'static> {
    if columns(&span.content) <= width {
        return span;
    }
    let mut text = String::new();
    let mut used = 0;
    for grapheme in graphemes(&span.content) {
        let w = grapheme.width();
        if used + w + 1 > width {
            break;
        }
        text.push_str(grapheme);
        used += w;
    }
    if width > 0 {
        text.push('…');
    }
    Span::styled(text, span.style)
}

/// The graphemes of `text`, as ratatui draws them one cell (or two) each.
fn graphemes(text: &str) -> impl Iterator<Item = &str> {
    unicode_segmentation::UnicodeSegmentation::graphemes(text, true)
}

/// The columns a terminal gives `text`.
fn columns(text: &str) -> usize {
    graphemes(text).map(UnicodeWidthStr::width).sum()
}

#[cfg(test)]
mod tests {
    use super::wrapped;
    use ratatui::text::Line;

    fn texts(line: &str, width: usize) -> Vec<String> {
        wrapped(Line::from(line.to_owned()), width)
            .iter()
            .map(|l| l.to_string())
            .collect()
    }

    #[test]
    fn a_cell_too_wide_ends_in_an_ellipsis_within_its_width() {
        let fit = |text: &str, width| super::fitted(text.to_owned().into(), width).content;
        assert_eq!(fit("Bo Chen", 12), "Bo Chen");
        assert_eq!(fit("Wilhelmina Barrington", 12), "Wilhelmina …");
        assert_eq!(fit("exactly12col", 12), "exactly12col");
        // A wide character that would cross the width is left out whole.
        assert_eq!(fit("ab東京", 4), "ab…");
        assert_eq!(fit("abc", 0), "");
        // Graphemes as ratatui draws them: a heart with its selector is two columns, a family
        // joined by ZWJ two in all.
        assert_eq!(fit("Ana ❤️❤️❤️❤️❤️❤️❤️", 12), "Ana ❤️❤️❤️…");
        assert_eq!(fit("👨‍👩‍👧 family name", 12), "👨‍👩‍👧 family n…");
    }

    #[test]
    fn words_wrap_under_an_indent_and_a_word_too_long_is_cut_at_the_width() {
        assert_eq!(
            texts("one two three four", 10),
            ["one two ", "    three ", "    four"]
        );
        let long = texts("a verylongwordindeed b", 10);
        assert!(long.iter().all(|l| l.chars().count() <= 10), "{long:?}");
        assert_eq!(long.concat().replace(' ', ""), "averylongwordindeedb");
        // Each line within the width as ratatui measures it: a heart with its selector takes
        // two columns (it was counted as one, and the line overflowed).
        let hearts = texts("love ❤️❤️❤️❤️❤️ you", 10);
        assert!(
            hearts.iter().all(|l| Line::from(l.as_str()).width() <= 10),
            "{hearts:?}"
        );
    }
}
