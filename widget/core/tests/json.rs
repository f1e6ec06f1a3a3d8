//! The small JSON reader and writer: the grammar, positions in errors, hostile input, and
//! a property check that what it writes it reads back the same.

use widget_core::json::{parse, Json, SyntaxError};

#[test]
fn reads_every_kind_of_value() {
    let value =
        parse(r#" {"a": [1, -2.5e2, true, false, null], "b": {"c": "d"}, "e": 0.72} "#).unwrap();
    assert_eq!(
        value.get("a"),
        Some(&Json::Array(vec![
            Json::Number(1.0),
            Json::Number(-250.0),
            Json::Bool(true),
            Json::Bool(false),
            Json::Null
        ]))
    );
    assert_eq!(value.get("b").and_then(|b| b.str_at("c")), Some("d"));
    assert_eq!(value.get("e").and_then(Json::as_f64), Some(0.72));
    assert_eq!(value.get("missing"), None);
}

#[test]
fn reads_escapes_and_non_ascii_text() {
    let value =
        parse(r#""tab\t quote\" slash\/ back\\ nl\n é \u00e9 \ud83d\ude00 Nguyễn""#).unwrap();
    assert_eq!(
        value.as_str(),
        Some("tab\t quote\" slash/ back\\ nl\n é é 😀 Nguyễn")
    );
    // Half a surrogate pair is no text: refused, as serde_json refuses it (not a panic).
    for lone in [r#""\ud800x""#, r#""\udc00""#, r#""\ud800\u0041""#] {
        assert_eq!(
            parse(lone).unwrap_err().message,
            "half a surrogate pair in a \\u escape",
            "{lone}"
        );
    }
}

#[test]
fn the_last_of_repeated_keys_wins() {
    assert_eq!(
        parse(r#"{"a":1,"a":2}"#).unwrap().get("a"),
        Some(&Json::Number(2.0))
    );
}

#[test]
fn whole_numbers_in_range_are_u32() {
    assert_eq!(parse("5362").unwrap().as_u32(), Some(5362));
    assert_eq!(parse("1.5").unwrap().as_u32(), None);
    assert_eq!(parse("-1").unwrap().as_u32(), None);
    assert_eq!(parse("1e20").unwrap().as_u32(), None);
}

#[test]
fn numbers_beyond_f64_are_refused() {
    assert_eq!(parse("1e400").unwrap_err().message, "number too large");
    assert_eq!(parse("-1e400").unwrap_err().message, "number too large");
    assert_eq!(parse("1e-400").unwrap(), Json::Number(0.0));
}

fn error_at(text: &str) -> (usize, usize, &'static str) {
    let SyntaxError {
        line,
        column,
        message,
    } = parse(text).unwrap_err();
    (line, column, message)
}

#[test]
fn syntax_errors_say_where_and_what() {
    assert_eq!(error_at(""), (1, 1, "unexpected end of text"));
    assert_eq!(error_at("{\"a\" 1}"), (1, 6, "expected `:` after the key"));
    assert_eq!(error_at("[1,\n 2,\n 3"), (3, 3, "expected `,` or `]`"));
    assert_eq!(
        error_at("{\"a\": 1,}"),
        (1, 9, "expected a key in double quotes")
    );
    assert_eq!(
        error_at("\"open"),
        (1, 6, "unfinished text: a closing \" is missing")
    );
    assert_eq!(
        error_at("[1] 2"),
        (1, 5, "unexpected text after the end of the JSON value")
    );
    assert_eq!(
        error_at("01"),
        (1, 2, "unexpected text after the end of the JSON value")
    );
    assert_eq!(error_at("-"), (1, 2, "expected a digit"));
    assert_eq!(error_at("\"a\nb\""), (1, 3, "control character in text"));
    assert_eq!(error_at("{\"é\": x}"), (1, 7, "expected a value"));
}

#[test]
fn deep_nesting_is_refused_without_overflowing() {
    let deep = "[".repeat(100_000);
    assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
    let fine = format!("{}{}", "[".repeat(60), "]".repeat(60));
    assert!(parse(&fine).is_ok());
}

/// A tiny deterministic generator, so the property checks need no extra crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn random_text(rng: &mut Rng) -> String {
    const PIECES: [&str; 12] = [
        "a", "Z", " ", "\"", "\\", "\n", "é", "😀", "\u{1}", "{", "}", "\u{7f}",
    ];
    (0..rng.below(8))
        .map(|_| PIECES[rng.below(12) as usize])
        .collect()
}

fn random_value(rng: &mut Rng, depth: u32) -> Json {
    match if depth > 3 {
        rng.below(4)
    } else {
        rng.below(6)
    } {
        0 => Json::Null,
        1 => Json::Bool(rng.below(2) == 1),
        2 => Json::Number((rng.below(2_000_001) as f64 - 1_000_000.0) / 1000.0),
        3 => Json::String(random_text(rng)),
        4 => Json::Array(
            (0..rng.below(4))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        ),
        _ => Json::Object(
            (0..rng.below(4))
                .map(|i| {
                    (
                        format!("k{i}{}", random_text(rng)),
                        random_value(rng, depth + 1),
                    )
                })
                .collect(),
        ),
    }
}

#[test]
fn what_it_writes_it_reads_back_the_same() {
    let mut rng = Rng(0x5eed_1234_abcd_9876);
    for _ in 0..2000 {
        let value = random_value(&mut rng, 0);
        let text = value.to_pretty();
        assert_eq!(parse(&text).as_ref(), Ok(&value), "{text}");
    }
}

#[test]
fn arbitrary_input_never_panics() {
    const ALPHABET: &[u8] = b"{}[]:,\"\\ 0123456789.-+eEtruefalsn\n\x01uD8";
    let mut rng = Rng(42);
    for _ in 0..20_000 {
        let len = rng.below(40) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| ALPHABET[rng.below(ALPHABET.len() as u64) as usize])
            .collect();
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse(&text);
    }
}
