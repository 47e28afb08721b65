//! `normgraph queries`: the curated queries, each with its whole description.

use super::{say, Context};
use anyhow::Result;
use std::io::Write;

/// Runs `normgraph queries`.
pub fn run(ctx: &Context) -> Result<()> {
    for (name, file) in ctx.resources.queries()? {
        let mut lines = wrap(&file.description(), 72).into_iter();
        say!("{name:<32} {}", lines.next().unwrap_or_default());
        for line in lines {
            say!("{:<32} {line}", "");
        }
    }
    Ok(())
}

/// Breaks text into lines of at most `width` characters at spaces (a longer word stays whole);
/// paragraph breaks give an empty line.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, paragraph) in text.split("\n\n").enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}
