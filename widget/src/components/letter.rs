//! The letter: the supporter's details and own words, the editable email, and the ways to send
//! it (mail app, webmail, copy), then "did you send it?" and sharing.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use widget_core::letter::{Letter, LetterTemplate, LetterValues};
use widget_core::lookup::writetothem_url;
use widget_core::send::{mailto, Email, Webmail, MAILTO_SAFE_LENGTH};
use widget_core::{MpContact, Text};

use super::field::{Control, TextField};
use super::{ChunkUnavailable, Words};
use crate::browser::{can_share, copy_text, focus, html_element, page_url, share};
use crate::events::{emit, WidgetEvent};
use crate::lookup::Found;

/// Which step after sending the supporter is at.
#[derive(Debug, Clone, Copy, PartialEq)]
enum AfterSend {
    NotYet,
    Asking,
    Thanked,
}

#[component]
pub fn LetterForm(
    found: Arc<Found>,
    contact: MpContact,
    letter: LetterTemplate,
    test_recipient: Option<String>,
    texts: Words,
) -> impl IntoView {
    let template = StoredValue::new(letter);
    let name = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let own_email = RwSignal::new(String::new());
    let personal = RwSignal::new(String::new());
    let opening = RwSignal::new(0usize);
    // Set once the supporter edits the generated text; `None` follows the template.
    let subject_edit = RwSignal::new(None::<String>);
    let body_edit = RwSignal::new(None::<String>);
    let tried_to_send = RwSignal::new(false);
    let after_send = RwSignal::new(AfterSend::NotYet);
    let copied = RwSignal::new(String::new());
    let section_ref = NodeRef::<html::Section>::new();
    let no_error = Signal::derive(|| None::<String>);

    let values = {
        let found = Arc::clone(&found);
        Memo::new(move |_| LetterValues {
            mp_name: found.mp.name.clone(),
            constituency: found.mp.constituency.clone(),
            sender_name: name.get(),
            sender_address: address.get(),
            sender_postcode: found.postcode.to_string(),
            personal: personal.get(),
            opening: opening.get(),
        })
    };
    let draft = Memo::new(move |_| {
        template
            .with_value(|t| values.with(|v| t.render(v)))
            .unwrap_or_else(|e| Letter {
                subject: String::new(),
                body: e.to_string(),
            })
    });
    let subject = Memo::new(move |_| subject_edit.get().unwrap_or_else(|| draft.get().subject));
    let body = Memo::new(move |_| body_edit.get().unwrap_or_else(|| draft.get().body));

    let test_mode = test_recipient.is_some();
    let recipient = test_recipient.or_else(|| contact.email.clone());
    let email = {
        let recipient = recipient.clone().unwrap_or_default();
        Memo::new(move |_| Email {
            to: recipient.clone(),
            subject: subject.get(),
            body: body.get(),
        })
    };
    let mailto_href = Memo::new(move |_| email.with(mailto));
    let too_long =
        move || mailto_href.with(|h| h.as_ref().is_some_and(|h| h.len() > MAILTO_SAFE_LENGTH));
    let suggested = Memo::new(move |_| own_email.with(|e| Webmail::for_address(e)));

    let name_missing = move || name.with(|n| n.trim().is_empty());
    let address_missing = move || address.with(|a| a.trim().is_empty());
    let show_name_error = move || tried_to_send.get() && name_missing();
    let show_address_error = move || tried_to_send.get() && address_missing();

    // Called by every way of sending: the letter must carry a name and an address.
    let ready_to_send = move |ev: &leptos::ev::MouseEvent, channel: &'static str| -> bool {
        tried_to_send.set(true);
        let missing = if name_missing() {
            Some("#cw-name")
        } else if address_missing() {
            Some("#cw-address")
        } else {
            None
        };
        if let Some(selector) = missing {
            ev.prevent_default();
            let field = section_ref
                .get_untracked()
                .and_then(|section| section.query_selector(selector).ok().flatten())
                .and_then(html_element);
            // After the error message is in place, so it is read with the field.
            request_animation_frame(move || focus(field));
            return false;
        }
        if let Some(section) = section_ref.get_untracked() {
            emit(&section, WidgetEvent::EmailOpened { channel });
        }
        after_send.set(AfterSend::Asking);
        true
    };

    // After the `await` the widget may be gone: `texts` then answers with nothing, and
    // `try_set` does nothing.
    let copy = move |what: Text, text: String| {
        spawn_local(async move {
            let message = if copy_text(&text).await {
                format!("{} \u{2713}", texts.get(Text::Copied))
            } else {
                texts.get(Text::CopyFailed)
            };
            copied.try_set(format!("{}: {message}", texts.get(what)));
        });
    };

    let openings = template.with_value(|t| t.openings.len());
    let prompt = template.with_value(|t| t.prompt.clone());
    let opening_choice = (openings > 1).then(|| {
        let options = (0..openings)
            .map(|i| {
                let id = format!("cw-opening-{i}");
                let text = move || {
                    template
                        .with_value(|t| values.with(|v| t.opening(i, v)))
                        .unwrap_or_default()
                };
                view! {
                    <div class="cw-radio">
                        <input
                            type="radio"
                            name="cw-opening"
                            id=id.clone()
                            prop:checked=move || opening.get() == i
                            on:change=move |_| opening.set(i)
                        />
                        <label for=id>{text}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset class="cw-fieldset">
                <legend class="cw-legend">{texts.get(Text::OpeningLegend)}</legend>
                {options}
            </fieldset>
        }
    });

    let no_email = recipient.is_none();
    let postal = contact.postal_address.join("\n");
    let writetothem = writetothem_url(&found.postcode);
    let mp_name = found.mp.name.clone();

    let send_section = move || {
        if no_email {
            return view! {
                <div class="cw-no-email">
                    <p>{texts.fill(Text::NoEmail, &[("name", &mp_name)])}</p>
                    <p class="cw-postal">{postal.clone()}</p>
                    <a class="cw-button" href=writetothem.clone() target="_blank" rel="noopener">
                        {texts.get(Text::WriteToThem)}
                        <span class="cw-visually-hidden">" "{texts.get(Text::OpensInNewTab)}</span>
                    </a>
                    <div class="cw-copy-row">
                        <button class="cw-button" type="button"
                            on:click=move |ev| if ready_to_send(&ev, "copy") { copy(Text::CopyBody, body.get_untracked()) }>
                            {texts.get(Text::CopyBody)}
                        </button>
                    </div>
                </div>
            }
            .into_any();
        }
        let to = recipient.clone().unwrap_or_default();
        let webmail = move || {
            let first = suggested.get();
            let mut services: Vec<Webmail> = Webmail::ALL.to_vec();
            if let Some(first) = first {
                services.retain(|s| *s != first);
                services.insert(0, first);
            }
            services
                .into_iter()
                .map(|service| {
                    let href = move || email.with(|e| service.compose_url(e));
                    let is_suggested = first == Some(service);
                    view! {
                        <li>
                            <a
                                class=format!("cw-webmail cw-webmail-{}", service.id())
                                class:cw-suggested=is_suggested
                                href=href
                                target="_blank"
                                rel="noopener"
                                on:click=move |ev| { ready_to_send(&ev, service.id()); }
                            >
                                {service.name()}
                                {is_suggested.then(|| format!(" {}", texts.get(Text::SuggestedWebmail)))}
                                <span class="cw-visually-hidden">" "{texts.get(Text::OpensInNewTab)}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view()
        };
        let to_copy = to.clone();
        view! {
            <p class="cw-send-to">{texts.fill(Text::SendTo, &[("to", &to)])}</p>
            <a
                class="cw-button cw-button-primary cw-mailto"
                href=move || mailto_href.get().unwrap_or_default()
                on:click=move |ev| { ready_to_send(&ev, "mailto"); }
            >
                {texts.get(Text::OpenEmailApp)}
            </a>
            {move || too_long().then(|| view! {
                <p class="cw-warning cw-too-long">{texts.get(Text::TooLongForMailto)}</p>
            })}
            <p class="cw-send-or">{texts.get(Text::OrWebmail)}</p>
            <ul class="cw-webmail-list">{webmail}</ul>
            <p class="cw-send-or">{texts.get(Text::CopyHeading)}</p>
            <div class="cw-copy-row">
                <button class="cw-button cw-copy-address" type="button"
                    on:click=move |_| copy(Text::CopyAddress, to_copy.clone())>
                    {texts.get(Text::CopyAddress)}
                </button>
                <button class="cw-button cw-copy-subject" type="button"
                    on:click=move |_| copy(Text::CopySubject, subject.get_untracked())>
                    {texts.get(Text::CopySubject)}
                </button>
                <button class="cw-button cw-copy-body" type="button"
                    on:click=move |ev| if ready_to_send(&ev, "copy") { copy(Text::CopyBody, body.get_untracked()) }>
                    {texts.get(Text::CopyBody)}
                </button>
            </div>
        }
        .into_any()
    };

    let after = move || {
        match after_send.get() {
        AfterSend::NotYet => None,
        AfterSend::Asking => Some(view! {
            <div class="cw-did-you-send">
                <p class="cw-question">{texts.get(Text::DidYouSend)}</p>
                <button class="cw-button cw-button-primary cw-yes-sent" type="button"
                    on:click=move |_| {
                        if let Some(section) = section_ref.get_untracked() {
                            emit(&section, WidgetEvent::Sent);
                        }
                        after_send.set(AfterSend::Thanked);
                    }>
                    {texts.get(Text::YesSent)}
                </button>
                <button class="cw-button" type="button" on:click=move |_| after_send.set(AfterSend::NotYet)>
                    {texts.get(Text::NotYet)}
                </button>
            </div>
        }.into_any()),
        AfterSend::Thanked => Some(view! {
            <div class="cw-thanks">
                <h4 class="cw-thanks-heading" tabindex="-1" data-thanks>{texts.get(Text::ThankYou)}</h4>
                <p>{texts.get(Text::ThankYouText)}</p>
                <div class="cw-copy-row">
                    {can_share().then(|| view! {
                        <button class="cw-button cw-button-primary" type="button"
                            on:click=move |_| {
                            let text = texts.get(Text::ShareText);
                            spawn_local(async move { share(&text, &page_url()).await })
                        }>
                            {texts.get(Text::Share)}
                        </button>
                    })}
                    <button class="cw-button cw-copy-link" type="button"
                        on:click=move |_| copy(Text::CopyLink, page_url())>
                        {texts.get(Text::CopyLink)}
                    </button>
                </div>
            </div>
        }.into_any()),
    }
    };

    view! {
        <section class="cw-letter" aria-labelledby="cw-letter-heading" node_ref=section_ref>
            {test_mode.then(|| view! {
                <p class="cw-test-banner" role="note">
                    {texts.fill(Text::TestModeBanner, &[("to", &email.get_untracked().to)])}
                </p>
            })}
            <fieldset class="cw-fieldset">
                <legend class="cw-legend" id="cw-letter-heading">{texts.get(Text::YourDetails)}</legend>
                <p class="cw-hint">{texts.get(Text::YourDetailsHint)}</p>
                <TextField id="cw-name" label=Text::NameLabel hint=String::new()
                    control=Control::Line { kind: "text", autocomplete: "name" }
                    value=name.into() on_input=Callback::new(move |v| name.set(v))
                    error=Signal::derive(move || show_name_error().then(|| texts.get(Text::NameMissing)))
                    texts />
                <TextField id="cw-address" label=Text::AddressLabel hint=texts.get(Text::AddressHint)
                    control=Control::Lines { rows: 3, autocomplete: "street-address" }
                    value=address.into() on_input=Callback::new(move |v| address.set(v))
                    error=Signal::derive(move || show_address_error().then(|| texts.get(Text::AddressMissing)))
                    texts />
                <TextField id="cw-own-email" label=Text::EmailLabel hint=texts.get(Text::EmailHint)
                    control=Control::Line { kind: "email", autocomplete: "email" }
                    value=own_email.into() on_input=Callback::new(move |v| own_email.set(v))
                    error=no_error texts />
            </fieldset>
            {opening_choice}
            <TextField id="cw-personal" label=Text::PersonalLabel hint=prompt
                control=Control::Lines { rows: 4, autocomplete: "off" }
                value=personal.into() on_input=Callback::new(move |v| personal.set(v))
                error=no_error texts />
            <h4 class="cw-subheading">{texts.get(Text::EditHeading)}</h4>
            <p class="cw-hint">{texts.get(Text::EditHint)}</p>
            <TextField id="cw-subject" label=Text::SubjectLabel hint=String::new()
                control=Control::Line { kind: "text", autocomplete: "off" }
                value=subject.into() on_input=Callback::new(move |v| subject_edit.set(Some(v)))
                error=no_error texts />
            <TextField id="cw-body" label=Text::BodyLabel hint=String::new()
                control=Control::Lines { rows: 16, autocomplete: "off" }
                value=body.into() on_input=Callback::new(move |v| body_edit.set(Some(v)))
                error=no_error texts />
            {move || (subject_edit.with(Option::is_some) || body_edit.with(Option::is_some)).then(|| view! {
                <button class="cw-link-button cw-reset" type="button"
                    on:click=move |_| { subject_edit.set(None); body_edit.set(None); }>
                    {texts.get(Text::ResetLetter)}
                </button>
            })}
            <div class="cw-send">
                <h4 class="cw-subheading">{texts.get(Text::SendHeading)}</h4>
                {send_section}
                <p class="cw-copied" role="status">{move || copied.get()}</p>
                {after}
            </div>
        </section>
    }
}

/// The split point. In the release build (`--cfg widget_split`, set by scripts/build.sh) this
/// function and all the code only it reaches (the letter form, templating, sending) are a
/// second wasm chunk, which the first call (or [`prefetch_letter_step`]) fetches and
/// instantiates; a failed fetch is an `Err`, and a later call tries again. Elsewhere (tests,
/// clippy) it is an ordinary function. Leptos's `#[lazy]` expands to this same macro, but
/// without `fallible`: a chunk that fails to load (offline) would panic, which in the release
/// build aborts the whole wasm instance, every widget on the page with it.
#[cfg_attr(
    widget_split,
    wasm_split_helpers::wasm_split(letter, fallible, preload(preload_letter_step))
)]
fn letter_step_view(
    found: Arc<Found>,
    contact: MpContact,
    letter: LetterTemplate,
    test_recipient: Option<String>,
    texts: Words,
) -> Result<AnyView, ChunkUnavailable> {
    Ok(view! { <LetterForm found contact letter test_recipient texts /> }.into_any())
}

/// The letter step for the MP found: at once where its code is loaded (always, outside the
/// split build), else once its chunk has arrived.
pub async fn letter_step(
    found: Arc<Found>,
    contact: MpContact,
    letter: LetterTemplate,
    test_recipient: Option<String>,
    texts: Words,
) -> Result<AnyView, ChunkUnavailable> {
    #[cfg(widget_split)]
    return letter_step_view(found, contact, letter, test_recipient, texts).await;
    #[cfg(not(widget_split))]
    letter_step_view(found, contact, letter, test_recipient, texts)
}

/// Starts fetching the letter step's chunk (split build), so that it is there when the MP is:
/// called as a lookup starts. Once is enough; later calls cost nothing. A failure is not
/// remembered: [`letter_step`] tries again.
pub fn prefetch_letter_step() {
    #[cfg(widget_split)]
    spawn_local(async {
        let _ = preload_letter_step().await;
    });
}
