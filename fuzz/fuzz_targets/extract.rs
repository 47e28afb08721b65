//! Statement reader and extractor: any bytes either fail cleanly or give facts whose surfaces
//! are exactly the text at their character offsets.
#![no_main]

use libfuzzer_sys::fuzz_target;
use normgraph::extract::extract;
use normgraph::extract::lexicon::Lexicon;
use normgraph::source::reader::decode;
use normgraph::rdf::resources::Resources;
use std::path::Path;
use std::sync::LazyLock;

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::load(&Resources::Embedded).expect("embedded lexicon"));

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = decode(Path::new("fuzz.txt"), data) else {
        return;
    };
    let Ok(ex) = extract(&doc, &LEXICON, None) else {
        return;
    };
    let chars: Vec<char> = doc.text.chars().collect();
    for c in &ex.citations {
        let at: String = chars[c.span.start..c.span.end].iter().collect();
        assert_eq!(at, c.span.surface);
    }
    for m in ex.threats.iter().chain(&ex.principles).chain(&ex.bodies) {
        let at: String = chars[m.span.start..m.span.end].iter().collect();
        assert_eq!(at, m.span.surface);
    }
    let _ = normgraph::rdf::model::quads(&ex);
});
