//! The widget's own user-visible words, looked up by key and language, with a campaign's
//! overrides on top.
//!
//! Components never hold literal user-facing text: they ask [`Texts`] for a [`Text`]. English
//! is written here, next to each key; Welsh is data, in `lang/cy.json` (one file for a fluent
//! speaker to correct). `{name}` marks a value filled in with [`Texts::fill`].

use std::sync::{Arc, OnceLock};

use crate::json::{self, Json};

/// A language the widget speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Cy,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Cy];

    /// The BCP 47 tag set as the widget root's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    /// The language of a tag such as `cy`, `cy-GB` or `en-gb`; `None` for one we do not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }
}

macro_rules! texts {
    ($($key:ident => $en:expr,)*) => {
        /// Keys of the widget's own strings.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Text {
            $($key,)*
        }

        impl Text {
            /// Every key, in order.
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];

            /// The key's name, as used in `lang/cy.json` and campaign `strings` overrides.
            pub fn key(self) -> &'static str {
                match self {
                    $(Text::$key => stringify!($key),)*
                }
            }

            /// The English text.
            pub fn en(self) -> &'static str {
                match self {
                    $(Text::$key => $en,)*
                }
            }
        }
    };
}

texts! {
    WidgetLabel => "Write to your MP",
    BarLabel => "Shown as a bar:",
    MoreAboutCampaign => "More about this campaign",
    ConfigErrorHeading => "This campaign widget could not start",
    PostcodeLabel => "Your postcode",
    PostcodeHint => "We use it only to find your MP. For example, SW1A 1AA.",
    FindMp => "Find your MP",
    Finding => "Finding your MP\u{2026}",
    ErrorPrefix => "Error:",
    Retry => "Try again",
    LetterStepUnavailable => "The letter form could not load. Check your internet connection and try again.",
    ContactUnavailable => "We could not get the contact details of {name}.",
    PostcodeEmpty => "Enter your postcode",
    PostcodeInvalid => "Enter a real postcode, like SW1A 1AA",
    PostcodeCrownDependency => "{place} does not have an MP in the UK Parliament. Enter a postcode in England, Scotland, Wales or Northern Ireland",
    PlaceJersey => "Jersey",
    PlaceGuernsey => "Guernsey",
    PlaceIsleOfMan => "the Isle of Man",
    PostcodeOverseasTerritory => "{place} does not have an MP in the UK Parliament. If you have a home address in the UK, enter its postcode",
    PlaceAscension => "Ascension Island",
    PlaceStHelena => "St Helena",
    PlaceTristanDaCunha => "Tristan da Cunha",
    PlaceTurksAndCaicos => "the Turks and Caicos Islands",
    PlaceBritishIndianOcean => "the British Indian Ocean Territory",
    PlaceFalklands => "the Falkland Islands",
    PlacePitcairn => "the Pitcairn Islands",
    PlaceSouthGeorgia => "South Georgia and the South Sandwich Islands",
    PlaceBritishAntarctic => "the British Antarctic Territory",
    PlaceGibraltar => "Gibraltar",
    PostcodeBfpo => "BFPO numbers are for forces mail and do not have an MP. Members of the armed forces write to the MP for their UK home address: enter that postcode",
    PostcodeCorrected => "We read that as {postcode}.",
    PostcodeNotFound => "We could not find that postcode. Check it and try again",
    PostcodeTerminated => "That postcode is no longer in use. Enter your current postcode",
    PostcodeTerminatedYear => "That postcode has not been used since {year}. Enter your current postcode",
    NoConstituency => "We could not find a constituency for that postcode. Check it and try again",
    ConstituencyNotFound => "We found your constituency, {constituency}, but could not find its MP. Try again in a few minutes",
    NoCurrentMp => "{constituency} has no MP at the moment: the seat is vacant, or Parliament has been dissolved for an election. Please come back once a new MP is in place",
    RateLimited => "The MP lookup is busy right now. Wait a minute, then try again",
    RateLimitedSeconds => "The MP lookup is busy. Trying again in {seconds} seconds\u{2026}",
    ServiceDown => "The MP lookup service is not working at the moment. Try again in a few minutes",
    Timeout => "The MP lookup took too long to answer. Check your connection and try again",
    BadResponse => "The MP lookup sent an answer we could not read. Try again in a few minutes",
    Network => "We could not reach the MP lookup. Check your internet connection and try again",
    Offline => "You seem to be offline. Connect to the internet and try again",
    LookupUnavailable => "The MP search could not load. Check your internet connection and try again",
    YourMp => "Your MP",
    BasedOnPostcode => "Based on your postcode, {postcode}, your constituency is {constituency}.",
    NotYourConstituency => "Not your constituency? Check the postcode",
    PortraitAlt => "Official portrait of {name}",
    SpeakerNote => "{name} is the Speaker of the House of Commons. The Speaker is politically neutral and does not usually support campaigns, but still acts for constituents, so you can still write.",
    NoEmail => "We could not find an email address for {name}. You can post your letter to the address below, or write through WriteToThem.",
    WriteToThem => "Write through WriteToThem",
    YourDetails => "Your details",
    YourDetailsHint => "MPs only act for people who live in their constituency, so your letter needs your name and address. We do not store or send them anywhere: they go only into the email you send.",
    NameLabel => "Full name",
    AddressLabel => "Address",
    AddressHint => "Your house number and street, and town. Your postcode is added below it.",
    EmailLabel => "Your email address (optional)",
    EmailHint => "Only used to suggest your webmail below. It is not sent anywhere.",
    NameMissing => "Enter your full name",
    AddressMissing => "Enter your address",
    OpeningLegend => "Choose how your email begins",
    PersonalLabel => "In your own words",
    EditHeading => "Your email",
    EditHint => "Read it through and change anything you like before you send it.",
    SubjectLabel => "Subject",
    BodyLabel => "Message",
    ResetLetter => "Start the email again from your answers",
    SendHeading => "Send your email",
    SendTo => "To: {to}",
    OpenEmailApp => "Open in your email app",
    OrWebmail => "Or write it in your webmail:",
    SuggestedWebmail => "(suggested)",
    CopyHeading => "Or copy and paste it into any email:",
    CopyAddress => "Copy address",
    CopySubject => "Copy subject",
    CopyBody => "Copy message",
    Copied => "Copied",
    CopyFailed => "Could not copy: select the text and copy it yourself",
    TooLongForMailto => "Your email is long, and some email apps cut off long messages opened from a link. Use webmail or copy and paste it instead.",
    DidYouSend => "Did you send your email?",
    YesSent => "Yes, I sent it",
    NotYet => "Not yet",
    ThankYou => "Thank you!",
    ThankYouText => "Your MP hears from you, in your own words. Ask friends and family to write too: every email counts.",
    ShareText => "I just emailed my MP. Will you write to yours too?",
    Share => "Share",
    CopyLink => "Copy link to this page",
    TestModeBanner => "Test mode: emails go to {to}, not to the MP.",
    OpensInNewTab => "(opens in a new tab)",
}

impl Text {
    /// The key named `key`, if there is one.
    pub fn from_key(key: &str) -> Option<Text> {
        Text::ALL.iter().copied().find(|t| t.key() == key)
    }

    /// The built-in text in `lang` (English where a translation is missing).
    pub fn builtin(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
            Lang::Cy => welsh()
                .get(self as usize)
                .copied()
                .flatten()
                .unwrap_or_else(|| self.en()),
        }
    }
}

/// The Welsh strings and the Welsh version of the seed campaign, built in (feature
/// `welsh-built-in`, on by default: tests, the demo's editor). The shipped widget leaves it
/// out, 4 KB gzip that only Welsh widgets need: its loader fetches `cy.json` for them and hands
/// it over with [`install_welsh`] before they mount.
#[cfg(feature = "welsh-built-in")]
pub static CY_JSON: &str = include_str!("lang/cy.json");

static WELSH: OnceLock<Json> = OnceLock::new();

/// Gives the core the Welsh data (the text of `cy.json`), once; `false` if it is not JSON or
/// the core has it already.
pub fn install_welsh(text: &str) -> bool {
    json::parse(text).is_ok_and(|data| WELSH.set(data).is_ok())
}

/// The Welsh data: its `strings` and the seed campaign's Welsh `campaign` (null until there).
pub fn welsh_data() -> &'static Json {
    #[cfg(feature = "welsh-built-in")]
    let _ = WELSH.get_or_init(|| json::parse(CY_JSON).unwrap_or(Json::Null));
    static NONE: Json = Json::Null;
    WELSH.get().unwrap_or(&NONE)
}

/// Welsh strings by key index (empty until the Welsh data is there: English stands in).
fn welsh() -> &'static [Option<&'static str>] {
    static TABLE: OnceLock<Vec<Option<&'static str>>> = OnceLock::new();
    let Some(strings) = welsh_data().get("strings") else {
        return &[];
    };
    TABLE.get_or_init(|| Text::ALL.iter().map(|t| strings.str_at(t.key())).collect())
}

/// The words one widget uses: a language plus the campaign's overrides for it. Cheap to clone
/// (the overrides are shared), and freed with the last clone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Texts {
    pub lang: Lang,
    overrides: Option<Arc<[(Text, String)]>>,
}

impl Texts {
    /// The built-in words of `lang`.
    pub fn new(lang: Lang) -> Texts {
        Texts {
            lang,
            overrides: None,
        }
    }

    /// With a campaign's overrides.
    pub fn with_overrides(lang: Lang, overrides: Vec<(Text, String)>) -> Texts {
        Texts {
            lang,
            overrides: Some(overrides.into()),
        }
    }

    /// The text for `key`.
    pub fn get(&self, key: Text) -> &str {
        self.overrides
            .iter()
            .flat_map(|o| o.iter().rev())
            .find(|(t, _)| *t == key)
            .map_or_else(|| key.builtin(self.lang), |(_, s)| s)
    }

    /// The text for `key` with its `{name}` placeholders replaced by `values`.
    pub fn fill(&self, key: Text, values: &[(&str, &str)]) -> String {
        let mut text = self.get(key).to_owned();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}
