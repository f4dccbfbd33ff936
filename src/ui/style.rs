//! Text with livectl's own colours: outside text is sanitized first, then painted, so only
//! livectl colours anything.

use super::sanitize;

/// The colours livectl paints with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Red,
    Green,
    Yellow,
    Blue,
    Grey,
}

impl Color {
    fn code(self) -> u8 {
        match self {
            Color::Red => 31,
            Color::Green => 32,
            Color::Yellow => 33,
            Color::Blue => 34,
            Color::Grey => 90,
        }
    }
}

/// A piece of text, maybe coloured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub color: Option<Color>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            color: None,
        }
    }

    pub fn painted(text: impl Into<String>, color: Color) -> Span {
        Span {
            text: text.into(),
            color: Some(color),
        }
    }

    /// Sanitized, then painted when colour is on.
    pub fn render(&self, color: bool, keep_newlines: bool) -> String {
        let text = sanitize(&self.text, keep_newlines);
        match self.color {
            Some(c) if color => format!("\x1b[{}m{text}\x1b[0m", c.code()),
            _ => text.into_owned(),
        }
    }
}

impl From<String> for Span {
    fn from(text: String) -> Span {
        Span::plain(text)
    }
}

impl From<&str> for Span {
    fn from(text: &str) -> Span {
        Span::plain(text)
    }
}

/// Lines of spans, for people.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(Vec<Vec<Span>>);

impl Text {
    pub fn new() -> Text {
        Text::default()
    }

    /// Adds a line.
    pub fn line(&mut self, spans: impl IntoIterator<Item = Span>) -> &mut Text {
        self.0.push(spans.into_iter().collect());
        self
    }

    /// Adds a line of one plain piece.
    pub fn plain(&mut self, text: impl Into<String>) -> &mut Text {
        self.line([Span::plain(text)])
    }

    /// The lines, as spans not yet sanitized (a full-screen view draws them itself).
    pub fn lines(&self) -> &[Vec<Span>] {
        &self.0
    }

    /// Each line sanitized (a newline inside a span is shown escaped) and painted.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for line in &self.0 {
            for span in line {
                out.push_str(&span.render(color, false));
            }
            out.push('\n');
        }
        out
    }
}
