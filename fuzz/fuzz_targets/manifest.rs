//! Manifest reader: any bytes give a manifest or an error naming the line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use normgraph::source::manifest::Manifest;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = Manifest::from_bytes(Path::new("/tmp/fuzz-manifest/manifest.csv"), data) {
        assert!(e.to_string().starts_with("/tmp/fuzz-manifest/manifest.csv:"));
    }
});
