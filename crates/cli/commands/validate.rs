//! `normgraph validate`: the store (or an RDF file) against the SHACL shapes of the model.

use super::{BadInput, Context};
use crate::args::{ValidateArgs, ValidateFormat};
use anyhow::Result;
use normgraph::query::shacl::{self, Shapes};
use normgraph::rdf::{resources, vocab};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode};
use oxigraph::store::Store;
use std::io::Write;
use std::path::Path;

/// Runs `normgraph validate`; validation results are bad input (exit 3) when any is a
/// violation.
pub fn run(ctx: &Context, args: ValidateArgs) -> Result<()> {
    let shapes = match &args.shapes {
        Some(path) => {
            let text = normgraph::source::file::read_text(path)?;
            Shapes::parse(&text, path)?
        }
        None => {
            let files = ctx.resources.shapes()?;
            let Some(file) = files.first() else {
                return Err(BadInput(
                    "no shapes in ontology/shapes/ (give --shapes FILE)".to_owned(),
                )
                .into());
            };
            let mut text = String::new();
            for f in &files {
                text.push_str(&f.text);
                text.push('\n');
            }
            Shapes::parse(&text, &file.origin)?
        }
    };
    let results = match &args.data {
        Some(path) => shapes.validate(&data_store(ctx, path)?)?,
        None => shapes.validate(&ctx.open_store_for_reading()?)?,
    };
    let violations = results.iter().filter(|v| v.severity == "Violation").count();
    let mut out = std::io::stdout().lock();
    match args.format {
        ValidateFormat::Text => write!(out, "{}", shacl::report(&results))?,
        ValidateFormat::Json => writeln!(
            out,
            "{}",
            serde_json::json!({ "conforms": violations == 0, "results": results })
        )?,
    }
    out.flush()?;
    if violations > 0 {
        let what = args.data.as_deref().map_or_else(
            || ctx.store.display().to_string(),
            |p| p.display().to_string(),
        );
        return Err(BadInput(format!(
            "{what}: {violations} violation{} of the shapes",
            if violations == 1 { "" } else { "s" }
        ))
        .into());
    }
    Ok(())
}

/// An in-memory store with the file (its graphs as they are, triples in the default graph)
/// and, unless it holds the ontology graph itself (a whole export), the ontology and reference
/// data it refers to (class hierarchy, delegations, bodies).
fn data_store(ctx: &Context, path: &Path) -> Result<Store> {
    let format = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(RdfFormat::from_extension)
        .ok_or_else(|| {
            BadInput(format!(
                "{}: cannot tell the RDF syntax from the extension (.ttl, .nt, .nq, .trig, .rdf, .jsonld)",
                path.display()
            ))
        })?;
    let text = normgraph::source::file::read_text(path)?;
    let store = Store::new()?;
    for quad in RdfParser::from_format(format).for_reader(text.as_bytes()) {
        let quad = quad.map_err(|e| match e {
            oxigraph::io::RdfParseError::Syntax(s) => {
                anyhow::Error::from(resources::syntax_error(path, &s))
            }
            oxigraph::io::RdfParseError::Io(e) => anyhow::Error::from(e),
        })?;
        store.insert(&quad)?;
    }
    // A whole export carries the vocabulary already (and may change it: it is validated as it
    // is); a statement exported alone gets it added.
    let ontology = NamedNode::new_unchecked(vocab::ontology_graph());
    if store.contains_named_graph(&ontology)? {
        return Ok(store);
    }
    for (graph, files) in [
        (vocab::ontology_graph(), ctx.resources.ontology()?),
        (vocab::reference_graph(), ctx.resources.reference()?),
    ] {
        let quads = resources::resource_quads(&files, &graph)?;
        let graph = GraphName::NamedNode(NamedNode::new_unchecked(graph));
        store.extend(quads.into_iter().map(|mut q| {
            q.graph_name = graph.clone();
            q
        }))?;
    }
    Ok(store)
}
