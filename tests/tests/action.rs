//! The action in real Chromium against the local fixture API: postcode → MP → letter → the
//! mailto and webmail links, every error state, Retry, the cache, and keyboard-only use.

use e2e::widget_page::{
    api_attributes, field, fill_in_details, open, open_page, open_with, query_fields,
    WidgetPage as Page,
};
use e2e::{cases, host_page, Engine, FixtureApi};
use fantoccini::key::Key;
use serde_json::Value;
use std::time::Duration;

#[tokio::test(flavor = "current_thread")]
async fn happy_path_builds_a_personal_email_to_the_mp() {
    cases::happy_path_builds_a_personal_email_to_the_mp(Engine::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
async fn edits_to_subject_and_body_are_what_gets_sent() {
    let page = open("", 1280, 900).await;
    page.find_mp("YO1 7HH", "Rachael Maskell").await;
    fill_in_details(&page).await;
    page.type_into("#cw-subject", "My own subject").await;
    page.type_into("#cw-body", "My own words.\nLine two?&cc=x@y.org")
        .await;
    let href = page.eval("$('.cw-mailto').getAttribute('href')").await;
    let fields = query_fields(href.as_str().unwrap());
    assert_eq!(fields.len(), 2, "{fields:?}");
    assert_eq!(field(&fields, "subject"), "My own subject");
    assert_eq!(
        field(&fields, "body"),
        "My own words.\r\nLine two?&cc=x@y.org"
    );
    page.click(".cw-reset").await;
    let subject = page.eval("$('#cw-subject').value").await;
    assert_eq!(subject, "Please support the Secondary Support Package");
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn sending_without_name_or_address_points_at_the_missing_field() {
    let page = open("", 1280, 900).await;
    page.find_mp("SW1A 1AA", "Rachel Blake").await;
    page.click(".cw-mailto").await;
    page.wait_for("the name error", "$('#cw-name-error')").await;
    assert_eq!(
        page.text("#cw-name-error").await,
        "Error: Enter your full name"
    );
    page.wait_for(
        "focus on the name field",
        "root.activeElement?.id === 'cw-name'",
    )
    .await;
    let described = page
        .eval("$('#cw-name').getAttribute('aria-describedby')")
        .await;
    assert_eq!(described, "cw-name-error");
    assert!(page.eval("!$('.cw-did-you-send')").await.as_bool().unwrap());
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn finds_mps_in_scotland_wales_and_northern_ireland() {
    let page = open("", 1280, 900).await;
    for (postcode, name, email) in [
        (
            "IV2 3PT",
            "Mr Angus MacDonald",
            "angus.macdonald.mp@parliament.uk",
        ),
        (
            "cf10 1ep",
            "Stephen Doughty",
            "stephen.doughty.office@parliament.uk",
        ),
        ("BT15GS", "Claire Hanna", "claire.hanna.mp@parliament.uk"),
        ("M1 1AE", "Lucy Powell", "lucy.powell.mp@parliament.uk"),
    ] {
        page.find_mp(postcode, name).await;
        let to = page.text(".cw-send-to").await;
        assert_eq!(to, format!("To: {email}"));
    }
    page.no_console_errors().await;
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn every_error_state_has_its_own_message() {
    let page = open("", 1280, 900).await;
    for (postcode, selector, message) in [
        ("", "#cw-postcode-error", "Error: Enter your postcode"),
        (
            "hello",
            "#cw-postcode-error",
            "Error: Enter a real postcode, like SW1A 1AA",
        ),
        (
            "JE2 3AB",
            "#cw-postcode-error",
            "Error: Jersey does not have an MP in the UK Parliament",
        ),
        (
            "ZZ9 9ZZ",
            "#cw-postcode-error",
            "Error: We could not find that postcode",
        ),
        (
            "AB1 0AA",
            "#cw-postcode-error",
            "Error: That postcode has not been used since 1996",
        ),
        (
            "TF1 1AA",
            ".cw-problem-message",
            "Telford has no MP at the moment",
        ),
        (
            "WA7 1AA",
            ".cw-problem-message",
            "Runcorn and Helsby has no MP at the moment",
        ),
        (
            "SE2 5XX",
            ".cw-problem-message",
            "The MP lookup service is not working at the moment",
        ),
        (
            "SE2 4XX",
            ".cw-problem-message",
            "The MP lookup is busy right now",
        ),
        (
            "SE2 6XX",
            ".cw-problem-message",
            "The MP lookup sent an answer we could not read",
        ),
        (
            "SE2 7XX",
            ".cw-problem-message",
            "We could not reach the MP lookup",
        ),
        (
            "SE2 8XX",
            ".cw-problem-message",
            "The MP lookup took too long to answer",
        ),
    ] {
        page.look_up(postcode).await;
        page.wait_for(
            &format!("{message:?} for {postcode:?}"),
            &format!("$({selector:?})?.textContent.includes({message:?})"),
        )
        .await;
        if selector == "#cw-postcode-error" {
            let invalid = page
                .eval("$('#cw-postcode').getAttribute('aria-invalid')")
                .await;
            assert_eq!(invalid, "true", "{postcode}");
            assert!(page.eval("!$('.cw-mp')").await.as_bool().unwrap());
        }
    }
    page.browser.screenshot("action-error-desktop").await;
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn retry_recovers_after_a_fault() {
    cases::retry_recovers_after_a_fault(Engine::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_short_retry_after_is_waited_out_automatically() {
    // With the default time limit (8 s), so that the 1 s wait comes well before the second
    // route would be asked alongside postcodes.io (after 2.5 s).
    let api = FixtureApi::start();
    let host_page = host_page(
        &format!(
            r#"data-postcodes-api="{0}" data-members-api="{0}""#,
            api.url()
        ),
        None,
    );
    let page = open_page(Engine::Chromium, api, host_page, 1280, 900).await;
    page.wait_for("the postcode field", "$('#cw-postcode')")
        .await;
    page.look_up("SE1 3XX").await;
    page.wait_for(
        "the MP after the 1 s Retry-After",
        "$('.cw-mp-name')?.textContent === 'Rachel Blake' && $('.cw-letter')",
    )
    .await;
    let postcode_requests = page
        .api
        .requests()
        .iter()
        .filter(|r| r.starts_with("/postcodes/SE1"))
        .count();
    assert_eq!(postcode_requests, 2);
    assert!(!page
        .api
        .requests()
        .iter()
        .any(|r| r.contains("searchText=SE1")));
    page.browser.close().await;
}

/// The lookup API requests (no portraits) made since the `from`-th request.
fn api_requests(page: &Page, from: usize) -> Vec<String> {
    page.api.requests()[from..]
        .iter()
        .filter(|r| r.starts_with("/postcodes") || r.contains("/Contact") || r.contains("/Search"))
        .cloned()
        .collect()
}

#[tokio::test(flavor = "current_thread")]
async fn the_same_postcode_is_answered_from_memory_until_the_page_reloads() {
    let page = open("", 1280, 900).await;
    page.find_mp("IV2 3PT", "Mr Angus MacDonald").await;
    assert_eq!(
        api_requests(&page, 0).len(),
        3,
        "postcode, search and contact: {:?}",
        page.api.requests()
    );
    let after_first = page.api.requests().len();
    page.find_mp("YO1 7HH", "Rachael Maskell").await;
    let after_second = page.api.requests().len();
    page.find_mp("iv23pt", "Mr Angus MacDonald").await;
    let again = api_requests(&page, after_second);
    assert!(again.is_empty(), "asked again: {again:?}");
    assert!(after_second > after_first);
    // Nothing outlives the page: after a reload the services are asked again.
    page.browser.client.refresh().await.expect("reload");
    page.wait_for("the widget after reload", "$('#cw-postcode')")
        .await;
    let before_reload_lookup = page.api.requests().len();
    page.find_mp("IV2 3PT", "Mr Angus MacDonald").await;
    assert_eq!(api_requests(&page, before_reload_lookup).len(), 3);
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_seat_spelt_differently_by_parliament_is_found_past_an_ended_decoy() {
    // postcodes.io says "Montgomeryshire and Glyndwr"; Parliament, "Montgomeryshire and
    // Glyndŵr". The search for the ONS name finds nothing; the search for "Montgomeryshire"
    // lists an ended seat of the same name first.
    let page = open("", 1280, 900).await;
    page.find_mp("SY16 1AA", "Steve Witherden").await;
    assert!(page
        .text(".cw-mp-constituency")
        .await
        .contains("Montgomeryshire and Glyndŵr"));
    let searches: Vec<String> = page
        .api
        .requests()
        .into_iter()
        .filter(|r| r.contains("/Search"))
        .collect();
    assert_eq!(searches.len(), 2, "{searches:?}");
    assert!(searches[0].contains("searchText=Montgomeryshire%20and%20Glyndwr"));
    assert!(searches[1].contains("searchText=Montgomeryshire&"));
    fill_in_details(&page).await;
    page.assert_mailto_to("steve.witherden.mp@parliament.uk")
        .await;
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_typed_o_for_zero_is_corrected_and_only_the_correction_is_sent() {
    let page = open("", 1280, 900).await;
    page.find_mp("sw1a iaa", "Rachel Blake").await;
    assert_eq!(
        page.text("#cw-postcode-used").await,
        "We read that as SW1A 1AA."
    );
    assert!(page
        .text(".cw-mp-constituency")
        .await
        .starts_with("Based on your postcode, SW1A 1AA,"));
    let described = page
        .eval("$('#cw-postcode').getAttribute('aria-describedby')")
        .await;
    assert!(described.as_str().unwrap().contains("cw-postcode-used"));
    let postcode_requests: Vec<String> = page
        .api
        .requests()
        .into_iter()
        .filter(|r| r.starts_with("/postcodes/"))
        .collect();
    assert_eq!(postcode_requests, ["/postcodes/SW1A%201AA"]);
    page.browser
        .screenshot("action-corrected-postcode-desktop")
        .await;
    // Typing it right removes the note.
    page.type_into("#cw-postcode", "SW1A 1AA").await;
    page.wait_for("no correction note", "!$('#cw-postcode-used')")
        .await;
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn territories_and_bfpo_numbers_are_answered_without_any_request() {
    let page = open("", 360, 800).await;
    for (typed, message) in [
        (
            "FIQQ 1ZZ",
            "Error: The Falkland Islands does not have an MP in the UK Parliament",
        ),
        (
            "STHL 1ZZ",
            "Error: St Helena does not have an MP in the UK Parliament",
        ),
        (
            "BFPO 1234",
            "Error: BFPO numbers are for forces mail and do not have an MP",
        ),
    ] {
        page.look_up(typed).await;
        page.wait_for(
            &format!("{message:?}"),
            &format!("$('#cw-postcode-error')?.textContent.includes({message:?})"),
        )
        .await;
    }
    page.browser.screenshot("action-bfpo-phone").await;
    // Typing one in full does not look it up either.
    page.type_into("#cw-postcode", "TKCA 1ZZ").await;
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(page.api.requests(), Vec::<String>::new());
    page.no_console_errors().await;
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn territories_and_bfpo_are_explained_in_welsh_too() {
    let page = open(r#"data-lang="cy""#, 1280, 900).await;
    page.look_up("BFPO 57").await;
    page.wait_for(
        "the Welsh BFPO message",
        "$('#cw-postcode-error')?.textContent.includes('Mae rhifau BFPO')",
    )
    .await;
    page.look_up("PCRN 1ZZ").await;
    page.wait_for(
        "the Welsh territory message",
        "$('#cw-postcode-error')?.textContent.includes('Nid oes AS yn Senedd y DU ar gyfer Ynysoedd Pitcairn')",
    )
    .await;
    assert_eq!(page.api.requests(), Vec::<String>::new());
    page.browser.close().await;
}

/// Looks up Westminster with the first answer of `path` garbled, then presses Try again.
async fn retry_recovers_after_garbled(api: FixtureApi, postcode: &str, path: &str) {
    let page = open_with(api, "", 1280, 900).await;
    // Looked up while typing: one request, so the garbled answer is the one shown.
    page.type_into("#cw-postcode", postcode).await;
    page.wait_for(
        &format!("the unreadable-answer message ({path})"),
        "$('.cw-problem-message')?.textContent.includes('could not read')",
    )
    .await;
    page.click(".cw-problem button").await;
    page.wait_for(
        &format!("the MP after Retry ({path})"),
        "$('.cw-mp-name')?.textContent === 'Rachel Blake' && $('.cw-letter')",
    )
    .await;
    let asked = page
        .api
        .requests()
        .into_iter()
        .filter(|r| r.starts_with(path))
        .count();
    assert_eq!(asked, 2, "a real new request to {path}");
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn retry_after_a_garbled_answer_asks_each_service_again() {
    // (SE2 9XX: the search by postcode fails too, so postcodes.io's garbled answer is told.)
    retry_recovers_after_garbled(FixtureApi::start(), "SE2 9XX", "/postcodes/").await;
    retry_recovers_after_garbled(
        FixtureApi::garbling_first("/api/Location/Constituency/Search"),
        "SW1A 1AA",
        "/api/Location/Constituency/Search",
    )
    .await;
    retry_recovers_after_garbled(
        FixtureApi::garbling_first("/api/Members/5097/Contact"),
        "SW1A 1AA",
        "/api/Members/5097/Contact",
    )
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn nothing_is_left_in_the_partner_pages_storage() {
    let page = open("", 1280, 900).await;
    page.find_mp("SW1A 1AA", "Rachel Blake").await;
    fill_in_details(&page).await;
    page.send_and_confirm().await;
    page.assert_nothing_stored().await;
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_complete_postcode_is_looked_up_while_typing() {
    let page = open("", 1280, 900).await;
    page.type_into("#cw-postcode", "BT1 5GS").await;
    page.wait_for(
        "the MP without pressing the button",
        "$('.cw-mp-name')?.textContent === 'Claire Hanna' && $('.cw-letter')",
    )
    .await;
    // No focus jump while the supporter is still typing.
    assert_eq!(page.focused_id().await, "cw-postcode");
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn mp_without_email_gets_the_postal_address_and_writetothem() {
    let page = open("", 1280, 900).await;
    page.find_mp("BR8 7RE", "Laura Trott").await;
    assert!(page.text(".cw-no-email").await.contains("House of Commons"));
    let link = page.eval("$('.cw-no-email a').href").await;
    assert_eq!(
        link,
        "https://www.writetothem.com/?pc=BR8%207RE&a=westminstermp"
    );
    assert!(page.eval("!$('.cw-mailto')").await.as_bool().unwrap());
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_speaker_is_explained_and_can_still_be_written_to() {
    let page = open("", 1280, 900).await;
    page.find_mp("PR7 1DP", "Sir Lindsay Hoyle").await;
    assert!(page
        .text(".cw-note")
        .await
        .contains("is the Speaker of the House of Commons"));
    assert!(page.eval("!!$('.cw-mailto')").await.as_bool().unwrap());
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn test_mode_sends_to_the_test_address_and_says_so() {
    let page = open(r#"data-test-recipient="campaigns@example.org""#, 1280, 900).await;
    page.find_mp("SW1A 1AA", "Rachel Blake").await;
    assert_eq!(
        page.text(".cw-test-banner").await,
        "Test mode: emails go to campaigns@example.org, not to the MP."
    );
    page.assert_mailto_to("campaigns@example.org").await;
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_whole_flow_works_by_keyboard_alone() {
    let page = open("", 1280, 900).await;
    let tab: char = Key::Tab.into();
    let enter: char = Key::Enter.into();
    // From the top of the page, Tab until the postcode field has focus.
    for _ in 0..20 {
        if page.focused_id().await == "cw-postcode" {
            break;
        }
        page.press(&[tab]).await;
    }
    assert_eq!(page.focused_id().await, "cw-postcode");
    let mut keys: Vec<char> = "CF10 1EP".chars().collect();
    keys.push(enter);
    page.press(&keys).await;
    page.wait_for(
        "the MP",
        "$('.cw-mp-name')?.textContent === 'Stephen Doughty' && $('.cw-letter')",
    )
    .await;
    page.wait_for(
        "focus on the result",
        "root.activeElement?.id === 'cw-mp-heading'",
    )
    .await;
    // Tab to the name field and fill in the form.
    for _ in 0..10 {
        if page.focused_id().await == "cw-name" {
            break;
        }
        page.press(&[tab]).await;
    }
    assert_eq!(page.focused_id().await, "cw-name");
    page.press(&"Jo Bloggs".chars().collect::<Vec<_>>()).await;
    page.press(&[tab]).await;
    assert_eq!(page.focused_id().await, "cw-address");
    page.press(&"1 Bay Road Cardiff".chars().collect::<Vec<_>>())
        .await;
    let body = page.eval("$('#cw-body').value").await;
    assert!(
        body.as_str()
            .unwrap()
            .contains("Jo Bloggs\n1 Bay Road Cardiff\nCF10 1EP"),
        "{body}"
    );
    // Tab on to the email app link and press Enter: the widget asks whether it was sent.
    page.eval("$('.cw-mailto').addEventListener('click', e => e.preventDefault()) || true")
        .await;
    let mut reached = false;
    for _ in 0..30 {
        page.press(&[tab]).await;
        if page.eval("root.activeElement === $('.cw-mailto')").await == Value::Bool(true) {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab never reached the send link");
    page.press(&[enter]).await;
    page.wait_for("the did-you-send question", "$('.cw-yes-sent')")
        .await;
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn phone_screenshots_of_the_result_and_an_error() {
    let page = open("", 360, 780).await;
    page.look_up("SE2 5XX").await;
    page.wait_for("the error", "$('.cw-problem-message')").await;
    let overflow = page
        .browser
        .js("return document.documentElement.scrollWidth <= 360;")
        .await;
    assert_eq!(
        overflow,
        Value::Bool(true),
        "the error state scrolls sideways"
    );
    page.browser.screenshot("action-error-phone").await;
    page.find_mp("IV2 3PT", "Mr Angus MacDonald").await;
    fill_in_details(&page).await;
    let overflow = page
        .browser
        .js("return document.documentElement.scrollWidth <= 360;")
        .await;
    assert_eq!(overflow, Value::Bool(true), "the result scrolls sideways");
    page.browser.screenshot("action-phone").await;
    page.browser.close().await;
}

async fn assert_accessible(page: &Page, state: &str) {
    let violations = page.browser.axe_violations("campaign-widget").await;
    assert!(violations.is_empty(), "axe-core, {state}: {violations:#?}");
}

#[tokio::test(flavor = "current_thread")]
async fn axe_finds_no_violations_in_the_form_the_result_or_an_error() {
    let page = open("", 1280, 900).await;
    assert_accessible(&page, "the postcode form").await;
    page.look_up("hello").await;
    page.wait_for("the postcode error", "$('#cw-postcode-error')")
        .await;
    assert_accessible(&page, "a postcode error").await;
    page.look_up("SE2 5XX").await;
    page.wait_for("the service error", "$('.cw-problem-message')")
        .await;
    assert_accessible(&page, "a service error").await;
    page.find_mp("IV2 3PT", "Mr Angus MacDonald").await;
    page.click(".cw-mailto").await;
    page.wait_for("the name error", "$('#cw-name-error')").await;
    assert_accessible(&page, "the MP and letter, with a missing name").await;
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_broken_portrait_is_hidden_not_shown_broken() {
    let page = open("", 1280, 900).await;
    page.find_mp("BR8 7RE", "Laura Trott").await;
    page.wait_for("the broken portrait to hide", "$('.cw-mp-portrait').hidden")
        .await;
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn offline_is_said_and_retry_works_once_back_online() {
    let page = open("", 1280, 900).await;
    let conditions = |offline: bool| {
        serde_json::json!({
            "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1
        })
    };
    page.browser
        .cdp("Network.enable", serde_json::json!({}))
        .await;
    page.browser
        .cdp("Network.emulateNetworkConditions", conditions(true))
        .await;
    page.look_up("CF10 1EP").await;
    page.wait_for(
        "the offline message",
        "$('.cw-problem-message')?.textContent.startsWith('You seem to be offline')",
    )
    .await;
    page.browser
        .cdp("Network.emulateNetworkConditions", conditions(false))
        .await;
    page.click(".cw-problem button").await;
    page.wait_for(
        "the MP once online",
        "$('.cw-mp-name')?.textContent === 'Stephen Doughty' && $('.cw-letter')",
    )
    .await;
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_letter_too_long_for_mailto_steers_to_webmail_and_copy() {
    let page = open("", 1280, 900).await;
    page.find_mp("SW1A 1AA", "Rachel Blake").await;
    assert!(page.eval("!$('.cw-too-long')").await.as_bool().unwrap());
    page.eval(
        "(() => { const t = $('#cw-personal'); t.value = 'Why it matters. '.repeat(150);\
         t.dispatchEvent(new Event('input', { bubbles: true })); return true; })()",
    )
    .await;
    page.wait_for("the too-long warning", "$('.cw-too-long')")
        .await;
    assert!(page
        .text(".cw-too-long")
        .await
        .contains("Use webmail or copy and paste it instead"));
    page.browser.close().await;
}

/// How many times the page fetched the Welsh words (`cy.json`, under its hashed name).
const WELSH_FETCHES: &str =
    "performance.getEntriesByType('resource').filter(e => /\\/cy\\.\\w+\\.json$/.test(e.name)).length";

#[tokio::test(flavor = "current_thread")]
async fn the_whole_flow_in_welsh_on_a_welsh_page() {
    let api = FixtureApi::start();
    let welsh = host_page(&api_attributes(&api, ""), None)
        .replace("<html lang=\"en\">", "<html lang=\"cy\">");
    let page = open_page(Engine::Chromium, api, welsh, 1280, 900).await;
    page.wait_for(
        "the Welsh widget",
        "$('#cw-postcode') && !$('.cw-frame').hidden",
    )
    .await;
    assert_eq!(page.eval("$('article.cw').lang").await, "cy");
    assert_eq!(
        page.text(".cw-headline").await,
        "Gofynnwch i’ch AS gefnogi’r Pecyn Cymorth Eilaidd"
    );
    // The Welsh words came as a file of their own, once.
    assert_eq!(page.eval(WELSH_FETCHES).await, 1, "cy.json fetched once");
    assert_eq!(page.text("label[for=cw-postcode]").await, "Eich cod post");
    assert_eq!(page.text(".cw-stat-figure").await, "72%");
    page.look_up("").await;
    page.wait_for("the Welsh empty-postcode error", "$('#cw-postcode-error')")
        .await;
    assert_eq!(
        page.text("#cw-postcode-error").await,
        "Gwall: Rhowch eich cod post"
    );
    page.look_up("SE2 5XX").await;
    page.wait_for("the Welsh service error", "$('.cw-problem-message')")
        .await;
    assert!(page
        .text(".cw-problem-message")
        .await
        .starts_with("Nid yw’r gwasanaeth chwilio am ASau yn gweithio"));
    assert_eq!(
        page.text(".cw-problem button").await,
        "Rhowch gynnig arall arni"
    );
    page.find_mp("CF10 1EP", "Stephen Doughty").await;
    assert_eq!(page.text(".cw-mp-heading").await, "Eich AS");
    fill_in_details(&page).await;
    let href = page.eval("$('.cw-mailto').getAttribute('href')").await;
    let fields = query_fields(href.as_str().unwrap());
    assert_eq!(
        field(&fields, "subject"),
        "Cefnogwch y Pecyn Cymorth Eilaidd, os gwelwch yn dda"
    );
    let body = field(&fields, "body");
    assert!(
        body.starts_with(
            "Annwyl Stephen Doughty,\r\n\r\nFel un o’ch etholwyr yn Cardiff South and Penarth"
        ),
        "{body}"
    );
    assert!(body.contains("Yn gywir,\r\n\r\nSiân Nguyễn"), "{body}");
    page.click(".cw-mailto").await;
    page.wait_for("the Welsh question", "$('.cw-yes-sent')")
        .await;
    assert_eq!(page.text(".cw-yes-sent").await, "Do, fe wnes i ei anfon");
    let violations = page.browser.axe_violations("campaign-widget").await;
    assert!(violations.is_empty(), "axe-core, Welsh: {violations:#?}");
    page.browser.screenshot("welsh-desktop").await;
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn data_lang_beats_the_page_language() {
    let page = open(r#"data-lang="cy""#, 1280, 900).await;
    assert_eq!(
        page.text(".cw-postcode-form button").await,
        "Dod o hyd i’ch AS"
    );
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn submitting_right_after_typing_asks_only_once() {
    let page = open("", 1280, 900).await;
    page.look_up("SE2 5XX").await;
    page.wait_for("the error", "$('.cw-problem-message')").await;
    // Longer than the typing pause: a pending look-up-while-typing would have fired by now.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let asked = page
        .api
        .requests()
        .iter()
        .filter(|r| r.starts_with("/postcodes/SE2"))
        .count();
    assert_eq!(asked, 1, "{:?}", page.api.requests());
    page.browser.close().await;
}

/// Makes Chromium refuse requests to URLs matching `patterns` (none: lifts the block).
async fn block_urls(page: &Page, patterns: &[&str]) {
    page.browser
        .cdp("Network.enable", serde_json::json!({}))
        .await;
    page.browser
        .cdp(
            "Network.setBlockedURLs",
            serde_json::json!({ "urls": patterns }),
        )
        .await;
}

/// The lookup's code (requests, decoding, the MP card) is a wasm module of its own
/// (scripts/build.sh): not part of the first load, fetched when the browser is idle after the
/// first view (or on the postcode field's focus or first keystroke, whichever comes first), so
/// that it is there before a supporter who autofills or pastes presses Find your MP. When it
/// cannot arrive, the widget says so (no service is asked), stays alive, and Try again fetches
/// it and looks the postcode up.
#[tokio::test(flavor = "current_thread")]
async fn the_lookup_is_fetched_before_the_first_keystroke_and_a_failed_fetch_can_be_retried() {
    let fetched = |file: &str| {
        format!(
            "return performance.getEntriesByType('resource')\
             .filter(e => e.name.includes('/{file}.')).length"
        )
    };
    let lookup_fetched_once = "return performance.getEntriesByType('resource')\
         .filter(e => e.name.includes('/campaign-widget-lookup.')).length === 1";
    let lookup = fetched("campaign-widget-lookup");
    let letter = fetched("campaign-widget-letter");

    // Fetched once the first view is up, with no keystroke; typing fetches nothing more.
    let page = open("", 1280, 900).await;
    page.browser
        .wait_until(
            "the lookup's code, fetched while idle",
            lookup_fetched_once,
            Duration::from_secs(30),
        )
        .await;
    page.type_into("#cw-postcode", "SW1A").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(page.browser.js(&lookup).await, Value::from(1));
    assert_eq!(page.browser.js(&letter).await, Value::from(0));
    assert!(page.api.requests().is_empty(), "{:?}", page.api.requests());
    page.browser.close().await;

    // Blocked from the start: said, nothing asked of the services, and Try again recovers.
    let page = open("", 360, 800).await;
    block_urls(&page, &["*campaign-widget-lookup.*.wasm"]).await;
    page.browser.client.refresh().await.expect("reload");
    page.wait_for("the postcode field", "$('#cw-postcode')")
        .await;
    page.eval(
        "(() => { window.kinds = []; document.addEventListener('campaign-widget:error', \
         e => window.kinds.push(e.detail.kind)); return true; })()",
    )
    .await;
    page.look_up("SW1A 1AA").await;
    page.wait_for(
        "the lookup's problem",
        "$('.cw-outcome .cw-problem button')",
    )
    .await;
    assert_eq!(
        page.text(".cw-outcome .cw-problem-message").await,
        "The MP search could not load. Check your internet connection and try again"
    );
    assert_eq!(
        page.browser.js("return window.kinds").await,
        serde_json::json!(["lookup-unavailable"])
    );
    assert!(page.api.requests().is_empty(), "{:?}", page.api.requests());
    page.browser
        .screenshot("action-lookup-unavailable-360")
        .await;
    block_urls(&page, &[]).await;
    page.click(".cw-outcome .cw-problem button").await;
    page.wait_for(
        "the MP after Try again",
        "$('.cw-mp-name')?.textContent === 'Rachel Blake' && $('#cw-name')",
    )
    .await;
    let prefixed = page.browser.console_errors().await;
    assert!(
        prefixed
            .iter()
            .filter(|line| !line.contains("Failed to load resource"))
            .all(|line| line.contains("[campaign-widget]")),
        "{prefixed:#?}"
    );
    page.browser.close().await;
}

/// The letter step is a wasm module of its own (scripts/build.sh): not part of the first load,
/// fetched once a lookup starts. When it cannot arrive, the widget says so beside the MP found,
/// stays alive, and Try again fetches it.
#[tokio::test(flavor = "current_thread")]
async fn the_letter_step_is_fetched_with_the_lookup_and_a_failed_fetch_can_be_retried() {
    let page = open("", 1280, 900).await;
    let fetched = "return performance.getEntriesByType('resource')\
                   .some(e => e.name.includes('/campaign-widget-letter.'))";
    page.wait_for("the postcode field", "$('#cw-postcode')")
        .await;
    assert_eq!(page.browser.js(fetched).await, Value::Bool(false));
    block_urls(&page, &["*campaign-widget-letter.*.wasm"]).await;
    page.find_mp("SW1A 1AA", "Rachel Blake").await;
    page.wait_for(
        "the letter step's problem",
        "$('.cw-outcome .cw-problem button') && !$('#cw-name')",
    )
    .await;
    assert_eq!(
        page.text(".cw-outcome .cw-problem-message").await,
        "The letter form could not load. Check your internet connection and try again."
    );
    page.browser
        .screenshot("action-letter-step-unavailable")
        .await;
    block_urls(&page, &[]).await;
    page.click(".cw-outcome .cw-problem button").await;
    page.wait_for("the letter form", "$('#cw-name') && !$('.cw-problem')")
        .await;
    // Try again took its own button away: the keyboard focus stayed in the widget, on the card.
    assert_eq!(page.focused_id().await, "cw-mp-heading");
    assert_eq!(page.browser.js(fetched).await, Value::Bool(true));
    assert_eq!(page.text(".cw-mp-name").await, "Rachel Blake");
    fill_in_details(&page).await;
    let href = page.eval("$('.cw-mailto').getAttribute('href')").await;
    assert!(href.as_str().unwrap().starts_with("mailto:"), "{href}");
    page.browser.close().await;
}
