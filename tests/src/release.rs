//! Releases side by side, for the deploy tests: the staged files of the release build
//! (scripts/build.sh), and a second release made from them that differs from `dist/` as a next
//! release would, named by the release's own steps (scripts/name-files.sh, scripts/manifest.sh).

use crate::{dist_dir, workspace_root};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The headline's last word in `dist/`'s built-in campaign, and in the second release's.
pub const OLD_WORD: &str = "Package";
pub const NEW_WORD: &str = "Program";

/// The release build's widget files under their plain names, before they were named by their
/// content (scripts/build.sh keeps them in the cargo target folder).
pub fn stage_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target"));
    let target = if target.is_relative() {
        workspace_root().join(target)
    } else {
        target
    };
    let stage = target.join("widget-stage");
    assert!(
        stage.join("embed.js").is_file(),
        "{} has no staged build: run scripts/build.sh first",
        stage.display()
    );
    stage
}

/// Copies the files of folder `from` into `to` (made if missing), sub-folders too.
pub fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("make the folder");
    for entry in std::fs::read_dir(from).expect("read the folder") {
        let entry = entry.expect("a folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("its type").is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

/// A fresh, empty folder for this test process under the system's temporary folder.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cw-e2e-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("make a scratch folder");
    dir
}

/// Names the staged files in `stage` into the release folder `out`, as scripts/build.sh does.
pub fn name_files(stage: &Path, out: &Path) {
    for (script, args) in [
        ("scripts/name-files.sh", vec![stage, out]),
        ("scripts/manifest.sh", vec![out]),
    ] {
        let status = Command::new(workspace_root().join(script))
            .args(args)
            .current_dir(workspace_root())
            .status()
            .unwrap_or_else(|e| panic!("cannot run {script}: {e}"));
        assert!(status.success(), "{script} failed");
    }
}

/// Appends a custom section (which engines ignore) to a wasm module: other bytes, same code.
pub fn append_custom_section(module: &Path, payload: &[u8]) {
    let mut bytes = std::fs::read(module).expect("read the module");
    let content_len = 1 + 5 + payload.len();
    assert!(content_len < 128, "one-byte LEB128 sizes only");
    bytes.extend([0, content_len as u8, 5]);
    bytes.extend(b"build");
    bytes.extend(payload);
    std::fs::write(module, bytes).expect("write the module");
}

/// The second release: the built-in campaign's headline ends in [`NEW_WORD`] where `dist/`'s
/// ends in [`OLD_WORD`] (a changed string in the main wasm module and the prerendered views), and the lookup, letter and
/// shared modules have other bytes too (a custom section), so that every file the two
/// releases' chunk loaders fetch has another name in each. Made once per test process.
pub fn second_build() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            dist_dir();
            let dir = scratch("second-build");
            let stage = dir.join("stage");
            copy_folder(&stage_dir(), &stage);
            let main = stage.join("campaign-widget_bg.wasm");
            let bytes = std::fs::read(&main).expect("the main module");
            let old = format!("Secondary Support {OLD_WORD}");
            let new = format!("Secondary Support {NEW_WORD}");
            assert_eq!(
                old.len(),
                new.len(),
                "a same-length change keeps the module valid"
            );
            let changed = replace_all(&bytes, old.as_bytes(), new.as_bytes());
            assert_ne!(changed, bytes, "the main module holds {old:?}");
            std::fs::write(&main, changed).expect("write the main module");
            for entry in std::fs::read_dir(&stage).expect("the stage") {
                let path = entry.expect("an entry").path();
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if name.starts_with("campaign-widget-") && name.ends_with(".wasm") {
                    append_custom_section(&path, b"2");
                }
                // The release's prerendered views say what its wasm says.
                if name.starts_with("prerender-") {
                    let view = std::fs::read(&path).expect("a prerendered view");
                    let changed = replace_all(&view, old.as_bytes(), new.as_bytes());
                    std::fs::write(&path, changed).expect("write the view");
                }
            }
            let out = dir.join("dist");
            name_files(&stage, &out);
            out
        })
        .clone()
}

fn replace_all(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// Whether a file's name in a release carries a content hash (NAME.HASH.EXT, scripts/name-files.sh).
pub fn is_hashed(path: &str) -> bool {
    let mut parts = path.rsplit('.');
    let (_ext, hash) = (parts.next(), parts.next().unwrap_or(""));
    parts.next().is_some()
        && hash.len() == 10
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Deploys the release folder `release` into `host`, which holds an earlier one, as README
/// "Hosting" says: the content-hashed files (and the pinned loader) first, then the files that
/// keep their names (the loader, the iframe page, the rules, the demo page); nothing deleted.
pub fn deploy(release: &Path, host: &Path) {
    for first in [true, false] {
        copy_where(release, host, "", &|path| {
            (is_hashed(path) || path.starts_with("v/")) == first
        });
    }
}

fn copy_where(from: &Path, to: &Path, prefix: &str, keep: &dyn Fn(&str) -> bool) {
    std::fs::create_dir_all(to).expect("make the folder");
    for entry in std::fs::read_dir(from).expect("read the folder") {
        let entry = entry.expect("a folder entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = format!("{prefix}{name}");
        if entry.file_type().expect("its type").is_dir() {
            copy_where(&entry.path(), &to.join(&name), &format!("{path}/"), keep);
        } else if keep(&path) {
            std::fs::copy(entry.path(), to.join(&name)).expect("copy a file");
        }
    }
}
