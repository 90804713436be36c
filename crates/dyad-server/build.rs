//! Rebuilds the crate when the dashboard's built assets change: rust-embed compiles `web/dist`
//! into the binary, and a new build adds files with new (hashed) names that no `include_bytes!`
//! would notice.

fn main() {
    println!("cargo:rerun-if-changed=../../web/dist");
}
