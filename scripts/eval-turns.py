#!/usr/bin/env python3
"""Scores speaker turns against a gold file: python3 scripts/eval-turns.py FOLDER [NORMGRAPH].

FOLDER holds transcripts and `gold.json` ({"files": {name: [{"speaker_kind", "delegation",
"speaker", "first_words"}]}}). Runs `normgraph extract` on each file and compares, in order,
the statements it gives with the gold turns other than the Chair's (the Chair's are left out by
design): a State's or group's turn matches a statement with the same delegation (ISO3 code);
another speaker's turn (Secretariat, UNIDIR, ...) matches a statement with no delegation.
Matching is a longest common subsequence, so turns must be found in order. Prints precision and
recall per file and in all.
"""
import json
import subprocess
import sys
from pathlib import Path


def key_of_gold(turn):
    if turn["speaker_kind"] in ("state", "group"):
        return ("delegation", turn["delegation"])
    return ("other", None)


def key_of_statement(st):
    d = st.get("delegation")
    if d and d.get("code"):
        return ("delegation", d["code"])
    if d:
        return ("delegation", d.get("iri", "").rsplit("/", 1)[-1])
    return ("other", None)


def lcs(a, b):
    n, m = len(a), len(b)
    t = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n):
        for j in range(m):
            t[i + 1][j + 1] = t[i][j] + 1 if a[i] == b[j] else max(t[i][j + 1], t[i + 1][j])
    return t[n][m]


def main():
    folder = Path(sys.argv[1])
    binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/normgraph"
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["files"]
    total_gold = total_pred = total_match = 0
    for name, turns in sorted(gold.items()):
        out = subprocess.run([binary, "extract", str(folder / name)], capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{name}: extract failed: {out.stderr.strip()}")
            continue
        statements = json.loads(out.stdout)
        want = [key_of_gold(t) for t in turns if t["speaker_kind"] != "chair"]
        got = [key_of_statement(s) for s in statements]
        match = lcs(want, got)
        total_gold += len(want)
        total_pred += len(got)
        total_match += match
        p = match / len(got) if got else 0.0
        r = match / len(want) if want else 0.0
        print(f"{name:24} gold {len(want):3}  found {len(got):3}  matched {match:3}  P {p:.3f}  R {r:.3f}")
    p = total_match / total_pred if total_pred else 0.0
    r = total_match / total_gold if total_gold else 0.0
    print(f"{'all':24} gold {total_gold:3}  found {total_pred:3}  matched {total_match:3}  P {p:.3f}  R {r:.3f}")


if __name__ == "__main__":
    main()
