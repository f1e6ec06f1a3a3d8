//! The lookup's code as one piece: finding the MP (requests, decoding, name matching, the
//! second route) and showing them (the MP card at once, then the letter step once the MP's
//! contact details, fetched meanwhile, have arrived). In the release build this is a wasm
//! chunk of its own (split point [`lookup_code`]), fetched when the browser is idle after the
//! first view, or on the postcode field's focus or first keystroke: the first load carries
//! only the form.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use widget_core::campaign::ApiConfig;
use widget_core::letter::LetterTemplate;
use widget_core::{LookupError, MpContact, Postcode, Text};

use super::letter::letter_step;
use super::mp::MpCard;
use super::{ChunkUnavailable, Words};
use crate::browser::{focus, html_element};
use crate::events::{emit, WidgetEvent};
use crate::http::{Cancel, FetchError};
use crate::lookup::{find_contact, find_mp, Found};

/// A lookup under way (see [`crate::lookup::find_mp`]).
pub type Finding = Pin<Box<dyn Future<Output = Result<Found, FetchError>>>>;

/// What the outcome needs to show an MP found.
pub struct ShowFound {
    pub found: Arc<Found>,
    /// Where the MP's contact details are asked for.
    pub api: ApiConfig,
    pub letter: LetterTemplate,
    pub test_recipient: Option<String>,
    pub texts: Words,
    /// The postcode field, which "Not your constituency?" selects.
    pub postcode_field: NodeRef<html::Input>,
}

/// The entry points of the lookup's code. Functions, not the code itself: calling them runs
/// the chunk's code, which the first load does not carry.
#[derive(Clone, Copy)]
pub struct LookupCode {
    /// Finds the MP for a postcode; the controller cancels it.
    pub find: fn(ApiConfig, Postcode, Cancel) -> Finding,
    /// The MP card and the letter step.
    pub show: fn(ShowFound) -> AnyView,
}

fn find(api: ApiConfig, postcode: Postcode, cancel: Cancel) -> Finding {
    Box::pin(async move { find_mp(&api, &postcode, &cancel).await })
}

fn show(props: ShowFound) -> AnyView {
    let ShowFound {
        found,
        api,
        letter,
        test_recipient,
        texts,
        postcode_field,
    } = props;
    // The MP's contact details, fetched while the supporter reads the card: `None` until they
    // arrive. The letter step waits for them only when they have not arrived by then.
    let contact = RwSignal::new(None::<Result<MpContact, LookupError>>);
    // Bumped by Try again when the letter step's code could not be fetched.
    let letter_attempt = RwSignal::new(0u32);
    // The contact request in flight: it ends with the card (a new lookup, or the widget gone).
    let in_flight = StoredValue::new_local(None::<Cancel>);
    on_cleanup(move || {
        if let Some(request) = in_flight.try_get_value().flatten() {
            request.cancel();
        }
    });
    let fetch_contact = {
        let member = found.mp.id;
        move || {
            let cancel = Cancel::default();
            in_flight.set_value(Some(cancel.clone()));
            contact.set(None);
            let api = api.clone();
            spawn_local(async move {
                match find_contact(&api, member, &cancel).await {
                    Ok(details) => {
                        contact.try_set(Some(Ok(details)));
                    }
                    Err(FetchError::Cancelled) => {}
                    Err(FetchError::Failed(error)) => {
                        let kind = error.kind();
                        contact.try_set(Some(Err(error)));
                        // From inside the widget (the event leaves its shadow root).
                        if let Some(field) = postcode_field.try_get_untracked().flatten() {
                            emit(&field, WidgetEvent::Error { kind });
                        }
                    }
                }
            });
        }
    };
    fetch_contact();
    let check_postcode = move || {
        if let Some(element) = postcode_field.get_untracked() {
            let _ = element.focus();
            element.select();
        }
    };
    let mp_name = found.mp.name.clone();
    let problem = move |message: String, retry: Box<dyn Fn() + Send + Sync>| {
        view! {
            <div class="cw-problem cw-letter-problem" role="alert">
                <p class="cw-problem-message">{message}</p>
                <button
                    class="cw-button"
                    type="button"
                    on:click=move |event| {
                        focus_card_heading(&event);
                        retry()
                    }
                >
                    {texts.get(Text::Retry)}
                </button>
            </div>
        }
        .into_any()
    };
    view! {
        <MpCard found=Arc::clone(&found) texts on_check_postcode=check_postcode />
        {move || match contact.get() {
            None => None,
            Some(Err(error)) => Some(problem(
                format!(
                    "{} {}",
                    texts.fill(Text::ContactUnavailable, &[("name", &mp_name)]),
                    error.message(texts.texts())
                ),
                Box::new(fetch_contact.clone()),
            )),
            Some(Ok(details)) => {
                letter_attempt.track();
                let step = letter_step(
                    Arc::clone(&found),
                    details,
                    letter.clone(),
                    test_recipient.clone(),
                    texts,
                );
                Some(Suspend::new(async move {
                    step.await.unwrap_or_else(|_| problem(
                        texts.get(Text::LetterStepUnavailable),
                        Box::new(move || letter_attempt.update(|n| *n += 1)),
                    ))
                }).into_any())
            }
        }}
    }
    .into_any()
}

/// Try again takes its own button away while it works: keyboard focus goes to the MP card's
/// heading, which stays, rather than falling out of the widget onto the host page.
fn focus_card_heading(event: &leptos::ev::MouseEvent) {
    let heading = event
        .current_target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|button| button.closest(".cw-outcome").ok().flatten())
        .and_then(|outcome| outcome.query_selector("#cw-mp-heading").ok().flatten())
        .and_then(html_element);
    focus(heading);
}

/// The split point. In the release build (`--cfg widget_split`, scripts/build.sh) this
/// function and all the code only it reaches are the chunk `lookup`; elsewhere (tests, clippy)
/// an ordinary function. `fallible`: a chunk that cannot be fetched is an `Err` (and a later
/// call tries again), never a panic, which would end every widget on the page.
#[cfg_attr(
    widget_split,
    wasm_split_helpers::wasm_split(lookup, fallible, preload(preload_lookup_code))
)]
fn lookup_code_in_chunk() -> Result<LookupCode, ChunkUnavailable> {
    Ok(LookupCode { find, show })
}

/// The lookup's code: at once where it is loaded (always, outside the split build), else once
/// its chunk has arrived.
pub async fn lookup_code() -> Result<LookupCode, ChunkUnavailable> {
    #[cfg(widget_split)]
    return lookup_code_in_chunk().await;
    #[cfg(not(widget_split))]
    lookup_code_in_chunk()
}

/// Starts fetching the lookup's chunk (split build) so that it is there when the postcode is
/// complete: called when the browser is idle after the first view, and on the postcode field's
/// focus and keystrokes. Later calls cost nothing; a failure is not remembered ([`lookup_code`]
/// tries again).
pub fn prefetch_lookup_code() {
    #[cfg(widget_split)]
    leptos::task::spawn_local(async {
        let _ = preload_lookup_code().await;
    });
}
