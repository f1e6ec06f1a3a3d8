//! What the soak's inputs are made of: hostile text, edits of real text, edits of real JSON
//! values, and the real material in tests/fixtures.

use widget_core::json::{parse, Json};

use crate::harness::Rng;

/// Pieces of hostile text: whitespace of every kind, controls, what URLs, mail headers,
/// templates and JSON give a meaning to, other scripts and emoji.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "a", "Z", "q", "0", "7", " ", "  ", "-", ".", "_", "~", "'",
    "\t", "\n", "\r", "\r\n", "\0", "\u{1}", "\u{7f}", "\u{85}", "\u{a0}", "\u{2028}", "\u{3000}",
    "\u{200b}", "\u{feff}", "\u{202e}",
    "%", "%0A", "%0D%0A", "%25", "%2", "%zz", "&", "?", "#", "=", "+", ";", ",", ":", "/", "@", "<",
    ">", "\"", "\\",
    "&cc=evil@example.org", "\r\nBcc: evil@example.org", "?bcc=evil@example.org",
    "%0D%0ABcc:%20evil@example.org", "mailto:evil@example.org", "&to=evil@example.org",
    "{", "}", "{{", "}}", "{mp_name}", "{opening}", "{unknown}",
    "[", "]", "null", "true", "-1e999", "\\u0000", "\\ud800",
    "é", "ŵ", "ß", "İ", "ı", "ﬁ", "Ａ", "１", "٣", "Ω", "中文", "Siân", "Nguyễn", "e\u{301}",
    "😀", "👩\u{200d}👩\u{200d}👧", "🇬🇧", "✉\u{fe0f}",
];

/// One of the pieces.
pub fn piece(rng: &mut Rng) -> &'static str {
    PIECES[rng.below(PIECES.len())]
}

/// Random text: mostly short, sometimes long, now and then very long (up to about 60 KB).
pub fn random_text(rng: &mut Rng) -> String {
    let pieces = match rng.below(1000) {
        0 => rng.below(20_000),
        1..=99 => rng.below(200),
        _ => rng.below(24),
    };
    (0..pieces).map(|_| piece(rng)).collect()
}

/// A byte position in `text` at a character boundary.
pub fn position(rng: &mut Rng, text: &str) -> usize {
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A range of `text` at character boundaries, mostly short.
fn range(rng: &mut Rng, text: &str) -> std::ops::Range<usize> {
    let start = position(rng, text);
    let longest = if rng.one_in(8) { text.len() } else { 16 };
    let mut end = (start + rng.below(longest + 1)).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    start..end
}

/// `text` with one to four edits: characters replaced, ranges deleted or doubled, a cut, an
/// insertion, a flipped bit.
pub fn mutate_text(rng: &mut Rng, text: &str) -> String {
    let mut out = text.to_owned();
    for _ in 0..1 + rng.below(4) {
        match rng.below(7) {
            0 => {
                let at = range(rng, &out);
                out.replace_range(at, piece(rng));
            }
            1 => {
                let at = range(rng, &out);
                out.replace_range(at, "");
            }
            2 => {
                let at = range(rng, &out);
                let copy = out[at.clone()].repeat(1 + rng.below(3));
                out.insert_str(at.end, &copy);
            }
            3 => out.truncate(position(rng, &out)),
            4 => {
                let at = position(rng, &out);
                out.insert_str(at, piece(rng));
            }
            5 if !out.is_empty() => {
                let mut bytes = out.into_bytes();
                let at = rng.below(bytes.len());
                bytes[at] ^= 1 << rng.below(8);
                out = String::from_utf8_lossy(&bytes).into_owned();
            }
            _ => {
                let at = position(rng, &out);
                if let Some(c) = out[at..].chars().next() {
                    let swapped = if c.is_ascii_uppercase() {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_ascii_uppercase()
                    };
                    out.replace_range(at..at + c.len_utf8(), &swapped.to_string());
                }
            }
        }
    }
    out
}

/// A value nested `depth` arrays or objects deep around `inner`.
fn nested(rng: &mut Rng, depth: usize, inner: Json) -> Json {
    (0..depth).fold(inner, |value, _| {
        if rng.one_in(2) {
            Json::Array(vec![value])
        } else {
            Json::object(vec![("value", value)])
        }
    })
}

/// A value of any type, to put where another was.
fn other_value(rng: &mut Rng, old: &Json) -> Json {
    const NUMBERS: [f64; 9] = [
        0.0,
        -1.0,
        1.5,
        -0.0,
        1e308,
        4_294_967_296.0,
        9e15,
        0.72,
        47.0,
    ];
    match rng.below(9) {
        0 => Json::Null,
        1 => Json::Bool(rng.one_in(2)),
        2 => Json::Number(*rng.pick(&NUMBERS)),
        3 => Json::String(random_text(rng)),
        4 => Json::Array(Vec::new()),
        5 => Json::Object(Vec::new()),
        6 => Json::Array(vec![old.clone()]),
        7 => Json::object(vec![("value", old.clone())]),
        _ => {
            let depth = 1 + rng.below(70);
            nested(rng, depth, old.clone())
        }
    }
}

/// How many values `value` holds, itself included.
fn size(value: &Json) -> usize {
    1 + match value {
        Json::Array(items) => items.iter().map(size).sum(),
        Json::Object(members) => members.iter().map(|(_, v)| size(v)).sum(),
        _ => 0,
    }
}

/// The value number `n` of `value`, counting depth first.
fn nth<'a>(value: &'a mut Json, n: &mut usize) -> Option<&'a mut Json> {
    if *n == 0 {
        return Some(value);
    }
    *n -= 1;
    match value {
        Json::Array(items) => items.iter_mut().find_map(|item| nth(item, n)),
        Json::Object(members) => members.iter_mut().find_map(|(_, v)| nth(v, n)),
        _ => None,
    }
}

/// One edit of a JSON value somewhere in `tree`: a type swapped, a member dropped, renamed or
/// repeated (the last one wins), an item dropped or repeated, deep nesting.
fn mutate_tree(rng: &mut Rng, tree: &Json) -> String {
    let mut tree = tree.clone();
    for _ in 0..1 + rng.below(3) {
        let mut n = rng.below(size(&tree));
        let Some(node) = nth(&mut tree, &mut n) else {
            continue;
        };
        match node {
            Json::Object(members) if !members.is_empty() && rng.one_in(2) => {
                let i = rng.below(members.len());
                match rng.below(4) {
                    0 => {
                        members.remove(i);
                    }
                    1 => members[i].0 = mutate_text(rng, &members[i].0),
                    2 => {
                        let (key, value) = members[i].clone();
                        let value = other_value(rng, &value);
                        members.push((key, value));
                    }
                    _ => {
                        let copy = members[i].clone();
                        members.insert(i, copy);
                    }
                }
            }
            Json::Array(items) if !items.is_empty() && rng.one_in(2) => {
                let i = rng.below(items.len());
                match rng.below(3) {
                    0 => {
                        items.remove(i);
                    }
                    1 => {
                        let copy = items[i].clone();
                        let times = if rng.one_in(8) { 200 } else { 2 };
                        items.splice(i..i, std::iter::repeat_n(copy, times));
                    }
                    _ => items.reverse(),
                }
            }
            Json::String(text) if rng.one_in(2) => *text = mutate_text(rng, text),
            _ => *node = other_value(rng, node),
        }
    }
    tree.to_pretty()
}

/// A real JSON text and its value.
pub struct Source {
    pub name: String,
    text: String,
    value: Json,
}

impl Source {
    pub fn new(name: &str, text: String) -> Source {
        let value = parse(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        Source {
            name: name.to_owned(),
            text,
            value,
        }
    }
}

/// A JSON text to decode: a real one, edited as text or as a value, deeply nested, or random.
pub fn json_input(rng: &mut Rng, sources: &[Source]) -> String {
    let source = rng.pick(sources);
    match rng.below(100) {
        0 => source.text.clone(),
        1..=39 => mutate_text(rng, &source.text),
        40..=84 => mutate_tree(rng, &source.value),
        85..=89 => {
            let depth = rng.below(200);
            format!("{}{}{}", "[".repeat(depth), source.text, "]".repeat(depth))
        }
        90..=94 => {
            let at = position(rng, &source.text);
            let depth = if rng.one_in(20) {
                10_000
            } else {
                rng.below(100)
            };
            format!(
                "{}{}{}",
                &source.text[..at],
                "{\"a\":[".repeat(depth),
                &source.text[at..]
            )
        }
        _ => random_text(rng),
    }
}

pub fn read(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// The real answers of tests/fixtures/real-world that `decoder` reads (as cases.json says).
pub fn real_answers(decoder: &str) -> Vec<Source> {
    let cases = parse(&read("tests/fixtures/real-world/cases.json")).expect("cases.json");
    let mut files: Vec<&str> = cases
        .as_array()
        .expect("cases")
        .iter()
        .filter(|case| case.str_at("decoder") == Some(decoder))
        .filter_map(|case| case.str_at("file"))
        .collect();
    files.sort();
    files.dedup();
    files
        .into_iter()
        .map(|file| {
            let path = format!("tests/fixtures/real-world/{file}");
            Source::new(&path, read(&path))
        })
        .collect()
}

/// The project's own answers in the real shapes (tests/fixtures/api/`kind`, at the top of the
/// repository).
pub fn api_answers(kind: &str) -> Vec<Source> {
    let folder = format!("../../tests/fixtures/api/{kind}");
    let full = format!("{}/{folder}", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&full)
        .unwrap_or_else(|e| panic!("{full}: {e}"))
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|name| {
            let path = format!("{folder}/{name}");
            Source::new(&path, read(&path))
        })
        .collect()
}

/// Real postcodes, compact, from tests/fixtures/real-world/postcodes-sample.txt.
pub fn real_postcodes() -> Vec<String> {
    read("tests/fixtures/real-world/postcodes-sample.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}
