//! HTTP GET for the lookup APIs: a time limit and cancellation. Nothing is stored here: what
//! is worth remembering is decided after decoding (see `lookup.rs`).

use gloo_net::http::Request;
use std::cell::{Cell, RefCell};
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

/// Cancels the requests of one lookup (or of one fetch of contact details) together: a newer
/// lookup or the widget's end cancels them. Each request has an `AbortController` of its own,
/// which its time limit aborts alone, so a lookup can go on after one request timed out (to
/// the second route). (Not the DOM's abort event: a wasm-bindgen closure would keep all the
/// request code in the first load.)
#[derive(Clone, Default)]
pub struct Cancel(Rc<CancelState>);

#[derive(Default)]
struct CancelState {
    cancelled: Cell<bool>,
    requests: RefCell<Vec<AbortController>>,
}

impl Cancel {
    /// Cancels every request made with this, now and later.
    pub fn cancel(&self) {
        self.0.cancelled.set(true);
        for request in self.0.requests.take() {
            request.abort();
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.cancelled.get()
    }

    /// A controller for one request, aborted by [`Cancel::cancel`].
    fn request(&self) -> Option<AbortController> {
        let controller = AbortController::new().ok()?;
        let mut requests = self.0.requests.borrow_mut();
        // Controllers of requests that have ended, left by earlier calls.
        requests.retain(|c| !c.signal().aborted());
        requests.push(controller.clone());
        Some(controller)
    }
}

impl PartialEq for Cancel {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// GETs `url`, giving up after `timeout_ms` (that request alone); `cancel` aborts it from
/// outside. `cache` says how the browser's HTTP cache is used: lookups pass `NoStore`, so a
/// retry after a garbled answer really asks again and no answer about a postcode lands on disk.
pub async fn get(
    url: &str,
    timeout_ms: u32,
    cancel: &Cancel,
    cache: RequestCache,
) -> Result<Reply, FetchError> {
    if is_offline() {
        return Err(LookupError::Offline.into());
    }
    if cancel.is_cancelled() {
        return Err(FetchError::Cancelled);
    }
    let this = cancel
        .request()
        .ok_or(FetchError::Failed(LookupError::Network))?;
    let signal = this.signal();
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let timed_out = Rc::clone(&timed_out);
        let this = this.clone();
        leptos::prelude::set_timeout_with_handle(
            move || {
                timed_out.set(true);
                this.abort();
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
    // Done with: the next request() drops it from the list.
    this.abort();
    result.map_err(|()| {
        if cancel.is_cancelled() {
            FetchError::Cancelled
        } else if timed_out.get() {
            LookupError::Timeout.into()
        } else if is_offline() {
            LookupError::Offline.into()
        } else {
            LookupError::Network.into()
        }
    })
}
