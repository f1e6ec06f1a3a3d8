//! The MP lookup over the network: postcode → constituency → MP → contact, decoded by the core.

use std::time::Duration;
use web_sys::AbortController;
use widget_core::campaign::ApiConfig;
use widget_core::lookup::{
    constituency_search_url, contact_url, decode_constituency_search, decode_contact,
    decode_postcode, postcode_url,
};
use widget_core::{Constituency, LookupError, Mp, MpContact, Postcode};

use crate::browser::sleep;
use crate::http::{get, FetchError, Reply};

/// Everything the letter needs about where the supporter lives and who represents them.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub postcode: Postcode,
    pub constituency: Constituency,
    pub mp: Mp,
    pub contact: MpContact,
}

/// GETs `url` and decodes it; waits out one short Retry-After by itself.
async fn fetch_decoded<T>(
    url: &str,
    api: &ApiConfig,
    cancel: &AbortController,
    decode: impl Fn(&Reply) -> Result<T, LookupError>,
) -> Result<T, FetchError> {
    let reply = get(url, api.timeout_ms, cancel, true).await?;
    match decode(&reply) {
        Err(error) => match error.auto_retry_after() {
            Some(seconds) => {
                sleep(Duration::from_secs(u64::from(seconds))).await;
                if cancel.signal().aborted() {
                    return Err(FetchError::Cancelled);
                }
                let again = get(url, api.timeout_ms, cancel, true).await?;
                Ok(decode(&again)?)
            }
            None => Err(error.into()),
        },
        Ok(value) => Ok(value),
    }
}

/// Finds the MP for `postcode`, asking each service once (answers are cached per session).
pub async fn find_mp(
    api: &ApiConfig,
    postcode: &Postcode,
    cancel: &AbortController,
) -> Result<Found, FetchError> {
    let constituency = fetch_decoded(&postcode_url(&api.postcodes, postcode), api, cancel, |r| {
        decode_postcode(r.status, &r.body, r.retry_after.as_deref())
    })
    .await?;
    let search = constituency_search_url(&api.members, &constituency.name);
    let mp = fetch_decoded(&search, api, cancel, |r| {
        decode_constituency_search(
            r.status,
            &r.body,
            r.retry_after.as_deref(),
            &constituency.name,
        )
    })
    .await?;
    let contact = fetch_decoded(&contact_url(&api.members, mp.id), api, cancel, |r| {
        decode_contact(r.status, &r.body, r.retry_after.as_deref())
    })
    .await?;
    Ok(Found {
        postcode: postcode.clone(),
        constituency,
        mp,
        contact,
    })
}
