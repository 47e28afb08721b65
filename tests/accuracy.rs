//! Measured accuracy on the hand-checked gold files: citations in 60 UN General Debate speeches
//! (tests/gold/ungdc-citations.json, the targets of the extraction issue), Charter articles
//! and document symbols in 30 others (tests/gold/ungdc-instruments.json), and principles,
//! threats and positions in 42 speeches and 121 passages on ICTs (tests/gold/*-concepts*.json,
//! annotated blind by docs/annotation.md).

use crate::util::{normgraph, ok, root};

/// `normgraph eval --json` on gold files of tests/gold/ (pooled).
fn report(gold: &str) -> serde_json::Value {
    pooled(&[gold])
}

fn pooled(golds: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut args = vec!["eval".to_owned()];
    for gold in golds {
        args.push("--gold".to_owned());
        args.push(
            root()
                .join("tests/gold")
                .join(gold)
                .to_str()
                .expect("utf8")
                .to_owned(),
        );
    }
    args.push("--json".to_owned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = ok(&dir.path().join("store"), dir.path(), &args).stdout;
    serde_json::from_str(&out).expect("json report")
}

/// Strict precision and recall of one kind (or `all`) in a report.
fn precision_recall(report: &serde_json::Value, kind: &str) -> (f64, f64) {
    counts(report, "strict", kind)
}

/// Precision and recall of one kind in the `strict` or `lenient` table of a report.
fn counts(report: &serde_json::Value, table: &str, kind: &str) -> (f64, f64) {
    let c = &report[table][kind];
    let tp = c["true_positives"].as_f64().expect("tp");
    let fp = c["false_positives"].as_f64().expect("fp");
    let fn_ = c["false_negatives"].as_f64().expect("fn");
    (tp / (tp + fp), tp / (tp + fn_))
}

/// Asserts that a written blind set of twelve passages keeps lenient precision and recall at or
/// above each `(kind, precision, recall)` floor.
fn assert_written_set_floors(gold: &str, floors: [(&str, f64, f64); 3]) {
    let report = pooled(&[gold]);
    assert_eq!(report["files"], 12);
    assert_lenient_floors(&report, floors);
}

/// Asserts lenient precision and recall at or above each `(kind, precision, recall)` floor.
fn assert_lenient_floors(report: &serde_json::Value, floors: [(&str, f64, f64); 3]) {
    for (kind, p, r) in floors {
        let (precision, recall) = counts(report, "lenient", kind);
        assert!(precision >= p, "{kind}: precision {precision:.4} below {p}");
        assert!(recall >= r, "{kind}: recall {recall:.4} below {r}");
    }
}

#[test]
fn citation_extraction_meets_the_targets_on_the_gold_speeches() {
    let report = report("ungdc-citations.json");
    assert_eq!(report["files"], 60);
    let (precision, recall) = precision_recall(&report, "all");
    assert!(precision >= 0.99, "precision {precision:.4} below 0.99");
    assert!(recall >= 0.97, "recall {recall:.4} below 0.97");
}

/// Hand-checked without looking at the extractor's output, since used in development: the floor
/// guards against regressions; the figures are in the README.
#[test]
fn instrument_references_stay_accurate_on_their_gold_speeches() {
    let report = report("ungdc-instruments.json");
    assert_eq!(report["files"], 30);
    for kind in ["charter-article", "document"] {
        let (precision, recall) = precision_recall(&report, kind);
        assert!(precision >= 0.95, "{kind}: precision {precision:.4}");
        assert!(recall >= 0.85, "{kind}: recall {recall:.4}");
    }
}

/// Principles, threats and positions on the development gold (annotated blind; the rules were
/// then written against it, so the floors guard against regressions; the figures, development
/// and held-out, are in the README).
#[test]
fn concepts_stay_accurate_on_the_development_gold() {
    let report = pooled(&["ungdc-concepts.json", "ict-concepts.json"]);
    assert_eq!(report["files"], 32 + 91);
    assert_eq!(report["listed"], "lenient");
    assert_lenient_floors(
        &report,
        [
            ("principle", 0.90, 0.83),
            ("threat", 0.94, 0.80),
            // 0.58: the sixteenth session marked three calls for further norms in the 2020
            // seed that the extractor misses (recall 0.682 -> 0.600 on this gold).
            ("position", 0.95, 0.58),
        ],
    );
    // Every disagreement is listed, with its concept.
    let misses = report["misses"].as_array().expect("misses");
    assert!(misses
        .iter()
        .all(|m| m["id"].as_str().is_some_and(|id| id.contains(':'))));
    assert!(
        report["by_id"]["principle:non-intervention"]["true_positives"]
            .as_u64()
            .is_some_and(|n| n > 0)
    );
}

/// Concepts on the twenty-one blind sets written by helpers from the definitions alone and then
/// used for development (`positions-fresh`, `concepts-fresh`, `concepts-natural`,
/// `concepts-forums`, `concepts-venues`, `concepts-debates`, `concepts-summits`,
/// `concepts-plenary`, `concepts-assembly`, `concepts-general`, `concepts-sessions`,
/// `concepts-podium`, `concepts-addresses`, `concepts-rostrum`, `concepts-lectern`,
/// `concepts-chamber`, `concepts-gallery`, `concepts-dais`, `concepts-tribune`,
/// `concepts-floor`, `concepts-hall` and `concepts-caucus`, each held out until a later one was
/// written, `concepts-caucus` read as soon as scored in the seventeenth session): floors a
/// little under the figures of 2026-12-06 at the seventeenth session's end (lenient P / R:
/// principles 0.937 / 0.874, threats 0.834 / 0.698, positions 0.905 / 0.762), against
/// regressions. Their first-seen figures are in the README.
#[test]
fn concepts_stay_accurate_on_the_blind_sets_used_for_development() {
    let report = pooled(&[
        "positions-fresh.json",
        "concepts-fresh.json",
        "concepts-natural.json",
        "concepts-forums.json",
        "concepts-venues.json",
        "concepts-debates.json",
        "concepts-summits.json",
        "concepts-plenary.json",
        "concepts-assembly.json",
        "concepts-general.json",
        "concepts-sessions.json",
        "concepts-podium.json",
        "concepts-addresses.json",
        "concepts-rostrum.json",
        "concepts-lectern.json",
        "concepts-chamber.json",
        "concepts-gallery.json",
        "concepts-dais.json",
        "concepts-tribune.json",
        "concepts-floor.json",
        "concepts-hall.json",
        "concepts-caucus.json",
    ]);
    assert_eq!(report["files"], 14 + 16 + 12 * 20);
    assert_lenient_floors(
        &report,
        [
            ("principle", 0.92, 0.85),
            ("threat", 0.81, 0.67),
            ("position", 0.88, 0.74),
        ],
    );
}

/// Concepts on the held-out blind set `concepts-quorum` (twelve passages: seven General Debate
/// speeches of 2014 to 2024, Security Council debates on cyberspace of 2021 and on the protection
/// of civilians of 2019, a First Committee statement of 2019, an OEWG statement of 2023 and one
/// of the Ad Hoc Committee on cybercrime of 2022, written and annotated blind by helpers at the
/// start of the sixteenth session, the annotator following the guidelines as decided that
/// session; scored, its disagreements and its writers' notes never read). Floors under its
/// first-seen figures of 2026-12-06 (lenient P / R with 64a0486, the fifteenth session's end:
/// principles 0.934 / 0.845, threats 0.794 / 0.466, positions 0.941 / 0.640), so that a change
/// that loses ground on writing it was not made for fails here.
#[test]
fn concepts_hold_on_the_held_out_blind_set() {
    assert_written_set_floors(
        "concepts-quorum.json",
        [
            ("principle", 0.91, 0.82),
            ("threat", 0.76, 0.44),
            ("position", 0.90, 0.62),
        ],
    );
}

/// Concepts on the third held-out blind set, `concepts-bureau` (twelve passages: six General
/// Debate speeches of 2014 to 2024, OEWG statements of 2019 and 2022, a Security Council debate
/// of 2023, a First Committee statement of 2016, a Human Rights Council debate of 2022 and a
/// statement at the Ad Hoc Committee on cybercrime of 2024, written and annotated blind by
/// helpers at the end of the seventeenth session; scored, its disagreements and its writers'
/// notes never read). Floors under its first-seen figures of 2026-12-06 (lenient P / R with
/// 9cacaf0, the seventeenth session's end: principles 0.903 / 0.816, threats 0.756 / 0.408,
/// positions 0.857 / 0.364; with fa8a27e the same but threats 0.769 / 0.395). The eighteenth
/// session's rounds (not drawn from it) moved positions to 0.875 / 0.424 at its end (threats
/// 0.756 / 0.408, as before).
#[test]
fn concepts_hold_on_the_third_held_out_blind_set() {
    assert_written_set_floors(
        "concepts-bureau.json",
        [
            ("principle", 0.88, 0.79),
            ("threat", 0.73, 0.38),
            ("position", 0.83, 0.40),
        ],
    );
}

/// Concepts on `concepts-delegates` (twelve passages: six General Debate speeches of 2015 to
/// 2023, a Security Council open debate of 2024, a First Committee statement of 2018, an OEWG
/// statement of 2024, the Ad Hoc Committee on cybercrime's concluding session of 2024, a Human
/// Rights Council dialogue of 2023 and a Summit of the Future statement of 2024; 163 mentions:
/// 87 principles, 56 threats, 20 positions), written and annotated blind by helpers in the
/// eighteenth session and held out there. First seen (lenient P / R) with 86515f3, the
/// seventeenth session's end: principles 0.922 / 0.816, threats 0.743 / 0.464, positions 0.833
/// / 0.500; at the eighteenth session's end 0.922 / 0.816, 0.750 / 0.482, 0.786 / 0.550. Read
/// in the nineteenth session once `concepts-envoys` existed (a development set from then on);
/// floors under that session's figures (0.929 / 0.908, 0.800 / 0.643, 0.800 / 0.600).
#[test]
fn concepts_hold_on_the_fourth_blind_set_now_read() {
    assert_written_set_floors(
        "concepts-delegates.json",
        [
            ("principle", 0.90, 0.88),
            ("threat", 0.77, 0.61),
            ("position", 0.77, 0.57),
        ],
    );
}

/// Concepts on `concepts-envoys` (twelve General Debate excerpts of 2013 to 2024 from twelve
/// kinds of State, four much about ICTs, four a little, four not at all; 150 mentions: 91
/// principles, 39 threats, 20 positions), written and annotated blind by helpers in the
/// nineteenth session. First seen with 5e42561 (the eighteenth session's end): principles
/// 0.837 / 0.901, threats 0.676 / 0.590, positions 0.600 / 0.450. A second blind annotation
/// (`tests/gold/second/concepts-envoys.json`) agrees with the first at 0.966 / 0.934, 0.830 /
/// 1.000 and 1.000 / 1.000 (`normgraph eval --second`): the texts can be read far better than
/// the extractor read them. Read in the same session once `concepts-missions` was being written;
/// floors under that session's figures (0.904 / 0.934, 0.732 / 0.769, 0.778 / 0.700).
#[test]
fn concepts_hold_on_the_fifth_blind_set_now_read() {
    assert_written_set_floors(
        "concepts-envoys.json",
        [
            ("principle", 0.88, 0.91),
            ("threat", 0.70, 0.74),
            ("position", 0.75, 0.67),
        ],
    );
}

/// Concepts on the held-out blind set `concepts-missions` (twelve General Debate excerpts of
/// 2013 to 2024 from twelve other kinds of State; 175 mentions: 97 principles, 49 threats, 29
/// positions), written and annotated blind by helpers in the nineteenth session; scored, its
/// disagreements and its writers' notes never read. First seen with 5e42561: principles 0.840 /
/// 0.814, threats 0.968 / 0.612, positions 0.789 / 0.517; with the nineteenth session's rounds
/// (none drawn from it) 0.849 / 0.814, 0.968 / 0.612, 0.789 / 0.517. Floors under the latter.
/// A second blind annotation (`tests/gold/second/concepts-missions.json`) agrees with the first
/// at 0.960 / 0.990, 0.980 / 0.980 and 0.931 / 0.931.
#[test]
fn concepts_hold_on_the_sixth_held_out_blind_set() {
    assert_written_set_floors(
        "concepts-missions.json",
        [
            ("principle", 0.82, 0.79),
            ("threat", 0.93, 0.58),
            ("position", 0.76, 0.49),
        ],
    );
}

/// Concepts on the second held-out blind set, `concepts-council` (twelve passages: eight General
/// Debate speeches of 2013 to 2024, Security Council meetings on cyber stability of 2020 and on
/// artificial intelligence of 2024, a First Committee statement of 2017 and an OEWG statement of
/// 2020, written and annotated blind by helpers in the fifteenth session; scored, its
/// disagreements and its writers' notes never read). Floors under its first-seen figures of
/// 2026-12-06 (lenient P / R, the same with 0afdc68, 9bed15a and 6592a5b: principles 0.869 /
/// 0.794, threats 0.757 / 0.509, positions 0.900 / 0.409).
#[test]
fn concepts_hold_on_the_second_held_out_blind_set() {
    assert_written_set_floors(
        "concepts-council.json",
        [
            ("principle", 0.84, 0.77),
            ("threat", 0.72, 0.48),
            ("position", 0.86, 0.38),
        ],
    );
}

/// Principles in real General Debate speeches annotated blind in the fifteenth to seventeenth
/// sessions, each set chosen by a rule fixed before reading (`tests/fixtures/*/SOURCE.md`):
/// `ungdc-recent` (five speeches of 2010 and 2012 that mention ICTs; first seen at P 0.768, R
/// 0.935), `ungdc-late` (five of 2008 to 2012; 0.771 / 0.794), `ungdc-sixty` (six; 0.837 /
/// 0.774), `ungdc-fourth` (six; 0.932 / 0.683), `ungdc-fifth` (six; 0.783 / 0.783),
/// `ungdc-sixth` (six; 0.912 / 0.646), `ungdc-seventh` (six; 0.872 / 0.872), `ungdc-eighth`
/// (six; 0.871 / 0.659 with 0afdc68, 0.900 / 0.659 with 64a0486) and `ungdc-ninth` (six of 2008
/// to 2010; 0.723 / 0.756 with 64a0486, 0.729 / 0.778 with 0afdc68; 0.891 / 0.911 after the
/// seventeenth session's round from it), `ungdc-tenth` (six of 2005 to 2012, annotated in the
/// seventeenth session; P 0.764, R 0.737 with fa8a27e, built before it; read in the eighteenth,
/// 0.860 / 0.860 at its end, after its round was narrowed by a review), read in turn, and `ungdc-eleventh` (six of 2000 to 2012,
/// annotated at the seventeenth session's end; P 0.838, R 0.838 with fa8a27e and with 9cacaf0,
/// both built before it; 0.857 / 0.811 at the eighteenth session's end) and `ungdc-twelfth`
/// (six of 1995 to 2006, annotated in the eighteenth session; 0.780 / 0.750 with 86515f3, 0.816
/// / 0.769 at that session's end), both read in the nineteenth (0.912 / 0.838 and 0.857 / 0.923
/// at its end), and `ungdc-thirteenth` (six of 2004 to 2010, annotated in the nineteenth
/// session; 0.789 / 0.833 with 5e42561, built before it, and at that session's end; held out, its
/// disagreements never read; a second blind annotation agrees with the first at 0.923 / 1.000).
/// No annotator found a threat or a position in them.
/// Floors under the figures of 2026-12-06 at the eighteenth session's end, raised for
/// `ungdc-eleventh` and `ungdc-twelfth` at the nineteenth's, when they were read.
#[test]
fn principles_in_real_speeches_annotated_blind() {
    for (gold, files, floor_p, floor_r) in [
        ("ungdc-recent.json", 5, 0.82, 0.95),
        ("ungdc-late.json", 5, 0.84, 0.79),
        ("ungdc-sixty.json", 6, 0.84, 0.84),
        ("ungdc-fourth.json", 6, 0.93, 0.75),
        ("ungdc-fifth.json", 6, 0.84, 0.87),
        ("ungdc-sixth.json", 6, 0.91, 0.70),
        ("ungdc-seventh.json", 6, 0.87, 0.90),
        ("ungdc-eighth.json", 6, 0.90, 0.85),
        ("ungdc-ninth.json", 6, 0.87, 0.89),
        ("ungdc-tenth.json", 6, 0.82, 0.84),
        ("ungdc-eleventh.json", 6, 0.89, 0.81),
        ("ungdc-twelfth.json", 6, 0.83, 0.90),
        ("ungdc-thirteenth.json", 6, 0.76, 0.80),
    ] {
        let report = pooled(&[gold]);
        assert_eq!(report["files"], files);
        let (p, r) = counts(&report, "lenient", "principle");
        assert!(p >= floor_p && r >= floor_r, "{gold}: principles {p} / {r}");
    }
}

/// Proposed norms and their links to the agreed norms, on the proposal gold (annotated blind by
/// docs/annotation-proposals.md; the rules were then written against the development files, so
/// the floors guard against regressions; the figures, with the held-out ones, are in the README).
#[test]
fn proposals_and_their_refinements_stay_accurate_on_the_development_gold() {
    let report = report("proposals.json");
    assert_eq!(report["listed"], "lenient");
    let (precision, recall) = counts(&report, "lenient", "proposal");
    assert!(precision >= 0.85, "proposals: precision {precision:.4}");
    assert!(recall >= 0.80, "proposals: recall {recall:.4}");
    let (precision, recall) = counts(&report, "lenient", "refines");
    assert!(precision >= 0.85, "refines: precision {precision:.4}");
    assert!(recall >= 0.60, "refines: recall {recall:.4}");
    // Disagreements name the link that differs.
    let misses = report["misses"].as_array().expect("misses");
    assert!(misses.iter().all(|m| {
        let id = m["id"].as_str().unwrap_or_default();
        id == "proposal" || id.starts_with("refines 13(") || id.starts_with("restates 13(")
    }));
}

/// Citations in the other five UN languages, on two sets written and annotated by helpers who
/// had not seen the extractor (French and Spanish: `languages-fresh-citations.json`; Russian,
/// Arabic and Chinese: `languages-citations.json`). Lenient (the same resolution on an
/// overlapping span): Arabic spans take the particles joined to the word and a date after
/// "المؤرخ", which the extractor leaves out. The goal is P ≥ 0.95, R ≥ 0.9.
#[test]
fn citations_in_the_other_un_languages_meet_the_goal() {
    let report = pooled(&[
        "languages-fresh-citations.json",
        "languages-second-citations.json",
        "languages-citations.json",
        "languages-third-citations.json",
        "languages-fourth-citations.json",
        "languages-fifth-citations.json",
        "languages-sixth-citations.json",
        "languages-seventh-citations.json",
        "languages-eighth-citations.json",
        "languages-ninth-citations.json",
    ]);
    let (precision, recall) = counts(&report, "lenient", "all");
    assert!(precision >= 0.95, "precision {precision:.4} below 0.95");
    assert!(recall >= 0.9, "recall {recall:.4} below 0.9");
}

/// Concepts in French and Spanish. `languages-fresh` (ten passages written and annotated blind
/// in the twentieth session, read since): first seen at principles 0.867 / 0.456, threats
/// 0.812 / 0.236, positions 1.000 / 0.091; 0.955 / 0.737, 0.955 / 0.764, 0.947 / 0.818 after the
/// twenty-first session's patterns in those languages (`ontology/patterns-un-languages.ttl`),
/// written after reading its misses. `languages-second` (ten more, written and annotated blind
/// in the twenty-first session; held out: scored, its disagreements not read): first seen at
/// 0.765 / 0.500, 0.720 / 0.346, 0.333 / 0.033 before those patterns and 0.833 / 0.673, 0.861 /
/// 0.596, 0.867 / 0.433 with them (scored after each step, counts only). Floors under the
/// latter figures. `languages-third` (Russian, Arabic, Chinese; written and annotated blind in
/// the twenty-second session, held out): first seen at 0.750 / 0.088, none, none; 0.895 / 0.250,
/// 0.778 / 0.109, 1.000 / 0.097 at the session's end; 0.954 / 0.603, 0.778 / 0.328, 0.857 /
/// 0.194 after the twenty-third's (scored four times in it, counts only).
/// `languages-fourth` (Russian, Arabic, Chinese; written and annotated blind in the
/// twenty-third session and read: development): first seen at 0.857 / 0.250, 0.625 / 0.174,
/// 0.750 / 0.077; 0.939 / 0.847, 0.838 / 0.721, 0.882 / 0.385 after that session's work.
/// `languages-fifth` (the same three languages, mostly outside the OEWG; written and annotated
/// blind in the same session and read after its first score): first seen at 0.949 / 0.617,
/// 0.677 / 0.328, 1.000 / 0.350 (0.857 / 0.200, 0.667 / 0.188, 1.000 / 0.150 before the
/// session); 0.952 / 0.667, 0.825 / 0.516, 1.000 / 0.550 after its round and a blind review's
/// mends. Twenty-fourth session: `languages-seventh` (Russian, Arabic, Chinese; First Committee,
/// OEWG agenda items, group statements) and `languages-eighth` (French, Spanish) written and
/// annotated blind, committed before any output was seen, then read: first seen at 0.950 /
/// 0.559, 0.800 / 0.368, 0.750 / 0.107 and 0.861 / 0.661, 0.667 / 0.135, 0.917 / 0.458.
/// Twenty-fifth session: Chinese word patterns (a word matched as its characters in a row)
/// moved the three Russian/Arabic/Chinese development sets to 0.945 / 0.958, 0.854 / 0.884,
/// 0.920 / 0.590 (`-fourth`), 0.962 / 0.850, 0.843 / 0.672, 1.000 / 0.700 (`-fifth`) and
/// 0.983 / 0.868, 0.873 / 0.816, 0.917 / 0.393 (`-seventh`); their floors rose under them.
/// The held-out `-third` and `-sixth`, scored twice in that session (counts only), moved from
/// 0.957 / 0.662, 0.767 / 0.359, 0.875 / 0.226 to 0.941 / 0.706, 0.744 / 0.500, 0.909 / 0.323
/// and from 0.870 / 0.741, 0.790 / 0.385, 1.000 / 0.250 to 0.875 / 0.778, 0.790 / 0.385,
/// 0.833 / 0.250 (one more false position among six): `-third`'s threat and `-sixth`'s
/// position precision floors were lowered to hold the recall gained, said so here. After the
/// round on `languages-ninth` (a Chinese development set) they stood, scored a third time, at
/// 0.941 / 0.706, 0.778 / 0.547, 0.909 / 0.323 and 0.875 / 0.778, 0.842 / 0.410, 0.833 / 0.250.
/// Twenty-sixth session: Russian, Arabic and Chinese stance cues of forms the English ones
/// read (a later "we support this process", "what is lacking is not", a solid basis) moved
/// positions to 0.897 / 0.667 (`-fourth`), 1.000 / 0.850 (`-fifth`), 0.929 / 0.464
/// (`-seventh`) and 1.000 / 0.710 (`-ninth`); their recall floors rose under them. The held-out
/// `-sixth` moved to 0.875 / 0.350 (counts only), `-third` not at all. Twenty-seventh session:
/// the programme of action named with its purpose (French) or in the Russian accusative, the
/// convention by its mandate's name, "no estamos en condiciones de", "lo que falta no son",
/// "ce qui manque n'est pas" moved positions to 0.941 / 0.533 (`-second`), 0.900 / 0.692
/// (`-fourth`), 0.941 / 0.571 (`-seventh`) and 0.941 / 0.667 (`-eighth`); floors rose under
/// them. The held-out sets did not move.
#[test]
fn concepts_in_french_and_spanish() {
    // (gold file, how many statements it scores, floors)
    for (gold, files, floors) in [
        (
            "languages-fresh-concepts.json",
            10,
            [
                ("principle", 0.93, 0.71),
                ("threat", 0.91, 0.74),
                ("position", 0.92, 0.79),
            ],
        ),
        (
            "languages-second-concepts.json",
            10,
            [
                ("principle", 0.81, 0.65),
                ("threat", 0.84, 0.59),
                ("position", 0.90, 0.50),
            ],
        ),
        // Russian, Arabic and Chinese (held out; far from the goal, README): floors that keep
        // the declined Russian labels, the three languages' stance cues, the Russian and
        // Arabic patterns, the folded Arabic marks and the Chinese terms from being lost.
        (
            "languages-third-concepts.json",
            10,
            [
                ("principle", 0.92, 0.67),
                ("threat", 0.75, 0.50),
                ("position", 0.85, 0.30),
            ],
        ),
        (
            "languages-fourth-concepts.json",
            12,
            [
                ("principle", 0.91, 0.94),
                ("threat", 0.83, 0.85),
                ("position", 0.88, 0.66),
            ],
        ),
        // Held out (written and annotated blind at the twenty-third session's end, scored
        // once: 0.861 / 0.685, 0.778 / 0.359, 1.000 / 0.250; 0.833 / 0.185, 0.667 / 0.154,
        // 1.000 / 0.250 before that session).
        (
            "languages-sixth-concepts.json",
            9,
            [
                ("principle", 0.83, 0.74),
                ("threat", 0.80, 0.38),
                ("position", 0.80, 0.20),
            ],
        ),
        (
            "languages-fifth-concepts.json",
            12,
            [
                ("principle", 0.92, 0.83),
                ("threat", 0.80, 0.64),
                ("position", 0.90, 0.80),
            ],
        ),
        // Development sets of the twenty-fourth session (read), floors under their figures at
        // its end.
        (
            "languages-seventh-concepts.json",
            12,
            [
                ("principle", 0.94, 0.84),
                ("threat", 0.85, 0.78),
                ("position", 0.88, 0.54),
            ],
        ),
        (
            "languages-eighth-concepts.json",
            12,
            [
                ("principle", 0.87, 0.90),
                ("threat", 0.85, 0.67),
                ("position", 0.90, 0.63),
            ],
        ),
        // Chinese (twenty-fifth session; written and annotated blind, committed before any
        // output was seen, then read): first seen at 0.868 / 0.485, 0.594 / 0.229, 1.000 /
        // 0.065 (4ec1335); 0.902 / 0.809, 0.866 / 0.855, 1.000 / 0.548 after its round.
        (
            "languages-ninth-concepts.json",
            10,
            [
                ("principle", 0.88, 0.78),
                ("threat", 0.84, 0.82),
                ("position", 0.90, 0.66),
            ],
        ),
    ] {
        let report = pooled(&[gold]);
        assert_eq!(report["files"], files, "{gold}");
        assert_lenient_floors(&report, floors);
    }
}

/// `eval --second`: two annotations of the same texts compared mark by mark (agreement between
/// annotators), by the lenient comparison concepts are measured by: an overlapping span with the
/// same id agrees, another concept or another stance on the same words does not. Files listed
/// by one annotation only are an error naming the file that lacks them.
#[test]
fn two_annotations_of_the_same_texts_are_compared_mark_by_mark() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mark = |surface: &str, start: usize, id: &str, stance: Option<&str>| {
        serde_json::json!({"surface": surface, "start": start, "end": start + surface.chars().count(),
            "id": id, "stance": stance})
    };
    let first = serde_json::json!({"facts": "concepts", "files": {
        "a.txt": [
            mark("non-intervention", 10, "principle:non-intervention", None),
            mark("ransomware", 60, "threat:ransomware", None),
            mark("a new treaty", 90, "position:legally-binding-instrument", Some("supports")),
        ],
        "b.txt": [mark("sovereignty", 5, "principle:sovereignty", None)],
    }});
    let second = serde_json::json!({"facts": "concepts", "files": {
        "a.txt": [
            // The same mention on longer words: agrees.
            mark("principle of non-intervention", 0, "principle:non-intervention", None),
            // The same words, another concept: one missed, one extra.
            mark("ransomware", 60, "threat:cybercrime", None),
            // The same proposal, the other stance.
            mark("a new treaty", 90, "position:legally-binding-instrument", Some("opposes")),
            mark("human rights", 120, "principle:human-rights", None),
        ],
        "b.txt": [],
    }});
    let write = |name: &str, value: &serde_json::Value| {
        let path = dir.path().join(name);
        std::fs::write(&path, value.to_string()).expect("write");
        path.to_str().expect("utf8").to_owned()
    };
    let (a, b) = (write("first.json", &first), write("second.json", &second));
    let store = dir.path().join("store");
    let out = ok(
        &store,
        dir.path(),
        &["eval", "--gold", &a, "--second", &b, "--json"],
    )
    .stdout;
    let report: serde_json::Value = serde_json::from_str(&out).expect("json report");
    assert_eq!(report["files"], 2);
    let table = |kind: &str| {
        let c = &report["lenient"][kind];
        (
            c["true_positives"].clone(),
            c["false_positives"].clone(),
            c["false_negatives"].clone(),
        )
    };
    assert_eq!(table("principle"), (1.into(), 1.into(), 1.into()));
    assert_eq!(table("threat"), (0.into(), 1.into(), 1.into()));
    assert_eq!(table("position"), (0.into(), 1.into(), 1.into()));
    assert_eq!(report["misses"].as_array().expect("misses").len(), 6);

    // A text one annotation does not list.
    let mut short = second.clone();
    short["files"]
        .as_object_mut()
        .expect("files")
        .remove("b.txt");
    let c = write("short.json", &short);
    let run = normgraph(&store, dir.path(), &["eval", "--gold", &a, "--second", &c]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("short.json") && run.stderr.contains("b.txt"),
        "{}",
        run.stderr
    );
    // --second compares one gold file.
    let run = normgraph(
        &store,
        dir.path(),
        &["eval", "--gold", &a, "--gold", &a, "--second", &b],
    );
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("--second"), "{}", run.stderr);
}
