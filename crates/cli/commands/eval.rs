//! `normgraph eval`: extraction compared with a hand-checked gold file.

use super::{say, Context};
use crate::args::EvalArgs;
use anyhow::Result;
use normgraph::extract::lexicon::Lexicon;
use normgraph_dev::accuracy;
use std::io::Write;

/// Runs `normgraph eval`.
pub fn run(ctx: &Context, args: EvalArgs) -> Result<()> {
    let lexicon = Lexicon::load(&ctx.resources)?;
    let report = accuracy::evaluate(&args.gold, args.texts.as_deref(), &lexicon)?;
    if args.json {
        say!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&report)?;
    }
    Ok(())
}

fn print_report(r: &accuracy::Report) -> std::io::Result<()> {
    say!("{} files", r.files);
    say!(
        "{:<10} {:>6} {:>6} {:>6}  {:>9} {:>9} {:>9}   {:>9} {:>9}",
        "kind",
        "tp",
        "fp",
        "fn",
        "precision",
        "recall",
        "F1",
        "lenient P",
        "lenient R"
    );
    for (kind, c) in &r.strict {
        let l = r.lenient.get(kind).cloned().unwrap_or_default();
        say!(
            "{kind:<10} {:>6} {:>6} {:>6}  {:>9.4} {:>9.4} {:>9.4}   {:>9.4} {:>9.4}",
            c.true_positives,
            c.false_positives,
            c.false_negatives,
            c.precision(),
            c.recall(),
            c.f1(),
            l.precision(),
            l.recall()
        );
    }
    for m in &r.misses {
        say!(
            "{:<8} {}:{}-{} {:<18} {:?}",
            m.what,
            m.file,
            m.start,
            m.end,
            m.id,
            m.surface
        );
    }
    Ok(())
}
