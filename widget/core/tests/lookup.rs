//! Decoding the two APIs' answers (fixture files in the real shapes) into our own types, and
//! every edge case its own outcome.

use widget_core::lookup::{
    constituency_search_url, contact_url, decode_constituency_search, decode_contact,
    decode_postcode, decode_postcode_search, origin, postcode_url, status_error, writetothem_url,
    COMMONS_ADDRESS,
};
use widget_core::postcode::CrownDependency;
use widget_core::{LookupError, Postcode};

fn fixture(path: &str) -> String {
    let full = format!(
        "{}/../../tests/fixtures/api/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn postcode(compact: &str) -> Result<widget_core::Constituency, LookupError> {
    let body = fixture(&format!("postcodes/{compact}.json"));
    let status = if body.contains("\"status\": 404") {
        404
    } else {
        200
    };
    decode_postcode(status, &body, None)
}

fn search(name: &str) -> Result<widget_core::Mp, LookupError> {
    decode_constituency_search(200, &fixture(&format!("search/{name}.json")), None, name)
}

#[test]
fn urls_are_built_from_configurable_bases_and_encoded() {
    let pc = Postcode::parse("sw1a1aa").unwrap();
    assert_eq!(
        postcode_url("http://127.0.0.1:9/", &pc),
        "http://127.0.0.1:9/postcodes/SW1A%201AA"
    );
    assert_eq!(
        constituency_search_url("https://members-api.parliament.uk", "Inverness, Skye and West Ross-shire"),
        "https://members-api.parliament.uk/api/Location/Constituency/Search?searchText=Inverness%2C%20Skye%20and%20West%20Ross-shire&skip=0&take=20"
    );
    assert_eq!(
        contact_url("https://members-api.parliament.uk", 5362),
        "https://members-api.parliament.uk/api/Members/5362/Contact"
    );
    assert_eq!(
        writetothem_url(&pc),
        "https://www.writetothem.com/?pc=SW1A%201AA&a=westminstermp"
    );
}

#[test]
fn postcode_in_each_nation_gives_its_2024_constituency() {
    for (compact, constituency, country) in [
        ("SW1A1AA", "Cities of London and Westminster", "England"),
        ("IV23PT", "Inverness, Skye and West Ross-shire", "Scotland"),
        ("CF101EP", "Cardiff South and Penarth", "Wales"),
        ("BT15GS", "Belfast South and Mid Down", "Northern Ireland"),
    ] {
        let found = postcode(compact).unwrap();
        assert_eq!(found.name, constituency);
        assert_eq!(found.country.as_deref(), Some(country));
    }
}

#[test]
fn older_constituency_field_is_the_fallback() {
    assert_eq!(postcode("M11AE").unwrap().name, "Manchester Central");
}

#[test]
fn unknown_postcode_is_not_found() {
    let body = r#"{"status":404,"error":"Postcode not found"}"#;
    assert_eq!(
        decode_postcode(404, body, None),
        Err(LookupError::PostcodeNotFound)
    );
    let invalid = r#"{"status":404,"error":"Invalid postcode"}"#;
    assert_eq!(
        decode_postcode(404, invalid, None),
        Err(LookupError::PostcodeNotFound)
    );
}

#[test]
fn terminated_postcode_says_since_when() {
    let err = postcode("AB10AA").unwrap_err();
    assert_eq!(err, LookupError::PostcodeTerminated { year: Some(1996) });
    assert_eq!(
        err.to_string(),
        "That postcode has not been used since 1996. Enter your current postcode"
    );
}

#[test]
fn crown_dependency_answer_has_no_mp() {
    assert_eq!(
        postcode("JE23AB"),
        Err(LookupError::CrownDependency(CrownDependency::Jersey))
    );
}

#[test]
fn postcode_without_any_constituency_is_its_own_case() {
    let body = r#"{"status":200,"result":{"postcode":"XX1 1XX","country":"England","parliamentary_constituency":null}}"#;
    assert_eq!(
        decode_postcode(200, body, None),
        Err(LookupError::NoConstituency)
    );
}

#[test]
fn search_picks_the_exact_name_not_the_first_result() {
    let mp = search("York Central").unwrap();
    assert_eq!(mp.name, "Rachael Maskell");
    assert_eq!(mp.constituency, "York Central");
    // Case and surrounding space do not matter.
    let body = fixture("search/York Central.json");
    let mp = decode_constituency_search(200, &body, None, "  york central ").unwrap();
    assert_eq!(mp.id, 4471);
}

#[test]
fn mp_has_name_party_colour_and_portrait() {
    let mp = search("Inverness, Skye and West Ross-shire").unwrap();
    assert_eq!(mp.id, 5362);
    assert_eq!(mp.name, "Mr Angus MacDonald");
    let party = mp.party.unwrap();
    assert_eq!(party.name, "Liberal Democrat");
    assert_eq!(party.abbreviation.as_deref(), Some("LD"));
    assert_eq!(party.colour.map(|c| c.to_css()).as_deref(), Some("#faa01a"));
    assert_eq!(
        mp.portrait_url.as_deref(),
        Some("https://members-api.parliament.uk/api/Members/5362/Thumbnail")
    );
    assert!(!mp.is_speaker);
}

#[test]
fn the_speaker_is_recognised() {
    let mp = search("Chorley").unwrap();
    assert!(mp.is_speaker);
    assert_eq!(mp.name, "Sir Lindsay Hoyle");
}

#[test]
fn vacant_seat_has_no_current_mp() {
    let err = search("Telford").unwrap_err();
    assert_eq!(
        err,
        LookupError::NoCurrentMp {
            constituency: "Telford".into()
        }
    );
    assert!(err
        .to_string()
        .starts_with("Telford has no MP at the moment"));
}

#[test]
fn member_whose_membership_ended_is_not_the_current_mp() {
    assert!(matches!(
        search("Runcorn and Helsby"),
        Err(LookupError::NoCurrentMp { .. })
    ));
}

#[test]
fn no_matching_constituency_is_not_found() {
    let body = r#"{"items":[],"totalResults":0,"skip":0,"take":20}"#;
    assert_eq!(
        decode_constituency_search(200, body, None, "Atlantis"),
        Err(LookupError::ConstituencyNotFound {
            constituency: "Atlantis".into()
        })
    );
}

#[test]
fn contact_prefers_the_parliamentary_email() {
    let contact = decode_contact(200, &fixture("contact/5097.json"), None).unwrap();
    assert_eq!(
        contact.email.as_deref(),
        Some("rachel.blake.mp@parliament.uk")
    );
    assert_eq!(
        contact.postal_address,
        ["House of Commons", "London", "SW1A 0AA"]
    );
}

#[test]
fn contact_falls_back_to_any_email() {
    let contact = decode_contact(200, &fixture("contact/4264.json"), None).unwrap();
    assert_eq!(
        contact.email.as_deref(),
        Some("stephen.doughty.office@parliament.uk")
    );
}

#[test]
fn contact_without_email_offers_the_commons_address() {
    let contact = decode_contact(200, &fixture("contact/4761.json"), None).unwrap();
    assert_eq!(contact.email, None);
    assert_eq!(
        contact.postal_address,
        ["House of Commons", "London", "SW1A 0AA"]
    );
    let empty = decode_contact(200, r#"{"value":[]}"#, None).unwrap();
    assert_eq!(empty.email, None);
    assert_eq!(empty.postal_address, COMMONS_ADDRESS);
}

#[test]
fn contact_email_that_could_inject_headers_is_ignored() {
    let body = r#"{"value":[{"type":"Parliamentary office","email":"a@b.org?bcc=evil@x.org"},
                             {"type":"Constituency office","email":"real.mp@parliament.uk"}]}"#;
    let contact = decode_contact(200, body, None).unwrap();
    assert_eq!(contact.email.as_deref(), Some("real.mp@parliament.uk"));
}

#[test]
fn extra_and_missing_fields_are_tolerated() {
    let body =
        r#"{"value":[{"type":"Parliamentary office","email":"x.mp@parliament.uk","new":{"a":1}}]}"#;
    assert!(decode_contact(200, body, None).unwrap().email.is_some());
    let search_body = r#"{"items":[{"value":{"name":"Somewhere","currentRepresentation":{"member":{"value":{"id":1,"nameDisplayAs":"A Person"}}}}}]}"#;
    let mp = decode_constituency_search(200, search_body, None, "Somewhere").unwrap();
    assert_eq!((mp.id, mp.name.as_str(), mp.party), (1, "A Person", None));
}

#[test]
fn malformed_answers_are_bad_responses() {
    for body in ["", "<html>oops</html>", "{\"result\":", "[]", "null"] {
        assert_eq!(
            decode_postcode(200, body, None),
            Err(LookupError::BadResponse),
            "{body}"
        );
        assert!(matches!(
            decode_constituency_search(200, body, None, "X"),
            Err(LookupError::BadResponse | LookupError::ConstituencyNotFound { .. })
        ));
        assert_eq!(
            decode_contact(200, body, None),
            Err(LookupError::BadResponse),
            "{body}"
        );
    }
}

#[test]
fn rate_limits_honour_a_short_retry_after_only() {
    let short = status_error(429, Some("3")).unwrap();
    assert_eq!(short.auto_retry_after(), Some(3));
    let long = status_error(429, Some("120")).unwrap();
    assert_eq!(long.auto_retry_after(), None);
    assert_eq!(
        long.to_string(),
        "The MP lookup is busy right now. Wait a minute, then try again"
    );
    let date = status_error(429, Some("Wed, 21 Oct 2026 07:28:00 GMT")).unwrap();
    assert_eq!(date, LookupError::RateLimited { retry_after: None });
}

#[test]
fn server_errors_and_odd_statuses() {
    assert_eq!(status_error(200, None), None);
    assert_eq!(
        status_error(503, None),
        Some(LookupError::ServiceDown { status: 503 })
    );
    assert_eq!(status_error(302, None), Some(LookupError::BadResponse));
    assert_eq!(
        decode_postcode(500, "Internal Server Error", None),
        Err(LookupError::ServiceDown { status: 500 })
    );
}

#[test]
fn every_failure_has_its_own_sentence() {
    let errors = [
        LookupError::PostcodeNotFound,
        LookupError::PostcodeTerminated { year: None },
        LookupError::CrownDependency(CrownDependency::Guernsey),
        LookupError::NoConstituency,
        LookupError::ConstituencyNotFound {
            constituency: "X".into(),
        },
        LookupError::NoCurrentMp {
            constituency: "X".into(),
        },
        LookupError::RateLimited { retry_after: None },
        LookupError::ServiceDown { status: 502 },
        LookupError::Timeout,
        LookupError::BadResponse,
        LookupError::Network,
        LookupError::Offline,
    ];
    let mut sentences: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    sentences.sort();
    sentences.dedup();
    assert_eq!(sentences.len(), errors.len(), "{sentences:#?}");
    assert!(errors.iter().all(|e| !e.to_string().contains('{')));
}

#[test]
fn retry_is_offered_only_where_it_can_help() {
    assert!(LookupError::Timeout.is_retryable());
    assert!(LookupError::ServiceDown { status: 500 }.is_retryable());
    assert!(!LookupError::PostcodeNotFound.is_retryable());
    assert!(LookupError::PostcodeNotFound.is_about_postcode());
    assert!(!LookupError::NoCurrentMp {
        constituency: "X".into()
    }
    .is_retryable());
}

/// The Members API's constituency search asked with a whole postcode (the route when
/// postcodes.io cannot answer), as the fixture API answers it.
fn search_by_postcode(compact: &str) -> Result<widget_core::Mp, LookupError> {
    decode_postcode_search(
        200,
        &fixture(&format!("search-by-postcode/{compact}.json")),
        None,
    )
}

#[test]
fn both_routes_find_the_same_mp_for_every_fixture_postcode() {
    let folder = format!(
        "{}/../../tests/fixtures/api/postcodes",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut compared = 0;
    for entry in std::fs::read_dir(folder).unwrap() {
        let file = entry.unwrap().file_name().into_string().unwrap();
        let compact = file.trim_end_matches(".json");
        let Ok(constituency) = postcode(compact) else {
            continue;
        };
        let by_name = match constituency.name.as_str() {
            // The search file of the seat whose name postcodes.io spells without the ŵ.
            "Montgomeryshire and Glyndwr" => decode_constituency_search(
                200,
                &fixture("search/Montgomeryshire.json"),
                None,
                &constituency.name,
            ),
            name => search(name),
        };
        assert_eq!(search_by_postcode(compact), by_name, "{compact}");
        compared += 1;
    }
    assert_eq!(compared, 11, "every fixture postcode with a seat");
}

#[test]
fn search_by_postcode_keeps_the_specific_outcomes() {
    // Vacant, the Speaker, a member whose membership ended: as on the postcodes.io route.
    assert_eq!(
        search_by_postcode("TF11AA"),
        Err(LookupError::NoCurrentMp {
            constituency: "Telford".into()
        })
    );
    assert!(search_by_postcode("PR71DP").unwrap().is_speaker);
    assert!(matches!(
        search_by_postcode("WA71AA"),
        Err(LookupError::NoCurrentMp { .. })
    ));
    assert_eq!(search_by_postcode("SW1A1AA").unwrap().name, "Rachel Blake");
}

#[test]
fn search_by_postcode_never_guesses_a_seat() {
    // Two current seats listed: which one is the supporter's is not ours to choose.
    assert_eq!(search_by_postcode("SE20XX"), Err(LookupError::BadResponse));
    // No seat at all.
    assert_eq!(
        search_by_postcode("SE21XX"),
        Err(LookupError::PostcodeNotFound)
    );
    // A seat without a name could not be shown.
    let nameless = r#"{"items":[{"value":{"id":1,"name":null,"currentRepresentation":null}}]}"#;
    assert_eq!(
        decode_postcode_search(200, nameless, None),
        Err(LookupError::BadResponse)
    );
}

#[test]
fn search_by_postcode_skips_seats_that_have_ended() {
    // Two ended seats listed first, then the current one.
    let mp = decode_postcode_search(200, &fixture("search/Montgomeryshire.json"), None).unwrap();
    assert_eq!(mp.constituency, "Montgomeryshire and Glyndŵr");
    assert_eq!(mp.name, "Steve Witherden");
}

#[test]
fn search_by_postcode_reports_the_service_as_the_name_search_does() {
    assert_eq!(
        decode_postcode_search(503, "", None),
        Err(LookupError::ServiceDown { status: 503 })
    );
    assert_eq!(
        decode_postcode_search(429, "", Some("2")),
        Err(LookupError::RateLimited {
            retry_after: Some(2)
        })
    );
    assert_eq!(
        decode_postcode_search(200, "<html>Gateway login</html>", None),
        Err(LookupError::BadResponse)
    );
}

#[test]
fn an_api_origin_is_its_scheme_host_and_port() {
    assert_eq!(
        origin("https://api.postcodes.io"),
        Some("https://api.postcodes.io")
    );
    assert_eq!(
        origin(" https://members-api.parliament.uk/ "),
        Some("https://members-api.parliament.uk")
    );
    assert_eq!(
        origin("http://127.0.0.1:8080/fixture-api/"),
        Some("http://127.0.0.1:8080")
    );
    assert_eq!(origin("http://host?x=1"), Some("http://host"));
    for not_one in [
        "",
        "/relative/api",
        "ftp://host",
        "https://",
        "javascript:alert(1)",
    ] {
        assert_eq!(origin(not_one), None, "{not_one:?}");
    }
}
