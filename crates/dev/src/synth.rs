//! A deterministic generator of synthetic graphs shaped like normgraph's, for benchmarks.
//!
//! It writes what ingest and the reference data would hold for many statements: delegations
//! delivering statements at sessions, citing resolutions, aligning with groups; group statements;
//! proposed norms invoking principles and addressing threats; principles codified in resolutions;
//! resolutions recalling earlier ones in families (so that lineage stays bounded); agreed norms.
//! The same configuration always yields the same triples (a fixed-seed SplitMix64 generator).
//!
//! [`speech`] writes synthetic statement *texts* instead, in the shape of the UN General Debate
//! corpus, for the growth benchmark (`cargo bench --bench growth`): 1×, 10×, … the real corpus.

use normgraph::rdf::vocab::{ID, NG, RDF, UNDOCS};
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
    let proposal_cites = p("proposalCites");
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
                t(&n, &proposal_cites, res(rng.below(cfg.resolutions)));
            }
        }
    }
}

/// One synthetic General Debate speech: its file name in the corpus's `ISO3_SESSION_YEAR`
/// style (with a running number so that many speeches share a delegation and session) and its
/// text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speech {
    /// File name, e.g. `IRN_67_2012_00042.txt`.
    pub file_name: String,
    /// ISO 3166-1 alpha-3 code of the delegation.
    pub delegation: &'static str,
    /// General Assembly session (1–67).
    pub session: u32,
    /// Year of the debate (1945 + session).
    pub year: u32,
    /// The text, about `bytes` long.
    pub text: String,
}

/// Delegations the synthetic speeches come from (all in `data/reference/states.ttl`).
const SPEAKERS: &[&str] = &[
    "AFG", "ARG", "AUS", "BRA", "CAN", "CHN", "CUB", "DEU", "EGY", "ESP", "FRA", "GBR", "GHA",
    "IDN", "IND", "IRN", "IRQ", "ISR", "ITA", "JPN", "KEN", "MEX", "NGA", "NOR", "PAK", "PER",
    "PHL", "POL", "RUS", "SAU", "SEN", "SWE", "SYR", "TUR", "UKR", "USA", "VEN", "VNM", "ZAF",
    "ZWE",
];

const OPENINGS: &[&str] = &[
    "Mr. President, allow me first to congratulate you on your election to the presidency of the General Assembly at its {ordinal} session.",
    "Mr. President, on behalf of my delegation I extend to you our warm congratulations on your election.",
    "It is an honour for me to address this Assembly on behalf of my Government and my people.",
];

const FILLER: &[&str] = &[
    "The world economy remains fragile, and the developing countries bear the heaviest burden of its crises.",
    "Poverty, hunger and disease still afflict hundreds of millions of people, and our common efforts have not matched our words.",
    "My country has always believed in the value of dialogue between nations, large and small.",
    "The reform of the Security Council, to make it more representative and more democratic, can no longer be postponed.",
    "We welcome the progress made in the negotiations on general and complete disarmament, but much remains to be done.",
    "The situation in the Middle East continues to threaten the peace of the whole region.",
    "Our farmers have suffered three years of drought, and our cities have grown faster than our means to serve them.",
    "We are a young nation, proud of our independence and determined to build our future with our own hands.",
    "Development and security are two sides of the same coin.",
    "The debt burden of the least developed countries must be addressed with courage and imagination.",
    "Our region has known too many wars, and our peoples long for peace and prosperity.",
    "Education for our children is the best investment we can make.",
];

const CITATIONS: &[&str] = &[
    "We recall General Assembly resolution {ga_s}/{ga_n} and reaffirm its provisions.",
    "My Government has fully implemented Security Council resolution {sc} ({sc_year}).",
    "The Declaration contained in resolution {old} ({roman}) remains the foundation of our position.",
    "We call for the full implementation of resolutions {ga_s}/{ga_n} and {ga_s}/{ga_n2}.",
    "The Assembly adopted resolution A/RES/{ga_s}/{ga_n} by an overwhelming majority.",
    "Security Council resolution {sc} must be implemented without delay, as paragraph 2 of that resolution demands.",
];

const PROPOSALS: &[&str] = &[
    "All States should refrain from the threat or use of force against the territorial integrity and political independence of any State.",
    "States shall settle their disputes by peaceful means, in accordance with the peaceful settlement of disputes enshrined in the Charter.",
    "The international community should respect the sovereign equality of States and the principle of non-intervention in the internal affairs of States.",
    "States should cooperate to prevent terrorism in all its forms and manifestations.",
    "Every State should respect the right to development and the self-determination of peoples.",
];

const DISTRACTORS: &[&str] = &[
    "As stated in document A/{ga_s}/{ga_n}, the report of the Committee deserves careful study.",
    "The summary records (A/{ga_s}/PV.{ga_n}) show the same concern.",
    "The crisis is followed around the clock, 24/7, by the media of the world.",
    "The odds of success were once thought to be 50/50.",
];

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The `index`-th synthetic speech of a corpus generated with `seed`, about `bytes` long:
/// an opening, then paragraphs mixing filler, citations of GA and Security Council resolutions
/// in their usual written forms (numbered within the speech's own session range, so they are
/// well formed), proposals invoking principles, and distractors (document symbols, meeting
/// records, "24/7", "50/50"). The same arguments always give the same speech.
pub fn speech(seed: u64, index: usize, bytes: usize) -> Speech {
    let mut rng = Rng(seed ^ (index as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let delegation = SPEAKERS[rng.below(SPEAKERS.len())];
    // Sessions 31–67 (1976–2012): resolutions numbered session/number.
    let session = 31 + rng.below(37) as u32;
    let year = 1945 + session;
    let mut text = String::with_capacity(bytes + 512);
    let pick = |rng: &mut Rng, list: &[&str]| list[rng.below(list.len())].to_owned();
    text.push_str(&pick(&mut rng, OPENINGS).replace("{ordinal}", &ordinal(session)));
    text.push_str("\n\n");
    while text.len() < bytes {
        for _ in 0..4 {
            // About the mix of the real corpus: a 20 KB speech has some 150 sentences, a few
            // of which cite resolutions or put a norm forward.
            let roll = rng.below(100);
            let sentence = if roll < 3 {
                pick(&mut rng, CITATIONS)
            } else if roll < 5 {
                pick(&mut rng, PROPOSALS)
            } else if roll < 6 {
                pick(&mut rng, DISTRACTORS)
            } else {
                pick(&mut rng, FILLER)
            };
            let ga_s = 31 + rng.below((session - 30) as usize) as u32;
            let old = 1000 + rng.below(2000);
            let sc = 1 + rng.below(2000);
            let sentence = sentence
                .replace("{ga_s}", &ga_s.to_string())
                .replace("{ga_n}", &(1 + rng.below(250)).to_string())
                .replace("{ga_n2}", &(1 + rng.below(250)).to_string())
                .replace("{sc}", &sc.to_string())
                .replace("{sc_year}", &(1946 + rng.below(66)).to_string())
                .replace("{old}", &old.to_string())
                .replace(
                    "{roman}",
                    &normgraph::extract::citations::to_roman(20 + rng.below(10) as u32),
                );
            text.push_str(&sentence);
            text.push(' ');
        }
        text.push_str("\n\n");
    }
    Speech {
        file_name: format!("{delegation}_{session}_{year}_{index:06}.txt"),
        delegation,
        session,
        year,
        text,
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

    #[test]
    fn speeches_are_deterministic_sized_and_cite_resolutions() {
        let a = speech(7, 3, 20_000);
        assert_eq!(a, speech(7, 3, 20_000));
        assert_ne!(a.text, speech(7, 4, 20_000).text);
        assert!((20_000..22_000).contains(&a.text.len()), "{}", a.text.len());
        assert_eq!(a.year, 1945 + a.session);
        assert!(a
            .file_name
            .starts_with(&format!("{}_{}_{}_", a.delegation, a.session, a.year)));
        let found = normgraph::extract::citations::find(&a.text);
        assert!(found.len() >= 3, "{} citations", found.len());
    }
}
