#!/usr/bin/env python3
"""Writes a normgraph manifest (CSV) for a folder of UN General Debate Corpus speeches.

The corpus names each file ISO3_SESSION_YEAR.txt (e.g. IRN_67_2012.txt): the delegation's
ISO 3166-1 alpha-3 code, the General Assembly session and the year of the debate. This turns
the names into manifest rows (delegation, date = the year, body = general-assembly, session) so
that `normgraph ingest DIR` knows who spoke when. Codes normgraph's reference data does not know
(former States such as YUG or DDR, and the EU) are written without a delegation and listed on
stderr.

usage: scripts/ungdc-manifest.py DIR [--out DIR/manifest.csv]
"""
import csv
import os
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
NAME = re.compile(r"^([A-Z]{2,3})_(\d{1,2})_(\d{4})\.txt$")


def known_codes():
    text = (ROOT / "data/reference/states.ttl").read_text(encoding="utf-8")
    codes = set(re.findall(r'ng:iso3166Alpha3\s+"([A-Z]{3})"', text))
    groups = (ROOT / "data/reference/groups.ttl").read_text(encoding="utf-8")
    # Group IRIs end in their code (id:group/EU); the manifest accepts group codes too.
    return codes | set(re.findall(r"^grp:([A-Z0-9-]+) a ng:Group", groups, re.M))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    folder = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--out" else folder / "manifest.csv"
    known = known_codes()
    unknown = set()
    rows = []
    for path in sorted(folder.glob("*.txt")):
        m = NAME.match(path.name)
        if not m:
            continue
        code, session, year = m.groups()
        if code not in known:
            unknown.add(code)
            code = ""
        # The manifest names files relative to its own folder.
        rel = os.path.relpath(path.resolve(), out.resolve().parent)
        rows.append([rel, code, year, "general-assembly", session, "en"])
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "delegation", "date", "body", "session", "language"])
        w.writerows(rows)
    print(f"{out}: {len(rows)} rows", file=sys.stderr)
    if unknown:
        print("codes not in data/reference/states.ttl (no delegation written): " + " ".join(sorted(unknown)), file=sys.stderr)


if __name__ == "__main__":
    main()
