//! Embeds every dictionary file under `data/` into the library, so the `dyad` binary codes text
//! with no files on disk.

use std::path::{Path, PathBuf};
use std::{env, fs};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push((rel, path.canonicalize().unwrap()));
        }
    }
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let data = manifest.join("../../data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut files = Vec::new();
    for sub in ["actors", "verbs", "words"] {
        println!("cargo:rerun-if-changed={}", data.join(sub).display());
        collect(&data.join(sub), &data, &mut files);
    }
    files.sort();
    let mut src = String::from("/// Dictionary files compiled into the binary: (path under data/, contents).\n");
    src.push_str("pub static EMBEDDED: &[(&str, &str)] = &[\n");
    for (rel, path) in &files {
        src.push_str(&format!("    ({rel:?}, include_str!({:?})),\n", path.display().to_string()));
    }
    src.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("embedded.rs");
    fs::write(out, src).unwrap();
}
