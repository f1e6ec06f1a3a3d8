//! The MP lookup, minus the network: request URLs, HTTP status handling, and decoding of the
//! postcodes.io and UK Parliament Members API answers into our own types.
//!
//! The answers as they arrive are the types of `answers.rs` (forgiving: every field optional,
//! extra fields ignored); what leaves this module is [`Constituency`], [`Mp`], [`MpContact`]
//! or a [`LookupError`].

use std::fmt;

use crate::answers::{ContactAnswer, ContactEntry, PostcodeAnswer, SearchAnswer};
use crate::colour::Colour;
use crate::email::looks_like_email;
use crate::json::{self, Json};
use crate::names;
use crate::percent::encode_component;
use crate::postcode::{CrownDependency, Postcode, PostcodeError};
use crate::text::{Text, Texts};

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
    /// The widget's own lookup code (a chunk of its own in the release build) could not be
    /// fetched: no service was asked.
    CodeUnavailable,
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
                | LookupError::CodeUnavailable
                | LookupError::ConstituencyNotFound { .. }
        )
    }

    /// A short, stable name for events to the host page (never the postcode).
    pub fn kind(&self) -> &'static str {
        use LookupError::*;
        match self {
            PostcodeNotFound => "postcode-not-found",
            PostcodeTerminated { .. } => "postcode-terminated",
            CrownDependency(_) => "crown-dependency",
            NoConstituency => "no-constituency",
            ConstituencyNotFound { .. } => "constituency-not-found",
            NoCurrentMp { .. } => "no-current-mp",
            RateLimited { .. } => "rate-limited",
            ServiceDown { .. } => "service-down",
            Timeout => "timeout",
            BadResponse => "bad-response",
            Network => "network",
            Offline => "offline",
            CodeUnavailable => "lookup-unavailable",
        }
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
    pub fn message(&self, texts: Texts) -> String {
        use LookupError::*;
        match self {
            PostcodeNotFound => texts.get(Text::PostcodeNotFound).into(),
            PostcodeTerminated { year: Some(year) } => {
                texts.fill(Text::PostcodeTerminatedYear, &[("year", &year.to_string())])
            }
            PostcodeTerminated { year: None } => texts.get(Text::PostcodeTerminated).into(),
            CrownDependency(place) => PostcodeError::CrownDependency(*place).message(texts),
            NoConstituency => texts.get(Text::NoConstituency).into(),
            ConstituencyNotFound { constituency } => texts.fill(
                Text::ConstituencyNotFound,
                &[("constituency", constituency)],
            ),
            NoCurrentMp { constituency } => {
                texts.fill(Text::NoCurrentMp, &[("constituency", constituency)])
            }
            RateLimited {
                retry_after: Some(seconds),
            } if *seconds <= MAX_AUTO_RETRY_SECS => texts.fill(
                Text::RateLimitedSeconds,
                &[("seconds", &seconds.to_string())],
            ),
            RateLimited { .. } => texts.get(Text::RateLimited).into(),
            ServiceDown { .. } => texts.get(Text::ServiceDown).into(),
            Timeout => texts.get(Text::Timeout).into(),
            BadResponse => texts.get(Text::BadResponse).into(),
            Network => texts.get(Text::Network).into(),
            Offline => texts.get(Text::Offline).into(),
            CodeUnavailable => texts.get(Text::LookupUnavailable).into(),
        }
    }
}

impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Texts::default()))
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
    /// The Speaker's "party".
    pub is_speaker: bool,
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

/// The origin (`scheme://host[:port]`) of an API base URL, for opening its connection early;
/// `None` for anything but an absolute http(s) URL.
pub fn origin(base: &str) -> Option<&str> {
    let base = base.trim();
    let rest = base
        .strip_prefix("https://")
        .or_else(|| base.strip_prefix("http://"))?;
    let host_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    (host_len > 0).then(|| &base[..base.len() - rest.len() + host_len])
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

fn non_empty(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// An answer read by the small reader: BadResponse when it is not JSON or not an object.
fn read_answer<T>(body: &str, read: fn(&Json) -> Option<T>) -> Result<T, LookupError> {
    let json = json::parse(body).map_err(|_| LookupError::BadResponse)?;
    read(&json).ok_or(LookupError::BadResponse)
}

/// The same with serde and the answers' derives (feature `serde`).
#[cfg(feature = "serde")]
fn read_answer_serde<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, LookupError> {
    match crate::answers::with_serde::answer(body) {
        Ok(Some(answer)) => Ok(answer),
        _ => Err(LookupError::BadResponse),
    }
}

/// Decodes a postcodes.io `/postcodes/{pc}` answer.
pub fn decode_postcode(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
) -> Result<Constituency, LookupError> {
    postcode_outcome(status, retry_after, || {
        read_answer(body, PostcodeAnswer::read)
    })
}

/// [`decode_postcode`] reading the answer with serde (feature `serde`; for tools and tests).
#[cfg(feature = "serde")]
pub fn decode_postcode_serde(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
) -> Result<Constituency, LookupError> {
    postcode_outcome(status, retry_after, || read_answer_serde(body))
}

fn postcode_outcome(
    status: u16,
    retry_after: Option<&str>,
    answer: impl FnOnce() -> Result<PostcodeAnswer, LookupError>,
) -> Result<Constituency, LookupError> {
    if status != 404 {
        if let Some(error) = status_error(status, retry_after) {
            return Err(error);
        }
    }
    let answer = answer()?;
    if status == 404 {
        return Err(match answer.terminated {
            Some(terminated) => LookupError::PostcodeTerminated {
                year: terminated
                    .year_terminated
                    .and_then(|y| u16::try_from(y).ok()),
            },
            None => LookupError::PostcodeNotFound,
        });
    }
    let result = answer.result.ok_or(LookupError::BadResponse)?;
    let country = non_empty(result.country.as_deref());
    let name = non_empty(result.parliamentary_constituency_2024.as_deref())
        .or_else(|| non_empty(result.parliamentary_constituency.as_deref()));
    match name {
        Some(name) => Ok(Constituency {
            postcode: non_empty(result.postcode.as_deref()).unwrap_or_default(),
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

/// The Speaker's party id in the Members API.
const SPEAKER_PARTY_ID: u32 = 47;

/// Decodes a constituency search and picks the constituency named `constituency`, compared
/// as a person would ([`names::same`]: case, accents, "&" and punctuation aside). The search
/// matches substrings, so the first item may be another seat, and it also lists seats that
/// have ended (an `endDate`): those are never chosen.
pub fn decode_constituency_search(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
    constituency: &str,
) -> Result<Mp, LookupError> {
    search_outcome(status, retry_after, SeatWanted::Named(constituency), || {
        read_answer(body, SearchAnswer::read)
    })
}

/// [`decode_constituency_search`] reading the answer with serde (feature `serde`).
#[cfg(feature = "serde")]
pub fn decode_constituency_search_serde(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
    constituency: &str,
) -> Result<Mp, LookupError> {
    search_outcome(status, retry_after, SeatWanted::Named(constituency), || {
        read_answer_serde(body)
    })
}

/// Decodes a constituency search made with a whole postcode as its text (the route used when
/// postcodes.io cannot answer): the seat is the one current seat the answer lists. Never a
/// guess: no current seat is [`LookupError::PostcodeNotFound`], and several are
/// [`LookupError::BadResponse`] (a whole postcode lies in one seat; which one is not ours to
/// choose).
pub fn decode_postcode_search(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
) -> Result<Mp, LookupError> {
    search_outcome(status, retry_after, SeatWanted::OnlyOne, || {
        read_answer(body, SearchAnswer::read)
    })
}

/// [`decode_postcode_search`] reading the answer with serde (feature `serde`).
#[cfg(feature = "serde")]
pub fn decode_postcode_search_serde(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
) -> Result<Mp, LookupError> {
    search_outcome(status, retry_after, SeatWanted::OnlyOne, || {
        read_answer_serde(body)
    })
}

/// Which seat of a constituency search is the supporter's.
enum SeatWanted<'a> {
    /// The current seat of this name (a search by postcodes.io's constituency name).
    Named(&'a str),
    /// The one current seat listed (a search by postcode).
    OnlyOne,
}

fn search_outcome(
    status: u16,
    retry_after: Option<&str>,
    wanted: SeatWanted,
    answer: impl FnOnce() -> Result<SearchAnswer, LookupError>,
) -> Result<Mp, LookupError> {
    if let Some(error) = status_error(status, retry_after) {
        return Err(error);
    }
    let items = answer()?.items.ok_or(LookupError::BadResponse)?;
    let mut current = items
        .into_iter()
        .filter_map(|item| item.value)
        .filter(|seat| non_empty(seat.end_date.as_deref()).is_none());
    let seat = match wanted {
        SeatWanted::Named(constituency) => {
            let wanted = constituency.trim();
            let wanted_folded = names::fold(wanted);
            current
                .find(|seat| {
                    seat.name
                        .as_deref()
                        .is_some_and(|n| names::fold(n) == wanted_folded)
                })
                .ok_or_else(|| LookupError::ConstituencyNotFound {
                    constituency: wanted.to_owned(),
                })?
        }
        SeatWanted::OnlyOne => {
            let seat = current.next().ok_or(LookupError::PostcodeNotFound)?;
            // A seat with no name could not be shown on the MP card.
            if current.next().is_some() || non_empty(seat.name.as_deref()).is_none() {
                return Err(LookupError::BadResponse);
            }
            seat
        }
    };
    let seat_name = seat.name.as_deref().unwrap_or_default().trim().to_owned();
    let no_mp = || LookupError::NoCurrentMp {
        constituency: seat_name.clone(),
    };
    let member = seat
        .current_representation
        .and_then(|r| r.member)
        .and_then(|m| m.value)
        .ok_or_else(no_mp)?;
    if let Some(membership) = &member.latest_house_membership {
        let ended = non_empty(membership.membership_end_date.as_deref()).is_some();
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
    let id = member.id.ok_or(LookupError::BadResponse)?;
    let name = non_empty(member.name_display_as.as_deref())
        .or_else(|| non_empty(member.name_list_as.as_deref()))
        .ok_or(LookupError::BadResponse)?;
    let party = member.latest_party.and_then(|p| {
        non_empty(p.name.as_deref()).map(|name| Party {
            is_speaker: p.id == Some(SPEAKER_PARTY_ID) || name == "Speaker",
            name,
            abbreviation: non_empty(p.abbreviation.as_deref()),
            colour: p.background_colour.as_deref().and_then(Colour::from_hex),
        })
    });
    let portrait_url = non_empty(member.thumbnail_url.as_deref())
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    Ok(Mp {
        id,
        name,
        is_speaker: party.as_ref().is_some_and(|p| p.is_speaker),
        party,
        constituency: seat_name,
        portrait_url,
    })
}

impl ContactEntry {
    fn is_parliamentary(&self) -> bool {
        self.kind.as_deref() == Some("Parliamentary office")
    }

    fn email_address(&self) -> Option<String> {
        non_empty(self.email.as_deref()).filter(|e| looks_like_email(e))
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
        .filter_map(|line| non_empty(line.as_deref()))
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
    contact_outcome(status, retry_after, || {
        read_answer(body, ContactAnswer::read)
    })
}

/// [`decode_contact`] reading the answer with serde (feature `serde`).
#[cfg(feature = "serde")]
pub fn decode_contact_serde(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
) -> Result<MpContact, LookupError> {
    contact_outcome(status, retry_after, || read_answer_serde(body))
}

fn contact_outcome(
    status: u16,
    retry_after: Option<&str>,
    answer: impl FnOnce() -> Result<ContactAnswer, LookupError>,
) -> Result<MpContact, LookupError> {
    if let Some(error) = status_error(status, retry_after) {
        return Err(error);
    }
    let entries: Vec<ContactEntry> = answer()?
        .value
        .ok_or(LookupError::BadResponse)?
        .into_iter()
        .filter(|e| e.is_web_address != Some(true))
        .collect();
    let email = entries
        .iter()
        .filter(|e| e.is_parliamentary())
        .chain(entries.iter().filter(|e| !e.is_parliamentary()))
        .find_map(|e| e.email_address());
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
