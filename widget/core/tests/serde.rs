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
fn layout_is_read_alike_and_an_unknown_one_refused_by_both() {
    use widget_core::campaign::Layout;
    let layout = |extra: &str| same_campaign(&format!("{{{BASE}{extra}}}")).layout;
    assert_eq!(layout(""), Layout::Full);
    assert_eq!(layout(r#", "layout": null"#), Layout::Full);
    assert_eq!(layout(r#", "layout": "full""#), Layout::Full);
    assert_eq!(layout(r#", "layout": "compact""#), Layout::Compact);
    for wrong in [
        r#""wide""#,
        r#""Compact""#,
        r#""""#,
        "7",
        "true",
        "[]",
        "{}",
    ] {
        both_refuse(&format!(r#"{{{BASE}, "layout": {wrong}}}"#));
    }
}

#[test]
fn serde_writes_what_to_json_writes() {
    let campaign = Campaign {
        schema: Some("https://example.org/s.json".into()),
        layout: widget_core::campaign::Layout::Compact,
        ..Campaign::default()
    };
    let ours = parse(&campaign.to_json()).unwrap();
    let theirs = parse(&serde_json::to_string(&campaign).unwrap()).unwrap();
    assert_eq!(ours, theirs);
    assert_eq!(same_campaign(&campaign.to_json()), campaign);
}

// --- The API answers ---------------------------------------------------------------------------

use widget_core::answers::{with_serde, ContactAnswer, PostcodeAnswer, SearchAnswer};
use widget_core::lookup::{
    decode_constituency_search, decode_constituency_search_serde, decode_contact,
    decode_contact_serde, decode_postcode, decode_postcode_search, decode_postcode_search_serde,
    decode_postcode_serde,
};

/// Every JSON file in `folder` (relative to this crate), with its name.
fn fixtures(folder: &str) -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir:?}: {e}"))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path.display().to_string(), text)
        })
        .collect()
}

/// Every answer fixture, real (tests/fixtures/real-world) and the project's own
/// (tests/fixtures/api), read as each kind of answer: the same answer and the same outcome
/// through the small reader and serde, with each status the lookup meets.
#[test]
fn every_answer_fixture_reads_the_same_both_ways() {
    let mut all = fixtures("tests/fixtures/real-world");
    for kind in ["postcodes", "search", "search-by-postcode", "contact"] {
        all.extend(fixtures(&format!("../../tests/fixtures/api/{kind}")));
    }
    all.retain(|(name, _)| !name.ends_with("cases.json") && !name.contains("constituencies-2024"));
    assert!(all.len() >= 50, "{} fixtures", all.len());
    let mut decoded = 0;
    for (name, body) in &all {
        let json = parse(body).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(
            PostcodeAnswer::read(&json),
            with_serde::answer(body).unwrap(),
            "{name}"
        );
        assert_eq!(
            SearchAnswer::read(&json),
            with_serde::answer(body).unwrap(),
            "{name}"
        );
        assert_eq!(
            ContactAnswer::read(&json),
            with_serde::answer(body).unwrap(),
            "{name}"
        );
        let wanted = std::path::Path::new(name)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for status in [200, 404] {
            let small = decode_postcode(status, body, None);
            assert_eq!(
                small,
                decode_postcode_serde(status, body, None),
                "{name} {status}"
            );
            decoded += usize::from(small.is_ok());
        }
        for wanted in [
            wanted.as_str(),
            "Montgomeryshire and Glyndwr",
            "Inverness, Skye and West Ross-shire",
        ] {
            let small = decode_constituency_search(200, body, None, wanted);
            let serde = decode_constituency_search_serde(200, body, None, wanted);
            assert_eq!(small, serde, "{name} {wanted}");
            decoded += usize::from(small.is_ok());
        }
        let small = decode_postcode_search(200, body, None);
        assert_eq!(
            small,
            decode_postcode_search_serde(200, body, None),
            "{name}"
        );
        decoded += usize::from(small.is_ok());
        let small = decode_contact(200, body, None);
        assert_eq!(small, decode_contact_serde(200, body, None), "{name}");
        decoded += usize::from(small.is_ok());
    }
    // Most fixtures give an outcome the lookup accepts: not a comparison of two refusals.
    assert!(
        decoded * 4 >= all.len() * 3,
        "{decoded} outcomes decoded for {} fixtures",
        all.len()
    );
}
