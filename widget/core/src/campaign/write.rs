//! Writing a campaign as JSON, for export; `read.rs` reads it back.

use super::model::{Campaign, Section};
use crate::json::Json;

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

pub(super) fn encode_campaign(c: &Campaign) -> Json {
    let mut json = Json::object(vec![
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
        ("layout", Json::text(c.layout.name())),
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
    ]);
    if let (Some(schema), Json::Object(members)) = (&c.schema, &mut json) {
        members.insert(0, ("$schema".to_owned(), Json::text(schema)));
    }
    json
}
