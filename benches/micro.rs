//! Criterion micro-benchmarks of the hot paths: extraction of one statement, citation finding
//! and normalisation, N-Quads generation, and the rules' semi-naive join to fixpoint.
//!
//! `cargo bench --bench micro` (add `-- <filter>` for one of them). Inputs are the shipped seed
//! statement and synthetic data, so the figures compare across commits on one machine.

#![allow(missing_docs)] // criterion_group! defines undocumented functions

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use normgraph::extract::lexicon::Lexicon;
use normgraph::extract::{citations, extract};
use normgraph::rdf::model;
use normgraph::rdf::resources::Resources;
use normgraph::rules::{evaluate, parse_files, Index};
use normgraph::source::reader;
use normgraph_dev::synth::{generate, speech, SynthConfig};
use oxigraph::io::{RdfFormat, RdfSerializer};
use std::hint::black_box;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn hot_paths(c: &mut Criterion) {
    let resources = Resources::Folder(root());
    let lexicon = Lexicon::load(&resources).expect("lexicon");
    let doc = reader::read_document(&root().join("data/statements/001_e9acb2ec0aff198f.txt"))
        .expect("seed statement");

    let mut g = c.benchmark_group("extraction");
    g.throughput(Throughput::Bytes(doc.text.len() as u64));
    g.bench_function("seed statement (2020 submission)", |b| {
        b.iter(|| extract(black_box(&doc), &lexicon, None).expect("extracts"))
    });
    g.finish();

    // Citations in the written forms of UN documents, with distractors, as in a long speech.
    let text = speech(1, 0, 20_000).text;
    let mut g = c.benchmark_group("citations");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("find and normalise (20 KB speech)", |b| {
        b.iter(|| citations::find(black_box(&text)))
    });
    g.finish();

    let ex = extract(&doc, &lexicon, None).expect("extracts");
    let quads = model::quads(&ex);
    let mut g = c.benchmark_group("nquads");
    g.throughput(Throughput::Elements(quads.len() as u64));
    g.bench_function("model quads of the seed statement", |b| {
        b.iter(|| model::quads(black_box(&ex)))
    });
    g.bench_function("serialise them as N-Quads", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(1 << 20);
            let mut ser = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(&mut out);
            for q in &quads {
                ser.serialize_quad(q).expect("serialises");
            }
            ser.finish().expect("finishes");
            out
        })
    });
    g.finish();

    let rules = parse_files(&resources.rules().expect("rules")).expect("shipped rules parse");
    let mut triples = Vec::new();
    generate(&SynthConfig::for_triples(20_000), |t| triples.push(t));
    let mut g = c.benchmark_group("rules");
    g.sample_size(20);
    g.throughput(Throughput::Elements(triples.len() as u64));
    g.bench_function("semi-naive to fixpoint (20k synthetic triples)", |b| {
        b.iter(|| {
            evaluate(Index::from_triples(triples.iter().cloned()), &rules).expect("evaluates")
        })
    });
    g.finish();
}

criterion_group!(benches, hot_paths);
criterion_main!(benches);
