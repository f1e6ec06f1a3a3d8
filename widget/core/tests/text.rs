//! Translations: English and Welsh complete and consistent, languages chosen by tag, campaign
//! texts per language with per-string fallback, and campaign overrides of widget strings.

use std::collections::BTreeSet;
use widget_core::json::{parse, Json};
use widget_core::text::CY_JSON;
use widget_core::{Campaign, CampaignError, Lang, LookupError, PostcodeError, Text, Texts};

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}

fn welsh_strings() -> Vec<(String, Json)> {
    match parse(CY_JSON).expect("cy.json is JSON").get("strings") {
        Some(Json::Object(members)) => members.clone(),
        _ => panic!("cy.json has no strings object"),
    }
}

#[test]
fn every_widget_string_has_welsh() {
    let welsh = welsh_strings();
    for text in Text::ALL {
        let cy = welsh.iter().find(|(k, _)| k == text.key());
        let cy = cy
            .and_then(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no Welsh for {}", text.key()));
        assert!(!cy.trim().is_empty(), "{} is empty in Welsh", text.key());
    }
}

#[test]
fn welsh_has_no_keys_the_widget_does_not_know() {
    for (key, _) in welsh_strings() {
        assert!(
            Text::from_key(&key).is_some(),
            "cy.json has unknown key {key}"
        );
    }
}

#[test]
fn placeholders_are_the_same_in_both_languages() {
    for text in Text::ALL {
        assert_eq!(
            placeholders(text.builtin(Lang::En)),
            placeholders(text.builtin(Lang::Cy)),
            "{}",
            text.key()
        );
    }
}

#[test]
fn languages_are_chosen_by_their_primary_tag() {
    assert_eq!(Lang::from_tag("cy"), Some(Lang::Cy));
    assert_eq!(Lang::from_tag("CY-gb"), Some(Lang::Cy));
    assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_tag("fr"), None);
    assert_eq!(Lang::from_tag(""), None);
}

#[test]
fn errors_speak_welsh() {
    let cy = Texts::new(Lang::Cy);
    assert_eq!(
        PostcodeError::Empty.message(cy.clone()),
        "Rhowch eich cod post"
    );
    assert!(LookupError::PostcodeTerminated { year: Some(1996) }
        .message(cy.clone())
        .contains("ers 1996"));
    let place = PostcodeError::CrownDependency(widget_core::postcode::CrownDependency::IsleOfMan);
    let message = place.message(cy);
    assert!(
        message.starts_with("Nid oes gan Ynys Manaw AS"),
        "{message}"
    );
}

#[test]
fn the_seed_campaign_has_welsh_texts_and_keeps_its_figures() {
    let cy = Campaign::default()
        .localized(Lang::Cy)
        .expect("Welsh seed campaign is valid");
    assert_eq!(
        cy.headline,
        "Gofynnwch i’ch AS gefnogi’r Pecyn Cymorth Eilaidd"
    );
    assert_eq!(cy.statistics[1].figure, "Dwy ran o bump");
    assert_eq!(cy.statistics[1].share, 0.4);
    assert!(cy.letter.body.starts_with("Annwyl {mp_name},"));
    assert_eq!(cy.links[0].href, Campaign::default().links[0].href);
}

#[test]
fn a_missing_translation_falls_back_per_string() {
    let campaign = Campaign {
        languages: vec![("cy".into(), parse(r#"{"headline": "Pennawd"}"#).unwrap())],
        ..Campaign::default()
    };
    let cy = campaign.localized(Lang::Cy).unwrap();
    assert_eq!(cy.headline, "Pennawd");
    assert_eq!(
        cy.ask,
        Campaign::default().ask,
        "untranslated texts stay English"
    );
    let en = campaign.localized(Lang::En).unwrap();
    assert_eq!(en.headline, Campaign::default().headline);
}

#[test]
fn a_translation_of_the_wrong_shape_is_named() {
    let campaign = Campaign {
        languages: vec![(
            "cy".into(),
            parse(r#"{"statistics": [{"share": "lots"}]}"#).unwrap(),
        )],
        ..Campaign::default()
    };
    assert_eq!(
        campaign.localized(Lang::Cy),
        Err(CampaignError::Field {
            path: "languages.cy.statistics[1].share".into(),
            message: "must be a number".into()
        })
    );
}

#[test]
fn campaigns_override_widget_strings_per_language() {
    let json = Campaign::default().to_json().replacen(
        "\"strings\": {}",
        r#""strings": {"en": {"FindMp": "Find my MP"}, "cy": {"Retry": "Eto"}}"#,
        1,
    );
    let campaign = Campaign::from_json(&json).expect("valid with overrides");
    let en = campaign.texts(Lang::En);
    assert_eq!(en.get(Text::FindMp), "Find my MP");
    assert_eq!(en.get(Text::Retry), "Try again");
    let cy = campaign.texts(Lang::Cy);
    assert_eq!(cy.get(Text::Retry), "Eto");
    assert_eq!(
        cy.get(Text::FindMp),
        "Dod o hyd i’ch AS",
        "English override does not leak into Welsh"
    );
}

#[test]
fn unknown_string_keys_and_languages_are_reported() {
    let json = Campaign::default().to_json().replacen(
        "\"strings\": {}",
        r#""strings": {"fr": {"FindMp": "Trouver"}, "en": {"FindMP": "x"}}"#,
        1,
    );
    let message = Campaign::from_json(&json).unwrap_err().to_string();
    assert!(
        message.contains("\u{201c}fr\u{201d} is not a language the widget speaks"),
        "{message}"
    );
    assert!(
        message.contains("\u{201c}FindMP\u{201d}, which is not one of the widget"),
        "{message}"
    );
}

/// A language's part of the campaign carries texts only: where the postcode goes, the layout
/// and the test recipient are the same for every supporter, whatever their language.
#[test]
fn a_translation_cannot_change_how_the_campaign_works() {
    let with_welsh = |overlay: &str| Campaign {
        languages: vec![("cy".into(), parse(overlay).unwrap())],
        ..Campaign::default()
    };
    let campaign = with_welsh(
        r#"{"headline": "Pennawd", "layout": "compact",
            "api": {"postcodes": "https://example.org/"}, "testRecipient": "a@example.org"}"#,
    );
    let Err(CampaignError::Invalid(problems)) = campaign.validate() else {
        panic!("expected the problems listed");
    };
    let paths: Vec<String> = problems.iter().map(|p| p.path()).collect();
    assert_eq!(
        paths,
        [
            "languages.cy.layout",
            "languages.cy.api",
            "languages.cy.testRecipient"
        ]
    );
    assert_eq!(
        problems[0].to_string(),
        "\u{201c}languages.cy\u{201d} sets \u{201c}layout\u{201d}, which is the same in every \
         language; set it once, outside \u{201c}languages\u{201d}."
    );
    // The same from a campaign file.
    let message = Campaign::from_json(&campaign.to_json())
        .unwrap_err()
        .to_string();
    assert!(message.contains("sets \u{201c}api\u{201d}"), "{message}");
    // Texts alone are fine.
    let texts_only = with_welsh(r#"{"headline": "Pennawd", "links": []}"#);
    assert_eq!(texts_only.validate(), Ok(()));
}
