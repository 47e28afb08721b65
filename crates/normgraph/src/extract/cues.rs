//! Cue patterns: the regular expressions of `data/cues/*.ttl` that mark kinds of wording the
//! extractor looks for (a stance, a negation, the organ that adopted a resolution …).
//!
//! Each is a resource of type `ng:CuePattern` whose `ng:pattern` is a regular expression in the
//! syntax of the `regex` crate, named by its IRI's last segment (`cue:support` → `support`).
//! Stages take the patterns they need by name ([`CuePatterns::take`]); a missing one is an
//! error naming it.

use crate::error::ResourceError;
use crate::rdf::resources::{syntax_error, ResourceFile};
use crate::rdf::vocab::NG;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Term};
use regex::Regex;
use std::collections::HashMap;

/// The cue patterns of some Turtle files, compiled, by name.
#[derive(Debug, Default)]
pub struct CuePatterns(HashMap<String, Regex>);

impl CuePatterns {
    /// Reads every `ng:pattern` of the files; a pattern that is not a valid regular expression is
    /// an error naming the cue.
    pub fn from_files(files: &[ResourceFile]) -> Result<Self, ResourceError> {
        let mut patterns = HashMap::new();
        let pattern = format!("{NG}pattern");
        for file in files {
            for triple in RdfParser::from_format(RdfFormat::Turtle).for_slice(file.text.as_bytes())
            {
                let t = triple.map_err(|e| syntax_error(&file.origin, &e))?;
                let (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) = (&t.subject, &t.object)
                else {
                    continue;
                };
                if t.predicate.as_str() != pattern {
                    continue;
                }
                let re = Regex::new(l.value()).map_err(|e| ResourceError::BadLabel {
                    label: l.value().to_owned(),
                    concept: s.as_str().to_owned(),
                    message: e.to_string(),
                })?;
                let name = s.as_str().rsplit(['/', '#']).next().unwrap_or_default();
                patterns.insert(name.to_owned(), re);
            }
        }
        Ok(Self(patterns))
    }

    /// Takes the pattern named `name` out of the set.
    pub fn take(&mut self, name: &str) -> Result<Regex, ResourceError> {
        self.0
            .remove(name)
            .ok_or_else(|| ResourceError::MissingCue(name.to_owned()))
    }
}
