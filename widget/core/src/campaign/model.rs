//! The campaign's types.

use crate::json::Json;
use crate::letter::LetterTemplate;

/// One campaign: its words, figures, story, links and where it looks MPs up.
#[derive(Debug, Clone, PartialEq)]
pub struct Campaign {
    /// The main heading, e.g. "Ask your MP to support …".
    pub headline: String,
    /// Opening paragraphs under the headline.
    pub intro: Vec<String>,
    /// Heading above the statistics (empty: no heading).
    pub statistics_heading: String,
    /// The figures that make the case; shown large, each with a bar.
    pub statistics: Vec<Statistic>,
    /// A supporter's own words.
    pub story: Option<Story>,
    /// What the campaign asks for, with its parts as a list.
    pub proposal: Option<Section>,
    /// The call to action, shown just before the postcode form.
    pub ask: Section,
    /// The email the supporter sends, personalised.
    pub letter: LetterTemplate,
    /// Further links (reports, support).
    pub links: Vec<Link>,
    /// Where the widget looks up constituencies and MPs.
    pub api: ApiConfig,
    /// When set, every email goes to this address instead of the MP (test mode).
    pub test_recipient: Option<String>,
    /// The campaign's texts in other languages: for each language tag, a part of a campaign
    /// (any of the fields above) laid over this one; texts it lacks stay in the main language.
    pub languages: Vec<(String, Json)>,
    /// Replacements for the widget's own strings, per language tag: key (as in `Text::key`)
    /// and text.
    pub strings: Vec<(String, Vec<(String, String)>)>,
}

/// A figure with the sentence that explains it.
#[derive(Debug, Clone, PartialEq)]
pub struct Statistic {
    /// The figure as people say it: "72%", "Two fifths".
    pub figure: String,
    /// The same figure as a share between 0 and 1, drawn as a bar.
    pub share: f64,
    /// The sentence the figure begins: "of hospital organisations …".
    pub text: String,
}

/// A quote from a supporter.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub quote: String,
    /// Who said it: "Jo, diagnosed aged 40".
    pub attribution: String,
}

/// A heading, a paragraph and an optional list of points.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub text: String,
    pub points: Vec<String>,
}

/// A link with a short heading and sentence: "Download our reports".
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub heading: String,
    pub text: String,
    /// The link's own words: "Find out more".
    pub label: String,
    pub href: String,
}

/// Base URLs of the two lookup services. Tests point them at 127.0.0.1.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiConfig {
    /// postcodes.io; default `https://api.postcodes.io`.
    pub postcodes: String,
    /// UK Parliament Members API; default `https://members-api.parliament.uk`.
    pub members: String,
    /// How long one request may take before it is abandoned, in milliseconds; default 8000.
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
