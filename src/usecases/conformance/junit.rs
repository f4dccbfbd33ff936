//! A run as JUnit XML, for CI: one testsuite, a testcase per case (its rule as the class
//! name), failures with their evidence and skipped cases with why.

use std::fmt::Write;

use super::Report;
use crate::model::Verdict;

/// The whole document.
pub fn render(report: &Report, target: &str) -> String {
    let tests = report.cases.len();
    let failures = report.count(Verdict::Failed);
    let skipped = report.count(Verdict::Skipped);
    let time = format!("{:.3}", report.elapsed.as_secs_f64());
    let counts = format!(
        "tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\" time=\"{time}\""
    );
    let mut cases = String::new();
    for case in &report.cases {
        let open = format!(
            "    <testcase classname=\"conformance.{}\" name=\"{}\"",
            escape(&case.rule),
            escape(&case.case)
        );
        let detail = escape(&case.detail);
        match case.result {
            Verdict::Passed => {
                let _ = writeln!(cases, "{open}/>");
            }
            Verdict::Failed => {
                let _ = writeln!(
                    cases,
                    "{open}>\n      <failure message=\"{detail}\" type=\"nonconformance\">{detail}</failure>\n    </testcase>"
                );
            }
            Verdict::Skipped => {
                let _ = writeln!(
                    cases,
                    "{open}>\n      <skipped message=\"{detail}\"/>\n    </testcase>"
                );
            }
        }
    }
    document(&counts, &[("target", target), ("run", &report.run)], &cases)
}

/// The document of a suite that could not run (no API there, a token refused): one case in
/// error, with why, so CI shows a report rather than none.
pub fn error(target: &str, message: &str) -> String {
    let message = escape(message);
    let counts = "tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0.000\"";
    let case = format!(
        "    <testcase classname=\"conformance.setup\" name=\"the suite starts\">\n      <error message=\"{message}\" type=\"setup\">{message}</error>\n    </testcase>\n"
    );
    document(counts, &[("target", target)], &case)
}

/// One suite of `cases` with its `counts` and `properties`, in a whole document.
fn document(counts: &str, properties: &[(&str, &str)], cases: &str) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(xml, "<testsuites name=\"livectl conformance\" {counts}>");
    let _ = writeln!(xml, "  <testsuite name=\"livectl conformance\" {counts}>");
    let _ = writeln!(xml, "    <properties>");
    for (name, value) in properties {
        let _ = writeln!(
            xml,
            "      <property name=\"{name}\" value=\"{}\"/>",
            escape(value)
        );
    }
    let _ = writeln!(xml, "    </properties>");
    xml.push_str(cases);
    xml.push_str("  </testsuite>\n</testsuites>\n");
    xml
}

/// Text made safe for an attribute or an element: the five special characters as entities,
/// line breaks kept as character references, and characters XML 1.0 cannot hold (most control
/// characters) written out as `\u{..}`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if allowed(c) => out.push(c),
            c => out.extend(c.escape_unicode()),
        }
    }
    out
}

/// XML 1.0's `Char`, the three whitespace controls aside (escaped above).
fn allowed(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Case;

    #[test]
    fn every_case_is_a_testcase_and_outside_text_cannot_break_the_document() {
        let case = |rule: &str, name: &str, result, detail: &str| Case {
            rule: rule.into(),
            case: name.into(),
            result,
            detail: detail.into(),
        };
        let report = Report {
            run: "0badc0de".into(),
            cases: vec![
                case("problems", "404 for an unknown id", Verdict::Passed, "ok"),
                case(
                    "idempotency",
                    "same key, another body",
                    Verdict::Failed,
                    "got 200: {\"a\":\"<b>&'\u{1b}[31m\u{0}\u{FFFF}\"}\nsecond line",
                ),
                case(
                    "roles",
                    "an agent assigns to itself",
                    Verdict::Skipped,
                    "no token",
                ),
            ],
            elapsed: std::time::Duration::from_millis(1500),
        };
        let xml = render(&report, "http://127.0.0.1:1?a=1&b=2");
        assert!(xml.contains(
            "<testsuites name=\"livectl conformance\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\" time=\"1.500\">"
        ));
        assert!(xml.contains("value=\"http://127.0.0.1:1?a=1&amp;b=2\""));
        assert!(xml.contains(
            "<testcase classname=\"conformance.problems\" name=\"404 for an unknown id\"/>"
        ));
        assert!(xml.contains(
            "message=\"got 200: {&quot;a&quot;:&quot;&lt;b&gt;&amp;&apos;\\u{1b}[31m\\u{0}\\u{ffff}&quot;}&#10;second line\""
        ));
        assert!(xml.contains("<skipped message=\"no token\"/>"));
        assert!(
            !xml.chars().any(|c| c.is_control() && c != '\n'),
            "no raw control character: {xml:?}"
        );
    }
}
