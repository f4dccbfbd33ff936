//! A value as written, every value kept: what a seed document's entries are read alone from
//! when the whole parse stops, and what an agent's `max_load` is read as. YAML's own value type
//! and JSON's refuse an integer beyond 64 bits, which would leave every other entry unread, or
//! a `max_load` not said as a value out of range.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Written {
    Null,
    Bool(bool),
    Int(i128),
    Whole(u128),
    Float(f64),
    Text(String),
    List(Vec<Written>),
    Map(Vec<(Written, Written)>),
}

impl Written {
    /// The value of a map's `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&Written> {
        match self {
            Written::Map(entries) => entries
                .iter()
                .find(|(k, _)| matches!(k, Written::Text(k) if k == name))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// As JSON: an integer beyond 64 bits as the nearest float, a float that is not a number
    /// (`.nan`) as its text, a map's keys as text.
    pub(crate) fn into_json(self) -> serde_json::Value {
        use serde_json::Value;
        let float = |v: f64| {
            serde_json::Number::from_f64(v).map_or_else(|| v.to_string().into(), Value::Number)
        };
        match self {
            Written::Null => Value::Null,
            Written::Bool(v) => v.into(),
            Written::Int(v) => i64::try_from(v).map_or_else(|_| float(v as f64), Value::from),
            Written::Whole(v) => u64::try_from(v).map_or_else(|_| float(v as f64), Value::from),
            Written::Float(v) => float(v),
            Written::Text(v) => v.into(),
            Written::List(items) => items.into_iter().map(Written::into_json).collect(),
            Written::Map(entries) => Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| {
                        let key = match k.into_json() {
                            Value::String(text) => text,
                            other => other.to_string(),
                        };
                        (key, v.into_json())
                    })
                    .collect(),
            ),
        }
    }

    /// An entry's key as text, also when written as a number (`key: 7`).
    pub(crate) fn key(&self) -> Option<String> {
        match self.get("key")? {
            Written::Text(k) => Some(k.clone()),
            Written::Int(n) => Some(n.to_string()),
            Written::Whole(n) => Some(n.to_string()),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Written, D::Error> {
        struct Any;
        impl<'de> Visitor<'de> for Any {
            type Value = Written;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Written, E> {
                Ok(Written::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Written, E> {
                Ok(Written::Int(v.into()))
            }
            fn visit_i128<E>(self, v: i128) -> Result<Written, E> {
                Ok(Written::Int(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Written, E> {
                Ok(Written::Whole(v.into()))
            }
            fn visit_u128<E>(self, v: u128) -> Result<Written, E> {
                Ok(Written::Whole(v))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Written, E> {
                Ok(Written::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Written, E> {
                Ok(Written::Text(v.to_owned()))
            }
            fn visit_unit<E>(self) -> Result<Written, E> {
                Ok(Written::Null)
            }
            fn visit_none<E>(self) -> Result<Written, E> {
                Ok(Written::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Written, D::Error> {
                Written::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Written, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Written::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Written, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Written::Map(entries))
            }
            fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<Written, A::Error> {
                Err(de::Error::custom(
                    "a tagged value (`!tag`) is not part of a seed file",
                ))
            }
        }
        deserializer.deserialize_any(Any)
    }
}

impl Serialize for Written {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Written::Null => s.serialize_unit(),
            Written::Bool(v) => s.serialize_bool(*v),
            Written::Int(v) => s.serialize_i128(*v),
            Written::Whole(v) => s.serialize_u128(*v),
            Written::Float(v) => s.serialize_f64(*v),
            Written::Text(v) => s.serialize_str(v),
            Written::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Written::Map(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}
