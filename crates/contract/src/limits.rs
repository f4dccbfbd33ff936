//! The one table of limits: what a value may be. The sandbox enforces them (422, or 400 and 413
//! for the transport ones) and seed validation checks them before anything is sent.

/// A limit of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    /// A `key` of anything created by key.
    KeyLength,
    /// The name of an agent, user, department, topic, outcome or block.
    NameLength,
    /// An email address.
    EmailLength,
    /// An intervention's summary.
    SummaryLength,
    /// The text of one message.
    MessageLength,
    /// The reason recorded with an action.
    ReasonLength,
    /// One tag.
    TagLength,
    /// Tags on one completion.
    TagsPerCompletion,
    /// Messages given with one conversation.
    MessagesPerConversation,
    /// Actions in the life of one seeded intervention: with its conversation they fit one batch.
    ActionsPerIntervention,
    /// Operations in one `POST /v1/batch`.
    BatchOperations,
    /// Bytes in one request body.
    BodyBytes,
    /// Items in one page of a list (`?limit=`).
    PageSize,
    /// Characters in an `Idempotency-Key`.
    IdempotencyKeyLength,
    /// An agent's `max_load`: assigned interventions it takes at most.
    MaxLoad,
}

impl Limit {
    pub const ALL: &'static [Limit] = &[
        Limit::KeyLength,
        Limit::NameLength,
        Limit::EmailLength,
        Limit::SummaryLength,
        Limit::MessageLength,
        Limit::ReasonLength,
        Limit::TagLength,
        Limit::TagsPerCompletion,
        Limit::MessagesPerConversation,
        Limit::ActionsPerIntervention,
        Limit::BatchOperations,
        Limit::BodyBytes,
        Limit::PageSize,
        Limit::IdempotencyKeyLength,
        Limit::MaxLoad,
    ];

    /// The largest value allowed.
    pub const fn max(self) -> usize {
        match self {
            Limit::KeyLength | Limit::NameLength => 200,
            Limit::EmailLength => 320,
            Limit::SummaryLength => 2_000,
            Limit::MessageLength => 10_000,
            Limit::ReasonLength => 500,
            Limit::TagLength => 50,
            Limit::TagsPerCompletion => 20,
            Limit::MessagesPerConversation => 10_000,
            Limit::ActionsPerIntervention => 900,
            Limit::BatchOperations => 1_000,
            Limit::BodyBytes => 1024 * 1024,
            Limit::PageSize => 1_000,
            Limit::IdempotencyKeyLength => 255,
            Limit::MaxLoad => 10_000,
        }
    }

    /// Whether a seed document can break it; the others belong to the transport, which the
    /// seed plan keeps within by construction (batches, pages, keys).
    pub const fn applies_to_seed(self) -> bool {
        !matches!(
            self,
            Limit::BatchOperations | Limit::PageSize | Limit::IdempotencyKeyLength
        )
    }

    /// Text that must not be blank nor longer than the limit, in characters.
    pub fn text(self, value: &str) -> Result<(), String> {
        if value.trim().is_empty() {
            return Err("must not be empty".into());
        }
        self.length(value)
    }

    /// Text no longer than the limit, in characters (may be empty).
    pub fn length(self, value: &str) -> Result<(), String> {
        if value.chars().count() > self.max() {
            return Err(format!("is longer than {} characters", self.max()));
        }
        Ok(())
    }

    /// Text made to fit the limit, in characters: cut, its last character `…`, when longer
    /// (for text a program writes, such as a reason naming many agents).
    pub fn fit(self, value: String) -> String {
        if self.length(&value).is_ok() {
            return value;
        }
        let mut cut: String = value.chars().take(self.max().saturating_sub(1)).collect();
        cut.push('…');
        cut
    }

    /// A count of things no larger than the limit.
    pub fn count(self, n: usize, things: &str) -> Result<(), String> {
        if n > self.max() {
            return Err(format!("at most {} {things} may be given", self.max()));
        }
        Ok(())
    }
}

/// The most livectl reads of a seed document, which is read whole before it is checked.
pub const SEED_BYTES: u64 = 256 << 20;
/// The longest line of ids read from stdin: longer than any row livectl prints.
pub const STDIN_LINE_BYTES: u64 = 64 << 10;
/// The most read of a token piped in (`--token-stdin`).
pub const TOKEN_BYTES: u64 = 64 << 10;
/// The most read of an autopilot's rules file.
pub const RULES_FILE_BYTES: u64 = 1 << 20;
/// The most read of livectl's config or credentials file.
pub const CONFIG_FILE_BYTES: u64 = 1 << 20;

/// At most `most` bytes of `reader`, or None when it holds more: a file or a stream a user
/// names (`/dev/zero`, an endless pipe) is never read into memory without an end.
pub fn read_at_most(reader: impl std::io::Read, most: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader
        .take(most.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= most).then_some(bytes))
}

/// Why a text was not read whole (`read_text_at_most`).
#[derive(Debug)]
pub enum Unread {
    Io(std::io::Error),
    /// More than the most asked for.
    TooLarge,
    /// Not UTF-8.
    NotText,
}

/// The text of `reader`, read no further than `most` bytes (`read_at_most`): each caller says
/// in its own words why it could not be had.
pub fn read_text_at_most(reader: impl std::io::Read, most: u64) -> Result<String, Unread> {
    let bytes = read_at_most(reader, most)
        .map_err(Unread::Io)?
        .ok_or(Unread::TooLarge)?;
    String::from_utf8(bytes).map_err(|_| Unread::NotText)
}

/// A size in the unit people read it in: `1 MiB`, `64 KiB`, `300 bytes`.
pub fn bytes_said(n: u64) -> String {
    match n {
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// An agent's `max_load` as given: 0 to the limit.
pub fn max_load(value: i64) -> Result<u32, String> {
    u32::try_from(value)
        .ok()
        .filter(|n| *n as usize <= Limit::MaxLoad.max())
        .ok_or_else(|| {
            format!(
                "must be a whole number from 0 to {} (null for no limit), not {value}",
                Limit::MaxLoad.max()
            )
        })
}

/// The largest version an intervention can be named by: 18 digits, as `If-Match` takes it.
pub const VERSION_MAX: i64 = 999_999_999_999_999_999;

/// Whether `version` is one an intervention could have: a whole number from 1 to
/// `VERSION_MAX` (the sandbox's `If-Match`, a listing's `version` read from stdin).
pub fn is_version(version: i64) -> bool {
    (1..=VERSION_MAX).contains(&version)
}

/// The default page size when `?limit=` is left out.
pub const DEFAULT_PAGE_SIZE: usize = 100;

/// An email address: text within the limit with something on both sides of one `@`.
pub fn email(value: &str) -> Result<(), String> {
    Limit::EmailLength.text(value)?;
    match value.split_once('@') {
        Some((local, domain)) if !local.is_empty() && !domain.is_empty() => Ok(()),
        _ => Err(format!("`{value}` is not an email address")),
    }
}

/// A tag as stored: trimmed and lower-cased, within its limit, of letters, digits, spaces and
/// `- _ . : / # +`.
pub fn normalize_tag(tag: &str) -> Result<String, String> {
    // `İ` lowers to `i` and a combining dot in Unicode's rule, which a tag then refused for a
    // character nobody typed (`İstanbul`): it is `i`, as Turkish writes it.
    let tag = tag.trim().replace('İ', "i").to_lowercase();
    if tag.is_empty() {
        return Err("a tag must not be empty".into());
    }
    if tag.chars().count() > Limit::TagLength.max() {
        return Err(format!(
            "tag `{tag}` is longer than {} characters",
            Limit::TagLength.max()
        ));
    }
    // Control characters escaped (`\n`), every other as typed (`it's`).
    let shown = |text: &str| -> String {
        text.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect()
    };
    if let Some(bad) = tag
        .chars()
        .find(|c| !(c.is_alphanumeric() || " -_.:/#+".contains(*c)))
    {
        return Err(format!(
            "tag `{}` has the character `{}`; tags hold letters, digits, spaces and - _ . : / # +",
            shown(&tag),
            shown(&bad.to_string())
        ));
    }
    Ok(tag)
}

/// Tags of a completion: each normalized, repeats dropped, at most the limit.
pub fn tags(given: &[String]) -> Result<Vec<String>, String> {
    let mut tags = Vec::new();
    for tag in given {
        let tag = normalize_tag(tag)?;
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    Limit::TagsPerCompletion.count(tags.len(), "tags")?;
    Ok(tags)
}

/// The tags that differently spelt tags given became (`a b` and ` A B` are `a b`), each with
/// its spellings in the order given, so a client can say what `tags` kept once. Tags that do
/// not normalize are left to `tags` to refuse.
pub fn merged_tags(given: &[String]) -> Vec<(String, Vec<&str>)> {
    let mut kept: Vec<(String, Vec<&str>)> = Vec::new();
    for text in given {
        let Ok(tag) = normalize_tag(text) else {
            continue;
        };
        match kept.iter_mut().find(|(t, _)| *t == tag) {
            Some((_, spellings)) if !spellings.contains(&text.as_str()) => spellings.push(text),
            Some(_) => {}
            None => kept.push((tag, vec![text])),
        }
    }
    kept.retain(|(_, spellings)| spellings.len() > 1);
    kept
}

/// What an `Idempotency-Key` is made of, as a regex: visible ASCII characters (with
/// `Limit::IdempotencyKeyLength` for its length).
pub const IDEMPOTENCY_KEY_PATTERN: &str = "^[!-~]+$";

/// An `Idempotency-Key`: 1 to 255 visible ASCII characters.
pub fn idempotency_key(key: &str) -> Result<(), String> {
    if key.is_empty()
        || key.len() > Limit::IdempotencyKeyLength.max()
        || !key.bytes().all(|b| (0x21..0x7f).contains(&b))
    {
        return Err(format!(
            "Idempotency-Key must be 1 to {} visible ASCII characters, such as a UUID",
            Limit::IdempotencyKeyLength.max()
        ));
    }
    Ok(())
}

/// A page size: 1 to the limit, the default when not given.
pub fn page_size(limit: Option<u32>) -> Result<usize, String> {
    match limit {
        None => Ok(DEFAULT_PAGE_SIZE),
        Some(n) if n >= 1 && n as usize <= Limit::PageSize.max() => Ok(n as usize),
        Some(n) => Err(format!(
            "limit must be between 1 and {}, not {n}",
            Limit::PageSize.max()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_is_read_no_further_than_its_most() {
        assert_eq!(read_at_most(&[7u8; 10][..], 10).unwrap(), Some(vec![7; 10]));
        assert_eq!(read_at_most(&[7u8; 11][..], 10).unwrap(), None);
        // An endless one ends too.
        assert_eq!(read_at_most(std::io::repeat(0), 1 << 16).unwrap(), None);
        assert_eq!(bytes_said(1 << 20), "1 MiB");
        assert_eq!(bytes_said(256 << 20), "256 MiB");
        assert_eq!(bytes_said(64 << 10), "64 KiB");
        assert_eq!(bytes_said(1000), "1000 bytes");
    }

    #[test]
    fn spellings_of_one_tag_are_named_and_a_repeat_alike_is_not() {
        let given: Vec<String> = ["a b", "vip", " A B", "vip", "x", "A b", "$"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            merged_tags(&given),
            [("a b".to_owned(), vec!["a b", " A B", "A b"])]
        );
    }

    #[test]
    fn text_limits_count_characters_not_bytes() {
        assert!(Limit::TagLength.length(&"é".repeat(50)).is_ok());
        assert!(Limit::TagLength.length(&"é".repeat(51)).is_err());
        assert_eq!(
            Limit::NameLength.text("  "),
            Err("must not be empty".into())
        );
    }

    #[test]
    fn text_is_fitted_in_characters_and_said_to_be_cut() {
        assert_eq!(Limit::TagLength.fit("é".repeat(50)), "é".repeat(50));
        let fitted = Limit::TagLength.fit("é".repeat(60));
        assert!(Limit::TagLength.length(&fitted).is_ok());
        assert_eq!(fitted, format!("{}…", "é".repeat(49)));
    }

    #[test]
    fn tags_are_normalized_and_bounded() {
        assert_eq!(
            tags(&[" VIP ".into(), "vip".into(), "refund".into()]).unwrap(),
            ["vip", "refund"]
        );
        let many: Vec<String> = (0..21).map(|n| format!("t{n}")).collect();
        assert!(tags(&many).unwrap_err().contains("at most 20 tags"));
        assert!(normalize_tag("a<b").is_err());
        // Its capital İ is Turkish's i, not an i with a dot nobody typed (hostile-input check).
        assert_eq!(normalize_tag("İstanbul").unwrap(), "istanbul");
    }

    #[test]
    fn keys_and_pages() {
        assert!(idempotency_key("abc-123").is_ok());
        assert!(idempotency_key("").is_err());
        assert!(idempotency_key("has space").is_err());
        assert!(idempotency_key(&"k".repeat(256)).is_err());
        assert_eq!(page_size(None), Ok(100));
        assert!(page_size(Some(0)).is_err() && page_size(Some(1001)).is_err());
    }
}
