//! The campaign with serde (feature `serde`). The derives on the model are the campaign's
//! schema; this file holds the few rules an attribute cannot say, each as the small reader
//! (`read.rs`) has it: null means absent, a whole number may be written `8000.0`, and
//! `languages` and `strings` keep their order. A differential test (`tests/soak`) feeds the
//! same documents to both readers and requires the same campaign or a rejection from both.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use super::model::ApiConfig;
use super::{Campaign, CampaignError};
use crate::json::Json;

impl Campaign {
    /// Reads and checks a campaign with serde_json and the derives (for tools and tests; the
    /// shipped widget uses [`Campaign::from_json`], which reads the same documents the same
    /// way and costs 24 to 29 KB of gzipped wasm less).
    pub fn from_json_serde(text: &str) -> Result<Campaign, CampaignError> {
        let read = |text: &str| {
            let mut d = serde_json::Deserializer::from_str(text);
            let campaign: Campaign = object(&mut d)?;
            d.end().map(|()| campaign)
        };
        let campaign = read(text).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => CampaignError::Field {
                path: String::new(),
                message: e.to_string(),
            },
            _ => CampaignError::Json {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            },
        })?;
        campaign.validate()?;
        Ok(campaign)
    }
}

/// A struct read from a JSON object only. (serde's derive would also take an array of the
/// fields in order, `["Jo", "aged 40"]`, which the small reader refuses as it should.)
struct Obj<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ObjVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjVisitor<T> {
            type Value = Obj<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(Obj)
            }
        }
        d.deserialize_map(ObjVisitor(PhantomData))
    }
}

/// A part of the campaign that must be there: an object.
pub(crate) fn object<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Obj::deserialize(d).map(|o| o.0)
}

/// A part that may be absent or null: an object or nothing.
pub(super) fn optional_object<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Obj<T>>::deserialize(d)?.map(|o| o.0))
}

/// A part with a default when absent or null: an object.
pub(super) fn object_or_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(optional_object(d)?.unwrap_or_default())
}

/// A list of objects, empty when absent or null.
pub(super) fn objects<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let list = Option::<Vec<Obj<T>>>::deserialize(d)?;
    Ok(list.into_iter().flatten().map(|o| o.0).collect())
}

/// A value that may also be `null` (or absent): its default then.
pub(crate) fn nullable<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

pub(super) fn or_default_postcodes<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::deserialize(d)?.unwrap_or_else(ApiConfig::default_postcodes))
}

pub(super) fn or_default_members<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::deserialize(d)?.unwrap_or_else(ApiConfig::default_members))
}

/// Milliseconds: a whole number that fits in `u32`, in any JSON spelling (`8000`, `8e3`,
/// `8000.0`), as [`Json::as_u32`] reads it.
pub(super) fn timeout_ms<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    match Option::<f64>::deserialize(d)? {
        None => Ok(ApiConfig::default_timeout_ms()),
        Some(n) => Json::Number(n)
            .as_u32()
            .ok_or_else(|| de::Error::custom("must be a whole number of milliseconds")),
    }
}

/// A JSON object as a list of its members, in order, repeats kept (as the small reader).
struct Members<V>(Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Members<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MembersVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for MembersVisitor<V> {
            type Value = Members<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }
        d.deserialize_map(MembersVisitor(PhantomData))
    }
}

fn serialize_members<S: Serializer, V>(
    members: &[(String, V)],
    s: S,
    mut value: impl FnMut(&mut S::SerializeMap, &str, &V) -> Result<(), S::Error>,
) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(members.len()))?;
    for (key, v) in members {
        value(&mut map, key, v)?;
    }
    map.end()
}

/// `languages`: language tag → part of a campaign.
pub(super) mod languages {
    use super::*;

    pub fn serialize<S: Serializer>(v: &[(String, Json)], s: S) -> Result<S::Ok, S::Error> {
        serialize_members(v, s, |map, key, value| map.serialize_entry(key, value))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, Json)>, D::Error> {
        Ok(Option::<Members<Json>>::deserialize(d)?.map_or_else(Vec::new, |m| m.0))
    }
}

/// `strings`: language tag → widget string key → text.
pub(super) mod strings {
    use super::*;

    type Table = Vec<(String, Vec<(String, String)>)>;

    pub fn serialize<S: Serializer>(v: &Table, s: S) -> Result<S::Ok, S::Error> {
        struct Texts<'a>(&'a [(String, String)]);
        impl Serialize for Texts<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serialize_members(self.0, s, |map, key, text| map.serialize_entry(key, text))
            }
        }
        serialize_members(v, s, |map, tag, texts| {
            map.serialize_entry(tag, &Texts(texts))
        })
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Table, D::Error> {
        let tables = Option::<Members<Members<String>>>::deserialize(d)?;
        Ok(tables.map_or_else(Vec::new, |t| {
            t.0.into_iter().map(|(tag, texts)| (tag, texts.0)).collect()
        }))
    }
}

/// The schema of `strings`: per language tag, texts whose keys are the widget's string keys
/// (so that an editor offers them).
#[cfg(feature = "schema")]
pub(super) fn strings_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let keys: Vec<&str> = crate::Text::ALL.iter().map(|t| t.key()).collect();
    schemars::json_schema!({
        "description": "Replacements for the widget's own strings: language tag, then string key and text.",
        "type": ["object", "null"],
        "default": {},
        "additionalProperties": {
            "type": "object",
            "propertyNames": { "enum": keys },
            "additionalProperties": { "type": "string" }
        }
    })
}
