//! A campaign in another language (its texts laid over the main ones) and the campaign's
//! replacements for the widget's own strings.

use super::read::decode_campaign;
use super::write::encode_campaign;
use super::{Campaign, CampaignError};
use crate::json;
use crate::text::{Lang, Text, Texts};

impl Campaign {
    /// The campaign in `lang`: its texts for that language laid over the main ones, text by
    /// text (a missing translation keeps the main text), checked like any campaign.
    pub fn localized(&self, lang: Lang) -> Result<Campaign, CampaignError> {
        let Some((_, overlay)) = self
            .languages
            .iter()
            .rev()
            .find(|(tag, _)| Lang::from_tag(tag) == Some(lang))
        else {
            return Ok(self.clone());
        };
        let mut merged = encode_campaign(self);
        json::merge(&mut merged, overlay);
        let campaign = decode_campaign(&merged).map_err(|e| match e {
            CampaignError::Field { path, message } => CampaignError::Field {
                path: format!("languages.{}.{path}", lang.tag()),
                message,
            },
            other => other,
        })?;
        campaign.validate()?;
        Ok(campaign)
    }

    /// The widget's words in `lang`, with this campaign's replacements for that language.
    pub fn texts(&self, lang: Lang) -> Texts {
        let overrides: Vec<(Text, String)> = self
            .strings
            .iter()
            .filter(|(tag, _)| Lang::from_tag(tag) == Some(lang))
            .flat_map(|(_, strings)| strings.iter())
            .filter_map(|(key, text)| Text::from_key(key).map(|t| (t, text.clone())))
            .collect();
        if overrides.is_empty() {
            Texts::new(lang)
        } else {
            Texts::with_overrides(lang, overrides)
        }
    }
}
