//! Party colours: parsed safely, and text on them always readable.

use widget_core::colour::{Colour, DARK_TEXT, WHITE};

#[test]
fn parses_api_hex_with_or_without_hash() {
    assert_eq!(
        Colour::from_hex("faa01a"),
        Some(Colour {
            r: 0xfa,
            g: 0xa0,
            b: 0x1a
        })
    );
    assert_eq!(
        Colour::from_hex("#D50000").map(|c| c.to_css()).as_deref(),
        Some("#d50000")
    );
    for bad in ["", "fff", "red", "gggggg", "#12345", "1234567", "12 456"] {
        assert_eq!(Colour::from_hex(bad), None, "{bad}");
    }
}

#[test]
fn contrast_matches_wcag_reference_values() {
    assert!((WHITE.contrast(Colour { r: 0, g: 0, b: 0 }) - 21.0).abs() < 0.01);
    assert!((WHITE.contrast(WHITE) - 1.0).abs() < 1e-9);
}

#[test]
fn text_on_a_party_colour_has_at_least_aa_contrast_where_possible() {
    for hex in [
        "faa01a", "d50000", "0063ba", "2aa82c", "ffffff", "12b6cf", "000000",
    ] {
        let bg = Colour::from_hex(hex).unwrap();
        let text = bg.readable_text();
        assert!(text == DARK_TEXT || text == WHITE);
        assert!(bg.contrast(text) >= 4.5, "{hex}: {}", bg.contrast(text));
    }
}
