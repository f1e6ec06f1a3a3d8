//! Labelled form fields with their hint and error, wired for assistive technology: the error
//! is announced, and both are linked with aria-describedby. Every field of the widget is a
//! [`Field`] (the postcode's, with its button, too), so that code ships once.

use super::Words;
use leptos::prelude::*;
use widget_core::Text;

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

/// A label, its hint and its error around a control (the children), wired for assistive
/// technology: the error is announced. The control's `aria-describedby` names `{id}-hint`
/// (when there is a hint) and `{id}-error` (while there is an error).
#[component]
pub fn Field(
    id: &'static str,
    label: Text,
    /// Text under the label; empty for none.
    hint: String,
    /// The error to show, if any.
    error: Signal<Option<String>>,
    texts: Words,
    children: Children,
) -> impl IntoView {
    let has_hint = !hint.is_empty();
    view! {
        <div class="cw-field" class:cw-field-invalid=move || error.with(Option::is_some)>
            <label class="cw-label" for=id>{texts.get(label)}</label>
            {has_hint.then(|| view! { <p class="cw-hint" id=format!("{id}-hint")>{hint}</p> })}
            {move || error.get().map(|message| view! {
                <p class="cw-error-message" id=format!("{id}-error") role="alert">
                    <span class="cw-visually-hidden">{texts.get(Text::ErrorPrefix)}" "</span>
                    {message}
                </p>
            })}
            {children()}
        </div>
    }
}

/// A [`Field`] with one of the standard controls, bound to `value`.
#[component]
pub fn TextField(
    id: &'static str,
    label: Text,
    /// Text under the label; empty for none.
    hint: String,
    control: Control,
    value: Signal<String>,
    on_input: Callback<String>,
    /// The error to show, if any.
    error: Signal<Option<String>>,
    texts: Words,
) -> impl IntoView {
    let has_hint = !hint.is_empty();
    let described_by = move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if error.with(Option::is_some) {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
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
    view! { <Field id label hint error texts>{control}</Field> }
}
