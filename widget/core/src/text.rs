//! The widget's own user-visible words, looked up by key and language.
//!
//! Components never hold literal user-facing text: they ask for a `Text` here, so a
//! translation (and later, a campaign's override) replaces every word in one place.

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
    /// Accessible name of the whole widget region.
    WidgetLabel,
    /// Accessible description of a statistic's bar, before the percentage.
    BarLabel,
    /// Shown while a campaign loads.
    Loading,
    /// Heading of the box that replaces a widget whose campaign cannot be used.
    ConfigErrorHeading,
}

impl Text {
    /// This text in the given language.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::WidgetLabel => "Write to your MP",
            Text::BarLabel => "Share shown as a bar",
            Text::Loading => "Loading the campaign\u{2026}",
            Text::ConfigErrorHeading => "This campaign widget could not start",
        }
    }
}
