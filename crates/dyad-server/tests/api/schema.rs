//! A validator for the part of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that
//! `openapi.json` is written in. Any other keyword fails the test, so the document cannot use a
//! rule this validator would silently skip.

use serde_json::Value;

const KNOWN: &[&str] = &[
    "$ref",
    "type",
    "oneOf",
    "enum",
    "format",
    "pattern",
    "minimum",
    "maximum",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "minItems",
    "description",
    "example",
];

/// Resolves a local `$ref` ("#/components/schemas/Event").
pub fn resolve<'a>(doc: &'a Value, r: &str) -> &'a Value {
    let mut at = doc;
    for part in r.strip_prefix("#/").unwrap_or_else(|| panic!("only local refs: {r}")).split('/') {
        at = at.get(part).unwrap_or_else(|| panic!("dangling $ref {r}"));
    }
    at
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "string" => v.is_string(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        other => panic!("unknown type {other}"),
    }
}

/// `^[0-9]{a,b}$` and `^[0-9]{a}$`: the only patterns the document uses.
fn pattern_ok(p: &str, s: &str) -> bool {
    let inner = p
        .strip_prefix("^[0-9]{")
        .and_then(|r| r.strip_suffix("}$"))
        .unwrap_or_else(|| panic!("pattern {p} is not supported by the test validator"));
    let (lo, hi) = match inner.split_once(',') {
        Some((a, b)) => (a.parse::<usize>().unwrap(), b.parse::<usize>().unwrap()),
        None => (inner.parse().unwrap(), inner.parse().unwrap()),
    };
    (lo..=hi).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// Checks `value` against `schema`; problems are pushed with their JSON path.
pub fn validate(doc: &Value, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    let Some(obj) = schema.as_object() else { panic!("schema at {path} is not an object: {schema}") };
    for k in obj.keys() {
        assert!(KNOWN.contains(&k.as_str()), "schema keyword `{k}` at {path} is not supported by the test validator");
    }
    if let Some(r) = obj.get("$ref").and_then(Value::as_str) {
        validate(doc, resolve(doc, r), value, path, errors);
        return;
    }
    if let Some(alts) = obj.get("oneOf").and_then(Value::as_array) {
        let matching = alts
            .iter()
            .filter(|s| {
                let mut e = Vec::new();
                validate(doc, s, value, path, &mut e);
                e.is_empty()
            })
            .count();
        if matching != 1 {
            errors.push(format!("{path}: matches {matching} of the oneOf alternatives, not 1: {value}"));
        }
        return;
    }
    if let Some(t) = obj.get("type") {
        let ok = match t {
            Value::String(t) => type_ok(t, value),
            Value::Array(ts) => ts.iter().any(|t| type_ok(t.as_str().unwrap(), value)),
            _ => panic!("bad type at {path}"),
        };
        if !ok {
            errors.push(format!("{path}: expected type {t}, found {value}"));
            return;
        }
    }
    if let Some(e) = obj.get("enum").and_then(Value::as_array)
        && !e.contains(value)
    {
        errors.push(format!("{path}: {value} is not one of {}", Value::Array(e.clone())));
    }
    if let (Some("date"), Some(s)) = (obj.get("format").and_then(Value::as_str), value.as_str())
        && (s.len() != 10 || chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_err())
    {
        errors.push(format!("{path}: '{s}' is not a YYYY-MM-DD date"));
    }
    if let (Some(p), Some(s)) = (obj.get("pattern").and_then(Value::as_str), value.as_str())
        && !pattern_ok(p, s)
    {
        errors.push(format!("{path}: '{s}' does not match {p}"));
    }
    if let Some(n) = value.as_f64() {
        if let Some(min) = obj.get("minimum").and_then(Value::as_f64)
            && n < min
        {
            errors.push(format!("{path}: {n} is below the minimum {min}"));
        }
        if let Some(max) = obj.get("maximum").and_then(Value::as_f64)
            && n > max
        {
            errors.push(format!("{path}: {n} is above the maximum {max}"));
        }
    }
    if let Some(map) = value.as_object() {
        let props = obj.get("properties").and_then(Value::as_object);
        for r in obj.get("required").and_then(Value::as_array).into_iter().flatten() {
            let r = r.as_str().unwrap();
            if !map.contains_key(r) {
                errors.push(format!("{path}: required field `{r}` is missing"));
            }
        }
        for (k, v) in map {
            match props.and_then(|p| p.get(k)) {
                Some(s) => validate(doc, s, v, &format!("{path}.{k}"), errors),
                None if obj.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: field `{k}` is not documented"))
                }
                None => {}
            }
        }
    }
    if let Some(items) = value.as_array() {
        if let Some(min) = obj.get("minItems").and_then(Value::as_u64)
            && (items.len() as u64) < min
        {
            errors.push(format!("{path}: fewer than {min} items"));
        }
        if let Some(s) = obj.get("items") {
            for (i, v) in items.iter().enumerate() {
                validate(doc, s, v, &format!("{path}[{i}]"), errors);
            }
        }
    }
}

#[test]
fn the_validator_catches_what_it_should() {
    let doc = serde_json::json!({"components": {"schemas": {"P": {
        "type": "object", "additionalProperties": false, "required": ["a"],
        "properties": {"a": {"type": "integer", "minimum": 0}, "d": {"type": ["string", "null"], "format": "date"},
                       "c": {"type": "string", "pattern": "^[0-9]{2,4}$"}}}}}});
    let s = serde_json::json!({"$ref": "#/components/schemas/P"});
    let check = |v: serde_json::Value| {
        let mut e = Vec::new();
        validate(&doc, &s, &v, "$", &mut e);
        e
    };
    assert!(check(serde_json::json!({"a": 1, "d": null, "c": "042"})).is_empty());
    assert_eq!(check(serde_json::json!({"d": "2024-01-01"})).len(), 1);
    assert_eq!(check(serde_json::json!({"a": -1})).len(), 1);
    assert_eq!(check(serde_json::json!({"a": 1, "x": 2})).len(), 1);
    assert_eq!(check(serde_json::json!({"a": 1, "d": "2024-13-01"})).len(), 1);
    assert_eq!(check(serde_json::json!({"a": 1, "c": "04a"})).len(), 1);
    assert_eq!(check(serde_json::json!({"a": 1.5})).len(), 1);
}
