//! `/openapi.json` stays true: every route is documented and every documented route exists;
//! every documented parameter is accepted; real answers, errors included, validate against the
//! documented shapes; every `$ref` resolves.

use crate::schema::{resolve, validate};
use crate::{KEY, Response, get, news_body, request, shared};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

fn doc() -> Value {
    serde_json::from_str(dyad_server::OPENAPI).expect("openapi.json is JSON")
}

fn operation<'a>(doc: &'a Value, method: &str, path: &str) -> &'a Value {
    doc["paths"]
        .get(path)
        .and_then(|p| p.get(method.to_ascii_lowercase()))
        .unwrap_or_else(|| panic!("{method} {path} is not documented"))
}

fn parameters(doc: &Value, op: &Value) -> Vec<Value> {
    op.get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|p| match p.get("$ref").and_then(Value::as_str) {
            Some(r) => resolve(doc, r).clone(),
            None => p.clone(),
        })
        .collect()
}

#[test]
fn every_route_is_documented_and_every_documented_route_exists() {
    let doc = doc();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"), "bump info.version in openapi.json");
    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| item.as_object().unwrap().keys().map(move |m| (m.to_ascii_uppercase(), path.clone())))
        .collect();
    let served: BTreeSet<(String, String)> =
        dyad_server::routes().iter().map(|r| (r.method.to_string(), r.path.to_string())).collect();
    assert_eq!(documented, served, "openapi.json and the router disagree");
    // The server serves the same document.
    let r = get(shared(), "/openapi.json");
    assert_eq!(r.status, 200);
    assert_eq!(r.json(), doc);
}

#[test]
fn every_ref_resolves() {
    fn walk(doc: &Value, v: &Value, n: &mut usize) {
        match v {
            Value::Object(m) => {
                if let Some(r) = m.get("$ref").and_then(Value::as_str) {
                    resolve(doc, r);
                    *n += 1;
                }
                m.values().for_each(|x| walk(doc, x, n));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(doc, x, n)),
            _ => {}
        }
    }
    let doc = doc();
    let mut n = 0;
    walk(&doc, &doc, &mut n);
    assert!(n > 50, "{n} refs");
}

/// A valid sample for every documented query parameter.
fn sample(name: &str) -> &'static str {
    match name {
        "source" | "actor" => "KAZ",
        "target" => "RUS",
        "both_directions" => "true",
        "root" | "cameo" => "13",
        "plover" => "THREATEN",
        "from" => "2024-01-01",
        "to" => "2024-06-30",
        "q" => "sanctions",
        "cursor" => "20240630-999999",
        "limit" | "top" | "drivers" => "5",
        "period" => "month",
        "codes" | "one_a_day" => "false",
        "penalty" => "mbic",
        "min_records" => "10",
        other => panic!("no sample value for the documented parameter `{other}`: add one"),
    }
}

#[test]
fn every_documented_parameter_is_accepted() {
    let doc = doc();
    let addr = shared();
    for (path, item) in doc["paths"].as_object().unwrap() {
        let Some(op) = item.get("get") else { continue };
        let query: Vec<String> = parameters(&doc, op)
            .iter()
            .filter(|p| p["in"] == "query")
            .map(|p| {
                let name = p["name"].as_str().unwrap();
                format!("{name}={}", sample(name))
            })
            .collect();
        let concrete = path.replace("{id}", "1");
        let url = if query.is_empty() { concrete } else { format!("{concrete}?{}", query.join("&")) };
        let r = get(addr, &url);
        assert_eq!(r.status, 200, "GET {url}: {}", r.text());
    }
}

struct Case {
    method: &'static str,
    template: &'static str,
    path: String,
    headers: Vec<(&'static str, String)>,
    body: String,
    status: u16,
}

fn case(method: &'static str, template: &'static str, path: impl Into<String>, status: u16) -> Case {
    Case { method, template, path: path.into(), headers: Vec::new(), body: String::new(), status }
}

impl Case {
    fn json(mut self, body: impl Into<String>) -> Case {
        self.headers.push(("content-type", "application/json".into()));
        self.body = body.into();
        self
    }

    fn key(mut self, key: &str) -> Case {
        self.headers.push(("authorization", format!("Bearer {key}")));
        self
    }
}

#[test]
fn answers_match_the_documented_shapes() {
    let doc = doc();
    let addr = shared();
    let first_id = get(addr, "/v1/events?limit=1").json()["events"][0]["id"].as_i64().unwrap();
    let cursor = get(addr, "/v1/events?limit=2").json()["next_cursor"].as_str().unwrap().to_string();
    let html = r#"{"html": "<html><head><title>Talks</title></head><body><article><h1>Talks in Astana</h1><p>Kazakhstan hosted Russian officials for talks in Astana on Monday.</p></article></body></html>", "date": "2024-03-11"}"#;
    let cases = vec![
        case("POST", "/v1/code", "/v1/code", 200)
            .json(r#"{"text": "Russia threatened Kazakhstan with sanctions in Moscow.", "date": "2024-03-12", "url": "https://example.org/a"}"#),
        case("POST", "/v1/code", "/v1/code", 200).json(html),
        case("POST", "/v1/code", "/v1/code", 400).json(r#"{"text": "x", "colour": "red"}"#),
        case("POST", "/v1/code", "/v1/code", 400).json(r#"{"text": "Russia met Kazakhstan.", "date": "12/03/2024"}"#),
        case("POST", "/v1/code", "/v1/code", 415),
        case("POST", "/v1/documents", "/v1/documents", 200).json(news_body()).key(KEY),
        case("POST", "/v1/documents", "/v1/documents", 401).json(news_body()),
        case("POST", "/v1/documents", "/v1/documents", 400).json(r#"{"documents": [], "extra": 1}"#).key(KEY),
        case("GET", "/v1/events", "/v1/events?source=KAZ&target=RUS&both_directions=true&limit=20", 200),
        case("GET", "/v1/events", format!("/v1/events?limit=3&cursor={cursor}"), 200),
        case("GET", "/v1/events", "/v1/events?q=Baikonur&plover=REJECT", 200),
        case("GET", "/v1/events", "/v1/events?from=2024-02-30", 400),
        case("GET", "/v1/events", "/v1/events?colour=red", 400),
        case("GET", "/v1/events/{id}", format!("/v1/events/{first_id}"), 200),
        case("GET", "/v1/events/{id}", "/v1/events/999999", 404),
        case("GET", "/v1/events/{id}", "/v1/events/abc", 400),
        case("GET", "/v1/places", "/v1/places?actor=UKR", 200),
        case("GET", "/v1/series", "/v1/series?source=KAZ&target=RUS&both_directions=true&period=month", 200),
        case("GET", "/v1/series", "/v1/series?source=KAZ&period=fortnight", 400),
        case("GET", "/v1/dyads", "/v1/dyads?top=10", 200),
        case("GET", "/v1/actors", "/v1/actors?q=kaz", 200),
        case("GET", "/v1/actors", "/v1/actors?top=0", 400),
        case("GET", "/v1/shifts", "/v1/shifts?source=KAZ&target=RUS&both_directions=true", 200),
        case("GET", "/v1/codebook", "/v1/codebook", 200),
        case("GET", "/healthz", "/healthz", 200),
        case("GET", "/openapi.json", "/openapi.json", 200),
    ];
    let mut ok_routes: HashMap<(&str, &str), usize> = HashMap::new();
    let mut problems = Vec::new();
    for c in &cases {
        let op = operation(&doc, c.method, c.template);
        let headers: Vec<(&str, &str)> = c.headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
        // Query parameters used must be documented for the operation.
        if let Some((_, q)) = c.path.split_once('?') {
            let names: Vec<String> =
                parameters(&doc, op).iter().map(|p| p["name"].as_str().unwrap().to_string()).collect();
            for pair in q.split('&') {
                let key = pair.split('=').next().unwrap();
                if c.status < 400 {
                    assert!(names.iter().any(|n| n == key), "{} uses the undocumented parameter `{key}`", c.path);
                }
            }
        }
        // A request body that should succeed must match the documented request schema.
        if c.status < 400 && !c.body.is_empty() {
            let schema = &op["requestBody"]["content"]["application/json"]["schema"];
            let mut e = Vec::new();
            validate(&doc, schema, &serde_json::from_str(&c.body).unwrap(), "request", &mut e);
            assert!(e.is_empty(), "{} {}: request body does not match its schema: {e:?}", c.method, c.path);
        }
        let r: Response = request(addr, c.method, &c.path, &headers, c.body.as_bytes());
        assert_eq!(r.status, c.status, "{} {}: {}", c.method, c.path, r.text());
        let documented = op["responses"].get(r.status.to_string()).unwrap_or_else(|| {
            panic!("{} {} answered {}, which openapi.json does not document", c.method, c.template, r.status)
        });
        let schema = &documented["content"]["application/json"]["schema"];
        assert!(r.header("content-type").unwrap_or_default().starts_with("application/json"), "{}", c.path);
        let mut e = Vec::new();
        validate(&doc, schema, &r.json(), "$", &mut e);
        if !e.is_empty() {
            problems.push(format!("{} {} ({}): {}", c.method, c.path, r.status, e.join("; ")));
        }
        if r.status < 300 {
            *ok_routes.entry((c.method, c.template)).or_default() += 1;
        }
    }
    assert!(problems.is_empty(), "answers that do not match openapi.json:\n{}", problems.join("\n"));
    for route in dyad_server::routes() {
        assert!(ok_routes.contains_key(&(route.method, route.path)), "no successful example for {route:?}");
    }
}
