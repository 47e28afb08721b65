//! Citation normaliser: spans on character boundaries, ids in the documented shapes, and the id
//! normalises to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use normgraph::extract::citations::find;

fuzz_target!(|text: &str| {
    for c in find(text) {
        assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end) && c.start < c.end);
        assert!(c.id.starts_with("A/RES/") || c.id.starts_with("S/RES/"), "{}", c.id);
        let again = find(&format!("see {} here", c.id));
        assert_eq!(again.len(), 1, "{}", c.id);
        assert_eq!(again[0].id, c.id);
    }
});
