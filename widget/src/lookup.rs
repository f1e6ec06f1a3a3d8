//! The MP lookup over the network, decoded by the core: postcode → constituency → MP, shown as
//! soon as it is known, and the MP's contact details fetched apart (the letter step needs them,
//! the MP card does not).
//!
//! Two routes lead from a postcode to its seat. The first asks postcodes.io for the
//! constituency and then the Members API for that seat's member: postcodes.io tells unknown,
//! retired and Crown Dependency postcodes apart. When postcodes.io cannot answer (down, busy,
//! slow, unreachable, or an answer that does not decode), the Members API's constituency search
//! is asked with the postcode itself; only when that fails too does the supporter see an error,
//! postcodes.io's.
//!
//! Decoded answers are remembered in memory for the life of the page, shared by every widget
//! on it, so the same postcode never asks the services twice. Nothing is written to the
//! partner's storage (sessionStorage, localStorage, cookies…): any script on the page could
//! read it there. Only an answer that decoded into a result is remembered, so "Try again"
//! after a garbled answer, a 5xx, a timeout or being offline always asks again.

use futures::future::{select, Either};
use std::cell::RefCell;
use std::pin::pin;
use std::time::Duration;
use web_sys::RequestCache;
use widget_core::campaign::ApiConfig;
use widget_core::lookup::{
    constituency_search_url, contact_url, decode_constituency_search, decode_contact,
    decode_postcode, decode_postcode_search, postcode_url,
};
use widget_core::names::shorter_search;
use widget_core::{LookupError, Mp, MpContact, Postcode};

use crate::browser::sleep;
use crate::http::{get, Cancel, FetchError, Reply};

/// Who represents the supporter, and the postcode that says so.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub postcode: Postcode,
    pub mp: Mp,
}

/// How many answers the page remembers; the oldest is forgotten first.
const REMEMBERED: usize = 200;

thread_local! {
    /// Bodies of answers that decoded into a result, by URL.
    static ANSWERS: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

fn remembered(url: &str) -> Option<String> {
    ANSWERS.with_borrow(|answers| {
        answers
            .iter()
            .find(|(u, _)| u == url)
            .map(|(_, body)| body.clone())
    })
}

fn remember(url: &str, body: String) {
    ANSWERS.with_borrow_mut(|answers| {
        answers.retain(|(u, _)| u != url);
        if answers.len() >= REMEMBERED {
            answers.remove(0);
        }
        answers.push((url.to_owned(), body));
    });
}

/// GETs `url` and decodes it, from memory when it decoded before; waits out one short
/// Retry-After by itself.
async fn fetch_decoded<T>(
    url: &str,
    api: &ApiConfig,
    cancel: &Cancel,
    decode: impl Fn(&Reply) -> Result<T, LookupError>,
) -> Result<T, FetchError> {
    // One copy of the request logic for every answer type (three generic copies cost 0.7 KB
    // of gzipped wasm): the typed value comes out through `value`, the shared code sees only
    // whether the answer decoded.
    let mut value = None;
    fetch_checked(url, api, cancel, &mut |reply: &Reply| {
        decode(reply).map(|v| value = Some(v))
    })
    .await?;
    value.ok_or(FetchError::Failed(LookupError::BadResponse))
}

/// The request logic of [`fetch_decoded`]: memory first, then the network (with one short
/// Retry-After waited out); `decode` keeps the value and says whether the answer decoded.
async fn fetch_checked(
    url: &str,
    api: &ApiConfig,
    cancel: &Cancel,
    decode: &mut dyn FnMut(&Reply) -> Result<(), LookupError>,
) -> Result<(), FetchError> {
    if let Some(body) = remembered(url) {
        let reply = Reply {
            status: 200,
            retry_after: None,
            body,
        };
        if decode(&reply).is_ok() {
            return Ok(());
        }
    }
    let mut reply = get(url, api.timeout_ms, cancel, RequestCache::NoStore).await?;
    let mut decoded = decode(&reply);
    if let Some(seconds) = decoded
        .as_ref()
        .err()
        .and_then(LookupError::auto_retry_after)
    {
        sleep(Duration::from_secs(u64::from(seconds))).await;
        if cancel.is_cancelled() {
            return Err(FetchError::Cancelled);
        }
        reply = get(url, api.timeout_ms, cancel, RequestCache::NoStore).await?;
        decoded = decode(&reply);
    }
    if decoded.is_ok() && reply.status == 200 {
        remember(url, reply.body);
    }
    Ok(decoded?)
}

/// Finds the current MP of the constituency named `name` (postcodes.io's spelling). When the
/// search for the whole name finds no matching seat, searches once more for one word of it.
async fn find_member(api: &ApiConfig, name: &str, cancel: &Cancel) -> Result<Mp, FetchError> {
    let mut query = name;
    loop {
        let url = constituency_search_url(&api.members, query);
        let found = fetch_decoded(&url, api, cancel, |r| {
            decode_constituency_search(r.status, &r.body, r.retry_after.as_deref(), name)
        })
        .await;
        // The same error from the first search when there is no shorter word to try.
        match (&found, shorter_search(name)) {
            (Err(FetchError::Failed(LookupError::ConstituencyNotFound { .. })), Some(word))
                if query == name =>
            {
                query = word
            }
            _ => return found,
        }
    }
}

/// How long postcodes.io may take before the second route is asked alongside it (less when the
/// time limit is shorter): it normally answers in a tenth of a second, and a supporter should
/// not wait out the whole time limit of a service that has stopped answering.
const SECOND_ROUTE_AFTER_MS: u32 = 2500;

/// Finds the MP for `postcode`: postcodes.io and a search by seat name, or, when postcodes.io
/// cannot answer (an error, or no answer within [`SECOND_ROUTE_AFTER_MS`]), a search by
/// postcode. Answers are remembered per page, so each is asked once.
pub async fn find_mp(
    api: &ApiConfig,
    postcode: &Postcode,
    cancel: &Cancel,
) -> Result<Found, FetchError> {
    let url = postcode_url(&api.postcodes, postcode);
    let first = pin!(fetch_decoded(&url, api, cancel, |r| {
        decode_postcode(r.status, &r.body, r.retry_after.as_deref())
    }));
    let patience = Duration::from_millis(u64::from(SECOND_ROUTE_AFTER_MS.min(api.timeout_ms / 2)));
    let mp = match select(first, pin!(sleep(patience))).await {
        Either::Left((constituency, _)) => match constituency {
            Ok(constituency) => find_member(api, &constituency.name, cancel).await?,
            Err(FetchError::Failed(error)) if !error.is_about_postcode() => {
                second_route(find_member_by_postcode(api, postcode, cancel).await, error)?
            }
            Err(other) => return Err(other),
        },
        // postcodes.io is slow: the second route alongside it, and whichever names a seat first.
        Either::Right(((), first)) => {
            let second = pin!(find_member_by_postcode(api, postcode, cancel));
            match select(first, second).await {
                Either::Left((Ok(constituency), _)) => {
                    find_member(api, &constituency.name, cancel).await?
                }
                Either::Left((Err(FetchError::Failed(error)), second))
                    if !error.is_about_postcode() =>
                {
                    second_route(second.await, error)?
                }
                Either::Left((Err(other), _)) => return Err(other),
                Either::Right((found @ (Ok(_) | Err(FetchError::Cancelled)), _)) => found?,
                Either::Right((
                    Err(FetchError::Failed(vacant @ LookupError::NoCurrentMp { .. })),
                    _,
                )) => return Err(vacant.into()),
                // No answer from the second route: postcodes.io's, whatever it is.
                Either::Right((Err(FetchError::Failed(_)), first)) => match first.await {
                    Ok(constituency) => find_member(api, &constituency.name, cancel).await?,
                    Err(error) => return Err(error),
                },
            }
        }
    };
    Ok(Found {
        postcode: postcode.clone(),
        mp,
    })
}

/// What the second route's outcome means when postcodes.io failed with `error`: the MP, a
/// vacant seat (an answer: the supporter is told so, as on the first route), or else (down too,
/// no seat, several seats: never a guess) postcodes.io's own problem.
fn second_route(outcome: Result<Mp, FetchError>, error: LookupError) -> Result<Mp, FetchError> {
    match outcome {
        Ok(mp) => Ok(mp),
        Err(FetchError::Failed(vacant @ LookupError::NoCurrentMp { .. })) => Err(vacant.into()),
        Err(FetchError::Cancelled) => Err(FetchError::Cancelled),
        Err(FetchError::Failed(_)) => Err(error.into()),
    }
}

/// The second route: the Members API's constituency search asked with the whole postcode.
async fn find_member_by_postcode(
    api: &ApiConfig,
    postcode: &Postcode,
    cancel: &Cancel,
) -> Result<Mp, FetchError> {
    let url = constituency_search_url(&api.members, postcode.as_str());
    fetch_decoded(&url, api, cancel, |r| {
        decode_postcode_search(r.status, &r.body, r.retry_after.as_deref())
    })
    .await
}

/// The MP's contact details (email address, postal address), for the letter step.
pub async fn find_contact(
    api: &ApiConfig,
    member_id: u32,
    cancel: &Cancel,
) -> Result<MpContact, FetchError> {
    fetch_decoded(&contact_url(&api.members, member_id), api, cancel, |r| {
        decode_contact(r.status, &r.body, r.retry_after.as_deref())
    })
    .await
}
