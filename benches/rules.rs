//! Rules to fixpoint on synthetic graphs, side by side with EYE and Nemo, printed as ratios.
//!
//! `cargo bench --bench rules -- [--triples 1000000,10000000] [--no-eye] [--no-nemo]`
//!
//! For each size: generates the synthetic graph (`normgraph_dev::synth`), writes it as N-Triples,
//! then times (wall clock, whole runs including parsing the N-Triples) normgraph's evaluator,
//! EYE (`eye.pvm --nope --quiet --turtle data.nt rules --pass-only-new`, Debian package `eye`) and
//! Nemo (`nemo-python` from PyPI, the shipped rules translated to Nemo's syntax). Peers that are
//! not installed are skipped with a message. Results are appended to `bench/results/rules.csv`.

mod common;

use normgraph::rdf::resources::Resources;
use normgraph::rules::{evaluate, parse_files, Index, Rule, Slot};
use normgraph_dev::synth::{generate, SynthConfig};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Term, Triple};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut sizes = vec![1_000_000usize];
    let mut eye = true;
    let mut nemo = true;
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--triples" => {
                i += 1;
                sizes = args
                    .get(i)
                    .map(|s| {
                        s.split(',')
                            .filter_map(|x| x.replace('_', "").parse().ok())
                            .collect()
                    })
                    .unwrap_or(sizes);
            }
            "--no-eye" => eye = false,
            "--no-nemo" => nemo = false,
            _ => {}
        }
        i += 1;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let rules = parse_files(
        &Resources::Folder(root.clone())
            .rules()
            .expect("rules readable"),
    )
    .expect("shipped rules parse");
    let work = root.join("target/bench-rules");
    std::fs::create_dir_all(&work).expect("work dir");
    let rule_files: Vec<PathBuf> = {
        let mut v: Vec<PathBuf> = std::fs::read_dir(root.join("ontology/rules"))
            .expect("rules dir")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        v.sort();
        v
    };
    let nemo_program = work.join("rules.rls");
    let mut rows: Vec<String> = Vec::new();
    println!(
        "{:>10} {:>10} {:>10} {:>9} {:>10} {:>10} {:>9} {:>9}",
        "triples", "derived", "normgraph", "peak MB", "EYE", "Nemo", "EYE/ours", "Nemo/ours"
    );
    for size in sizes {
        let data = work.join(format!("synthetic-{size}.nt"));
        let mut count = 0usize;
        {
            let mut w = BufWriter::new(std::fs::File::create(&data).expect("create data"));
            generate(&SynthConfig::for_triples(size), |t| {
                count += 1;
                let _ = writeln!(w, "{t} .");
            });
            w.flush().expect("flush");
        }
        // normgraph: parse, index, evaluate.
        let started = Instant::now();
        let reader = std::io::BufReader::new(std::fs::File::open(&data).expect("open data"));
        let triples = RdfParser::from_format(RdfFormat::NTriples)
            .for_reader(reader)
            .map(|q| Triple::from(q.expect("valid N-Triples")));
        let ev = evaluate(Index::from_triples(triples), &rules).expect("evaluates");
        let ours = started.elapsed();
        let derived = ev.derived.len();
        let peak = peak_rss_mb();
        let (program, relations) = nemo_rules(&rules, &data);
        // Our count of facts per relation Nemo computes, to check the peers agree.
        let ours_counts: BTreeMap<String, usize> = relations
            .iter()
            .map(|(key, (name, _))| (name.clone(), count_facts(&ev.index, key)))
            .collect();
        drop(ev);
        let eye_time = if eye {
            run_eye(&data, &rule_files, &work)
        } else {
            None
        };
        if eye_time.is_some() {
            let eye_out = std::fs::read(work.join("eye-out.n3")).unwrap_or_default();
            let eye_derived = RdfParser::from_format(RdfFormat::Turtle)
                .for_slice(&eye_out)
                .filter(Result::is_ok)
                .count();
            if eye_derived == derived {
                eprintln!("EYE agrees with normgraph: {derived} derived triples");
            } else {
                eprintln!("EYE DISAGREES: EYE derived {eye_derived}, normgraph {derived}");
            }
        }
        let nemo_time = if nemo {
            std::fs::write(&nemo_program, &program).expect("write nemo program");
            run_nemo(&nemo_program, &ours_counts)
        } else {
            None
        };
        let secs =
            |d: Option<Duration>| d.map_or("-".to_owned(), |d| format!("{:.2}s", d.as_secs_f64()));
        let ratio = |d: Option<Duration>| {
            d.map_or("-".to_owned(), |d| {
                format!("{:.2}", d.as_secs_f64() / ours.as_secs_f64())
            })
        };
        println!(
            "{count:>10} {derived:>10} {:>10} {peak:>9.0} {:>10} {:>10} {:>9} {:>9}",
            secs(Some(ours)),
            secs(eye_time),
            secs(nemo_time),
            ratio(eye_time),
            ratio(nemo_time)
        );
        rows.push(format!(
            "{},{count},{derived},{:.3},{peak:.0},{},{}",
            common::today(),
            ours.as_secs_f64(),
            eye_time.map_or(String::new(), |d| format!("{:.3}", d.as_secs_f64())),
            nemo_time.map_or(String::new(), |d| format!("{:.3}", d.as_secs_f64()))
        ));
    }
    common::append_csv(
        "rules.csv",
        "date,triples,derived,normgraph_s,normgraph_peak_mb,eye_s,nemo_s",
        &rows,
    );
}

/// Peak resident memory of this process (VmHWM), in MB.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|k| k.parse::<f64>().ok())
            })
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn run_eye(data: &Path, rules: &[PathBuf], work: &Path) -> Option<Duration> {
    let out = std::fs::File::create(work.join("eye-out.n3")).ok()?;
    let started = Instant::now();
    let status = Command::new("eye.pvm")
        .args(["--nope", "--quiet", "--turtle"])
        .arg(data)
        .args(rules)
        .arg("--pass-only-new")
        .stdout(out)
        .stderr(std::process::Stdio::null())
        .status();
    match status {
        Ok(s) if s.success() => Some(started.elapsed()),
        Ok(s) => {
            eprintln!("EYE failed: {s}");
            None
        }
        Err(_) => {
            eprintln!("EYE (eye.pvm) not installed: skipped (apt-get install eye)");
            None
        }
    }
}

/// Runs Nemo on the translated program (timed: load, reason), then checks that every relation
/// has as many facts as normgraph computed.
fn run_nemo(program: &Path, ours: &BTreeMap<String, usize>) -> Option<Duration> {
    let names: Vec<&String> = ours.keys().collect();
    let script = format!(
        "import nmo_python as n, sys\ne = n.NemoEngine(n.load_file({:?}))\ne.reason()\nprint('reasoned', flush=True)\nfor r in {:?}:\n    print(r, sum(1 for _ in e.result(r)))\n",
        program.display().to_string(),
        names
    );
    let started = Instant::now();
    let mut child = Command::new("python3")
        .args(["-c", &script])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    let mut reader = std::io::BufReader::new(child.stdout.take()?);
    let mut line = String::new();
    use std::io::BufRead;
    let _ = reader.read_line(&mut line);
    let elapsed = started.elapsed();
    if line.trim() != "reasoned" {
        eprintln!("Nemo (pip install nemo-python) not available or failed: skipped");
        let _ = child.wait();
        return None;
    }
    let mut disagree = Vec::new();
    for l in reader.lines().map_while(Result::ok) {
        let mut parts = l.split_whitespace();
        if let (Some(name), Some(n)) = (
            parts.next(),
            parts.next().and_then(|n| n.parse::<usize>().ok()),
        ) {
            if ours.get(name) != Some(&n) {
                disagree.push(format!("{name}: Nemo {n}, normgraph {:?}", ours.get(name)));
            }
        }
    }
    let _ = child.wait();
    if disagree.is_empty() {
        eprintln!("Nemo agrees with normgraph on all {} relations", ours.len());
    } else {
        eprintln!("Nemo DISAGREES: {}", disagree.join("; "));
    }
    Some(elapsed)
}

/// How many facts of the index a relation key (`predicate` or `rdf:type class`) holds.
fn count_facts(index: &Index, key: &str) -> usize {
    let iri = |s: &str| Term::NamedNode(oxigraph::model::NamedNode::new_unchecked(s));
    let (p, c) = match key.split_once(' ') {
        Some((p, c)) => (index.dict.get(&iri(p)), Some(index.dict.get(&iri(c)))),
        None => (index.dict.get(&iri(key)), None),
    };
    let Some(p) = p else { return 0 };
    let o = match c {
        Some(None) => return 0,
        Some(Some(c)) => Some(c),
        None => None,
    };
    let mut n = 0;
    index.facts.scan(None, Some(p), o, &mut |_| {
        n += 1;
        true
    });
    n
}

/// Translates the rules to Nemo: one relation per predicate (and per class for `rdf:type`),
/// filled from the imported triples; negated conjunctions become helper relations.
fn nemo_rules(rules: &[Rule], data: &Path) -> (String, BTreeMap<String, (String, bool)>) {
    let rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    let mut relations: BTreeMap<String, (String, bool)> = BTreeMap::new(); // key → (name, unary)
    let mut relation = |atom: &[Slot; 3]| -> (String, bool) {
        let key = match (&atom[1], &atom[2]) {
            (Slot::Const(Term::NamedNode(p)), Slot::Const(Term::NamedNode(c)))
                if p.as_str() == rdf_type =>
            {
                format!("{} {}", p.as_str(), c.as_str())
            }
            (Slot::Const(Term::NamedNode(p)), _) => p.as_str().to_owned(),
            _ => panic!("variable predicates are not translated to Nemo"),
        };
        let unary = key.contains(' ');
        let n = relations.len();
        relations
            .entry(key)
            .or_insert_with(|| (format!("r{n}"), unary))
            .clone()
    };
    let term = |s: &Slot| match s {
        Slot::Var(v) => format!("?{}", v.replace(['-', '.'], "_")),
        Slot::Const(t) => t.to_string(),
    };
    let lit = |atom: &[Slot; 3], rel: &(String, bool)| {
        if rel.1 {
            format!("{}({})", rel.0, term(&atom[0]))
        } else {
            format!("{}({}, {})", rel.0, term(&atom[0]), term(&atom[2]))
        }
    };
    let mut body_rules = String::new();
    for (k, rule) in rules.iter().enumerate() {
        let mut body: Vec<String> = rule.body.iter().map(|a| lit(a, &relation(a))).collect();
        let bound: Vec<String> = rule
            .body
            .iter()
            .flat_map(|a| a.iter())
            .filter_map(|s| match s {
                Slot::Var(v) => Some(v.clone()),
                _ => None,
            })
            .collect();
        for (j, conj) in rule.negated.iter().enumerate() {
            let mut shared: Vec<String> = conj
                .iter()
                .flat_map(|a| a.iter())
                .filter_map(|s| match s {
                    Slot::Var(v) if bound.contains(v) => {
                        Some(format!("?{}", v.replace(['-', '.'], "_")))
                    }
                    _ => None,
                })
                .collect();
            shared.sort();
            shared.dedup();
            let helper = format!("neg{k}_{j}");
            let parts: Vec<String> = conj.iter().map(|a| lit(a, &relation(a))).collect();
            let _ = writeln!(
                body_rules,
                "{helper}({}) :- {} .",
                shared.join(", "),
                parts.join(", ")
            );
            body.push(format!("~{helper}({})", shared.join(", ")));
        }
        let head = lit(&rule.head, &relation(&rule.head));
        let _ = writeln!(body_rules, "{head} :- {} .", body.join(", "));
    }
    let mut out = format!(
        "@import triples :- ntriples{{resource={:?}}} .\n",
        data.display().to_string()
    );
    for (key, (name, unary)) in &relations {
        if *unary {
            let (p, c) = key.split_once(' ').expect("type key");
            let _ = writeln!(out, "{name}(?S) :- triples(?S, <{p}>, <{c}>) .");
        } else {
            let _ = writeln!(out, "{name}(?S, ?O) :- triples(?S, <{key}>, ?O) .");
        }
    }
    (out + &body_rules, relations)
}
