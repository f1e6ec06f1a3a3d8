//! (feature `serde`) The serde derives and the small reader read campaign files alike: the
//! cases where JSON leaves room (null, repeats, number spellings, escapes, nesting). The
//! generated comparison of 100,000 documents is in tests/soak/differential.rs.
#![cfg(feature = "serde")]

use widget_core::json::parse;
use widget_core::{Campaign, CampaignError};

/// A campaign's required parts but the headline.
const REST: &str = r#""ask": {"heading": "y"}, "letter": {"subject": "s", "body": "b"}"#;
const BASE: &str =
    r#""headline": "x", "ask": {"heading": "y"}, "letter": {"subject": "s", "body": "b"}"#;

fn both(
    document: &str,
) -> (
    Result<Campaign, CampaignError>,
    Result<Campaign, CampaignError>,
) {
    (
        Campaign::from_json(document),
        Campaign::from_json_serde(document),
    )
}

fn same_campaign(document: &str) -> Campaign {
    match both(document) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "{document}");
            a
        }
        other => panic!("{document}: {other:?}"),
    }
}

fn both_refuse(document: &str) {
    let (small, serde) = both(document);
    assert!(
        small.is_err() && serde.is_err(),
        "{document}: {small:?} / {serde:?}"
    );
}

#[test]
fn null_is_absent_for_optional_parts() {
    let c = same_campaign(&format!(
        r#"{{{BASE}, "intro": null, "story": null, "statistics": null, "api": null, "links": null,
            "languages": null, "strings": null, "testRecipient": null, "statisticsHeading": null}}"#
    ));
    assert_eq!(c.api.timeout_ms, 8000);
    assert!(c.intro.is_empty() && c.story.is_none());
    let c = same_campaign(&format!(
        r#"{{{BASE}, "api": {{"postcodes": null, "timeoutMs": null}}}}"#
    ));
    assert_eq!(c.api.postcodes, "https://api.postcodes.io");
    both_refuse(&format!(r#"{{{REST}, "headline": null}}"#));
    both_refuse(r#"{"headline": "x", "ask": null, "letter": {"subject": "s", "body": "b"}}"#);
}

#[test]
fn a_key_given_twice_is_refused_by_both() {
    both_refuse(&format!(r#"{{{BASE}, "headline": "again"}}"#));
    both_refuse(&format!(
        r#"{{{BASE}, "api": {{"timeoutMs": 900, "timeoutMs": 800}}}}"#
    ));
}

#[test]
fn parts_are_objects_never_arrays() {
    // serde's derive alone would read a struct from an array of its fields.
    both_refuse(&format!(r#"{{{BASE}, "story": ["Jo", "aged 40"]}}"#));
    both_refuse(&format!(r#"{{{BASE}, "api": []}}"#));
    both_refuse(r#"["x", {"heading": "y"}]"#);
}

#[test]
fn whole_numbers_in_any_spelling() {
    for spelling in ["8000", "8e3", "8000.0", "80000e-1"] {
        let c = same_campaign(&format!(
            r#"{{{BASE}, "api": {{"timeoutMs": {spelling}}}}}"#
        ));
        assert_eq!(c.api.timeout_ms, 8000, "{spelling}");
    }
    for spelling in ["8000.5", "-1", "4294967296", "1e400", "\"8000\""] {
        both_refuse(&format!(
            r#"{{{BASE}, "api": {{"timeoutMs": {spelling}}}}}"#
        ));
    }
    let share = |s: &str| {
        same_campaign(&format!(
            r#"{{{BASE}, "statistics": [{{"figure": "1", "share": {s}, "text": "t"}}]}}"#
        ))
        .statistics[0]
            .share
    };
    assert_eq!(share("0.72"), 0.72);
    assert_eq!(share("7.2e-1"), 0.72);
    assert_eq!(share("0.720000000000000000000000000001"), 0.72);
}

#[test]
fn escapes_and_half_surrogates() {
    let c = same_campaign(&format!(
        r#"{{{REST}, "headline": "\ud83d\ude00 \u00e9\/"}}"#
    ));
    assert_eq!(c.headline, "😀 é/");
    both_refuse(&format!(r#"{{{REST}, "headline": "\ud800"}}"#));
    both_refuse(&format!(r#"{{{REST}, "headline": "\udc00"}}"#));
    both_refuse(&format!(r#"{{{REST}, "headline": "\ud800\u0041"}}"#));
}

#[test]
fn nesting_is_limited_alike() {
    // 127 arrays and objects inside each other are read; 128 are not (serde_json's limit).
    let overlay = |depth: usize| {
        format!(
            r#"{{{BASE}, "languages": {{"cy": {{"x": {}{}}}}}}}"#,
            "[".repeat(depth - 3),
            "]".repeat(depth - 3)
        )
    };
    same_campaign(&overlay(127));
    both_refuse(&overlay(128));
}

#[test]
fn schema_and_languages_keep_their_order_and_values() {
    let c = same_campaign(&format!(
        r#"{{"$schema": "https://example.org/s.json", {BASE},
            "languages": {{"cy": {{"headline": "Pennawd"}}, "en": {{"headline": "H"}}}},
            "strings": {{"cy": {{"PostcodeLabel": "Cod post", "PostcodeHint": "e.e."}}}}}}"#
    ));
    assert_eq!(c.schema.as_deref(), Some("https://example.org/s.json"));
    assert_eq!(c.languages[0].0, "cy");
    assert_eq!(c.strings[0].1[1].0, "PostcodeHint");
    // Written back, it names its schema first.
    assert!(c
        .to_json()
        .starts_with("{\n  \"$schema\": \"https://example.org/s.json\","));
}

#[test]
fn serde_writes_what_to_json_writes() {
    let campaign = Campaign {
        schema: Some("https://example.org/s.json".into()),
        ..Campaign::default()
    };
    let ours = parse(&campaign.to_json()).unwrap();
    let theirs = parse(&serde_json::to_string(&campaign).unwrap()).unwrap();
    assert_eq!(ours, theirs);
    assert_eq!(same_campaign(&campaign.to_json()), campaign);
}
