//! Renders the widget's first view (the campaign and the postcode form) to HTML, natively, with
//! the same components the browser runs: the fragment that goes into the widget's shadow root
//! after its stylesheet link, shown at once by the loader or carried in the page with
//! Declarative Shadow DOM, and replaced by the live view when the wasm arrives.
//!
//! ```text
//! scripts/prerender.sh [--campaign FILE] [--lang en|cy] [--layout full|compact] [--out FILE]
//! ```
//! Without `--campaign`: the built-in campaign; without `--layout`: the campaign's own. The
//! Welsh words come from the core's `cy.json`, as the loader hands them to Welsh widgets. A campaign that cannot be used is an error
//! (exit 1, with its reason), never a prerendered error box.
use campaign_widget::mount::root_view;
use leptos::prelude::*;
use std::process::ExitCode;
use widget_core::campaign::Layout;
use widget_core::{Campaign, Lang};

const USAGE: &str =
    "usage: prerender [--campaign FILE] [--lang en|cy] [--layout full|compact] [--out FILE]";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let (mut campaign_file, mut lang, mut out, mut layout) = (None, Lang::En, None, None);
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--campaign" => campaign_file = Some(value()?),
            "--lang" => {
                let tag = value()?;
                lang = Lang::from_tag(&tag)
                    .ok_or(format!("--lang {tag}: the widget speaks en and cy"))?;
            }
            "--out" => out = Some(value()?),
            "--layout" => {
                let name = value()?;
                layout = Some(
                    Layout::from_name(&name)
                        .ok_or(format!("--layout {name}: the layouts are full and compact"))?,
                );
            }
            _ => return Err(USAGE.into()),
        }
    }
    if lang == Lang::Cy {
        let words = include_str!("../../core/src/lang/cy.json");
        if !widget_core::text::install_welsh(words) {
            return Err("the core's cy.json is not JSON".into());
        }
    }
    let mut campaign = match &campaign_file {
        None => Campaign::default(),
        Some(file) => {
            let json = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
            // (Checked as it is read, like a campaign file the widget fetches.)
            Campaign::from_json(&json).map_err(|e| format!("{file}: {e}"))?
        }
    };
    if let Some(layout) = layout {
        campaign.layout = layout;
    }
    let html = prerender(campaign, lang)?;
    match out {
        Some(path) => std::fs::write(&path, html).map_err(|e| format!("{path}: {e}")),
        None => {
            println!("{html}");
            Ok(())
        }
    }
}

/// The first view of `campaign` in `lang`, in its container.
fn prerender(campaign: Campaign, lang: Lang) -> Result<String, String> {
    let texts = campaign.texts(lang);
    let campaign = campaign.localized(lang).map_err(|e| e.to_string())?;
    let owner = Owner::new();
    let view = owner.with(|| root_view(Ok((campaign, texts)), None, lang).to_html());
    Ok(format!("<div data-cw-prerendered>{view}</div>"))
}
