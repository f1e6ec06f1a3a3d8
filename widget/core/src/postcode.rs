//! UK postcodes: parsing, normalising and the format check done before any request.

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
    /// Not in the UK postcode format.
    NotAPostcode,
    /// Jersey, Guernsey or the Isle of Man: no MP in the UK Parliament.
    CrownDependency(CrownDependency),
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

impl Postcode {
    /// Parses what a person typed: any case, any spacing, surrounding whitespace.
    pub fn parse(input: &str) -> Result<Postcode, PostcodeError> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if compact.is_empty() {
            return Err(PostcodeError::Empty);
        }
        if !(5..=7).contains(&compact.len()) || !compact.chars().all(|c| c.is_ascii_alphanumeric())
        {
            return Err(PostcodeError::NotAPostcode);
        }
        let (outward, inward) = compact.split_at(compact.len() - 3);
        if !(is_outward(outward) && is_inward(inward)) && compact != "GIR0AA" {
            return Err(PostcodeError::NotAPostcode);
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

    /// True when `input` is already a whole, valid postcode (used to look up while typing).
    pub fn is_complete(input: &str) -> bool {
        Postcode::parse(input).is_ok()
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
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
        }
    }
}

impl fmt::Display for PostcodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Texts::default()))
    }
}

impl std::error::Error for PostcodeError {}

/// "the Isle of Man does…" → "The Isle of Man does…".
fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
