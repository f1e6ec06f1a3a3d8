//! Soak: many generated inputs, random and mutated from real ones, through every function that
//! reads what comes from outside (typed postcodes, campaign files, API answers, what a supporter
//! writes), counting panics, slow inputs and wrong answers.
//!
//! Deterministic: input number `i` is made from the seed and `i` alone, so `SOAK_SEED` and the
//! index printed with a failure make it again (any `SOAK_COUNT` above the index).
//! `SOAK_COUNT` inputs per target, 10 000 by default: the quick sample `cargo test` runs.
//! `scripts/soak.sh` runs a million. Each test prints a table: run with `--nocapture`.

#[cfg(feature = "serde")]
mod differential;
mod harness;
mod inputs;

use std::fmt::Debug;

use widget_core::email::looks_like_email;
use widget_core::letter::{LetterTemplate, LetterValues};
use widget_core::lookup::{
    decode_constituency_search, decode_contact, decode_postcode, status_error,
};
use widget_core::percent::decode;
use widget_core::send::{mailto, Email, Webmail};
use widget_core::{Campaign, Lang, LookupError, Postcode, Texts};

use harness::{soak, Check, Rng};
use inputs::{
    api_answers, json_input, mutate_text, random_text, read, real_answers, real_postcodes, Source,
};

// ---------------------------------------------------------------------------------------------
// (1) Postcode::parse

#[derive(Debug)]
struct PostcodeInput {
    text: String,
    /// The normal form, for a real postcode that is only respaced and recased.
    expect: Option<String>,
}

/// "SW1A1AA" → "SW1A 1AA".
fn normal_form(compact: &str) -> String {
    let (outward, inward) = compact.split_at(compact.len() - 3);
    format!("{outward} {inward}")
}

/// A real postcode as someone might type it: spaces of any kind anywhere, any case.
fn respaced(rng: &mut Rng, postcode: &str) -> String {
    const SPACES: [&str; 7] = [" ", "  ", "\t", "\u{a0}", "\u{3000}", "\n", "\u{2028}"];
    let mut out = String::new();
    for c in postcode.chars() {
        if rng.one_in(4) {
            let space = rng.pick(&SPACES);
            out.push_str(space);
        }
        out.push(if rng.one_in(2) {
            c.to_ascii_lowercase()
        } else {
            c
        });
    }
    if rng.one_in(2) {
        let space = rng.pick(&SPACES);
        out.push_str(space);
    }
    out
}

fn check_postcode(input: &PostcodeInput) -> Check {
    let parsed = Postcode::parse(&input.text);
    let complete = Postcode::complete(&input.text);
    // Looked up while typing: as typed, or corrected at the full seven characters.
    let seven = input.text.chars().filter(|c| !c.is_whitespace()).count() == 7;
    let expected = parsed
        .as_ref()
        .ok()
        .filter(|p| !p.corrects(&input.text) || seven);
    if complete.as_ref() != expected {
        return Err("complete disagrees with parse".into());
    }
    if let Some(expect) = &input.expect {
        return match &parsed {
            Ok(postcode) if postcode.as_str() == expect => Ok(()),
            other => Err(format!("expected {expect:?}, got {other:?}")),
        };
    }
    match parsed {
        Ok(postcode) => {
            let normal = postcode.as_str();
            let typed: String = input
                .text
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_uppercase();
            // Either what was typed, or it with O/0 and I/L/1 slips read the other way.
            let slip = |t: char, n: char| {
                t == n
                    || matches!(
                        (t, n),
                        ('O', '0') | ('0', 'O') | ('I' | 'L', '1') | ('1', 'I')
                    )
            };
            let compact = normal.replace(' ', "");
            if compact.len() != typed.len()
                || !typed.chars().zip(compact.chars()).all(|(t, n)| slip(t, n))
                || postcode.corrects(&input.text) == (compact == typed)
            {
                return Err(format!("{normal:?} is not what was typed"));
            }
            if normal.len() < 6 || normal.len() > 8 || normal.matches(' ').count() != 1 {
                return Err(format!("{normal:?} is not in the normal form"));
            }
            if Postcode::parse(normal).as_ref() != Ok(&postcode) {
                return Err(format!("{normal:?} does not parse as itself"));
            }
            Ok(())
        }
        Err(error) => {
            let _ = error.message(Texts::new(Lang::Cy));
            let _ = error.to_string();
            Ok(())
        }
    }
}

#[test]
fn soak_postcode_parse() {
    let real = real_postcodes();
    assert!(real.len() >= 200, "{} real postcodes", real.len());
    soak(
        "Postcode::parse",
        |rng| {
            let postcode = rng.pick(&real);
            match rng.below(10) {
                0 => PostcodeInput {
                    text: postcode.clone(),
                    expect: Some(normal_form(postcode)),
                },
                1..=2 => PostcodeInput {
                    text: respaced(rng, postcode),
                    expect: Some(normal_form(postcode)),
                },
                3..=7 => {
                    let typed = respaced(rng, postcode);
                    PostcodeInput {
                        text: mutate_text(rng, &typed),
                        expect: None,
                    }
                }
                _ => PostcodeInput {
                    text: random_text(rng),
                    expect: None,
                },
            }
        },
        check_postcode,
    )
    .print_and_check();
}

// ---------------------------------------------------------------------------------------------
// (2) Campaign::from_json

fn check_campaign(text: &str) -> Check {
    match Campaign::from_json(text) {
        Ok(campaign) => {
            let again = Campaign::from_json(&campaign.to_json());
            if again.as_ref() != Ok(&campaign) {
                return Err(format!("its own JSON reads back as {again:?}"));
            }
            // What the widget does next on a Welsh page.
            let _ = campaign.localized(Lang::Cy);
            let _ = campaign.texts(Lang::Cy);
            Ok(())
        }
        Err(error) if error.to_string().is_empty() => Err("an error without words".into()),
        Err(_) => Ok(()),
    }
}

#[test]
fn soak_campaign_from_json() {
    let sources = [
        Source::new("Campaign::default()", Campaign::default().to_json()),
        Source::new(
            "tests/fixtures/minimal-campaign.json",
            read("tests/fixtures/minimal-campaign.json"),
        ),
    ];
    soak(
        "Campaign::from_json",
        |rng| json_input(rng, &sources),
        |text| check_campaign(text),
    )
    .print_and_check();
}

// ---------------------------------------------------------------------------------------------
// (3) The API decoders

#[derive(Debug)]
struct Answer {
    status: u16,
    retry_after: Option<String>,
    body: String,
}

/// A status: mostly 200 (so the body is read), sometimes 404, sometimes anything.
fn status(rng: &mut Rng) -> u16 {
    const ODD: [u16; 16] = [
        0, 100, 199, 201, 204, 299, 300, 302, 400, 403, 429, 500, 503, 599, 600, 999,
    ];
    match rng.below(10) {
        0..=6 => 200,
        7 => 404,
        8 => *rng.pick(&ODD),
        _ => rng.next() as u16,
    }
}

fn retry_after(rng: &mut Rng) -> Option<String> {
    const VALUES: [&str; 8] = [
        "3",
        " 5 ",
        "0",
        "-1",
        "120",
        "99999999999",
        "Wed, 21 Oct 2026 07:28:00 GMT",
        "",
    ];
    match rng.below(4) {
        0 => Some(rng.pick(&VALUES).to_string()),
        1 => Some(random_text(rng)),
        _ => None,
    }
}

fn answer(rng: &mut Rng, sources: &[Source]) -> Answer {
    Answer {
        status: status(rng),
        retry_after: retry_after(rng),
        body: json_input(rng, sources),
    }
}

/// A status that is not a success (nor, for postcodes.io, a documented 404) is its own error,
/// whatever the body.
fn check_status<T: Debug>(
    answer: &Answer,
    result: &Result<T, LookupError>,
    body_read_on_404: bool,
) -> Check {
    let expected = status_error(answer.status, answer.retry_after.as_deref());
    let body_read = expected.is_none() || (body_read_on_404 && answer.status == 404);
    match (&expected, result) {
        (Some(error), Err(got)) if !body_read && got != error => Err(format!(
            "status {} gave {got:?}, not {error:?}",
            answer.status
        )),
        (Some(_), Ok(value)) if !body_read => {
            Err(format!("status {} decoded as {value:?}", answer.status))
        }
        _ => Ok(()),
    }
}

/// An error can always be told to the supporter, in each language.
fn check_message(result: &Result<impl Debug, LookupError>) -> Check {
    if let Err(error) = result {
        for lang in Lang::ALL {
            if error.message(Texts::new(lang)).trim().is_empty() {
                return Err(format!("{error:?} has no words in {lang:?}"));
            }
        }
        let _ = (error.kind(), error.is_retryable(), error.auto_retry_after());
    }
    Ok(())
}

/// Trimmed and not empty.
fn is_clean(text: &str) -> bool {
    !text.is_empty() && text.trim() == text
}

#[test]
fn soak_decode_postcode() {
    let mut sources = real_answers("postcode");
    sources.extend(api_answers("postcodes"));
    soak(
        "decode_postcode",
        |rng| answer(rng, &sources),
        |answer| {
            let result =
                decode_postcode(answer.status, &answer.body, answer.retry_after.as_deref());
            check_status(answer, &result, true)?;
            check_message(&result)?;
            if answer.status == 404 {
                if let Ok(found) = &result {
                    return Err(format!("a 404 decoded as {found:?}"));
                }
            }
            match &result {
                Ok(found) if !is_clean(&found.name) => Err(format!("constituency {found:?}")),
                _ => Ok(()),
            }
        },
    )
    .print_and_check();
}

#[test]
fn soak_decode_constituency_search() {
    let api = api_answers("search");
    // The project's answers are named for the seat each was asked for.
    let mut names: Vec<String> = api
        .iter()
        .filter_map(|s| s.name.rsplit('/').next())
        .map(|file| file.trim_end_matches(".json").to_owned())
        .collect();
    names.extend(["Inverness, Skye and West Ross-shire", "Selby and Ainsty"].map(String::from));
    let mut sources = real_answers("search");
    sources.extend(api);
    soak(
        "decode_constituency_search",
        |rng| {
            let wanted = match rng.below(10) {
                0 => random_text(rng),
                1..=2 => {
                    let name = rng.pick(&names);
                    mutate_text(rng, name)
                }
                _ => rng.pick(&names).clone(),
            };
            (answer(rng, &sources), wanted)
        },
        |(answer, wanted)| {
            let result = decode_constituency_search(
                answer.status,
                &answer.body,
                answer.retry_after.as_deref(),
                wanted,
            );
            check_status(answer, &result, false)?;
            check_message(&result)?;
            match &result {
                Ok(mp) if !mp.constituency.eq_ignore_ascii_case(wanted.trim()) => {
                    Err(format!("asked for {wanted:?}, got {mp:?}"))
                }
                Ok(mp) if !is_clean(&mp.name) => Err(format!("MP name in {mp:?}")),
                Ok(mp)
                    if mp.portrait_url.as_deref().is_some_and(|url| {
                        !(url.starts_with("https://") || url.starts_with("http://"))
                    }) =>
                {
                    Err(format!("portrait URL in {mp:?}"))
                }
                _ => Ok(()),
            }
        },
    )
    .print_and_check();
}

#[test]
fn soak_decode_contact() {
    let mut sources = real_answers("contact");
    sources.extend(api_answers("contact"));
    soak(
        "decode_contact",
        |rng| answer(rng, &sources),
        |answer| {
            let result = decode_contact(answer.status, &answer.body, answer.retry_after.as_deref());
            check_status(answer, &result, false)?;
            check_message(&result)?;
            match &result {
                Ok(contact)
                    if contact
                        .email
                        .as_deref()
                        .is_some_and(|e| !looks_like_email(e)) =>
                {
                    Err(format!("email in {contact:?}"))
                }
                Ok(contact)
                    if contact.postal_address.len() < 2
                        || !contact.postal_address.iter().all(|l| is_clean(l)) =>
                {
                    Err(format!("postal address in {contact:?}"))
                }
                _ => Ok(()),
            }
        },
    )
    .print_and_check();
}

// ---------------------------------------------------------------------------------------------
// (4) The letter, the mailto link and the webmail links

#[derive(Debug)]
struct LetterInput {
    template: &'static str,
    values: LetterValues,
    to: String,
    /// The supporter's own subject or body, typed over the letter's.
    subject_edit: Option<String>,
    body_edit: Option<String>,
    /// The webmail link checked besides the mailto link (one at a time keeps the quick run quick).
    webmail: Webmail,
}

/// MPs' addresses in the shapes the Members API gives, and harder plain ones.
const ADDRESSES: [&str; 6] = [
    "keir.starmer.mp@parliament.uk",
    "angus.macdonald.mp@parliament.uk",
    "team+test@example.org",
    "o'brien=1!$*{x}|^@sub.example.co.uk",
    "siân.nguyễn@例え.jp",
    "a@b.c",
];

/// Recipients that are not one plain address: no mailto link may come of them.
const NOT_ADDRESSES: [&str; 10] = [
    "",
    "a@b.org,evil@c.org",
    "a@b.org?bcc=evil@c.org",
    "a@b.org&cc=x@y.org",
    "a@b.org\r\nBcc: x@y.org",
    "Name <a@b.org>",
    "a%40b.org",
    "a@b.org#x",
    "a@@b.org",
    "a@b.org;c@d.org",
];

fn recipient(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => rng.pick(&NOT_ADDRESSES).to_string(),
        1 => random_text(rng),
        2 => {
            let address = rng.pick(&ADDRESSES);
            mutate_text(rng, address)
        }
        3 => {
            const LOCAL: &[u8] = b"abcxyz019.-_+='!$*{|}^~";
            let local: String = (0..1 + rng.below(20))
                .map(|_| *rng.pick(LOCAL) as char)
                .collect();
            format!("{local}@example.org")
        }
        _ => rng.pick(&ADDRESSES).to_string(),
    }
}

/// Several lines of random text.
fn random_lines(rng: &mut Rng) -> String {
    (0..rng.below(6))
        .map(|_| random_text(rng))
        .collect::<Vec<_>>()
        .join(if rng.one_in(2) { "\n" } else { "\r\n" })
}

/// The text, or a real one.
fn text_or(rng: &mut Rng, real: &[&str]) -> String {
    if rng.one_in(3) {
        random_text(rng)
    } else {
        rng.pick(real).to_string()
    }
}

/// Line breaks as LF.
fn lf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// What a subject must read in a link: one line, each line break (with the spaces around it)
/// one space.
fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A part of a URL that is all encoded: unreserved characters and escapes, nothing a mail
/// program or browser could read as punctuation (`?`, `&`, `=`, `#`, `,`, spaces, line breaks).
fn encoded(part: &str) -> Check {
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
    match part.bytes().position(|b| !(unreserved(b) || b == b'%')) {
        Some(at) => Err(format!(
            "{:?} unencoded in {part:?}",
            part[at..].chars().next()
        )),
        None => Ok(()),
    }
}

/// A URL's query as decoded (name, value) pairs; every `&` and `=` in it must be a separator.
fn query(query: &str) -> Result<Vec<(String, String)>, String> {
    query
        .split('&')
        .map(|pair| {
            let (name, value) = pair
                .split_once('=')
                .ok_or_else(|| format!("{pair:?} is not name=value"))?;
            encoded(name)?;
            encoded(value)?;
            let value = decode(value).ok_or_else(|| format!("{value:?} does not decode"))?;
            Ok((name.to_owned(), value))
        })
        .collect()
}

/// What the links must carry: the subject as one line, the body with LF line breaks.
struct Expected {
    subject: String,
    body: String,
}

fn check_links(email: &Email, webmail: Webmail) -> Check {
    let expected = Expected {
        subject: one_line(&email.subject),
        body: lf(&email.body),
    };
    check_mailto(email, &expected)?;
    check_webmail(webmail, email, &expected)
}

fn check_mailto(email: &Email, expected: &Expected) -> Check {
    let link = mailto(email);
    let to = email.to.trim();
    if !looks_like_email(to) {
        return match link {
            None => Ok(()),
            Some(url) => Err(format!("a link for {:?}: {url}", email.to)),
        };
    }
    let url = link.ok_or_else(|| format!("no link for {to:?}"))?;
    let (recipient, fields) = url
        .strip_prefix("mailto:")
        .and_then(|rest| rest.split_once('?'))
        .ok_or_else(|| format!("not mailto:…?…: {url}"))?;
    let (local, domain) = recipient
        .split_once('@')
        .ok_or_else(|| format!("no @ in {recipient:?}"))?;
    encoded(local)?;
    encoded(domain)?;
    if decode(recipient).as_deref() != Some(to) {
        return Err(format!("the recipient is {recipient:?}, not {to:?}"));
    }
    let fields = query(fields)?;
    let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
    if names != ["subject", "body"] {
        return Err(format!("header fields {names:?} in {url}"));
    }
    if fields[0].1 != expected.subject {
        return Err(format!("the subject reads {:?}", fields[0].1));
    }
    if fields[1].1 != expected.body.replace('\n', "\r\n") {
        return Err(format!("the body reads {:?}", fields[1].1));
    }
    Ok(())
}

fn check_webmail(service: Webmail, email: &Email, expected: &Expected) -> Check {
    let url = service.compose_url(email);
    let (base, names, subject_key): (&str, &[&str], &str) = match service {
        Webmail::Gmail => (
            "https://mail.google.com/mail/",
            &["view", "fs", "to", "su", "body"],
            "su",
        ),
        Webmail::Outlook => (
            "https://outlook.live.com/mail/0/deeplink/compose",
            &["to", "subject", "body"],
            "subject",
        ),
        Webmail::Yahoo => (
            "https://compose.mail.yahoo.com/",
            &["to", "subject", "body"],
            "subject",
        ),
    };
    let fields = url
        .strip_prefix(base)
        .and_then(|rest| rest.strip_prefix('?'))
        .ok_or_else(|| format!("not {base}?…: {url}"))?;
    let fields = query(fields)?;
    let got: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
    if got != names {
        return Err(format!("{service:?}: fields {got:?} in {url}"));
    }
    let field = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    };
    if field("to") != email.to {
        return Err(format!("{service:?}: the recipient is {:?}", field("to")));
    }
    if field(subject_key) != expected.subject {
        return Err(format!(
            "{service:?}: the subject reads {:?}",
            field(subject_key)
        ));
    }
    if field("body") != expected.body {
        return Err(format!("{service:?}: the body reads {:?}", field("body")));
    }
    Ok(())
}

#[test]
fn soak_letter_and_links() {
    let minimal = Campaign::from_json(&read("tests/fixtures/minimal-campaign.json"))
        .expect("the minimal campaign");
    let welsh = Campaign::default()
        .localized(Lang::Cy)
        .expect("the Welsh seed campaign");
    let templates: [(&'static str, LetterTemplate); 3] = [
        ("seed (English)", Campaign::default().letter),
        ("seed (Welsh)", welsh.letter),
        ("minimal-campaign.json", minimal.letter),
    ];
    let names: Vec<&'static str> = templates.iter().map(|(name, _)| *name).collect();
    let postcodes = real_postcodes();
    soak(
        "letter + mailto + webmail",
        |rng| LetterInput {
            template: names[rng.below(names.len())],
            values: LetterValues {
                mp_name: text_or(
                    rng,
                    &[
                        "Mr Angus MacDonald",
                        "Sir Lindsay Hoyle",
                        "Liz Saville Roberts",
                    ],
                ),
                constituency: text_or(
                    rng,
                    &[
                        "Inverness, Skye and West Ross-shire",
                        "Ynys Môn",
                        "Montgomeryshire and Glyndŵr",
                    ],
                ),
                sender_name: random_text(rng),
                sender_address: random_lines(rng),
                sender_postcode: match rng.below(3) {
                    0 => random_text(rng),
                    _ => normal_form(rng.pick(&postcodes).as_str()),
                },
                personal: random_lines(rng),
                opening: if rng.one_in(10) {
                    usize::MAX
                } else {
                    rng.below(5)
                },
            },
            to: recipient(rng),
            subject_edit: rng.one_in(4).then(|| random_lines(rng)),
            body_edit: rng.one_in(4).then(|| random_lines(rng)),
            webmail: *rng.pick(&Webmail::ALL),
        },
        |input| {
            let (_, template) = templates
                .iter()
                .find(|(name, _)| *name == input.template)
                .expect("a template");
            let letter = template
                .render(&input.values)
                .map_err(|e| format!("the letter does not render: {e}"))?;
            if letter.subject.contains(['\r', '\n']) {
                return Err(format!("the subject is not one line: {:?}", letter.subject));
            }
            let name = input.values.sender_name.trim();
            if !name.contains(['\r', '\n']) && !letter.body.contains(name) {
                return Err(format!("the letter lost the name {name:?}"));
            }
            let email = Email {
                to: input.to.clone(),
                subject: input.subject_edit.clone().unwrap_or(letter.subject),
                body: input.body_edit.clone().unwrap_or(letter.body),
            };
            check_links(&email, input.webmail)
        },
    )
    .print_and_check();
}
