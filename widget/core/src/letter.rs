//! The letter: a campaign's subject and body templates with placeholders, rendered for one
//! supporter and one MP.
//!
//! Placeholders are `{name}`; `{{` and `}}` stand for literal braces. An unknown placeholder
//! is an error at configuration time, never a silent gap in a letter.

use std::fmt;

/// Every placeholder a template may use.
pub const PLACEHOLDERS: [&str; 7] = [
    "mp_name",
    "constituency",
    "opening",
    "personal",
    "sender_name",
    "sender_address",
    "sender_postcode",
];

/// A campaign's letter.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LetterTemplate {
    /// The email's subject line.
    pub subject: String,
    /// Alternative first paragraphs; the supporter picks one (`{opening}` in the body).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::campaign::serde_support::nullable")
    )]
    pub openings: Vec<String>,
    /// The question that asks for the supporter's own paragraph (`{personal}`).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::campaign::serde_support::nullable")
    )]
    pub prompt: String,
    /// The letter.
    pub body: String,
}

/// What fills the placeholders for one letter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LetterValues {
    pub mp_name: String,
    pub constituency: String,
    pub sender_name: String,
    /// The supporter's postal address, one line per line.
    pub sender_address: String,
    pub sender_postcode: String,
    /// The supporter's own paragraph; may be empty.
    pub personal: String,
    /// Which of the openings (index); out of range means the first.
    pub opening: usize,
}

/// A letter ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub body: String,
}

/// A template that cannot be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// `{name}` is not one of [`PLACEHOLDERS`].
    UnknownPlaceholder(String),
    /// A `{` without its `}` (or a lone `}`).
    Unbalanced,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::UnknownPlaceholder(name) => write!(
                f,
                "{{{name}}} is not a placeholder we can fill; use one of {}.",
                PLACEHOLDERS.map(|p| format!("{{{p}}}")).join(", ")
            ),
            TemplateError::Unbalanced => {
                f.write_str("A { has no matching } (write {{ or }} for a brace itself).")
            }
        }
    }
}

impl std::error::Error for TemplateError {}

/// Fills `{name}` placeholders from `value`; `None` from `value` means unknown.
fn fill<'a>(
    template: &str,
    value: impl Fn(&str) -> Option<&'a str>,
) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(template.len() + 256);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix("{{") {
            out.push('{');
            rest = after;
        } else if let Some(after) = tail.strip_prefix("}}") {
            out.push('}');
            rest = after;
        } else if tail.starts_with('}') {
            return Err(TemplateError::Unbalanced);
        } else {
            let end = tail.find('}').ok_or(TemplateError::Unbalanced)?;
            let name = tail[1..end].trim();
            if name.contains('{') {
                return Err(TemplateError::Unbalanced);
            }
            let text = value(name).ok_or_else(|| TemplateError::UnknownPlaceholder(name.into()))?;
            out.push_str(text);
            rest = &tail[end + 1..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// Trims each line's end and squeezes runs of blank lines to one, so an empty `{personal}`
/// leaves no hole.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_owned()
}

fn clean_lines(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Checks that one template uses only known placeholders and balanced braces.
pub fn check_template(template: &str) -> Result<(), TemplateError> {
    fill(template, |name| PLACEHOLDERS.contains(&name).then_some("")).map(drop)
}

impl LetterTemplate {
    /// The values as placeholder texts (address lines cleaned, everything trimmed).
    fn texts(values: &LetterValues) -> [(&'static str, String); 6] {
        [
            ("mp_name", values.mp_name.trim().to_owned()),
            ("constituency", values.constituency.trim().to_owned()),
            ("sender_name", values.sender_name.trim().to_owned()),
            ("sender_address", clean_lines(&values.sender_address)),
            ("sender_postcode", values.sender_postcode.trim().to_owned()),
            ("personal", values.personal.trim().to_owned()),
        ]
    }

    /// Opening number `index` (the first when out of range) filled in for these values.
    pub fn opening(&self, index: usize, values: &LetterValues) -> Result<String, TemplateError> {
        let template = self
            .openings
            .get(index)
            .or(self.openings.first())
            .map(String::as_str)
            .unwrap_or("");
        let texts = Self::texts(values);
        // Openings may use every placeholder except {opening} itself.
        fill(template, |name| {
            texts
                .iter()
                .find(|(p, _)| *p == name)
                .map(|(_, v)| v.as_str())
        })
    }

    /// The letter for these values.
    pub fn render(&self, values: &LetterValues) -> Result<Letter, TemplateError> {
        let texts = Self::texts(values);
        let opening = self.opening(values.opening, values)?;
        let lookup = |name: &str| {
            if name == "opening" {
                Some(opening.as_str())
            } else {
                texts
                    .iter()
                    .find(|(p, _)| *p == name)
                    .map(|(_, v)| v.as_str())
            }
        };
        let subject = fill(&self.subject, lookup)?;
        let body = fill(&self.body, lookup)?;
        Ok(Letter {
            subject: subject.split_whitespace().collect::<Vec<_>>().join(" "),
            body: tidy(&body),
        })
    }
}
