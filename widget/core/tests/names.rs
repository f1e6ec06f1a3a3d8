//! Constituency names matched as a person reads them, over all 650 seats of 2024: whatever
//! spelling the Members API uses (accents, "&", punctuation, case), the right seat is chosen,
//! and a seat that has ended is never chosen over the current one.

use widget_core::json::Json;
use widget_core::lookup::decode_constituency_search;
use widget_core::names::{fold, same, shorter_search};
use widget_core::LookupError;

/// The 650 names as postcodes.io gives them (ONS "names and codes UK as at 12_24").
fn constituencies() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/real-world/constituencies-2024.json"
    );
    let text = std::fs::read_to_string(path).expect("constituencies fixture");
    let json = widget_core::json::parse(&text).expect("constituencies JSON");
    let names: Vec<String> = json
        .get("constituencies")
        .and_then(Json::as_array)
        .expect("constituencies array")
        .iter()
        .map(|c| c.str_at("name").expect("a name").to_owned())
        .collect();
    assert_eq!(names.len(), 650);
    names
}

/// Accents on vowels, w and y, as Welsh and Gaelic spellings carry them.
fn accented(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'a' => 'â',
            'e' => 'é',
            'i' => 'ï',
            'o' => 'ô',
            'u' => 'ù',
            'w' => 'ŵ',
            'y' => 'ŷ',
            'A' => 'Á',
            'E' => 'È',
            'O' => 'Ö',
            'W' => 'Ŵ',
            c => c,
        })
        .collect()
}

/// Spellings Parliament might use for a name postcodes.io gives.
fn parliament_variants(name: &str) -> Vec<String> {
    vec![
        name.replace(" and ", " & "),
        accented(name),
        accented(&name.replace(" and ", " & ")),
        name.to_uppercase(),
        format!("  {}  ", name.replace(' ', "  ")),
        name.replace('-', " ").replace(',', ""),
        name.replace("'", "\u{2019}"),
    ]
}

/// A constituency search item: `ended` gives it an end date and no MP.
fn seat(id: u32, name: &str, member: Option<u32>, ended: bool) -> Json {
    let representation = match member {
        Some(member) => Json::object(vec![(
            "member",
            Json::object(vec![(
                "value",
                Json::object(vec![
                    ("id", Json::Number(f64::from(member))),
                    ("nameDisplayAs", Json::text(&format!("Member {member}"))),
                ]),
            )]),
        )]),
        None => Json::Null,
    };
    Json::object(vec![(
        "value",
        Json::object(vec![
            ("id", Json::Number(f64::from(id))),
            ("name", Json::text(name)),
            ("startDate", Json::text("2010-05-06T00:00:00")),
            (
                "endDate",
                if ended {
                    Json::text("2024-05-30T00:00:00")
                } else {
                    Json::Null
                },
            ),
            ("currentRepresentation", representation),
        ]),
    )])
}

fn search_answer(items: Vec<Json>) -> String {
    Json::object(vec![
        ("totalResults", Json::Number(items.len() as f64)),
        ("items", Json::Array(items)),
    ])
    .to_pretty()
}

#[test]
fn every_seat_is_found_under_each_parliament_spelling_past_decoys() {
    for name in constituencies() {
        for variant in parliament_variants(&name) {
            let body = search_answer(vec![
                // The same name, ended at the 2024 boundary change: never chosen.
                seat(1, &name, None, true),
                seat(2, &variant, None, true),
                // A longer name containing this one: the search matches substrings.
                seat(3, &format!("{name} North"), Some(30), false),
                seat(4, &variant, Some(40), false),
            ]);
            let mp = decode_constituency_search(200, &body, None, &name)
                .unwrap_or_else(|e| panic!("{name:?} as {variant:?}: {e}"));
            assert_eq!(mp.id, 40, "{name:?} as {variant:?}");
            assert_eq!(
                mp.constituency,
                variant.trim(),
                "Parliament's spelling is shown"
            );
        }
    }
}

#[test]
fn every_seat_is_found_when_postcodes_io_has_the_accents_instead() {
    for name in constituencies() {
        let body = search_answer(vec![seat(4, &name, Some(40), false)]);
        let mp = decode_constituency_search(200, &body, None, &accented(&name)).unwrap();
        assert_eq!(mp.id, 40, "{name:?}");
    }
}

#[test]
fn no_two_seats_fold_to_the_same_name() {
    let mut folded: Vec<String> = constituencies().iter().map(|n| fold(n)).collect();
    folded.sort();
    let before = folded.len();
    folded.dedup();
    assert_eq!(folded.len(), before);
}

#[test]
fn montgomeryshire_and_glyndwr_is_one_seat_in_both_spellings() {
    assert!(same(
        "Montgomeryshire and Glyndwr",
        "Montgomeryshire and Glyndŵr"
    ));
    assert!(same("Ynys Môn", "Ynys Mon"));
    assert!(same(
        "Queen's Park and Maida Vale",
        "Queens Park & Maida Vale"
    ));
    assert!(same("Glyndw\u{0302}r", "Glyndwr"), "a decomposed accent");
    assert!(!same("York Central", "York Outer"));
    assert!(!same("Richmond and Northallerton", "Richmond Park"));
}

#[test]
fn a_seat_that_only_exists_as_ended_is_not_found() {
    let body = search_answer(vec![seat(1, "Selby and Ainsty", None, true)]);
    assert_eq!(
        decode_constituency_search(200, &body, None, "Selby and Ainsty"),
        Err(LookupError::ConstituencyNotFound {
            constituency: "Selby and Ainsty".into()
        })
    );
}

#[test]
fn a_vacant_current_seat_still_says_it_has_no_mp() {
    let body = search_answer(vec![
        seat(1, "Runcorn and Helsby", Some(10), true),
        seat(2, "Runcorn and Helsby", None, false),
    ]);
    assert_eq!(
        decode_constituency_search(200, &body, None, "Runcorn and Helsby"),
        Err(LookupError::NoCurrentMp {
            constituency: "Runcorn and Helsby".into()
        })
    );
}

#[test]
fn the_shorter_search_is_a_plain_word_of_every_long_name() {
    for name in constituencies() {
        match shorter_search(&name) {
            Some(word) => {
                assert!(word.len() >= 4 && word.bytes().all(|b| b.is_ascii_alphabetic()));
                assert!(name.contains(word), "{name:?} → {word:?}");
                assert_ne!(word, name, "the same search again");
            }
            None => assert!(
                !name.contains(' ') || name.split(' ').all(|w| w.len() < 4),
                "{name:?} has a word to search for"
            ),
        }
    }
    assert_eq!(
        shorter_search("Montgomeryshire and Glyndwr"),
        Some("Montgomeryshire")
    );
    assert_eq!(shorter_search("Ynys Môn"), Some("Ynys"));
    assert_eq!(shorter_search("Aldershot"), None);
}
