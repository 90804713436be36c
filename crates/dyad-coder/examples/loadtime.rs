//! Dictionary load time, best of ten: `cargo run --release -p dyad-coder --example loadtime`.
fn main() {
    let (mut parse, mut compile) = (f64::MAX, f64::MAX);
    for _ in 0..10 {
        let t0 = std::time::Instant::now();
        let d = dyad_dict::Dictionaries::embedded_unchecked();
        let t1 = t0.elapsed();
        let c = d.compile();
        let t2 = t0.elapsed();
        parse = parse.min(t1.as_secs_f64());
        compile = compile.min((t2 - t1).as_secs_f64());
        drop(c);
    }
    println!(
        "dictionary load (best of 10): parse {:.1} ms + compile {:.1} ms = {:.1} ms",
        parse * 1e3,
        compile * 1e3,
        (parse + compile) * 1e3
    );
}
