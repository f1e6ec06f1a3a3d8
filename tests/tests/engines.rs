//! A cross-engine subset of the end-to-end tests, each case in Firefox ESR (headless, through
//! geckodriver) and in WebKitGTK (MiniBrowser through WebKitWebDriver, on an Xvfb display):
//! the same cases, with the same checks, as Chromium runs among its tests (see `e2e::cases`).
//! Desktop width only: Firefox and WebKit windows cannot be phone-narrow.
//!
//! Each case is a module with one test per engine: `cargo test -p e2e --test engines webkit`.

use e2e::{cases, first_paint};

/// For each case in `e2e::cases`, a module `case` with the tests `case::firefox` and
/// `case::webkit`.
macro_rules! in_firefox_and_webkit {
    ($($case:ident),* $(,)?) => {$(
        mod $case {
            use e2e::Engine;

            #[tokio::test(flavor = "current_thread")]
            async fn firefox() {
                super::cases::$case(Engine::Firefox).await;
            }

            #[tokio::test(flavor = "current_thread")]
            async fn webkit() {
                super::cases::$case(Engine::WebKit).await;
            }
        }
    )*};
}

/// For each case in `e2e::first_paint`, the same.
macro_rules! first_paint_in_firefox_and_webkit {
    ($($case:ident),* $(,)?) => {$(
        mod $case {
            use e2e::Engine;

            #[tokio::test(flavor = "current_thread")]
            async fn firefox() {
                super::first_paint::$case(Engine::Firefox).await;
            }

            #[tokio::test(flavor = "current_thread")]
            async fn webkit() {
                super::first_paint::$case(Engine::WebKit).await;
            }
        }
    )*};
}

first_paint_in_firefox_and_webkit!(
    // Prerender = live view (en, cy; loader and Declarative Shadow DOM); the page never moves.
    the_prerendered_view_is_the_live_view_and_nothing_moves,
    // Typing, caret, focus and an early Find your MP, carried into the live view.
    the_field_works_before_the_wasm,
    // The prerendered form asks WriteToThem.
    the_form_asks_writetothem_without_the_wasm,
);

in_firefox_and_webkit!(
    // The campaign renders: headline, the three statistics, story, ask, links.
    a_partner_page_shows_the_campaign_without_console_errors,
    // SW1A 1AA → Rachel Blake from the fixture API; the letter → the mailto link, decoded.
    happy_path_builds_a_personal_email_to_the_mp,
    // SE2 2XX: a 503 from postcodes.io and from the search by postcode, then Retry works.
    retry_recovers_after_a_fault,
    // postcodes.io 500, slow, unreachable, garbled: the MP through the search by postcode.
    postcodes_io_down_still_finds_the_mp,
    // The field's focus opens a connection to each lookup service (preconnect in the shadow root).
    focusing_the_postcode_field_opens_the_connections_to_both_services,
    iframe_embed_grows_with_its_content_and_forwards_events,
    two_widgets_with_different_campaigns_work_independently,
    works_under_a_strict_content_security_policy,
    // Two releases in one folder: a page opened before the deploy runs the old one to the end
    // (its lookup and letter modules fetched after the deploy), a fresh page the new one.
    a_page_runs_one_release_across_a_deploy,
);

/// The JS glue with a changed byte: refused by the loader's modulepreload integrity check.
/// Firefox only: WebKit (WebKitGTK 2.50) loads a modulepreload whose integrity does not match
/// and runs the module, so there the glue is not checked (README, "Pinning a release").
mod a_tampered_glue_is_refused_before_it_runs_and_the_widget_says_so {
    use e2e::Engine;

    #[tokio::test(flavor = "current_thread")]
    async fn firefox() {
        super::cases::a_tampered_glue_is_refused_before_it_runs_and_the_widget_says_so(
            Engine::Firefox,
        )
        .await;
    }
}
