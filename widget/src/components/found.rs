//! The lookup's code as one piece: finding the MP (requests, decoding, name matching) and
//! showing them (the MP card, then the letter step). In the release build this is a wasm chunk
//! of its own (split point [`lookup_code`]), which the postcode field fetches on its first
//! keystroke: the first load carries only the form.

use leptos::html;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use web_sys::AbortController;
use widget_core::campaign::ApiConfig;
use widget_core::letter::LetterTemplate;
use widget_core::{Postcode, Text};

use super::letter::letter_step;
use super::mp::MpCard;
use super::{ChunkUnavailable, Words};
use crate::http::FetchError;
use crate::lookup::{find_mp, Found};

/// A lookup under way (see [`crate::lookup::find_mp`]).
pub type Finding = Pin<Box<dyn Future<Output = Result<Found, FetchError>>>>;

/// What the outcome needs to show an MP found.
pub struct ShowFound {
    pub found: Arc<Found>,
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
    pub find: fn(ApiConfig, Postcode, AbortController) -> Finding,
    /// The MP card and the letter step.
    pub show: fn(ShowFound) -> AnyView,
}

fn find(api: ApiConfig, postcode: Postcode, cancel: AbortController) -> Finding {
    Box::pin(async move { find_mp(&api, &postcode, &cancel).await })
}

fn show(props: ShowFound) -> AnyView {
    let ShowFound {
        found,
        letter,
        test_recipient,
        texts,
        postcode_field,
    } = props;
    // Bumped by Try again when the letter step's code could not be fetched.
    let letter_attempt = RwSignal::new(0u32);
    let check_postcode = move || {
        if let Some(element) = postcode_field.get_untracked() {
            let _ = element.focus();
            element.select();
        }
    };
    view! {
        <MpCard found=Arc::clone(&found) texts on_check_postcode=check_postcode />
        {move || {
            letter_attempt.track();
            let step = letter_step(
                Arc::clone(&found),
                letter.clone(),
                test_recipient.clone(),
                texts,
            );
            Suspend::new(async move {
                step.await.unwrap_or_else(|_| view! {
                    <div class="cw-problem" role="alert">
                        <p class="cw-problem-message">{texts.get(Text::LetterStepUnavailable)}</p>
                        <button class="cw-button" type="button"
                            on:click=move |_| letter_attempt.update(|n| *n += 1)>
                            {texts.get(Text::Retry)}
                        </button>
                    </div>
                }.into_any())
            })
        }}
    }
    .into_any()
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
/// complete: called on the postcode field's first keystroke. Later calls cost nothing; a
/// failure is not remembered ([`lookup_code`] tries again).
pub fn prefetch_lookup_code() {
    #[cfg(widget_split)]
    leptos::task::spawn_local(async {
        let _ = preload_lookup_code().await;
    });
}
