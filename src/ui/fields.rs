//! A row described once: each field of its JSON and CSV, in their order, with its CSV value and
//! how the table shows it. A `Row`'s lists (`FIELDS`, `CSV`, `COLUMNS`, `TITLED`), its cells and
//! its record all come from that one list, so a field one format carries cannot be left out of
//! another by forgetting a second list (`config profiles` had `allow_insecure_http` in its JSON
//! and CSV, and no column for it). `ProfileRow` is written so.

use super::Span;

/// A field of a row as every format writes it.
pub(super) struct Field<T> {
    /// Its name in the JSON and in the CSV's header.
    pub name: &'static str,
    /// Its CSV value: raw, as the JSON has it.
    pub csv: fn(&T) -> String,
    /// How the table shows it.
    pub column: Column<T>,
}

/// How the table shows a field.
pub(super) enum Column<T> {
    /// Not at all: the JSON and the CSV carry it.
    Hidden,
    /// In a column of its own, after those that lead, in the order of the fields.
    Shown(Cell<T>),
    /// In a column of its own before the others: a mark (`*` for the profile runs use, as
    /// kubectl's CURRENT).
    Leading(Cell<T>),
}

/// A field's column in the table.
pub(super) struct Cell<T> {
    /// Its title, when it is not the field's name (`token` for `logged_in`), for `--sort` too.
    pub title: Option<&'static str>,
    /// What people read: `-` for nothing, `yes`, `stored`.
    pub cell: fn(&T) -> Span,
}

impl<T> Column<T> {
    const fn cell(&self) -> Option<&Cell<T>> {
        match self {
            Column::Hidden => None,
            Column::Shown(cell) | Column::Leading(cell) => Some(cell),
        }
    }
}

/// The fields' names, in their order: `Row::FIELDS` and `Row::CSV`.
pub(super) const fn names<T, const N: usize>(fields: &[Field<T>]) -> [&'static str; N] {
    let mut names = [""; N];
    let mut i = 0;
    while i < N {
        names[i] = fields[i].name;
        i += 1;
    }
    names
}

/// How many fields the table shows: the length of `table`'s order.
pub(super) const fn count_shown<T>(fields: &[Field<T>]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < fields.len() {
        if fields[i].column.cell().is_some() {
            count += 1;
        }
        i += 1;
    }
    count
}

/// The fields the table shows, in its order, by their place in `fields`: those that lead,
/// then the others.
pub(super) const fn table<T, const N: usize>(fields: &[Field<T>]) -> [usize; N] {
    let mut order = [0; N];
    let mut placed = 0;
    let mut leading = true;
    loop {
        let mut i = 0;
        while i < fields.len() {
            let place = match fields[i].column {
                Column::Hidden => None,
                Column::Leading(_) => Some(true),
                Column::Shown(_) => Some(false),
            };
            if let Some(leads) = place
                && leads == leading
            {
                order[placed] = i;
                placed += 1;
            }
            i += 1;
        }
        if !leading {
            return order;
        }
        leading = false;
    }
}

/// The table's column titles, for the fields in `order` (`table`): `Row::COLUMNS`.
pub(super) const fn titles<T, const N: usize>(
    fields: &[Field<T>],
    order: &[usize; N],
) -> [&'static str; N] {
    let mut titles = [""; N];
    let mut i = 0;
    while i < N {
        let field = &fields[order[i]];
        titles[i] = match field.column.cell() {
            Some(Cell {
                title: Some(title), ..
            }) => title,
            _ => field.name,
        };
        i += 1;
    }
    titles
}

/// How many fields have a title of their own.
pub(super) const fn count_titled<T>(fields: &[Field<T>]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < fields.len() {
        if let Some(Cell { title: Some(_), .. }) = fields[i].column.cell() {
            count += 1;
        }
        i += 1;
    }
    count
}

/// Each title that is not its field's name, with that field: `Row::TITLED`.
pub(super) const fn titled<T, const N: usize>(
    fields: &[Field<T>],
) -> [(&'static str, &'static str); N] {
    let mut titled = [("", ""); N];
    let mut found = 0;
    let mut i = 0;
    while i < fields.len() {
        if let Some(Cell {
            title: Some(title), ..
        }) = fields[i].column.cell()
        {
            titled[found] = (title, fields[i].name);
            found += 1;
        }
        i += 1;
    }
    titled
}

/// The cells of `row`, in the table's `order`: `Row::cells`.
pub(super) fn cells<T>(fields: &[Field<T>], order: &[usize], row: &T) -> Vec<Span> {
    order
        .iter()
        .filter_map(|&i| fields[i].column.cell())
        .map(|column| (column.cell)(row))
        .collect()
}

/// The CSV record of `row`: `Row::record`.
pub(super) fn record<T>(fields: &[Field<T>], row: &T) -> Vec<String> {
    fields.iter().map(|field| (field.csv)(row)).collect()
}
