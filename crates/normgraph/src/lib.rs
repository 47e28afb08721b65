//! normgraph: a knowledge graph linking diplomatic proposals to their legal sources.
//!
//! The pipeline, one module per stage, in the order data flows through them:
//!
//! 1. [`source`]: statement files (text, Markdown or PDF) → decoded text, with the manifest's
//!    metadata;
//! 2. [`extract`]: text → facts with evidence spans (citations, instrument references,
//!    positions, norms …), using the [`Lexicon`](extract::lexicon::Lexicon) read from the SKOS
//!    labels in `ontology/` and `data/reference/`;
//! 3. [`rdf`]: facts → RDF quads (vocabulary in [`rdf::vocab`], data files in
//!    [`rdf::resources`]);
//! 4. [`store`]: the persistent oxigraph store, one named graph per statement, and the scholar's
//!    corrections;
//! 5. [`query`]: SPARQL over the store (the one path the CLI and the endpoint share);
//! 6. [`rules`]: N3 rules run to a fixpoint, with explanations down to the quoted sentence;
//! 7. [`analysis`]: graph projections of the store and their analyses (petgraph);
//! 8. [`output`]: RDF export, graph file formats, pictures, the SPARQL endpoint, push to other
//!    stores.
//!
//! [`error`] holds the typed errors of every stage.
//!
//! ```
//! use normgraph::extract::{self, lexicon::Lexicon};
//! use normgraph::rdf::resources::Resources;
//! use normgraph::source::reader;
//! let lexicon = Lexicon::load(&Resources::Embedded).unwrap();
//! let doc = reader::decode(
//!     "s.txt".as_ref(),
//!     b"We recall General Assembly resolution 73/27 and the said resolution.",
//! )
//! .unwrap();
//! let ex = extract::extract(&doc, &lexicon, None).unwrap();
//! assert_eq!(ex.citations[0].id, "A/RES/73/27");
//! assert_eq!(ex.citations[1].span.surface, "the said resolution");
//! ```

pub mod analysis;
pub mod error;
pub mod extract;
pub mod output;
pub mod query;
pub mod rdf;
pub mod rules;
pub mod source;
pub mod store;

/// An enumeration whose values a user names by word (output formats, measures …): the command
/// line offers [`Choice::ALL`] with their [`help`](Choice::help) and parses them with `FromStr`.
/// The library itself does not depend on any argument parser.
pub trait Choice:
    Copy + std::str::FromStr<Err = String> + std::fmt::Display + Send + Sync + 'static
{
    /// Every value, in the order they are offered.
    const ALL: &'static [Self];
    /// The word that names this value.
    fn name(self) -> &'static str;
    /// One line saying what this value is.
    fn help(self) -> &'static str;
}

/// Defines an enum of user-named values and its [`Choice`], `FromStr` and `Display` impls:
/// each variant's word is given after `=`, its help is its doc comment.
macro_rules! choice_enum {
    (
        $(#[doc = $doc:literal])*
        $vis:vis enum $name:ident {
            $( $(#[doc = $vdoc:literal])* $variant:ident = $word:literal, )+
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name {
            $( $(#[doc = $vdoc])* $variant, )+
        }

        impl $crate::Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn name(self) -> &'static str {
                match self { $(Self::$variant => $word,)+ }
            }
            fn help(self) -> &'static str {
                match self { $(Self::$variant => $crate::doc_line(concat!($($vdoc),*)),)+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($word => Ok(Self::$variant),)+
                    _ => Err(format!(
                        "{s:?}: expected one of {}",
                        [$($word),+].join(", ")
                    )),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::Choice::name(*self))
            }
        }
    };
}
pub(crate) use choice_enum;

/// A one-line doc comment as help text: without the leading space and the final full stop (as
/// clap shows doc comments).
#[doc(hidden)]
pub fn doc_line(doc: &'static str) -> &'static str {
    let doc = doc.trim();
    doc.strip_suffix('.').unwrap_or(doc)
}
