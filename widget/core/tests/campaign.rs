//! The campaign model: the seed default, JSON in and out, and the checks that give clear errors.
#![allow(clippy::field_reassign_with_default)] // tests change one field of the seed campaign

use widget_core::campaign::{ApiConfig, Layout, Statistic};
use widget_core::{Campaign, CampaignError, ConfigProblem};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn default_is_the_seed_campaign() {
    let c = Campaign::default();
    assert_eq!(
        c.headline,
        "Ask your MP to support the Secondary Support Package"
    );
    let figures: Vec<&str> = c.statistics.iter().map(|s| s.figure.as_str()).collect();
    assert_eq!(figures, ["72%", "Two fifths", "70%"]);
    let shares: Vec<f64> = c.statistics.iter().map(|s| s.share).collect();
    assert_eq!(shares, [0.72, 0.4, 0.7]);
    let story = c.story.as_ref().expect("seed has Jo's story");
    assert!(story.quote.starts_with("My whole life"));
    assert_eq!(story.attribution, "Jo, diagnosed aged 40");
    assert_eq!(c.proposal.as_ref().map(|p| p.points.len()), Some(4));
    assert!(c
        .ask
        .text
        .ends_with("Ask your MP to support the package today."));
    let labels: Vec<&str> = c.links.iter().map(|l| l.heading.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Download our reports",
            "Get support for living with secondary breast cancer"
        ]
    );
    assert_eq!(c.test_recipient, None);
}

#[test]
fn default_passes_its_own_validation() {
    assert_eq!(Campaign::default().validate(), Ok(()));
}

#[test]
fn default_api_is_the_real_services() {
    let api = ApiConfig::default();
    assert_eq!(api.postcodes, "https://api.postcodes.io");
    assert_eq!(api.members, "https://members-api.parliament.uk");
}

#[test]
fn json_round_trip_keeps_every_field() {
    let mut c = Campaign::default();
    c.test_recipient = Some("team@example.org".into());
    c.api.postcodes = "http://127.0.0.1:9000".into();
    let back = Campaign::from_json(&c.to_json()).expect("exported campaign reads back");
    assert_eq!(back, c);
}

#[test]
fn the_layout_is_full_unless_the_campaign_says_compact() {
    assert_eq!(Campaign::default().layout, Layout::Full);
    let minimal = fixture("minimal-campaign.json");
    assert_eq!(Campaign::from_json(&minimal).unwrap().layout, Layout::Full);
    let compact = minimal.replacen("{", "{ \"layout\": \"compact\",", 1);
    let c = Campaign::from_json(&compact).expect("a compact campaign");
    assert_eq!(c.layout, Layout::Compact);
    assert_eq!(Campaign::from_json(&c.to_json()).unwrap(), c);
}

#[test]
fn an_unknown_layout_is_named_with_the_two_that_exist() {
    let wide = fixture("minimal-campaign.json").replacen("{", "{ \"layout\": \"wide\",", 1);
    let err = Campaign::from_json(&wide).unwrap_err();
    assert_eq!(
        err.to_string(),
        "The campaign is not valid: \u{201c}layout\u{201d} must be \u{201c}full\u{201d} or \
         \u{201c}compact\u{201d}, not \u{201c}wide\u{201d}."
    );
    assert_eq!(Layout::from_name("Compact"), None, "exact, as JSON");
    assert_eq!(
        Layout::from_name(Layout::Compact.name()),
        Some(Layout::Compact)
    );
}

#[test]
fn json_uses_camel_case_keys() {
    let json = Campaign::default().to_json();
    assert!(json.contains("\"statisticsHeading\""), "{json}");
    assert!(json.contains("\"testRecipient\""), "{json}");
}

#[test]
fn minimal_campaign_fills_optional_parts_with_empty_values() {
    let c = Campaign::from_json(&fixture("minimal-campaign.json")).expect("minimal is valid");
    assert_eq!(c.headline, "Save our library");
    assert!(c.statistics.is_empty());
    assert_eq!(c.story, None);
    assert_eq!(c.api, ApiConfig::default());
}

#[test]
fn missing_required_field_is_named() {
    let err = Campaign::from_json("{\n  \"headline\": \"x\"\n}").unwrap_err();
    assert_eq!(
        err,
        CampaignError::Field {
            path: "ask".into(),
            message: "is missing".into()
        }
    );
    assert_eq!(
        err.to_string(),
        "The campaign is not valid: \u{201c}ask\u{201d} is missing."
    );
}

#[test]
fn wrong_type_deep_inside_is_named_by_its_path() {
    let mut json = Campaign::default().to_json();
    json = json.replacen("\"share\": 0.4", "\"share\": \"40%\"", 1);
    let err = Campaign::from_json(&json).unwrap_err();
    assert_eq!(
        err,
        CampaignError::Field {
            path: "statistics[2].share".into(),
            message: "must be a number".into()
        }
    );
}

#[test]
fn misspelt_field_is_rejected_not_ignored() {
    let err = Campaign::from_json(r#"{"headline":"x","ask":{"heading":"y"},"statistic":[]}"#)
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("\u{201c}statistic\u{201d} is not a field we know; use one of: headline,"),
        "{message}"
    );
}

#[test]
fn broken_json_reports_line_and_column() {
    let err = Campaign::from_json("{\n  \"headline\": \"x\",\n  oops\n}").unwrap_err();
    assert_eq!(
        err,
        CampaignError::Json {
            line: 3,
            column: 3,
            message: "expected a key in double quotes".into()
        }
    );
    assert_eq!(
        err.to_string(),
        "The campaign is not valid JSON: expected a key in double quotes (line 3, column 3)."
    );
}

#[test]
fn not_json_at_all_is_a_clear_error() {
    let err = Campaign::from_json("<!doctype html><html>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "The campaign is not valid JSON: expected a value (line 1, column 1)."
    );
}

#[test]
fn null_counts_as_absent_for_optional_parts() {
    let c = Campaign::from_json(&fixture("minimal-campaign.json").replacen(
        "\"headline\"",
        "\"story\": null, \"testRecipient\": null, \"headline\"",
        1,
    ))
    .unwrap();
    assert_eq!((c.story, c.test_recipient), (None, None));
}

fn invalid(c: &Campaign) -> Vec<ConfigProblem> {
    match c.validate() {
        Err(CampaignError::Invalid(problems)) => problems,
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn empty_headline_is_a_problem() {
    let mut c = Campaign::default();
    c.headline = "  ".into();
    assert_eq!(invalid(&c), [ConfigProblem::Empty("headline")]);
}

#[test]
fn share_above_one_is_a_problem_with_a_hint() {
    let mut c = Campaign::default();
    c.statistics[1].share = 40.0;
    let problems = invalid(&c);
    assert_eq!(
        problems,
        [ConfigProblem::ShareOutOfRange {
            index: 2,
            share: 40.0
        }]
    );
    assert!(problems[0].to_string().contains("between 0 and 1"));
}

#[test]
fn statistic_without_sentence_is_a_problem() {
    let mut c = Campaign::default();
    c.statistics.push(Statistic {
        figure: "1 in 2".into(),
        share: 0.5,
        text: String::new(),
    });
    assert_eq!(
        invalid(&c),
        [ConfigProblem::StatisticIncomplete { index: 4 }]
    );
}

#[test]
fn script_link_is_a_problem() {
    let mut c = Campaign::default();
    c.links[0].href = "javascript:alert(1)".into();
    assert!(matches!(
        invalid(&c).as_slice(),
        [ConfigProblem::LinkNotWeb { index: 1, .. }]
    ));
}

#[test]
fn relative_api_url_is_a_problem() {
    let mut c = Campaign::default();
    c.api.postcodes = "/postcodes-proxy".into();
    assert_eq!(
        c.validate(),
        Ok(()),
        "a path on the page's own site is fine"
    );
    c.api.members = "members.example.org".into();
    assert!(matches!(
        invalid(&c).as_slice(),
        [ConfigProblem::ApiNotWeb {
            field: "members",
            ..
        }]
    ));
}

#[test]
fn test_recipient_must_be_an_email_address() {
    let mut c = Campaign::default();
    for bad in [
        "team",
        "team@localhost",
        "a@b.org,c@d.org",
        "a b@c.org",
        "@c.org",
    ] {
        c.test_recipient = Some(bad.into());
        assert_eq!(
            invalid(&c),
            [ConfigProblem::TestRecipientNotEmail(bad.into())],
            "{bad}"
        );
    }
    c.test_recipient = Some("campaigns+test@example.org.uk".into());
    assert_eq!(c.validate(), Ok(()));
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut c = Campaign::default();
    c.headline.clear();
    c.ask.heading.clear();
    c.statistics[0].share = -0.1;
    let err = c.validate().unwrap_err();
    assert!(matches!(&err, CampaignError::Invalid(p) if p.len() == 3));
    let message = err.to_string();
    assert!(
        message.contains("headline") && message.contains("ask.heading"),
        "{message}"
    );
}

#[test]
fn share_problems_print_the_number_as_written() {
    for (share, shown) in [
        (40.0, "40"),
        (-0.1, "-0.1"),
        (1.25, "1.25"),
        (1.0005, "1.001"),
    ] {
        let problem = ConfigProblem::ShareOutOfRange { index: 1, share };
        assert!(
            problem.to_string().contains(&format!("share of {shown};")),
            "{problem}"
        );
    }
}

#[test]
fn each_problem_names_the_path_of_its_field() {
    let mut c = Campaign::default();
    c.statistics[1].share = 2.0;
    c.links[0].href = "ftp://x".into();
    c.letter.body = "Dear {mp}".into();
    c.test_recipient = Some("nobody".into());
    let paths: Vec<String> = invalid(&c).iter().map(|p| p.path()).collect();
    assert_eq!(
        paths,
        [
            "statistics[2].share",
            "letter.body",
            "links[1].href",
            "testRecipient"
        ]
    );
}

#[test]
fn each_error_says_its_kind_for_code_that_reacts_to_it() {
    let kind = |json: &str| Campaign::from_json(json).unwrap_err().kind();
    assert_eq!(kind("{ oops }"), "json");
    assert_eq!(kind(r#"{"headline": 5}"#), "shape");
    let mut empty = Campaign::default();
    empty.headline.clear();
    assert_eq!(
        Campaign::from_json(&empty.to_json()).unwrap_err().kind(),
        "invalid"
    );
}

/// The English and Welsh seed campaigns (lang/en.json, lang/cy.json) have the same shape:
/// every English text has its Welsh and nothing more (the Welsh leaves out only what is the
/// same in both: shares and link addresses).
#[test]
fn the_seed_campaign_has_the_same_shape_in_both_languages() {
    use widget_core::json::{parse, Json};
    fn shape(value: &Json, at: &str, out: &mut Vec<String>) {
        match value {
            // Links are the same in every language.
            Json::Object(members) => {
                for (key, v) in members.iter().filter(|(key, _)| key != "href") {
                    shape(v, &format!("{at}.{key}"), out);
                }
            }
            Json::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    shape(v, &format!("{at}[{i}]"), out);
                }
            }
            Json::String(_) => out.push(at.to_owned()),
            // Figures' shares are numbers, the same in every language.
            _ => {}
        }
    }
    let of = |text: &str| {
        let data = parse(text).expect("JSON");
        let mut out = Vec::new();
        shape(
            data.get("campaign").expect("a campaign"),
            "campaign",
            &mut out,
        );
        out
    };
    let english = of(widget_core::campaign::EN_JSON);
    assert!(english.len() > 30, "{english:?}");
    assert_eq!(english, of(widget_core::text::CY_JSON));
}
