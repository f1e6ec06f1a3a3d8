//! The campaign's own content: headline, statistics, story, proposal, ask and links, in the
//! campaign's layout.

use leptos::prelude::*;
use leptos::tachys::view::iterators::StaticVec;

use super::action::FindAndWrite;
use super::Words;
use widget_core::campaign::{Layout, Link, Section, Statistic, Story};
use widget_core::{Campaign, Text};

/// The whole widget for one campaign. The full layout makes the campaign's case, then the ask
/// with the postcode form; the compact one puts the headline, the ask and the form first and
/// the rest (introduction, statistics, story, proposal, links) in a closed `<details>`, for
/// pages that tell the campaign's story already. Both are made of the same parts, each made
/// once: the full layout's list of them is what `view!` makes of those children (the same
/// DOM as before the compact layout), and the disclosure has no class of its own (the CSS
/// finds it as the widget's only `details`), both to keep the first load small.
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
        layout,
        ..
    } = campaign;
    let compact = layout == Layout::Compact;
    let more = !(intro.is_empty()
        && statistics.is_empty()
        && story.is_none()
        && proposal.is_none()
        && links.is_empty());
    let (intro_in_head, intro_in_more) = if compact {
        (Vec::new(), intro)
    } else {
        (intro, Vec::new())
    };
    let head = view! {
        <header class="cw-head">
            <h2 class="cw-headline">{headline}</h2>
            {paragraphs(intro_in_head, "cw-intro")}
        </header>
    }
    .into_any();
    let statistics =
        view! { <Statistics heading=statistics_heading statistics texts /> }.into_any();
    let story = story.map(|story| view! { <StoryQuote story /> }).into_any();
    let proposal = proposal
        .map(|section| view! { <Proposal section /> })
        .into_any();
    let ask = view! {
        <section class="cw-ask">
            <h3 class="cw-ask-heading">{ask.heading}</h3>
            <p>{ask.text}</p>
            <FindAndWrite api letter test_recipient texts />
        </section>
    }
    .into_any();
    let links = view! { <Links links /> }.into_any();
    let parts = if !compact {
        vec![head, statistics, story, proposal, ask, links]
    } else if more {
        let summary = view! { <summary>{texts.get(Text::MoreAboutCampaign)}</summary> }.into_any();
        let intro = paragraphs(intro_in_more, "cw-intro").into_any();
        let case = vec![summary, intro, statistics, story, proposal, links];
        let disclosure = view! { <details>{StaticVec::from(case)}</details> };
        vec![head, ask, disclosure.into_any()]
    } else {
        vec![head, ask]
    };
    view! {
        <article class="cw" lang=texts.lang().tag() aria-label=texts.get(Text::WidgetLabel)>
            {StaticVec::from(parts)}
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
