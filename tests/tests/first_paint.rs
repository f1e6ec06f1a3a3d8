//! The first view before the wasm, in headless Chromium (Firefox and WebKit: engines.rs).

use e2e::{first_paint, Engine};

#[tokio::test(flavor = "current_thread")]
async fn the_prerendered_view_is_the_live_view_and_nothing_moves() {
    first_paint::the_prerendered_view_is_the_live_view_and_nothing_moves(Engine::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_field_works_before_the_wasm() {
    first_paint::the_field_works_before_the_wasm(Engine::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_form_asks_writetothem_without_the_wasm() {
    first_paint::the_form_asks_writetothem_without_the_wasm(Engine::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
async fn screenshots_of_the_first_view_on_a_phone_and_a_desktop() {
    first_paint::screenshots_of_the_first_view(360, "phone").await;
    first_paint::screenshots_of_the_first_view(1280, "desktop").await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_campaign_of_its_own_shows_its_prerendered_view() {
    first_paint::a_campaign_of_its_own_shows_its_prerendered_view(Engine::Chromium).await;
}
