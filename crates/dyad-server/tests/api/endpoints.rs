//! What each endpoint answers over the fixture store.

use crate::{KEY, get, news_body, request, shared, start};
use serde_json::{Value, json};
use std::collections::HashSet;

fn post_json(addr: std::net::SocketAddr, path: &str, body: &Value, key: Option<&str>) -> crate::Response {
    let auth = key.map(|k| format!("Bearer {k}"));
    let mut headers = vec![("content-type", "application/json")];
    if let Some(a) = &auth {
        headers.push(("authorization", a.as_str()));
    }
    request(addr, "POST", path, &headers, body.to_string().as_bytes())
}

fn events(addr: std::net::SocketAddr, query: &str) -> Vec<Value> {
    let r = get(addr, &format!("/v1/events?{query}"));
    assert_eq!(r.status, 200, "{query}: {}", r.text());
    r.json()["events"].as_array().unwrap().clone()
}

#[test]
fn health_counts_the_store() {
    let h = get(shared(), "/healthz").json();
    assert_eq!(h["status"], "ok");
    assert_eq!(h["writes"], "enabled");
    assert_eq!(h["dashboard"], true);
    assert_eq!(h["store"]["documents"], 91);
    assert!(h["store"]["events"].as_u64().unwrap() > 300, "{h}");
}

#[test]
fn coding_is_stateless_and_reads_text_and_html() {
    let addr = shared();
    let before = get(addr, "/healthz").json()["store"].clone();
    let r = post_json(
        addr,
        "/v1/code",
        &json!({"text": "Russia threatened Kazakhstan with sanctions in Moscow on Tuesday.", "date": "2024-03-14", "id": "mine"}),
        None,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let body = r.json();
    assert_eq!(body["document"]["id"], "mine");
    let e = &body["events"][0];
    assert_eq!((e["source"]["code"].as_str(), e["target"]["code"].as_str()), (Some("RUS"), Some("KAZ")));
    assert_eq!(e["cameo"], "1312");
    assert_eq!(e["date"], "2024-03-12", "Tuesday before the publication date");
    assert_eq!(e["location"]["name"], "Moscow");
    let html = "<html><head><title>Talks</title><meta property='og:site_name' content='Wire'></head><body>\
        <nav><a href='/'>Home</a> Russia attacked Ukraine</nav><article><h1>Talks in Astana</h1>\
        <p>Kazakhstan hosted Russian officials for talks in Astana on Monday.</p><p>Read More: Russia attacked Ukraine</p>\
        </article></body></html>";
    let r = post_json(
        addr,
        "/v1/code",
        &json!({"html": html, "date": "2024-03-12", "url": "https://wire.example/t"}),
        None,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let body = r.json();
    assert_eq!(body["document"]["url"], "https://wire.example/t");
    let codes: Vec<&str> = body["events"].as_array().unwrap().iter().map(|e| e["cameo"].as_str().unwrap()).collect();
    assert!(
        !codes.is_empty() && codes.iter().all(|c| !c.starts_with("19")),
        "navigation and related links are not coded: {codes:?}"
    );
    assert_eq!(get(addr, "/healthz").json()["store"], before, "POST /v1/code stored something");
}

#[test]
fn bad_input_is_rejected_with_a_message_that_names_it() {
    let addr = shared();
    let cases: &[(&str, Value, &str)] = &[
        ("/v1/code", json!({"text": "x", "txt": "y"}), "unknown field `txt`"),
        ("/v1/code", json!({"text": "Russia met Kazakhstan.", "date": "2024-02-30"}), "YYYY-MM-DD"),
        ("/v1/code", json!({"text": "a", "html": "<p>b</p>"}), "not both"),
        ("/v1/code", json!({"date": "2024-01-01"}), "send `text`"),
        ("/v1/code", json!({"text": "   "}), "empty"),
        ("/v1/code", json!({"text": 42}), "invalid type"),
    ];
    for (path, body, needle) in cases {
        let r = post_json(addr, path, body, None);
        assert_eq!(r.status, 400, "{body}: {}", r.text());
        assert_eq!(r.error_code(), "bad_request");
        assert!(r.error_message().contains(needle), "{body}: {}", r.error_message());
    }
    let r = request(addr, "POST", "/v1/code", &[("content-type", "application/json")], b"{\"text\": ");
    assert_eq!(r.status, 400, "{}", r.text());
    for (query, needle) in [
        ("/v1/events?from=2024-1-5", "bad date '2024-1-5' for `from`"),
        ("/v1/events?from=2024-05-01&to=2024-01-01", "swap them"),
        ("/v1/events?sorce=KAZ", "unknown field `sorce`"),
        ("/v1/events?source=Atlantis", "unknown actor 'Atlantis'"),
        ("/v1/events?root=21", "01 to 20"),
        ("/v1/events?cameo=4x", "two to four digits"),
        ("/v1/events?plover=DANCE", "unknown PLOVER type"),
        ("/v1/events?cursor=page2", "bad cursor"),
        ("/v1/events?limit=100000", "1 to 500"),
        ("/v1/events?limit=ten", "invalid digit"),
        ("/v1/events?q=%22unclosed", "bad text query"),
        ("/v1/series?both_directions=yes", "both_directions"),
        ("/v1/shifts?penalty=lots", "bad penalty"),
        ("/v1/dyads?q=kaz", "applies to /v1/actors"),
    ] {
        let r = get(addr, query);
        assert_eq!(r.status, 400, "{query}: {}", r.text());
        assert!(r.error_message().contains(needle), "{query}: {}", r.error_message());
    }
}

#[test]
fn writes_need_the_key_and_are_idempotent() {
    let server = start(|c| c.api_key = Some("k-1".into()));
    let docs = json!({"documents": [
        {"id": "a", "text": "Kazakhstan signed a trade agreement with Russia in Astana.", "date": "2024-02-01", "outlet": "Wire"},
        {"id": "b", "html": "<html><body><article><p>Russia threatened Kazakhstan with sanctions.</p></article></body></html>", "date": "2024-02-02"}
    ]});
    let r = post_json(server.addr, "/v1/documents", &docs, None);
    assert_eq!((r.status, r.error_code().as_str()), (401, "unauthorized"));
    let r = post_json(server.addr, "/v1/documents", &docs, Some("k-2"));
    assert_eq!(r.status, 401);
    assert!(r.error_message().contains("wrong"));
    let r = request(
        server.addr,
        "POST",
        "/v1/documents",
        &[("content-type", "application/json"), ("x-api-key", "k-1")],
        docs.to_string().as_bytes(),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let body = r.json();
    assert_eq!(body["stored"], 2);
    assert!(body["events"].as_u64().unwrap() >= 2);
    assert_eq!(body["documents"][1]["status"], "stored");
    let r = post_json(server.addr, "/v1/documents", &docs, Some("k-1"));
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["already_stored"], 2);
    // Stored documents are readable at once, with their sentences searchable.
    let found = events(server.addr, "q=sanctions");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["record"]["cameo"], "1312");
    // A bad document anywhere rejects the whole batch, naming it.
    let bad = json!({"documents": [{"text": "fine"}, {"text": "x", "date": "yesterday"}]});
    let r = post_json(server.addr, "/v1/documents", &bad, Some("k-1"));
    assert_eq!(r.status, 400);
    assert!(r.error_message().starts_with("documents[1]"), "{}", r.error_message());
}

#[test]
fn without_a_key_writes_are_disabled_and_say_so() {
    let server = start(|_| {});
    let r = post_json(server.addr, "/v1/documents", &json!({"documents": [{"text": "x"}]}), Some("anything"));
    assert_eq!(r.status, 403);
    assert_eq!(r.error_code(), "writes_disabled");
    assert!(r.error_message().contains("--api-key"), "{}", r.error_message());
    assert_eq!(get(server.addr, "/healthz").json()["writes"], "disabled");
    // Reads and stateless coding still work.
    assert_eq!(get(server.addr, "/v1/events").json()["events"], json!([]));
    let r = post_json(server.addr, "/v1/code", &json!({"text": "Russia praised Kazakhstan."}), None);
    assert_eq!(r.status, 200);
}

#[test]
fn events_page_through_a_dyad_newest_first_without_repeats() {
    let addr = shared();
    let mut seen = HashSet::new();
    let mut last: Option<(String, i64)> = None;
    let mut cursor = String::new();
    let mut pages = 0;
    loop {
        let r = get(addr, &format!("/v1/events?source=KAZ&target=RUS&both_directions=true&limit=40{cursor}"));
        let page = r.json();
        for e in page["events"].as_array().unwrap() {
            let id = e["id"].as_i64().unwrap();
            assert!(seen.insert(id), "record {id} repeated");
            let rec = &e["record"];
            let pair = (rec["source"]["country"].as_str().unwrap(), rec["target"]["country"].as_str().unwrap());
            assert!(pair == ("KAZ", "RUS") || pair == ("RUS", "KAZ"), "{pair:?}");
            let key = (rec["date"].as_str().unwrap_or("").to_string(), id);
            if let Some(prev) = &last {
                assert!(key.0 < prev.0 || (key.0 == prev.0 && key.1 < prev.1), "{key:?} after {prev:?}");
            }
            last = Some(key);
        }
        pages += 1;
        match page["next_cursor"].as_str() {
            Some(c) => cursor = format!("&cursor={c}"),
            None => break,
        }
    }
    assert!(pages >= 4, "{pages} pages");
    // Every record of the dyad was listed: the weekly series counts the same.
    let series = get(addr, "/v1/series?source=KAZ&target=RUS&both_directions=true").json();
    let total: u64 = series["points"].as_array().unwrap().iter().map(|p| p["count"].as_u64().unwrap()).sum();
    assert_eq!(seen.len() as u64, total);
}

#[test]
fn events_filter_by_code_type_words_actor_and_dates() {
    let addr = shared();
    let threats = events(addr, "cameo=13&limit=500");
    assert!(!threats.is_empty());
    assert!(threats.iter().all(|e| e["record"]["cameo"].as_str().unwrap().starts_with("13")));
    let by_root = events(addr, "root=13&limit=500");
    assert_eq!(by_root.len(), threats.len());
    let rejects = events(addr, "plover=REJECT&limit=500");
    assert!(!rejects.is_empty() && rejects.iter().all(|e| e["record"]["plover"]["type"] == "REJECT"));
    let baikonur = events(addr, "q=Baikonur&limit=500");
    assert!(
        !baikonur.is_empty() && baikonur.iter().all(|e| e["record"]["sentence"].as_str().unwrap().contains("Baikonur"))
    );
    let china = events(addr, "actor=CHN&limit=500");
    assert!(china.iter().all(|e| {
        let r = &e["record"];
        r["source"]["country"] == "CHN" || r["target"]["country"] == "CHN"
    }));
    let named = events(addr, "actor=China&limit=500");
    assert_eq!(named.len(), china.len(), "actors can be given by name");
    let march = events(addr, "from=2024-03-01&to=2024-03-31&limit=500");
    assert!(!march.is_empty());
    assert!(march.iter().all(|e| e["record"]["date"].as_str().unwrap().starts_with("2024-03")));
    let places = get(addr, "/v1/places?actor=UKR").json();
    let names: Vec<&str> = places["places"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Kharkiv") && names.contains(&"Kyiv"), "{names:?}");
}

#[test]
fn an_event_shows_its_evidence() {
    let addr = shared();
    let listed = events(addr, "cameo=1312&limit=1");
    let id = listed[0]["id"].as_i64().unwrap();
    let d = get(addr, &format!("/v1/events/{id}")).json();
    let sentence = d["sentence"]["text"].as_str().unwrap();
    assert_eq!(sentence, "Russia threatened Kazakhstan with sanctions.");
    let joined: String = d["segments"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert_eq!(joined, sentence);
    let role = |r: &str| -> Vec<String> {
        d["segments"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["role"] == r)
            .map(|s| s["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(role("source"), ["Russia"]);
    assert_eq!(role("target"), ["Kazakhstan"]);
    // The trigger spans the target; the target's words are marked as the target.
    assert_eq!(d["evidence"]["trigger"]["text"], "threatened Kazakhstan with sanctions");
    assert_eq!(role("trigger"), ["threatened", "with sanctions"]);
    // Evidence spans are byte offsets into the body, inside the sentence.
    let (s0, s1) = (d["sentence"]["start"].as_u64().unwrap(), d["sentence"]["end"].as_u64().unwrap());
    for span in ["trigger", "source", "target"] {
        let (a, b) = (d["evidence"][span]["start"].as_u64().unwrap(), d["evidence"][span]["end"].as_u64().unwrap());
        assert!(s0 <= a && a < b && b <= s1, "{span}: {a}..{b} outside {s0}..{s1}");
        let text = &sentence[(a - s0) as usize..(b - s0) as usize];
        assert_eq!(text, d["evidence"][span]["text"].as_str().unwrap(), "{span}");
    }
    assert_eq!(d["codes"]["cameo"]["code"], "1312");
    assert!(d["codes"]["cameo"]["name"].as_str().unwrap().to_lowercase().contains("sanction"));
    assert_eq!(d["codes"]["root"]["name"], "THREATEN");
    assert_eq!(d["codes"]["quad_name"], "verbal conflict");
    assert_eq!(d["source_name"], "Russia");
    assert!(d["document"]["url"].as_str().unwrap().starts_with("https://"));
    assert!(d["document"]["title"].as_str().unwrap().starts_with("Regional roundup"));
    assert!(d["aggregate_mentions"].as_u64().unwrap() >= 1);
}

#[test]
fn series_and_shifts_show_the_turn_to_conflict() {
    let addr = shared();
    let s = get(addr, "/v1/series?source=Kazakhstan&target=RUS&both_directions=true&period=month").json();
    assert_eq!(s["source"], "KAZ", "names are read as codes");
    assert_eq!(s["period"], "month");
    let points = s["points"].as_array().unwrap();
    let month = |m: &str| points.iter().find(|p| p["start"] == m).unwrap_or_else(|| panic!("{m}: {s}"));
    let (feb, may) = (month("2024-02-01"), month("2024-05-01"));
    assert!(feb["goldstein_mean"].as_f64().unwrap() > 2.0, "{feb}");
    assert!(may["goldstein_mean"].as_f64().unwrap() < -2.0, "{may}");
    assert_eq!(feb["verbal_conflict"].as_u64().unwrap() + feb["material_conflict"].as_u64().unwrap(), 0);
    let count = |p: &Value| {
        ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
            .iter()
            .map(|k| p[k].as_u64().unwrap())
            .sum::<u64>()
    };
    assert!(points.iter().all(|p| count(p) == p["count"].as_u64().unwrap()));
    let sh = get(addr, "/v1/shifts?source=KAZ&target=RUS&both_directions=true").json();
    let tone: Vec<&Value> = sh["shifts"].as_array().unwrap().iter().filter(|s| s["kind"] == "tone").collect();
    assert_eq!(tone.len(), 1, "{sh}");
    assert_eq!(tone[0]["direction"], "toward conflict");
    assert!(tone[0]["date"].as_str().unwrap().starts_with("2024-04"), "{}", tone[0]["date"]);
    let drivers = tone[0]["drivers"].as_array().unwrap();
    assert!(!drivers.is_empty() && drivers.iter().all(|d| d["record"]["goldstein"].as_f64().unwrap() < 0.0));
}

#[test]
fn actors_are_found_as_you_type_and_dyads_are_ranked() {
    let addr = shared();
    let a = get(addr, "/v1/actors?q=kaz").json();
    assert_eq!(a["actors"][0]["code"], "KAZ");
    assert_eq!(a["actors"][0]["name"], "Kazakhstan");
    let by_name = get(addr, "/v1/actors?q=stan").json();
    assert!(by_name["actors"].as_array().unwrap().iter().any(|x| x["code"] == "KAZ"));
    let codes = get(addr, "/v1/actors?q=rusg&codes=true").json();
    assert_eq!(codes["actors"][0]["code"], "RUSGOV");
    assert_eq!(codes["actors"][0]["name"], "Russia government");
    let top = get(addr, "/v1/actors?top=3").json();
    assert_eq!(top["actors"].as_array().unwrap().len(), 3);
    let d = get(addr, "/v1/dyads?top=3").json();
    let dyads = d["dyads"].as_array().unwrap();
    assert_eq!((dyads[0]["source"].as_str(), dyads[0]["target"].as_str()), (Some("KAZ"), Some("RUS")));
    assert!(dyads.windows(2).all(|w| w[0]["count"].as_u64() >= w[1]["count"].as_u64()));
    let ukr = get(addr, "/v1/dyads?top=20").json();
    let rus_ukr =
        ukr["dyads"].as_array().unwrap().iter().find(|x| x["source"] == "RUS" && x["target"] == "UKR").unwrap();
    assert_eq!(rus_ukr["balance"], -1.0);
    let cb = get(addr, "/v1/codebook").json();
    assert_eq!(cb["cameo_roots"].as_array().unwrap().len(), 20);
    assert_eq!(cb["plover"].as_array().unwrap().len(), 16);
}

#[test]
fn the_dashboard_is_served_from_the_binary() {
    let addr = shared();
    let page = get(addr, "/");
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").unwrap().starts_with("text/html"));
    let html = page.text();
    let script = html.split("src=\"").find_map(|s| s.split('"').next().filter(|p| p.ends_with(".js"))).unwrap();
    let js = get(addr, script);
    assert_eq!(js.status, 200, "{script}");
    assert!(js.header("content-type").unwrap().starts_with("text/javascript"));
    assert!(js.header("cache-control").unwrap().contains("immutable"));
    let etag = page.header("etag").unwrap().to_string();
    let again = request(addr, "GET", "/", &[("if-none-match", &etag)], b"");
    assert_eq!(again.status, 304);
    // Nothing on the page is fetched from elsewhere.
    for attr in ["src=\"http", "href=\"http", "src=\"//", "href=\"//"] {
        assert!(!html.contains(attr), "{html}");
    }
    let missing = get(addr, "/assets/none.js");
    assert_eq!((missing.status, missing.error_code().as_str()), (404, "not_found"));
    let r = request(addr, "DELETE", "/v1/events", &[], b"");
    assert_eq!((r.status, r.error_code().as_str()), (405, "method_not_allowed"));
    let _ = KEY;
    let _ = news_body;
}
