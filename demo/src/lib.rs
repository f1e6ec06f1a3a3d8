//! What the demo page's editor asks of the core, as plain functions over JSON text:
//! the default campaign, its checks (with the path of each problem, for the field it belongs
//! to), the email an MP would receive, and colour contrast. The editor (`demo/site/editor.js`)
//! does the DOM; the rules stay in `widget-core`, in one place.

use wasm_bindgen::prelude::*;
use widget_core::colour::Colour;
use widget_core::json::Json;
use widget_core::letter::LetterValues;
use widget_core::{Campaign, CampaignError, Lang};

/// The built-in campaign as pretty JSON.
#[wasm_bindgen(js_name = defaultCampaign)]
pub fn default_campaign() -> String {
    Campaign::default().to_json()
}

/// Checks a campaign. Returns JSON: `{"problems": [{"kind", "path", "message"}], "syntax":
/// null}` or, for text that is not JSON, `"syntax": {"line", "column", "message"}`. No problems:
/// valid. `kind` is [`CampaignError::kind`]: `shape` (the JSON is not a campaign, so it cannot
/// be loaded into the editor) or `invalid` (it can, and its fields show the problems).
#[wasm_bindgen(js_name = checkCampaign)]
pub fn check_campaign(json: &str) -> String {
    let problem = |kind: &str, path: String, message: String| {
        Json::object(vec![
            ("kind", Json::text(kind)),
            ("path", Json::String(path)),
            ("message", Json::String(message)),
        ])
    };
    let (problems, syntax) = match Campaign::from_json(json) {
        Ok(campaign) => {
            // Each language must work too.
            let problems = Lang::ALL
                .into_iter()
                .filter_map(|lang| campaign.localized(lang).err())
                .map(|e| problem(e.kind(), String::new(), e.to_string()))
                .collect();
            (problems, Json::Null)
        }
        Err(error @ CampaignError::Json { .. }) => {
            let CampaignError::Json {
                line,
                column,
                ref message,
            } = error
            else {
                unreachable!("matched above")
            };
            let syntax = Json::object(vec![
                ("line", Json::Number(line as f64)),
                ("column", Json::Number(column as f64)),
                ("message", Json::text(message)),
                ("sentence", Json::String(error.to_string())),
            ]);
            (Vec::new(), syntax)
        }
        Err(error @ CampaignError::Field { .. }) => {
            let CampaignError::Field { ref path, .. } = error else {
                unreachable!("matched above")
            };
            (
                vec![problem(error.kind(), path.clone(), error.to_string())],
                Json::Null,
            )
        }
        Err(error @ CampaignError::Invalid(_)) => {
            let CampaignError::Invalid(ref list) = error else {
                unreachable!("matched above")
            };
            (
                list.iter()
                    .map(|p| problem(error.kind(), p.path(), p.to_string()))
                    .collect(),
                Json::Null,
            )
        }
    };
    Json::object(vec![
        ("problems", Json::Array(problems)),
        ("syntax", syntax),
    ])
    .to_pretty()
}

/// The email an MP would receive from a sample supporter, in `lang`: `{"subject", "body"}`,
/// or `{"error"}` when the campaign cannot be used.
#[wasm_bindgen(js_name = sampleEmail)]
pub fn sample_email(json: &str, lang: &str, opening: usize) -> String {
    let lang = Lang::from_tag(lang).unwrap_or_default();
    let letter = Campaign::from_json(json)
        .and_then(|c| c.localized(lang))
        .map_err(|e| e.to_string())
        .and_then(|c| {
            c.letter
                .render(&LetterValues {
                    mp_name: "Rachel Blake".into(),
                    constituency: "Cities of London and Westminster".into(),
                    sender_name: "Sam Sample".into(),
                    sender_address: "1 Example Street\nLondon".into(),
                    sender_postcode: "SW1A 1AA".into(),
                    personal: "(The supporter's own words appear here.)".into(),
                    opening,
                })
                .map_err(|e| e.to_string())
        });
    match letter {
        Ok(letter) => Json::object(vec![
            ("subject", Json::text(&letter.subject)),
            ("body", Json::text(&letter.body)),
        ]),
        Err(error) => Json::object(vec![("error", Json::String(error))]),
    }
    .to_pretty()
}

/// WCAG contrast ratio of two `#rrggbb` colours; 0 when either is not one.
#[wasm_bindgen(js_name = contrastRatio)]
pub fn contrast_ratio(a: &str, b: &str) -> f64 {
    match (Colour::from_hex(a), Colour::from_hex(b)) {
        (Some(a), Some(b)) => a.contrast(b),
        _ => 0.0,
    }
}
