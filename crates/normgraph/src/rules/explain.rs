//! Explanations: why a triple holds, as proof trees down to the quoted sentence.
//!
//! A triple explains itself by its evidence when it is asserted. When it is derived, every rule
//! whose head matches it is tried backwards: each way the rule's body is satisfied in the graph
//! (asserted and derived facts) is a derivation, and each premise is explained in turn. A premise
//! already on the path being explained is marked as a cycle; `max` bounds the derivations shown
//! per triple and the depth.

use super::eval::{join, side_conditions, CSlot, Evaluation, Fact, FactSet};
use super::{Atom, Rule, Slot};
use crate::rdf::vocab;
use oxigraph::model::{Term, Triple};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use serde::Serialize;

/// The evidence of an asserted triple: where it came from and the text behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The named graph holding the triple.
    pub graph: String,
    /// The statement the span is in, when the graph is a statement's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// Its source file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The evidence node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// The quoted text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Character offset of the quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<u64>,
    /// End offset of the quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<u64>,
    /// The sentence around it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
}

/// A proof tree.
#[derive(Debug, Clone, Serialize)]
pub struct Proof {
    /// The triple, in N-Triples syntax.
    pub triple: String,
    /// Whether it is asserted (in the store outside the inferred graph).
    pub asserted: bool,
    /// Evidence, for an asserted triple.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Derivations, for a derived triple.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub derivations: Vec<Derivation>,
    /// The triple is already being explained further up (a cycle); not expanded again.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cycle: bool,
    /// More derivations exist than `max` allowed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
    /// Not expanded: the proof is deeper than 32 steps or larger than 5,000 derivations.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cut_off: bool,
}

impl Proof {
    /// The proof of `triple` (N-Triples) before its evidence or derivations are added.
    fn new(triple: String, asserted: bool) -> Self {
        Self {
            triple,
            asserted,
            evidence: Vec::new(),
            derivations: Vec::new(),
            cycle: false,
            truncated: false,
            cut_off: false,
        }
    }
}

/// One way a triple is derived.
#[derive(Debug, Clone, Serialize)]
pub struct Derivation {
    /// The rule (`file.n3:line`).
    pub rule: String,
    /// The rule's comment.
    pub label: String,
    /// The premises, each explained.
    pub premises: Vec<Proof>,
}

/// Derivations of one triple by one rule collected before they are sorted and cut to `max`.
const COLLECT_CAP: usize = 10_000;

struct Explainer<'a> {
    ev: &'a Evaluation,
    rules: &'a [Rule],
    base: &'a FactSet,
    store: &'a Store,
    max: usize,
    budget: usize,
}

/// Explains a triple. Returns `None` when the triple does not hold.
pub fn explain(
    ev: &Evaluation,
    rules: &[Rule],
    base: &FactSet,
    store: &Store,
    triple: &Triple,
    max: usize,
) -> Option<Proof> {
    let fact = ev.index.fact(
        &triple.subject.clone().into(),
        &triple.predicate.clone().into(),
        &triple.object,
    )?;
    if !ev.index.facts.contains(&fact) {
        return None;
    }
    let mut ex = Explainer {
        ev,
        rules,
        base,
        store,
        max: max.clamp(1, 10_000),
        budget: 5000,
    };
    Some(ex.prove(fact, &mut Vec::new()))
}

impl Explainer<'_> {
    fn prove(&mut self, fact: Fact, path: &mut Vec<Fact>) -> Proof {
        let triple = self.ev.index.triple(&fact);
        let text = triple
            .as_ref()
            .map_or_else(String::new, ToString::to_string);
        let asserted = self.base.contains(&fact);
        let mut proof = Proof::new(text, asserted);
        if asserted {
            if let Some(t) = &triple {
                proof.evidence = evidence(self.store, t);
            }
            return proof;
        }
        if path.contains(&fact) {
            proof.cycle = true;
            return proof;
        }
        if path.len() > 32 || self.budget == 0 {
            proof.cut_off = true;
            return proof;
        }
        path.push(fact);
        for (r, rule) in self.ev.compiled.iter().enumerate() {
            let mut b = vec![None; rule.vars];
            if !bind_head(&rule.head, &fact, &mut b) {
                continue;
            }
            let mut bindings: Vec<Vec<Option<u32>>> = Vec::new();
            let sources = vec![&self.ev.index.facts; rule.body.len()];
            // All of them (up to a cap), so that the ones shown after sorting do not depend on
            // the order the join finds them in.
            let limit = COLLECT_CAP.max(self.max.saturating_add(1));
            join(&rule.body, &sources, &mut b, &mut |found| {
                if side_conditions(rule, found, &self.ev.index) {
                    let v = found.to_vec();
                    if !bindings.contains(&v) {
                        bindings.push(v);
                    }
                }
                bindings.len() < limit
            });
            // In the order of their premises, so that proofs do not depend on index order.
            let premise_facts = |found: &Vec<Option<u32>>| -> Vec<Fact> {
                rule.body
                    .iter()
                    .map(|atom| {
                        [0, 1, 2].map(|i| match atom[i] {
                            CSlot::Const(c) => c,
                            CSlot::Var(v) => found[v].expect("body variables are bound"),
                        })
                    })
                    .collect()
            };
            bindings.sort_by_cached_key(|found| {
                premise_facts(found)
                    .iter()
                    .map(|f| self.ev.index.triple(f).map(|t| t.to_string()))
                    .collect::<Vec<_>>()
            });
            for found in bindings {
                if proof.derivations.len() >= self.max {
                    proof.truncated = true;
                    break;
                }
                self.budget = self.budget.saturating_sub(1);
                let premises = premise_facts(&found)
                    .into_iter()
                    .map(|f| self.prove(f, path))
                    .collect();
                proof.derivations.push(Derivation {
                    rule: self.rules[r].id.clone(),
                    label: self.rules[r].label.clone(),
                    premises,
                });
            }
        }
        path.pop();
        proof
    }
}

fn bind_head(head: &[CSlot; 3], fact: &Fact, b: &mut [Option<u32>]) -> bool {
    for i in 0..3 {
        match head[i] {
            CSlot::Const(c) if c != fact[i] => return false,
            CSlot::Const(_) => {}
            CSlot::Var(v) => match b[v] {
                Some(x) if x != fact[i] => return false,
                _ => b[v] = Some(fact[i]),
            },
        }
    }
    true
}

fn nt(t: &Term) -> String {
    t.to_string()
}

/// The evidence of an asserted triple: the graphs holding it and, in statement graphs, the
/// evidence spans of the fact nodes that state it (the triple's subject or object, or a node
/// linking them, carrying `ng:evidence`).
pub fn evidence(store: &Store, triple: &Triple) -> Vec<Evidence> {
    let (s, p, o) = (
        nt(&triple.subject.clone().into()),
        nt(&triple.predicate.clone().into()),
        nt(&triple.object),
    );
    let object_as_subject = if matches!(triple.object, Term::Literal(_)) {
        String::new()
    } else {
        format!("UNION {{ {o} ng:evidence ?e }}")
    };
    let query = format!(
        "SELECT DISTINCT ?g ?e ?quote ?start ?end ?sentence ?stmt ?file WHERE {{
           GRAPH ?g {{ {s} {p} {o} }}
           OPTIONAL {{
             GRAPH ?g {{
               {{ {s} ng:evidence ?e }} {object_as_subject}
               UNION {{ {s} ?q ?x . ?x ?r {o} . ?x ng:evidence ?e }}
               ?e oa:hasSource ?stmt ; ng:sentence ?sentence ; oa:hasSelector ?qs, ?ps .
               ?qs oa:exact ?quote . ?ps oa:start ?start ; oa:end ?end .
               OPTIONAL {{ ?stmt ng:sourceFile ?file }}
             }}
           }}
         }} ORDER BY ?g ?start"
    );
    let mut out = Vec::new();
    let evaluator = crate::query::evaluator();
    let Ok(prepared) = evaluator.parse_query(&query) else {
        return out;
    };
    if let Ok(QueryResults::Solutions(rows)) = prepared.on_store(store).execute() {
        for row in rows.flatten() {
            let text = |v: &str| {
                row.get(v).map(|t| match t {
                    Term::Literal(l) => l.value().to_owned(),
                    Term::NamedNode(n) => n.as_str().to_owned(),
                    other => other.to_string(),
                })
            };
            let number = |v: &str| text(v).and_then(|x| x.parse().ok());
            let graph = text("g").unwrap_or_default();
            if graph == vocab::inferred_graph() {
                continue;
            }
            out.push(Evidence {
                graph,
                statement: text("stmt"),
                file: text("file"),
                node: text("e"),
                quote: text("quote"),
                start: number("start"),
                end: number("end"),
                sentence: text("sentence"),
            });
        }
    }
    out
}

/// Renders a proof tree as indented text for people.
pub fn render_text(proof: &Proof) -> String {
    let mut out = String::new();
    write_text(proof, 0, &mut out);
    out
}

fn short(triple: &str) -> String {
    let mut s = triple.to_owned();
    for (p, iri) in vocab::PREFIXES
        .iter()
        .filter(|(p, _)| *p != "undocs" && *p != "id")
    {
        s = compact_iris(&s, iri, p);
    }
    s.replace("https://w3id.org/normgraph/id/", "id:")
        .replace("https://undocs.org/", "")
}

fn compact_iris(s: &str, iri: &str, prefix: &str) -> String {
    let needle = format!("<{iri}");
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(&needle) {
        out.push_str(&rest[..i]);
        let after = &rest[i + needle.len()..];
        match after.find('>') {
            Some(j) if !after[..j].contains(['/', '#']) => {
                out.push_str(&format!("{prefix}:{}", &after[..j]));
                rest = &after[j + 1..];
            }
            _ => {
                out.push_str(&needle);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn write_text(proof: &Proof, depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    let mark = if proof.asserted {
        "asserted"
    } else if proof.cycle {
        "cycle: explained above"
    } else {
        "derived"
    };
    out.push_str(&format!("{pad}{}  [{mark}]\n", short(&proof.triple)));
    for e in &proof.evidence {
        match (&e.quote, &e.sentence) {
            (Some(q), Some(sentence)) => {
                let file = e.file.as_deref().unwrap_or("?");
                out.push_str(&format!(
                    "{pad}  evidence: {file} chars {}–{}: “{q}”\n",
                    e.start.unwrap_or(0),
                    e.end.unwrap_or(0)
                ));
                let quote = crate::extract::text::clean(q);
                if !sentence.trim_start_matches(['-', ' ']).eq(quote.as_str()) {
                    out.push_str(&format!("{pad}    in the sentence: “{sentence}”\n"));
                }
            }
            _ => out.push_str(&format!("{pad}  stated in graph <{}>\n", e.graph)),
        }
    }
    for d in &proof.derivations {
        let label = if d.label.is_empty() {
            String::new()
        } else {
            format!(" — {}", d.label)
        };
        out.push_str(&format!("{pad}  by rule {}{label}\n", d.rule));
        for p in &d.premises {
            write_text(p, depth + 2, out);
        }
    }
    if proof.truncated {
        out.push_str(&format!(
            "{pad}  … more derivations not shown (raise --max)\n"
        ));
    }
    if proof.cut_off {
        out.push_str(&format!(
            "{pad}  … not expanded: the proof is too deep or too large to show\n"
        ));
    }
}

/// Renders a proof tree as Turtle with PROV-O: each derivation is a `prov:Activity` that used
/// its premises' statements; asserted premises are `prov:wasDerivedFrom` their evidence.
pub fn render_turtle(proof: &Proof) -> String {
    let mut out = String::from(
        "@prefix prov: <http://www.w3.org/ns/prov#> .\n@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n@prefix ng: <https://w3id.org/normgraph/ns#> .\n\n",
    );
    let mut n = 0;
    turtle_node(proof, &mut n, &mut out);
    out
}

fn turtle_node(proof: &Proof, n: &mut usize, out: &mut String) -> String {
    *n += 1;
    let me = format!("_:t{n}");
    let parts = split_nt(&proof.triple);
    out.push_str(&format!(
        "{me} a rdf:Statement ;\n  rdf:subject {} ;\n  rdf:predicate {} ;\n  rdf:object {} ;\n  ng:asserted {} .\n",
        parts.0, parts.1, parts.2, proof.asserted
    ));
    for e in &proof.evidence {
        if let Some(node) = &e.node {
            out.push_str(&format!("{me} prov:wasDerivedFrom <{node}> .\n"));
        } else {
            out.push_str(&format!("{me} prov:wasDerivedFrom <{}> .\n", e.graph));
        }
    }
    for d in &proof.derivations {
        *n += 1;
        let act = format!("_:d{n}");
        out.push_str(&format!(
            "{act} a prov:Activity ;\n  ng:rule {} ;\n  rdf:value {} .\n{me} prov:wasGeneratedBy {act} .\n",
            oxigraph::model::Literal::new_simple_literal(&d.rule),
            oxigraph::model::Literal::new_simple_literal(&d.label)
        ));
        for p in &d.premises {
            let child = turtle_node(p, n, out);
            out.push_str(&format!("{act} prov:used {child} .\n"));
        }
    }
    me
}

/// Splits an N-Triples triple `s p o` into its three terms.
fn split_nt(t: &str) -> (String, String, String) {
    let mut parts = t.splitn(3, ' ');
    let s = parts.next().unwrap_or("").to_owned();
    let p = parts.next().unwrap_or("").to_owned();
    let o = parts.next().unwrap_or("").to_owned();
    (s, p, o)
}

/// The digest of a rule set, stored with the inferred graph so that `explain` knows the graph
/// was derived by these very rules (see [`explain_stored`]).
pub fn rules_digest(rules: &[Rule]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for r in rules {
        h.update(format!("{r:?}").as_bytes());
        h.update([0]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Variable bindings of one rule, by name.
type Bindings = std::collections::HashMap<String, Term>;

/// Explains from the store alone, when its inferred graph holds what `rules` derive from its
/// asserted facts (as `infer` leaves it; ingest and corrections drop the graph when the facts
/// change): a goal-directed search from the triple down, each rule's body matched against the
/// store's indexes with the head's terms bound, instead of a run of the rules to their
/// fixpoint. The proofs are the same as [`explain`]'s over a fresh evaluation.
pub fn explain_stored(
    store: &Store,
    rules: &[Rule],
    triple: &Triple,
    max: usize,
) -> Result<Option<Proof>, oxigraph::store::StorageError> {
    let mut ex = StoredExplainer {
        store,
        rules,
        inferred: oxigraph::model::NamedNode::new_unchecked(vocab::inferred_graph()),
        max: max.clamp(1, 10_000),
        budget: 5000,
    };
    let (asserted, derived) = ex.holds(triple)?;
    if !asserted && !derived {
        return Ok(None);
    }
    ex.prove(triple.clone(), &mut Vec::new()).map(Some)
}

struct StoredExplainer<'a> {
    store: &'a Store,
    rules: &'a [Rule],
    inferred: oxigraph::model::NamedNode,
    max: usize,
    budget: usize,
}

/// A slot's term under `b`, if it has one.
fn slot_term(slot: &Slot, b: &Bindings) -> Option<Term> {
    match slot {
        Slot::Const(t) => Some(t.clone()),
        Slot::Var(v) => b.get(v).cloned(),
    }
}

impl StoredExplainer<'_> {
    /// Quads the rules never see: ingest's ledger and the triple naming the rules.
    fn hidden(&self, q: &oxigraph::model::Quad) -> bool {
        match &q.graph_name {
            oxigraph::model::GraphName::NamedNode(g) => {
                crate::store::ledger::is_ledger(g.as_ref())
                    || (*g == self.inferred
                        && q.predicate.as_str() == format!("{}rulesDigest", vocab::NG))
            }
            _ => false,
        }
    }

    /// Whether the triple is asserted (in a graph other than the inferred one) and derived.
    fn holds(&self, t: &Triple) -> Result<(bool, bool), oxigraph::store::StorageError> {
        let (mut asserted, mut derived) = (false, false);
        for q in self.store.quads_for_pattern(
            Some(t.subject.as_ref()),
            Some(t.predicate.as_ref()),
            Some(t.object.as_ref()),
            None,
        ) {
            let q = q?;
            if self.hidden(&q) {
                continue;
            }
            match q.graph_name {
                oxigraph::model::GraphName::NamedNode(g) if g == self.inferred => derived = true,
                _ => asserted = true,
            }
        }
        Ok((asserted, derived))
    }

    /// The distinct triples matching a pattern, in every graph.
    fn matching(
        &self,
        s: Option<&Term>,
        p: Option<&Term>,
        o: Option<&Term>,
    ) -> Result<Vec<Triple>, oxigraph::store::StorageError> {
        let s = match s {
            None => None,
            Some(Term::NamedNode(n)) => Some(oxigraph::model::NamedOrBlankNodeRef::from(n)),
            Some(Term::BlankNode(n)) => Some(n.into()),
            Some(_) => return Ok(Vec::new()),
        };
        let p = match p {
            None => None,
            Some(Term::NamedNode(n)) => Some(n.as_ref()),
            Some(_) => return Ok(Vec::new()),
        };
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for q in self
            .store
            .quads_for_pattern(s, p, o.map(Term::as_ref), None)
        {
            let q = q?;
            if self.hidden(&q) {
                continue;
            }
            let t = Triple::from(q);
            if seen.insert(t.clone()) {
                out.push(t);
            }
        }
        Ok(out)
    }

    /// Matches `atoms` against the store under `b`, the most bound atom first; `found` is
    /// called with each complete binding and returns whether to go on.
    fn join(
        &self,
        atoms: &[&Atom],
        b: &mut Bindings,
        found: &mut dyn FnMut(&Bindings) -> bool,
    ) -> Result<bool, oxigraph::store::StorageError> {
        if atoms.is_empty() {
            return Ok(found(b));
        }
        let bound = |a: &Atom| a.iter().filter(|s| slot_term(s, b).is_some()).count();
        let (i, _) = atoms
            .iter()
            .enumerate()
            .max_by_key(|(i, a)| (bound(a), std::cmp::Reverse(*i)))
            .expect("atoms is not empty");
        let atom = atoms[i];
        let rest: Vec<&Atom> = atoms
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, a)| *a)
            .collect();
        let [s, p, o] = [0, 1, 2].map(|k| slot_term(&atom[k], b));
        for t in self.matching(s.as_ref(), p.as_ref(), o.as_ref())? {
            let terms: [Term; 3] = [t.subject.into(), t.predicate.into(), t.object];
            let mut added = Vec::new();
            let mut fits = true;
            for (slot, term) in atom.iter().zip(terms) {
                if let Slot::Const(c) = slot {
                    // The store matches typed literals by value; the rules, by term.
                    if *c != term {
                        fits = false;
                        break;
                    }
                }
                if let Slot::Var(v) = slot {
                    match b.get(v) {
                        Some(x) if *x != term => {
                            fits = false;
                            break;
                        }
                        Some(_) => {}
                        None => {
                            b.insert(v.clone(), term);
                            added.push(v.clone());
                        }
                    }
                }
            }
            let go_on = !fits || self.join(&rest, b, found)?;
            for v in added {
                b.remove(&v);
            }
            if !go_on {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The builtins and negations of `rule` hold under the complete binding `b`.
    fn side_conditions(
        &self,
        rule: &Rule,
        b: &Bindings,
    ) -> Result<bool, oxigraph::store::StorageError> {
        for builtin in &rule.builtins {
            let (Some(x), Some(y)) = (
                slot_term(&builtin.args[0], b),
                slot_term(&builtin.args[1], b),
            ) else {
                return Ok(false);
            };
            if !super::eval::builtin(&builtin.name, &x, &y) {
                return Ok(false);
            }
        }
        for conj in &rule.negated {
            let atoms: Vec<&Atom> = conj.iter().collect();
            let mut local = b.clone();
            let mut exists = false;
            self.join(&atoms, &mut local, &mut |_| {
                exists = true;
                false
            })?;
            if exists {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn prove(
        &mut self,
        triple: Triple,
        path: &mut Vec<Triple>,
    ) -> Result<Proof, oxigraph::store::StorageError> {
        let (asserted, _) = self.holds(&triple)?;
        let mut proof = Proof::new(triple.to_string(), asserted);
        if asserted {
            proof.evidence = evidence(self.store, &triple);
            return Ok(proof);
        }
        if path.contains(&triple) {
            proof.cycle = true;
            return Ok(proof);
        }
        if path.len() > 32 || self.budget == 0 {
            proof.cut_off = true;
            return Ok(proof);
        }
        path.push(triple.clone());
        let fact: [Term; 3] = [
            triple.subject.clone().into(),
            triple.predicate.clone().into(),
            triple.object.clone(),
        ];
        for rule in self.rules {
            let mut b = Bindings::new();
            let head_fits = rule.head.iter().zip(&fact).all(|(slot, term)| match slot {
                Slot::Const(c) => c == term,
                Slot::Var(v) => match b.get(v) {
                    Some(x) => x == term,
                    None => {
                        b.insert(v.clone(), term.clone());
                        true
                    }
                },
            });
            if !head_fits {
                continue;
            }
            let atoms: Vec<&Atom> = rule.body.iter().collect();
            let limit = COLLECT_CAP.max(self.max.saturating_add(1));
            let mut candidates: Vec<Bindings> = Vec::new();
            let mut failure = None;
            self.join(&atoms, &mut b, &mut |found| {
                match self.side_conditions(rule, found) {
                    Ok(true) if !candidates.contains(found) => candidates.push(found.clone()),
                    Ok(_) => {}
                    Err(e) => {
                        failure = Some(e);
                        return false;
                    }
                }
                candidates.len() < limit
            })?;
            if let Some(e) = failure {
                return Err(e);
            }
            // Each candidate's premises, in their order (as [`explain`] orders them).
            let mut candidates: Vec<Vec<Triple>> = candidates
                .iter()
                .map(|found| {
                    rule.body
                        .iter()
                        .filter_map(|atom| {
                            let [s, p, o] = [0, 1, 2].map(|k| slot_term(&atom[k], found));
                            match (s?, p?, o?) {
                                (Term::NamedNode(s), Term::NamedNode(p), o) => {
                                    Some(Triple::new(s, p, o))
                                }
                                (Term::BlankNode(s), Term::NamedNode(p), o) => {
                                    Some(Triple::new(s, p, o))
                                }
                                _ => None, // cannot happen: every body variable is bound
                            }
                        })
                        .collect()
                })
                .collect();
            candidates.sort_by_cached_key(|premises| {
                premises.iter().map(ToString::to_string).collect::<Vec<_>>()
            });
            for found in candidates {
                if proof.derivations.len() >= self.max {
                    proof.truncated = true;
                    break;
                }
                self.budget = self.budget.saturating_sub(1);
                let mut premises = Vec::new();
                for premise in found {
                    premises.push(self.prove(premise, path)?);
                }
                proof.derivations.push(Derivation {
                    rule: rule.id.clone(),
                    label: rule.label.clone(),
                    premises,
                });
            }
        }
        path.pop();
        Ok(proof)
    }
}
