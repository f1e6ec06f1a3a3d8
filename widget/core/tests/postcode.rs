//! Postcodes: what a person types becomes one normal form, or a specific, polite error.

use widget_core::postcode::{CrownDependency, OverseasTerritory, Postcode, PostcodeError};
use widget_core::{Lang, Texts};

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
        "SWAA 1AA",
        "SW1A-1AA",
        "SW1A 1A",
        "1A2AA",
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
fn complete_is_only_a_whole_valid_postcode_as_typed() {
    assert_eq!(
        Postcode::complete("sw1a 1aa").map(|p| p.to_string()),
        Some("SW1A 1AA".into())
    );
    assert_eq!(Postcode::complete("sw1a 1a"), None);
    assert_eq!(Postcode::complete("JE2 3AB"), None);
    // Half of "CO15 1AB" reads as a slip for CO1 5IA: it waits for the button.
    assert!(Postcode::parse("CO15 1A").is_ok());
    assert_eq!(Postcode::complete("CO15 1A"), None);
    // A slip in a full seven characters cannot be the start of something longer.
    assert_eq!(
        Postcode::complete("C015 1AA").map(|p| p.to_string()),
        Some("CO15 1AA".into())
    );
    assert_eq!(Postcode::complete("M1 IAE"), None);
}

/// The O/0 and I/1 cases of the ideal-postcodes `fix()` tests (ideal-postcodes/postcode
/// `test/fix.unit.ts`, via `fixtures/real-world/`), and the slips the issue names.
#[test]
fn o_for_zero_and_i_or_l_for_one_are_corrected_where_only_one_reading_fits() {
    for (typed, used) in [
        ("01 OAA", "O1 0AA"),
        ("SO OAA", "S0 0AA"),
        ("0W1 OAA", "OW1 0AA"),
        ("0W1A OAA", "OW1A 0AA"),
        ("S01A OAA", "SO1A 0AA"),
        ("SWOA OAA", "SW0A 0AA"),
        (" SW1A OAA", "SW1A 0AA"),
        ("SW1A 20A", "SW1A 2OA"),
        ("SW1A 2A0", "SW1A 2AO"),
        ("SWIA 2AA", "SW1A 2AA"),
        ("1W1A 2AA", "IW1A 2AA"),
        ("C015 1AA", "CO15 1AA"),
        ("c015 1aa", "CO15 1AA"),
        ("TN13 IAB", "TN13 1AB"),
        ("TN13 LAB", "TN13 1AB"),
        ("sw1a oaa", "SW1A 0AA"),
        ("MI 1AE", "M1 1AE"),
    ] {
        let postcode = Postcode::parse(typed).unwrap_or_else(|e| panic!("{typed:?}: {e}"));
        assert_eq!(postcode.as_str(), used, "{typed:?}");
        assert!(postcode.corrects(typed), "{typed:?} was corrected");
    }
}

#[test]
fn normal_forms_are_not_corrections() {
    for typed in [
        " SW1A 2AA ",
        " Sw1A 2aa ",
        " Sw1A2aa ",
        "SW1A   1AA",
        "so1 0aa",
        "L1 8JQ",
    ] {
        let postcode = Postcode::parse(typed).unwrap();
        assert!(!postcode.corrects(typed), "{typed:?}");
    }
}

#[test]
fn a_slip_with_two_equally_good_readings_is_not_guessed() {
    // "SOI 1AA": S0I (A9A) and SO1 (AA9) are both one slip away.
    assert_eq!(
        Postcode::parse("SOI 1AA").unwrap_err(),
        PostcodeError::NotAPostcode
    );
    // With one reading a single slip away, that one is taken over readings with more.
    assert_eq!(Postcode::parse("SO1 OOA").unwrap().as_str(), "SO1 0OA");
    // …and nothing that is not a slip of O/0 or I/L/1 is touched.
    assert_eq!(
        Postcode::parse(" 1A2aa ").unwrap_err(),
        PostcodeError::NotAPostcode
    );
}

#[test]
fn overseas_territories_are_told_they_have_no_mp_and_send_nothing() {
    for (typed, place, name) in [
        ("ASCN 1ZZ", OverseasTerritory::Ascension, "Ascension Island"),
        ("STHL 1ZZ", OverseasTerritory::StHelena, "St Helena"),
        (
            "TDCU 1ZZ",
            OverseasTerritory::TristanDaCunha,
            "Tristan da Cunha",
        ),
        (
            "tkca1zz",
            OverseasTerritory::TurksAndCaicos,
            "The Turks and Caicos Islands",
        ),
        (
            "BBND 1ZZ",
            OverseasTerritory::BritishIndianOcean,
            "The British Indian Ocean Territory",
        ),
        (
            "FIQQ 1ZZ",
            OverseasTerritory::Falklands,
            "The Falkland Islands",
        ),
        (
            "PCRN 1ZZ",
            OverseasTerritory::Pitcairn,
            "The Pitcairn Islands",
        ),
        (
            "SIQQ 1ZZ",
            OverseasTerritory::SouthGeorgia,
            "South Georgia and the South Sandwich Islands",
        ),
        (
            "BIQQ 1ZZ",
            OverseasTerritory::BritishAntarctic,
            "The British Antarctic Territory",
        ),
        ("GX11 1AA", OverseasTerritory::Gibraltar, "Gibraltar"),
    ] {
        let error = Postcode::parse(typed).unwrap_err();
        assert_eq!(error, PostcodeError::OverseasTerritory(place), "{typed:?}");
        let message = error.to_string();
        assert!(
            message.starts_with(&format!("{name} does not have an MP in the UK Parliament")),
            "{message}"
        );
        let welsh = error.message(Texts::new(Lang::Cy));
        assert!(welsh.starts_with("Nid oes AS yn Senedd y DU"), "{welsh}");
    }
}

#[test]
fn bfpo_numbers_are_sent_to_the_home_address_postcode() {
    for typed in ["BFPO 1234", "bfpo 57", "BFPO1", "BFPO 801", "BF1 3AD"] {
        assert_eq!(
            Postcode::parse(typed),
            Err(PostcodeError::Bfpo),
            "{typed:?}"
        );
    }
    assert_eq!(
        Postcode::parse("BFPO 12345"),
        Err(PostcodeError::NotAPostcode)
    );
    assert!(PostcodeError::Bfpo.to_string().contains("UK home address"));
    assert!(PostcodeError::Bfpo
        .message(Texts::new(Lang::Cy))
        .starts_with("Mae rhifau BFPO"));
}
