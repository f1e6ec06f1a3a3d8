//! The MP lookup, minus the network: request URLs, HTTP status handling, and decoding of the
//! postcodes.io and UK Parliament Members API answers into our own types.
//!
//! The wire types are private and forgiving (every field optional, extra fields ignored); what
//! leaves this module is [`Constituency`], [`Mp`], [`MpContact`] or a [`LookupError`].

use serde::Deserialize;
use std::fmt;

use crate::colour::Colour;
use crate::email::looks_like_email;
use crate::percent::encode_component;
use crate::postcode::{CrownDependency, Postcode, PostcodeError};
use crate::text::{Lang, Text};

/// Why the lookup did not give an MP to write to. Each has its own sentence for the supporter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// postcodes.io does not know this postcode.
    PostcodeNotFound,
    /// The postcode was retired (year, when known).
    PostcodeTerminated { year: Option<u16> },
    /// A Crown Dependency postcode: no MP in the UK Parliament.
    CrownDependency(CrownDependency),
    /// The postcode has no parliamentary constituency.
    NoConstituency,
    /// The Members API has no constituency of this name.
    ConstituencyNotFound { constituency: String },
    /// No current MP: a vacant seat, or Parliament dissolved for an election.
    NoCurrentMp { constituency: String },
    /// HTTP 429; `retry_after` in seconds when the service said.
    RateLimited { retry_after: Option<u32> },
    /// HTTP 5xx.
    ServiceDown { status: u16 },
    /// No answer within the time limit.
    Timeout,
    /// An answer that is not what the service documents (bad JSON, odd status).
    BadResponse,
    /// The request failed: network down, DNS, CORS.
    Network,
    /// The browser says it is offline.
    Offline,
}

impl LookupError {
    /// Seconds to wait before retrying by ourselves, for a short Retry-After only.
    pub fn auto_retry_after(&self) -> Option<u32> {
        match self {
            LookupError::RateLimited {
                retry_after: Some(secs),
            } if *secs <= MAX_AUTO_RETRY_SECS => Some(*secs),
            _ => None,
        }
    }

    /// Whether trying the same lookup again can help (a Retry button makes sense).
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            LookupError::RateLimited { .. }
                | LookupError::ServiceDown { .. }
                | LookupError::Timeout
                | LookupError::BadResponse
                | LookupError::Network
                | LookupError::Offline
                | LookupError::ConstituencyNotFound { .. }
        )
    }

    /// Whether the problem is with the postcode the supporter typed (shown at the field).
    pub fn is_about_postcode(&self) -> bool {
        matches!(
            self,
            LookupError::PostcodeNotFound
                | LookupError::PostcodeTerminated { .. }
                | LookupError::CrownDependency(_)
                | LookupError::NoConstituency
        )
    }
}

impl LookupError {
    /// The sentence the supporter reads.
    pub fn message(&self, lang: Lang) -> String {
        use LookupError::*;
        match self {
            PostcodeNotFound => Text::PostcodeNotFound.get(lang).into(),
            PostcodeTerminated { year: Some(year) } => {
                Text::PostcodeTerminatedYear.fill(lang, &[("year", &year.to_string())])
            }
            PostcodeTerminated { year: None } => Text::PostcodeTerminated.get(lang).into(),
            CrownDependency(place) => PostcodeError::CrownDependency(*place).message(lang),
            NoConstituency => Text::NoConstituency.get(lang).into(),
            ConstituencyNotFound { constituency } => {
                Text::ConstituencyNotFound.fill(lang, &[("constituency", constituency)])
            }
            NoCurrentMp { constituency } => {
                Text::NoCurrentMp.fill(lang, &[("constituency", constituency)])
            }
            RateLimited {
                retry_after: Some(seconds),
            } if *seconds <= MAX_AUTO_RETRY_SECS => {
                Text::RateLimitedSeconds.fill(lang, &[("seconds", &seconds.to_string())])
            }
            RateLimited { .. } => Text::RateLimited.get(lang).into(),
            ServiceDown { .. } => Text::ServiceDown.get(lang).into(),
            Timeout => Text::Timeout.get(lang).into(),
            BadResponse => Text::BadResponse.get(lang).into(),
            Network => Text::Network.get(lang).into(),
            Offline => Text::Offline.get(lang).into(),
        }
    }
}

impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LookupError {}

/// Longest Retry-After we wait out ourselves; longer ones ask the supporter to try later.
pub const MAX_AUTO_RETRY_SECS: u32 = 5;

/// Where a postcode sits: the 2024 constituency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constituency {
    pub postcode: String,
    pub name: String,
    pub country: Option<String>,
}

/// A party as the Members API describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    pub abbreviation: Option<String>,
    pub colour: Option<Colour>,
}

/// The current MP for a constituency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mp {
    pub id: u32,
    /// "Mr Angus MacDonald".
    pub name: String,
    pub party: Option<Party>,
    pub constituency: String,
    pub portrait_url: Option<String>,
    /// The Speaker is politically neutral and does not take up campaigns in the usual way.
    pub is_speaker: bool,
}

/// How to reach an MP: an email address when there is one, and always a postal address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MpContact {
    pub email: Option<String>,
    pub postal_address: Vec<String>,
}

/// The House of Commons address, used when the API gives none.
pub const COMMONS_ADDRESS: [&str; 3] = ["House of Commons", "London", "SW1A 0AA"];

/// `GET {base}/postcodes/{postcode}`.
pub fn postcode_url(base: &str, postcode: &Postcode) -> String {
    format!(
        "{}/postcodes/{}",
        base.trim_end_matches('/'),
        encode_component(postcode.as_str())
    )
}

/// `GET {base}/api/Location/Constituency/Search?searchText=…&skip=0&take=20`.
pub fn constituency_search_url(base: &str, constituency: &str) -> String {
    format!(
        "{}/api/Location/Constituency/Search?searchText={}&skip=0&take=20",
        base.trim_end_matches('/'),
        encode_component(constituency)
    )
}

/// `GET {base}/api/Members/{id}/Contact`.
pub fn contact_url(base: &str, member_id: u32) -> String {
    format!(
        "{}/api/Members/{member_id}/Contact",
        base.trim_end_matches('/')
    )
}

/// WriteToThem, for when no email address is known.
pub fn writetothem_url(postcode: &Postcode) -> String {
    format!(
        "https://www.writetothem.com/?pc={}&a=westminstermp",
        encode_component(postcode.as_str())
    )
}

/// The error for a status that is neither success nor a documented answer, if any.
/// `retry_after` is the raw Retry-After header.
pub fn status_error(status: u16, retry_after: Option<&str>) -> Option<LookupError> {
    match status {
        200..=299 => None,
        429 => Some(LookupError::RateLimited {
            retry_after: retry_after.and_then(|v| v.trim().parse().ok()),
        }),
        500..=599 => Some(LookupError::ServiceDown { status }),
        _ => Some(LookupError::BadResponse),
    }
}

#[derive(Deserialize)]
struct PostcodeReply {
    result: Option<PostcodeResult>,
    error: Option<String>,
    terminated: Option<Terminated>,
}

#[derive(Deserialize)]
struct PostcodeResult {
    postcode: Option<String>,
    country: Option<String>,
    parliamentary_constituency: Option<String>,
    parliamentary_constituency_2024: Option<String>,
}

#[derive(Deserialize)]
struct Terminated {
    year_terminated: Option<u16>,
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

/// Decodes a postcodes.io `/postcodes/{pc}` answer.
pub fn decode_postcode(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
) -> Result<Constituency, LookupError> {
    if status != 404 {
        if let Some(error) = status_error(status, retry_after) {
            return Err(error);
        }
    }
    let reply: PostcodeReply = serde_json::from_str(body).map_err(|_| LookupError::BadResponse)?;
    if status == 404 {
        return Err(match (reply.terminated, reply.error.as_deref()) {
            (Some(t), _) => LookupError::PostcodeTerminated {
                year: t.year_terminated,
            },
            _ => LookupError::PostcodeNotFound,
        });
    }
    let result = reply.result.ok_or(LookupError::BadResponse)?;
    let country = non_empty(result.country);
    let name = non_empty(result.parliamentary_constituency_2024)
        .or_else(|| non_empty(result.parliamentary_constituency));
    match name {
        Some(name) => Ok(Constituency {
            postcode: non_empty(result.postcode).unwrap_or_default(),
            name,
            country,
        }),
        None => Err(match country.as_deref() {
            Some("Isle of Man") => LookupError::CrownDependency(CrownDependency::IsleOfMan),
            Some("Channel Islands") => {
                let jersey = result.postcode.as_deref().unwrap_or("").starts_with("JE");
                LookupError::CrownDependency(if jersey {
                    CrownDependency::Jersey
                } else {
                    CrownDependency::Guernsey
                })
            }
            _ => LookupError::NoConstituency,
        }),
    }
}

#[derive(Deserialize)]
struct SearchReply {
    #[serde(default)]
    items: Vec<SearchItem>,
}

#[derive(Deserialize)]
struct SearchItem {
    value: Option<ConstituencyValue>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ConstituencyValue {
    name: Option<String>,
    current_representation: Option<Representation>,
}

#[derive(Deserialize)]
struct Representation {
    member: Option<Wrapped<MemberValue>>,
}

#[derive(Deserialize)]
struct Wrapped<T> {
    value: Option<T>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct MemberValue {
    id: u32,
    name_display_as: Option<String>,
    name_list_as: Option<String>,
    latest_party: Option<PartyValue>,
    latest_house_membership: Option<HouseMembership>,
    thumbnail_url: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PartyValue {
    id: Option<u32>,
    name: Option<String>,
    abbreviation: Option<String>,
    background_colour: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HouseMembership {
    house: Option<u8>,
    membership_end_date: Option<String>,
    membership_status: Option<MembershipStatus>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct MembershipStatus {
    status_is_active: Option<bool>,
}

/// The Speaker's party id in the Members API.
const SPEAKER_PARTY_ID: u32 = 47;

/// Decodes a constituency search and picks the constituency named exactly `constituency`
/// (case-insensitive): the search matches substrings, so the first item may be another seat.
pub fn decode_constituency_search(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
    constituency: &str,
) -> Result<Mp, LookupError> {
    if let Some(error) = status_error(status, retry_after) {
        return Err(error);
    }
    let reply: SearchReply = serde_json::from_str(body).map_err(|_| LookupError::BadResponse)?;
    let wanted = constituency.trim();
    let seat = reply
        .items
        .into_iter()
        .filter_map(|item| item.value)
        .find(|v| {
            v.name
                .as_deref()
                .is_some_and(|n| n.trim().eq_ignore_ascii_case(wanted))
        })
        .ok_or_else(|| LookupError::ConstituencyNotFound {
            constituency: wanted.to_owned(),
        })?;
    let seat_name = seat.name.unwrap_or_default().trim().to_owned();
    let no_mp = || LookupError::NoCurrentMp {
        constituency: seat_name.clone(),
    };
    let member = seat
        .current_representation
        .and_then(|r| r.member)
        .and_then(|m| m.value)
        .ok_or_else(no_mp)?;
    if let Some(membership) = &member.latest_house_membership {
        let ended = non_empty(membership.membership_end_date.clone()).is_some();
        let inactive = membership
            .membership_status
            .as_ref()
            .and_then(|s| s.status_is_active)
            == Some(false);
        let lords = membership.house.is_some_and(|h| h != 1);
        if ended || inactive || lords {
            return Err(no_mp());
        }
    }
    let name = non_empty(member.name_display_as)
        .or_else(|| non_empty(member.name_list_as))
        .ok_or(LookupError::BadResponse)?;
    let party = member.latest_party.and_then(|p| {
        let is_speaker = p.id == Some(SPEAKER_PARTY_ID);
        non_empty(p.name).map(|name| {
            (
                Party {
                    name,
                    abbreviation: non_empty(p.abbreviation),
                    colour: p.background_colour.as_deref().and_then(Colour::from_hex),
                },
                is_speaker,
            )
        })
    });
    let is_speaker = party
        .as_ref()
        .is_some_and(|(p, speaker)| *speaker || p.name == "Speaker");
    let portrait_url = non_empty(member.thumbnail_url)
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    Ok(Mp {
        id: member.id,
        name,
        party: party.map(|(p, _)| p),
        constituency: seat_name,
        portrait_url,
        is_speaker,
    })
}

#[derive(Deserialize)]
struct ContactReply {
    value: Vec<ContactEntry>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ContactEntry {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    is_web_address: bool,
    email: Option<String>,
    line1: Option<String>,
    line2: Option<String>,
    line3: Option<String>,
    line4: Option<String>,
    line5: Option<String>,
    postcode: Option<String>,
}

impl ContactEntry {
    fn is_parliamentary(&self) -> bool {
        self.kind.as_deref() == Some("Parliamentary office")
    }

    fn email(&self) -> Option<String> {
        non_empty(self.email.clone()).filter(|e| looks_like_email(e))
    }

    fn address(&self) -> Vec<String> {
        [
            &self.line1,
            &self.line2,
            &self.line3,
            &self.line4,
            &self.line5,
            &self.postcode,
        ]
        .into_iter()
        .filter_map(|line| non_empty(line.clone()))
        .collect()
    }
}

/// Decodes `/Members/{id}/Contact`: the Parliamentary office email first, then any other;
/// the Parliamentary office's postal address, or the House of Commons.
pub fn decode_contact(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
) -> Result<MpContact, LookupError> {
    if let Some(error) = status_error(status, retry_after) {
        return Err(error);
    }
    let reply: ContactReply = serde_json::from_str(body).map_err(|_| LookupError::BadResponse)?;
    let entries: Vec<&ContactEntry> = reply.value.iter().filter(|e| !e.is_web_address).collect();
    let email = entries
        .iter()
        .filter(|e| e.is_parliamentary())
        .chain(entries.iter().filter(|e| !e.is_parliamentary()))
        .find_map(|e| e.email());
    let postal_address = entries
        .iter()
        .find(|e| e.is_parliamentary())
        .map(|e| e.address())
        .filter(|lines| lines.len() >= 2)
        .unwrap_or_else(|| COMMONS_ADDRESS.iter().map(|l| l.to_string()).collect());
    Ok(MpContact {
        email,
        postal_address,
    })
}
