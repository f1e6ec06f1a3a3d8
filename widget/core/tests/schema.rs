//! (feature `schema`) The published JSON Schema of a campaign file (`campaign.schema.json`,
//! copied into `dist/`) is generated from the model's serde derives, and campaign files follow
//! it. Regenerate after changing the model: `UPDATE_SCHEMA=1 cargo test -p widget-core
//! --features schema --test schema`.
#![cfg(feature = "schema")]

use widget_core::json::{parse, Json};
use widget_core::Campaign;

const PUBLISHED: &str = "campaign.schema.json";

fn path(relative: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

fn generated() -> String {
    let schema = schemars::schema_for!(Campaign);
    serde_json::to_string_pretty(&schema).expect("schema as JSON") + "\n"
}

#[test]
fn the_published_schema_is_the_models() {
    let schema = generated();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        // Whole or not at all: the other tests here read it meanwhile.
        let fresh = path("campaign.schema.json.new");
        std::fs::write(&fresh, &schema).expect("write the schema");
        std::fs::rename(&fresh, path(PUBLISHED)).expect("replace the schema");
    }
    assert!(
        read(PUBLISHED) == schema,
        "widget/core/{PUBLISHED} is not what the model generates; run \
         UPDATE_SCHEMA=1 cargo test -p widget-core --features schema --test schema"
    );
}

/// A small validator for the keywords schemars writes; any other keyword fails the test, so
/// that no rule of the schema is skipped unseen.
struct Validator<'a> {
    root: &'a Json,
}

impl Validator<'_> {
    fn check(&self, schema: &Json, value: &Json, at: &str, errors: &mut Vec<String>) {
        let Json::Object(rules) = schema else {
            if schema == &Json::Bool(false) {
                errors.push(format!("{at}: not allowed"));
            }
            return;
        };
        for (keyword, rule) in rules {
            match keyword.as_str() {
                "$schema" | "title" | "description" | "default" | "format" => {}
                "$defs" => {}
                "$ref" => {
                    let name = rule
                        .as_str()
                        .and_then(|r| r.strip_prefix("#/$defs/"))
                        .expect("a local $ref");
                    let target = self.root.get("$defs").and_then(|d| d.get(name));
                    self.check(target.expect("the $ref's definition"), value, at, errors);
                }
                "type" => {
                    let allowed: Vec<&str> = match rule {
                        Json::String(t) => vec![t.as_str()],
                        Json::Array(ts) => ts.iter().filter_map(Json::as_str).collect(),
                        _ => panic!("type {rule:?}"),
                    };
                    let actual = match value {
                        Json::Null => "null",
                        Json::Bool(_) => "boolean",
                        Json::Number(n) if n.fract() == 0.0 => "integer",
                        Json::Number(_) => "number",
                        Json::String(_) => "string",
                        Json::Array(_) => "array",
                        Json::Object(_) => "object",
                    };
                    let ok = allowed.contains(&actual)
                        || (actual == "integer" && allowed.contains(&"number"));
                    if !ok {
                        errors.push(format!("{at}: {actual}, not {allowed:?}"));
                    }
                }
                "anyOf" => {
                    let options = rule.as_array().expect("anyOf list");
                    let fits = options.iter().any(|option| {
                        let mut inner = Vec::new();
                        self.check(option, value, at, &mut inner);
                        inner.is_empty()
                    });
                    if !fits {
                        errors.push(format!("{at}: fits none of anyOf"));
                    }
                }
                "enum" => {
                    if !rule.as_array().expect("enum list").contains(value) {
                        errors.push(format!("{at}: {value:?} is not one of the listed values"));
                    }
                }
                "minimum" | "maximum" => {
                    let bound = rule.as_f64().expect("a number");
                    if let Json::Number(n) = value {
                        let ok = if keyword == "minimum" {
                            *n >= bound
                        } else {
                            *n <= bound
                        };
                        if !ok {
                            errors.push(format!("{at}: {n} is beyond the {keyword} {bound}"));
                        }
                    }
                }
                "required" => {
                    for key in rule.as_array().expect("required list") {
                        let key = key.as_str().expect("a key");
                        if matches!(value, Json::Object(_)) && value.get(key).is_none() {
                            errors.push(format!("{at}: {key} is missing"));
                        }
                    }
                }
                "properties" | "additionalProperties" | "propertyNames" => {
                    let Json::Object(members) = value else {
                        continue;
                    };
                    let listed = |key: &str| {
                        schema
                            .get("properties")
                            .is_some_and(|p| p.get(key).is_some())
                    };
                    for (key, v) in members {
                        let inner = format!("{at}.{key}");
                        match keyword.as_str() {
                            "properties" => {
                                if let Some(property) = rule.get(key) {
                                    self.check(property, v, &inner, errors);
                                }
                            }
                            "additionalProperties" if !listed(key) => {
                                self.check(rule, v, &inner, errors)
                            }
                            "propertyNames" => {
                                self.check(rule, &Json::String(key.clone()), &inner, errors)
                            }
                            _ => {}
                        }
                    }
                }
                "items" => {
                    if let Json::Array(items) = value {
                        for (i, item) in items.iter().enumerate() {
                            self.check(rule, item, &format!("{at}[{}]", i + 1), errors);
                        }
                    }
                }
                other => panic!("the validator does not know the keyword {other:?}"),
            }
        }
    }
}

fn problems(document: &str) -> Vec<String> {
    let schema = parse(&read(PUBLISHED)).expect("the schema is JSON");
    let value = parse(document).expect("the document is JSON");
    let mut errors = Vec::new();
    Validator { root: &schema }.check(&schema, &value, "campaign", &mut errors);
    errors
}

#[test]
fn campaign_files_follow_the_schema() {
    let exported = Campaign {
        schema: Some("https://example.org/campaign.schema.json".into()),
        test_recipient: Some("campaigns@example.org".into()),
        strings: vec![(
            "cy".into(),
            vec![("PostcodeLabel".into(), "Eich cod post".into())],
        )],
        ..Campaign::default()
    };
    let files = [
        ("the seed campaign", Campaign::default().to_json()),
        ("an export with $schema", exported.to_json()),
        (
            "the minimal campaign",
            read("tests/fixtures/minimal-campaign.json"),
        ),
        (
            "the library campaign",
            read("../../tests/fixtures/campaigns/library.json"),
        ),
    ];
    for (name, text) in files {
        assert_eq!(problems(&text), Vec::<String>::new(), "{name}");
        assert!(Campaign::from_json(&text).is_ok(), "{name} reads");
    }
}

#[test]
fn the_schema_refuses_what_the_reader_refuses() {
    for (document, expected) in [
        (
            r#"{"headline": "x", "ask": {"heading": "y"}}"#,
            "letter is missing",
        ),
        (
            r#"{"headline": "x", "ask": {"heading": "y"}, "letter": {"subject": "s", "body": "b"}, "colour": "red"}"#,
            "campaign.colour: not allowed",
        ),
        (
            r#"{"headline": 7, "ask": {"heading": "y"}, "letter": {"subject": "s", "body": "b"}}"#,
            "campaign.headline: integer",
        ),
        (
            r#"{"headline": "x", "ask": {"heading": "y"}, "letter": {"subject": "s", "body": "b"}, "statistics": [{"figure": "1", "share": 1.5, "text": "t"}]}"#,
            "beyond the maximum 1",
        ),
        (
            r#"{"headline": "x", "ask": {"heading": "y"}, "letter": {"subject": "s", "body": "b"}, "api": {"timeoutMs": 100}}"#,
            "beyond the minimum 500",
        ),
        (
            r#"{"headline": "x", "ask": {"heading": "y"}, "letter": {"subject": "s", "body": "b"}, "strings": {"cy": {"NoSuchText": "t"}}}"#,
            "is not one of the listed values",
        ),
        (
            r#"{"headline": "x", "ask": {"heading": "y"}, "letter": {"subject": "s", "body": "b"}, "layout": "wide"}"#,
            "campaign.layout: String(\"wide\") is not one of the listed values",
        ),
    ] {
        let found = problems(document);
        assert!(
            found.iter().any(|p| p.contains(expected)),
            "{document}: expected {expected:?}, found {found:?}"
        );
        assert!(Campaign::from_json(document).is_err(), "{document} reads");
    }
}
