//! Terms as people type them: the one place where a user's text becomes an IRI or a literal.
//!
//! Used by `explain` (a whole triple), by the graph commands (a node of a projection) and by the
//! timeline (a delegation). A user may type an IRI (`<…>` or bare `https://…`), a prefixed
//! name with one of [`crate::rdf::vocab::PREFIXES`] (`ng:groundedIn`,
//! `id:state/IRN`), a UN document symbol (`A/RES/73/27`), `a` for `rdf:type`, or a literal
//! (`"text"`, `3`, `true`).

use crate::error::QueryError;
use crate::rdf::vocab;
use oxigraph::model::{Literal, NamedNode, Term};

/// The IRIs a name typed by a user may stand for, in the order to try them: the text itself
/// (without `<…>`), the expansion of a prefixed name, and the IRI of a UN document symbol.
pub fn candidate_iris(text: &str) -> Vec<String> {
    let t = text.trim().trim_start_matches('<').trim_end_matches('>');
    let mut out = vec![t.to_owned()];
    if let Some(iri) = vocab::expand(t) {
        out.push(iri);
    }
    out.push(vocab::un_document(t));
    out
}

/// Parses one RDF term typed on the command line; the error names the text.
pub fn parse_term(text: &str) -> Result<Term, QueryError> {
    let t = text.trim();
    let bad = || QueryError::BadTerm(t.to_owned());
    if t.starts_with('<') || t.starts_with('"') {
        return t.parse::<Term>().map_err(|_| bad());
    }
    let iri = if t.starts_with("A/RES/") || t.starts_with("S/RES/") {
        Some(vocab::un_document(t))
    } else if t.starts_with("http://") || t.starts_with("https://") {
        Some(t.to_owned())
    } else if t == "a" {
        Some(format!("{}type", vocab::RDF))
    } else {
        vocab::expand(t)
    };
    if let Some(iri) = iri {
        return Ok(NamedNode::new(iri).map_err(|_| bad())?.into());
    }
    if t == "true" || t == "false" {
        return Ok(Literal::from(t == "true").into());
    }
    if let Ok(i) = t.parse::<i64>() {
        return Ok(Literal::from(i).into());
    }
    Err(bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_terms() {
        let iri = |t: &str| match parse_term(t) {
            Ok(Term::NamedNode(n)) => n.into_string(),
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(iri("ng:cites"), format!("{}cites", vocab::NG));
        assert_eq!(iri("A/RES/73/27"), vocab::un_document("A/RES/73/27"));
        assert_eq!(iri("<https://example.org/x>"), "https://example.org/x");
        assert_eq!(iri("a"), format!("{}type", vocab::RDF));
        assert!(matches!(parse_term("3"), Ok(Term::Literal(_))));
        assert!(matches!(
            parse_term("zz:nothing"),
            Err(QueryError::BadTerm(_))
        ));
        assert_eq!(
            candidate_iris("<ng:cites>")[1],
            format!("{}cites", vocab::NG)
        );
    }
}
