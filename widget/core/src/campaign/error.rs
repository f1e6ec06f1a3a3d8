//! Why a campaign cannot be used, in sentences a campaign team member reads.

use crate::letter::TemplateError;
use std::fmt;

/// Why a campaign could not be used. `Display` is the sentence a campaign team member reads.
#[derive(Debug, Clone, PartialEq)]
pub enum CampaignError {
    /// The text is not JSON (with where it went wrong).
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON is not of the campaign's shape: `path` names the value, as in
    /// `statistics[2].share`.
    Field { path: String, message: String },
    /// The JSON has the right shape but some values cannot be used.
    Invalid(Vec<ConfigProblem>),
}

impl fmt::Display for CampaignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CampaignError::Json {
                line,
                column,
                message,
            } => write!(
                f,
                "The campaign is not valid JSON: {message} (line {line}, column {column})."
            ),
            CampaignError::Field { path, message } => {
                write!(
                    f,
                    "The campaign is not valid: \u{201c}{path}\u{201d} {message}."
                )
            }
            CampaignError::Invalid(problems) => {
                f.write_str("The campaign cannot be used: ")?;
                for (i, p) in problems.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" ")?;
                    }
                    write!(f, "{p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for CampaignError {}

impl CampaignError {
    /// A short, stable name of the kind of error, for code that reacts to it (the demo
    /// editor) rather than showing it: `json`, `shape` or `invalid`.
    pub fn kind(&self) -> &'static str {
        match self {
            CampaignError::Json { .. } => "json",
            CampaignError::Field { .. } => "shape",
            CampaignError::Invalid(_) => "invalid",
        }
    }
}

/// One value in a campaign that cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigProblem {
    /// A required text is empty; names the field as it appears in the JSON.
    Empty(&'static str),
    /// Statistic number `index` (from 1) has a share outside 0..=1.
    ShareOutOfRange { index: usize, share: f64 },
    /// Statistic number `index` (from 1) has no figure or no sentence.
    StatisticIncomplete { index: usize },
    /// Link number `index` (from 1) is not an http(s) address.
    LinkNotWeb { index: usize, href: String },
    /// An API base URL is not an http(s) address.
    ApiNotWeb { field: &'static str, url: String },
    /// A letter template uses a placeholder we cannot fill, or has a stray brace.
    Template {
        field: &'static str,
        error: TemplateError,
    },
    /// The test recipient does not look like an email address.
    TestRecipientNotEmail(String),
    /// `api.timeoutMs` is below half a second or above a minute.
    TimeoutOutOfRange(u32),
    /// A language tag in `languages` or `strings` that the widget does not speak.
    UnknownLanguage(String),
    /// A key in `strings` that is not one of the widget's strings.
    UnknownText(String),
    /// A language's part of the campaign (`languages.cy`) sets what only the campaign as a
    /// whole can (its layout, lookup services, test recipient, …): the same in every language.
    SameInEveryLanguage { lang: String, field: String },
}

impl ConfigProblem {
    /// Where in the campaign JSON the problem is, e.g. `statistics[2].share` (counting from
    /// 1, as the messages do), so an editor can show it next to its field.
    pub fn path(&self) -> String {
        match self {
            ConfigProblem::Empty(field) | ConfigProblem::Template { field, .. } => {
                (*field).to_owned()
            }
            ConfigProblem::ShareOutOfRange { index, .. } => format!("statistics[{index}].share"),
            ConfigProblem::StatisticIncomplete { index } => format!("statistics[{index}]"),
            ConfigProblem::LinkNotWeb { index, .. } => format!("links[{index}].href"),
            ConfigProblem::ApiNotWeb { field, .. } => format!("api.{field}"),
            ConfigProblem::TestRecipientNotEmail(_) => "testRecipient".into(),
            ConfigProblem::TimeoutOutOfRange(_) => "api.timeoutMs".into(),
            ConfigProblem::UnknownLanguage(_) => "languages".into(),
            ConfigProblem::UnknownText(_) => "strings".into(),
            ConfigProblem::SameInEveryLanguage { lang, field } => {
                format!("languages.{lang}.{field}")
            }
        }
    }
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigProblem::Empty(field) => write!(f, "\u{201c}{field}\u{201d} must not be empty."),
            ConfigProblem::ShareOutOfRange { index, share } => write!(
                f,
                "Statistic {index} has a share of {}; it must be between 0 and 1 (0.72 for 72%).",
                decimal(*share)
            ),
            ConfigProblem::StatisticIncomplete { index } => {
                write!(f, "Statistic {index} needs both a figure and a sentence.")
            }
            ConfigProblem::LinkNotWeb { index, href } => write!(
                f,
                "Link {index} goes to \u{201c}{href}\u{201d}; it must start with https:// or http://."
            ),
            ConfigProblem::ApiNotWeb { field, url } => write!(
                f,
                "\u{201c}api.{field}\u{201d} is \u{201c}{url}\u{201d}; it must start with https://, http:// or /."
            ),
            ConfigProblem::Template { field, error } => {
                write!(f, "\u{201c}{field}\u{201d}: {error}")
            }
            ConfigProblem::TimeoutOutOfRange(ms) => write!(
                f,
                "\u{201c}api.timeoutMs\u{201d} is {ms}; it must be between 500 and 60000 (milliseconds)."
            ),
            ConfigProblem::UnknownLanguage(tag) => write!(
                f,
                "\u{201c}{tag}\u{201d} is not a language the widget speaks; use en or cy."
            ),
            ConfigProblem::SameInEveryLanguage { lang, field } => write!(
                f,
                "\u{201c}languages.{lang}\u{201d} sets \u{201c}{field}\u{201d}, which is the same in every language; set it once, outside \u{201c}languages\u{201d}."
            ),
            ConfigProblem::UnknownText(key) => write!(
                f,
                "\u{201c}strings\u{201d} has \u{201c}{key}\u{201d}, which is not one of the widget\u{2019}s strings."
            ),
            ConfigProblem::TestRecipientNotEmail(address) => write!(
                f,
                "\u{201c}testRecipient\u{201d} is \u{201c}{address}\u{201d}, which is not an email address."
            ),
        }
    }
}

/// A number to three decimals at most, without the weight of float formatting.
fn decimal(value: f64) -> String {
    if !value.is_finite() {
        return "not a number".into();
    }
    let milli = (value.abs() * 1000.0).round() as u64;
    let sign = if value < 0.0 && milli > 0 { "-" } else { "" };
    let (whole, frac) = (milli / 1000, milli % 1000);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{frac:03}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}
