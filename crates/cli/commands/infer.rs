//! `normgraph infer`: the rules run to a fixpoint, their conclusions stored in the inferred graph.

use super::{say, Context};
use crate::args::InferArgs;
use anyhow::Result;
use normgraph::rdf::vocab;
use normgraph::rules;
use std::io::Write;
use std::time::Instant;

/// Runs `normgraph infer`.
pub fn run(ctx: &Context, args: InferArgs) -> Result<()> {
    let started = Instant::now();
    let timeout = args
        .timeout
        .map(|t| super::seconds("--timeout", t))
        .transpose()?;
    let bounds = rules::Bounds {
        max_derived: args.max_derived,
        deadline: timeout.map(|t| started + t),
    };
    let rules = rules::load_rule_set(&ctx.resources, args.rules.as_deref())?;
    rules::stratify::strata(&rules)?;
    let db = ctx.open_store()?;
    let inferred = rules::infer(&db, &ctx.store, &rules, bounds)?;
    for (rule, n) in rules.iter().zip(&inferred.per_rule) {
        let label = if rule.label.is_empty() {
            String::new()
        } else {
            format!("  {}", rule.label)
        };
        say!("{n:>8}  {}{label}", rule.id);
    }
    eprintln!(
        "derived {} triples with {} rules in {} rounds into <{}> in {:.2} s",
        inferred.triples,
        rules.len(),
        inferred.rounds,
        vocab::inferred_graph(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
