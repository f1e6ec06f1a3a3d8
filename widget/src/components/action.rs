//! The action: the postcode form, the lookup's progress and errors, and then the MP and letter.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use std::time::Duration;
use widget_core::campaign::ApiConfig;
use widget_core::letter::LetterTemplate;
use widget_core::{LookupError, Postcode, PostcodeError, Text};

use super::field::Field;
use super::found::{lookup_code, prefetch_lookup_code, ShowFound};
use super::letter::prefetch_letter_step;
use super::Words;
use crate::browser::{focus, html_element, preconnect};
use crate::events::{emit, WidgetEvent};
use crate::http::{is_offline, Cancel, FetchError};
use crate::lookup::Found;

/// Where the lookup is, from what was typed to the MP.
#[derive(Clone)]
enum Lookup {
    Idle,
    /// What was submitted is not a postcode we can look up (said at the field).
    Invalid(PostcodeError),
    Loading(Postcode),
    /// The MP, and the lookup code's function that shows them (see `found.rs`).
    Found(Arc<Found>, fn(ShowFound) -> AnyView),
    Failed(Postcode, LookupError),
}

impl Lookup {
    fn postcode(&self) -> Option<&Postcode> {
        match self {
            Lookup::Idle | Lookup::Invalid(_) => None,
            Lookup::Loading(p) | Lookup::Failed(p, _) => Some(p),
            Lookup::Found(found, _) => Some(&found.postcode),
        }
    }

    /// The message shown at the postcode field: about what was typed, never the service.
    fn field_message(&self, texts: Words) -> Option<String> {
        match self {
            Lookup::Invalid(error) => Some(error.message(texts.texts())),
            Lookup::Failed(_, error) if error.is_about_postcode() => {
                Some(error.message(texts.texts()))
            }
            _ => None,
        }
    }
}

/// WriteToThem's lookup for Westminster MPs: where the form goes without the wasm.
const WRITETOTHEM: &str = "https://www.writetothem.com/";

/// How long typing must pause before a complete postcode is looked up.
const TYPING_PAUSE: Duration = Duration::from_millis(350);

/// Postcode in, MP and letter out: the supporter's action.
#[component]
pub fn FindAndWrite(
    api: ApiConfig,
    letter: LetterTemplate,
    test_recipient: Option<String>,
    texts: Words,
) -> impl IntoView {
    let api = StoredValue::new(api);
    let letter = StoredValue::new(letter);
    let test_recipient = StoredValue::new(test_recipient);
    let input = RwSignal::new(String::new());
    let lookup = RwSignal::new(Lookup::Idle);
    // The current lookup's controller: aborted when another replaces it, which is also how
    // a finished lookup knows it is out of date.
    let in_flight = StoredValue::new_local(None::<Cancel>);
    let typing_timer = StoredValue::new(None::<TimeoutHandle>);
    // Set by a submit: move focus to the outcome when it arrives.
    let focus_outcome = StoredValue::new(false);
    let input_ref = NodeRef::<html::Input>::new();
    let outcome_ref = NodeRef::<html::Div>::new();

    // The lookup's code (a chunk of its own in the release build) arrives before the supporter
    // presses Find your MP: when the browser is idle after the first view, or when the postcode
    // field gets focus or a keystroke, whichever comes first (later calls cost nothing).
    // (Safari has no requestIdleCallback: a short timeout there.)
    // (Not when rendering the first view to HTML natively: there is no browser.)
    #[cfg(not(feature = "ssr"))]
    if request_idle_callback_with_handle(prefetch_lookup_code).is_err() {
        set_timeout(prefetch_lookup_code, Duration::from_millis(100));
    }

    // A request in flight ends with the widget. What runs after an `await`, a timer or in a
    // later frame uses the `try_` accessors: they find a widget that is gone, and it does
    // nothing.
    on_cleanup(move || {
        if let Some(request) = in_flight.try_get_value().flatten() {
            request.cancel();
        }
    });

    let move_focus = move || {
        if focus_outcome.try_get_value() == Some(true) {
            focus_outcome.set_value(false);
            // After Leptos has rendered the outcome.
            request_animation_frame(move || {
                let target = outcome_ref
                    .try_get_untracked()
                    .flatten()
                    .and_then(|div| div.query_selector("[data-focus]").ok().flatten())
                    .and_then(html_element);
                focus(target);
            });
        }
    };

    let start = move |postcode: Postcode| {
        // (Also from the typing timer, which may fire after the widget is gone.)
        let Some(current) = lookup.try_get_untracked() else {
            return;
        };
        let same = current.postcode() == Some(&postcode);
        if same && matches!(current, Lookup::Loading(_) | Lookup::Found(..)) {
            if matches!(current, Lookup::Found(..)) {
                move_focus();
            }
            return;
        }
        if let Some(previous) = in_flight.get_value() {
            previous.cancel();
        }
        let controller = Cancel::default();
        in_flight.set_value(Some(controller.clone()));
        lookup.set(Lookup::Loading(postcode.clone()));
        let api = api.get_value();
        spawn_local(async move {
            // The lookup's code (a chunk of its own in the release build, normally fetched
            // before the press), then the lookup.
            let result = match lookup_code().await {
                Ok(code) => {
                    // The letter step's code (a chunk of its own in the release build) arrives
                    // while the services answer, so the letter appears with the MP; not before
                    // the lookup's code, whose download it would slow.
                    prefetch_letter_step();
                    (code.find)(api, postcode.clone(), controller.clone())
                        .await
                        .map(|found| (found, code.show))
                }
                Err(_) if is_offline() => Err(FetchError::Failed(LookupError::Offline)),
                Err(_) => Err(FetchError::Failed(LookupError::CodeUnavailable)),
            };
            // Replaced by a newer lookup, or by a postcode that is not one, or unmounted,
            // meanwhile. (Not `aborted()`: a timeout aborts the request too, and that must be
            // said.)
            if in_flight.try_with_value(|current| current.as_ref() == Some(&controller))
                != Some(true)
            {
                return;
            }
            let target = outcome_ref.get_untracked();
            match result {
                Ok((found, show)) => {
                    if let Some(target) = &target {
                        emit(
                            target,
                            WidgetEvent::MpFound {
                                constituency: &found.mp.constituency,
                                mp: &found.mp.name,
                            },
                        );
                    }
                    lookup.set(Lookup::Found(Arc::new(found), show));
                }
                Err(FetchError::Cancelled) => return,
                Err(FetchError::Failed(error)) => {
                    if let Some(target) = &target {
                        emit(target, WidgetEvent::Error { kind: error.kind() });
                    }
                    lookup.set(Lookup::Failed(postcode, error));
                }
            }
            move_focus();
        });
    };

    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        input.set(value.clone());
        prefetch_lookup_code();
        if let Some(timer) = typing_timer.get_value() {
            timer.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                if let Some(postcode) = Postcode::complete(&value) {
                    start(postcode);
                }
            },
            TYPING_PAUSE,
        );
        typing_timer.set_value(handle.ok());
    };

    // The first focus of the postcode field also opens the connections to the two services,
    // so that the lookup's first requests do not wait for them.
    let mut warmed = false;
    let on_focus = move |_| {
        prefetch_lookup_code();
        if !std::mem::replace(&mut warmed, true) {
            if let Some(field) = input_ref.get_untracked() {
                api.with_value(|api| preconnect(&field, [&api.postcodes, &api.members]));
            }
        }
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The button answers now; a pending look-up-while-typing would only repeat it.
        if let Some(timer) = typing_timer.get_value() {
            timer.clear();
        }
        match Postcode::parse(&input.get_untracked()) {
            Ok(postcode) => {
                focus_outcome.set_value(true);
                start(postcode);
            }
            Err(error) => {
                if let Some(previous) = in_flight.get_value() {
                    previous.cancel();
                }
                in_flight.set_value(None);
                lookup.set(Lookup::Invalid(error));
                focus(input_ref.get_untracked().and_then(html_element));
            }
        }
    };

    let retry = move |_| {
        if let Lookup::Failed(postcode, _) = lookup.get_untracked() {
            // Force a new attempt for the same postcode.
            lookup.set(Lookup::Idle);
            focus_outcome.set_value(true);
            start(postcode);
        }
    };

    // The postcode looked up, when it corrects what is typed ("C015 1AA" → "CO15 1AA").
    // (A closure, not a Memo: a Memo of it costs 480 bytes of wasm for two cheap reads.)
    let corrected = move || {
        let typed = input.get();
        lookup.with(|l| {
            l.postcode()
                .filter(|p| p.corrects(&typed) && Postcode::parse(&typed).as_ref() == Ok(*p))
                .cloned()
        })
    };
    let field_message = move || lookup.with(|l| l.field_message(texts));
    let has_error = move || field_message().is_some();
    let described_by = move || {
        let mut ids = String::from("cw-postcode-hint");
        if has_error() {
            ids.push_str(" cw-postcode-error");
        }
        if corrected().is_some() {
            ids.push_str(" cw-postcode-used");
        }
        ids
    };

    view! {
        // Without the wasm (scripts off, a browser too old, the prerender before the wasm has
        // arrived and the loader gone), the form asks WriteToThem's own lookup for Westminster
        // MPs, `?pc=POSTCODE&a=westminstermp`, in a tab of its own.
        <form class="cw-postcode-form" action=WRITETOTHEM method="get" target="_blank" novalidate
            on:submit=on_submit>
            <input type="hidden" name="a" value="westminstermp" />
            <Field id="cw-postcode" label=Text::PostcodeLabel
                hint=texts.get(Text::PostcodeHint)
                error=Signal::derive(field_message) texts>
                <div class="cw-postcode-row">
                    <input
                        class="cw-input cw-input-postcode"
                        id="cw-postcode"
                        name="pc"
                        type="text"
                        autocomplete="postal-code"
                        autocapitalize="characters"
                        spellcheck="false"
                        maxlength="10"
                        aria-describedby=described_by
                        aria-invalid=move || if has_error() { "true" } else { "false" }
                        node_ref=input_ref
                        prop:value=move || input.get()
                        on:input=on_input
                        on:focus=on_focus
                    />
                    <button class="cw-button cw-button-primary" type="submit">
                        {texts.get(Text::FindMp)}
                    </button>
                </div>
                {move || corrected().map(|postcode| view! {
                    <p class="cw-hint cw-postcode-used" id="cw-postcode-used">
                        {texts.fill(Text::PostcodeCorrected, &[("postcode", postcode.as_str())])}
                    </p>
                })}
            </Field>
        </form>
        // (`data-finding`: what the loader says here when Find your MP is pressed on the
        // prerendered view, until the live view carries the lookup out.)
        <p class="cw-status" role="status" data-finding=texts.get(Text::Finding)>
            // (Nothing, not an empty string, when idle: HTML rendered natively writes an empty
            // text as a space, and `.cw-status:empty` must hide it in the prerender too.)
            {move || lookup.with(|l| matches!(l, Lookup::Loading(_))).then(|| texts.get(Text::Finding))}
        </p>
        <div class="cw-outcome" node_ref=outcome_ref>
            {move || match lookup.get() {
                Lookup::Found(found, show) => Some(show(ShowFound {
                    found,
                    api: api.get_value(),
                    letter: letter.get_value(),
                    test_recipient: test_recipient.get_value(),
                    texts,
                    postcode_field: input_ref,
                })),
                Lookup::Failed(_, error) if !error.is_about_postcode() => Some(view! {
                    <div class="cw-problem" role="alert">
                        <p class="cw-problem-message" tabindex="-1" data-focus>{error.message(texts.texts())}</p>
                        {error.is_retryable().then(|| view! {
                            <button class="cw-button" type="button" on:click=retry>
                                {texts.get(Text::Retry)}
                            </button>
                        })}
                    </div>
                }.into_any()),
                _ => None,
            }}
        </div>
    }
}
