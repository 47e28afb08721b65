//! The data files normgraph runs on: the ontology and SKOS taxonomies (`ontology/*.ttl`), the
//! shipped rules (`ontology/rules/*.n3`), the reference data (`data/reference/*.ttl`) and number
//! tables (`data/reference/*.csv`), the cue patterns (`data/cues/*.ttl`) and the curated queries
//! and projections (`queries/*.rq`, `queries/projections/*.rq`).
//!
//! They are embedded in the binary at build time. A scholar who edits them can point normgraph at
//! a folder holding `ontology/`, `data/reference/` and `queries/` (`--resources DIR` or
//! `NORMGRAPH_RESOURCES`); the current folder is used when it has an `ontology/normgraph.ttl`.
//! The Turtle files, rules and queries come from that folder alone; the cue patterns and the
//! number tables are overridden file by file (a file the folder lacks is taken from the built-in
//! copies), so a folder made before they were data still works.

use crate::error::{Location, ResourceError};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{BlankNode, GraphName, NamedNode, NamedOrBlankNode, Quad, Term};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// One resource file.
#[derive(Debug, Clone)]
pub struct ResourceFile {
    /// Path relative to the resource root, e.g. `ontology/threats.ttl`.
    pub name: String,
    /// Where it was read from (a real path, or `<embedded>/…`), for error messages.
    pub origin: PathBuf,
    /// Its text.
    pub text: Cow<'static, str>,
}

impl ResourceFile {
    /// The file's one-line summary: its first `#` comment line (`#!` directive lines skipped).
    pub fn summary(&self) -> &str {
        self.text
            .lines()
            .filter(|l| !l.starts_with("#!"))
            .find_map(|l| l.strip_prefix('#').map(str::trim))
            .unwrap_or("")
    }

    /// The whole description: every comment line before the first line of SPARQL, joined
    /// (paragraphs kept apart by an empty comment line).
    pub fn description(&self) -> String {
        let mut out = String::new();
        for line in self.text.lines() {
            if line.starts_with("#!") {
                continue;
            }
            let Some(comment) = line.strip_prefix('#') else {
                if line.trim().is_empty() {
                    continue;
                }
                break;
            };
            let comment = comment.trim();
            if comment.is_empty() {
                if !out.is_empty() && !out.ends_with("\n\n") {
                    out.push_str("\n\n");
                }
            } else {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push(' ');
                }
                out.push_str(comment);
            }
        }
        out.trim_end().to_owned()
    }
}

/// Where resources come from.
#[derive(Debug, Clone)]
pub enum Resources {
    /// The copies embedded in the binary.
    Embedded,
    /// A folder holding `ontology/`, `data/reference/` and `queries/`.
    Folder(PathBuf),
}

impl Resources {
    /// Chooses the resource root: an explicit folder, else the current folder if it holds
    /// `ontology/normgraph.ttl`, else the embedded copies.
    pub fn locate(explicit: Option<&Path>) -> Result<Self, ResourceError> {
        if let Some(dir) = explicit {
            if !Self::is_root(dir) {
                return Err(ResourceError::NotAResourceFolder(dir.to_path_buf()));
            }
            return Ok(Self::Folder(dir.to_path_buf()));
        }
        if Self::is_root(Path::new(".")) {
            return Ok(Self::Folder(PathBuf::from(".")));
        }
        Ok(Self::Embedded)
    }

    /// Whether a folder holds the resources: `ontology/normgraph.ttl` and `data/reference/`.
    fn is_root(dir: &Path) -> bool {
        dir.join("ontology/normgraph.ttl").is_file() && dir.join("data/reference").is_dir()
    }

    /// The files of one resource folder (`ontology`, `data/reference` or `queries`) with the
    /// given extension, sorted by name.
    pub fn files(&self, dir: &str, ext: &str) -> Result<Vec<ResourceFile>, ResourceError> {
        match self {
            Self::Embedded => Ok(EMBEDDED
                .iter()
                .filter(|(name, _)| {
                    Path::new(name).parent() == Some(Path::new(dir))
                        && name.ends_with(&format!(".{ext}"))
                })
                .map(|(name, text)| ResourceFile {
                    name: (*name).to_owned(),
                    origin: Path::new("<embedded>").join(name),
                    text: Cow::Borrowed(text),
                })
                .collect()),
            Self::Folder(root) => {
                let folder = root.join(dir);
                let entries = match fs::read_dir(&folder) {
                    Ok(e) => e,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
                    Err(source) => {
                        return Err(ResourceError::Io {
                            path: folder,
                            source,
                        })
                    }
                };
                let mut paths: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == ext))
                    .collect();
                paths.sort();
                paths
                    .into_iter()
                    .map(|path| {
                        let text = crate::source::file::read_text(&path)?;
                        let name = format!(
                            "{dir}/{}",
                            path.file_name().unwrap_or_default().to_string_lossy()
                        );
                        Ok(ResourceFile {
                            name,
                            origin: path,
                            text: Cow::Owned(text),
                        })
                    })
                    .collect()
            }
        }
    }

    /// The ontology and taxonomy files.
    pub fn ontology(&self) -> Result<Vec<ResourceFile>, ResourceError> {
        self.files("ontology", "ttl")
    }

    /// The shipped rule files (`ontology/rules/*.n3`).
    pub fn rules(&self) -> Result<Vec<ResourceFile>, ResourceError> {
        self.files("ontology/rules", "n3")
    }

    /// The SHACL shapes of the model (`ontology/shapes/*.ttl`), for `normgraph validate`; not
    /// loaded into the store.
    pub fn shapes(&self) -> Result<Vec<ResourceFile>, ResourceError> {
        self.files("ontology/shapes", "ttl")
    }

    /// The reference data files.
    pub fn reference(&self) -> Result<Vec<ResourceFile>, ResourceError> {
        self.files("data/reference", "ttl")
    }

    /// The cue patterns (`data/cues/*.ttl`): a resource folder's files, and the built-in ones it
    /// does not replace (by file name).
    pub fn cues(&self) -> Result<Vec<ResourceFile>, ResourceError> {
        self.overlaid("data/cues", "ttl")
    }

    /// The tables of the reference data (`data/reference/*.csv`, such as the number tables),
    /// a resource folder's files, and the built-in ones it does not replace (by file name).
    pub fn reference_tables(&self) -> Result<Vec<ResourceFile>, ResourceError> {
        self.overlaid("data/reference", "csv")
    }

    /// A resource folder's files of `dir`, and the built-in ones it does not replace (by file
    /// name), sorted by name: the file-by-file override of the cue patterns and tables.
    fn overlaid(&self, dir: &str, ext: &str) -> Result<Vec<ResourceFile>, ResourceError> {
        let mut files = self.files(dir, ext)?;
        if let Self::Folder(_) = self {
            for builtin in Self::Embedded.files(dir, ext)? {
                if !files.iter().any(|f| f.name == builtin.name) {
                    files.push(builtin);
                }
            }
            files.sort_by(|a, b| a.name.cmp(&b.name));
        }
        Ok(files)
    }

    /// The curated queries, as (name without `.rq`, text).
    pub fn queries(&self) -> Result<Vec<(String, ResourceFile)>, ResourceError> {
        self.named("queries", "rq")
    }

    /// The named graph projections (`queries/projections/*.rq`), by name.
    pub fn projections(&self) -> Result<Vec<(String, ResourceFile)>, ResourceError> {
        self.named("queries/projections", "rq")
    }

    /// The files of a folder as (file stem, file).
    fn named(&self, dir: &str, ext: &str) -> Result<Vec<(String, ResourceFile)>, ResourceError> {
        Ok(self
            .files(dir, ext)?
            .into_iter()
            .map(|f| {
                let name = Path::new(&f.name)
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                (name, f)
            })
            .collect())
    }

    /// One curated query by name.
    pub fn query(&self, name: &str) -> Result<ResourceFile, ResourceError> {
        self.queries()?
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, f)| f)
            .ok_or_else(|| ResourceError::UnknownQuery(name.to_owned()))
    }
}

/// The error of a Turtle resource file that does not parse, located where the parser stopped.
pub fn syntax_error(file: &Path, error: &oxigraph::io::RdfSyntaxError) -> ResourceError {
    ResourceError::Syntax {
        location: Location::from_parser(
            file,
            error.location().map(|r| (r.start.line, r.start.column)),
        ),
        message: error.to_string(),
    }
}

/// A short tag for a graph, so that blank node labels of different graphs never meet.
fn graph_tag(graph: &str) -> String {
    graph
        .rsplit('/')
        .next()
        .unwrap_or("g")
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(12)
        .collect()
}

/// Parses resource Turtle files into quads of one graph.
///
/// Blank nodes (RDF lists, `[ … ]`) get labels numbered by first appearance in their file, so
/// that loading the same files twice yields identical quads.
pub fn resource_quads(files: &[ResourceFile], graph: &str) -> Result<Vec<Quad>, ResourceError> {
    let graph_iri = graph;
    let graph = GraphName::NamedNode(NamedNode::new_unchecked(graph));
    let mut quads = Vec::new();
    for (f, file) in files.iter().enumerate() {
        let mut labels: HashMap<BlankNode, BlankNode> = HashMap::new();
        let kind = graph_tag(graph_iri);
        let mut relabel = |b: BlankNode| {
            let n = labels.len();
            labels
                .entry(b)
                .or_insert_with(|| BlankNode::new_unchecked(format!("{kind}{f}b{n}")))
                .clone()
        };
        for t in RdfParser::from_format(RdfFormat::Turtle)
            .without_named_graphs()
            .for_slice(file.text.as_bytes())
        {
            let q = t.map_err(|e| syntax_error(&file.origin, &e))?;
            let subject = match q.subject {
                NamedOrBlankNode::BlankNode(b) => NamedOrBlankNode::BlankNode(relabel(b)),
                other => other,
            };
            let object = match q.object {
                Term::BlankNode(b) => Term::BlankNode(relabel(b)),
                other => other,
            };
            quads.push(Quad::new(subject, q.predicate, object, graph.clone()));
        }
    }
    Ok(quads)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn description_joins_every_comment_line_before_the_query() {
        let file = ResourceFile {
            name: "queries/x.rq".to_owned(),
            origin: PathBuf::from("x.rq"),
            text: Cow::Borrowed(
                "#! directed\n# First line\n# goes on.\n#\n# Second paragraph.\n\nSELECT * {}\n# after\n",
            ),
        };
        assert_eq!(file.summary(), "First line");
        assert_eq!(
            file.description(),
            "First line goes on.\n\nSecond paragraph."
        );
    }
}
