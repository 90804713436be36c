//! Limits and lifecycle: body size, time limit, bounded concurrency, graceful shutdown.

use crate::{eventually, get, request, start};
use std::time::Duration;

/// A long article: coding it takes a while in any build.
fn long_article(sentences: usize) -> String {
    let text: Vec<&str> = (0..sentences)
        .map(|i| match i % 3 {
            0 => "Russia threatened Kazakhstan with sanctions in Moscow.",
            1 => "Kazakhstan signed a trade agreement with China in Astana.",
            _ => "Ukraine accused Russia of war crimes in Kyiv.",
        })
        .collect();
    serde_json::json!({ "text": text.join(" "), "date": "2024-03-12" }).to_string()
}

#[test]
fn large_bodies_are_refused_with_413() {
    let server = start(|c| c.max_body_bytes = 2_000);
    let r =
        request(server.addr, "POST", "/v1/code", &[("content-type", "application/json")], long_article(100).as_bytes());
    assert_eq!(r.status, 413, "{}", r.text());
    assert_eq!(r.error_code(), "payload_too_large");
    let small =
        request(server.addr, "POST", "/v1/code", &[("content-type", "application/json")], long_article(2).as_bytes());
    assert_eq!(small.status, 200);
}

#[test]
fn too_many_documents_are_refused() {
    let server = start(|c| {
        c.api_key = Some("k".into());
        c.max_documents = 2;
    });
    let body = r#"{"documents": [{"text": "a"}, {"text": "b"}, {"text": "c"}]}"#;
    let r = request(
        server.addr,
        "POST",
        "/v1/documents",
        &[("content-type", "application/json"), ("authorization", "Bearer k")],
        body.as_bytes(),
    );
    assert_eq!(r.status, 413);
    assert!(r.error_message().contains("at most 2"), "{}", r.error_message());
}

#[test]
fn slow_requests_time_out_with_json_and_health_still_answers() {
    let server = start(|c| c.timeout = Duration::from_millis(1));
    let r =
        request(server.addr, "POST", "/v1/code", &[("content-type", "application/json")], long_article(300).as_bytes());
    assert_eq!(r.status, 503, "{}", r.text());
    assert_eq!(r.error_code(), "timeout");
    assert!(r.error_message().contains("0.001 s"), "{}", r.error_message());
    assert_eq!(get(server.addr, "/healthz").status, 200, "health checks are outside the limits");
}

#[test]
fn requests_beyond_the_concurrency_limit_wait_for_a_slot() {
    // One slot and a short time limit: a second request arriving while a slow one holds the
    // slot waits, and runs out of time waiting.
    let server = start(|c| {
        c.concurrency = 1;
        c.timeout = Duration::from_millis(1500);
    });
    let addr = server.addr;
    let slow = std::thread::spawn(move || {
        request(addr, "POST", "/v1/code", &[("content-type", "application/json")], long_article(3000).as_bytes())
    });
    std::thread::sleep(Duration::from_millis(200));
    let waited = get(addr, "/v1/codebook");
    let slow = slow.join().unwrap();
    if slow.status == 503 {
        // The slow request itself ran out of time, so the slot was held throughout.
        assert_eq!(waited.status, 503, "{}", waited.text());
        assert_eq!(waited.error_code(), "timeout");
    } else {
        // A fast machine finished the slow request first: the second one got the slot after it.
        assert_eq!(slow.status, 200);
        assert!(waited.status == 200 || waited.status == 503);
    }
}

#[test]
fn shutdown_finishes_open_requests_and_stops_accepting() {
    let server = start(|_| {});
    let addr = server.addr;
    let open = std::thread::spawn(move || {
        request(addr, "POST", "/v1/code", &[("content-type", "application/json")], long_article(600).as_bytes())
    });
    std::thread::sleep(Duration::from_millis(150));
    drop(server); // signals shutdown and waits for the server to stop
    let r = open.join().unwrap();
    assert_eq!(r.status, 200, "the request in flight completed: {}", r.text());
    assert!(r.json()["events"].as_array().unwrap().len() >= 600);
    assert!(eventually(5, || std::net::TcpStream::connect(addr).is_err()), "still accepting after shutdown");
}
