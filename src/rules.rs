//! Rules: user-editable N3 rules evaluated to a fixpoint over the graph, with explanations.
//!
//! Stages, one module each: [`parse`] (N3 files → checked rules), [`stratify`] (dependency graph
//! of predicates, stratified negation), [`eval`] (semi-naive Datalog evaluation over an
//! in-memory index of the store's triples), [`explain`] (proof trees down to the quoted
//! sentence).
//!
//! Semantics: positive Datalog over triples, plus negation as failure written
//! `?SCOPE log:notIncludes { … }` (the pattern must not hold in the graph; stratified) and a few
//! builtins (`log:equalTo`, `log:notEqualTo`, `math:greaterThan`, `math:lessThan`,
//! `string:contains`, `string:startsWith`). Rules may not create blank nodes: a blank node in a
//! rule head is rejected, so evaluation always terminates.

pub mod eval;
pub mod explain;
pub mod parse;
pub mod stratify;

pub use eval::{evaluate, Evaluation, Index};
pub use parse::{load_rules, parse_files, parse_rules, Atom, Builtin, Rule, Slot};

use std::path::PathBuf;

/// Errors in rule files or rule sets.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RuleError {
    /// A rule file cannot be read.
    #[error("{path}: cannot read")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A rule file does not parse as N3.
    #[error("{path}:{message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// `line:column: message`.
        message: String,
    },
    /// A rule is malformed (unbound head variable, blank node in head, unknown builtin, …).
    #[error("{path}:{line}: rule {rule:?}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Line of the rule's `=>`.
        line: usize,
        /// The rule's label.
        rule: String,
        /// What is wrong.
        message: String,
    },
    /// Negation inside a recursive cycle: the rule set cannot be stratified.
    #[error("the rules cannot be stratified: negation inside the cycle {}", cycle.join(" → "))]
    Unstratifiable {
        /// The predicates of the cycle.
        cycle: Vec<String>,
    },
    /// No rules were found.
    #[error("{0}: no rules found (*.n3 files with `{{ … }} => {{ … }} .`)")]
    NoRules(PathBuf),
}
