//! Parsing N3 rule files (with oxttl's N3 parser) into checked rules.
//!
//! A rule is a top-level `{ body } => { head } .` (`log:implies`). In the body, variables are
//! `?x`; blank nodes act as variables too. `?S log:notIncludes { … }` is a negated pattern; the
//! `log:`, `math:` and `string:` builtins listed in [`super`] are tests on bound values. Each head
//! triple becomes its own rule (same body), so every rule derives one predicate.

use super::RuleError;
use crate::error::Location;
use oxigraph::model::{GraphName, Term};
use oxttl::n3::{N3Quad, N3Term};
use oxttl::N3Parser;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

const LOG: &str = "http://www.w3.org/2000/10/swap/log#";
const MATH: &str = "http://www.w3.org/2000/10/swap/math#";
const STRING: &str = "http://www.w3.org/2000/10/swap/string#";

/// A position of a triple pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Slot {
    /// A variable, by name.
    Var(String),
    /// A constant term.
    Const(Term),
}

impl std::fmt::Display for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Slot::Var(v) => write!(f, "?{v}"),
            Slot::Const(t) => write!(f, "{t}"),
        }
    }
}

/// A triple pattern.
pub type Atom = [Slot; 3];

/// A builtin test in a rule body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Builtin {
    /// The builtin's IRI.
    pub name: String,
    /// Its two arguments.
    pub args: [Slot; 2],
}

/// One checked rule with a single head triple.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// `file.n3:line` of the rule's `=>`.
    pub id: String,
    /// The comment just above the rule, if any.
    pub label: String,
    /// Positive body patterns.
    pub body: Vec<Atom>,
    /// Negated conjunctions (`log:notIncludes`).
    pub negated: Vec<Vec<Atom>>,
    /// Builtin tests.
    pub builtins: Vec<Builtin>,
    /// The head triple.
    pub head: Atom,
}

impl Rule {
    /// The predicate IRI the rule derives, or `None` when the head's predicate is a variable.
    pub fn head_predicate(&self) -> Option<String> {
        match &self.head[1] {
            Slot::Const(Term::NamedNode(n)) => Some(n.as_str().to_owned()),
            _ => None,
        }
    }
}

/// Reads every `*.n3` file in a folder (sorted) or one file.
pub fn load_rules(path: &Path) -> Result<Vec<Rule>, RuleError> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|source| RuleError::Io {
                path: path.to_path_buf(),
                source,
            })?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "n3"))
            .collect();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    };
    let mut rules = Vec::new();
    for file in files {
        let text = crate::source::file::read_text(&file)?;
        rules.extend(parse_rules(&text, &file)?);
    }
    if rules.is_empty() {
        return Err(RuleError::NoRules(path.to_path_buf()));
    }
    Ok(rules)
}

/// Parses rule files already read (e.g. the shipped ones, see [`crate::rdf::resources::Resources::rules`]).
pub fn parse_files(files: &[crate::rdf::resources::ResourceFile]) -> Result<Vec<Rule>, RuleError> {
    let mut rules = Vec::new();
    for f in files {
        rules.extend(parse_rules(&f.text, &f.origin)?);
    }
    if rules.is_empty() {
        return Err(RuleError::NoRules(PathBuf::from("ontology/rules")));
    }
    Ok(rules)
}

/// Parses the rules of one N3 text; `path` names it in errors.
pub fn parse_rules(text: &str, path: &Path) -> Result<Vec<Rule>, RuleError> {
    let mut quads: Vec<N3Quad> = Vec::new();
    for q in N3Parser::new().for_slice(text.as_bytes()) {
        quads.push(q.map_err(|e| {
            let r = e.location();
            let known = r.start.line > 0 || r.start.column > 0 || r.end.offset > 0;
            RuleError::Syntax {
                location: Location::from_parser(
                    path,
                    known.then_some((r.start.line, r.start.column)),
                ),
                message: e.message().to_owned(),
            }
        })?);
    }
    let mut formulas: HashMap<String, Vec<&N3Quad>> = HashMap::new();
    for q in &quads {
        if let GraphName::BlankNode(b) = &q.graph_name {
            formulas.entry(b.as_str().to_owned()).or_default().push(q);
        }
    }
    let positions = implies_positions(text);
    let implies = format!("{LOG}implies");
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    let mut rules = Vec::new();
    let mut index = 0;
    for q in quads
        .iter()
        .filter(|q| q.graph_name == GraphName::DefaultGraph)
    {
        let is_rule = matches!(&q.predicate, N3Term::NamedNode(n) if n.as_str() == implies);
        if !is_rule {
            continue;
        }
        let (line, label) = positions.get(index).cloned().unwrap_or((0, String::new()));
        index += 1;
        let invalid = |message: String| RuleError::Invalid {
            path: path.to_path_buf(),
            line,
            rule: label.clone(),
            message,
        };
        let (N3Term::BlankNode(body_id), N3Term::BlankNode(head_id)) = (&q.subject, &q.object)
        else {
            return Err(invalid("both sides of => must be formulas { … }".into()));
        };
        let body_quads = formulas.get(body_id.as_str()).cloned().unwrap_or_default();
        let head_quads = formulas.get(head_id.as_str()).cloned().unwrap_or_default();
        let mut body = Vec::new();
        let mut negated = Vec::new();
        let mut builtins = Vec::new();
        for bq in body_quads {
            let predicate = match &bq.predicate {
                N3Term::NamedNode(n) => Some(n.as_str().to_owned()),
                _ => None,
            };
            match predicate.as_deref() {
                Some(p) if p == format!("{LOG}notIncludes") => {
                    let N3Term::BlankNode(f) = &bq.object else {
                        return Err(invalid("log:notIncludes takes a formula { … }".into()));
                    };
                    let pattern: Vec<Atom> = formulas
                        .get(f.as_str())
                        .map(|v| v.iter().map(|q| atom(q, true)).collect::<Result<_, _>>())
                        .transpose()
                        .map_err(invalid)?
                        .unwrap_or_default();
                    negated.push(pattern);
                }
                Some(p) if p.starts_with(LOG) || p.starts_with(MATH) || p.starts_with(STRING) => {
                    let supported = [
                        format!("{LOG}equalTo"),
                        format!("{LOG}notEqualTo"),
                        format!("{MATH}greaterThan"),
                        format!("{MATH}lessThan"),
                        format!("{STRING}contains"),
                        format!("{STRING}startsWith"),
                    ];
                    if !supported.iter().any(|s| s == p) {
                        return Err(invalid(format!("unsupported builtin <{p}>")));
                    }
                    let a = atom(bq, true).map_err(invalid)?;
                    let [s, _, o] = a;
                    builtins.push(Builtin {
                        name: p.to_owned(),
                        args: [s, o],
                    });
                }
                _ => body.push(atom(bq, true).map_err(invalid)?),
            }
        }
        if body.is_empty() {
            return Err(invalid("the body has no triple pattern".into()));
        }
        let bound: BTreeSet<String> = body.iter().flat_map(vars).collect();
        for b in &builtins {
            for v in b.args.iter().filter_map(var_name) {
                if !bound.contains(v) {
                    return Err(invalid(format!(
                        "builtin argument ?{v} is not bound by the body"
                    )));
                }
            }
        }
        if head_quads.is_empty() {
            return Err(invalid("the head is empty".into()));
        }
        for hq in head_quads {
            let head = atom(hq, false).map_err(invalid)?;
            for v in vars(&head) {
                if !bound.contains(&v) {
                    return Err(invalid(format!(
                        "head variable ?{v} is not bound by the body (rules may not invent terms)"
                    )));
                }
            }
            rules.push(Rule {
                id: format!("{file}:{line}"),
                label: label.clone(),
                body: body.clone(),
                negated: negated.clone(),
                builtins: builtins.clone(),
                head,
            });
        }
    }
    Ok(rules)
}

fn var_name(s: &Slot) -> Option<&str> {
    match s {
        Slot::Var(v) => Some(v),
        Slot::Const(_) => None,
    }
}

fn vars(a: &Atom) -> Vec<String> {
    a.iter().filter_map(var_name).map(str::to_owned).collect()
}

fn atom(q: &N3Quad, in_body: bool) -> Result<Atom, String> {
    let slot = |t: &N3Term| -> Result<Slot, String> {
        Ok(match t {
            N3Term::Variable(v) => Slot::Var(v.as_str().to_owned()),
            N3Term::NamedNode(n) => Slot::Const(Term::NamedNode(n.clone())),
            N3Term::Literal(l) => Slot::Const(Term::Literal(l.clone())),
            N3Term::BlankNode(b) if in_body => Slot::Var(format!("_{}", b.as_str())),
            N3Term::BlankNode(_) => {
                return Err("a blank node in a rule head would create new nodes; use a variable bound in the body".into())
            }
            #[allow(unreachable_patterns)]
            _ => return Err("unsupported term in a rule".into()),
        })
    };
    Ok([slot(&q.subject)?, slot(&q.predicate)?, slot(&q.object)?])
}

/// For each top-level `=>` in order: its 1-based line and the comment line just above the rule.
fn implies_positions(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut comment = String::new();
    let mut rule_comment = String::new();
    let mut depth = 0usize;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if let Some(c) = trimmed.strip_prefix('#') {
            if depth == 0 {
                comment = c.trim().to_owned();
            }
            continue;
        }
        if trimmed.is_empty() {
            continue;
        }
        if depth == 0 && trimmed.starts_with('{') {
            rule_comment = std::mem::take(&mut comment);
        } else if depth == 0 && trimmed.starts_with('@') {
            comment.clear();
        }
        let mut in_string = false;
        let mut in_iri = false;
        let bytes = line.as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            let next = bytes.get(j + 1).copied();
            match bytes[j] {
                b'"' if !in_iri => in_string = !in_string,
                b'<' if !in_string && !in_iri && next != Some(b'=') => in_iri = true,
                b'>' if in_iri => in_iri = false,
                b'#' if !in_string && !in_iri => break,
                b'{' if !in_string && !in_iri => depth += 1,
                b'}' if !in_string && !in_iri => depth = depth.saturating_sub(1),
                b'=' if !in_string && !in_iri && depth == 0 && next == Some(b'>') => {
                    out.push((i + 1, rule_comment.clone()));
                }
                b'<' if !in_string && !in_iri && depth == 0 && next == Some(b'=') => {
                    out.push((i + 1, rule_comment.clone()));
                    j += 1;
                }
                _ => {}
            }
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = "@prefix ng: <https://w3id.org/normgraph/ns#> .\n@prefix log: <http://www.w3.org/2000/10/swap/log#> .\n";

    #[test]
    fn parses_rules_with_labels_lines_and_negation() {
        let text = format!(
            "{P}\n# grounded in what codifies the principle\n{{ ?d ng:proposes ?n . ?n ng:invokesPrinciple ?p . ?p ng:codifiedIn ?r }}\n  => {{ ?n ng:groundedIn ?r }} .\n\n# additional\n{{ ?n a ng:ProposedNorm . ?x log:notIncludes {{ ?n ng:refines ?a }} }} => {{ ?n a ng:AdditionalNorm . ?n ng:flag ?n }} .\n"
        );
        let rules = parse_rules(&text, Path::new("r.n3")).expect("parses");
        assert_eq!(rules.len(), 3);
        assert_eq!(rules[0].id, "r.n3:6");
        assert_eq!(rules[0].label, "grounded in what codifies the principle");
        assert_eq!(rules[0].body.len(), 3);
        assert_eq!(rules[1].label, "additional");
        assert_eq!(rules[1].negated.len(), 1);
        assert_eq!(rules[1].negated[0].len(), 1);
    }

    #[test]
    fn rejects_unbound_head_variables_blank_heads_and_bad_syntax() {
        let unbound = format!("{P}{{ ?a ng:p ?b }} => {{ ?a ng:q ?c }} .");
        let e = parse_rules(&unbound, Path::new("u.n3")).expect_err("unbound");
        assert!(e.to_string().contains("?c is not bound"), "{e}");
        let blank = format!("{P}{{ ?a ng:p ?b }} => {{ ?a ng:q [ ng:r ?b ] }} .");
        let e = parse_rules(&blank, Path::new("b.n3")).expect_err("blank");
        assert!(e.to_string().contains("blank node"), "{e}");
        let syntax = format!("{P}{{ ?a ng:p ?b  => {{ ?a ng:q ?b }} .");
        let e = parse_rules(&syntax, Path::new("s.n3")).expect_err("syntax");
        assert!(e.to_string().starts_with("s.n3:"), "{e}");
        let prefix = "{ ?a zz:p ?b } => { ?a zz:q ?b } .";
        let e = parse_rules(prefix, Path::new("p.n3")).expect_err("unknown prefix");
        assert!(e.to_string().contains("p.n3:1:"), "{e}");
    }
}
