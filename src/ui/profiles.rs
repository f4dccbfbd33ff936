//! How a profile of config.toml prints as a row of `livectl config profiles`: described once,
//! field by field (`fields.rs`), for the table, the CSV and `--sort` alike.

use super::fields::{self, Cell, Column, Field};
use super::rows::opt;
use super::{Row, Span, View};
use crate::model::ProfileRow;

/// A profile's fields, in the order of its JSON and CSV (`allow_insecure_http` last, so a script
/// reading the CSV by position reads as before), each with how the table shows it.
const PROFILE: &[Field<ProfileRow>] = &[
    Field {
        name: "name",
        csv: |p| p.name.clone(),
        column: Column::Shown(Cell {
            title: None,
            cell: |p| p.name.as_str().into(),
        }),
    },
    Field {
        name: "current",
        csv: |p| p.current.to_string(),
        column: Column::Leading(Cell {
            title: None,
            cell: |p| if p.current { "*" } else { "" }.into(),
        }),
    },
    Field {
        name: "default",
        csv: |p| p.default.to_string(),
        column: Column::Shown(Cell {
            title: None,
            cell: |p| yes(p.default),
        }),
    },
    Field {
        name: "api_url",
        csv: |p| opt(&p.api_url),
        column: Column::Shown(Cell {
            title: None,
            cell: |p| dash(&p.api_url),
        }),
    },
    Field {
        name: "workspace",
        csv: |p| opt(&p.workspace),
        column: Column::Shown(Cell {
            title: None,
            cell: |p| dash(&p.workspace),
        }),
    },
    // The format runs write by default: how output looks, not where runs go.
    Field {
        name: "output",
        csv: |p| opt(&p.output),
        column: Column::Hidden,
    },
    Field {
        name: "logged_in",
        csv: |p| p.logged_in.to_string(),
        column: Column::Shown(Cell {
            title: Some("token"),
            cell: |p| {
                match (p.logged_in, p.token_elsewhere) {
                    (true, _) => "stored",
                    (false, true) => "for another address",
                    (false, false) => "none",
                }
                .into()
            },
        }),
    },
    Field {
        name: "allow_insecure_http",
        csv: |p| p.allow_insecure_http.to_string(),
        column: Column::Shown(Cell {
            title: None,
            cell: |p| yes(p.allow_insecure_http),
        }),
    },
];

/// `PROFILE`'s fields in the table's order.
const PROFILE_TABLE: [usize; fields::count_shown(PROFILE)] = fields::table(PROFILE);

/// A value that may be missing, as a table shows it: `-` for none.
fn dash(v: &Option<String>) -> Span {
    v.clone().unwrap_or_else(|| "-".into()).into()
}

/// A yes or no, as a table shows it: `yes`, or `-`.
fn yes(v: bool) -> Span {
    if v { "yes" } else { "-" }.into()
}

impl Row for ProfileRow {
    const FIELDS: &'static [&'static str] = &fields::names::<_, { PROFILE.len() }>(PROFILE);
    const COLUMNS: &'static [&'static str] = &fields::titles(PROFILE, &PROFILE_TABLE);
    const CSV: &'static [&'static str] = Self::FIELDS;
    const TITLED: &'static [(&'static str, &'static str)] =
        &fields::titled::<_, { fields::count_titled(PROFILE) }>(PROFILE);
    fn id(&self) -> &str {
        &self.name
    }
    fn cells(&self, _: &View) -> Vec<Span> {
        fields::cells(PROFILE, &PROFILE_TABLE, self)
    }
    fn record(&self) -> Vec<String> {
        fields::record(PROFILE, self)
    }
    json_is_serde!();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A profile's one list of fields gives the JSON's order to the CSV, and the table its
    /// columns: the mark first, then every field but `output`, `logged_in` titled `token`.
    #[test]
    fn a_profile_row_comes_from_one_list_of_fields() {
        assert_eq!(
            ProfileRow::CSV,
            [
                "name",
                "current",
                "default",
                "api_url",
                "workspace",
                "output",
                "logged_in",
                "allow_insecure_http"
            ]
        );
        assert_eq!(
            ProfileRow::COLUMNS,
            [
                "current",
                "name",
                "default",
                "api_url",
                "workspace",
                "token",
                "allow_insecure_http"
            ]
        );
        assert_eq!(ProfileRow::TITLED, [("token", "logged_in")]);
    }
}
