"""The pyoxigraph and rdflib side of `cargo bench --bench corpus`.

usage: rdf_peers.py pyoxigraph NQUADS STORE_DIR QUERY_DIR TIMEOUT OUT.json
       rdf_peers.py rdflib     NQUADS QUERY_DIR TIMEOUT OUT.json

Loads the N-Quads normgraph exported (pyoxigraph: `Store.bulk_load` into an on-disk store, the
same engine as normgraph's; rdflib: `Dataset.parse` in memory), then runs every `*.rq` of
QUERY_DIR over the union of the named graphs, as normgraph's queries see them, counting the
result rows. A query still running after TIMEOUT seconds is stopped (rdflib's evaluation is pure
Python, so an alarm signal interrupts it) and recorded with `"timeout": true`; one the peer
fails on is recorded with its `"error"` (rdflib 7.6 raises NotBoundError on GROUP_CONCAT over an
OPTIONAL variable that is unbound, which SPARQL 1.1 defines as skipping the row). Writes one JSON
object: load seconds, quads, and per query the seconds and rows; peak RSS (ru_maxrss) of the
process after the load and at the end.
"""
import json
import pathlib
import resource
import shutil
import signal
import sys
import time


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_queries(query_dir, timeout, run):
    out = {}
    signal.signal(signal.SIGALRM, on_alarm)
    for path in sorted(pathlib.Path(query_dir).glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        started = time.perf_counter()
        signal.alarm(timeout)
        try:
            rows = run(text)
            out[path.stem] = {"seconds": time.perf_counter() - started, "rows": rows}
        except Timeout:
            out[path.stem] = {"seconds": float(timeout), "rows": None, "timeout": True}
        except Exception as e:  # a peer's own failure on a valid query: record it, go on
            out[path.stem] = {"seconds": None, "rows": None, "error": f"{type(e).__name__}: {e}"}
        finally:
            signal.alarm(0)
        print(f"  {path.stem}: {out[path.stem]}", file=sys.stderr, flush=True)
    return out


def with_pyoxigraph(nquads, store_dir, query_dir, timeout):
    import pyoxigraph

    shutil.rmtree(store_dir, ignore_errors=True)
    started = time.perf_counter()
    store = pyoxigraph.Store(store_dir)
    store.bulk_load(path=nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    load = time.perf_counter() - started
    result = {"tool": "pyoxigraph", "version": pyoxigraph.__version__, "load_seconds": load,
              "quads": len(store), "load_peak_mb": peak_mb()}

    def run(text):
        return sum(1 for _ in store.query(text, use_default_graph_as_union=True))

    result["queries"] = run_queries(query_dir, timeout, run)
    result["peak_mb"] = peak_mb()
    return result


def with_rdflib(nquads, query_dir, timeout):
    import rdflib

    started = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(nquads, format="nquads")
    load = time.perf_counter() - started
    result = {"tool": "rdflib", "version": rdflib.__version__, "load_seconds": load,
              "quads": len(ds), "load_peak_mb": peak_mb()}

    def run(text):
        return sum(1 for _ in ds.query(text))

    result["queries"] = run_queries(query_dir, timeout, run)
    result["peak_mb"] = peak_mb()
    return result


def main():
    tool = sys.argv[1]
    if tool == "pyoxigraph":
        nquads, store_dir, query_dir, timeout, out = sys.argv[2:7]
        result = with_pyoxigraph(nquads, store_dir, query_dir, int(timeout))
    elif tool == "rdflib":
        nquads, query_dir, timeout, out = sys.argv[2:6]
        result = with_rdflib(nquads, query_dir, int(timeout))
    else:
        sys.exit(f"unknown peer {tool!r}")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
