//! `normgraph text`: a statement's text as normgraph reads it (offsets count into it).

use crate::args::TextArgs;
use anyhow::Result;
use std::io::Write;

/// Runs `normgraph text`.
pub fn run(args: TextArgs) -> Result<()> {
    let doc = normgraph::source::reader::read_document(&args.path)?;
    let mut out = std::io::stdout().lock();
    out.write_all(doc.text.as_bytes())?;
    Ok(())
}
