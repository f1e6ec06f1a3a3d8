//! The widget's words as its components hold them.

use leptos::prelude::*;
use widget_core::{Lang, Text, Texts};

/// A widget's [`Texts`], kept in its reactive graph (so freed when the widget unmounts) behind a
/// `Copy` handle that every closure can take. Once the widget is gone (a task finishing late),
/// it answers with empty text rather than panicking.
#[derive(Debug, Clone, Copy)]
pub struct Words(StoredValue<Texts>);

impl Words {
    pub fn new(texts: Texts) -> Words {
        Words(StoredValue::new(texts))
    }

    pub fn lang(self) -> Lang {
        self.0.try_with_value(|t| t.lang).unwrap_or_default()
    }

    /// The text for `key`.
    pub fn get(self, key: Text) -> String {
        self.0
            .try_with_value(|t| t.get(key).to_owned())
            .unwrap_or_default()
    }

    /// The text for `key` with its `{name}` placeholders replaced by `values`.
    pub fn fill(self, key: Text, values: &[(&str, &str)]) -> String {
        self.0
            .try_with_value(|t| t.fill(key, values))
            .unwrap_or_default()
    }

    /// The texts themselves, for the core's messages.
    pub fn texts(self) -> Texts {
        self.0.try_get_value().unwrap_or_default()
    }
}
