//! mailto (RFC 6068) and webmail links: encoded in Rust, decoded back here and compared, with
//! hostile input that must never add a recipient or a header.

use widget_core::percent::decode;
use widget_core::send::{mailto, Email, Webmail, MAILTO_SAFE_LENGTH};

fn email(subject: &str, body: &str) -> Email {
    Email {
        to: "angus.macdonald.mp@parliament.uk".into(),
        subject: subject.into(),
        body: body.into(),
    }
}

/// Splits a URL's query into decoded (name, value) pairs.
fn query(url: &str) -> Vec<(String, String)> {
    let query = url.split_once('?').expect("a query").1;
    query
        .split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=').expect("name=value");
            (name.to_owned(), decode(value).expect("valid escapes"))
        })
        .collect()
}

const HOSTILE: [&str; 7] = [
    "Hello\r\nBcc: evil@example.org",
    "a&cc=evil@example.org&b=",
    "what? 100% sure #1 + more",
    "already %0A encoded %0D%0A and %",
    "Siân Nguyễn — “quotes” ✉️ 😀",
    "line one\nline two\rline three\r\nline four",
    "=?utf-8?q?x?= <evil@example.org>, other@example.org",
];

#[test]
fn mailto_has_recipient_subject_and_body_and_nothing_else() {
    for text in HOSTILE {
        let url = mailto(&email(text, text)).unwrap();
        assert!(
            url.starts_with("mailto:angus.macdonald.mp@parliament.uk?"),
            "{url}"
        );
        let (to, _) = url["mailto:".len()..].split_once('?').unwrap();
        assert_eq!(decode(to).unwrap(), "angus.macdonald.mp@parliament.uk");
        let fields = query(&url);
        let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["subject", "body"], "{text:?} → {url}");
        assert!(
            !fields[0].1.contains(['\r', '\n']),
            "subject stays one line"
        );
        let body_lf = fields[1].1.replace("\r\n", "\n");
        let text_lf = text.replace("\r\n", "\n").replace('\r', "\n");
        assert_eq!(body_lf, text_lf, "body survives the round trip");
        assert!(!url.contains(' ') && !url.contains('\n'), "{url}");
    }
}

#[test]
fn mailto_body_line_breaks_are_crlf() {
    let url = mailto(&email("S", "one\ntwo\r\nthree\rfour")).unwrap();
    let body = &query(&url)[1].1;
    assert_eq!(body, "one\r\ntwo\r\nthree\r\nfour");
    assert!(url.contains("one%0D%0Atwo%0D%0Athree%0D%0Afour"));
}

#[test]
fn subject_line_breaks_become_spaces() {
    let url = mailto(&email("Hello\r\nBcc: x@y.org", "b")).unwrap();
    assert_eq!(query(&url)[0].1, "Hello Bcc: x@y.org");
}

#[test]
fn recipient_that_is_not_one_plain_address_gives_no_link() {
    for to in [
        "",
        "not an address",
        "a@b.org,evil@c.org",
        "a@b.org?bcc=evil@c.org",
        "a@b.org&cc=x@y.org",
        "Name <a@b.org>",
        "a@b.org\r\nBcc: x@y.org",
        "a%40b.org",
    ] {
        let mail = Email {
            to: to.into(),
            subject: "s".into(),
            body: "b".into(),
        };
        assert_eq!(mailto(&mail), None, "{to:?}");
    }
}

#[test]
fn plus_addresses_are_encoded_not_lost() {
    let mail = Email {
        to: "team+test@example.org".into(),
        subject: "s".into(),
        body: "b".into(),
    };
    let url = mailto(&mail).unwrap();
    assert!(url.starts_with("mailto:team%2Btest@example.org?"), "{url}");
}

#[test]
fn very_long_letters_are_measurably_long() {
    let body = "x".repeat(3000);
    let url = mailto(&email("s", &body)).unwrap();
    assert!(url.len() > MAILTO_SAFE_LENGTH);
    let short = mailto(&email("s", "short")).unwrap();
    assert!(short.len() < MAILTO_SAFE_LENGTH);
}

#[test]
fn webmail_links_carry_the_same_email() {
    for text in HOSTILE {
        let mail = email(text, text);
        for service in Webmail::ALL {
            let url = service.compose_url(&mail);
            let fields = query(&url);
            let get = |name: &str| {
                fields
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_else(|| panic!("{name} in {url}"))
            };
            let (subject_key, host) = match service {
                Webmail::Gmail => ("su", "https://mail.google.com/mail/?"),
                Webmail::Outlook => (
                    "subject",
                    "https://outlook.live.com/mail/0/deeplink/compose?",
                ),
                Webmail::Yahoo => ("subject", "https://compose.mail.yahoo.com/?"),
            };
            assert!(url.starts_with(host), "{url}");
            assert_eq!(get("to"), "angus.macdonald.mp@parliament.uk");
            assert!(!get(subject_key).contains(['\r', '\n']));
            assert_eq!(get("body"), text.replace("\r\n", "\n").replace('\r', "\n"));
            assert_eq!(fields.iter().filter(|(n, _)| n == "to").count(), 1, "{url}");
        }
    }
}

#[test]
fn webmail_is_suggested_from_the_supporters_address() {
    for (address, service) in [
        ("me@gmail.com", Some(Webmail::Gmail)),
        ("me@googlemail.com", Some(Webmail::Gmail)),
        ("me@hotmail.co.uk", Some(Webmail::Outlook)),
        ("me@outlook.com", Some(Webmail::Outlook)),
        ("me@live.co.uk", Some(Webmail::Outlook)),
        ("me@yahoo.co.uk", Some(Webmail::Yahoo)),
        ("me@example.org", None),
        ("not an address", None),
    ] {
        assert_eq!(Webmail::for_address(address), service, "{address}");
    }
}
