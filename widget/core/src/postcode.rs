//! UK postcodes: parsing, normalising, correcting the usual O/0 and I/L/1 slips, and the
//! checks done before any request (Crown Dependencies, Overseas Territories, BFPO numbers).

use std::fmt;

use crate::text::{Text, Texts};

/// A UK postcode in its normal form: upper case, one space before the inward code
/// ("SW1A 1AA").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Postcode(String);

/// Why typed text is not a postcode we can look up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostcodeError {
    /// Nothing was typed.
    Empty,
    /// Not in the UK postcode format, even allowing for O/0 and I/L/1 slips.
    NotAPostcode,
    /// Jersey, Guernsey or the Isle of Man: no MP in the UK Parliament.
    CrownDependency(CrownDependency),
    /// A British Overseas Territory's postcode: no MP in the UK Parliament.
    OverseasTerritory(OverseasTerritory),
    /// A British Forces Post Office number: forces mail, not a home address.
    Bfpo,
}

/// The Crown Dependencies, which have postcodes but no MP at Westminster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrownDependency {
    Jersey,
    Guernsey,
    IsleOfMan,
}

impl CrownDependency {
    /// The text key of its name.
    pub fn name(self) -> Text {
        match self {
            CrownDependency::Jersey => Text::PlaceJersey,
            CrownDependency::Guernsey => Text::PlaceGuernsey,
            CrownDependency::IsleOfMan => Text::PlaceIsleOfMan,
        }
    }
}

/// The British Overseas Territories with a UK-style postcode, none of which elects an MP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverseasTerritory {
    Ascension,
    StHelena,
    TristanDaCunha,
    TurksAndCaicos,
    BritishIndianOcean,
    Falklands,
    Pitcairn,
    SouthGeorgia,
    BritishAntarctic,
    Gibraltar,
}

impl OverseasTerritory {
    /// Each territory with its one postcode, without the space.
    pub const POSTCODES: [(&'static str, OverseasTerritory); 10] = [
        ("ASCN1ZZ", OverseasTerritory::Ascension),
        ("STHL1ZZ", OverseasTerritory::StHelena),
        ("TDCU1ZZ", OverseasTerritory::TristanDaCunha),
        ("TKCA1ZZ", OverseasTerritory::TurksAndCaicos),
        ("BBND1ZZ", OverseasTerritory::BritishIndianOcean),
        ("FIQQ1ZZ", OverseasTerritory::Falklands),
        ("PCRN1ZZ", OverseasTerritory::Pitcairn),
        ("SIQQ1ZZ", OverseasTerritory::SouthGeorgia),
        ("BIQQ1ZZ", OverseasTerritory::BritishAntarctic),
        ("GX111AA", OverseasTerritory::Gibraltar),
    ];

    /// The text key of its name.
    pub fn name(self) -> Text {
        match self {
            OverseasTerritory::Ascension => Text::PlaceAscension,
            OverseasTerritory::StHelena => Text::PlaceStHelena,
            OverseasTerritory::TristanDaCunha => Text::PlaceTristanDaCunha,
            OverseasTerritory::TurksAndCaicos => Text::PlaceTurksAndCaicos,
            OverseasTerritory::BritishIndianOcean => Text::PlaceBritishIndianOcean,
            OverseasTerritory::Falklands => Text::PlaceFalklands,
            OverseasTerritory::Pitcairn => Text::PlacePitcairn,
            OverseasTerritory::SouthGeorgia => Text::PlaceSouthGeorgia,
            OverseasTerritory::BritishAntarctic => Text::PlaceBritishAntarctic,
            OverseasTerritory::Gibraltar => Text::PlaceGibraltar,
        }
    }
}

impl Postcode {
    /// Parses what a person typed: any case, any spacing, surrounding whitespace. A letter O
    /// typed for a zero, or I or L for a one (and the reverse), is corrected where the
    /// position allows only one reading; [`Postcode::corrects`] tells whether that happened.
    pub fn parse(input: &str) -> Result<Postcode, PostcodeError> {
        let compact = compact(input);
        if compact.is_empty() {
            return Err(PostcodeError::Empty);
        }
        if is_bfpo(&compact) {
            return Err(PostcodeError::Bfpo);
        }
        if let Some((_, place)) = OverseasTerritory::POSTCODES
            .iter()
            .find(|(code, _)| *code == compact)
        {
            return Err(PostcodeError::OverseasTerritory(*place));
        }
        if !(5..=7).contains(&compact.len()) || !compact.bytes().all(|c| c.is_ascii_alphanumeric())
        {
            return Err(PostcodeError::NotAPostcode);
        }
        let compact = if is_valid(&compact) {
            compact
        } else {
            corrected(&compact).ok_or(PostcodeError::NotAPostcode)?
        };
        let (outward, inward) = compact.split_at(compact.len() - 3);
        if outward == "BF1" {
            return Err(PostcodeError::Bfpo);
        }
        if let Some(place) = crown_dependency(outward) {
            return Err(PostcodeError::CrownDependency(place));
        }
        Ok(Postcode(format!("{outward} {inward}")))
    }

    /// The normal form, e.g. "SW1A 1AA".
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The postcode, when `input` is already a whole postcode (used to look up while typing).
    /// A reading that needs a correction counts only at the full seven characters, which
    /// nothing longer can follow; shorter, it waits for the supporter to press the button,
    /// since half a postcode can look like a slip ("CO15 1A" like "CO1 5IA").
    pub fn complete(input: &str) -> Option<Postcode> {
        Postcode::parse(input)
            .ok()
            .filter(|p| !p.corrects(input) || compact(input).len() == 7)
    }

    /// True when this postcode is a correction of `typed` rather than just its normal form
    /// (e.g. "CO15 1AA" for "c015 1aa"), so the supporter should be shown what was used.
    pub fn corrects(&self, typed: &str) -> bool {
        compact(typed) != compact(&self.0)
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Upper case without whitespace. ASCII case mapping only: a postcode is ASCII, and anything
/// else is rejected afterwards.
fn compact(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// "BFPO 1234" (one to four digits), as written on forces mail.
fn is_bfpo(compact: &str) -> bool {
    compact
        .strip_prefix("BFPO")
        .is_some_and(|n| (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A whole postcode in one of the UK shapes (or the Girobank's GIR 0AA).
fn is_valid(compact: &str) -> bool {
    let Some(split) = compact.len().checked_sub(3) else {
        return false;
    };
    let (outward, inward) = compact.split_at(split);
    (is_outward(outward) && is_inward(inward)) || compact == "GIR0AA"
}

/// What a character reads as when the position needs the other kind: O and 0, I or L and 1.
fn other_reading(c: u8) -> Option<u8> {
    match c {
        b'O' => Some(b'0'),
        b'0' => Some(b'O'),
        b'I' | b'L' => Some(b'1'),
        b'1' => Some(b'I'),
        _ => None,
    }
}

/// The one valid postcode that differs from `compact` only by O/0 and I/L/1 slips, with the
/// fewest changes; `None` when there is none, or when two readings are equally likely.
fn corrected(compact: &str) -> Option<String> {
    let bytes = compact.as_bytes();
    // Every subset of the positions (at most 7: 127 alternatives at worst); one that would
    // change a position with no other reading is skipped.
    let mut best: Option<(u32, [u8; 7])> = None;
    let mut tied = false;
    'masks: for mask in 1u32..(1 << bytes.len().min(7)) {
        let mut candidate = [0u8; 7];
        for (i, &b) in bytes.iter().enumerate() {
            candidate[i] = if mask & (1 << i) == 0 {
                b
            } else {
                match other_reading(b) {
                    Some(other) => other,
                    None => continue 'masks,
                }
            };
        }
        let Ok(text) = std::str::from_utf8(&candidate[..bytes.len()]) else {
            continue;
        };
        if !is_valid(text) {
            continue;
        }
        let changes = mask.count_ones();
        match best {
            Some((fewest, _)) if changes > fewest => {}
            Some((fewest, _)) if changes == fewest => tied = true,
            _ => {
                best = Some((changes, candidate));
                tied = false;
            }
        }
    }
    let (_, candidate) = best.filter(|_| !tied)?;
    String::from_utf8(candidate[..bytes.len()].to_vec()).ok()
}

/// Outward codes: A9, A99, AA9, AA99, A9A, AA9A.
fn is_outward(code: &str) -> bool {
    let b = code.as_bytes();
    let a = |i: usize| b[i].is_ascii_alphabetic();
    let d = |i: usize| b[i].is_ascii_digit();
    match b.len() {
        2 => a(0) && d(1),
        3 => a(0) && ((d(1) && (d(2) || a(2))) || (a(1) && d(2))),
        4 => a(0) && a(1) && d(2) && (d(3) || a(3)),
        _ => false,
    }
}

/// Inward codes: 9AA.
fn is_inward(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 3
        && b[0].is_ascii_digit()
        && b[1].is_ascii_alphabetic()
        && b[2].is_ascii_alphabetic()
}

fn crown_dependency(outward: &str) -> Option<CrownDependency> {
    let area: String = outward
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    match area.as_str() {
        "JE" => Some(CrownDependency::Jersey),
        "GY" => Some(CrownDependency::Guernsey),
        "IM" => Some(CrownDependency::IsleOfMan),
        _ => None,
    }
}

impl PostcodeError {
    /// The sentence shown at the postcode field.
    pub fn message(&self, texts: Texts) -> String {
        match self {
            PostcodeError::Empty => texts.get(Text::PostcodeEmpty).into(),
            PostcodeError::NotAPostcode => texts.get(Text::PostcodeInvalid).into(),
            PostcodeError::CrownDependency(place) => {
                let name = texts.get(place.name());
                capitalise_first(&texts.fill(Text::PostcodeCrownDependency, &[("place", name)]))
            }
            PostcodeError::OverseasTerritory(place) => {
                let name = texts.get(place.name());
                capitalise_first(&texts.fill(Text::PostcodeOverseasTerritory, &[("place", name)]))
            }
            PostcodeError::Bfpo => texts.get(Text::PostcodeBfpo).into(),
        }
    }
}

impl fmt::Display for PostcodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Texts::default()))
    }
}

impl std::error::Error for PostcodeError {}

/// "the Isle of Man does…" → "The Isle of Man does…". ASCII case mapping only: the place
/// names begin with ASCII letters in both languages, and `char::to_uppercase` would ship
/// Unicode's case tables (6.5 KB of gzipped wasm) to every visitor for this one letter.
fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}
