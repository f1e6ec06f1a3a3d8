//! The campaign model: what the widget shows and asks, as data.
//!
//! A campaign is a JSON document; `Campaign::default()` is the seed campaign, so another
//! campaign is another JSON file, never other markup or code.

use crate::email::looks_like_email;
use crate::json::{self, Json};
use crate::letter::{LetterTemplate, TemplateError};
use crate::text::{Lang, Text, Texts};
use std::fmt;

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
    fn default_postcodes() -> String {
        "https://api.postcodes.io".into()
    }
    fn default_members() -> String {
        "https://members-api.parliament.uk".into()
    }
    fn default_timeout_ms() -> u32 {
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

fn s(text: &str) -> String {
    text.to_owned()
}

impl Default for Campaign {
    /// The seed campaign: "Ask your MP to support the Secondary Support Package".
    fn default() -> Self {
        Campaign {
            headline: s("Ask your MP to support the Secondary Support Package"),
            intro: vec![
                s("While we offer unique services for women with secondary breast cancer, we know that most people are still not receiving the ongoing, specialised support they need when they are diagnosed with this disease."),
                s("Ask your MP to support the Secondary Support Package that will ensure people living with secondary breast cancer access the vital care they need."),
            ],
            statistics_heading: s("The need for better care"),
            statistics: vec![
                Statistic {
                    figure: s("72%"),
                    share: 0.72,
                    text: s("of hospital organisations in England, Scotland and Wales do not give people access to a dedicated secondary breast care nurse."),
                },
                Statistic {
                    figure: s("Two fifths"),
                    share: 0.4,
                    text: s("of hospital organisations across the UK could not tell us how many secondary breast cancer patients are currently under their care."),
                },
                Statistic {
                    figure: s("70%"),
                    share: 0.7,
                    text: s("of hospital organisations across the UK do not assess people\u{2019}s emotional and physical needs when diagnosed and as their treatment changes."),
                },
            ],
            story: Some(Story {
                quote: s("My whole life and the lives of those around me fell apart and changed forever. Following my diagnosis, in the space of a 20-minute consultation, I felt I lost my identity and my future with those I love."),
                attribution: s("Jo, diagnosed aged 40"),
            }),
            proposal: Some(Section {
                heading: s("A Secondary Support Package for everyone"),
                text: s("We want everyone diagnosed to have a Secondary Support Package embedded in their treatment. It would ensure that everyone:"),
                points: vec![
                    s("has a discussion about their physical and emotional needs with a healthcare professional"),
                    s("has access to a nurse specialist"),
                    s("is referred to specialist services if needed"),
                    s("can access a health and wellbeing event"),
                ],
            }),
            ask: Section {
                heading: s("Incurable shouldn\u{2019}t mean unsupported"),
                text: s("We want everyone with secondary breast cancer to have access to a Secondary Support Package from the point of diagnosis to help them to live well with breast cancer. Ask your MP to support the package today."),
                points: Vec::new(),
            },
            letter: LetterTemplate::default(),
            links: vec![
                Link {
                    heading: s("Download our reports"),
                    text: s("Throughout our Secondary. Not Second Rate. campaign we\u{2019}ve put together reports of the standards of care for people living with secondary breast cancer."),
                    label: s("Download our reports"),
                    href: s("https://breastcancernow.org/about-us/campaigns/"),
                },
                Link {
                    heading: s("Get support for living with secondary breast cancer"),
                    text: s("If you\u{2019}ve had a secondary breast cancer diagnosis and would like information or support, find out more about our Living With Secondary Breast Cancer meet-ups."),
                    label: s("Find out more"),
                    href: s("https://breastcancernow.org/support-for-you/"),
                },
            ],
            api: ApiConfig::default(),
            test_recipient: None,
            languages: crate::text::welsh_data()
                .get("campaign")
                .map(|welsh| vec![("cy".to_owned(), welsh.clone())])
                .unwrap_or_default(),
            strings: Vec::new(),
        }
    }
}

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

fn is_web_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    matches!(rest, Some(host) if !host.is_empty() && !host.starts_with('/'))
}

impl Campaign {
    /// Reads a campaign from JSON and checks it; the error says what to fix and where.
    pub fn from_json(text: &str) -> Result<Campaign, CampaignError> {
        let value = json::parse(text).map_err(|e| CampaignError::Json {
            line: e.line,
            column: e.column,
            message: e.message.to_owned(),
        })?;
        let campaign = decode_campaign(&value)?;
        campaign.validate()?;
        Ok(campaign)
    }

    /// The campaign as pretty JSON, for export; [`Campaign::from_json`] reads it back.
    pub fn to_json(&self) -> String {
        encode_campaign(self).to_pretty()
    }

    /// Checks what the JSON shape cannot: empty texts, shares, addresses, templates.
    pub fn validate(&self) -> Result<(), CampaignError> {
        let mut problems = Vec::new();
        if self.headline.trim().is_empty() {
            problems.push(ConfigProblem::Empty("headline"));
        }
        if self.ask.heading.trim().is_empty() {
            problems.push(ConfigProblem::Empty("ask.heading"));
        }
        for (i, stat) in self.statistics.iter().enumerate() {
            let index = i + 1;
            if stat.figure.trim().is_empty() || stat.text.trim().is_empty() {
                problems.push(ConfigProblem::StatisticIncomplete { index });
            }
            if !(0.0..=1.0).contains(&stat.share) {
                problems.push(ConfigProblem::ShareOutOfRange {
                    index,
                    share: stat.share,
                });
            }
        }
        if let Some(story) = &self.story {
            if story.quote.trim().is_empty() {
                problems.push(ConfigProblem::Empty("story.quote"));
            }
        }
        if self.letter.subject.trim().is_empty() {
            problems.push(ConfigProblem::Empty("letter.subject"));
        }
        if self.letter.body.trim().is_empty() {
            problems.push(ConfigProblem::Empty("letter.body"));
        }
        for (field, template) in [
            ("letter.subject", &self.letter.subject),
            ("letter.body", &self.letter.body),
        ]
        .into_iter()
        .chain(self.letter.openings.iter().map(|o| ("letter.openings", o)))
        {
            if let Err(error) = crate::letter::check_template(template) {
                problems.push(ConfigProblem::Template { field, error });
            }
        }
        for (i, link) in self.links.iter().enumerate() {
            if !is_web_url(&link.href) {
                problems.push(ConfigProblem::LinkNotWeb {
                    index: i + 1,
                    href: link.href.clone(),
                });
            }
        }
        for (field, url) in [
            ("postcodes", &self.api.postcodes),
            ("members", &self.api.members),
        ] {
            // A path on the page's own site ("/mp-api") also works, e.g. behind a proxy.
            let own_site = url.starts_with('/') && !url.starts_with("//");
            if !is_web_url(url) && !own_site {
                problems.push(ConfigProblem::ApiNotWeb {
                    field,
                    url: url.clone(),
                });
            }
        }
        if !(500..=60_000).contains(&self.api.timeout_ms) {
            problems.push(ConfigProblem::TimeoutOutOfRange(self.api.timeout_ms));
        }
        if let Some(address) = &self.test_recipient {
            if !looks_like_email(address) {
                problems.push(ConfigProblem::TestRecipientNotEmail(address.clone()));
            }
        }
        for (tag, _) in &self.languages {
            if Lang::from_tag(tag).is_none() {
                problems.push(ConfigProblem::UnknownLanguage(tag.clone()));
            }
        }
        for (tag, strings) in &self.strings {
            if Lang::from_tag(tag).is_none() {
                problems.push(ConfigProblem::UnknownLanguage(tag.clone()));
            }
            for (key, _) in strings {
                if Text::from_key(key).is_none() {
                    problems.push(ConfigProblem::UnknownText(key.clone()));
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(CampaignError::Invalid(problems))
        }
    }

    /// The campaign in `lang`: its texts for that language laid over the main ones, text by
    /// text (a missing translation keeps the main text), checked like any campaign.
    pub fn localized(&self, lang: Lang) -> Result<Campaign, CampaignError> {
        let Some((_, overlay)) = self
            .languages
            .iter()
            .rev()
            .find(|(tag, _)| Lang::from_tag(tag) == Some(lang))
        else {
            return Ok(self.clone());
        };
        let mut merged = encode_campaign(self);
        json::merge(&mut merged, overlay);
        let campaign = decode_campaign(&merged).map_err(|e| match e {
            CampaignError::Field { path, message } => CampaignError::Field {
                path: format!("languages.{}.{path}", lang.tag()),
                message,
            },
            other => other,
        })?;
        campaign.validate()?;
        Ok(campaign)
    }

    /// The widget's words in `lang`, with this campaign's replacements for that language.
    pub fn texts(&self, lang: Lang) -> Texts {
        let overrides: Vec<(Text, String)> = self
            .strings
            .iter()
            .filter(|(tag, _)| Lang::from_tag(tag) == Some(lang))
            .flat_map(|(_, strings)| strings.iter())
            .filter_map(|(key, text)| Text::from_key(key).map(|t| (t, text.clone())))
            .collect();
        if overrides.is_empty() {
            Texts::new(lang)
        } else {
            Texts::with_overrides(lang, overrides)
        }
    }
}

// Reading: one small function per part, each naming the JSON path of anything wrong.

/// An object being read; refuses keys it does not know, so a misspelt key is reported rather
/// than silently ignored.
struct Obj<'a> {
    members: &'a [(String, Json)],
    path: String,
}

fn field_error(path: &str, message: impl Into<String>) -> CampaignError {
    CampaignError::Field {
        path: path.to_owned(),
        message: message.into(),
    }
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

impl<'a> Obj<'a> {
    fn new(value: &'a Json, path: &str, known: &[&str]) -> Result<Obj<'a>, CampaignError> {
        let Json::Object(members) = value else {
            let name = if path.is_empty() {
                "the campaign"
            } else {
                path
            };
            return Err(field_error(name, "must be an object ({ … })"));
        };
        if let Some((key, _)) = members.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            return Err(field_error(
                &child(path, key),
                format!("is not a field we know; use one of: {}", known.join(", ")),
            ));
        }
        Ok(Obj {
            members,
            path: path.to_owned(),
        })
    }

    /// The value of `key`, treating null as absent.
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.members
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, Json::Null))
    }

    fn path(&self, key: &str) -> String {
        child(&self.path, key)
    }

    fn required(&self, key: &str) -> Result<&'a Json, CampaignError> {
        self.get(key)
            .ok_or_else(|| field_error(&self.path(key), "is missing"))
    }

    fn text_of(&self, key: &str, value: &Json) -> Result<String, CampaignError> {
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| field_error(&self.path(key), "must be text in double quotes"))
    }

    fn text(&self, key: &str) -> Result<String, CampaignError> {
        self.text_of(key, self.required(key)?)
    }

    fn text_or_empty(&self, key: &str) -> Result<String, CampaignError> {
        self.optional_text(key).map(Option::unwrap_or_default)
    }

    fn optional_text(&self, key: &str) -> Result<Option<String>, CampaignError> {
        self.get(key).map(|v| self.text_of(key, v)).transpose()
    }

    fn number(&self, key: &str) -> Result<f64, CampaignError> {
        self.required(key)?
            .as_f64()
            .ok_or_else(|| field_error(&self.path(key), "must be a number"))
    }

    fn list<T>(
        &self,
        key: &str,
        item: impl Fn(&'a Json, &str) -> Result<T, CampaignError>,
    ) -> Result<Vec<T>, CampaignError> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Json::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| item(v, &format!("{}[{}]", self.path(key), i + 1)))
                .collect(),
            Some(_) => Err(field_error(&self.path(key), "must be a list ([ … ])")),
        }
    }

    fn texts(&self, key: &str) -> Result<Vec<String>, CampaignError> {
        self.list(key, |v, path| {
            v.as_str()
                .map(str::to_owned)
                .ok_or_else(|| field_error(path, "must be text in double quotes"))
        })
    }
}

fn decode_campaign(value: &Json) -> Result<Campaign, CampaignError> {
    let o = Obj::new(
        value,
        "",
        &[
            "headline",
            "intro",
            "statisticsHeading",
            "statistics",
            "story",
            "proposal",
            "ask",
            "letter",
            "links",
            "api",
            "testRecipient",
            "languages",
            "strings",
        ],
    )?;
    Ok(Campaign {
        headline: o.text("headline")?,
        intro: o.texts("intro")?,
        statistics_heading: o.text_or_empty("statisticsHeading")?,
        statistics: o.list("statistics", |v, path| {
            let s = Obj::new(v, path, &["figure", "share", "text"])?;
            Ok(Statistic {
                figure: s.text("figure")?,
                share: s.number("share")?,
                text: s.text("text")?,
            })
        })?,
        story: o
            .get("story")
            .map(|v| {
                let s = Obj::new(v, "story", &["quote", "attribution"])?;
                Ok(Story {
                    quote: s.text("quote")?,
                    attribution: s.text_or_empty("attribution")?,
                })
            })
            .transpose()?,
        proposal: o
            .get("proposal")
            .map(|v| decode_section(v, "proposal"))
            .transpose()?,
        ask: decode_section(o.required("ask")?, "ask")?,
        letter: {
            let l = Obj::new(
                o.required("letter")?,
                "letter",
                &["subject", "openings", "prompt", "body"],
            )?;
            LetterTemplate {
                subject: l.text("subject")?,
                openings: l.texts("openings")?,
                prompt: l.text_or_empty("prompt")?,
                body: l.text("body")?,
            }
        },
        links: o.list("links", |v, path| {
            let l = Obj::new(v, path, &["heading", "text", "label", "href"])?;
            Ok(Link {
                heading: l.text("heading")?,
                text: l.text_or_empty("text")?,
                label: l.text("label")?,
                href: l.text("href")?,
            })
        })?,
        api: match o.get("api") {
            None => ApiConfig::default(),
            Some(v) => {
                let a = Obj::new(v, "api", &["postcodes", "members", "timeoutMs"])?;
                ApiConfig {
                    postcodes: a
                        .optional_text("postcodes")?
                        .unwrap_or_else(ApiConfig::default_postcodes),
                    members: a
                        .optional_text("members")?
                        .unwrap_or_else(ApiConfig::default_members),
                    timeout_ms: match a.get("timeoutMs") {
                        None => ApiConfig::default_timeout_ms(),
                        Some(ms) => ms.as_u32().ok_or_else(|| {
                            field_error("api.timeoutMs", "must be a whole number of milliseconds")
                        })?,
                    },
                }
            }
        },
        test_recipient: o.optional_text("testRecipient")?,
        languages: match o.get("languages") {
            None => Vec::new(),
            Some(Json::Object(members)) => members.clone(),
            Some(_) => {
                return Err(field_error(
                    "languages",
                    "must be an object ({ \"cy\": { … } })",
                ))
            }
        },
        strings: match o.get("strings") {
            None => Vec::new(),
            Some(Json::Object(members)) => members
                .iter()
                .map(|(tag, table)| {
                    let path = format!("strings.{tag}");
                    let Json::Object(entries) = table else {
                        return Err(field_error(&path, "must be an object of texts"));
                    };
                    entries
                        .iter()
                        .map(|(key, text)| {
                            text.as_str()
                                .map(|t| (key.clone(), t.to_owned()))
                                .ok_or_else(|| {
                                    field_error(&child(&path, key), "must be text in double quotes")
                                })
                        })
                        .collect::<Result<Vec<_>, _>>()
                        .map(|list| (tag.clone(), list))
                })
                .collect::<Result<Vec<_>, _>>()?,
            Some(_) => {
                return Err(field_error(
                    "strings",
                    "must be an object ({ \"cy\": { … } })",
                ))
            }
        },
    })
}

fn decode_section(value: &Json, path: &str) -> Result<Section, CampaignError> {
    let s = Obj::new(value, path, &["heading", "text", "points"])?;
    Ok(Section {
        heading: s.text("heading")?,
        text: s.text_or_empty("text")?,
        points: s.texts("points")?,
    })
}

// Writing, for export.

fn texts(values: &[String]) -> Json {
    Json::Array(values.iter().map(|v| Json::text(v)).collect())
}

fn encode_section(section: &Section) -> Json {
    Json::object(vec![
        ("heading", Json::text(&section.heading)),
        ("text", Json::text(&section.text)),
        ("points", texts(&section.points)),
    ])
}

fn encode_campaign(c: &Campaign) -> Json {
    Json::object(vec![
        ("headline", Json::text(&c.headline)),
        ("intro", texts(&c.intro)),
        ("statisticsHeading", Json::text(&c.statistics_heading)),
        (
            "statistics",
            Json::Array(
                c.statistics
                    .iter()
                    .map(|s| {
                        Json::object(vec![
                            ("figure", Json::text(&s.figure)),
                            ("share", Json::Number(s.share)),
                            ("text", Json::text(&s.text)),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "story",
            c.story.as_ref().map_or(Json::Null, |s| {
                Json::object(vec![
                    ("quote", Json::text(&s.quote)),
                    ("attribution", Json::text(&s.attribution)),
                ])
            }),
        ),
        (
            "proposal",
            c.proposal.as_ref().map_or(Json::Null, encode_section),
        ),
        ("ask", encode_section(&c.ask)),
        (
            "letter",
            Json::object(vec![
                ("subject", Json::text(&c.letter.subject)),
                ("openings", texts(&c.letter.openings)),
                ("prompt", Json::text(&c.letter.prompt)),
                ("body", Json::text(&c.letter.body)),
            ]),
        ),
        (
            "links",
            Json::Array(
                c.links
                    .iter()
                    .map(|l| {
                        Json::object(vec![
                            ("heading", Json::text(&l.heading)),
                            ("text", Json::text(&l.text)),
                            ("label", Json::text(&l.label)),
                            ("href", Json::text(&l.href)),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "api",
            Json::object(vec![
                ("postcodes", Json::text(&c.api.postcodes)),
                ("members", Json::text(&c.api.members)),
                ("timeoutMs", Json::Number(f64::from(c.api.timeout_ms))),
            ]),
        ),
        (
            "testRecipient",
            c.test_recipient.as_deref().map_or(Json::Null, Json::text),
        ),
        ("languages", Json::Object(c.languages.clone())),
        (
            "strings",
            Json::Object(
                c.strings
                    .iter()
                    .map(|(tag, list)| {
                        let texts = list
                            .iter()
                            .map(|(k, v)| (k.clone(), Json::text(v)))
                            .collect();
                        (tag.clone(), Json::Object(texts))
                    })
                    .collect(),
            ),
        ),
    ])
}
