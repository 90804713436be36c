//! Measures `Gazetteer::embedded()`: build time, heap in use afterwards, places and keys.
//!
//! ```sh
//! cargo run --release -p dyad-geo --example gazetteer_stats
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use dyad_geo::{Gazetteer, PlaceKind, Sources};

/// Counts bytes currently allocated.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn main() {
    let src = Sources::embedded();
    let data = src.cities.len() + src.countries.len() + src.sites.len() + src.aliases.len() + src.blocklist.len();
    let mut times = Vec::new();
    let mut kept = None;
    for _ in 0..5 {
        let before = IN_USE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let t = Instant::now();
        let g = Gazetteer::embedded();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        let heap = IN_USE.load(Ordering::Relaxed) - before;
        let peak = PEAK.load(Ordering::Relaxed) - before;
        kept = Some((g, heap, peak));
    }
    let (g, heap, peak) = kept.unwrap();
    times.sort_by(f64::total_cmp);
    let count = |k: PlaceKind| g.places().iter().filter(|p| p.kind == k).count();
    let sites = g.places().iter().filter(|p| p.is_site()).count();
    println!("embedded data: {:.1} MB", data as f64 / 1e6);
    println!(
        "places: {} ({} cities, {} capitals, {} sites)",
        g.len(),
        count(PlaceKind::City),
        count(PlaceKind::Capital),
        sites
    );
    println!("keys: {}", g.key_count());
    println!(
        "build: median {:.1} ms (min {:.1}, max {:.1}) over {} runs",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len()
    );
    println!("heap after build: {:.1} MB (peak during build {:.1} MB)", heap as f64 / 1e6, peak as f64 / 1e6);
}
