//! How the table of limits and the other rules on values read in the OpenAPI document: the
//! schemas that request fields, query parameters and headers point to with `schema_with`, each
//! built from the rule it describes, so the document says exactly what the sandbox enforces.

use utoipa::openapi::schema::{
    ArrayBuilder, KnownFormat, Object, ObjectBuilder, SchemaFormat, SchemaType, Type,
};

use crate::ids::Kind;
use crate::limits::Limit;
use crate::models::InterventionState;

/// What `str::trim` removes (Rust's `char::is_whitespace`), as the inside of a regex class that
/// ECMA-262 and Python read alike.
const WHITESPACE: &str = r"\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

/// A regex that text which is not blank matches: one character that `trim` keeps.
pub fn non_blank() -> String {
    format!("[^{WHITESPACE}]")
}

fn string(nullable: bool) -> ObjectBuilder {
    if nullable {
        ObjectBuilder::new().schema_type(SchemaType::from_iter([Type::String, Type::Null]))
    } else {
        ObjectBuilder::new().schema_type(Type::String)
    }
}

/// Text that must not be blank, of at most the limit in characters (`Limit::text`).
fn text(limit: Limit, nullable: bool) -> ObjectBuilder {
    string(nullable)
        .min_length(Some(1))
        .max_length(Some(limit.max()))
        .pattern(Some(non_blank()))
}

/// A `key` of anything created by key.
pub fn key() -> Object {
    text(Limit::KeyLength, false)
        .description(Some(format!(
            "The caller's key: creating the same key again updates in place (an upsert). {}",
            crate::ids::key_rule()
        )))
        .build()
}

/// The name of an agent, user, department, topic, outcome or block.
pub fn name() -> Object {
    text(Limit::NameLength, false).build()
}

/// An intervention's summary.
pub fn summary() -> Object {
    text(Limit::SummaryLength, false).build()
}

/// The text of one message.
pub fn message_text() -> Object {
    text(Limit::MessageLength, false).build()
}

fn email_of(nullable: bool) -> Object {
    // `limits::email`: something on both sides of the first `@`, within the limit. No `format:
    // email`: the sandbox accepts addresses such a format refuses (`Ø@p`).
    string(nullable)
        .max_length(Some(Limit::EmailLength.max()))
        .pattern(Some(r"^[^@]+@[\s\S]"))
        .build()
}

/// An agent's email address.
pub fn email() -> Object {
    email_of(false)
}

/// A user's email address, when known.
pub fn optional_email() -> Object {
    email_of(true)
}

/// The reason recorded with an action (may be empty).
pub fn reason() -> Object {
    string(true)
        .max_length(Some(Limit::ReasonLength.max()))
        .description(Some(
            "Recorded with the event; at most the limit in characters.",
        ))
        .build()
}

/// The tags of a completion, as given: each is trimmed and lower-cased before it is checked.
pub fn tags() -> utoipa::openapi::schema::Array {
    ArrayBuilder::new()
        .items(string(false).pattern(Some(non_blank())))
        .description(Some(format!(
            "Free text, each trimmed and lower-cased, then of at most {} characters among \
             letters, digits, spaces and `- _ . : / # +`; repeats are dropped, and at most {} \
             tags remain.",
            Limit::TagLength.max(),
            Limit::TagsPerCompletion.max()
        )))
        .build()
}

/// An instant, as RFC 3339 text.
pub fn timestamp() -> Object {
    string(false)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
        .build()
}

/// An instant, or null.
pub fn optional_timestamp() -> Object {
    string(true)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
        .build()
}

fn integer(nullable: bool) -> ObjectBuilder {
    if nullable {
        ObjectBuilder::new().schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
    } else {
        ObjectBuilder::new().schema_type(Type::Integer)
    }
}

/// An agent's `max_load`, as answered: 0 to the limit, or null for no limit.
pub fn max_load() -> Object {
    integer(true)
        .minimum(Some(0))
        .maximum(Some(Limit::MaxLoad.max() as u64))
        .description(Some(
            "How many assigned interventions the agent takes at most; null for no limit.",
        ))
        .build()
}

/// An agent's `max_load`, as given: 0 to the limit (422 otherwise), null or left out for none.
pub fn max_load_input() -> Object {
    integer(true)
        .minimum(Some(0))
        .maximum(Some(Limit::MaxLoad.max() as u64))
        .description(Some(format!(
            "How many assigned interventions the agent takes at most, 0 to {}: an assign or \
             reassign past it is 409 `at_capacity`. Null or left out: no limit.",
            Limit::MaxLoad.max()
        )))
        .build()
}

/// An agent's `status_since` as an upsert takes it.
pub fn status_since_input() -> Object {
    string(true)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
        .description(Some(
            "When the status began (seeding a workspace whose agents went away or offline \
             earlier): it counts when the upsert creates the agent or changes its status, and \
             dates that change's `status` event. Not after now, with a minute of leeway for a clock ahead (422). Now when left out; an \
             upsert that leaves the status as it was keeps the agent's own.",
        ))
        .build()
}

/// `?limit=`: a page size from 1 to the limit.
pub fn page_size() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(1))
        .maximum(Some(Limit::PageSize.max() as u64))
        .description(Some(format!(
            "Items in the page: 1 to {} (default {}).",
            Limit::PageSize.max(),
            crate::limits::DEFAULT_PAGE_SIZE
        )))
        .build()
}

/// `?cursor=`: the `next_cursor` of a page of the same list, opaque, in URL-safe base64.
pub fn cursor() -> Object {
    string(false)
        .min_length(Some(1))
        .pattern(Some("^[A-Za-z0-9_-]+$"))
        .description(Some(
            "The `next_cursor` of the previous page of the same list, as it was given (opaque); \
             another value is 400.",
        ))
        .build()
}

/// An id of one kind, or one of a few words, as a filter takes it (malformed is 400, unknown 422).
fn id_filter(kind: Kind, words: &[&str], description: &str) -> Object {
    let mut choices: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    choices.push(kind.pattern());
    string(false)
        .pattern(Some(format!("^({})$", choices.join("|"))))
        .description(Some(description))
        .build()
}

/// `?owner=`.
pub fn owner_filter() -> Object {
    id_filter(
        Kind::Agent,
        &[crate::NONE],
        &format!(
            "An agent id, or `{}` for interventions without an owner.",
            crate::NONE
        ),
    )
}

/// `?department=`.
pub fn department_filter() -> Object {
    id_filter(Kind::Department, &[], "A department id.")
}

/// `?intervention_id=`.
pub fn intervention_filter() -> Object {
    id_filter(Kind::Intervention, &[], "An intervention id.")
}

/// `?actor=`.
pub fn actor_filter() -> Object {
    id_filter(Kind::Agent, &["system"], "An agent id, or `system`.")
}

/// `?user=`.
pub fn user_filter() -> Object {
    id_filter(Kind::User, &[], "A user id.")
}

/// `?state=`: one state or a comma-separated list, each maybe with spaces around it.
pub fn states() -> Object {
    let words: Vec<&str> = InterventionState::ALL.iter().map(|s| s.as_str()).collect();
    let one = format!("[{WHITESPACE}]*({})[{WHITESPACE}]*", words.join("|"));
    string(false)
        .pattern(Some(format!("^{one}(,{one})*$")))
        .description(Some(
            "One state or a comma-separated list, such as `queued,assigned`; every state when \
             left out.",
        ))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_means_what_trim_removes() {
        let spaces: Vec<u32> = (0..=0x10FFFF_u32)
            .filter(|c| char::from_u32(*c).is_some_and(char::is_whitespace))
            .collect();
        let write = |c: u32| match c {
            0x09 => r"\t".to_owned(),
            0x0d => r"\r".to_owned(),
            0x20 => " ".to_owned(),
            _ => format!(r"\u{c:04x}"),
        };
        let mut class = String::new();
        let mut i = 0;
        while i < spaces.len() {
            let mut j = i;
            while j + 1 < spaces.len() && spaces[j + 1] == spaces[j] + 1 {
                j += 1;
            }
            class += &match j - i {
                0 => write(spaces[i]),
                1 => write(spaces[i]) + &write(spaces[j]),
                _ => format!("{}-{}", write(spaces[i]), write(spaces[j])),
            };
            i = j + 1;
        }
        assert_eq!(
            class, WHITESPACE,
            "WHITESPACE must be what char::is_whitespace accepts"
        );
    }
}
