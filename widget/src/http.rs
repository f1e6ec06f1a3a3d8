//! HTTP GET for the lookup APIs: a time limit and cancellation. Nothing is stored here: what
//! is worth remembering is decided after decoding (see `lookup.rs`).

use gloo_net::http::Request;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use web_sys::{AbortController, RequestCache};
use widget_core::LookupError;

/// What came back: status, the Retry-After header, and the body.
pub struct Reply {
    pub status: u16,
    pub retry_after: Option<String>,
    pub body: String,
}

/// Why a request gave no reply.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// Cancelled because a newer lookup replaced it: show nothing.
    Cancelled,
    /// Something the supporter should hear about.
    Failed(LookupError),
}

impl From<LookupError> for FetchError {
    fn from(error: LookupError) -> Self {
        FetchError::Failed(error)
    }
}

/// Whether the browser says it is offline.
pub fn is_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// GETs `url`, giving up after `timeout_ms`; `cancel` aborts it from outside. `cache` says
/// how the browser's HTTP cache is used: lookups pass `NoStore`, so a retry after a garbled
/// answer really asks again and no answer about a postcode lands on disk.
pub async fn get(
    url: &str,
    timeout_ms: u32,
    cancel: &AbortController,
    cache: RequestCache,
) -> Result<Reply, FetchError> {
    if is_offline() {
        return Err(LookupError::Offline.into());
    }
    let signal = cancel.signal();
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let timed_out = Rc::clone(&timed_out);
        let cancel = cancel.clone();
        leptos::prelude::set_timeout_with_handle(
            move || {
                timed_out.set(true);
                cancel.abort();
            },
            Duration::from_millis(u64::from(timeout_ms)),
        )
        .ok()
    };
    let result = async {
        let response = Request::get(url)
            .cache(cache)
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(|_| ())?;
        let status = response.status();
        let retry_after = response.headers().get("retry-after");
        let body = response.text().await.map_err(|_| ())?;
        Ok::<_, ()>(Reply {
            status,
            retry_after,
            body,
        })
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result.map_err(|()| {
        if timed_out.get() {
            LookupError::Timeout.into()
        } else if signal.aborted() {
            FetchError::Cancelled
        } else if is_offline() {
            LookupError::Offline.into()
        } else {
            LookupError::Network.into()
        }
    })
}
