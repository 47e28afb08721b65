//! Rules: user-editable N3 rules evaluated to a fixpoint over the graph, with explanations.
//!
//! Stages, one module each: [`parse`] (N3 files → checked rules), [`stratify`] (dependency graph
//! of predicates, stratified negation), [`eval`] (semi-naive Datalog evaluation over an
//! in-memory index of the store's triples), [`explain`] (proof trees down to the quoted
//! sentence).
//!
//! Semantics: positive Datalog over triples, plus negation as failure written
//! `?SCOPE log:notIncludes { … }` (the pattern must not hold in the graph; stratified) and a few
//! builtins (`log:equalTo`, `log:notEqualTo`, `math:greaterThan`, `math:lessThan`,
//! `string:contains`, `string:startsWith`). Rules may not create blank nodes: a blank node in a
//! rule head is rejected, so evaluation always terminates.

pub mod eval;
pub mod explain;
pub mod parse;
pub mod stratify;

pub use eval::{evaluate, evaluate_within, Bounds, Evaluation, Index};
pub use parse::{load_rules, parse_files, parse_rules, Atom, Builtin, Rule, Slot};

pub use crate::error::RuleError;

use crate::rdf::resources::Resources;
use crate::rdf::vocab;
use eval::FactSet;
use oxigraph::model::{Literal, NamedNode, Term, Triple};
use oxigraph::store::Store;
use std::path::Path;

/// The rules to run: those of `path` (a file or a folder of `*.n3`), or the shipped ones.
pub fn load_rule_set(resources: &Resources, path: Option<&Path>) -> Result<Vec<Rule>, RuleError> {
    match path {
        Some(p) => load_rules(p),
        None => parse_files(&resources.rules()?),
    }
}

/// The rules evaluated over a store's asserted facts: what `infer` stores and `explain` reads.
pub struct StoreEvaluation {
    /// The evaluation (base and derived facts, per-rule counts).
    pub evaluation: Evaluation,
    /// The asserted facts it started from.
    pub asserted: FactSet,
}

/// Evaluates `rules` to a fixpoint over the asserted triples of the store (everything outside
/// the inferred graph), within `bounds`. `path` names the store in errors.
pub fn evaluate_store(
    store: &Store,
    path: &Path,
    rules: &[Rule],
    bounds: Bounds,
) -> Result<StoreEvaluation, RuleError> {
    evaluate_store_with(store, path, rules, bounds, None)
}

/// The triple patterns a rule set can read or derive: per predicate, the objects its atoms
/// name when every atom with that predicate names one (`rdf:type` with a class), else `None`
/// (any object). `None` overall when an atom's predicate is a variable (every triple may
/// matter).
fn rule_patterns(rules: &[Rule]) -> Option<Vec<crate::store::PredicatePattern>> {
    let mut out: Vec<crate::store::PredicatePattern> = Vec::new();
    for r in rules {
        let atoms = r
            .body
            .iter()
            .chain(r.negated.iter().flatten())
            .chain(std::iter::once(&r.head));
        for atom in atoms {
            let Slot::Const(Term::NamedNode(p)) = &atom[1] else {
                return None;
            };
            let i = match out.iter().position(|(q, _)| q == p) {
                Some(i) => i,
                None => {
                    out.push((p.clone(), Some(Vec::new())));
                    out.len() - 1
                }
            };
            match (&mut out[i].1, &atom[2]) {
                (Some(objects), Slot::Const(o)) => {
                    if !objects.contains(o) {
                        objects.push(o.clone());
                    }
                }
                (objects, Slot::Var(_)) => *objects = None,
                (None, _) => {}
            }
        }
    }
    Some(out)
}

/// [`evaluate_store`], reading from the store only the triples whose predicate a rule names
/// (and `also`): a fact with any other predicate can match no atom, and skipping them (the
/// sentences, quotes and offsets of the evidence) is most of the cost of a run.
fn evaluate_store_with(
    store: &Store,
    path: &Path,
    rules: &[Rule],
    bounds: Bounds,
    also: Option<&NamedNode>,
) -> Result<StoreEvaluation, RuleError> {
    stratify::strata(rules)?;
    let mut patterns = rule_patterns(rules);
    if let (Some(ps), Some(p)) = (&mut patterns, also) {
        ps.retain(|(q, _)| q != p);
        ps.push((p.clone(), None));
    }
    let base = Index::from_triples(crate::store::asserted_triples_with(
        store,
        path,
        patterns.as_deref(),
    )?);
    let asserted = base.facts.clone();
    let evaluation = evaluate_within(base, rules, bounds)?;
    Ok(StoreEvaluation {
        evaluation,
        asserted,
    })
}

/// What [`infer`] derived.
pub struct Inferred {
    /// The triples now in the inferred graph.
    pub triples: usize,
    /// For each rule (in input order): how many new facts it derived first.
    pub per_rule: Vec<usize>,
    /// Rounds of semi-naive evaluation.
    pub rounds: usize,
}

/// Runs `rules` over the store within `bounds` and replaces its inferred graph with what they
/// derive (in one transaction: a failed run, or one that passes a bound, leaves the previous
/// inferred graph in place).
pub fn infer(
    store: &Store,
    path: &Path,
    rules: &[Rule],
    bounds: Bounds,
) -> Result<Inferred, RuleError> {
    let ev = evaluate_store(store, path, rules, bounds)?.evaluation;
    let mut derived: Vec<Triple> = ev
        .derived
        .iter()
        .filter_map(|f| ev.index.triple(f))
        .collect();
    let triples = derived.len();
    // Which rules derived the graph, for `explain` (see `explain::explain_stored`).
    derived.push(digest_triple(rules));
    crate::store::replace_inferred(store, path, &derived)?;
    Ok(Inferred {
        triples,
        per_rule: ev.per_rule,
        rounds: ev.rounds,
    })
}

/// The triple `infer` adds to the inferred graph to say which rules derived it:
/// `<…/graph/inferred> ng:rulesDigest "…"`, with the digest of [`explain::rules_digest`].
pub fn digest_triple(rules: &[Rule]) -> Triple {
    Triple::new(
        NamedNode::new_unchecked(vocab::inferred_graph()),
        NamedNode::new_unchecked(format!("{}rulesDigest", vocab::NG)),
        Literal::new_simple_literal(explain::rules_digest(rules)),
    )
}

/// Why `triple` holds in the store: its proof (at most `max` derivations per triple), or `None`
/// when it is neither asserted nor derived. When the store's inferred graph was derived by these
/// rules (and the facts have not changed since: ingest and corrections drop it), the proof is
/// searched for in the store from the triple down, in milliseconds; otherwise the rules are run
/// to their fixpoint first (always, with `recompute`).
pub fn explain_in_store(
    store: &Store,
    path: &Path,
    rules: &[Rule],
    triple: &Triple,
    max: usize,
    recompute: bool,
) -> Result<Option<explain::Proof>, RuleError> {
    let err = |e| crate::store::storage_error(path, e);
    let stored = NamedNode::new_unchecked(vocab::inferred_graph());
    if !recompute
        && store
            .contains(digest_triple(rules).as_ref().in_graph(stored.as_ref()))
            .map_err(err)?
    {
        // The inferred graph is what these rules derive from the facts now in the store.
        return Ok(explain::explain_stored(store, rules, triple, max).map_err(err)?);
    }
    let run = evaluate_store_with(
        store,
        path,
        rules,
        Bounds::default(),
        Some(&triple.predicate),
    )?;
    Ok(explain::explain(
        &run.evaluation,
        rules,
        &run.asserted,
        store,
        triple,
        max,
    ))
}
