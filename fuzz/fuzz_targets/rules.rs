//! Rules parser and evaluator: any text either fails with an error or gives rules that stratify
//! or are rejected, and evaluate to a fixpoint on a small graph without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use normgraph::rules::{evaluate, parse_rules, Index};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Triple;
use std::path::Path;

const DATA: &str = "@prefix : <http://e/> . :a :p :b . :b :p :c . :c :q \"x\" . :a a :T .";

fuzz_target!(|text: &str| {
    let Ok(rules) = parse_rules(text, Path::new("fuzz.n3")) else {
        return;
    };
    let triples: Vec<Triple> = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(DATA.as_bytes())
        .filter_map(Result::ok)
        .map(Triple::from)
        .collect();
    let _ = evaluate(Index::from_triples(triples), &rules);
});
