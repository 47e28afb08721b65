//! `normgraph extract`: what is extracted from statements, without touching the store.

use super::{read_batch, report_failures, Context};
use crate::args::{ExtractArgs, ExtractFormat};
use anyhow::Result;
use normgraph::extract::batch;
use normgraph::extract::lexicon::Lexicon;
use normgraph::extract::Extraction;
use normgraph::output::shards;
use std::io::Write;

/// Runs `normgraph extract`.
pub fn run(ctx: &Context, args: ExtractArgs) -> Result<()> {
    if let Some(dir) = &args.to_nquads {
        let lexicon = Lexicon::load(&ctx.resources)?;
        let plan = batch::plan(&args.paths, args.manifest.as_deref(), args.keep_going)?;
        let shards = shards::write_shards(
            dir,
            &ctx.resources,
            &lexicon,
            plan,
            args.keep_going,
            &mut |w| eprintln!("warning: {w}"),
        )?;
        eprintln!(
            "wrote {} file{} ({} statements, {} quads with +resources.nq) into {}",
            shards.files,
            if shards.files == 1 { "" } else { "s" },
            shards.statements,
            shards.quads,
            dir.display()
        );
        return report_failures(&shards.failures, "written");
    }
    let batch = read_batch(ctx, &args.paths, args.manifest.as_deref(), args.keep_going)?;
    // Buffered: the standard output is line-buffered, and the pretty JSON of a corpus has
    // millions of lines (a write each cost about a twentieth of `extract`'s time).
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        ExtractFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &batch.extractions)?;
            writeln!(out)?;
        }
        ExtractFormat::Text => print_extractions(&mut out, &batch.extractions)?,
    }
    out.flush()?;
    report_failures(&batch.failures, "printed")
}

fn print_extractions(out: &mut impl Write, list: &[Extraction]) -> std::io::Result<()> {
    for ex in list {
        writeln!(out, "{}", ex.source)?;
        let d = ex.delegation.as_ref().map_or("?", |d| d.label.as_str());
        writeln!(
            out,
            "  delegation: {d}; speaker: {}; date: {}; body: {}; session: {}",
            ex.speaker.as_deref().unwrap_or("?"),
            ex.date.as_deref().unwrap_or("?"),
            ex.meeting_body.as_ref().map_or("?", |b| b.label.as_str()),
            ex.session.map_or("?".to_owned(), |s| s.to_string())
        )?;
        for c in &ex.citations {
            writeln!(
                out,
                "  cites {:<18} {:>6}-{:<6} {}{}",
                c.id,
                c.span.start,
                c.span.end,
                quoted(&c.span.surface),
                c.paragraph
                    .as_ref()
                    .map_or(String::new(), |p| format!(" (paragraph {p})"))
            )?;
            if let Some(w) = &c.as_written {
                writeln!(out, "        (written {w}: the number says {})", c.id)?;
            }
        }
        for i in &ex.instruments {
            writeln!(
                out,
                "  refers to {:<14} {:>6}-{:<6} {}",
                i.label,
                i.span.start,
                i.span.end,
                quoted(&i.span.surface)
            )?;
        }
        for p in &ex.positions {
            let stance = p.stance.name();
            writeln!(out, "  {stance:<9} {:<40} ({})", p.label, quoted(&p.cue))?;
        }
        for (what, list) in [
            ("threat", &ex.threats),
            ("principle", &ex.principles),
            ("incident", &ex.incidents),
        ] {
            for m in list {
                writeln!(
                    out,
                    "  {what:<9} {:<40} {}",
                    m.label,
                    quoted(&m.span.surface)
                )?;
            }
        }
        for n in &ex.proposed_norms {
            writeln!(out, "  proposes  {}", n.text)?;
        }
        for a in &ex.alignments {
            writeln!(out, "  aligns with {}", a.group.label)?;
        }
    }
    Ok(())
}

/// A span's text in double quotes, as written: only the quote, the backslash and line breaks
/// are escaped (Rust's `{:?}` would also escape the combining marks of Arabic, Hindi or accented
/// letters written decomposed, which a reader needs to see as they are).
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
