//! Letter templates: placeholders filled from the supporter and the MP, unknown ones refused.

use widget_core::letter::{check_template, LetterTemplate, LetterValues, TemplateError};
use widget_core::Campaign;

fn values() -> LetterValues {
    LetterValues {
        mp_name: "Mr Angus MacDonald".into(),
        constituency: "Inverness, Skye and West Ross-shire".into(),
        sender_name: "Siân Nguyễn".into(),
        sender_address: "  12 High Street \n\n Inverness  ".into(),
        sender_postcode: "IV2 3PT".into(),
        personal: "My sister was diagnosed last year.".into(),
        opening: 0,
    }
}

#[test]
fn seed_letter_is_addressed_personalised_and_signed() {
    let letter = Campaign::default().letter.render(&values()).unwrap();
    assert_eq!(
        letter.subject,
        "Please support the Secondary Support Package"
    );
    assert!(letter.body.starts_with(
        "Dear Mr Angus MacDonald,\n\nAs your constituent in Inverness, Skye and West Ross-shire,"
    ));
    assert!(letter
        .body
        .contains("\n\nMy sister was diagnosed last year.\n\n"));
    assert!(
        letter
            .body
            .ends_with("Yours sincerely,\n\nSiân Nguyễn\n12 High Street\nInverness\nIV2 3PT"),
        "{}",
        letter.body
    );
}

#[test]
fn each_opening_gives_a_different_first_paragraph() {
    let template = Campaign::default().letter;
    assert!(template.openings.len() >= 2);
    let mut firsts: Vec<String> = (0..template.openings.len())
        .map(|i| {
            let letter = template
                .render(&LetterValues {
                    opening: i,
                    ..values()
                })
                .unwrap();
            letter.body.split("\n\n").nth(1).unwrap().to_owned()
        })
        .collect();
    firsts.dedup();
    assert_eq!(firsts.len(), template.openings.len());
}

#[test]
fn out_of_range_opening_uses_the_first() {
    let template = Campaign::default().letter;
    let first = template.render(&values()).unwrap();
    let odd = template
        .render(&LetterValues {
            opening: 99,
            ..values()
        })
        .unwrap();
    assert_eq!(first, odd);
}

#[test]
fn empty_personal_paragraph_leaves_no_gap() {
    let letter = Campaign::default()
        .letter
        .render(&LetterValues {
            personal: "   ".into(),
            ..values()
        })
        .unwrap();
    assert!(!letter.body.contains("\n\n\n"), "{}", letter.body);
}

#[test]
fn values_are_not_themselves_templates() {
    let letter = Campaign::default()
        .letter
        .render(&LetterValues {
            personal: "{mp_name} {{ }".into(),
            sender_name: "{nope}".into(),
            ..values()
        })
        .unwrap();
    assert!(letter.body.contains("{mp_name} {{ }"));
    assert!(letter.body.contains("{nope}"));
}

#[test]
fn subject_is_always_one_line() {
    let template = LetterTemplate {
        subject: "For {constituency}\r\nBcc: someone@example.org".into(),
        ..Campaign::default().letter
    };
    let letter = template.render(&values()).unwrap();
    assert!(!letter.subject.contains(['\r', '\n']));
}

#[test]
fn unknown_placeholder_is_named() {
    let err = check_template("Dear {mp_nme},").unwrap_err();
    assert_eq!(err, TemplateError::UnknownPlaceholder("mp_nme".into()));
    assert!(err
        .to_string()
        .starts_with("{mp_nme} is not a placeholder we can fill; use one of {mp_name},"));
}

#[test]
fn stray_braces_are_errors_and_doubled_braces_are_literal() {
    assert_eq!(
        check_template("Dear {mp_name"),
        Err(TemplateError::Unbalanced)
    );
    assert_eq!(
        check_template("Dear mp_name}"),
        Err(TemplateError::Unbalanced)
    );
    let template = LetterTemplate {
        subject: "{{Campaign}} for {constituency}".into(),
        ..Campaign::default().letter
    };
    assert_eq!(
        template.render(&values()).unwrap().subject,
        "{Campaign} for Inverness, Skye and West Ross-shire"
    );
}

#[test]
fn seed_templates_pass_the_check() {
    let t = Campaign::default().letter;
    for template in [&t.subject, &t.body].into_iter().chain(t.openings.iter()) {
        assert_eq!(check_template(template), Ok(()), "{template}");
    }
}
