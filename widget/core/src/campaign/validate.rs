//! The checks the JSON shape cannot make: empty texts, shares, addresses, templates.

use super::{Campaign, CampaignError, ConfigProblem};
use crate::email::looks_like_email;
use crate::json::Json;
use crate::text::{Lang, Text};

/// What a language's part of the campaign (`languages.cy`) may not set: not texts, but how the
/// campaign works, which a supporter's language must not change (where the postcode goes, the
/// layout, the test recipient), and what has a place of its own.
const SAME_IN_EVERY_LANGUAGE: [&str; 6] = [
    "api",
    "layout",
    "testRecipient",
    "languages",
    "strings",
    "$schema",
];

fn is_web_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    matches!(rest, Some(host) if !host.is_empty() && !host.starts_with('/'))
}

impl Campaign {
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
        for (tag, overlay) in &self.languages {
            if Lang::from_tag(tag).is_none() {
                problems.push(ConfigProblem::UnknownLanguage(tag.clone()));
            }
            if let Json::Object(fields) = overlay {
                for (field, _) in fields {
                    if SAME_IN_EVERY_LANGUAGE.contains(&field.as_str()) {
                        problems.push(ConfigProblem::SameInEveryLanguage {
                            lang: tag.clone(),
                            field: field.clone(),
                        });
                    }
                }
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
}
