//! The MP card: who represents the supporter, with portrait, party colour and constituency.

use leptos::prelude::*;
use std::sync::Arc;
use widget_core::Text;

use super::Words;
use crate::lookup::Found;

#[component]
pub fn MpCard(
    found: Arc<Found>,
    texts: Words,
    on_check_postcode: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let mp = &found.mp;
    let (portrait_broken, set_portrait_broken) = signal(false);
    let party = mp.party.clone();
    let accent = party.as_ref().and_then(|p| p.colour);
    let portrait = mp.portrait_url.clone().map(|src| {
        let alt = texts.fill(Text::PortraitAlt, &[("name", &mp.name)]);
        view! {
            <img
                class="cw-mp-portrait"
                src=src
                alt=alt
                width="96"
                height="96"
                loading="lazy"
                hidden=move || portrait_broken.get()
                on:error=move |_| set_portrait_broken.set(true)
            />
        }
    });
    let based_on = texts.fill(
        Text::BasedOnPostcode,
        &[
            ("postcode", found.postcode.as_str()),
            ("constituency", &found.mp.constituency),
        ],
    );
    view! {
        <section class="cw-mp" aria-labelledby="cw-mp-heading"
            style:border-color=accent.map(|c| c.to_css())>
            <h3 class="cw-mp-heading" id="cw-mp-heading" tabindex="-1" data-focus>
                {texts.get(Text::YourMp)}
            </h3>
            <div class="cw-mp-body">
                {portrait}
                <div class="cw-mp-details">
                    <p class="cw-mp-name">{mp.name.clone()}</p>
                    {party.map(|party| view! {
                        <p class="cw-mp-party">
                            <span
                                class="cw-party-badge"
                                style:background-color=party.colour.map(|c| c.to_css())
                                style:color=party.colour.map(|c| c.readable_text().to_css())
                            >
                                {party.name}
                            </span>
                        </p>
                    })}
                    <p class="cw-mp-constituency">{based_on}</p>
                    <button class="cw-link-button" type="button" on:click=move |_| on_check_postcode()>
                        {texts.get(Text::NotYourConstituency)}
                    </button>
                </div>
            </div>
            {mp.is_speaker.then(|| view! {
                <p class="cw-note">{texts.fill(Text::SpeakerNote, &[("name", &found.mp.name)])}</p>
            })}
        </section>
    }
}
