#!/usr/bin/env python3
"""Writes the Markdown summary of the latest benchmark results (bench/results/*.csv).

usage: scripts/bench-summary.py [--out bench/results/summary.md]

For each results file it takes the rows of the latest date in it and turns them into one table
of ratios against the peers (a ratio > 1 means normgraph is faster by that factor), with the
absolute figures beside them. Missing files are skipped. The machine line comes from /proc.
"""
import csv
import os
import pathlib
import platform
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def latest(name, key):
    """The rows of the latest date in a results file, the last one for each `key` value."""
    path = RESULTS / name
    if not path.exists():
        return None, []
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        return None, []
    date = max(r["date"] for r in rows)
    last = {}
    for r in rows:
        if r["date"] == date:
            last[tuple(r[k] for k in key)] = r
    return date, list(last.values())


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def fmt(v, digits=2):
    return "–" if v is None else f"{v:.{digits}f}"


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                mem = f", {int(line.split()[1]) / 1024 / 1024:.0f} GiB"
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, {platform.system()} {platform.release()}"


def main():
    out_path = RESULTS / "summary.md"
    if "--out" in sys.argv:
        out_path = pathlib.Path(sys.argv[sys.argv.index("--out") + 1])
    lines = [
        "<!-- written by scripts/bench-summary.py from bench/results/*.csv -->",
        f"Machine: {machine()}. Command: `bash scripts/bench.sh`. "
        "Ratio = peer's time / normgraph's time (higher is better for normgraph).",
        "",
        "| workload | date | normgraph | peer | ratio |",
        "|---|---|---|---|---|",
    ]

    date, rows = latest("corpus.csv", ("step", "tool"))
    steps = {(r["step"], r["tool"]): r for r in rows}
    ingest = steps.get(("ingest", "normgraph"))
    if ingest:
        s = num(ingest["seconds"])
        desc = (f"{float(ingest['documents']):.0f} speeches, {float(ingest['megabytes']):.0f} MB: "
                f"{s:.1f} s, {float(ingest['documents_per_s']):.0f} docs/s, "
                f"{float(ingest['mb_per_s']):.1f} MB/s, peak {float(ingest['peak_mb']):.0f} MB")
        for step, tool, what in [("load-nquads-bulk", "pyoxigraph", "bulk load of our N-Quads"),
                                 ("load-nquads-parse", "rdflib", "parse of our N-Quads")]:
            peer = steps.get((step, tool))
            if peer:
                p = num(peer["seconds"])
                lines.append(f"| ingest corpus (read + extract + store) | {date} | {desc} | "
                             f"{tool} {what}: {p:.1f} s, peak {float(peer['peak_mb']):.0f} MB | "
                             f"{fmt(p / s)} |")
        for step, label in [("extract", "extract only"), ("ingest-unchanged", "re-ingest, nothing changed"),
                            ("export-nquads", "export N-Quads"), ("query-cold-start", "CLI query, cold start (median of 5)")]:
            r = steps.get((step, "normgraph"))
            if r:
                lines.append(f"| {label} | {date} | {float(r['seconds']):.2f} s, peak "
                             f"{float(r['peak_mb']):.0f} MB | – | – |")

    date, rows = latest("queries.csv", ("query",))
    for r in rows:
        ours = num(r["normgraph_s"])
        py, rd = num(r["pyoxigraph_s"]), num(r["rdflib_s"])
        timeout = r.get("rdflib_timeout") == "true"
        peers = []
        if py is not None:
            peers.append(f"pyoxigraph {py:.3f} s ({fmt(py / max(ours, 1e-6), 1)}×)")
        if rd is not None:
            mark = ">" if timeout else ""
            peers.append(f"rdflib {mark}{rd:.1f} s ({mark}{fmt(rd / max(ours, 1e-6), 0)}×)")
        elif any(num(x["rdflib_s"]) is not None for x in rows):
            peers.append("rdflib: error (see the bench output)")
        ratio = fmt(rd / max(ours, 1e-6), 0) if rd is not None else "–"
        if timeout and rd is not None:
            ratio = ">" + ratio
        lines.append(f"| query `{r['query']}` ({r['rows']} rows) | {date} | {ours:.3f} s | "
                     f"{'; '.join(peers) or '–'} | {ratio} (rdflib) |")

    date, rows = latest("rules.csv", ("triples",))
    for r in sorted(rows, key=lambda r: int(r["triples"])):
        ours = num(r["normgraph_s"])
        for tool in ["eye", "nemo"]:
            p = num(r.get(f"{tool}_s"))
            if p is not None:
                lines.append(f"| rules to fixpoint, {int(r['triples']):,} triples ({int(r['derived']):,} derived) "
                             f"| {date} | {ours:.2f} s, peak {r['normgraph_peak_mb']} MB | "
                             f"{tool.upper() if tool == 'eye' else 'Nemo'} {p:.2f} s | {fmt(p / ours, 1)} |")

    date, rows = latest("graph.csv", ("measure",))
    for r in rows:
        lines.append(f"| {r['measure']} ({int(r['nodes']):,} nodes, {int(r['edges']):,} edges"
                     f"{', ' + r['pivots'] + ' pivots' if r['measure'] == 'betweenness' else ''}) | {date} | "
                     f"{float(r['normgraph_s']):.3f} s | networkx {float(r['networkx_s']):.2f} s "
                     f"(max diff {r['max_abs_diff']}) | {fmt(num(r['ratio']), 0)} |")

    date, rows = latest("endpoint.csv", ("server",))
    by = {r["server"]: r for r in rows}
    if "normgraph" in by:
        n = by["normgraph"]
        o = by.get("oxigraph")
        ratio = fmt(num(n["requests_per_s"]) / num(o["requests_per_s"])) if o else "–"
        peer = (f"oxigraph serve {o['requests_per_s']} req/s, {o['failures']} failed, p99 "
                f"{float(o['p99_ms']) / 1000:.1f} s") if o else "–"
        lines.append(f"| SPARQL endpoint, {n['clients']} clients × {n['seconds']} s | {date} | "
                     f"{n['requests_per_s']} req/s, {n['failures']} failed, p99 "
                     f"{float(n['p99_ms']) / 1000:.1f} s | {peer} | {ratio} (throughput) |")

    date, rows = latest("growth.csv", ("scale",))
    if rows:
        lines += ["", f"Growth on synthetic speeches ({date}; chart: `bench/results/growth.svg`):", "",
                  "| scale | speeches | MB | quads | ingest s | ingest peak MB | query s | s per MB |",
                  "|---|---|---|---|---|---|---|---|"]
        for r in sorted(rows, key=lambda r: float(r["scale"])):
            per_mb = float(r["ingest_s"]) / max(float(r["megabytes"]), 1e-9)
            lines.append(f"| {r['scale']}× | {r['documents']} | {float(r['megabytes']):.0f} | {r['quads']} | "
                         f"{float(r['ingest_s']):.1f} | {float(r['ingest_peak_mb']):.0f} | "
                         f"{float(r['query_s']):.2f} | {per_mb:.3f} |")

    text = "\n".join(lines) + "\n"
    out_path.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
