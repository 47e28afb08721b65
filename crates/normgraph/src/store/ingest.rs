//! Ingest: statement files into the store, all or nothing for bad input, re-reading only what
//! changed, in memory that does not grow with the corpus.
//!
//! [`ingest`] works through the files of a [`Plan`] in file order, a chunk at a time:
//!
//! 1. Each file's bytes are hashed with the manifest row that applies and the [`Stamp`] of the
//!    extractor and its resources; a file whose key the [ledger](super::ledger) already holds
//!    for the same path is skipped (its text is not decoded, its graphs not read back).
//! 2. The others are extracted. A file whose statement graphs the store does not have streams
//!    its quads into oxigraph's bulk loader, which spills to files on disk and commits
//!    atomically at the end; a file whose graphs already hold exactly these quads only gets its
//!    ledger entry renewed; any other file is *changed*, and only its key is kept.
//! 3. When every file has been read and checked (bad input: the loader is dropped, nothing is
//!    written), what is stale is dropped (the inferred graph, analysis scores, graphs a file no
//!    longer gives), the loader commits, and each changed file is read again and its graphs
//!    cleared and rewritten with its ledger entry in transactions of [`BATCH`] files, so a crash
//!    leaves each statement old or new in full, and its ledger entry with it.

use super::ledger::{self, Entry, Ledger, Stamp};
use super::{derived_graphs, rebuild_shared, storage_error};
use crate::error::{render, IngestError, InputError, ResourceError, StoreError};
use crate::extract::batch::{self, Input, Plan};
use crate::extract::lexicon::Lexicon;
use crate::extract::Extraction;
use crate::rdf::model;
use crate::rdf::resources::Resources;
use crate::rdf::vocab;
use oxigraph::model::{
    GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Triple,
};
use oxigraph::store::{BulkLoader, StorageError, Store};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Changed files replaced per transaction.
pub const BATCH: usize = 256;

/// Files read and extracted at a time (on every core): what bounds the memory extraction holds.
const CHUNK: usize = 128;

/// The bulk loader's memory target: keeps a whole-corpus ingest well under 1 GB.
const BULK_LOAD_MEGABYTES: usize = 256;

/// What an ingest did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct IngestSummary {
    /// Input files given (less those set aside as bad).
    pub files: usize,
    /// Of those, files skipped because the ledger holds their key: not decoded, not extracted.
    pub skipped: usize,
    /// Statements the files give (a skipped file's counted from the ledger).
    pub documents: usize,
    /// Of those, statements whose graph was left as it was (skipped, or read again and found
    /// to give exactly the stored quads).
    pub unchanged: usize,
    /// Quads written for the statements.
    pub statement_quads: usize,
    /// Quads written for the ontology and reference data (0 when they were unchanged).
    pub reference_quads: usize,
    /// Quads in the store afterwards, counted when new statements were loaded (`None`
    /// otherwise: counting takes a while).
    pub total_quads: Option<usize>,
    /// Triples of the inferred graph dropped because the statements changed.
    pub inferred_cleared: usize,
    /// With `keep_going`: the bad inputs set aside, one message each.
    pub failures: Vec<String>,
}

/// What an ingest reports while it runs.
#[derive(Debug)]
pub enum Event {
    /// The extractor, its resources or the corrections' retractions differ from those of the
    /// last ingest: every file is read again.
    Reextracting,
    /// `done` of `total` files read (first pass) or rewritten (second pass, `rewriting`).
    Progress {
        /// Files done.
        done: usize,
        /// Files in this pass.
        total: usize,
        /// Whether this is the pass that rewrites changed files.
        rewriting: bool,
    },
    /// A file was read but gave no statement (a record with no delegate's turn).
    Warning(String),
}

/// The ingest options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Set bad inputs aside (listed in [`IngestSummary::failures`]) instead of failing.
    pub keep_going: bool,
    /// Let a file replace a statement the store holds from another file that still exists.
    pub replace: bool,
}

/// The facts the scholar's corrections retract, kept in an in-memory store so that they are
/// compared as oxigraph keeps terms (typed literals by value).
struct Retracted(Option<Store>);

impl Retracted {
    fn new(triples: HashSet<Triple>) -> Result<Self, StorageError> {
        if triples.is_empty() {
            return Ok(Self(None));
        }
        let scratch = Store::new()?;
        scratch.extend(
            triples
                .into_iter()
                .map(|t| t.in_graph(GraphName::DefaultGraph)),
        )?;
        Ok(Self(Some(scratch)))
    }

    fn contains(&self, q: &Quad) -> bool {
        self.0.as_ref().is_some_and(|s| {
            s.contains(oxigraph::model::QuadRef::new(
                &q.subject,
                &q.predicate,
                &q.object,
                GraphNameRef::DefaultGraph,
            ))
            .unwrap_or(false)
        })
    }
}

/// The quads of a statement as ingest writes them: what the model says, less the facts the
/// scholar's corrections retract (see [`crate::store::corrections`]).
fn statement_quads(ex: &Extraction, retracted: &Retracted) -> Vec<Quad> {
    let mut quads = model::quads(ex);
    if retracted.0.is_some() {
        quads.retain(|q| !retracted.contains(q));
    }
    quads
}

/// The graph of a statement without the `/turn/NN` of a verbatim record's turn: all the graphs
/// one file gives share it (slugs have no `/`, so this cannot mix files up).
fn family(graph: &str) -> &str {
    graph.split_once("/turn/").map_or(graph, |(head, _)| head)
}

/// Whether the named graph `graph` exists and holds exactly `quads`, compared as the store
/// keeps them (oxigraph stores typed literals by value: `"5"^^xsd:nonNegativeInteger` comes back
/// as `"5"^^xsd:integer`), so the new quads go through an in-memory store first.
fn holds_exactly(
    store: &Store,
    graph: NamedNodeRef<'_>,
    quads: &[Quad],
) -> Result<bool, StorageError> {
    if !store.contains_named_graph(graph)? {
        return Ok(false);
    }
    let scratch = Store::new()?;
    scratch.extend(quads.iter().cloned())?;
    let new: HashSet<Quad> = scratch.iter().collect::<Result<_, _>>()?;
    let mut stored = 0usize;
    for q in store.quads_for_pattern(None, None, None, Some(graph.into())) {
        if !new.contains(&q?) {
            return Ok(false);
        }
        stored += 1;
    }
    Ok(stored == new.len())
}

/// Oxigraph's bulk loader, fed in whole batches: each call to `load_quads` builds its own
/// sorted files on a new thread, so one call per file would make thousands of tiny ones.
struct Loader<'a> {
    loader: BulkLoader<'a>,
    pending: Vec<Quad>,
}

impl<'a> Loader<'a> {
    /// Quads per batch: what oxigraph itself would put in one under this memory target on two
    /// threads.
    const BATCH_QUADS: usize = BULK_LOAD_MEGABYTES * 1000 / 2;

    fn new(store: &'a Store) -> Self {
        Self {
            loader: store
                .bulk_loader()
                .with_max_memory_size_in_megabytes(BULK_LOAD_MEGABYTES),
            pending: Vec::new(),
        }
    }

    fn load(&mut self, quads: impl IntoIterator<Item = Quad>) -> Result<(), StorageError> {
        self.pending.extend(quads);
        self.flush_full()
    }

    /// Adds one quad (a large statement's quads go in as they are made).
    fn push(&mut self, quad: Quad) -> Result<(), StorageError> {
        self.pending.push(quad);
        self.flush_full()
    }

    fn flush_full(&mut self) -> Result<(), StorageError> {
        if self.pending.len() >= Self::BATCH_QUADS {
            self.loader.load_quads(std::mem::take(&mut self.pending))?;
        }
        Ok(())
    }

    fn commit(mut self) -> Result<(), StorageError> {
        self.loader.load_quads(std::mem::take(&mut self.pending))?;
        self.loader.commit()
    }
}

/// What the first pass made of one file.
enum Read {
    /// The ledger holds its key: nothing read but its bytes.
    Skipped { statements: usize },
    /// None of its graphs is in the store: what was extracted, whose quads are made as they
    /// go to the bulk loader (a large statement's quads are never all held at once).
    New {
        entry: Entry,
        extractions: Vec<Extraction>,
    },
    /// Its graphs hold exactly what it gives: only the ledger entry to renew.
    Same { entry: Entry, statements: usize },
    /// Anything else: read again and rewritten in the second pass.
    Changed { key: String, statements: usize },
}

/// Everything the passes share.
struct Context<'a> {
    store: &'a Store,
    lexicon: &'a Lexicon,
    stamp: &'a Stamp,
    ledger: &'a Ledger,
    retracted: &'a Retracted,
    /// The statement graphs in the store, by family (see [`family`]).
    families: &'a HashMap<String, Vec<NamedNode>>,
}

impl Context<'_> {
    /// Reads one file in the first pass.
    fn first_read(&self, input: &Input) -> Result<Read, IngestError> {
        let bytes = batch::read_bytes(input)?;
        let key = self.stamp.key(input.row.as_ref(), &bytes);
        let stored = self
            .families
            .get(&vocab::statement_graph(&input.slug))
            .map_or(&[][..], Vec::as_slice);
        if let Some(e) = self.ledger.unchanged(&input.slug, &input.canonical, &key) {
            // (Unless its graphs were dropped since, by hand.)
            if e.graphs.iter().all(|g| stored.contains(g)) {
                return Ok(Read::Skipped {
                    statements: e.graphs.len(),
                });
            }
        }
        let extractions = batch::extract_input(input, &bytes, self.lexicon)?;
        drop(bytes);
        let statements = extractions.len();
        let entry = Entry {
            path: input.canonical.clone(),
            key,
            graphs: extractions
                .iter()
                .map(|ex| NamedNode::new_unchecked(&ex.graph))
                .collect(),
        };
        if stored.is_empty() && !self.ledger.entries.contains_key(&input.slug) {
            return Ok(Read::New { entry, extractions });
        }
        let same = stored.len() == extractions.len()
            && extractions
                .iter()
                .try_fold(true, |all, ex| {
                    Ok::<_, StorageError>(
                        all && holds_exactly(
                            self.store,
                            NamedNodeRef::new_unchecked(&ex.graph),
                            &statement_quads(ex, self.retracted),
                        )?,
                    )
                })
                .map_err(|e| self.storage(e))?;
        Ok(if same {
            Read::Same { entry, statements }
        } else {
            Read::Changed {
                key: entry.key,
                statements,
            }
        })
    }

    fn storage(&self, e: StorageError) -> IngestError {
        // The path is only for the message; the store's own folder is named by the caller.
        IngestError::Store(storage_error(Path::new("store"), e))
    }
}

/// Writes the ontology, reference data and the statements of `plan` into the store, reading
/// again only the files that changed since the last ingest (see the module's documentation).
/// `on` hears of progress and warnings.
pub fn ingest(
    store: &Store,
    path: &Path,
    resources: &Resources,
    lexicon: &Lexicon,
    plan: Plan,
    options: Options,
    on: &mut dyn FnMut(Event),
) -> Result<IngestSummary, IngestError> {
    let load = |e: ResourceError| StoreError::Load {
        path: PathBuf::from("resources"),
        message: e.to_string(),
    };
    let err = |e| IngestError::Store(storage_error(path, e));
    // The facts the scholar's corrections retract are part of what made each graph: a
    // retraction withdrawn must bring its fact back, so they are in the stamp too.
    let retractions = super::corrections::stored_retractions(store, path)?;
    let mut retraction_lines: Vec<String> = retractions.iter().map(ToString::to_string).collect();
    retraction_lines.sort_unstable();
    let stamp = Stamp::of(resources)
        .map_err(load)?
        .with(&retraction_lines.join("\n"));
    let ledger = Ledger::read(store).map_err(err)?;
    if ledger.stamp.as_ref().is_some_and(|s| *s != stamp) {
        on(Event::Reextracting);
    }
    let retracted = Retracted::new(retractions).map_err(err)?;
    let mut summary = IngestSummary {
        failures: plan.failures,
        ..IngestSummary::default()
    };
    // A file must not silently replace a statement read from another file that still exists.
    let mut inputs = Vec::with_capacity(plan.inputs.len());
    for input in plan.inputs {
        let held = ledger.entries.get(&input.slug).map(|e| &e.path);
        if let Some(earlier) =
            held.filter(|p| !options.replace && **p != input.canonical && p.exists())
        {
            let e = InputError::HeldFromAnotherFile {
                file: input.file.clone(),
                earlier: earlier.clone(),
                slug: input.slug.clone(),
            };
            if options.keep_going {
                summary.failures.push(render(&e));
                continue;
            }
            return Err(e.into());
        }
        inputs.push(input);
    }
    summary.files = inputs.len();
    // The statement graphs in the store, by file.
    let prefix = vocab::statement_graph("");
    let mut families: HashMap<String, Vec<NamedNode>> = HashMap::new();
    for g in store.named_graphs() {
        if let NamedOrBlankNode::NamedNode(n) = g.map_err(err)? {
            if n.as_str().starts_with(&prefix) {
                families
                    .entry(family(n.as_str()).to_owned())
                    .or_default()
                    .push(n);
            }
        }
    }
    let cx = Context {
        store,
        lexicon,
        stamp: &stamp,
        ledger: &ledger,
        retracted: &retracted,
        families: &families,
    };

    // The ontology and reference data: small, compared in full.
    let mut loader: Option<Loader<'_>> = None;
    let start_loader = || Loader::new(store);
    let mut fixed_changed: Vec<(NamedNode, Vec<Quad>)> = Vec::new();
    for (graph, files) in [
        (vocab::ontology_graph(), resources.ontology().map_err(load)?),
        (
            vocab::reference_graph(),
            resources.reference().map_err(load)?,
        ),
    ] {
        let quads = crate::rdf::resources::resource_quads(&files, &graph).map_err(load)?;
        let g = NamedNode::new_unchecked(graph);
        if !holds_exactly(store, g.as_ref(), &quads).map_err(err)? {
            summary.reference_quads += quads.len();
            if store.contains_named_graph(&g).map_err(err)? {
                fixed_changed.push((g, quads));
            } else {
                loader
                    .get_or_insert_with(start_loader)
                    .load(quads)
                    .map_err(err)?;
            }
        }
    }

    // What the shared graph describes, gathered from the new statements: when the store had
    // none before, that is all of them, and the shared graph need not be read back from a store
    // just bulk-loaded (reads are slow then: tens of unsorted files per index).
    let mut shared = model::SharedParts::default();
    let first_ingest = families.is_empty();
    // 1. Read every file, in chunks, in file order; new statements go to the bulk loader.
    let total = inputs.len();
    let mut renewed: Vec<(String, Entry)> = Vec::new();
    let mut changed: Vec<(usize, String)> = Vec::new();
    let mut done = 0;
    for (c, chunk) in inputs.chunks(CHUNK).enumerate() {
        let reads: Vec<Result<Read, IngestError>> =
            chunk.par_iter().map(|input| cx.first_read(input)).collect();
        for (i, (read, input)) in reads.into_iter().zip(chunk).enumerate() {
            let read = match read {
                Ok(r) => r,
                Err(e) if options.keep_going && matches!(e, IngestError::Input(_)) => {
                    summary.failures.push(render(&e));
                    summary.files -= 1;
                    continue;
                }
                Err(e) => return Err(e),
            };
            let statements = match read {
                Read::Skipped { statements } => {
                    summary.skipped += 1;
                    summary.unchanged += statements;
                    statements
                }
                Read::New { entry, extractions } => {
                    let loader = loader.get_or_insert_with(start_loader);
                    let mut failed = None;
                    for ex in &extractions {
                        model::for_each_quad(ex, &mut |q| {
                            if failed.is_some() || retracted.contains(&q) {
                                return;
                            }
                            summary.statement_quads += 1;
                            shared.add_quad(&q);
                            if let Err(e) = loader.push(q) {
                                failed = Some(e);
                            }
                        });
                    }
                    if let Some(e) = failed {
                        return Err(err(e));
                    }
                    loader
                        .load(ledger::entry_quads(&input.slug, &entry))
                        .map_err(err)?;
                    extractions.len()
                }
                Read::Same { entry, statements } => {
                    summary.unchanged += statements;
                    renewed.push((input.slug.clone(), entry));
                    statements
                }
                Read::Changed { key, statements } => {
                    changed.push((c * CHUNK + i, key));
                    statements
                }
            };
            if statements == 0 {
                on(Event::Warning(batch::no_turn_warning(input)));
            }
            summary.documents += statements;
        }
        done += chunk.len();
        on(Event::Progress {
            done,
            total,
            rewriting: false,
        });
    }

    // 2. Everything was read and checked: write. First drop what is stale, so that a run
    //    stopped half-way leaves nothing stale behind: what the rules derived (run `infer`
    //    again) and the scores analyses wrote back (run `analyze … --write-back` again).
    let facts_change = loader.is_some() || !changed.is_empty() || !fixed_changed.is_empty();
    let complete = ledger.stamp.as_ref() == Some(&stamp);
    if !facts_change && renewed.is_empty() && complete {
        // Nothing to write, and the last ingest finished (its stamp is written last).
        return Ok(summary);
    }
    // The stamp goes until this run has finished writing (see below).
    ledger::remove_stamp(store).map_err(err)?;
    if facts_change {
        let derived = derived_graphs(store).map_err(err)?;
        summary.inferred_cleared = derived.inferred_triples;
        for batch in derived.graphs.chunks(BATCH) {
            let mut tx = store.start_transaction().map_err(err)?;
            for g in batch {
                tx.remove_named_graph(g).map_err(err)?;
            }
            tx.commit().map_err(err)?;
        }
    }
    // New graphs: one atomic commit, all of them or none. On a first ingest the shared graph
    // goes in with them (from what the statements name): read back from a store just
    // bulk-loaded, and written by a transaction, it took 10 s on the corpus.
    let shared_loaded = first_ingest && changed.is_empty() && loader.is_some();
    if shared_loaded {
        let reference = crate::rdf::resources::resource_quads(
            &resources.reference().map_err(load)?,
            &vocab::reference_graph(),
        )
        .map_err(load)?;
        let mut known = model::described(&reference);
        known.extend(super::catalogue::described(store).map_err(err)?);
        if let Some(loader) = &mut loader {
            loader.load(shared.quads(&known)).map_err(err)?;
        }
    }
    let bulk_loaded = loader.is_some();
    if let Some(loader) = loader {
        loader.commit().map_err(err)?;
    }
    if !fixed_changed.is_empty() {
        let mut tx = store.start_transaction().map_err(err)?;
        for (g, quads) in &fixed_changed {
            tx.clear_graph(g).map_err(err)?;
            tx.extend(quads.iter());
        }
        tx.commit().map_err(err)?;
    }
    // Changed files: read again, and each file's graphs (those it gave before and does not
    // give now dropped) and ledger entry replaced in one transaction with the rest of its batch.
    let mut rewritten = 0;
    for batch in changed.chunks(BATCH) {
        let extracted: Vec<Result<Vec<Extraction>, IngestError>> = batch
            .par_iter()
            .map(|(i, key)| {
                let input = &inputs[*i];
                let bytes = batch::read_bytes(input)?;
                if stamp.key(input.row.as_ref(), &bytes) != *key {
                    return Err(InputError::ChangedDuringIngest {
                        path: input.file.clone(),
                    }
                    .into());
                }
                Ok(batch::extract_input(input, &bytes, lexicon)?)
            })
            .collect();
        let mut tx = store.start_transaction().map_err(err)?;
        for ((i, key), extractions) in batch.iter().zip(extracted) {
            let input = &inputs[*i];
            let extractions = extractions?;
            let current: HashSet<&str> = extractions.iter().map(|ex| ex.graph.as_str()).collect();
            for g in families
                .get(&vocab::statement_graph(&input.slug))
                .into_iter()
                .flatten()
                .filter(|g| !current.contains(g.as_str()))
            {
                tx.remove_named_graph(g).map_err(err)?;
            }
            for ex in &extractions {
                let g = NamedNodeRef::new_unchecked(&ex.graph);
                tx.clear_graph(g).map_err(err)?;
                let quads = statement_quads(ex, &retracted);
                summary.statement_quads += quads.len();
                tx.extend(quads.iter());
            }
            let entry = Entry {
                path: input.canonical.clone(),
                key: key.clone(),
                graphs: extractions
                    .iter()
                    .map(|ex| NamedNode::new_unchecked(&ex.graph))
                    .collect(),
            };
            ledger::remove_entry(&mut tx, &input.slug).map_err(err)?;
            tx.extend(ledger::entry_quads(&input.slug, &entry).iter());
        }
        tx.commit().map_err(err)?;
        rewritten += batch.len();
        on(Event::Progress {
            done: rewritten,
            total: changed.len(),
            rewriting: true,
        });
    }
    // Files read again that give what the store holds: their ledger entries renewed.
    for batch in renewed.chunks(BATCH) {
        let mut tx = store.start_transaction().map_err(err)?;
        for (slug, entry) in batch {
            ledger::remove_entry(&mut tx, slug).map_err(err)?;
            tx.extend(ledger::entry_quads(slug, entry).iter());
        }
        tx.commit().map_err(err)?;
    }
    if !shared_loaded && rebuild_shared(store, path)? && !facts_change {
        // The shared graph changed though no statement did (an earlier run was stopped before
        // rebuilding it): what the rules derived may be stale.
        let derived = derived_graphs(store).map_err(err)?;
        summary.inferred_cleared = derived.inferred_triples;
        let mut tx = store.start_transaction().map_err(err)?;
        for g in &derived.graphs {
            tx.remove_named_graph(g).map_err(err)?;
        }
        tx.commit().map_err(err)?;
    }
    // Last, the stamp: a store without one had an ingest stopped before this point, so the
    // next one rebuilds the shared graph even if no file changed.
    ledger::write_stamp(store, &stamp).map_err(err)?;
    if bulk_loaded {
        // (Counting takes a while on a large store: not worth it after a small edit.)
        summary.total_quads = Some(store.len().map_err(err)?);
    }
    Ok(summary)
}
