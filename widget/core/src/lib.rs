//! The pure core of the campaign widget.
//!
//! Everything here is plain Rust with no browser APIs, so it compiles and is tested natively
//! with `cargo test -p widget-core`. The browser edge and the Leptos components in the
//! `campaign-widget` crate call into it.

pub mod answers;
pub mod campaign;
pub mod colour;
pub mod decimal;
pub mod email;
pub mod json;
pub mod letter;
pub mod lookup;
pub mod names;
pub mod percent;
pub mod postcode;
pub mod send;
pub mod text;

pub use campaign::{Campaign, CampaignError, ConfigProblem};
pub use lookup::{Constituency, LookupError, Mp, MpContact};
pub use postcode::{Postcode, PostcodeError};
pub use text::{Lang, Text, Texts};
