//! The RDF vocabulary: namespaces and the IRIs normgraph mints.
//!
//! The terms are defined (with labels and comments) in `ontology/normgraph.ttl`; the IRI scheme
//! is documented in `docs/vocabulary.md`. All IRIs are deterministic functions of their inputs,
//! so ingesting the same file twice yields identical triples.

/// The normgraph vocabulary namespace (`ng:`).
pub const NG: &str = "https://w3id.org/normgraph/ns#";
/// The base of every instance IRI normgraph mints.
pub const ID: &str = "https://w3id.org/normgraph/id/";
/// The UN symbol resolver, base of resolution IRIs.
pub const UNDOCS: &str = "https://undocs.org/";
/// Dublin Core terms.
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
/// W3C Web Annotation vocabulary.
pub const OA: &str = "http://www.w3.org/ns/oa#";
/// PROV-O.
pub const PROV: &str = "http://www.w3.org/ns/prov#";
/// SKOS.
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// W3C Organization ontology.
pub const ORG: &str = "http://www.w3.org/ns/org#";
/// Citation Typing Ontology.
pub const CITO: &str = "http://purl.org/spar/cito/";
/// RDF.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// RDFS.
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// OWL.
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
/// XML Schema datatypes.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

/// The prefixes written into Turtle/TriG/SPARQL output, and accepted as prefixed names.
pub const PREFIXES: &[(&str, &str)] = &[
    ("ng", NG),
    ("id", ID),
    ("undocs", UNDOCS),
    ("dcterms", DCTERMS),
    ("oa", OA),
    ("prov", PROV),
    ("skos", SKOS),
    ("org", ORG),
    ("cito", CITO),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("owl", OWL),
    ("xsd", XSD),
];

/// The SPARQL `PREFIX` lines for [`PREFIXES`], prepended to every query.
pub fn sparql_prefixes() -> String {
    PREFIXES
        .iter()
        .map(|(p, iri)| format!("PREFIX {p}: <{iri}>\n"))
        .collect()
}

/// Named graph holding the ontology and taxonomies.
pub fn ontology_graph() -> String {
    format!("{ID}graph/ontology")
}

/// Named graph holding the reference data.
pub fn reference_graph() -> String {
    format!("{ID}graph/reference")
}

/// Named graph of what `normgraph catalogue import` read from the UN Digital Library's records:
/// titles, dates, agenda items and votes of resolutions, where the curated reference data has
/// none. Kept across ingests.
pub fn catalogue_graph() -> String {
    format!("{ID}graph/catalogue")
}

/// Named graph of entities shared by statements (cited resolutions missing from the reference
/// data, sessions); rebuilt from the statement graphs on every ingest.
pub fn shared_graph() -> String {
    format!("{ID}graph/shared")
}

/// Named graph reserved for derived triples.
pub fn inferred_graph() -> String {
    format!("{ID}graph/inferred")
}

/// Named graph of a scholar's corrections (`normgraph correct FILE`): facts added by hand and
/// the records of facts retracted; kept across ingests.
pub fn corrections_graph() -> String {
    format!("{ID}graph/corrections")
}

/// Named graph of the scores an analysis wrote back for one projection (`analyze … --write-back`).
pub fn analysis_graph(projection: &str) -> String {
    format!("{ID}graph/analysis/{projection}")
}

/// Named graph of ingest's bookkeeping (see [`crate::store::ledger`]): per input file, what
/// produced its statement graphs. Left out of exports and pushes.
pub fn ledger_graph() -> String {
    format!("{ID}graph/ingest")
}

/// IRI of the bookkeeping entry of the input file that gives statement `slug`.
pub fn ledger_entry(slug: &str) -> String {
    format!("{ID}input/{slug}")
}

/// Named graph of one statement.
pub fn statement_graph(slug: &str) -> String {
    format!("{ID}graph/statement/{slug}")
}

/// IRI of one statement.
pub fn statement(slug: &str) -> String {
    format!("{ID}statement/{slug}")
}

/// IRI of a State, by its ISO 3166-1 alpha-3 code.
pub fn state(iso3: &str) -> String {
    format!("{ID}state/{iso3}")
}

/// IRI of a resolution (or other UN document), by its symbol.
pub fn un_document(symbol: &str) -> String {
    format!("{UNDOCS}{symbol}")
}

/// A term of the normgraph vocabulary.
pub fn ng(local: &str) -> String {
    format!("{NG}{local}")
}

/// Expands a prefixed name (`ng:cites`) with [`PREFIXES`]; returns `None` for an unknown prefix.
pub fn expand(prefixed: &str) -> Option<String> {
    let (prefix, local) = prefixed.split_once(':')?;
    PREFIXES
        .iter()
        .find(|(p, _)| *p == prefix)
        .map(|(_, iri)| format!("{iri}{local}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_are_deterministic_and_expand() {
        assert_eq!(
            un_document("A/RES/2131(XX)"),
            "https://undocs.org/A/RES/2131(XX)"
        );
        assert_eq!(
            expand("ng:cites").as_deref(),
            Some("https://w3id.org/normgraph/ns#cites")
        );
        assert_eq!(expand("zz:x"), None);
        assert_eq!(statement("a"), statement("a"));
    }
}
