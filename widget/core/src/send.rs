//! Sending: `mailto:` links (RFC 6068) and webmail compose links, built and percent-encoded
//! here. Nothing a supporter types can add a recipient or a header: the address is checked,
//! and subject and body are always fully encoded values.

use crate::email::looks_like_email;
use crate::percent::encode_component;

/// Above this many characters, some mail programs truncate or refuse a mailto link.
pub const MAILTO_SAFE_LENGTH: usize = 2000;

/// One email to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// A webmail service with a compose link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Webmail {
    Gmail,
    Outlook,
    Yahoo,
}

impl Webmail {
    pub const ALL: [Webmail; 3] = [Webmail::Gmail, Webmail::Outlook, Webmail::Yahoo];

    /// Name shown on the link.
    pub fn name(self) -> &'static str {
        match self {
            Webmail::Gmail => "Gmail",
            Webmail::Outlook => "Outlook.com",
            Webmail::Yahoo => "Yahoo Mail",
        }
    }

    /// Short id used in events and element classes.
    pub fn id(self) -> &'static str {
        match self {
            Webmail::Gmail => "gmail",
            Webmail::Outlook => "outlook",
            Webmail::Yahoo => "yahoo",
        }
    }

    /// The service that hosts an address, judged by its domain.
    pub fn for_address(address: &str) -> Option<Webmail> {
        let domain = address.rsplit_once('@')?.1.trim().to_ascii_lowercase();
        let first = domain.split('.').next().unwrap_or("");
        match first {
            "gmail" | "googlemail" => Some(Webmail::Gmail),
            "outlook" | "hotmail" | "live" | "msn" => Some(Webmail::Outlook),
            "yahoo" | "ymail" | "rocketmail" => Some(Webmail::Yahoo),
            _ => None,
        }
    }

    /// The compose link for `email`.
    pub fn compose_url(self, email: &Email) -> String {
        let to = encode_component(&email.to);
        let subject = encode_component(&one_line(&email.subject));
        let body = encode_component(&email.body.replace("\r\n", "\n").replace('\r', "\n"));
        match self {
            Webmail::Gmail => format!(
                "https://mail.google.com/mail/?view=cm&fs=1&to={to}&su={subject}&body={body}"
            ),
            Webmail::Outlook => format!(
                "https://outlook.live.com/mail/0/deeplink/compose?to={to}&subject={subject}&body={body}"
            ),
            Webmail::Yahoo => format!(
                "https://compose.mail.yahoo.com/?to={to}&subject={subject}&body={body}"
            ),
        }
    }
}

/// A subject is one line: line breaks become spaces.
fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Line breaks as CRLF, as RFC 6068 asks for in a body.
fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n")
}

/// The `mailto:` link, or `None` when the address is not a plain email address.
pub fn mailto(email: &Email) -> Option<String> {
    let to = email.to.trim();
    if !looks_like_email(to) {
        return None;
    }
    let (local, domain) = to.split_once('@')?;
    Some(format!(
        "mailto:{}@{}?subject={}&body={}",
        encode_component(local),
        encode_component(domain),
        encode_component(&one_line(&email.subject)),
        encode_component(&crlf(&email.body))
    ))
}
