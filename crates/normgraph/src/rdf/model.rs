//! The RDF model: turns an [`Extraction`] into quads in the statement's named graph.
//!
//! Every fact is stated twice: as a direct triple a scholar queries easily (`?s ng:cites ?r`)
//! and as a node (`ng:Citation`, `ng:ThreatMention`, …) that carries its evidence span as a W3C
//! Web Annotation selector pair. IRIs are minted from the statement slug and character offsets,
//! so the same input always gives the same triples.

use crate::extract::citations::{CitationKind, Organ};
use crate::extract::{Extraction, Span};
use crate::rdf::vocab::{self, DCTERMS, NG, OA, RDF, RDFS, XSD};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

/// Makes the quads of one graph and hands each to a sink once, in the order first made.
///
/// Repeats are told by a 128-bit fingerprint of each quad (two SipHash values of it, 16 bytes a
/// quad kept), so quads go to the sink as they are made and a large statement's quads are never
/// all held at once; two distinct quads would have to agree on both hashes to be taken for one
/// (odds about 2⁻¹²⁸ a pair).
struct Builder<'s> {
    graph: GraphName,
    seen: std::collections::HashSet<(u64, u64)>,
    sink: &'s mut dyn FnMut(Quad),
}

impl<'s> Builder<'s> {
    fn new(graph: &str, sink: &'s mut dyn FnMut(Quad)) -> Self {
        Self {
            graph: GraphName::NamedNode(iri(graph)),
            seen: std::collections::HashSet::new(),
            sink,
        }
    }

    fn emit(&mut self, quad: Quad) {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        let hasher = BuildHasherDefault::<DefaultHasher>::default();
        let print = (hasher.hash_one((0u8, &quad)), hasher.hash_one((1u8, &quad)));
        if self.seen.insert(print) {
            (self.sink)(quad);
        }
    }
}

/// Collects what a builder function gives into a vector.
fn collect(build: impl FnOnce(&mut dyn FnMut(Quad))) -> Vec<Quad> {
    let mut quads = Vec::new();
    build(&mut |q| quads.push(q));
    quads
}

fn iri(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

fn ng(local: &str) -> NamedNode {
    iri(&format!("{NG}{local}"))
}

impl Builder<'_> {
    fn add(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>) {
        let quad = Quad::new(
            NamedOrBlankNode::NamedNode(s.clone()),
            p,
            o.into(),
            self.graph.clone(),
        );
        self.emit(quad);
    }

    fn a(&mut self, s: &NamedNode, class: NamedNode) {
        self.add(s, iri(&format!("{RDF}type")), class);
    }

    fn text(&mut self, s: &NamedNode, p: NamedNode, value: &str) {
        self.add(s, p, Literal::new_simple_literal(value));
    }

    fn int(&mut self, s: &NamedNode, p: NamedNode, value: usize) {
        self.add(
            s,
            p,
            Literal::new_typed_literal(value.to_string(), iri(&format!("{XSD}nonNegativeInteger"))),
        );
    }

    /// The evidence node for a span, with its two selectors; returns its IRI.
    fn evidence(&mut self, statement: &NamedNode, span: &Span) -> NamedNode {
        let e = iri(&format!(
            "{}/span/{}-{}",
            statement.as_str(),
            span.start,
            span.end
        ));
        let quote = iri(&format!("{}/quote", e.as_str()));
        let position = iri(&format!("{}/position", e.as_str()));
        self.a(&e, ng("Evidence"));
        self.a(&e, iri(&format!("{OA}SpecificResource")));
        self.add(&e, iri(&format!("{OA}hasSource")), statement.clone());
        self.add(&e, iri(&format!("{OA}hasSelector")), quote.clone());
        self.add(&e, iri(&format!("{OA}hasSelector")), position.clone());
        self.text(&e, ng("sentence"), &span.sentence);
        if let Some(page) = span.page {
            self.int(&e, ng("page"), page as usize);
        }
        self.a(&quote, iri(&format!("{OA}TextQuoteSelector")));
        self.text(&quote, iri(&format!("{OA}exact")), &span.surface);
        self.text(&quote, iri(&format!("{OA}prefix")), &span.prefix);
        self.text(&quote, iri(&format!("{OA}suffix")), &span.suffix);
        self.a(&position, iri(&format!("{OA}TextPositionSelector")));
        self.int(&position, iri(&format!("{OA}start")), span.start);
        self.int(&position, iri(&format!("{OA}end")), span.end);
        e
    }
}

fn date_literal(date: &str) -> Literal {
    let datatype = match date.len() {
        10 => "date",
        7 => "gYearMonth",
        4 => "gYear",
        _ => return Literal::new_simple_literal(date),
    };
    Literal::new_typed_literal(date, iri(&format!("{XSD}{datatype}")))
}

/// IRI of a body by slug.
fn body(slug: &str) -> NamedNode {
    iri(&format!("{}body/{slug}", vocab::ID))
}

/// The IRI of a proposed norm: its statement's IRI and its span (`…/norm/<start>-<end>`).
pub fn norm_iri(statement: &str, span: &Span) -> String {
    format!("{statement}/norm/{}-{}", span.start, span.end)
}

/// IRI of a session of a body.
pub fn session_iri(body_iri: &str, number: u32) -> String {
    format!("{body_iri}/session/{number}")
}

/// What the shared graph describes, gathered from statements' quads: the resolutions and
/// instruments they name and the sessions they were delivered at (see [`shared_quads`]).
#[derive(Debug, Default)]
pub struct SharedParts {
    resolutions: std::collections::BTreeSet<String>,
    instruments: std::collections::BTreeSet<String>,
    sessions: std::collections::BTreeSet<(String, u32)>,
}

impl SharedParts {
    /// Adds what `quads` (statement graphs) name.
    pub fn add(&mut self, quads: &[Quad]) {
        for q in quads {
            self.add_quad(q);
        }
    }

    /// Adds what one quad of a statement graph names.
    pub fn add_quad(&mut self, q: &Quad) {
        let Term::NamedNode(o) = &q.object else {
            return;
        };
        match q.predicate.as_str().strip_prefix(NG) {
            Some("citedResolution") => {
                self.resolutions.insert(o.as_str().to_owned());
            }
            Some("referencedInstrument") => {
                self.instruments.insert(o.as_str().to_owned());
            }
            Some("deliveredAt") => {
                if let Some(s) = session_of(o.as_str()) {
                    self.sessions.insert(s);
                }
            }
            _ => {}
        }
    }

    /// The shared graph's quads for these parts, leaving out what the reference data describes
    /// (`known`, see [`described`]).
    pub fn quads(&self, known: &std::collections::HashSet<String>) -> Vec<Quad> {
        let unknown = |set: &std::collections::BTreeSet<String>| -> Vec<String> {
            set.iter()
                .filter(|r| !known.contains(*r))
                .cloned()
                .collect()
        };
        let sessions: Vec<(String, u32)> = self.sessions.iter().cloned().collect();
        shared_quads(
            &unknown(&self.resolutions),
            &unknown(&self.instruments),
            &sessions,
        )
    }
}

/// The IRIs the reference data describes (those with a `dcterms:identifier`).
pub fn described(reference: &[Quad]) -> std::collections::HashSet<String> {
    let identifier = format!("{DCTERMS}identifier");
    reference
        .iter()
        .filter(|q| q.predicate.as_str() == identifier)
        .filter_map(|q| match &q.subject {
            NamedOrBlankNode::NamedNode(n) => Some(n.as_str().to_owned()),
            NamedOrBlankNode::BlankNode(_) => None,
        })
        .collect()
}

/// The body and number of a session IRI (`…/body/<slug>/session/<n>`), as the shared graph
/// describes sessions.
pub fn session_of(iri: &str) -> Option<(String, u32)> {
    let (body, n) = iri.rsplit_once("/session/")?;
    Some((body.to_owned(), n.parse().ok()?))
}

/// The quads describing entities that several statements share — the cited resolutions and
/// other instruments the reference data lacks, and the sessions statements were delivered at — written once into the
/// shared graph so that the union of all graphs holds each triple once.
///
/// `cited` are resolution IRIs; `instruments` the IRIs of other instruments referred to (UN
/// documents, decisions, Charter articles) that the reference data lacks; `sessions` are (body
/// IRI, session number) pairs.
pub fn shared_quads(
    cited: &[String],
    instruments: &[String],
    sessions: &[(String, u32)],
) -> Vec<Quad> {
    collect(|sink| shared_into(cited, instruments, sessions, sink))
}

fn shared_into(
    cited: &[String],
    instruments: &[String],
    sessions: &[(String, u32)],
    sink: &mut dyn FnMut(Quad),
) {
    let mut b = Builder::new(&vocab::shared_graph(), sink);
    for r in cited {
        let Some(symbol) = r.strip_prefix(vocab::UNDOCS) else {
            continue;
        };
        let node = iri(r);
        b.a(&node, ng("Resolution"));
        b.text(&node, iri(&format!("{DCTERMS}identifier")), symbol);
        let organ = if symbol.starts_with("S/") {
            Organ::SecurityCouncil
        } else {
            Organ::GeneralAssembly
        };
        b.add(&node, ng("adoptedBy"), body(organ_slug(organ)));
    }
    for r in instruments {
        let node = iri(r);
        if let Some(symbol) = r.strip_prefix(vocab::UNDOCS) {
            b.a(&node, ng("UNDocument"));
            b.text(&node, iri(&format!("{DCTERMS}identifier")), symbol);
            if symbol.starts_with("A/DEC/") {
                // A decision is an ng:Resolution in the ontology's sense (adopted by an organ).
                b.a(&node, ng("Resolution"));
                b.add(
                    &node,
                    ng("adoptedBy"),
                    body(organ_slug(Organ::GeneralAssembly)),
                );
            }
        } else if let Some(article) = r.strip_prefix(&format!("{}charter/article-", vocab::ID)) {
            let label = match article.split_once('-') {
                Some((a, p)) => format!("Article {a}({p})"),
                None => format!("Article {article}"),
            };
            b.a(&node, ng("CharterArticle"));
            b.text(&node, iri(&format!("{DCTERMS}identifier")), &label);
            b.text(&node, iri(&format!("{RDFS}label")), &label);
            b.add(
                &node,
                iri(&format!("{DCTERMS}isPartOf")),
                iri(&format!("{}charter", vocab::ID)),
            );
        }
    }
    for (body_iri, n) in sessions {
        let session = iri(&session_iri(body_iri, *n));
        b.a(&session, ng("Session"));
        b.add(&session, ng("ofBody"), iri(body_iri));
        b.int(&session, ng("sessionNumber"), *n as usize);
    }
}

fn organ_slug(organ: Organ) -> &'static str {
    match organ {
        Organ::GeneralAssembly => "general-assembly",
        Organ::SecurityCouncil => "security-council",
    }
}

/// The quads stating everything in one extraction, in the statement's named graph.
pub fn quads(ex: &Extraction) -> Vec<Quad> {
    collect(|sink| for_each_quad(ex, sink))
}

/// Hands the quads of [`quads`] to `sink` one by one as they are made, each once and in the
/// same order, without holding them (what ingest does with a large statement).
pub fn for_each_quad(ex: &Extraction, sink: &mut dyn FnMut(Quad)) {
    let mut b = Builder::new(&ex.graph, sink);
    let s = iri(&ex.statement);
    b.a(&s, ng("Statement"));
    let file = std::path::Path::new(&ex.source)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    b.text(&s, ng("sourceFile"), &file);
    b.text(&s, ng("contentHash"), &ex.sha256);
    b.int(&s, ng("length"), ex.length);
    if let Some(t) = &ex.title {
        b.text(&s, iri(&format!("{DCTERMS}title")), t);
    }
    if let Some(d) = &ex.date {
        b.add(&s, iri(&format!("{DCTERMS}date")), date_literal(d));
    }
    if let Some(l) = &ex.language {
        b.text(&s, iri(&format!("{DCTERMS}language")), l);
    }
    if let Some(u) = &ex.source_url {
        match NamedNode::new(u) {
            Ok(n) => b.add(&s, iri(&format!("{DCTERMS}source")), n),
            Err(_) => b.text(&s, iri(&format!("{DCTERMS}source")), u),
        }
    }
    let delegation = ex.delegation.as_ref().map(|d| iri(&d.iri));
    if let Some(d) = &delegation {
        b.add(&s, ng("deliveredBy"), d.clone());
    }
    if let Some(v) = &ex.speaker {
        b.text(&s, ng("speaker"), v);
    }
    if let Some(v) = &ex.speaker_role {
        b.text(&s, ng("speakerRole"), v);
    }
    if let Some(v) = &ex.venue {
        b.text(&s, ng("venue"), v);
    }
    if let Some(body_named) = &ex.meeting_body {
        let body_iri = iri(&body_named.iri);
        b.add(&s, ng("atBody"), body_iri.clone());
        if let Some(n) = ex.session {
            b.add(&s, ng("deliveredAt"), iri(&session_iri(&body_named.iri, n)));
        }
    }

    for c in &ex.citations {
        let node = iri(&format!(
            "{}/citation/{}-{}",
            ex.statement, c.span.start, c.span.end
        ));
        let resolution = iri(&vocab::un_document(&c.id));
        let e = b.evidence(&s, &c.span);
        b.a(&node, ng("Citation"));
        b.add(&node, ng("citedResolution"), resolution.clone());
        b.text(
            &node,
            ng("citationKind"),
            match c.kind {
                CitationKind::Explicit => "explicit",
                CitationKind::Anaphora => "anaphora",
            },
        );
        if let Some(p) = &c.paragraph {
            b.text(&node, ng("paragraph"), p);
        }
        if let Some(w) = &c.as_written {
            b.text(&node, ng("asWritten"), w);
        }
        b.add(&node, ng("evidence"), e);
        b.add(&s, ng("hasCitation"), node);
        b.add(&s, ng("cites"), resolution);
    }

    for f in &ex.instruments {
        let node = iri(&format!(
            "{}/instrument/{}-{}",
            ex.statement, f.span.start, f.span.end
        ));
        let instrument = iri(&f.iri);
        let e = b.evidence(&s, &f.span);
        b.a(&node, ng("InstrumentReference"));
        b.add(&node, ng("referencedInstrument"), instrument.clone());
        b.add(&node, ng("evidence"), e);
        b.add(&s, ng("hasInstrumentReference"), node);
        b.add(&s, ng("refersTo"), instrument);
    }

    let mentions = [
        (
            &ex.threats,
            "threat",
            "ThreatMention",
            "threatCategory",
            "hasThreatMention",
            "namesThreat",
        ),
        (
            &ex.principles,
            "principle",
            "PrincipleInvocation",
            "principle",
            "hasPrincipleInvocation",
            "invokesPrinciple",
        ),
        (
            &ex.bodies,
            "body",
            "BodyMention",
            "body",
            "hasBodyMention",
            "mentionsBody",
        ),
        (
            &ex.incidents,
            "incident",
            "IncidentMention",
            "incident",
            "hasIncidentMention",
            "mentionsIncident",
        ),
    ];
    for (list, path, class, link, has, direct) in mentions {
        // Spans already given a node: a second concept on the same span (threat categories
        // may share a phrase) gets its own node, named after the concept, so that each
        // mention keeps one `ng:threatCategory`.
        let mut spans = std::collections::HashSet::new();
        for m in list {
            let base = format!("{}/{path}/{}-{}", ex.statement, m.span.start, m.span.end);
            let node = if spans.insert((m.span.start, m.span.end)) {
                iri(&base)
            } else {
                let local = m.concept.rsplit('/').next().unwrap_or("concept");
                iri(&format!("{base}/{local}"))
            };
            let concept = iri(&m.concept);
            let e = b.evidence(&s, &m.span);
            b.a(&node, ng(class));
            b.add(&node, ng(link), concept.clone());
            b.add(&node, ng("evidence"), e);
            b.add(&s, ng(has), node);
            b.add(&s, ng(direct), concept);
        }
    }

    for p in &ex.positions {
        let node = iri(&format!(
            "{}/position/{}-{}",
            ex.statement, p.span.start, p.span.end
        ));
        let position = iri(&p.position);
        let e = b.evidence(&s, &p.span);
        let stance = p.stance.name();
        b.a(&node, ng("PositionTaking"));
        b.add(&node, ng("position"), position.clone());
        b.text(&node, ng("stance"), stance);
        b.text(&node, ng("cue"), &p.cue);
        b.add(&node, ng("evidence"), e);
        b.add(&s, ng("hasPositionTaking"), node);
        b.add(&s, ng(stance), position);
    }

    for n in &ex.proposed_norms {
        let node = iri(&norm_iri(&ex.statement, &n.span));
        let e = b.evidence(&s, &n.span);
        b.a(&node, ng("ProposedNorm"));
        b.add(&node, ng("proposedIn"), s.clone());
        b.text(&node, ng("text"), &n.text);
        b.add(&node, ng("evidence"), e);
        b.add(&s, ng("containsProposal"), node.clone());
        if let Some(d) = &delegation {
            b.add(d, ng("proposes"), node.clone());
        }
        for p in &n.principles {
            b.add(&node, ng("invokesPrinciple"), iri(p));
        }
        for t in &n.threats {
            b.add(&node, ng("addressesThreat"), iri(t));
        }
        for c in &n.citations {
            b.add(&node, ng("proposalCites"), iri(&vocab::un_document(c)));
        }
        for i in &n.instruments {
            b.add(&node, ng("refersTo"), iri(i));
        }
        for m in &n.subjects {
            let matched = iri(&format!(
                "{}/subject/{}-{}-{}",
                ex.statement,
                m.span.start,
                m.span.end,
                m.subject.rsplit('/').next().unwrap_or_default()
            ));
            let e = b.evidence(&s, &m.span);
            b.a(&matched, ng("SubjectMatch"));
            b.add(&matched, ng("subjectMatter"), iri(&m.subject));
            b.add(&matched, ng("evidence"), e);
            b.add(&node, ng("hasSubjectMatch"), matched);
            b.add(&node, ng("regulates"), iri(&m.subject));
        }
        for a in &n.restates {
            b.add(&node, ng("restates"), iri(a));
        }
    }

    for a in &ex.alignments {
        let node = iri(&format!(
            "{}/alignment/{}-{}",
            ex.statement, a.span.start, a.span.end
        ));
        let group = iri(&a.group.iri);
        let e = b.evidence(&s, &a.span);
        b.a(&node, ng("Alignment"));
        b.add(&node, ng("withGroup"), group.clone());
        if let Some(by) = &a.delivered_by {
            b.add(&node, ng("groupStatementBy"), iri(&by.iri));
        }
        b.add(&node, ng("evidence"), e);
        b.add(&s, ng("hasAlignment"), node);
        b.add(&s, ng("alignsWith"), group);
    }
}
