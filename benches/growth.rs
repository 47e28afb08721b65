//! Growth: ingest and query time and peak memory at 1×, 10×, … the size of the real corpus, on
//! synthetic General Debate speeches, to show how normgraph scales.
//!
//! `cargo bench --bench growth -- [--scales 0.1,1,10] [--keep]`
//!
//! For each scale, writes `scale × 8,627` speeches of ~19.7 KB (the real corpus's count and mean
//! size) from `normgraph_dev::synth::speech` with a manifest into `target/bench-growth/`, then times
//! under GNU time (wall clock, peak RSS) a fresh `normgraph ingest` and the curated
//! `cited-resolutions` query through the CLI. Appends to `bench/results/growth.csv` and draws
//! `bench/results/growth.svg` (seconds and peak MB against corpus MB, with the straight line
//! through the smallest scale for comparison). The generated files are deleted afterwards
//! unless `--keep`. At 100× the texts alone take 17 GB of disk.

mod common;

use common::{append_csv, arg, flag, measure, normgraph_bin, root, today, Measured};
use plotters::prelude::*;
use std::io::Write;
use std::process::Command;

/// Speeches in the real corpus (`../shared/corpus/ungdc-dev`) and their mean size in bytes.
const REAL_SPEECHES: f64 = 8627.0;
const REAL_MEAN_BYTES: usize = 19_660;

struct Point {
    scale: f64,
    documents: usize,
    megabytes: f64,
    quads: u64,
    ingest: Measured,
    query: Measured,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let scales: Vec<f64> = arg(&args, "--scales", "0.1,1,10".to_owned())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let keep = flag(&args, "--keep");
    let bin = normgraph_bin();
    let work = root().join("target/bench-growth");
    let mut points = Vec::new();
    println!(
        "{:>6} {:>9} {:>9} {:>10} {:>9} {:>9} {:>9} {:>9}",
        "scale", "speeches", "MB", "quads", "ingest s", "peak MB", "query s", "peak MB"
    );
    for scale in scales {
        let _ = std::fs::remove_dir_all(&work);
        let texts = work.join("speeches");
        std::fs::create_dir_all(&texts).expect("work dir");
        let documents = (REAL_SPEECHES * scale).round().max(1.0) as usize;
        let mut bytes = 0usize;
        {
            let mut manifest = std::io::BufWriter::new(
                std::fs::File::create(texts.join("manifest.csv")).expect("manifest"),
            );
            writeln!(manifest, "file,delegation,date,body,session,language").expect("write");
            for i in 0..documents {
                let s = normgraph_dev::synth::speech(2026, i, REAL_MEAN_BYTES);
                bytes += s.text.len();
                std::fs::write(texts.join(&s.file_name), &s.text).expect("write speech");
                writeln!(
                    manifest,
                    "{},{},{},general-assembly,{},en",
                    s.file_name, s.delegation, s.year, s.session
                )
                .expect("write");
            }
        }
        let store = work.join("store");
        let mut ingest = Command::new(&bin);
        ingest
            .arg("--store")
            .arg(&store)
            .args(["ingest", "-q"])
            .arg(&texts);
        let ingest = measure(&ingest, "ingest");
        let mut query = Command::new(&bin);
        query
            .arg("--store")
            .arg(&store)
            .args(["query", "cited-resolutions", "--format", "csv"]);
        let query = measure(&query, "query");
        let quads = Command::new(&bin)
            .arg("--store")
            .arg(&store)
            .args([
                "query",
                "--format",
                "csv",
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
            ])
            .output()
            .ok()
            .and_then(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .nth(1)
                    .and_then(|l| l.trim().parse().ok())
            })
            .unwrap_or(0);
        let p = Point {
            scale,
            documents,
            megabytes: bytes as f64 / 1e6,
            quads,
            ingest,
            query,
        };
        println!(
            "{:>6} {:>9} {:>9.1} {:>10} {:>9.2} {:>9.0} {:>9.2} {:>9.0}",
            p.scale,
            p.documents,
            p.megabytes,
            p.quads,
            p.ingest.seconds,
            p.ingest.peak_mb,
            p.query.seconds,
            p.query.peak_mb
        );
        points.push(p);
        if !keep {
            let _ = std::fs::remove_dir_all(&work);
        }
    }
    let date = today();
    let rows: Vec<String> = points
        .iter()
        .map(|p| {
            format!(
                "{date},{},{},{:.1},{},{:.3},{:.0},{:.3},{:.0}",
                p.scale,
                p.documents,
                p.megabytes,
                p.quads,
                p.ingest.seconds,
                p.ingest.peak_mb,
                p.query.seconds,
                p.query.peak_mb
            )
        })
        .collect();
    append_csv(
        "growth.csv",
        "date,scale,documents,megabytes,quads,ingest_s,ingest_peak_mb,query_s,query_peak_mb",
        &rows,
    );
    if points.len() >= 2 {
        let out = root().join("bench/results/growth.svg");
        match chart(&points, &out, &date) {
            Ok(()) => println!("wrote {}", out.display()),
            Err(e) => println!("chart not drawn: {e}"),
        }
    }
}

/// Two log–log panels against corpus size: seconds (ingest, query) and peak MB (ingest), each
/// with the proportional line through the smallest measured scale.
fn chart(
    points: &[Point],
    out: &std::path::Path,
    date: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::new(out, (1000, 420)).into_drawing_area();
    root.fill(&WHITE)?;
    let (left, right) = root.split_horizontally(500);
    let x_min = points.iter().map(|p| p.megabytes).fold(f64::MAX, f64::min) / 1.5;
    let x_max = points.iter().map(|p| p.megabytes).fold(0.0, f64::max) * 1.5;
    let first = &points[0];
    type Series<'a> = (&'a str, RGBColor, Box<dyn Fn(&Point) -> f64>);
    let panels: [(&DrawingArea<SVGBackend, _>, String, &str, Vec<Series>); 2] = [
        (
            &left,
            format!("Time, normgraph ({date})"),
            "seconds",
            vec![
                ("ingest", BLUE, Box::new(|p: &Point| p.ingest.seconds)),
                (
                    "query cited-resolutions",
                    RED,
                    Box::new(|p: &Point| p.query.seconds),
                ),
            ],
        ),
        (
            &right,
            "Peak memory (RSS)".to_owned(),
            "MB",
            vec![
                ("ingest", BLUE, Box::new(|p: &Point| p.ingest.peak_mb)),
                (
                    "query cited-resolutions",
                    RED,
                    Box::new(|p: &Point| p.query.peak_mb),
                ),
            ],
        ),
    ];
    for (area, title, unit, series) in panels {
        let y_min = points
            .iter()
            .flat_map(|p| series.iter().map(move |s| (s.2)(p)))
            .fold(f64::MAX, f64::min)
            .max(1e-3)
            / 2.0;
        let y_max = points
            .iter()
            .flat_map(|p| series.iter().map(move |s| (s.2)(p)))
            .fold(0.0, f64::max)
            * 2.0;
        let mut c = ChartBuilder::on(area)
            .caption(title, ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d((x_min..x_max).log_scale(), (y_min..y_max).log_scale())?;
        c.configure_mesh()
            .x_desc("corpus size, MB of text")
            .y_desc(unit)
            .draw()?;
        for (name, colour, value) in &series {
            let colour = *colour;
            c.draw_series(LineSeries::new(
                points.iter().map(|p| (p.megabytes, value(p))),
                colour.stroke_width(2),
            ))?
            .label(*name)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], colour));
            c.draw_series(
                points
                    .iter()
                    .map(|p| Circle::new((p.megabytes, value(p)), 3, colour.filled())),
            )?;
            let k = value(first) / first.megabytes;
            c.draw_series(DashedLineSeries::new(
                [x_min, x_max].map(|x| (x, k * x)),
                4,
                4,
                colour.mix(0.4).stroke_width(1),
            ))?;
        }
        c.configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .border_style(BLACK)
            .background_style(WHITE.mix(0.8))
            .draw()?;
    }
    root.present()?;
    Ok(())
}
