//! Component tests in headless Chromium: mount the widget into a page and read what it shows.
#![cfg(target_arch = "wasm32")]

use campaign_widget::{mount, WidgetOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, ShadowRoot};
use widget_core::campaign::{Layout, Statistic};
use widget_core::Campaign;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits one macrotask, so Leptos has applied pending DOM updates.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("window");
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer");
}

/// A fresh host element in the test page, mounted with `options`.
async fn mounted(options: WidgetOptions) -> ShadowRoot {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    mount(&host, options).forget();
    tick().await;
    host.shadow_root()
        .expect("the widget renders inside a shadow root")
}

fn texts(root: &ShadowRoot, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| {
            nodes
                .item(i)
                .and_then(|n| n.text_content())
                .unwrap_or_default()
        })
        .collect()
}

fn one(root: &ShadowRoot, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

#[wasm_bindgen_test]
async fn shows_the_three_statistics_with_their_sentences() {
    let root = mounted(WidgetOptions::default()).await;
    assert_eq!(
        texts(&root, ".cw-stat-figure"),
        ["72%", "Two fifths", "70%"]
    );
    let sentences = texts(&root, ".cw-stat-text");
    assert_eq!(sentences.len(), 3);
    assert!(sentences[0].contains("dedicated secondary breast care nurse"));
}

#[wasm_bindgen_test]
async fn draws_each_share_as_a_bar_of_matching_width() {
    let root = mounted(WidgetOptions::default()).await;
    let fills = root.query_selector_all(".cw-bar-fill").unwrap();
    let widths: Vec<String> = (0..fills.length())
        .map(|i| {
            fills
                .item(i)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute("width")
                .unwrap()
        })
        .collect();
    assert_eq!(widths, ["72.0", "40.0", "70.0"]);
    let label = one(&root, ".cw-bar").get_attribute("aria-label").unwrap();
    assert!(label.ends_with("72%"), "{label}");
}

#[wasm_bindgen_test]
async fn shows_jos_story_as_an_attributed_quote() {
    let root = mounted(WidgetOptions::default()).await;
    let quote = one(&root, "figure.cw-story blockquote")
        .text_content()
        .unwrap();
    assert!(quote.starts_with("My whole life"), "{quote}");
    assert_eq!(
        one(&root, "figure.cw-story figcaption")
            .text_content()
            .unwrap(),
        "Jo, diagnosed aged 40"
    );
}

#[wasm_bindgen_test]
async fn shows_the_headline_ask_proposal_and_links() {
    let root = mounted(WidgetOptions::default()).await;
    assert_eq!(
        texts(&root, "h2.cw-headline"),
        ["Ask your MP to support the Secondary Support Package"]
    );
    assert_eq!(texts(&root, ".cw-proposal li").len(), 4);
    assert!(one(&root, ".cw-ask")
        .text_content()
        .unwrap()
        .contains("support the package today"));
    let hrefs = root.query_selector_all(".cw-links a").unwrap();
    assert_eq!(hrefs.length(), 2);
    let widget = one(&root, "article.cw");
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn another_campaign_is_another_json_document() {
    let mut campaign =
        Campaign::from_json(include_str!("../core/tests/fixtures/minimal-campaign.json")).unwrap();
    campaign.statistics = vec![Statistic {
        figure: "1 in 3".into(),
        share: 0.333,
        text: "libraries closed".into(),
    }];
    let root = mounted(WidgetOptions {
        campaign: Ok(campaign),
        ..WidgetOptions::default()
    })
    .await;
    assert_eq!(texts(&root, "h2.cw-headline"), ["Save our library"]);
    assert_eq!(texts(&root, ".cw-stat-figure"), ["1 in 3"]);
    assert!(root.query_selector(".cw-story").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_broken_campaign_shows_its_reason_instead_of_a_blank_box() {
    let reason = Campaign::from_json("{").unwrap_err().to_string();
    let root = mounted(WidgetOptions {
        campaign: Err(reason.clone()),
        ..WidgetOptions::default()
    })
    .await;
    let alert = one(&root, "[role=alert]");
    assert!(alert.text_content().unwrap().contains(&reason));
}

#[wasm_bindgen_test]
async fn data_attributes_override_the_campaign() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    host.set_attribute("data-test-recipient", "team@example.org")
        .unwrap();
    host.set_attribute("data-postcodes-api", "http://127.0.0.1:9")
        .unwrap();
    let campaign = WidgetOptions::from_element(&host).campaign.unwrap();
    assert_eq!(campaign.test_recipient.as_deref(), Some("team@example.org"));
    assert_eq!(campaign.api.postcodes, "http://127.0.0.1:9");
}

#[wasm_bindgen_test]
async fn an_invalid_data_attribute_is_reported() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    host.set_attribute("data-test-recipient", "not-an-address")
        .unwrap();
    let reason = WidgetOptions::from_element(&host).campaign.unwrap_err();
    assert!(reason.contains("not an email address"), "{reason}");
}

#[wasm_bindgen_test]
async fn the_postcode_field_is_labelled_and_described() {
    let root = mounted(WidgetOptions::default()).await;
    let label = one(&root, "label[for=cw-postcode]").text_content().unwrap();
    assert_eq!(label, "Your postcode");
    let input = one(&root, "#cw-postcode");
    assert_eq!(
        input.get_attribute("autocomplete").as_deref(),
        Some("postal-code")
    );
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("cw-postcode-hint")
    );
}

#[wasm_bindgen_test]
async fn submitting_no_postcode_shows_the_error_at_the_field() {
    let root = mounted(WidgetOptions::default()).await;
    let button: HtmlElement = one(&root, ".cw-postcode-form button").unchecked_into();
    button.click();
    tick().await;
    let error = one(&root, "#cw-postcode-error").text_content().unwrap();
    assert_eq!(error, "Error: Enter your postcode");
    let input = one(&root, "#cw-postcode");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("cw-postcode-hint cw-postcode-error")
    );
}

#[wasm_bindgen_test]
async fn a_welsh_widget_sets_its_language_and_speaks_welsh() {
    // As the loader does for a Welsh widget (the shipped core has no Welsh built in).
    widget_core::text::install_welsh(include_str!("../core/src/lang/cy.json"));
    let root = mounted(WidgetOptions {
        lang: widget_core::Lang::Cy,
        ..WidgetOptions::default()
    })
    .await;
    assert_eq!(
        one(&root, "article.cw").get_attribute("lang").as_deref(),
        Some("cy")
    );
    assert_eq!(
        one(&root, "label[for=cw-postcode]").text_content().unwrap(),
        "Eich cod post"
    );
    assert_eq!(
        texts(&root, "h2.cw-headline"),
        ["Gofynnwch i’ch AS gefnogi’r Pecyn Cymorth Eilaidd"]
    );
}

/// The class (else the tag) of each child of `parent`, in order.
fn kinds(parent: &Element) -> Vec<String> {
    let children = parent.children();
    (0..children.length())
        .map(|i| children.item(i).unwrap())
        .map(|e| match e.class_name() {
            class if class.is_empty() => e.local_name(),
            class => class,
        })
        .collect()
}

/// The widget's top-level parts, in order.
fn parts(root: &ShadowRoot) -> Vec<String> {
    kinds(&one(root, "article.cw"))
}

fn compact(campaign: Campaign) -> WidgetOptions {
    WidgetOptions {
        campaign: Ok(Campaign {
            layout: Layout::Compact,
            ..campaign
        }),
        ..WidgetOptions::default()
    }
}

#[wasm_bindgen_test]
async fn the_full_layout_makes_the_case_before_the_ask() {
    let root = mounted(WidgetOptions::default()).await;
    assert_eq!(
        parts(&root),
        [
            "cw-head",
            "cw-stats",
            "cw-story",
            "cw-proposal",
            "cw-ask",
            "cw-links"
        ]
    );
    assert_eq!(texts(&root, ".cw-head .cw-intro").len(), 2);
    assert!(root.query_selector("details").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_compact_layout_puts_the_form_first_and_the_case_in_a_closed_disclosure() {
    let root = mounted(compact(Campaign::default())).await;
    assert_eq!(parts(&root), ["cw-head", "cw-ask", "details"]);
    let more = one(&root, "details");
    assert!(!more.has_attribute("open"), "closed at first");
    assert_eq!(
        texts(&root, "details > summary"),
        ["More about this campaign"]
    );
    // Everything else is in it, once: introduction, statistics, story, proposal, links.
    assert_eq!(
        kinds(&more),
        [
            "summary",
            "cw-intro",
            "cw-intro",
            "cw-stats",
            "cw-story",
            "cw-proposal",
            "cw-links"
        ]
    );
    assert_eq!(
        texts(&root, ".cw-stat-figure"),
        ["72%", "Two fifths", "70%"]
    );
    let form = one(&root, "#cw-postcode");
    let stats = one(&root, ".cw-stats");
    assert_eq!(
        form.compare_document_position(&stats),
        web_sys::Node::DOCUMENT_POSITION_FOLLOWING,
        "the form comes before the statistics"
    );
    assert_eq!(texts(&root, ".cw-head > *").len(), 1, "the headline alone");
}

#[wasm_bindgen_test]
async fn a_compact_campaign_with_nothing_more_to_say_has_no_disclosure() {
    let minimal =
        Campaign::from_json(include_str!("../core/tests/fixtures/minimal-campaign.json")).unwrap();
    let root = mounted(compact(minimal)).await;
    assert!(root.query_selector("details").unwrap().is_none());
    assert!(root.query_selector("#cw-postcode").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn the_layout_attribute_chooses_the_layout_and_a_wrong_one_is_reported() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    host.set_attribute("data-layout", "compact").unwrap();
    let campaign = WidgetOptions::from_element(&host).campaign.unwrap();
    assert_eq!(campaign.layout, Layout::Compact);
    host.set_attribute("data-layout", "wide").unwrap();
    let reason = WidgetOptions::from_element(&host).campaign.unwrap_err();
    assert_eq!(
        reason,
        "The widget\u{2019}s \u{201c}layout\u{201d} attribute must be \u{201c}full\u{201d} or \
         \u{201c}compact\u{201d}, not \u{201c}wide\u{201d}."
    );
}

#[wasm_bindgen_test]
async fn a_welsh_compact_widget_names_its_disclosure_in_welsh() {
    widget_core::text::install_welsh(include_str!("../core/src/lang/cy.json"));
    let root = mounted(WidgetOptions {
        lang: widget_core::Lang::Cy,
        ..compact(Campaign::default())
    })
    .await;
    assert_eq!(texts(&root, "summary"), ["Rhagor am yr ymgyrch hon"]);
}

/// Set by any panic, also one in a timer or a task that runs after its test has returned.
static PANICKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn watch_for_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICKED.store(true, std::sync::atomic::Ordering::SeqCst);
            previous(info);
        }));
    });
}

#[wasm_bindgen_test]
async fn dropping_the_handle_unmounts_even_with_a_lookup_and_a_timer_pending() {
    watch_for_panics();
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let widget = mount(&host, WidgetOptions::default());
    tick().await;
    let root = host.shadow_root().unwrap();
    let input: web_sys::HtmlInputElement = one(&root, "#cw-postcode").unchecked_into();
    // A lookup in flight (submitted), then a look-up-while-typing waiting for its timer.
    input.set_value("SW1A 1AA");
    let button: HtmlElement = one(&root, ".cw-postcode-form button").unchecked_into();
    button.click();
    input.set_value("YO1 7HH");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    drop(widget);
    assert!(root.query_selector(".cw").unwrap().is_none(), "still shown");
    // The typing pause (350 ms) and the request end after the widget: nothing may panic.
    for _ in 0..10 {
        tick().await;
    }
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 600)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
    assert!(root.query_selector(".cw").unwrap().is_none());
    assert!(
        !PANICKED.load(std::sync::atomic::Ordering::SeqCst),
        "something ran against the unmounted widget and panicked"
    );
}
