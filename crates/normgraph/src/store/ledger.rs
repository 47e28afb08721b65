//! Ingest's bookkeeping: what produced each statement graph, so an unchanged file is skipped
//! without reading its graph back.
//!
//! The ledger is a named graph ([`vocab::ledger_graph`]) with one entry per input file,
//! `id:input/{slug}` (a slug names one file's statements: see
//! [`reader::slug_of`](crate::source::reader::slug_of)):
//!
//! ```turtle
//! id:input/000_8e5a7b6371a20a1b
//!     ng:sourcePath "/home/me/corpus/000_8e5a7b6371a20a1b.txt" ;
//!     ng:inputKey "…64 hex digits…" ;
//!     ng:gaveGraph <…/graph/statement/000_8e5a7b6371a20a1b> .
//! ```
//!
//! The input key is the SHA-256 of the [`Stamp`] (the extractor's version, every resource
//! file extraction reads and the facts the corrections retract), the manifest row's values and
//! the file's bytes: a change to any of
//! them changes the key. An entry is written in the same commit as the graphs it describes, so
//! a crash leaves both old or both new. The store's stamp is kept as
//! `id:input ng:extractorStamp "…"`, to say why everything is re-extracted; an ingest that
//! writes removes it first and writes it last, so a store without one had an ingest stopped
//! half-way, and the next rebuilds the shared graph even if no file changed.

use crate::error::ResourceError;
use crate::rdf::resources::{Resources, EXTRACTOR_VERSION};
use crate::rdf::vocab;
use crate::source::manifest::ManifestRow;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use oxigraph::store::{StorageError, Store};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What extraction depends on besides the file: the extractor's version and the resources it
/// reads (ontology, reference data and tables, cue patterns), hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp(pub String);

impl Stamp {
    /// The stamp of this build with these resources.
    pub fn of(resources: &Resources) -> Result<Self, ResourceError> {
        let mut h = Sha256::new();
        h.update(EXTRACTOR_VERSION.as_bytes());
        h.update([0]);
        let mut files = resources.ontology()?;
        files.extend(resources.reference()?);
        files.extend(resources.cues()?);
        files.extend(resources.reference_tables()?);
        files.sort_by(|a, b| a.name.cmp(&b.name));
        for f in &files {
            h.update(f.name.as_bytes());
            h.update([0]);
            h.update((f.text.len() as u64).to_le_bytes());
            h.update(f.text.as_bytes());
        }
        Ok(Self(hex(&h.finalize())))
    }

    /// This stamp combined with `more` (what else every graph was made from).
    pub fn with(self, more: &str) -> Self {
        let mut h = Sha256::new();
        h.update(self.0.as_bytes());
        h.update([0]);
        h.update(more.as_bytes());
        Self(hex(&h.finalize()))
    }

    /// The key of one input: this stamp, the manifest row's values and the file's bytes.
    pub fn key(&self, row: Option<&ManifestRow>, bytes: &[u8]) -> String {
        let mut h = Sha256::new();
        h.update(self.0.as_bytes());
        h.update([0]);
        h.update(row.map(ManifestRow::fingerprint).unwrap_or_default());
        h.update([0]);
        h.update(bytes);
        hex(&h.finalize())
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// One input file's entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The file's canonical path when it was ingested.
    pub path: PathBuf,
    /// Its input key (see [`Stamp::key`]).
    pub key: String,
    /// The statement graphs it gave.
    pub graphs: Vec<NamedNode>,
}

/// The ledger as read from the store.
#[derive(Debug, Default)]
pub struct Ledger {
    /// Entries by slug.
    pub entries: HashMap<String, Entry>,
    /// The stamp of the last ingest, if any.
    pub stamp: Option<Stamp>,
}

fn ng(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{local}", vocab::NG))
}

fn graph() -> GraphName {
    NamedNode::new_unchecked(vocab::ledger_graph()).into()
}

/// The IRI of the ledger itself (subject of the stamp).
fn root() -> NamedNode {
    NamedNode::new_unchecked(format!("{}input", vocab::ID))
}

impl Ledger {
    /// Reads the ledger graph (empty in a store no ingest with a ledger has written).
    pub fn read(store: &Store) -> Result<Self, StorageError> {
        let mut ledger = Self::default();
        let prefix = vocab::ledger_entry("");
        let (path, key, gave, stamp) = (
            ng("sourcePath"),
            ng("inputKey"),
            ng("gaveGraph"),
            ng("extractorStamp"),
        );
        let g = graph();
        for q in store.quads_for_pattern(None, None, None, Some(g.as_ref())) {
            let q = q?;
            let oxigraph::model::NamedOrBlankNode::NamedNode(s) = &q.subject else {
                continue;
            };
            if q.predicate == stamp {
                if let Term::Literal(l) = &q.object {
                    ledger.stamp = Some(Stamp(l.value().to_owned()));
                }
                continue;
            }
            let Some(slug) = s.as_str().strip_prefix(&prefix) else {
                continue;
            };
            let entry = ledger
                .entries
                .entry(slug.to_owned())
                .or_insert_with(|| Entry {
                    path: PathBuf::new(),
                    key: String::new(),
                    graphs: Vec::new(),
                });
            match &q.object {
                Term::Literal(l) if q.predicate == path => entry.path = PathBuf::from(l.value()),
                Term::Literal(l) if q.predicate == key => entry.key = l.value().to_owned(),
                Term::NamedNode(n) if q.predicate == gave => entry.graphs.push(n.clone()),
                _ => {}
            }
        }
        Ok(ledger)
    }

    /// The entry for `slug` if it was made from `path` with `key`: the file is unchanged.
    pub fn unchanged(&self, slug: &str, path: &Path, key: &str) -> Option<&Entry> {
        self.entries
            .get(slug)
            .filter(|e| e.key == key && e.path == path)
    }
}

/// The quads of one entry.
pub fn entry_quads(slug: &str, entry: &Entry) -> Vec<Quad> {
    let s = NamedNode::new_unchecked(vocab::ledger_entry(slug));
    let g = graph();
    let mut out = vec![
        Quad::new(
            s.clone(),
            ng("sourcePath"),
            Literal::new_simple_literal(entry.path.to_string_lossy()),
            g.clone(),
        ),
        Quad::new(
            s.clone(),
            ng("inputKey"),
            Literal::new_simple_literal(&entry.key),
            g.clone(),
        ),
    ];
    for gr in &entry.graphs {
        out.push(Quad::new(s.clone(), ng("gaveGraph"), gr.clone(), g.clone()));
    }
    out
}

/// Removes the entry of `slug` in a transaction.
pub fn remove_entry(
    tx: &mut oxigraph::store::Transaction<'_>,
    slug: &str,
) -> Result<(), StorageError> {
    let s = NamedNode::new_unchecked(vocab::ledger_entry(slug));
    let g = graph();
    let old: Vec<Quad> = tx
        .quads_for_pattern(Some(s.as_ref().into()), None, None, Some(g.as_ref()))
        .collect::<Result<_, _>>()?;
    for q in &old {
        tx.remove(q);
    }
    Ok(())
}

/// Removes the store's stamp in `tx`.
fn clear_stamp(tx: &mut oxigraph::store::Transaction<'_>) -> Result<(), StorageError> {
    let (s, p, g) = (root(), ng("extractorStamp"), graph());
    let old: Vec<Quad> = tx
        .quads_for_pattern(
            Some(s.as_ref().into()),
            Some(p.as_ref()),
            None,
            Some(g.as_ref()),
        )
        .collect::<Result<_, _>>()?;
    for q in &old {
        tx.remove(q);
    }
    Ok(())
}

/// Removes the store's stamp: an ingest is about to write.
pub fn remove_stamp(store: &Store) -> Result<(), StorageError> {
    let mut tx = store.start_transaction()?;
    clear_stamp(&mut tx)?;
    tx.commit()
}

/// Writes `stamp` as the store's current one, in a transaction: the ingest that had removed
/// it has finished.
pub fn write_stamp(store: &Store, stamp: &Stamp) -> Result<(), StorageError> {
    let mut tx = store.start_transaction()?;
    clear_stamp(&mut tx)?;
    tx.insert(&Quad::new(
        root(),
        ng("extractorStamp"),
        Literal::new_simple_literal(&stamp.0),
        graph(),
    ));
    tx.commit()
}

/// Whether `g` is the ledger graph (left out of exports and pushes).
pub fn is_ledger(g: NamedNodeRef<'_>) -> bool {
    g.as_str() == vocab::ledger_graph()
}

/// A digest of one graph's content, whatever order its quads come in: the sum (mod 2^256) of
/// the SHA-256 of each triple in N-Triples. What `push` compares to send only what changed.
pub fn graph_digest(store: &Store, g: NamedNodeRef<'_>) -> Result<String, StorageError> {
    let mut sum = [0u64; 4];
    for q in store.quads_for_pattern(None, None, None, Some(g.into())) {
        let t = oxigraph::model::Triple::from(q?);
        let h = Sha256::digest(t.to_string().as_bytes());
        let mut carry = 0u128;
        for (i, lane) in sum.iter_mut().enumerate().rev() {
            let mut word = [0u8; 8];
            word.copy_from_slice(&h[i * 8..i * 8 + 8]);
            let total = u128::from(*lane) + u128::from(u64::from_be_bytes(word)) + carry;
            *lane = total as u64;
            carry = total >> 64;
        }
    }
    Ok(sum.iter().map(|l| format!("{l:016x}")).collect())
}

/// The subject recording what was pushed of graph `g` to `url`.
fn push_record(url: &str, g: &str) -> NamedNode {
    let short = |x: &str| hex(&Sha256::digest(x.as_bytes())[..12]);
    NamedNode::new_unchecked(format!("{}push/{}/{}", vocab::ID, short(url), short(g)))
}

/// The graphs pushed to `url` before, with the digest each had when it was sent.
pub fn pushed(store: &Store, url: &str) -> Result<HashMap<NamedNode, String>, StorageError> {
    let mut out = HashMap::new();
    let to = Literal::new_simple_literal(url);
    let gr = graph();
    for q in store.quads_for_pattern(
        None,
        Some(ng("pushedTo").as_ref()),
        Some(to.as_ref().into()),
        Some(gr.as_ref()),
    ) {
        let s = q?.subject;
        let (mut graph_name, mut digest) = (None, None);
        for p in store.quads_for_pattern(Some(s.as_ref()), None, None, Some(gr.as_ref())) {
            let p = p?;
            match p.object {
                Term::NamedNode(n) if p.predicate == ng("pushedGraph") => graph_name = Some(n),
                Term::Literal(l) if p.predicate == ng("contentDigest") => {
                    digest = Some(l.value().to_owned());
                }
                _ => {}
            }
        }
        if let (Some(g), Some(d)) = (graph_name, digest) {
            out.insert(g, d);
        }
    }
    Ok(out)
}

/// Records that graph `g` was sent to `url` with `digest` (`None`: deleted there).
pub fn record_push(
    store: &Store,
    url: &str,
    g: NamedNodeRef<'_>,
    digest: Option<&str>,
) -> Result<(), StorageError> {
    let s = push_record(url, g.as_str());
    let gr = graph();
    let mut tx = store.start_transaction()?;
    let old: Vec<Quad> = tx
        .quads_for_pattern(Some(s.as_ref().into()), None, None, Some(gr.as_ref()))
        .collect::<Result<_, _>>()?;
    for q in &old {
        tx.remove(q);
    }
    if let Some(d) = digest {
        tx.insert(&Quad::new(
            s.clone(),
            ng("pushedTo"),
            Literal::new_simple_literal(url),
            gr.clone(),
        ));
        tx.insert(&Quad::new(
            s.clone(),
            ng("pushedGraph"),
            g.into_owned(),
            gr.clone(),
        ));
        tx.insert(&Quad::new(
            s,
            ng("contentDigest"),
            Literal::new_simple_literal(d),
            gr,
        ));
    }
    tx.commit()
}
