//! `normgraph eval`: extraction compared with a hand-checked gold file, or (`--second`) two
//! annotations of the same texts compared with each other.

use super::{say, Context};
use crate::args::EvalArgs;
use anyhow::Result;
use normgraph::extract::lexicon::Lexicon;
use normgraph_dev::accuracy;
use std::io::Write;

/// Runs `normgraph eval`.
pub fn run(ctx: &Context, args: EvalArgs) -> Result<()> {
    let mut report = accuracy::Report::default();
    if let Some(second) = &args.second {
        let [gold] = args.gold.as_slice() else {
            anyhow::bail!("--second compares one --gold file, not {}", args.gold.len());
        };
        report.absorb(accuracy::agreement(gold, second)?);
    } else {
        let lexicon = Lexicon::load(&ctx.resources)?;
        let linker = accuracy::Linker::load(&ctx.resources)?;
        for gold in &args.gold {
            report.absorb(accuracy::evaluate(
                gold,
                args.texts.as_deref(),
                &lexicon,
                &linker,
            )?);
        }
    }
    if args.summary {
        report.misses.clear();
    }
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
    if !r.by_id.is_empty() {
        say!(
            "{:<48} {:>5} {:>5} {:>5}  {:>9} {:>9}",
            "concept (lenient)",
            "tp",
            "fp",
            "fn",
            "precision",
            "recall"
        );
        for (id, c) in &r.by_id {
            say!(
                "{id:<48} {:>5} {:>5} {:>5}  {:>9.3} {:>9.3}",
                c.true_positives,
                c.false_positives,
                c.false_negatives,
                c.precision(),
                c.recall()
            );
        }
    }
    if !r.misses.is_empty() {
        say!("disagreements ({} comparison):", r.listed);
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
