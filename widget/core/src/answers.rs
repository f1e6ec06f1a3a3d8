//! The API answers as they arrive: the fields of postcodes.io's and the UK Parliament Members
//! API's JSON that the lookup reads (`lookup.rs` turns them into our own types). Every field is
//! optional and forgiving: one of another type counts as absent, fields we do not read are
//! ignored, a repeated key gives its last value.
//!
//! The shipped widget reads them with the small JSON reader (`read`); with feature `serde`
//! the same types are read by their derives (`from_json_serde`), which are their schema, and a
//! differential test (`tests/serde.rs`, `tests/soak/differential.rs`) keeps the two equal.

use crate::json::Json;

/// postcodes.io `GET /postcodes/{postcode}`.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct PostcodeAnswer {
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::part"))]
    pub result: Option<PostcodeResult>,
    /// On a 404 for a postcode that no longer exists.
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::part"))]
    pub terminated: Option<Terminated>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct PostcodeResult {
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub postcode: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub country: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub parliamentary_constituency_2024: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub parliamentary_constituency: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Terminated {
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::whole"))]
    pub year_terminated: Option<u32>,
}

/// Members API `GET /api/Location/Constituency/Search`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct SearchAnswer {
    /// `None`: something that is not a list (absent or null: an empty list).
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "with_serde::list_or_empty")
    )]
    pub items: Option<Vec<SearchItem>>,
}

impl Default for SearchAnswer {
    fn default() -> Self {
        SearchAnswer {
            items: Some(Vec::new()),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct SearchItem {
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::part"))]
    pub value: Option<Seat>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, rename_all = "camelCase"))]
pub struct Seat {
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub name: Option<String>,
    /// Set for a seat that no longer exists.
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub end_date: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::part"))]
    pub current_representation: Option<Representation>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Representation {
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::part"))]
    pub member: Option<MemberItem>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct MemberItem {
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::part"))]
    pub value: Option<Member>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, rename_all = "camelCase"))]
pub struct Member {
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::whole"))]
    pub id: Option<u32>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub name_display_as: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub name_list_as: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::part"))]
    pub latest_party: Option<PartyAnswer>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::part"))]
    pub latest_house_membership: Option<Membership>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub thumbnail_url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, rename_all = "camelCase"))]
pub struct PartyAnswer {
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::whole"))]
    pub id: Option<u32>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub name: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub abbreviation: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub background_colour: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, rename_all = "camelCase"))]
pub struct Membership {
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub membership_end_date: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::part"))]
    pub membership_status: Option<MembershipStatus>,
    /// 1: Commons, 2: Lords.
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::whole"))]
    pub house: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, rename_all = "camelCase"))]
pub struct MembershipStatus {
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::flag"))]
    pub status_is_active: Option<bool>,
}

/// Members API `GET /api/Members/{id}/Contact`.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct ContactAnswer {
    /// `None`: absent, null or not a list.
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::list"))]
    pub value: Option<Vec<ContactEntry>>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, rename_all = "camelCase"))]
pub struct ContactEntry {
    /// "Parliamentary office", "Constituency office", "Website", …
    #[cfg_attr(
        feature = "serde",
        serde(rename = "type", deserialize_with = "with_serde::text")
    )]
    pub kind: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::flag"))]
    pub is_web_address: Option<bool>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub email: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub line1: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub line2: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub line3: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub line4: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub line5: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "with_serde::text"))]
    pub postcode: Option<String>,
}

// --- The small reader: each type from a `Json` value. ----------------------------------------

fn text(j: &Json, key: &str) -> Option<String> {
    j.str_at(key).map(str::to_owned)
}

fn whole(j: &Json, key: &str) -> Option<u32> {
    j.get(key).and_then(Json::as_u32)
}

fn flag(j: &Json, key: &str) -> Option<bool> {
    j.get(key).and_then(Json::as_bool)
}

/// An object member read as `T`; anything else counts as absent.
fn part<T>(j: &Json, key: &str, read: fn(&Json) -> T) -> Option<T> {
    j.get(key)
        .filter(|v| matches!(v, Json::Object(_)))
        .map(read)
}

/// A list's items read as `T` (an item that is not an object reads as nothing at all).
fn items<T>(list: &[Json], read: fn(&Json) -> T) -> Vec<T> {
    list.iter().map(read).collect()
}

/// A whole answer: an object, or nothing.
fn answer<T>(j: &Json, read: fn(&Json) -> T) -> Option<T> {
    matches!(j, Json::Object(_)).then(|| read(j))
}

impl PostcodeAnswer {
    /// The answer in `j`; `None` when it is not an object.
    pub fn read(j: &Json) -> Option<Self> {
        answer(j, |j| PostcodeAnswer {
            result: part(j, "result", |r| PostcodeResult {
                postcode: text(r, "postcode"),
                country: text(r, "country"),
                parliamentary_constituency_2024: text(r, "parliamentary_constituency_2024"),
                parliamentary_constituency: text(r, "parliamentary_constituency"),
            }),
            terminated: part(j, "terminated", |t| Terminated {
                year_terminated: whole(t, "year_terminated"),
            }),
        })
    }
}

impl SearchAnswer {
    pub fn read(j: &Json) -> Option<Self> {
        answer(j, |j| SearchAnswer {
            items: match j.get("items") {
                None | Some(Json::Null) => Some(Vec::new()),
                Some(Json::Array(list)) => Some(items(list, SearchItem::read)),
                Some(_) => None,
            },
        })
    }
}

impl SearchItem {
    fn read(j: &Json) -> Self {
        SearchItem {
            value: part(j, "value", |s| Seat {
                name: text(s, "name"),
                end_date: text(s, "endDate"),
                current_representation: part(s, "currentRepresentation", |r| Representation {
                    member: part(r, "member", |m| MemberItem {
                        value: part(m, "value", Member::read),
                    }),
                }),
            }),
        }
    }
}

impl Member {
    fn read(m: &Json) -> Self {
        Member {
            id: whole(m, "id"),
            name_display_as: text(m, "nameDisplayAs"),
            name_list_as: text(m, "nameListAs"),
            latest_party: part(m, "latestParty", |p| PartyAnswer {
                id: whole(p, "id"),
                name: text(p, "name"),
                abbreviation: text(p, "abbreviation"),
                background_colour: text(p, "backgroundColour"),
            }),
            latest_house_membership: part(m, "latestHouseMembership", |h| Membership {
                membership_end_date: text(h, "membershipEndDate"),
                membership_status: part(h, "membershipStatus", |s| MembershipStatus {
                    status_is_active: flag(s, "statusIsActive"),
                }),
                house: whole(h, "house"),
            }),
            thumbnail_url: text(m, "thumbnailUrl"),
        }
    }
}

impl ContactAnswer {
    pub fn read(j: &Json) -> Option<Self> {
        answer(j, |j| ContactAnswer {
            value: j.get("value").and_then(Json::as_array).map(|list| {
                items(list, |e| ContactEntry {
                    kind: text(e, "type"),
                    is_web_address: flag(e, "isWebAddress"),
                    email: text(e, "email"),
                    line1: text(e, "line1"),
                    line2: text(e, "line2"),
                    line3: text(e, "line3"),
                    line4: text(e, "line4"),
                    line5: text(e, "line5"),
                    postcode: text(e, "postcode"),
                })
            }),
        })
    }
}

// --- The same with serde (feature `serde`). ---------------------------------------------------

#[cfg(feature = "serde")]
pub mod with_serde {
    use serde::de::DeserializeOwned;
    use serde::{Deserialize, Deserializer};
    use serde_json::Value;

    use crate::json::Json;

    /// A whole answer with serde_json: `Err` when it is not JSON, `None` when not an object.
    pub fn answer<T: DeserializeOwned>(body: &str) -> Result<Option<T>, serde_json::Error> {
        match serde_json::from_str::<Value>(body)? {
            value @ Value::Object(_) => T::deserialize(value).map(Some),
            _ => Ok(None),
        }
    }

    pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::String(s) => Some(s),
            _ => None,
        })
    }

    pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
        Ok(Value::deserialize(d)?.as_bool())
    }

    /// A whole number that fits in `u32`, in any spelling (as [`Json::as_u32`]).
    pub fn whole<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        Ok(Value::deserialize(d)?
            .as_f64()
            .and_then(|n| Json::Number(n).as_u32()))
    }

    fn object<T: DeserializeOwned + Default>(value: Value) -> T {
        match value {
            value @ Value::Object(_) => T::deserialize(value).unwrap_or_default(),
            _ => T::default(),
        }
    }

    pub fn part<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: DeserializeOwned + Default,
    {
        Ok(match Value::deserialize(d)? {
            value @ Value::Object(_) => Some(object(value)),
            _ => None,
        })
    }

    fn items<T: DeserializeOwned + Default>(list: Vec<Value>) -> Vec<T> {
        list.into_iter().map(object).collect()
    }

    /// A list; absent or null: `None`, as anything else that is not a list.
    pub fn list<'de, D, T>(d: D) -> Result<Option<Vec<T>>, D::Error>
    where
        D: Deserializer<'de>,
        T: DeserializeOwned + Default,
    {
        Ok(match Value::deserialize(d)? {
            Value::Array(list) => Some(items(list)),
            _ => None,
        })
    }

    /// A list; absent or null: empty; anything else that is not a list: `None`.
    pub fn list_or_empty<'de, D, T>(d: D) -> Result<Option<Vec<T>>, D::Error>
    where
        D: Deserializer<'de>,
        T: DeserializeOwned + Default,
    {
        Ok(match Value::deserialize(d)? {
            Value::Array(list) => Some(items(list)),
            Value::Null => Some(Vec::new()),
            _ => None,
        })
    }
}
