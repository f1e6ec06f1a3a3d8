//! The decoders on answers nobody on this project wrote: every case in
//! `fixtures/real-world/cases.json` (a real postcodes.io or Members API answer, the status to
//! feed, and what a correct decode gives). Sources are in that folder's README.
//!
//! Beside the cases: the collection's derived probe (the snommoc search answer with its seat
//! renamed "Montgomeryshire and Glyndŵr", looked up as postcodes.io spells it, "Montgomeryshire
//! and Glyndwr"). All 650 seats are matched the same way in `names.rs`.

use widget_core::json::{parse, Json};
use widget_core::lookup::{decode_constituency_search, decode_contact, decode_postcode};
use widget_core::LookupError;

fn fixture(name: &str) -> String {
    let full = format!(
        "{}/tests/fixtures/real-world/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn cases() -> Vec<Json> {
    let cases = parse(&fixture("cases.json")).expect("cases.json is JSON");
    cases.as_array().expect("a list of cases").to_vec()
}

/// `PostcodeTerminated { year: Some(1996) }` → `PostcodeTerminated`, as cases.json names errors.
fn kind(error: &LookupError) -> String {
    format!("{error:?}")
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn optional_text(value: Option<&str>) -> Json {
    value.map_or(Json::Null, Json::text)
}

/// An error in the terms of cases.json: its kind and what it carries.
fn error_outcome(error: &LookupError) -> Json {
    let mut fields = vec![("error", Json::text(&kind(error)))];
    match error {
        LookupError::PostcodeTerminated { year } => {
            fields.push(("year", year.map_or(Json::Null, |y| Json::Number(y.into()))))
        }
        LookupError::ConstituencyNotFound { constituency }
        | LookupError::NoCurrentMp { constituency } => {
            fields.push(("constituency", Json::text(constituency)))
        }
        _ => {}
    }
    Json::object(fields)
}

/// Runs the case's decoder on its file and status; the outcome in the terms of cases.json.
fn outcome(case: &Json, file: &str, status: u16) -> Json {
    let body = fixture(file);
    let decoded = match case.str_at("decoder") {
        Some("postcode") => decode_postcode(status, &body, None).map(|c| {
            Json::object(vec![
                ("constituency", Json::text(&c.name)),
                ("country", optional_text(c.country.as_deref())),
                ("postcode", Json::text(&c.postcode)),
            ])
        }),
        Some("search") => {
            let wanted = case.str_at("search_for").expect("search_for");
            decode_constituency_search(status, &body, None, wanted).map(|mp| {
                Json::object(vec![
                    ("id", Json::Number(mp.id.into())),
                    ("name", Json::text(&mp.name)),
                    (
                        "party",
                        optional_text(mp.party.as_ref().map(|p| p.name.as_str())),
                    ),
                    ("constituency", Json::text(&mp.constituency)),
                    ("is_speaker", Json::Bool(mp.is_speaker)),
                ])
            })
        }
        Some("contact") => decode_contact(status, &body, None).map(|contact| {
            Json::object(vec![
                ("email", optional_text(contact.email.as_deref())),
                (
                    "postal_address",
                    Json::Array(
                        contact
                            .postal_address
                            .iter()
                            .map(|l| Json::text(l))
                            .collect(),
                    ),
                ),
            ])
        }),
        other => panic!("{file}: unknown decoder {other:?}"),
    };
    decoded.unwrap_or_else(|error| error_outcome(&error))
}

/// Every way the case's outcome differs from what it expects.
fn check(case: &Json) -> Vec<String> {
    let file = case.str_at("file").expect("file");
    let status = case
        .get("status")
        .and_then(Json::as_u32)
        .and_then(|s| u16::try_from(s).ok())
        .expect("status");
    let Some(Json::Object(expect)) = case.get("expect") else {
        panic!("{file}: expect is an object");
    };
    let got = outcome(case, file, status);
    let label = match case.str_at("search_for") {
        Some(wanted) => format!("{file} (status {status}, search for {wanted:?})"),
        None => format!("{file} (status {status})"),
    };
    let mut problems = Vec::new();
    if expect.iter().any(|(key, _)| key == "error") != got.get("error").is_some() {
        problems.push(format!(
            "{label}: expected {}",
            Json::Object(expect.clone()).to_pretty()
        ));
    }
    for (key, expected) in expect {
        if got.get(key) != Some(expected) {
            problems.push(format!(
                "{label}: {key}: expected {}, got {}",
                expected.to_pretty(),
                got.get(key).map_or("nothing".into(), Json::to_pretty)
            ));
        }
    }
    if !problems.is_empty() {
        problems.push(format!("{label}: whole outcome {}", got.to_pretty()));
    }
    problems
}

#[test]
fn every_real_answer_decodes_as_its_case_says() {
    let cases = cases();
    assert!(cases.len() >= 25, "only {} cases", cases.len());
    let problems: Vec<String> = cases.iter().flat_map(check).collect();
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn every_real_answer_has_a_case() {
    let cases = cases();
    let dir = format!("{}/tests/fixtures/real-world", env!("CARGO_MANIFEST_DIR"));
    let mut unused: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".json") && name != "cases.json")
        // Reference only: the parties' figures, not an answer the widget asks for.
        .filter(|name| name != "members-snommoc-state-of-parties-commons.json")
        // The 650 seat names, not an answer: read by names.rs.
        .filter(|name| name != "constituencies-2024.json")
        .filter(|name| !cases.iter().any(|c| c.str_at("file") == Some(name)))
        .collect();
    unused.sort();
    assert!(unused.is_empty(), "answers no case decodes: {unused:?}");
}

#[test]
fn the_real_search_answer_renamed_to_glyndwr_with_a_circumflex_is_found_as_ons_spells_it() {
    let body = fixture("members-snommoc-constituency-search-inverness.json").replace(
        "Inverness, Skye and West Ross-shire",
        "Montgomeryshire and Glyndŵr",
    );
    let mp = decode_constituency_search(200, &body, None, "Montgomeryshire and Glyndwr")
        .expect("the renamed seat");
    assert_eq!(mp.id, 5362);
    assert_eq!(mp.constituency, "Montgomeryshire and Glyndŵr");
}
