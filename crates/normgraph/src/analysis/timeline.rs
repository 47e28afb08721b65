//! How one delegation's citations and invoked principles change from session to session.

use super::{Cell, Table};
use crate::error::AnalysisError;
use crate::query::{self, DefaultGraph};
use crate::rdf::vocab;
use oxigraph::model::Term;
use oxigraph::store::Store;
use std::collections::{BTreeMap, BTreeSet};

/// One period (a session, else a year) of a delegation's statements.
#[derive(Debug, Default, Clone)]
struct Period {
    first_date: String,
    statements: BTreeSet<String>,
    cited: BTreeSet<String>,
    principles: BTreeSet<String>,
    threats: BTreeSet<String>,
    proposals: BTreeSet<String>,
}

/// The delegations that delivered statements: (IRI, labels and codes to match what a user types).
fn delegations(store: &Store) -> Result<Vec<(String, Vec<String>)>, AnalysisError> {
    let q = "SELECT DISTINCT ?d ?name WHERE { ?s ng:deliveredBy ?d .
               OPTIONAL { ?d skos:prefLabel|skos:altLabel|skos:hiddenLabel|ng:iso3166Alpha3|ng:abbreviation ?name } }";
    let Some((_, rows)) = query::select(store, q, "timeline", &DefaultGraph::Union)? else {
        return Ok(Vec::new());
    };
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in rows {
        let Some(Term::NamedNode(d)) = &row[0] else {
            continue;
        };
        let names = out.entry(d.as_str().to_owned()).or_default();
        if let Some(Term::Literal(l)) = &row[1] {
            names.push(l.value().to_lowercase());
        }
    }
    Ok(out.into_iter().collect())
}

/// Finds the delegation a user named: IRI, prefixed name, ISO code, group code or any label.
pub fn resolve_delegation(store: &Store, what: &str) -> Result<String, AnalysisError> {
    let all = delegations(store)?;
    let candidates = query::term::candidate_iris(what);
    let lower = what.trim().to_lowercase();
    let hits: Vec<&String> = all
        .iter()
        .filter(|(iri, names)| candidates.contains(iri) || names.contains(&lower))
        .map(|(iri, _)| iri)
        .collect();
    match hits.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(AnalysisError::UnknownNode {
            what: what.to_owned(),
            projection: "delegations with statements".to_owned(),
        }),
        many => Err(AnalysisError::AmbiguousNode {
            what: what.to_owned(),
            projection: "delegations with statements".to_owned(),
            candidates: many
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// A table with one row per period (session, else year) of the delegation's statements, in
/// date order: what it cited, which documents are new since its earlier periods and which it
/// stopped citing since the period before, the principles and threats it named, its proposals.
pub fn timeline(store: &Store, delegation: &str) -> Result<Table, AnalysisError> {
    let q = format!(
        r#"SELECT ?statement ?date ?session ?kind ?value WHERE {{
  ?statement ng:deliveredBy <{delegation}> .
  OPTIONAL {{ ?statement dcterms:date ?date }}
  OPTIONAL {{ ?statement ng:deliveredAt ?session }}
  {{ ?statement ng:cites/dcterms:identifier ?value . BIND("cites" AS ?kind) }}
  UNION {{ ?statement ng:invokesPrinciple/skos:prefLabel ?value . FILTER(LANGMATCHES(LANG(?value), "en") || LANG(?value) = "") BIND("principle" AS ?kind) }}
  UNION {{ ?statement ng:namesThreat/skos:prefLabel ?value . FILTER(LANGMATCHES(LANG(?value), "en") || LANG(?value) = "") BIND("threat" AS ?kind) }}
  UNION {{ ?statement ng:containsProposal ?value . BIND("proposal" AS ?kind) }}
  UNION {{ BIND("statement" AS ?kind) }}
}}"#
    );
    let Some((_, rows)) = query::select(store, &q, "timeline", &DefaultGraph::Union)? else {
        return Ok(Table::new(&[]));
    };
    let text = |t: &Option<Term>| match t {
        Some(Term::Literal(l)) => l.value().to_owned(),
        Some(Term::NamedNode(n)) => n.as_str().to_owned(),
        _ => String::new(),
    };
    let mut periods: BTreeMap<String, Period> = BTreeMap::new();
    for row in &rows {
        let (statement, date, session) = (text(&row[0]), text(&row[1]), text(&row[2]));
        let period = if !session.is_empty() {
            session_name(&session)
        } else if date.len() >= 4 {
            date[..4].to_owned()
        } else {
            "undated".to_owned()
        };
        let p = periods.entry(period).or_default();
        if p.first_date.is_empty() || (!date.is_empty() && date < p.first_date) {
            p.first_date = date.clone();
        }
        p.statements.insert(statement);
        let value = text(&row[4]);
        match text(&row[3]).as_str() {
            "cites" => p.cited.insert(value),
            "principle" => p.principles.insert(value),
            "threat" => p.threats.insert(value),
            "proposal" => p.proposals.insert(value),
            _ => false,
        };
    }
    let mut ordered: Vec<(String, Period)> = periods.into_iter().collect();
    ordered.sort_by(|a, b| a.1.first_date.cmp(&b.1.first_date).then(a.0.cmp(&b.0)));
    let mut table = Table::new(&[
        "period",
        "first date",
        "statements",
        "cited",
        "new",
        "dropped",
        "principles",
        "threats",
        "proposals",
    ]);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut previous: BTreeSet<String> = BTreeSet::new();
    let join =
        |s: &mut dyn Iterator<Item = &String>| s.map(String::as_str).collect::<Vec<_>>().join("; ");
    for (name, p) in ordered {
        let new: Vec<&String> = p.cited.iter().filter(|c| !seen.contains(*c)).collect();
        let dropped: Vec<&String> = previous.iter().filter(|c| !p.cited.contains(*c)).collect();
        table.rows.push(vec![
            Cell::Text(name),
            Cell::Text(p.first_date.clone()),
            Cell::Int(p.statements.len() as i64),
            Cell::Text(join(&mut p.cited.iter())),
            Cell::Text(join(&mut new.into_iter())),
            Cell::Text(join(&mut dropped.into_iter())),
            Cell::Text(join(&mut p.principles.iter())),
            Cell::Text(join(&mut p.threats.iter())),
            Cell::Int(p.proposals.len() as i64),
        ]);
        seen.extend(p.cited.iter().cloned());
        previous = p.cited;
    }
    Ok(table)
}

/// `…/body/general-assembly/session/67` → `general-assembly 67`.
fn session_name(iri: &str) -> String {
    let rest = iri
        .strip_prefix(&format!("{}body/", vocab::ID))
        .unwrap_or(iri);
    match rest.split_once("/session/") {
        Some((body, n)) => format!("{body} {n}"),
        None => rest.to_owned(),
    }
}
