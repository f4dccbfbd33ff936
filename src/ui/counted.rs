//! How a count reads in a message: `1 intervention`, `3 interventions`, never `3 intervention(s)`.

/// `n` with the noun that fits it: `one` for 1, `many` for any other count (0 included).
pub fn counted(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1u64, "item", "items"), "1 item");
        assert_eq!(counted(0u64, "item", "items"), "0 items");
        assert_eq!(
            counted(2u32, "repeated id", "repeated ids"),
            "2 repeated ids"
        );
    }
}
