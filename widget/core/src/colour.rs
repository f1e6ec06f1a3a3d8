//! Colours from outside (party colours, themes) and WCAG contrast, so accents never cost
//! readability.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

/// Near-black used for text on light colours.
pub const DARK_TEXT: Colour = Colour {
    r: 0x1f,
    g: 0x1f,
    b: 0x24,
};
pub const WHITE: Colour = Colour {
    r: 0xff,
    g: 0xff,
    b: 0xff,
};

impl Colour {
    /// Reads `rrggbb` or `#rrggbb` (any case); `None` for anything else.
    pub fn from_hex(text: &str) -> Option<Colour> {
        let hex = text.trim().trim_start_matches('#');
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Colour {
            r: channel(0)?,
            g: channel(2)?,
            b: channel(4)?,
        })
    }

    /// `#rrggbb`, for CSS.
    pub fn to_css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }

    /// WCAG 2 contrast ratio between two colours, from 1 to 21.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// Dark or white, whichever reads better on this colour.
    pub fn readable_text(self) -> Colour {
        if self.contrast(DARK_TEXT) >= self.contrast(WHITE) {
            DARK_TEXT
        } else {
            WHITE
        }
    }
}
