//! The campaign's own content: headline, statistics, story, proposal, ask and links.

use leptos::prelude::*;

use super::action::FindAndWrite;
use super::Words;
use widget_core::campaign::{Link, Section, Statistic, Story};
use widget_core::{Campaign, Text};

/// The whole widget for one campaign.
#[component]
pub fn Widget(campaign: Campaign, texts: Words) -> impl IntoView {
    let Campaign {
        headline,
        intro,
        statistics_heading,
        statistics,
        story,
        proposal,
        ask,
        letter,
        links,
        api,
        test_recipient,
        ..
    } = campaign;
    view! {
        <article class="cw" lang=texts.lang().tag() aria-label=texts.get(Text::WidgetLabel)>
            <header class="cw-head">
                <h2 class="cw-headline">{headline}</h2>
                {paragraphs(intro, "cw-intro")}
            </header>
            <Statistics heading=statistics_heading statistics texts />
            {story.map(|story| view! { <StoryQuote story /> })}
            {proposal.map(|section| view! { <Proposal section /> })}
            <section class="cw-ask">
                <h3 class="cw-ask-heading">{ask.heading}</h3>
                <p>{ask.text}</p>
                <FindAndWrite api letter test_recipient texts />
            </section>
            <Links links />
        </article>
    }
}

fn paragraphs(texts: Vec<String>, class: &'static str) -> impl IntoView {
    texts
        .into_iter()
        .map(|text| view! { <p class=class>{text}</p> })
        .collect_view()
}

/// The bar's whole width, in its viewBox.
const FULL_BAR: &str = "100";

/// The figures, each large with its sentence beside it and a bar showing the share.
#[component]
fn Statistics(heading: String, statistics: Vec<Statistic>, texts: Words) -> impl IntoView {
    if statistics.is_empty() {
        return None;
    }
    let items = statistics
        .into_iter()
        .map(|stat| {
            // Width of the filled part of a 100-unit bar; validation keeps share in 0..=1.
            // Integer arithmetic: float formatting would cost every visitor ~10 KB of wasm.
            let tenths = (stat.share.clamp(0.0, 1.0) * 1000.0).round() as u32;
            let filled = format!("{}.{}", tenths / 10, tenths % 10);
            let percent = (tenths + 5) / 10;
            view! {
                <li class="cw-stat">
                    <p class="cw-stat-figure">{stat.figure}</p>
                    <p class="cw-stat-text">{stat.text}</p>
                    <svg
                        class="cw-bar"
                        viewBox="0 0 100 4"
                        preserveAspectRatio="none"
                        role="img"
                        aria-label=format!("{} {percent}%", texts.get(Text::BarLabel))
                    >
                        // (`width` an expression: a wholly static <rect> is cloned by Leptos
                        // from a template that wraps it in a <g>, which the prerender has not.)
                        <rect class="cw-bar-track" width=FULL_BAR height="4" rx="2"></rect>
                        <rect class="cw-bar-fill" width=filled height="4" rx="2"></rect>
                    </svg>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="cw-stats">
            {(!heading.is_empty()).then(|| view! { <h3 class="cw-section-heading">{heading}</h3> })}
            <ul class="cw-stat-list">{items}</ul>
        </section>
    })
}

#[component]
fn StoryQuote(story: Story) -> impl IntoView {
    view! {
        <figure class="cw-story">
            <blockquote class="cw-quote">
                <p>{story.quote}</p>
            </blockquote>
            <figcaption class="cw-quote-by">{story.attribution}</figcaption>
        </figure>
    }
}

#[component]
fn Proposal(section: Section) -> impl IntoView {
    view! {
        <section class="cw-proposal">
            <h3 class="cw-section-heading">{section.heading}</h3>
            <p>{section.text}</p>
            <ul class="cw-points">
                {section.points.into_iter().map(|point| view! { <li>{point}</li> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Links(links: Vec<Link>) -> impl IntoView {
    (!links.is_empty()).then(|| {
        view! {
            <ul class="cw-links">
                {links
                    .into_iter()
                    .map(|link| {
                        view! {
                            <li class="cw-link">
                                <h3 class="cw-link-heading">{link.heading}</h3>
                                <p>{link.text}</p>
                                <a href=link.href target="_blank" rel="noopener">{link.label}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

/// Shown instead of the widget when its campaign cannot be used: says why, for the partner.
#[component]
pub fn ConfigErrorBox(reason: String, texts: Words) -> impl IntoView {
    view! {
        <div class="cw cw-config-error" role="alert" lang=texts.lang().tag()>
            <h2 class="cw-headline">{texts.get(Text::ConfigErrorHeading)}</h2>
            <p class="cw-config-error-reason">{reason}</p>
        </div>
    }
}
