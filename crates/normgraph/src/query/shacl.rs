//! SHACL validation (`normgraph validate`): the store, or an RDF file, against shapes.
//!
//! The constraints of SHACL Core that the project's shapes (`ontology/shapes/`) use, each
//! checked by one SPARQL query over the data: targets (`sh:targetClass` with
//! `rdfs:subClassOf*`, `sh:targetNode`, `sh:targetSubjectsOf`, `sh:targetObjectsOf`), property
//! shapes with `sh:path` (an IRI, `sh:inversePath`, a sequence), `sh:minCount`, `sh:maxCount`,
//! `sh:class`, `sh:datatype`, `sh:nodeKind`, `sh:pattern` (+ `sh:flags`), `sh:in`,
//! `sh:hasValue`, `sh:minInclusive`, `sh:maxInclusive`, with `sh:severity` and `sh:message`. A
//! shapes file that uses any other SHACL term is refused, naming it, so that no constraint is
//! silently not checked. A test compares the verdicts with pySHACL's on the same data.
//!
//! Why not a crate: rudof's `shacl` (the maintained Rust SHACL validator) depends on oxigraph
//! with its HTTP client and RDF 1.2 turned on, which Cargo's feature unification would turn on
//! for normgraph too — federated `SERVICE` calls from the endpoint among them.

use crate::error::{QueryError, ResourceError};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

const SH: &str = "http://www.w3.org/ns/shacl#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const SUBCLASS: &str = "http://www.w3.org/2000/01/rdf-schema#subClassOf";

/// The SHACL terms a shapes file may use (anything else under `sh:` is refused).
const KNOWN: &[&str] = &[
    "NodeShape",
    "PropertyShape",
    "property",
    "path",
    "inversePath",
    "targetClass",
    "targetNode",
    "targetSubjectsOf",
    "targetObjectsOf",
    "minCount",
    "maxCount",
    "class",
    "datatype",
    "nodeKind",
    "pattern",
    "flags",
    "in",
    "hasValue",
    "minInclusive",
    "maxInclusive",
    "severity",
    "message",
    "name",
    "description",
    "Violation",
    "Warning",
    "Info",
    "IRI",
    "Literal",
    "BlankNode",
    "BlankNodeOrIRI",
    "IRIOrLiteral",
    "BlankNodeOrLiteral",
];

/// One result of validation: a focus node that does not meet a constraint.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Violation {
    /// `Violation`, `Warning` or `Info` (`sh:severity`).
    pub severity: String,
    /// The node that does not conform.
    pub focus: String,
    /// The property path, in SPARQL syntax.
    pub path: String,
    /// The constraint component (`MinCountConstraintComponent`, …).
    pub component: String,
    /// The offending value, for constraints on values.
    pub value: Option<String>,
    /// `sh:message`, or what the constraint asks.
    pub message: String,
}

/// A property shape: its targets, its path and its constraints.
#[derive(Debug)]
struct PropertyShape {
    targets: Vec<String>,
    path: String,
    severity: String,
    message: Option<String>,
    constraints: Vec<(String, Vec<Term>)>,
}

/// Shapes read from Turtle.
#[derive(Debug)]
pub struct Shapes {
    shapes: Vec<PropertyShape>,
}

fn shapes_error(origin: &Path, message: String) -> ResourceError {
    ResourceError::Shapes {
        path: origin.to_path_buf(),
        message,
    }
}

impl Shapes {
    /// Reads shapes from Turtle text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &Path) -> Result<Self, ResourceError> {
        let graph = Store::new().map_err(|e| shapes_error(origin, e.to_string()))?;
        for quad in RdfParser::from_format(RdfFormat::Turtle)
            .without_named_graphs()
            .for_reader(text.as_bytes())
        {
            let quad = quad.map_err(|e| match e {
                oxigraph::io::RdfParseError::Syntax(s) => {
                    crate::rdf::resources::syntax_error(origin, &s)
                }
                oxigraph::io::RdfParseError::Io(e) => shapes_error(origin, e.to_string()),
            })?;
            graph
                .insert(&quad)
                .map_err(|e| shapes_error(origin, e.to_string()))?;
        }
        let ask =
            |q: &str| select(&graph, q, false).map_err(|e| shapes_error(origin, e.to_string()));
        // Nothing may go unchecked: every sh: term used must be one this validator knows.
        for row in ask(&format!(
            "SELECT DISTINCT ?t WHERE {{ {{ ?s ?t ?o }} UNION {{ ?s ?p ?t }} FILTER(isIRI(?t) && STRSTARTS(STR(?t), \"{SH}\")) }}"
        ))? {
            let Some(Term::NamedNode(t)) = &row[0] else {
                continue;
            };
            let local = &t.as_str()[SH.len()..];
            if !KNOWN.contains(&local) {
                return Err(shapes_error(
                    origin,
                    format!("sh:{local} is not checked by normgraph's validator; remove it or check these shapes with pySHACL"),
                ));
            }
        }
        // Forms this validator does not check are refused, not passed over: constraints on a
        // node shape itself, targets on a property shape, shapes that are classes (implicit
        // targets).
        let constraint_terms = "sh:minCount sh:maxCount sh:class sh:datatype sh:nodeKind sh:pattern sh:in sh:hasValue sh:minInclusive sh:maxInclusive";
        let refuse = |query: String, why: &str| -> Result<(), ResourceError> {
            if let Some(row) = ask(&query)?.into_iter().next() {
                let what = row
                    .first()
                    .cloned()
                    .flatten()
                    .map_or_else(String::new, |t| t.to_string());
                return Err(shapes_error(origin, format!("{what}: {why}")));
            }
            Ok(())
        };
        let sh_values = |terms: &str| {
            terms
                .split_whitespace()
                .map(|t| format!("<{SH}{}>", &t[3..]))
                .collect::<Vec<_>>()
                .join(", ")
        };
        refuse(
            format!(
                "SELECT ?s WHERE {{ ?s ?c ?v FILTER(?c IN ({})) FILTER NOT EXISTS {{ ?s <{SH}path> ?p }} }} LIMIT 1",
                sh_values(constraint_terms)
            ),
            "a constraint on a node shape itself (not on a property shape with sh:path) is not checked by normgraph's validator",
        )?;
        refuse(
            format!(
                "SELECT ?s WHERE {{ ?s <{SH}path> ?p ; ?t ?x FILTER(?t IN ({})) }} LIMIT 1",
                sh_values("sh:targetClass sh:targetNode sh:targetSubjectsOf sh:targetObjectsOf")
            ),
            "a property shape with its own targets is not checked by normgraph's validator (put it under a node shape's sh:property)",
        )?;
        refuse(
            format!(
                "SELECT ?s WHERE {{ ?s a ?k FILTER(?k IN (<http://www.w3.org/2000/01/rdf-schema#Class>, <http://www.w3.org/2002/07/owl#Class>)) ?s a <{SH}NodeShape> }} LIMIT 1"
            ),
            "a shape that is also a class (implicit targets) is not checked by normgraph's validator; give it sh:targetClass",
        )?;
        refuse(
            format!(
                "SELECT ?s WHERE {{ {{ ?s <{SH}hasValue>|<{SH}targetNode> ?b FILTER(isBlank(?b)) }} UNION {{ ?s <{SH}in>/<http://www.w3.org/1999/02/22-rdf-syntax-ns#rest>*/<http://www.w3.org/1999/02/22-rdf-syntax-ns#first> ?b FILTER(isBlank(?b)) }} }} LIMIT 1"
            ),
            "a blank node as sh:hasValue, sh:targetNode or a member of sh:in cannot be matched",
        )?;
        refuse(
            format!(
                "SELECT ?s WHERE {{ ?s <{SH}minCount>|<{SH}maxCount> ?n FILTER(!isLiteral(?n) || DATATYPE(?n) != <http://www.w3.org/2001/XMLSchema#integer> || ?n < 0) }} LIMIT 1"
            ),
            "sh:minCount and sh:maxCount take a non-negative integer",
        )?;
        let objects = |node: &NamedOrBlankNode, local: &str| {
            objects(&graph, node, local).map_err(|e| shapes_error(origin, e))
        };
        // Node shapes with their targets, and their property shapes.
        let mut shapes = Vec::new();
        for row in ask(&format!(
            "SELECT ?node ?prop WHERE {{ ?node <{SH}property> ?prop }} ORDER BY ?node ?prop"
        ))? {
            let (Some(node), Some(prop)) = (row[0].clone(), row[1].clone()) else {
                continue;
            };
            let node = term_node(&node);
            let prop = term_node(&prop);
            let mut targets = Vec::new();
            for (kind, pattern) in [
                ("targetClass", "?focus <RDF_TYPE>/<SUBCLASS>* OBJ"),
                ("targetNode", "VALUES ?focus { OBJ }"),
                ("targetSubjectsOf", "?focus OBJ ?any"),
                ("targetObjectsOf", "?any OBJ ?focus"),
            ] {
                for t in objects(&node, kind)? {
                    targets.push(
                        pattern
                            .replace("RDF_TYPE", RDF_TYPE)
                            .replace("SUBCLASS", SUBCLASS)
                            .replace("OBJ", &t.to_string()),
                    );
                }
            }
            let path_nodes = objects(&prop, "path")?;
            let [path] = path_nodes.as_slice() else {
                return Err(shapes_error(
                    origin,
                    format!("property shape {prop} needs one sh:path"),
                ));
            };
            let path = sparql_path(&graph, path, 0).map_err(|e| shapes_error(origin, e))?;
            let severity = objects(&prop, "severity")?
                .first()
                .and_then(|t| match t {
                    Term::NamedNode(n) => n.as_str().strip_prefix(SH).map(str::to_owned),
                    _ => None,
                })
                .unwrap_or_else(|| "Violation".to_owned());
            let message = objects(&prop, "message")?.first().and_then(|t| match t {
                Term::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            });
            let mut constraints = Vec::new();
            for name in [
                "minCount",
                "maxCount",
                "class",
                "datatype",
                "nodeKind",
                "pattern",
                "in",
                "hasValue",
                "minInclusive",
                "maxInclusive",
            ] {
                for value in objects(&prop, name)? {
                    let mut args = vec![value.clone()];
                    if name == "pattern" {
                        args.extend(objects(&prop, "flags")?);
                    }
                    if name == "in" {
                        args = list(&graph, &value).map_err(|e| shapes_error(origin, e))?;
                    }
                    constraints.push((name.to_owned(), args));
                }
            }
            shapes.push(PropertyShape {
                targets,
                path,
                severity,
                message,
                constraints,
            });
        }
        Ok(Self { shapes })
    }

    /// Validates the union of the store's graphs; results sorted.
    pub fn validate(&self, data: &Store) -> Result<Vec<Violation>, QueryError> {
        let mut out = Vec::new();
        for shape in &self.shapes {
            if shape.targets.is_empty() {
                continue;
            }
            let targets = shape
                .targets
                .iter()
                .map(|t| format!("{{ {t} }}"))
                .collect::<Vec<_>>()
                .join(" UNION ");
            // The focus nodes, each once.
            let focus = format!("{{ SELECT DISTINCT ?focus WHERE {{ {targets} }} }}");
            let path = &shape.path;
            for (name, args) in &shape.constraints {
                let first = args.first().map(ToString::to_string).unwrap_or_default();
                let (query, component, default_message) = match name.as_str() {
                    "minCount" => (
                        format!("SELECT ?focus WHERE {{ {focus} OPTIONAL {{ ?focus {path} ?v }} }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?v) < {first})"),
                        "MinCountConstraintComponent",
                        format!("fewer than {} values of {path}", literal_value(&args[0])),
                    ),
                    "maxCount" => (
                        format!("SELECT ?focus WHERE {{ {focus} ?focus {path} ?v }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?v) > {first})"),
                        "MaxCountConstraintComponent",
                        format!("more than {} values of {path}", literal_value(&args[0])),
                    ),
                    "hasValue" => (
                        format!("SELECT ?focus WHERE {{ {focus} FILTER NOT EXISTS {{ ?focus {path} {first} }} }}"),
                        "HasValueConstraintComponent",
                        format!("no value {first} of {path}"),
                    ),
                    other => {
                        let (condition, component, what) = value_condition(other, args);
                        (
                            format!("SELECT DISTINCT ?focus ?v WHERE {{ {focus} ?focus {path} ?v FILTER({condition}) }}"),
                            component,
                            format!("a value of {path} {what}"),
                        )
                    }
                };
                for row in select(data, &query, true)? {
                    let Some(focus) = &row[0] else {
                        continue;
                    };
                    out.push(Violation {
                        severity: shape.severity.clone(),
                        focus: focus.to_string(),
                        path: path.clone(),
                        component: component.to_owned(),
                        value: row.get(1).cloned().flatten().map(|v| v.to_string()),
                        message: shape
                            .message
                            .clone()
                            .unwrap_or_else(|| default_message.clone()),
                    });
                }
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }
}

/// The SPARQL filter that holds for a value violating a value constraint, its component, and
/// what the constraint asks (for the default message).
fn value_condition(name: &str, args: &[Term]) -> (String, &'static str, String) {
    let first = args.first().map(ToString::to_string).unwrap_or_default();
    match name {
        "class" => (
            format!("NOT EXISTS {{ ?v <{RDF_TYPE}>/<{SUBCLASS}>* {first} }}"),
            "ClassConstraintComponent",
            format!("is not an instance of {first}"),
        ),
        "datatype" => (
            format!("!isLiteral(?v) || DATATYPE(?v) != {first}"),
            "DatatypeConstraintComponent",
            format!("is not a literal of datatype {first}"),
        ),
        "nodeKind" => {
            let kind = match &args[0] {
                Term::NamedNode(n) => n.as_str().strip_prefix(SH).unwrap_or(""),
                _ => "",
            };
            let condition = match kind {
                "IRI" => "!isIRI(?v)",
                "Literal" => "!isLiteral(?v)",
                "BlankNode" => "!isBlank(?v)",
                "BlankNodeOrIRI" => "isLiteral(?v)",
                "IRIOrLiteral" => "isBlank(?v)",
                "BlankNodeOrLiteral" => "isIRI(?v)",
                _ => "false",
            };
            (
                condition.to_owned(),
                "NodeKindConstraintComponent",
                format!("is not of kind sh:{kind}"),
            )
        }
        "pattern" => {
            let flags = args.get(1).map(ToString::to_string);
            let regex = match flags {
                Some(f) => format!("REGEX(STR(?v), {first}, {f})"),
                None => format!("REGEX(STR(?v), {first})"),
            };
            (
                format!("isBlank(?v) || !{regex}"),
                "PatternConstraintComponent",
                format!("does not match {first}"),
            )
        }
        "in" => {
            // sh:in compares terms, not values ("1"^^xsd:integer is not "01"^^xsd:integer).
            let same = args
                .iter()
                .map(|t| format!("sameTerm(?v, {t})"))
                .collect::<Vec<_>>()
                .join(" || ");
            let list = args
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ");
            (
                if same.is_empty() {
                    "true".to_owned()
                } else {
                    format!("!({same})")
                },
                "InConstraintComponent",
                format!("is not one of ({list})"),
            )
        }
        "minInclusive" => (
            format!("COALESCE(!(?v >= {first}), true)"),
            "MinInclusiveConstraintComponent",
            format!("is below {}", literal_value(&args[0])),
        ),
        "maxInclusive" => (
            format!("COALESCE(!(?v <= {first}), true)"),
            "MaxInclusiveConstraintComponent",
            format!("is above {}", literal_value(&args[0])),
        ),
        _ => ("false".to_owned(), "", String::new()),
    }
}

fn literal_value(t: &Term) -> String {
    match t {
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

/// A term as the subject of a triple pattern (blank nodes of the shapes graph are queried by
/// their label, which the in-memory store keeps).
fn term_node(t: &Term) -> NamedOrBlankNode {
    match t {
        Term::NamedNode(n) => NamedOrBlankNode::NamedNode(n.clone()),
        Term::BlankNode(b) => NamedOrBlankNode::BlankNode(b.clone()),
        _ => NamedOrBlankNode::NamedNode(NamedNode::new_unchecked("urn:normgraph:none")),
    }
}

/// The objects of `node sh:<local>` in the shapes graph.
fn objects(graph: &Store, node: &NamedOrBlankNode, local: &str) -> Result<Vec<Term>, String> {
    let predicate = NamedNode::new_unchecked(format!("{SH}{local}"));
    graph
        .quads_for_pattern(
            Some(node.as_ref()),
            Some(predicate.as_ref()),
            None,
            Some(GraphNameRef::DefaultGraph),
        )
        .map(|q| q.map(|q| q.object).map_err(|e| e.to_string()))
        .collect()
}

/// The members of an RDF list.
fn list(graph: &Store, head: &Term) -> Result<Vec<Term>, String> {
    let first = NamedNode::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#first");
    let rest = NamedNode::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#rest");
    let mut out = Vec::new();
    let mut node = head.clone();
    while node.to_string() != "<http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>" {
        let n = term_node(&node);
        let one = |p: &NamedNode| -> Result<Term, String> {
            graph
                .quads_for_pattern(Some(n.as_ref()), Some(p.as_ref()), None, None)
                .next()
                .ok_or_else(|| format!("{node} is not a well-formed RDF list"))?
                .map(|q| q.object)
                .map_err(|e| e.to_string())
        };
        out.push(one(&first)?);
        node = one(&rest)?;
        if out.len() > 10_000 {
            return Err("an RDF list longer than 10,000 members".to_owned());
        }
    }
    Ok(out)
}

/// A SHACL path as a SPARQL property path (`depth`: how deep in a path this one is; a path
/// that contains itself is refused).
fn sparql_path(graph: &Store, path: &Term, depth: usize) -> Result<String, String> {
    if depth > 32 {
        return Err(format!(
            "{path}: a sh:path nested more than 32 deep (or containing itself)"
        ));
    }
    match path {
        Term::NamedNode(n) => Ok(format!("<{}>", n.as_str())),
        Term::BlankNode(_) => {
            let node = term_node(path);
            if let Some(inner) = objects(graph, &node, "inversePath")?.first() {
                return Ok(format!("^({})", sparql_path(graph, inner, depth + 1)?));
            }
            let steps = list(graph, path)?;
            if steps.is_empty() {
                return Err("an empty sh:path sequence".to_owned());
            }
            let parts = steps
                .iter()
                .map(|s| sparql_path(graph, s, depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(format!("({})", parts.join("/")))
        }
        other => Err(format!("{other} is not a SHACL path")),
    }
}

/// Runs a SELECT query; over the union of all graphs (the default one included) when `union`.
fn select(store: &Store, query: &str, union: bool) -> Result<Vec<Vec<Option<Term>>>, QueryError> {
    let evaluation = |e: oxigraph::sparql::QueryEvaluationError| QueryError::Evaluation {
        origin: "validate".to_owned(),
        message: e.to_string(),
    };
    let prepared =
        SparqlEvaluator::new()
            .parse_query(query)
            .map_err(|e| QueryError::Evaluation {
                origin: "validate".to_owned(),
                message: format!("{e} in {query}"),
            })?;
    let mut prepared = prepared;
    if union {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    match prepared.on_store(store).execute().map_err(evaluation)? {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for s in solutions {
                let s = s.map_err(evaluation)?;
                rows.push(variables.iter().map(|v| s.get(v).cloned()).collect());
            }
            Ok(rows)
        }
        _ => Ok(Vec::new()),
    }
}

/// The report as text: one block per result, then a count.
pub fn report(violations: &[Violation]) -> String {
    let mut out = String::new();
    for v in violations {
        let _ = writeln!(
            out,
            "{}: {} {}: {}{}\n  ({})",
            v.severity,
            v.focus,
            v.path,
            v.message,
            v.value
                .as_ref()
                .map(|x| format!(" (value {x})"))
                .unwrap_or_default(),
            v.component
        );
    }
    let errors = violations
        .iter()
        .filter(|v| v.severity == "Violation")
        .count();
    let _ = writeln!(
        out,
        "{} violation{}, {} other result{}",
        errors,
        if errors == 1 { "" } else { "s" },
        violations.len() - errors,
        if violations.len() - errors == 1 {
            ""
        } else {
            "s"
        }
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PREFIX: &str = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix ex: <urn:ex:> .\n@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n";

    fn parse(body: &str) -> Result<Shapes, ResourceError> {
        Shapes::parse(&format!("{PREFIX}{body}"), Path::new("s.ttl"))
    }

    #[test]
    fn the_shipped_shapes_parse() {
        let text = include_str!("../../../../ontology/shapes/normgraph.ttl");
        assert!(Shapes::parse(text, Path::new("normgraph.ttl")).is_ok());
    }

    /// What the validator would not check is refused, naming why; a path that contains itself
    /// is refused, not followed for ever.
    #[test]
    fn unchecked_forms_are_refused() {
        for (body, why) in [
            ("ex:S a sh:NodeShape ; sh:targetClass ex:A ; sh:class ex:B .", "node shape itself"),
            ("ex:P a sh:PropertyShape ; sh:targetClass ex:A ; sh:path ex:p ; sh:minCount 1 .", "own targets"),
            ("ex:S a sh:NodeShape , <http://www.w3.org/2000/01/rdf-schema#Class> ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .", "also a class"),
            ("ex:S sh:targetClass ex:A ; sh:property [ sh:path ex:p ; sh:hasValue [] ] .", "blank node"),
            ("ex:S sh:targetClass ex:A ; sh:property [ sh:path ex:p ; sh:minCount \"one\" ] .", "non-negative integer"),
            ("ex:S sh:targetClass ex:A ; sh:property [ sh:path ex:p ; sh:qualifiedMinCount 1 ] .", "not checked"),
            ("ex:S sh:targetClass ex:A ; sh:property [ sh:path _:p ; sh:minCount 1 ] . _:p sh:inversePath _:p .", "containing itself"),
        ] {
            match parse(body) {
                Err(e) => assert!(e.to_string().contains(why), "{body}: {e}"),
                Ok(_) => panic!("accepted: {body}"),
            }
        }
    }

    /// Each constraint finds what breaks it and nothing else.
    #[test]
    fn constraints_find_their_violations() {
        let shapes = parse(
            "ex:S sh:targetClass ex:A ; sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:maxCount 1 ; sh:in ( \"x\" \"y\" ) ] , [ sh:path ( ex:q ex:r ) ; sh:minInclusive 0 ] .",
        )
        .expect("shapes");
        let data = Store::new().expect("store");
        let turtle = "@prefix ex: <urn:ex:> .\nex:ok a ex:A ; ex:p \"x\" ; ex:q [ ex:r 3 ] .\nex:none a ex:A .\nex:two a ex:A ; ex:p \"x\" , \"y\" .\nex:bad a ex:A ; ex:p \"z\" ; ex:q [ ex:r -1 ] .\n";
        data.load_from_reader(RdfFormat::Turtle, turtle.as_bytes())
            .expect("load");
        let found: Vec<(String, String)> = shapes
            .validate(&data)
            .expect("validates")
            .into_iter()
            .map(|v| (v.focus, v.component))
            .collect();
        let mut found = found;
        found.sort();
        assert_eq!(
            found,
            vec![
                (
                    "<urn:ex:bad>".to_owned(),
                    "InConstraintComponent".to_owned()
                ),
                (
                    "<urn:ex:bad>".to_owned(),
                    "MinInclusiveConstraintComponent".to_owned()
                ),
                (
                    "<urn:ex:none>".to_owned(),
                    "MinCountConstraintComponent".to_owned()
                ),
                (
                    "<urn:ex:two>".to_owned(),
                    "MaxCountConstraintComponent".to_owned()
                ),
            ]
        );
    }
}
