//! Reading a campaign from JSON: one small function per part, each naming the JSON path of
//! anything wrong.

use super::model::{ApiConfig, Campaign, Layout, Link, Section, Statistic, Story};
use super::CampaignError;
use crate::json::Json;
use crate::letter::LetterTemplate;

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
        // Which of two values was meant cannot be known: say so rather than pick one.
        let repeated =
            (1..members.len()).find(|&i| members[..i].iter().any(|(k, _)| *k == members[i].0));
        if let Some(i) = repeated {
            return Err(field_error(&child(path, &members[i].0), "is given twice"));
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

pub(super) fn decode_campaign(value: &Json) -> Result<Campaign, CampaignError> {
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
            "layout",
            "languages",
            "strings",
            "$schema",
        ],
    )?;
    Ok(Campaign {
        schema: o.optional_text("$schema")?,
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
        layout: match o.optional_text("layout")? {
            None => Layout::default(),
            Some(name) => Layout::from_name(&name)
                .ok_or_else(|| field_error("layout", Layout::unknown(&name)))?,
        },
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
