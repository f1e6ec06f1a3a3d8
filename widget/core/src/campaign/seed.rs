//! The seed campaign, "Ask your MP to support the Secondary Support Package": data, not code.
//! English in `lang/en.json`, Welsh in `lang/cy.json`, each under `campaign` in the same shape
//! as a campaign file.

use super::model::Campaign;
use super::read::decode_campaign;
use crate::json;

/// The English seed campaign (and room for notes to translators).
pub static EN_JSON: &str = include_str!("../lang/en.json");

impl Default for Campaign {
    /// The seed campaign, with its Welsh text as the `cy` language.
    fn default() -> Self {
        let english = json::parse(EN_JSON).ok();
        let mut campaign = english
            .as_ref()
            .and_then(|data| data.get("campaign"))
            .and_then(|campaign| decode_campaign(campaign).ok())
            // Checked by the core's tests (tests/campaign.rs): the file is part of the build.
            .expect("lang/en.json holds the seed campaign");
        campaign.languages = crate::text::welsh_data()
            .get("campaign")
            .map(|welsh| vec![("cy".to_owned(), welsh.clone())])
            .unwrap_or_default();
        campaign
    }
}
