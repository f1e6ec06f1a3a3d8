//! One labelled form field (single line or multi-line) with its hint and error, wired for
//! assistive technology: the error is announced, and both are linked with aria-describedby.
//! Every field of the widget is this one component, so its code ships once.

use leptos::prelude::*;
use widget_core::{Text, Texts};

/// What kind of control a [`Field`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// One line: `<input type={kind} autocomplete={autocomplete}>`.
    Line {
        kind: &'static str,
        autocomplete: &'static str,
    },
    /// Several lines: `<textarea rows={rows} autocomplete={autocomplete}>`.
    Lines {
        rows: u32,
        autocomplete: &'static str,
    },
}

#[component]
pub fn Field(
    id: &'static str,
    label: Text,
    /// Text under the label; empty for none.
    hint: String,
    control: Control,
    value: Signal<String>,
    on_input: Callback<String>,
    /// The error to show, if any.
    error: Signal<Option<String>>,
    texts: Texts,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = !hint.is_empty();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.as_str());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.as_str());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || {
        if error.with(Option::is_some) {
            "true"
        } else {
            "false"
        }
    };
    let input = move |ev: leptos::ev::Event| on_input.run(event_target_value(&ev));
    let control = match control {
        Control::Line { kind, autocomplete } => view! {
            <input class="cw-input" id=id name=id type=kind autocomplete=autocomplete
                aria-describedby=described_by aria-invalid=invalid
                prop:value=move || value.get() on:input=input />
        }
        .into_any(),
        Control::Lines { rows, autocomplete } => view! {
            <textarea class="cw-input" id=id name=id rows=rows autocomplete=autocomplete
                aria-describedby=described_by aria-invalid=invalid
                prop:value=move || value.get() on:input=input></textarea>
        }
        .into_any(),
    };
    view! {
        <div class="cw-field" class:cw-field-invalid=move || error.with(Option::is_some)>
            <label class="cw-label" for=id>{texts.get(label)}</label>
            {has_hint.then(|| view! { <p class="cw-hint" id=hint_id>{hint}</p> })}
            {move || error.get().map(|message| view! {
                <p class="cw-error-message" id=error_id.clone() role="alert">
                    <span class="cw-visually-hidden">{texts.get(Text::ErrorPrefix)}" "</span>
                    {message}
                </p>
            })}
            {control}
        </div>
    }
}
