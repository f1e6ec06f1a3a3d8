//! The release as a CDN product (scripts/build.sh, scripts/name-files.sh, scripts/manifest.sh):
//! content-hashed names for every file fetched after the loader, the hosting rules of its
//! `_headers`, a page that runs one release across a deploy, and the pinned loader with
//! Subresource Integrity.

use e2e::partner::{eval, look_up, open, page, partner, wait, Origins};
use e2e::release::{self, is_hashed};
use e2e::server::Reply;
use e2e::{
    cases, demo_site, dist_dir, release_file, release_file_in, release_files, release_version,
    Browser, Engine, Server,
};
use serde_json::json;
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::Path;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const SHORT: &str = "public, max-age=300, stale-while-revalidate=3600";

/// The widget's files in the release: what the loader and the wasm fetch.
const WIDGET_FILES: [&str; 11] = [
    "campaign-widget.js",
    "campaign-widget_bg.wasm",
    "campaign-widget-lookup.wasm",
    "campaign-widget-letter.wasm",
    "campaign-widget-shared-3.wasm",
    "widget.css",
    "cy.json",
    // The built-in campaign's first view, prerendered, in each language and layout.
    "prerender-en.html",
    "prerender-cy.html",
    "prerender-en-compact.html",
    "prerender-cy-compact.html",
];

#[tokio::test(flavor = "current_thread")]
async fn every_file_fetched_after_the_loader_has_a_content_hash_in_its_name() {
    let o = Origins::start();
    // An English widget (it will look a postcode up and open the letter step) and a Welsh one
    // (it fetches the Welsh words): between them, every file of the widget.
    let body = format!(
        "<h1>Everything</h1>{}{}",
        o.script(&o.api_attrs()),
        o.script(&format!("data-lang=\"cy\" {}", o.api_attrs()))
    );
    let site = partner(vec![("/all.html", page("", &body), vec![])]);
    let browser = Browser::start(1280, 900).await;
    open(&browser, &site, "/all.html").await;
    wait(
        &browser,
        "both widgets",
        "$w(0, '#cw-postcode') && $w(1, '#cw-postcode')",
    )
    .await;
    // The glue's modulepreload check has left the host page's <head>.
    assert_eq!(
        eval(
            &browser,
            "document.querySelectorAll('link[rel=modulepreload]').length"
        )
        .await,
        json!(0)
    );
    look_up(&browser, 0, "SW1A 1AA").await;
    wait(
        &browser,
        "the MP and the letter form",
        "$w(0, '.cw-mp-name') && $w(0, '#cw-name')",
    )
    .await;
    let fetched: BTreeSet<String> = o
        .cdn
        .requests()
        .iter()
        .map(|r| {
            r.split('?')
                .next()
                .unwrap_or(r)
                .trim_start_matches('/')
                .to_owned()
        })
        .collect();
    // (Full-layout widgets: no compact view.)
    let mut expected: BTreeSet<String> = WIDGET_FILES
        .iter()
        .filter(|f| !f.ends_with("-compact.html"))
        .map(|f| release_file(f))
        .collect();
    expected.insert("embed.js".into());
    assert_eq!(fetched, expected);
    for file in fetched.iter().filter(|f| *f != "embed.js") {
        assert!(is_hashed(file), "{file} has no content hash in its name");
    }
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
}

/// One way to change each staged file (scripts/build.sh's plain names) as a code change would.
fn change(stage: &Path, file: &str) {
    let path = stage.join(file);
    let text = || std::fs::read_to_string(&path).expect("a text file");
    match file {
        f if f.ends_with(".wasm") => release::append_custom_section(&path, b"changed"),
        "campaign-widget.js" => {
            std::fs::write(&path, text() + "\nexport const changed = 1;\n").unwrap()
        }
        "__wasm_split.js" => std::fs::write(
            &path,
            text().replace("could not be loaded:", "could not be loaded;"),
        )
        .unwrap(),
        "widget.css" => std::fs::write(&path, text() + ".cw-changed{color:red}").unwrap(),
        "cy.json" => std::fs::write(&path, text() + "\n").unwrap(),
        f if f.starts_with("prerender-") => std::fs::write(&path, text() + "\n").unwrap(),
        other => panic!("no change for {other}"),
    }
}

#[test]
fn a_changed_byte_in_any_file_changes_its_name_and_the_loader() {
    let dist = dist_dir();
    let loader = std::fs::read(dist.join("embed.js")).expect("embed.js");
    let glue = release_file("campaign-widget.js");
    let stage = release::stage_dir();
    let mut staged: Vec<String> = std::fs::read_dir(&stage)
        .expect("the stage")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| !name.starts_with("embed."))
        .collect();
    staged.sort();
    assert!(staged.len() >= 8, "{staged:?}");
    for file in &staged {
        let dir = release::scratch("changed");
        let changed_stage = dir.join("stage");
        release::copy_folder(&stage, &changed_stage);
        change(&changed_stage, file);
        let out = dir.join("dist");
        release::name_files(&changed_stage, &out);
        // The chunk loader is bundled into the glue: a change to it is the glue's.
        let shipped = if file == "__wasm_split.js" {
            "campaign-widget.js"
        } else {
            file
        };
        let before = release_file(shipped);
        let after = release_file_in(&out, shipped);
        assert_ne!(before, after, "{file} changed, its name did not");
        assert!(is_hashed(&after), "{after}");
        // Whatever names it changes too: the glue names the chunks; the loader names the rest.
        if shipped.starts_with("campaign-widget-") {
            assert_ne!(glue, release_file_in(&out, "campaign-widget.js"), "{file}");
        }
        let new_loader = std::fs::read(out.join("embed.js")).expect("embed.js");
        assert_ne!(loader, new_loader, "{file} changed, embed.js did not");
        assert_eq!(
            std::fs::read(out.join("v").join(release_version(&dist)).join("embed.js")).unwrap(),
            new_loader,
            "the pinned loader is the loader"
        );
        // Files that did not change keep their names.
        for other in WIDGET_FILES {
            let unchanged = other != shipped
                && !(other == "campaign-widget.js" && shipped.starts_with("campaign-widget-"));
            if unchanged {
                assert_eq!(release_file(other), release_file_in(&out, other), "{file}");
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// A plain HTTP/1.0 GET: the status line and the headers, names in lower case.
fn head(server: &Server, path: &str) -> (String, Vec<(String, String)>) {
    let address = server.url.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(address).expect("connect");
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n").expect("ask");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("read the answer");
    let answer = String::from_utf8_lossy(&answer);
    let head = answer.split("\r\n\r\n").next().unwrap_or("");
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("").to_owned();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    (status, headers)
}

#[test]
fn the_hosting_rules_cache_hashed_files_for_good_and_the_loader_briefly() {
    let dist = dist_dir();
    let cdn = Server::hosting(dist.clone(), None);
    let version = release_version(&dist);
    let files = release_files(&dist);
    assert!(files.iter().any(|(p, _)| p == "embed.js"));
    // (_headers is the host's, not served.)
    for (path, _) in files.iter().filter(|(p, _)| p != "_headers") {
        let (status, headers) = head(&cdn, &format!("/{path}"));
        assert!(status.contains(" 200"), "{path}: {status}");
        let all = |name: &str| -> Vec<&str> {
            headers
                .iter()
                .filter(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
                .collect()
        };
        assert_eq!(all("access-control-allow-origin"), ["*"], "{path}");
        let cache = all("cache-control");
        let pinned = *path == format!("v/{version}/embed.js");
        if is_hashed(path) || pinned {
            assert_eq!(cache, [IMMUTABLE], "{path}");
        } else {
            assert_eq!(cache, [SHORT], "{path}");
        }
        if path.ends_with(".wasm") {
            assert_eq!(all("content-type"), ["application/wasm"], "{path}");
        }
    }
    for stable in ["embed.js", "embed.html"] {
        let (_, headers) = head(&cdn, &format!("/{stable}"));
        assert!(headers.contains(&("cache-control".into(), SHORT.into())));
    }
    // The widget's files are all hashed, and only they (and the pinned loader) are.
    let hashed: BTreeSet<&str> = files
        .iter()
        .filter(|(p, _)| is_hashed(p))
        .map(|(_, n)| n.as_str())
        .collect();
    assert_eq!(hashed, WIDGET_FILES.into_iter().collect());
}

#[tokio::test(flavor = "current_thread")]
async fn a_page_runs_one_release_across_a_deploy() {
    cases::a_page_runs_one_release_across_a_deploy(Engine::Chromium).await;
}

/// A strict Content-Security-Policy for a page whose only script origin is `cdn`.
fn strict_csp(cdn: &str, api: &str) -> String {
    format!(
        "default-src 'none'; script-src {cdn} 'wasm-unsafe-eval'; style-src {cdn}; \
         connect-src {cdn} {api}; img-src 'self' {api}"
    )
}

/// The demo page's pinned snippet, for the default campaign, from a demo site.
async fn pinned_snippet(demo: &Server) -> String {
    let browser = Browser::start(1280, 900).await;
    browser
        .client
        .goto(&format!("{}/index.html", demo.url))
        .await
        .expect("open the demo page");
    browser
        .wait_with(
            "",
            "the pinned snippet",
            "[...document.querySelectorAll('.demo-snippet figcaption')].some(c => c.textContent.includes('pinned'))",
        )
        .await;
    let snippet = browser
        .eval_with(
            "",
            "[...document.querySelectorAll('.demo-snippet')].find(f => f.querySelector('figcaption').textContent.includes('pinned')).querySelector('pre').textContent",
        )
        .await;
    browser.close().await;
    let snippet = snippet.as_str().expect("the snippet's text").to_owned();
    // Without the campaign URL the demo page suggests: the built-in campaign.
    let start = snippet
        .find(" data-campaign=")
        .expect("a campaign attribute");
    let end = start + snippet[start..].find("\" ").expect("its end") + 1;
    format!("{}{}", &snippet[..start], &snippet[end..])
}

#[tokio::test(flavor = "current_thread")]
async fn the_demo_page_offers_a_pinned_snippet_that_works_under_a_strict_csp() {
    let demo = demo_site(0);
    let snippet = pinned_snippet(&demo).await;
    let version = release_version(&dist_dir());
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dist_dir().join("manifest.json")).unwrap()).unwrap();
    let integrity = manifest["pinned"]["integrity"].as_str().unwrap();
    assert!(integrity.starts_with("sha384-"), "{integrity}");
    assert!(
        snippet.starts_with(&format!(
            "<script src=\"{}/v/{version}/embed.js\" integrity=\"{integrity}\" crossorigin=\"anonymous\" async",
            demo.url
        )),
        "{snippet}"
    );
    // The integrity is the pinned file's, as a browser computes it.
    let computed = std::process::Command::new("sh")
        .arg("-c")
        .arg("openssl dgst -sha384 -binary \"$0\" | openssl base64 -A")
        .arg(dist_dir().join("v").join(&version).join("embed.js"))
        .output()
        .expect("openssl");
    assert_eq!(
        format!("sha384-{}", String::from_utf8_lossy(&computed.stdout)),
        integrity
    );

    let api = e2e::FixtureApi::start();
    let snippet = snippet.replace(
        " async ",
        &format!(
            " async data-postcodes-api=\"{0}\" data-members-api=\"{0}\" ",
            api.url()
        ),
    );
    let site = partner(vec![(
        "/pinned.html",
        page("", &format!("<h1>Pinned</h1>{snippet}")),
        vec![(
            "Content-Security-Policy".into(),
            strict_csp(&demo.url, api.url()),
        )],
    )]);
    let browser = Browser::start(1280, 900).await;
    open(&browser, &site, "/pinned.html").await;
    wait(&browser, "the widget", "$w(0, '.cw-stat')").await;
    look_up(&browser, 0, "IV2 3PT").await;
    wait(
        &browser,
        "the MP and the letter form",
        "$w(0, '.cw-mp-name')?.textContent === 'Mr Angus MacDonald' && $w(0, '#cw-name')",
    )
    .await;
    // The pinned loader fetched the release's hashed files from the folder two levels up.
    let requested = demo.requests();
    // (An English widget: no Welsh words, no Welsh view.)
    for file in WIDGET_FILES
        .iter()
        .filter(|f| !["cy.json", "prerender-cy.html"].contains(f) && !f.ends_with("-compact.html"))
    {
        let path = format!("/{}", release_file(file));
        assert!(requested.contains(&path), "{path} in {requested:?}");
    }
    let console = browser.console().await;
    let problems: Vec<&String> = console
        .iter()
        .filter(|l| l.contains("Content Security Policy") || l.starts_with("SEVERE"))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_tampered_pinned_loader_is_refused_and_the_page_stays_intact() {
    let dist = dist_dir();
    let version = release_version(&dist);
    let pinned_path = format!("/v/{version}/embed.js");
    let real = std::fs::read_to_string(dist.join(&pinned_path[1..])).expect("the pinned loader");
    // One byte changed: the message a browser too old for the wasm reads.
    let tampered = real.replacen("too old", "too olf", 1);
    assert_ne!(tampered, real);
    let served = pinned_path.clone();
    let cdn = Server::hosting(
        dist.clone(),
        Some(Box::new(move |url: &str| {
            (url == served).then(|| Reply {
                status: 200,
                content_type: "text/javascript; charset=utf-8",
                body: tampered.clone().into_bytes(),
                headers: Vec::new(),
            })
        })),
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dist.join("manifest.json")).unwrap()).unwrap();
    let integrity = manifest["pinned"]["integrity"].as_str().unwrap();
    let body = format!(
        "<h1 id=heading>The partner's article</h1><p id=before>Before.</p>\
         <script src=\"{}{pinned_path}\" integrity=\"{integrity}\" crossorigin=\"anonymous\" async></script>\
         <p id=after>After.</p>",
        cdn.url
    );
    let site = partner(vec![(
        "/tampered.html",
        page("", &body),
        vec![(
            "Content-Security-Policy".into(),
            strict_csp(&cdn.url, "https://api.invalid"),
        )],
    )]);
    let browser = Browser::start(1280, 900).await;
    open(&browser, &site, "/tampered.html").await;
    wait(
        &browser,
        "the refused loader",
        "performance.getEntriesByType('resource').some(e => e.name.endsWith('/embed.js'))",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let console = browser.console_errors().await;
    assert!(
        console
            .iter()
            .any(|l| l.contains("integrity") && l.contains(&pinned_path)),
        "no integrity error: {console:#?}"
    );
    let page_state = eval(
        &browser,
        "[typeof window.CampaignWidget, document.querySelectorAll('campaign-widget').length,\
          document.getElementById('heading').textContent, document.getElementById('before').textContent,\
          document.getElementById('after').textContent, customElements.get('campaign-widget') === undefined]",
    )
    .await;
    assert_eq!(
        page_state,
        json!([
            "undefined",
            0,
            "The partner's article",
            "Before.",
            "After.",
            true
        ])
    );
    assert_eq!(cdn.requests(), [pinned_path], "nothing fetched after it");
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_tampered_glue_is_refused_before_it_runs_and_the_widget_says_so() {
    cases::a_tampered_glue_is_refused_before_it_runs_and_the_widget_says_so(Engine::Chromium).await;
}
