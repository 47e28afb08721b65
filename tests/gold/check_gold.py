#!/usr/bin/env python3
"""Checks the hand-made gold file of resolution citations against its fixtures.

    python3 tests/gold/check_gold.py [GOLD_JSON] [--fixtures DIR] [--corpus DIR] [--quiet]

Defaults: tests/gold/ungdc-citations.json and tests/fixtures/ungdc/ (relative to the repository).
For every file listed in the gold file it checks that the fixture exists, that every citation's
`surface` equals text[start:end] (offsets in Unicode scalar values into the file decoded as UTF-8,
a leading byte-order mark removed, line endings kept as they are), that the fields are well formed
(kind, id syntax, body agreeing with the id, a note for every null id) and that citations in a file
are sorted and do not overlap. With --corpus it also checks that each fixture is byte-identical to
the corpus file of the same name. Prints a summary and exits 1 if anything is wrong.
Standard library only.
"""

import argparse
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

ID_RE = re.compile(
    r"^(?:"
    r"A/RES/\d{1,4}\((?:(?:ES|S)-)?[IVXL]+\)"  # old-style GA: A/RES/1514(XV), A/RES/1237(ES-III)
    r"|A/RES/(?:(?:ES|S)-)?\d{1,2}/\d{1,4}"  # new-style GA: A/RES/37/10, A/RES/ES-10/2, A/RES/S-10/2
    r"|S/RES/\d{1,4}\((?:19|20)\d\d\)"  # Security Council: S/RES/242(1967)
    r")$"
)
FILE_RE = re.compile(r"^[A-Z]{3}_\d{2}_(\d{4})\.txt$")
KEYS = {"surface", "start", "end", "id", "kind", "body"}
OPTIONAL = {"note"}


def read_text(path):
    # utf-8-sig drops a leading BOM; newline='' keeps CR and CRLF untouched.
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return fh.read()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=os.path.join(HERE, "ungdc-citations.json"))
    ap.add_argument("--fixtures", default=os.path.join(REPO, "tests", "fixtures", "ungdc"))
    ap.add_argument("--corpus", help="folder of the original corpus files, to compare bytes")
    ap.add_argument("--quiet", action="store_true", help="print errors only")
    args = ap.parse_args()

    errors = []

    def err(msg):
        errors.append(msg)

    with open(args.gold, encoding="utf-8") as fh:
        gold = json.load(fh)
    for key in ("source", "conventions", "files"):
        if key not in gold:
            err(f"gold file: missing top-level key {key!r}")
    files = gold.get("files", {})

    kinds = collections.Counter()
    bodies = collections.Counter()
    by_kind_body = collections.Counter()
    null_ids = []
    decades = collections.Counter()
    total_bytes = 0

    for name, cites in sorted(files.items()):
        m = FILE_RE.match(name)
        if not m:
            err(f"{name}: file name is not ISO3_SESSION_YEAR.txt")
        else:
            decades[int(m.group(1)) // 10 * 10] += 1
        path = os.path.join(args.fixtures, name)
        if not os.path.isfile(path):
            err(f"{name}: fixture missing at {path}")
            continue
        total_bytes += os.path.getsize(path)
        if args.corpus:
            orig = os.path.join(args.corpus, name)
            if not os.path.isfile(orig):
                err(f"{name}: not in corpus folder {args.corpus}")
            else:
                with open(orig, "rb") as a, open(path, "rb") as b:
                    if a.read() != b.read():
                        err(f"{name}: fixture differs from the corpus file")
        try:
            text = read_text(path)
        except UnicodeDecodeError as e:
            err(f"{name}: not UTF-8: {e}")
            continue
        if not isinstance(cites, list):
            err(f"{name}: citations must be a list")
            continue
        prev_end = -1
        prev_start = -1
        for i, c in enumerate(cites):
            where = f"{name}[{i}]"
            if not isinstance(c, dict):
                err(f"{where}: not an object")
                continue
            missing = KEYS - c.keys()
            extra = c.keys() - KEYS - OPTIONAL
            if missing:
                err(f"{where}: missing keys {sorted(missing)}")
                continue
            if extra:
                err(f"{where}: unknown keys {sorted(extra)}")
            s, e = c["start"], c["end"]
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                err(f"{where}: bad offsets {s}..{e} (text has {len(text)} characters)")
                continue
            if text[s:e] != c["surface"]:
                err(f"{where}: surface {c['surface']!r} != text[{s}:{e}] {text[s:e]!r}")
            if s < prev_start or (s == prev_start and e < prev_end):
                err(f"{where}: not sorted by offset")
            if s < prev_end:
                err(f"{where}: overlaps the previous citation")
            prev_start, prev_end = s, e
            kind = c["kind"]
            if kind not in ("explicit", "anaphora"):
                err(f"{where}: kind {kind!r} is not explicit|anaphora")
            if kind == "anaphora" and not re.search(r"resolution$", c["surface"], re.I):
                err(f"{where}: an anaphor should end with the word resolution: {c['surface']!r}")
            cid = c["id"]
            body = c["body"]
            if body not in ("GA", "SC", None):
                err(f"{where}: body {body!r} is not GA|SC|null")
            if cid is None:
                if not c.get("note"):
                    err(f"{where}: a null id needs a note")
                null_ids.append((name, c))
            else:
                if not isinstance(cid, str) or not ID_RE.match(cid):
                    err(f"{where}: id {cid!r} is not a normalised symbol")
                elif body != ("GA" if cid.startswith("A/") else "SC"):
                    err(f"{where}: body {body!r} disagrees with id {cid}")
            kinds[kind] += 1
            bodies[body] += 1
            by_kind_body[(kind, body, cid is None)] += 1

    if os.path.isdir(args.fixtures):
        unlisted = sorted(f for f in os.listdir(args.fixtures) if f.endswith(".txt") and f not in files)
        for f in unlisted:
            err(f"{f}: fixture present but not listed in the gold file")

    if not args.quiet:
        n = sum(kinds.values())
        empty = sum(1 for v in files.values() if not v)
        print(f"{len(files)} files ({empty} without citations), {total_bytes} bytes of fixtures")
        print(f"{n} citations: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
        print("by body: " + ", ".join(f"{k or 'unknown'} {v}" for k, v in sorted(bodies.items(), key=str)))
        for (k, b, isnull), v in sorted(by_kind_body.items(), key=str):
            print(f"  {k:9} {b or 'unknown':7} {'null id' if isnull else 'with id':7} {v}")
        print("decades: " + ", ".join(f"{d}s {v}" for d, v in sorted(decades.items())))
        if null_ids:
            print(f"{len(null_ids)} null ids:")
            for name, c in null_ids:
                print(f"  {name} {c['start']}: {c['surface']!r} — {c['note']}")
    for e in errors:
        print("ERROR " + e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    if not args.quiet:
        print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
