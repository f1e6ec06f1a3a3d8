//! (feature `serde`) The differential test: campaign documents read by the small reader
//! (`Campaign::from_json`, shipped) and by serde (`Campaign::from_json_serde`, the derives that
//! are the schema) must give the same campaign, or both be rejected — and when both reject
//! values that cannot be used, the same problems. At least 100,000 documents: generated valid
//! campaigns, and real and generated ones mutated and broken.

use std::cell::Cell;

use widget_core::json::Json;
use widget_core::{Campaign, CampaignError, Text};

use widget_core::lookup::{
    decode_constituency_search, decode_constituency_search_serde, decode_contact,
    decode_contact_serde, decode_postcode, decode_postcode_search, decode_postcode_search_serde,
    decode_postcode_serde,
};

use crate::answer;
use crate::harness::{soak, soak_at_least, Check, Rng};
use crate::inputs::{
    api_answers, json_input, mutate_text, random_text, read, real_answers, Source,
};

/// Real campaign texts, so that generated documents read like campaigns as well as like noise.
const WORDS: &[&str] = &[
    "Ask your MP to support the Secondary Support Package",
    "Save {constituency} library",
    "Dear {mp_name},\n\n{opening}\n\n{personal}\n\n{sender_name}\n{sender_address}\n{sender_postcode}",
    "Gofynnwch i’ch AS gefnogi’r Pecyn Cymorth Eilaidd",
    "72%",
    "Two fifths",
    "Jo, diagnosed aged 40",
    "https://breastcancernow.org/support-for-you/",
    "http://127.0.0.1:8080",
    "/mp-api",
    "campaigns@example.org",
];

fn text(rng: &mut Rng) -> Json {
    if rng.one_in(6) {
        Json::String(random_text(rng))
    } else {
        Json::text(WORDS[rng.below(WORDS.len())])
    }
}

fn texts(rng: &mut Rng) -> Json {
    Json::Array((0..rng.below(4)).map(|_| text(rng)).collect())
}

/// Mostly `good`, sometimes any text.
fn one_of(rng: &mut Rng, good: &[&str]) -> Json {
    if rng.one_in(12) {
        text(rng)
    } else {
        Json::text(good[rng.below(good.len())])
    }
}

fn href(rng: &mut Rng) -> Json {
    one_of(
        rng,
        &[
            "https://breastcancernow.org/",
            "http://127.0.0.1:8080/x?a=1&b=2",
        ],
    )
}

fn api_url(rng: &mut Rng) -> Json {
    one_of(
        rng,
        &["https://api.postcodes.io", "http://127.0.0.1:9", "/mp-api"],
    )
}

fn email(rng: &mut Rng) -> Json {
    one_of(rng, &["campaigns@example.org", "a.b+c@example.co.uk"])
}

/// Adds `key` with `value` most of the time; sometimes leaves it out or writes null.
fn maybe(
    rng: &mut Rng,
    members: &mut Vec<(String, Json)>,
    key: &str,
    value: impl FnOnce(&mut Rng) -> Json,
) {
    match rng.below(8) {
        0 => {}
        1 => members.push((key.to_owned(), Json::Null)),
        _ => members.push((key.to_owned(), value(rng))),
    }
}

fn object(members: Vec<(String, Json)>) -> Json {
    Json::Object(members)
}

fn section(rng: &mut Rng) -> Json {
    let mut m = vec![("heading".to_owned(), text(rng))];
    maybe(rng, &mut m, "text", text);
    maybe(rng, &mut m, "points", texts);
    object(m)
}

fn share(rng: &mut Rng) -> f64 {
    const SHARES: [f64; 10] = [
        0.0,
        1.0,
        0.5,
        0.72,
        0.4,
        1e-7,
        0.1 + 0.2,
        -0.0,
        1.000_000_1,
        2.0,
    ];
    if rng.one_in(4) {
        *rng.pick(&SHARES)
    } else {
        (rng.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A campaign document built field by field: mostly valid, with optional parts present,
/// absent or null, and now and then a value that validation refuses.
fn generated(rng: &mut Rng) -> Json {
    let mut m = Vec::new();
    maybe(rng, &mut m, "$schema", |_| {
        Json::text("https://example.org/campaign.schema.json")
    });
    m.push(("headline".to_owned(), text(rng)));
    maybe(rng, &mut m, "intro", texts);
    maybe(rng, &mut m, "statisticsHeading", text);
    let statistics = (0..rng.below(4))
        .map(|_| {
            object(vec![
                ("figure".to_owned(), text(rng)),
                ("share".to_owned(), Json::Number(share(rng))),
                ("text".to_owned(), text(rng)),
            ])
        })
        .collect();
    maybe(rng, &mut m, "statistics", |_| Json::Array(statistics));
    let mut story = vec![("quote".to_owned(), text(rng))];
    maybe(rng, &mut story, "attribution", text);
    maybe(rng, &mut m, "story", |_| object(story));
    maybe(rng, &mut m, "proposal", section);
    m.push(("ask".to_owned(), section(rng)));
    let mut letter = vec![("subject".to_owned(), text(rng))];
    maybe(rng, &mut letter, "openings", texts);
    maybe(rng, &mut letter, "prompt", text);
    letter.push(("body".to_owned(), text(rng)));
    m.push(("letter".to_owned(), object(letter)));
    let links = (0..rng.below(3))
        .map(|_| {
            let mut link = vec![("heading".to_owned(), text(rng))];
            maybe(rng, &mut link, "text", text);
            link.push(("label".to_owned(), text(rng)));
            link.push(("href".to_owned(), href(rng)));
            object(link)
        })
        .collect();
    maybe(rng, &mut m, "links", |_| Json::Array(links));
    let mut api = Vec::new();
    maybe(rng, &mut api, "postcodes", api_url);
    maybe(rng, &mut api, "members", api_url);
    let timeout = if rng.one_in(4) {
        *rng.pick(&[500.0, 60_000.0, 499.0, 0.0, 4_294_967_296.0])
    } else {
        8000.0
    };
    maybe(rng, &mut api, "timeoutMs", |_| Json::Number(timeout));
    maybe(rng, &mut m, "api", |_| object(api));
    maybe(rng, &mut m, "testRecipient", email);
    maybe(rng, &mut m, "layout", |rng| {
        one_of(rng, &["full", "compact"])
    });
    let tag = ["cy", "cy", "cy", "en", "cy-GB", "CY", "fr"][rng.below(7)];
    let mut overlay = vec![("headline".to_owned(), text(rng))];
    maybe(rng, &mut overlay, "ask", section);
    maybe(rng, &mut m, "languages", |_| {
        object(vec![(tag.to_owned(), object(overlay))])
    });
    let key = if rng.one_in(10) {
        "NoSuchText"
    } else {
        rng.pick(Text::ALL).key()
    };
    let strings = object(vec![(
        tag.to_owned(),
        object(vec![(key.to_owned(), text(rng))]),
    )]);
    maybe(rng, &mut m, "strings", |_| strings);
    // Any order of keys.
    if rng.one_in(2) {
        m.reverse();
    }
    object(m)
}

/// Other spellings of the same numbers, and numbers no reader can keep.
fn respelled(rng: &mut Rng, text: String) -> String {
    let spellings: &[(&str, &[&str])] = &[
        (
            "\"timeoutMs\": 8000",
            &[
                "\"timeoutMs\": 8e3",
                "\"timeoutMs\": 8000.0",
                "\"timeoutMs\": 80000e-1",
                "\"timeoutMs\": 8000.5",
                "\"timeoutMs\": -0",
                "\"timeoutMs\": 1e400",
                "\"timeoutMs\": 8000000000000000000000",
            ],
        ),
        (
            "\"share\": 0.72",
            &[
                "\"share\": 7.2e-1",
                "\"share\": 0.720000000000000000000000000001",
                "\"share\": 72e-2",
                "\"share\": 1e-400",
                "\"share\": -1e400",
            ],
        ),
        (
            "\"headline\": \"",
            &[
                "\"headline\": \"\\ud83d\\ude00",
                "\"headline\": \"\\ud800",
                "\"headline\": \"\\udc00x",
                "\"headline\": \"\\u00e9\\/\\b\\f\\t",
            ],
        ),
    ];
    let (from, to) = rng.pick(spellings);
    text.replacen(from, to[rng.below(to.len())], 1)
}

/// The two readings agree: the same campaign, or both refuse (the same problems, when both
/// read the document and refuse its values).
fn same_reading(text: &str, accepted: &Cell<usize>) -> Check {
    let small = Campaign::from_json(text);
    let serde = Campaign::from_json_serde(text);
    match (&small, &serde) {
        (Ok(a), Ok(b)) if a == b => {
            accepted.set(accepted.get() + 1);
            Ok(())
        }
        (Err(CampaignError::Invalid(a)), Err(CampaignError::Invalid(b))) if a != b => Err(format!(
            "different problems: small reader {a:?}, serde {b:?}"
        )),
        (Err(_), Err(_)) => Ok(()),
        _ => Err(format!("small reader: {small:?}\nserde: {serde:?}")),
    }
}

#[test]
fn differential_campaign_small_reader_and_serde() {
    let named = Campaign {
        schema: Some("https://example.org/campaign.schema.json".into()),
        test_recipient: Some("campaigns@example.org".into()),
        ..Campaign::default()
    };
    let sources = [
        Source::new("Campaign::default()", Campaign::default().to_json()),
        Source::new("with $schema and a test recipient", named.to_json()),
        Source::new(
            "tests/fixtures/minimal-campaign.json",
            read("tests/fixtures/minimal-campaign.json"),
        ),
    ];
    let accepted = Cell::new(0);
    let report = soak_at_least(
        "campaign: small reader = serde",
        100_000,
        |rng| match rng.below(10) {
            0..=3 => generated(rng).to_pretty(),
            4 => respelled(rng, Campaign::default().to_json()),
            5 => {
                let text = generated(rng).to_pretty();
                respelled(rng, text)
            }
            6 => {
                let text = generated(rng).to_pretty();
                mutate_text(rng, &text)
            }
            _ => json_input(rng, &sources),
        },
        |text| same_reading(text, &accepted),
    );
    let inputs = report.inputs();
    report.print_and_check();
    let accepted = accepted.get();
    println!("both readers accepted {accepted} of {inputs} documents; both refused the rest");
    // Neither side may pass by refusing everything: many documents are campaigns.
    assert!(
        accepted * 10 > inputs * 3,
        "only {accepted} of {inputs} documents were campaigns"
    );
}

// ---------------------------------------------------------------------------------------------
// The API answers: the three decoders with the small reader and with serde.

fn same_answer<T: PartialEq + std::fmt::Debug, E>(
    small: Result<T, E>,
    serde: Result<T, E>,
    found: &Cell<usize>,
) -> Check
where
    E: PartialEq + std::fmt::Debug,
{
    if small == serde {
        if small.is_ok() {
            found.set(found.get() + 1);
        }
        Ok(())
    } else {
        Err(format!("small reader: {small:?}\nserde: {serde:?}"))
    }
}

#[test]
fn differential_api_answers_small_reader_and_serde() {
    let mut postcodes = real_answers("postcode");
    postcodes.extend(api_answers("postcodes"));
    let mut searches = real_answers("search");
    searches.extend(api_answers("search"));
    let mut contacts = real_answers("contact");
    contacts.extend(api_answers("contact"));
    let names = [
        "Montgomeryshire and Glyndwr",
        "Cities of London and Westminster",
        "Inverness, Skye and West Ross-shire",
        "Belfast South and Mid Down",
        "Sevenoaks",
    ];
    let found = Cell::new(0);
    let report = soak(
        "API answers: small reader = serde",
        |rng| {
            let kind = rng.below(4);
            let sources = [&postcodes, &searches, &contacts, &searches][kind];
            let name = names[rng.below(names.len())];
            (kind, answer(rng, sources), name)
        },
        |(kind, a, name)| {
            let (status, body, retry) = (a.status, a.body.as_str(), a.retry_after.as_deref());
            match kind {
                0 => same_answer(
                    decode_postcode(status, body, retry),
                    decode_postcode_serde(status, body, retry),
                    &found,
                ),
                1 => same_answer(
                    decode_constituency_search(status, body, retry, name),
                    decode_constituency_search_serde(status, body, retry, name),
                    &found,
                ),
                3 => same_answer(
                    decode_postcode_search(status, body, retry),
                    decode_postcode_search_serde(status, body, retry),
                    &found,
                ),
                _ => same_answer(
                    decode_contact(status, body, retry),
                    decode_contact_serde(status, body, retry),
                    &found,
                ),
            }
        },
    );
    let inputs = report.inputs();
    report.print_and_check();
    let found = found.get();
    println!("both readers decoded {found} of {inputs} answers; both refused the rest alike");
    assert!(
        found * 10 > inputs,
        "only {found} of {inputs} answers decoded"
    );
}
