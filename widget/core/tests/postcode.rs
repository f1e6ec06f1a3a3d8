//! Postcodes: what a person types becomes one normal form, or a specific, polite error.

use widget_core::postcode::{CrownDependency, Postcode, PostcodeError};

#[test]
fn normalises_case_and_spacing() {
    for (typed, normal) in [
        ("sw1a1aa", "SW1A 1AA"),
        ("SW1A 1AA", "SW1A 1AA"),
        ("  sw1a   1aa \n", "SW1A 1AA"),
        ("s w 1 a 1 a a", "SW1A 1AA"),
        ("m11ae", "M1 1AE"),
        ("cf101ep", "CF10 1EP"),
        ("Bt1 5gS", "BT1 5GS"),
        ("W1A 0AX", "W1A 0AX"),
        ("EC1A1BB", "EC1A 1BB"),
        ("gir0aa", "GIR 0AA"),
    ] {
        let parsed = Postcode::parse(typed).unwrap_or_else(|e| panic!("{typed:?}: {e}"));
        assert_eq!(parsed.as_str(), normal, "{typed:?}");
    }
}

#[test]
fn nothing_typed_asks_for_a_postcode() {
    for typed in ["", "   ", "\t\n"] {
        assert_eq!(Postcode::parse(typed), Err(PostcodeError::Empty));
    }
    assert_eq!(PostcodeError::Empty.to_string(), "Enter your postcode");
}

#[test]
fn text_that_is_not_a_postcode_is_rejected_before_any_request() {
    for typed in [
        "hello",
        "12345",
        "SW1A",
        "SW1A 1A",
        "SW1A 1AAA",
        "1W1A 1AA",
        "SWAA 1AA",
        "SW1A-1AA",
        "SW1A 11A",
        "SW1A 1A1",
        "ABC1 1AA",
        "SW1A 1AÄ",
        "' OR 1=1 --",
        "../../etc",
    ] {
        assert_eq!(
            Postcode::parse(typed),
            Err(PostcodeError::NotAPostcode),
            "{typed:?}"
        );
    }
    assert_eq!(
        PostcodeError::NotAPostcode.to_string(),
        "Enter a real postcode, like SW1A 1AA"
    );
}

#[test]
fn crown_dependencies_are_told_they_have_no_mp() {
    for (typed, place) in [
        ("JE2 3AB", CrownDependency::Jersey),
        ("gy1 1aa", CrownDependency::Guernsey),
        ("IM1 1AA", CrownDependency::IsleOfMan),
    ] {
        assert_eq!(
            Postcode::parse(typed),
            Err(PostcodeError::CrownDependency(place))
        );
    }
    let message = PostcodeError::CrownDependency(CrownDependency::IsleOfMan).to_string();
    assert!(
        message.starts_with("The Isle of Man does not have an MP"),
        "{message}"
    );
}

#[test]
fn is_complete_is_true_only_for_whole_valid_postcodes() {
    assert!(Postcode::is_complete("sw1a 1aa"));
    assert!(!Postcode::is_complete("sw1a 1a"));
    assert!(!Postcode::is_complete("JE2 3AB"));
}
