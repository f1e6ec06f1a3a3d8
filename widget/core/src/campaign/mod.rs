//! The campaign model: what the widget shows and asks, as data.
//!
//! A campaign is a JSON document; `Campaign::default()` is the seed campaign, so another
//! campaign is another JSON file, never other markup or code. One concern a file:
//!
//! | file | holds |
//! |---|---|
//! | `model.rs` | the types: [`Campaign`] and its parts, such as its [`Layout`] |
//! | `seed.rs` | the seed campaign (`Campaign::default()`), read from `lang/en.json` and `lang/cy.json` |
//! | `error.rs` | [`CampaignError`] and [`ConfigProblem`], each with the sentence a person reads |
//! | `validate.rs` | the checks the JSON shape cannot make |
//! | `languages.rs` | a campaign in another language, and its widget-string overrides |
//! | `read.rs` / `write.rs` | JSON in (with the path of anything wrong) and out |
//! | `serde_support.rs` | (feature `serde`) what the serde derives on the model cannot say |

mod error;
mod languages;
mod model;
mod read;
mod seed;
#[cfg(feature = "serde")]
pub(crate) mod serde_support;
mod validate;
mod write;

pub use error::{CampaignError, ConfigProblem};
pub use model::{ApiConfig, Campaign, Layout, Link, Section, Statistic, Story};
pub use seed::EN_JSON;

use crate::json;
use read::decode_campaign;
use write::encode_campaign;

impl Campaign {
    /// Reads a campaign from JSON and checks it; the error says what to fix and where.
    pub fn from_json(text: &str) -> Result<Campaign, CampaignError> {
        let value = json::parse(text).map_err(|e| CampaignError::Json {
            line: e.line,
            column: e.column,
            message: e.message.to_owned(),
        })?;
        let campaign = decode_campaign(&value)?;
        campaign.validate()?;
        Ok(campaign)
    }

    /// The campaign as pretty JSON, for export; [`Campaign::from_json`] reads it back.
    pub fn to_json(&self) -> String {
        encode_campaign(self).to_pretty()
    }
}
