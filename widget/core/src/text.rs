//! The widget's own user-visible words, looked up by key and language.
//!
//! Components never hold literal user-facing text: they ask for a `Text` here, so a
//! translation (and later, a campaign's override) replaces every word in one place.
//! `{name}` marks a value filled in with [`Text::fill`].

/// A language the widget speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
}

impl Lang {
    /// The BCP 47 tag set as the widget root's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }
}

/// Keys of the widget's own strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    WidgetLabel,
    BarLabel,
    ConfigErrorHeading,
    // The postcode step.
    PostcodeLabel,
    PostcodeHint,
    FindMp,
    Finding,
    ErrorPrefix,
    Retry,
    PostcodeEmpty,
    PostcodeInvalid,
    PostcodeCrownDependency,
    PostcodeNotFound,
    PostcodeTerminated,
    PostcodeTerminatedYear,
    NoConstituency,
    ConstituencyNotFound,
    NoCurrentMp,
    RateLimited,
    RateLimitedSeconds,
    ServiceDown,
    Timeout,
    BadResponse,
    Network,
    Offline,
    // The MP.
    YourMp,
    BasedOnPostcode,
    NotYourConstituency,
    PortraitAlt,
    SpeakerNote,
    NoEmail,
    WriteToThem,
    // The letter.
    YourDetails,
    YourDetailsHint,
    NameLabel,
    AddressLabel,
    AddressHint,
    EmailLabel,
    EmailHint,
    NameMissing,
    AddressMissing,
    OpeningLegend,
    PersonalLabel,
    EditHeading,
    EditHint,
    SubjectLabel,
    BodyLabel,
    ResetLetter,
    // Sending.
    SendHeading,
    SendTo,
    OpenEmailApp,
    OrWebmail,
    SuggestedWebmail,
    CopyHeading,
    CopyAddress,
    CopySubject,
    CopyBody,
    Copied,
    CopyFailed,
    TooLongForMailto,
    DidYouSend,
    YesSent,
    NotYet,
    ThankYou,
    ThankYouText,
    ShareText,
    Share,
    CopyLink,
    TestModeBanner,
    OpensInNewTab,
}

impl Text {
    /// This text in the given language.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
        }
    }

    /// This text with its `{name}` placeholders replaced by `values`.
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        let mut text = self.get(lang).to_owned();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    fn en(self) -> &'static str {
        use Text::*;
        match self {
            WidgetLabel => "Write to your MP",
            BarLabel => "Shown as a bar:",
            ConfigErrorHeading => "This campaign widget could not start",
            PostcodeLabel => "Your postcode",
            PostcodeHint => "We use it only to find your MP. For example, SW1A 1AA.",
            FindMp => "Find your MP",
            Finding => "Finding your MP\u{2026}",
            ErrorPrefix => "Error:",
            Retry => "Try again",
            PostcodeEmpty => "Enter your postcode",
            PostcodeInvalid => "Enter a real postcode, like SW1A 1AA",
            PostcodeCrownDependency => "{place} does not have an MP in the UK Parliament. Enter a postcode in England, Scotland, Wales or Northern Ireland",
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
    }
}
