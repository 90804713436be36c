//! Dictionary load time, best of ten: `cargo run --release -p dyad-coder --example loadtime`.
//! Reports the pipelined load the coder uses, a whole `Coder::embedded` (with its word lexicon
//! and codebook), and, for comparison, parsing then compiling as two steps.

/// The allocator the `dyad` binary ships with, so measurements match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let (mut parse, mut compile, mut pipelined, mut coder) = (f64::MAX, f64::MAX, f64::MAX, f64::MAX);
    for _ in 0..10 {
        let t0 = std::time::Instant::now();
        let d = dyad_dict::Dictionaries::embedded_unchecked();
        let t1 = t0.elapsed();
        let c = d.compile();
        let t2 = t0.elapsed();
        parse = parse.min(t1.as_secs_f64());
        compile = compile.min((t2 - t1).as_secs_f64());
        drop((d, c));
        let t0 = std::time::Instant::now();
        let both = dyad_dict::Dictionaries::embedded_compiled();
        pipelined = pipelined.min(t0.elapsed().as_secs_f64());
        drop(both);
        let t0 = std::time::Instant::now();
        let c = dyad_coder::Coder::embedded();
        coder = coder.min(t0.elapsed().as_secs_f64());
        drop(c);
    }
    println!(
        "dictionary load (best of 10): {:.1} ms pipelined ({:.1} ms for a whole Coder); as two steps parse {:.1} ms + compile {:.1} ms = {:.1} ms",
        pipelined * 1e3,
        coder * 1e3,
        parse * 1e3,
        compile * 1e3,
        (parse + compile) * 1e3
    );
}
