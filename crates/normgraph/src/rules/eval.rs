//! Semi-naive evaluation of stratified rules over an in-memory index of triples.
//!
//! Terms are interned to `u32`; facts are indexed by predicate, (predicate, subject),
//! (predicate, object), subject and object. Within a stratum, each round joins every rule with one
//! body pattern restricted to the facts new in the previous round (the "delta") and the others over
//! all facts, until a round derives nothing new.

use super::parse::{Atom, Builtin, Rule, Slot};
use super::stratify::strata;
use super::RuleError;
use oxigraph::model::{NamedOrBlankNode, Term, Triple};
use std::collections::{HashMap, HashSet};
use std::time::Instant;

/// A fact: interned (subject, predicate, object).
pub type Fact = [u32; 3];

/// Interned terms (one copy of each term: an insertion-ordered hash set).
#[derive(Debug, Default, Clone)]
pub struct Dict {
    terms: indexmap::IndexSet<Term>,
}

impl Dict {
    /// The id of a term, interning it.
    pub fn intern(&mut self, t: &Term) -> u32 {
        let i = match self.terms.get_index_of(t) {
            Some(i) => i,
            None => self.terms.insert_full(t.clone()).0,
        };
        u32::try_from(i).expect("fewer than 4 billion terms")
    }

    /// The id of a term, if known.
    pub fn get(&self, t: &Term) -> Option<u32> {
        self.terms
            .get_index_of(t)
            .and_then(|i| u32::try_from(i).ok())
    }

    /// The term of an id.
    pub fn term(&self, i: u32) -> &Term {
        self.terms
            .get_index(i as usize)
            .expect("ids come from this dictionary")
    }
}

/// The facts of one predicate, as (subject, object) pairs sorted both ways.
#[derive(Debug, Default, Clone)]
struct Pairs {
    so: Vec<(u32, u32)>,
    os: Vec<(u32, u32)>,
    distinct_s: usize,
    distinct_o: usize,
}

/// How a pattern position is bound when the pattern is evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// A constant.
    Const(u32),
    /// A variable bound by an earlier pattern.
    Var,
    /// A variable not bound yet.
    Free,
}

/// Merges two sorted, duplicate-free arrays into one.
fn merge(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Number of distinct first components in a sorted array.
fn distinct(v: &[(u32, u32)]) -> usize {
    v.windows(2).filter(|w| w[0].0 != w[1].0).count() + usize::from(!v.is_empty())
}

/// A set of facts: per predicate, sorted (subject, object) and (object, subject) arrays, so that
/// every lookup is a binary search and memory stays at 16 bytes a fact.
#[derive(Debug, Default, Clone)]
pub struct FactSet {
    by_p: HashMap<u32, Pairs>,
    pending: Vec<Fact>,
    len: usize,
}

fn range(v: &[(u32, u32)], key: u32) -> &[(u32, u32)] {
    let lo = v.partition_point(|&(a, _)| a < key);
    let hi = v.partition_point(|&(a, _)| a <= key);
    &v[lo..hi]
}

impl FactSet {
    /// Builds a set from facts.
    pub fn from_facts(facts: impl IntoIterator<Item = Fact>) -> Self {
        let mut set = Self::default();
        set.pending.extend(facts);
        set.flush();
        set
    }

    /// Adds a fact; it becomes visible to lookups after [`FactSet::flush`].
    pub fn push(&mut self, f: Fact) {
        self.pending.push(f);
    }

    /// Merges the pushed facts into the sorted arrays (sorting only the new facts, then a
    /// linear merge).
    pub fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let mut pending = std::mem::take(&mut self.pending);
        pending.sort_unstable_by_key(|f| (f[1], f[0], f[2]));
        pending.dedup();
        let mut i = 0;
        while i < pending.len() {
            let p = pending[i][1];
            let j = i + pending[i..].partition_point(|f| f[1] == p);
            let pairs = self.by_p.entry(p).or_default();
            let before = pairs.so.len();
            let new_so: Vec<(u32, u32)> = pending[i..j].iter().map(|f| (f[0], f[2])).collect();
            pairs.so = merge(&pairs.so, &new_so);
            let mut new_os: Vec<(u32, u32)> = new_so.iter().map(|&(s, o)| (o, s)).collect();
            new_os.sort_unstable();
            pairs.os = merge(&pairs.os, &new_os);
            pairs.distinct_s = distinct(&pairs.so);
            pairs.distinct_o = distinct(&pairs.os);
            self.len += pairs.so.len() - before;
            i = j;
        }
    }

    /// Estimated number of facts matching a pattern: exact for constants, the average fan-out
    /// for positions bound by earlier patterns.
    pub fn estimate(&self, s: Bound, p: Option<u32>, o: Bound) -> f64 {
        let one = |pairs: &Pairs| -> f64 {
            let len = pairs.so.len() as f64;
            match (s, o) {
                (Bound::Const(s), Bound::Const(o)) => {
                    f64::from(u8::from(pairs.so.binary_search(&(s, o)).is_ok()))
                }
                (Bound::Const(s), _) => range(&pairs.so, s).len() as f64,
                (_, Bound::Const(o)) => range(&pairs.os, o).len() as f64,
                (Bound::Var, Bound::Var) => 1.0,
                (Bound::Var, Bound::Free) => len / pairs.distinct_s.max(1) as f64,
                (Bound::Free, Bound::Var) => len / pairs.distinct_o.max(1) as f64,
                (Bound::Free, Bound::Free) => len,
            }
        };
        match p {
            Some(p) => self.by_p.get(&p).map_or(0.0, one),
            None => self.by_p.values().map(one).sum(),
        }
    }

    /// Whether the fact is in the set (flushed facts only).
    pub fn contains(&self, f: &Fact) -> bool {
        self.by_p
            .get(&f[1])
            .is_some_and(|p| p.so.binary_search(&(f[0], f[2])).is_ok())
    }

    /// Number of facts.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no facts.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Calls `f` with every fact matching the bound positions, until it returns false; returns
    /// false if it was stopped.
    pub fn scan(
        &self,
        s: Option<u32>,
        p: Option<u32>,
        o: Option<u32>,
        f: &mut dyn FnMut(Fact) -> bool,
    ) -> bool {
        let mut one = |pred: u32, pairs: &Pairs| -> bool {
            match (s, o) {
                (Some(s), Some(o)) => {
                    if pairs.so.binary_search(&(s, o)).is_ok() {
                        return f([s, pred, o]);
                    }
                    true
                }
                (Some(s), None) => range(&pairs.so, s).iter().all(|&(_, o)| f([s, pred, o])),
                (None, Some(o)) => range(&pairs.os, o).iter().all(|&(_, s)| f([s, pred, o])),
                (None, None) => pairs.so.iter().all(|&(s, o)| f([s, pred, o])),
            }
        };
        match p {
            Some(p) => self.by_p.get(&p).is_none_or(|pairs| one(p, pairs)),
            None => self.by_p.iter().all(|(&p, pairs)| one(p, pairs)),
        }
    }
}

/// A knowledge base: interned terms and facts.
#[derive(Debug, Default, Clone)]
pub struct Index {
    /// The interned terms.
    pub dict: Dict,
    /// The facts.
    pub facts: FactSet,
}

impl Index {
    /// Builds an index from triples (streamed: the triples need not be held in memory).
    pub fn from_triples(triples: impl IntoIterator<Item = Triple>) -> Self {
        let mut index = Self::default();
        for t in triples {
            let f = [
                index.dict.intern(&t.subject.into()),
                index.dict.intern(&t.predicate.into()),
                index.dict.intern(&t.object),
            ];
            index.facts.push(f);
            if index.facts.pending.len() >= 1 << 22 {
                index.facts.flush();
            }
        }
        index.facts.flush();
        index
    }

    /// The triple of a fact.
    pub fn triple(&self, f: &Fact) -> Option<Triple> {
        let s = match self.dict.term(f[0]) {
            Term::NamedNode(n) => NamedOrBlankNode::NamedNode(n.clone()),
            Term::BlankNode(b) => NamedOrBlankNode::BlankNode(b.clone()),
            _ => return None,
        };
        let Term::NamedNode(p) = self.dict.term(f[1]) else {
            return None;
        };
        Some(Triple::new(s, p.clone(), self.dict.term(f[2]).clone()))
    }

    /// The fact of a triple, if all its terms are known.
    pub fn fact(&self, s: &Term, p: &Term, o: &Term) -> Option<Fact> {
        Some([self.dict.get(s)?, self.dict.get(p)?, self.dict.get(o)?])
    }
}

/// A rule compiled against a dictionary: variables numbered, constants interned.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// Number of variables.
    pub vars: usize,
    /// Variable names by number.
    pub names: Vec<String>,
    /// Positive body patterns.
    pub body: Vec<[CSlot; 3]>,
    /// Negated conjunctions.
    pub negated: Vec<Vec<[CSlot; 3]>>,
    /// Builtin tests.
    pub builtins: Vec<(String, [CSlot; 2])>,
    /// Head pattern.
    pub head: [CSlot; 3],
}

/// A compiled pattern position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CSlot {
    /// Variable number.
    Var(usize),
    /// Interned constant.
    Const(u32),
}

/// Compiles a rule against a dictionary (interning its constants).
pub fn compile(rule: &Rule, dict: &mut Dict) -> Compiled {
    let mut names: Vec<String> = Vec::new();
    let mut slot = |s: &Slot, dict: &mut Dict| match s {
        Slot::Var(v) => CSlot::Var(match names.iter().position(|n| n == v) {
            Some(i) => i,
            None => {
                names.push(v.clone());
                names.len() - 1
            }
        }),
        Slot::Const(t) => CSlot::Const(dict.intern(t)),
    };
    let mut atom =
        |a: &Atom, dict: &mut Dict| [slot(&a[0], dict), slot(&a[1], dict), slot(&a[2], dict)];
    let body: Vec<_> = rule.body.iter().map(|a| atom(a, dict)).collect();
    let negated = rule
        .negated
        .iter()
        .map(|c| c.iter().map(|a| atom(a, dict)).collect())
        .collect();
    let head = atom(&rule.head, dict);
    let builtins = rule
        .builtins
        .iter()
        .map(|Builtin { name, args }| {
            let a = atom(
                &[
                    args[0].clone(),
                    Slot::Var("_builtin".into()),
                    args[1].clone(),
                ],
                dict,
            );
            (name.clone(), [a[0], a[2]])
        })
        .collect();
    Compiled {
        vars: names.len(),
        names,
        body,
        negated,
        builtins,
        head,
    }
}

fn value(slot: CSlot, b: &[Option<u32>]) -> Option<u32> {
    match slot {
        CSlot::Const(c) => Some(c),
        CSlot::Var(v) => b[v],
    }
}

/// Binds a pattern to a fact; returns false if it does not match.
fn unify(pattern: &[CSlot; 3], f: &Fact, b: &mut [Option<u32>], trail: &mut Vec<usize>) -> bool {
    for i in 0..3 {
        match pattern[i] {
            CSlot::Const(c) => {
                if c != f[i] {
                    return false;
                }
            }
            CSlot::Var(v) => match b[v] {
                Some(x) if x != f[i] => return false,
                Some(_) => {}
                None => {
                    b[v] = Some(f[i]);
                    trail.push(v);
                }
            },
        }
    }
    true
}

/// Calls `found` for every binding of `patterns` (in the given order) over `sources`, until it
/// returns false; returns false if stopped.
pub fn join(
    patterns: &[[CSlot; 3]],
    sources: &[&FactSet],
    b: &mut Vec<Option<u32>>,
    found: &mut dyn FnMut(&[Option<u32>]) -> bool,
) -> bool {
    let Some((first, rest)) = patterns.split_first() else {
        return found(b);
    };
    let set = sources[0];
    let (s, p, o) = (value(first[0], b), value(first[1], b), value(first[2], b));
    set.scan(s, p, o, &mut |f| {
        let mut trail = Vec::new();
        let go_on = !unify(first, &f, b, &mut trail) || join(rest, &sources[1..], b, found);
        for v in trail {
            b[v] = None;
        }
        go_on
    })
}

/// Orders patterns greedily: at each step the pattern expected to match the fewest facts,
/// given the constants and the variables bound before (see [`FactSet::estimate`]).
fn order(
    patterns: &[[CSlot; 3]],
    first: Option<usize>,
    vars: usize,
    facts: &FactSet,
) -> Vec<usize> {
    let mut bound = vec![false; vars];
    let mut left: Vec<usize> = (0..patterns.len()).collect();
    let mut out = Vec::new();
    if let Some(i) = first {
        left.retain(|&x| x != i);
        out.push(i);
        mark(&patterns[i], &mut bound);
    }
    while !left.is_empty() {
        let how = |slot: CSlot| match slot {
            CSlot::Const(c) => Bound::Const(c),
            CSlot::Var(v) if bound[v] => Bound::Var,
            CSlot::Var(_) => Bound::Free,
        };
        let cost = |p: &[CSlot; 3]| {
            let pred = match how(p[1]) {
                Bound::Const(c) => Some(c),
                _ => None,
            };
            facts.estimate(how(p[0]), pred, how(p[2]))
        };
        let (k, _) = left
            .iter()
            .enumerate()
            .min_by(|(_, &a), (_, &b)| {
                cost(&patterns[a])
                    .partial_cmp(&cost(&patterns[b]))
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(a.cmp(&b))
            })
            .expect("not empty");
        let i = left.remove(k);
        mark(&patterns[i], &mut bound);
        out.push(i);
    }
    out
}

fn mark(p: &[CSlot; 3], bound: &mut [bool]) {
    for s in p {
        if let CSlot::Var(v) = s {
            bound[*v] = true;
        }
    }
}

/// Do the rule's builtins and negations hold for this binding, over `facts`?
pub fn side_conditions(rule: &Compiled, b: &[Option<u32>], index: &Index) -> bool {
    for (name, [x, y]) in &rule.builtins {
        let (Some(x), Some(y)) = (value(*x, b), value(*y, b)) else {
            return false;
        };
        if !builtin(name, index.dict.term(x), index.dict.term(y)) {
            return false;
        }
    }
    for conj in &rule.negated {
        let mut local = b.to_vec();
        let sources = vec![&index.facts; conj.len()];
        let mut exists = false;
        join(conj, &sources, &mut local, &mut |_| {
            exists = true;
            false
        });
        if exists {
            return false;
        }
    }
    true
}

fn lexical(t: &Term) -> &str {
    match t {
        Term::NamedNode(n) => n.as_str(),
        Term::BlankNode(b) => b.as_str(),
        Term::Literal(l) => l.value(),
        #[allow(unreachable_patterns)]
        _ => "",
    }
}

/// Whether the builtin `name` holds of `x` and `y` (an unknown builtin never holds).
pub(crate) fn builtin(name: &str, x: &Term, y: &Term) -> bool {
    let local = name.rsplit(['#', '/']).next().unwrap_or("");
    let number = |t: &Term| lexical(t).parse::<f64>().ok();
    match local {
        "equalTo" => x == y,
        "notEqualTo" => x != y,
        "greaterThan" => matches!((number(x), number(y)), (Some(a), Some(b)) if a > b),
        "lessThan" => matches!((number(x), number(y)), (Some(a), Some(b)) if a < b),
        "contains" => lexical(x).contains(lexical(y)),
        "startsWith" => lexical(x).starts_with(lexical(y)),
        _ => false,
    }
}

/// What a run of the rules derived.
#[derive(Debug)]
pub struct Evaluation {
    /// Base and derived facts.
    pub index: Index,
    /// Facts derived (not in the base), in derivation order.
    pub derived: Vec<Fact>,
    /// For each rule (in input order): how many new facts it derived first.
    pub per_rule: Vec<usize>,
    /// Rounds of semi-naive evaluation over all strata.
    pub rounds: usize,
    /// The compiled rules, in input order.
    pub compiled: Vec<Compiled>,
}

/// Evaluates `rules` to a fixpoint over `base`.
pub fn evaluate(index: Index, rules: &[Rule]) -> Result<Evaluation, RuleError> {
    evaluate_within(index, rules, Bounds::default())
}

/// How far an evaluation may go: at most `max_derived` derived facts, and no later than
/// `deadline`. Past either, it stops with [`RuleError::Bound`] (a transitive closure over a long
/// chain derives facts by the square of its length).
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// The most facts the rules may derive.
    pub max_derived: usize,
    /// When to give up.
    pub deadline: Option<Instant>,
}

impl Default for Bounds {
    /// No bound.
    fn default() -> Self {
        Self {
            max_derived: usize::MAX,
            deadline: None,
        }
    }
}

/// What stopped a bounded evaluation, if anything.
#[derive(Default)]
struct Stop(Option<String>);

impl Stop {
    /// Records why the evaluation must stop, if `derived` facts or the time pass the bounds;
    /// says whether it may go on. The clock is read every 4,096 facts.
    fn check(&mut self, bounds: &Bounds, derived: usize) -> bool {
        if self.0.is_some() {
            return false;
        }
        if derived > bounds.max_derived {
            self.0 = Some(format!(
                "the rules derived more than {} facts",
                bounds.max_derived
            ));
        } else if derived.is_multiple_of(4096)
            && bounds.deadline.is_some_and(|d| Instant::now() > d)
        {
            self.0 = Some("the rules ran past their time limit".to_owned());
        }
        self.0.is_none()
    }

    fn error(&mut self) -> Result<(), RuleError> {
        match self.0.take() {
            Some(what) => Err(RuleError::Bound(what)),
            None => Ok(()),
        }
    }
}

/// Evaluates `rules` to a fixpoint over `base`, within `bounds`.
pub fn evaluate_within(
    mut index: Index,
    rules: &[Rule],
    bounds: Bounds,
) -> Result<Evaluation, RuleError> {
    let strata = strata(rules)?;
    let compiled: Vec<Compiled> = rules.iter().map(|r| compile(r, &mut index.dict)).collect();
    let mut per_rule = vec![0; rules.len()];
    let mut derived = Vec::new();
    let mut rounds = 0;
    let empty = FactSet::default();
    let mut stop = Stop::default();
    for stratum in strata {
        // Round 0: every rule over all facts.
        let mut new: HashSet<Fact> = HashSet::new();
        for &r in &stratum {
            fire(&compiled[r], None, &index, &empty, &mut |f| {
                if !index.facts.contains(&f) && new.insert(f) {
                    per_rule[r] += 1;
                }
                stop.check(&bounds, derived.len() + new.len())
            });
        }
        stop.error()?;
        rounds += 1;
        while !new.is_empty() {
            let mut facts: Vec<Fact> = new.into_iter().collect();
            facts.sort_unstable();
            for f in &facts {
                index.facts.push(*f);
            }
            index.facts.flush();
            derived.extend_from_slice(&facts);
            let delta = FactSet::from_facts(facts);
            new = HashSet::new();
            for &r in &stratum {
                for i in 0..compiled[r].body.len() {
                    fire(&compiled[r], Some(i), &index, &delta, &mut |f| {
                        if !index.facts.contains(&f) && new.insert(f) {
                            per_rule[r] += 1;
                        }
                        stop.check(&bounds, derived.len() + new.len())
                    });
                }
            }
            stop.error()?;
            rounds += 1;
        }
    }
    Ok(Evaluation {
        index,
        derived,
        per_rule,
        rounds,
        compiled,
    })
}

/// Fires one rule: with `delta_at = Some(i)`, pattern `i` ranges over `delta` only.
fn fire(
    rule: &Compiled,
    delta_at: Option<usize>,
    index: &Index,
    delta: &FactSet,
    emit: &mut dyn FnMut(Fact) -> bool,
) {
    let ord = order(&rule.body, delta_at, rule.vars, &index.facts);
    let patterns: Vec<[CSlot; 3]> = ord.iter().map(|&i| rule.body[i]).collect();
    let sources: Vec<&FactSet> = ord
        .iter()
        .map(|&i| {
            if Some(i) == delta_at {
                delta
            } else {
                &index.facts
            }
        })
        .collect();
    let mut b = vec![None; rule.vars];
    join(&patterns, &sources, &mut b, &mut |b| {
        if side_conditions(rule, b, index) {
            if let (Some(s), Some(p), Some(o)) = (
                value(rule.head[0], b),
                value(rule.head[1], b),
                value(rule.head[2], b),
            ) {
                // Only IRIs and blank nodes can be subjects, only IRIs predicates.
                let ok_s = !matches!(index.dict.term(s), Term::Literal(_));
                let ok_p = matches!(index.dict.term(p), Term::NamedNode(_));
                if ok_s && ok_p {
                    return emit([s, p, o]);
                }
            }
        }
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_rules;
    use oxigraph::io::{RdfFormat, RdfParser};
    use std::path::Path;

    fn index(nt: &str) -> Index {
        Index::from_triples(
            RdfParser::from_format(RdfFormat::Turtle)
                .for_slice(nt.as_bytes())
                .map(|q| Triple::from(q.expect("valid")))
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn bounds_stop_a_runaway_closure() {
        let chain: String = (0..200)
            .map(|i| format!("<http://e/n{i}> <http://e/next> <http://e/n{}> .\n", i + 1))
            .collect();
        let rules = parse_rules(
            "{ ?a <http://e/next> ?b } => { ?a <http://e/after> ?b } .
             { ?a <http://e/after> ?b . ?b <http://e/after> ?c } => { ?a <http://e/after> ?c } .",
            Path::new("closure.n3"),
        )
        .expect("parses");
        let all = evaluate(index(&chain), &rules).expect("unbounded");
        assert_eq!(all.derived.len(), 200 * 201 / 2);
        let capped = Bounds {
            max_derived: 1000,
            deadline: None,
        };
        assert!(matches!(
            evaluate_within(index(&chain), &rules, capped),
            Err(RuleError::Bound(_))
        ));
        let late = Bounds {
            max_derived: usize::MAX,
            deadline: Some(Instant::now()),
        };
        assert!(matches!(
            evaluate_within(index(&chain), &rules, late),
            Err(RuleError::Bound(_))
        ));
    }

    #[test]
    fn transitive_closure_and_negation_and_builtins() {
        let data = "@prefix : <http://e/> . :a :recalls :b . :b :recalls :c . :c :recalls :d . :x :n 3 . :y :n 1 .";
        let rules = "@prefix : <http://e/> . @prefix log: <http://www.w3.org/2000/10/swap/log#> . @prefix math: <http://www.w3.org/2000/10/swap/math#> .
            { ?a :recalls ?b } => { ?a :lineage ?b } .
            { ?a :lineage ?b . ?b :lineage ?c } => { ?a :lineage ?c } .
            { ?a :recalls ?b . ?s log:notIncludes { ?z :recalls ?a } } => { ?a :root true } .
            { ?x :n ?v . ?v math:greaterThan 2 } => { ?x :big true } .";
        let rules = parse_rules(rules, Path::new("t.n3")).expect("parses");
        let ev = evaluate(index(data), &rules).expect("evaluates");
        let derived: std::collections::BTreeSet<String> = ev
            .derived
            .iter()
            .filter_map(|f| ev.index.triple(f))
            .map(|t| t.to_string().replace("http://e/", ""))
            .collect();
        let lineage = derived.iter().filter(|t| t.contains("lineage")).count();
        assert_eq!(lineage, 6, "{derived:?}");
        assert!(
            derived.iter().any(|t| t.starts_with("<a> <root>")),
            "{derived:?}"
        );
        assert!(!derived.iter().any(|t| t.starts_with("<b> <root>")));
        assert!(derived.iter().any(|t| t.starts_with("<x> <big>")));
        assert!(!derived.iter().any(|t| t.starts_with("<y> <big>")));
        assert_eq!(ev.per_rule.iter().sum::<usize>(), derived.len());
    }
}
