//! The contract's enumerations in their wire spelling.

/// `as_str`, `FromStr` and `Display` for the contract's enumerations, in their wire spelling.
#[macro_export]
macro_rules! words {
    ($ty:ident { $($var:ident => $s:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$var),+];
            pub const fn as_str(self) -> &'static str {
                match self { $($ty::$var => $s),+ }
            }
        }
        impl std::str::FromStr for $ty {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($s => Ok($ty::$var),)+
                    _ => Err(format!("`{s}` is not one of: {}", [$($s),+].join(", "))),
                }
            }
        }
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
