//! The campaign's types.

use crate::json::Json;
use crate::letter::LetterTemplate;

/// One campaign: its words, figures, story, links and where it looks MPs up.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Campaign {
    /// The JSON Schema the file names (`"$schema"`), so that editors complete and check it;
    /// the widget does not use it. The demo editor's export sets it.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")
    )]
    pub schema: Option<String>,
    /// The main heading, e.g. "Ask your MP to support …".
    pub headline: String,
    /// Opening paragraphs under the headline.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::serde_support::nullable")
    )]
    pub intro: Vec<String>,
    /// Heading above the statistics (empty: no heading).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::serde_support::nullable")
    )]
    pub statistics_heading: String,
    /// The figures that make the case; shown large, each with a bar.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::serde_support::objects")
    )]
    pub statistics: Vec<Statistic>,
    /// A supporter's own words.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::serde_support::optional_object")
    )]
    pub story: Option<Story>,
    /// What the campaign asks for, with its parts as a list.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::serde_support::optional_object")
    )]
    pub proposal: Option<Section>,
    /// The call to action, shown just before the postcode form.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "super::serde_support::object")
    )]
    pub ask: Section,
    /// The email the supporter sends, personalised.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "super::serde_support::object")
    )]
    pub letter: LetterTemplate,
    /// Further links (reports, support).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::serde_support::objects")
    )]
    pub links: Vec<Link>,
    /// Where the widget looks up constituencies and MPs.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::serde_support::object_or_default")
    )]
    pub api: ApiConfig,
    /// When set, every email goes to this address instead of the MP (test mode).
    pub test_recipient: Option<String>,
    /// How the campaign is laid out: `full` (the default: everything, then the postcode form)
    /// or `compact` (the headline, the ask and the postcode form first, the rest behind a
    /// disclosure, for pages that tell the campaign's story already).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::serde_support::nullable")
    )]
    pub layout: Layout,
    /// The campaign's texts in other languages: for each language tag, a part of a campaign
    /// (any of the texts above) laid over this one; texts it lacks stay in the main language.
    /// `api`, `layout` and `testRecipient` are the same in every language.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "super::serde_support::languages")
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<std::collections::BTreeMap<String, serde_json::Value>>")
    )]
    pub languages: Vec<(String, Json)>,
    /// Replacements for the widget's own strings, per language tag: key (as in `Text::key`)
    /// and text.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "super::serde_support::strings")
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "super::serde_support::strings_schema")
    )]
    pub strings: Vec<(String, Vec<(String, String)>)>,
}

/// How the widget lays a campaign out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Layout {
    // (Plain comments: documented variants would make the schema a `oneOf`.)
    // The whole campaign, then the postcode form.
    #[default]
    Full,
    // The headline, the ask and the postcode form first; the rest behind a disclosure.
    Compact,
}

impl Layout {
    /// The layout's name in campaign files and attributes.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Full => "full",
            Layout::Compact => "compact",
        }
    }

    /// The layout called `name` (exactly, as in JSON).
    pub fn from_name(name: &str) -> Option<Layout> {
        match name {
            "full" => Some(Layout::Full),
            "compact" => Some(Layout::Compact),
            _ => None,
        }
    }

    /// What to tell about a layout name the widget does not know, after where it was
    /// written: `must be “full” or “compact”, not “wide”`.
    pub fn unknown(name: &str) -> String {
        [
            "must be \u{201c}full\u{201d} or \u{201c}compact\u{201d}, not \u{201c}",
            name,
            "\u{201d}",
        ]
        .concat()
    }
}

/// A figure with the sentence that explains it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Statistic {
    /// The figure as people say it: "72%", "Two fifths".
    pub figure: String,
    /// The same figure as a share between 0 and 1, drawn as a bar.
    #[cfg_attr(feature = "schema", schemars(range(min = 0.0, max = 1.0)))]
    pub share: f64,
    /// The sentence the figure begins: "of hospital organisations …".
    pub text: String,
}

/// A quote from a supporter.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Story {
    pub quote: String,
    /// Who said it: "Jo, diagnosed aged 40".
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::serde_support::nullable")
    )]
    pub attribution: String,
}

/// A heading, a paragraph and an optional list of points.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    pub heading: String,
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::serde_support::nullable")
    )]
    pub text: String,
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::serde_support::nullable")
    )]
    pub points: Vec<String>,
}

/// A link with a short heading and sentence: "Download our reports".
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Link {
    pub heading: String,
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::serde_support::nullable")
    )]
    pub text: String,
    /// The link's own words: "Find out more".
    pub label: String,
    pub href: String,
}

/// Base URLs of the two lookup services. Tests point them at 127.0.0.1.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApiConfig {
    /// postcodes.io; default `https://api.postcodes.io`.
    #[cfg_attr(
        feature = "serde",
        serde(
            default = "ApiConfig::default_postcodes",
            deserialize_with = "super::serde_support::or_default_postcodes"
        )
    )]
    pub postcodes: String,
    /// UK Parliament Members API; default `https://members-api.parliament.uk`.
    #[cfg_attr(
        feature = "serde",
        serde(
            default = "ApiConfig::default_members",
            deserialize_with = "super::serde_support::or_default_members"
        )
    )]
    pub members: String,
    /// How long one request may take before it is abandoned, in milliseconds; default 8000.
    #[cfg_attr(
        feature = "serde",
        serde(
            default = "ApiConfig::default_timeout_ms",
            deserialize_with = "super::serde_support::timeout_ms"
        )
    )]
    #[cfg_attr(feature = "schema", schemars(range(min = 500, max = 60_000)))]
    pub timeout_ms: u32,
}

impl ApiConfig {
    pub(super) fn default_postcodes() -> String {
        "https://api.postcodes.io".into()
    }
    pub(super) fn default_members() -> String {
        "https://members-api.parliament.uk".into()
    }
    pub(super) fn default_timeout_ms() -> u32 {
        8000
    }
}

impl Default for ApiConfig {
    fn default() -> Self {
        Self {
            postcodes: Self::default_postcodes(),
            members: Self::default_members(),
            timeout_ms: Self::default_timeout_ms(),
        }
    }
}
