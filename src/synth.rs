//! A deterministic generator of synthetic graphs shaped like normgraph's, for benchmarks.
//!
//! It writes what ingest and the reference data would hold for many statements: delegations
//! delivering statements at sessions, citing resolutions, aligning with groups; group statements;
//! proposed norms invoking principles and addressing threats; principles codified in resolutions;
//! resolutions recalling earlier ones in families (so that lineage stays bounded); agreed norms.
//! The same configuration always yields the same triples (a fixed-seed SplitMix64 generator).

use crate::vocab::{ID, NG, RDF, UNDOCS};
use oxigraph::model::{NamedNode, Triple};

/// Sizes of a synthetic graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthConfig {
    /// Statements by States.
    pub statements: usize,
    /// States.
    pub delegations: usize,
    /// Groups.
    pub groups: usize,
    /// Resolutions.
    pub resolutions: usize,
    /// Sessions.
    pub sessions: usize,
    /// Random seed.
    pub seed: u64,
}

impl SynthConfig {
    /// A configuration giving roughly `triples` triples.
    pub fn for_triples(triples: usize) -> Self {
        let statements = (triples / 18).max(10);
        Self {
            statements,
            delegations: 193,
            groups: 12,
            resolutions: (statements / 4).clamp(50, 200_000),
            sessions: (statements / 200).clamp(4, 2_000),
            seed: 42,
        }
    }
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn node(s: String) -> NamedNode {
    NamedNode::new_unchecked(s)
}

/// Calls `emit` for every triple of the synthetic graph.
pub fn generate(cfg: &SynthConfig, mut emit: impl FnMut(Triple)) {
    const THREATS: usize = 23;
    const PRINCIPLES: usize = 29;
    const AGREED: usize = 11;
    const FAMILY: usize = 12;
    let mut rng = Rng(cfg.seed);
    let p = |local: &str| node(format!("{NG}{local}"));
    let a = node(format!("{RDF}type"));
    let (proposes, invokes, addresses, cites, codified, recalls) = (
        p("proposes"),
        p("invokesPrinciple"),
        p("addressesThreat"),
        p("cites"),
        p("codifiedIn"),
        p("recalls"),
    );
    let (delivered_by, delivered_at, aligns) =
        (p("deliveredBy"), p("deliveredAt"), p("alignsWith"));
    let res = |i: usize| node(format!("{UNDOCS}A/RES/S{}/{}", 31 + i / 400, i % 400 + 1));
    let threat = |i: usize| node(format!("{ID}threat/t{i}"));
    let principle = |i: usize| node(format!("{ID}principle/p{i}"));
    let session = |i: usize| node(format!("{ID}body/synthetic/session/{i}"));
    let group = |i: usize| node(format!("{ID}group/G{i}"));
    let mut t = |s: &NamedNode, p: &NamedNode, o: NamedNode| {
        emit(Triple::new(s.clone(), p.clone(), o));
    };
    // Reference data.
    for i in 0..PRINCIPLES {
        for _ in 0..2 {
            t(&principle(i), &codified, res(rng.below(cfg.resolutions)));
        }
    }
    for i in 0..cfg.resolutions {
        t(&res(i), &a, p("Resolution"));
        let family_start = i - i % FAMILY;
        if i > family_start {
            t(
                &res(i),
                &recalls,
                res(family_start + rng.below(i - family_start)),
            );
        }
    }
    for i in 0..AGREED {
        let n = node(format!("{ID}agreed-norm/a{i}"));
        t(&n, &a, p("AgreedNorm"));
        t(&n, &addresses, threat(i * 2 % THREATS));
    }
    // Group statements: one per group and session.
    for g in 0..cfg.groups {
        for s in 0..cfg.sessions {
            let gs = node(format!("{ID}statement/group-{g}-{s}"));
            t(&gs, &a, p("Statement"));
            t(&gs, &delivered_by, group(g));
            t(&gs, &delivered_at, session(s));
            for _ in 0..3 {
                t(&gs, &cites, res(rng.below(cfg.resolutions)));
            }
        }
    }
    // Statements.
    for i in 0..cfg.statements {
        let st = node(format!("{ID}statement/s{i}"));
        let d = node(format!("{ID}state/D{}", rng.below(cfg.delegations)));
        t(&st, &a, p("Statement"));
        t(&st, &delivered_by, d.clone());
        t(&st, &delivered_at, session(rng.below(cfg.sessions)));
        for _ in 0..4 {
            t(&st, &cites, res(rng.below(cfg.resolutions)));
        }
        if rng.below(3) == 0 {
            t(&st, &aligns, group(rng.below(cfg.groups)));
        }
        for k in 0..2 {
            let n = node(format!("{ID}statement/s{i}/norm/{k}"));
            t(&d, &proposes, n.clone());
            t(&n, &a, p("ProposedNorm"));
            t(&n, &p("proposedIn"), st.clone());
            t(&n, &invokes, principle(rng.below(PRINCIPLES)));
            if rng.below(2) == 0 {
                t(&n, &addresses, threat(rng.below(THREATS)));
            }
            if rng.below(4) == 0 {
                t(&n, &cites, res(rng.below(cfg.resolutions)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_about_the_size_asked() {
        let cfg = SynthConfig::for_triples(10_000);
        let mut a = Vec::new();
        generate(&cfg, |t| a.push(t.to_string()));
        let mut b = Vec::new();
        generate(&cfg, |t| b.push(t.to_string()));
        assert_eq!(a, b);
        assert!((7_000..14_000).contains(&a.len()), "{}", a.len());
    }
}
