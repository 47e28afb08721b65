//! `normgraph explain`: why a triple holds, down to the quoted sentences.

use super::{say, BadInput, Context, NotFound};
use crate::args::{ExplainArgs, ExplainFormat};
use anyhow::Result;
use normgraph::query::term::parse_term;
use normgraph::rules::{self, explain};
use oxigraph::model::{NamedOrBlankNode, Term, Triple};
use std::io::Write;

/// Runs `normgraph explain`.
pub fn run(ctx: &Context, args: ExplainArgs) -> Result<()> {
    let (s, p, o) = (
        parse_term(&args.subject)?,
        parse_term(&args.predicate)?,
        parse_term(&args.object)?,
    );
    let subject = match s {
        Term::NamedNode(n) => NamedOrBlankNode::NamedNode(n),
        Term::BlankNode(b) => NamedOrBlankNode::BlankNode(b),
        _ => return Err(BadInput("the subject must be an IRI".into()).into()),
    };
    let Term::NamedNode(predicate) = p else {
        return Err(BadInput("the predicate must be an IRI".into()).into());
    };
    let triple = Triple::new(subject, predicate, o);
    let rules = rules::load_rule_set(&ctx.resources, args.rules.as_deref())?;
    let db = ctx.open_store_for_reading()?;
    let Some(proof) =
        rules::explain_in_store(&db, &ctx.store, &rules, &triple, args.max, args.recompute)?
    else {
        return Err(NotFound(format!(
            "{triple} does not hold: it is neither asserted nor derived by the rules"
        ))
        .into());
    };
    match args.format {
        ExplainFormat::Text => {
            write!(std::io::stdout().lock(), "{}", explain::render_text(&proof))?
        }
        ExplainFormat::Json => say!("{}", serde_json::to_string_pretty(&proof)?),
        ExplainFormat::Turtle => write!(
            std::io::stdout().lock(),
            "{}",
            explain::render_turtle(&proof)
        )?,
    }
    Ok(())
}
