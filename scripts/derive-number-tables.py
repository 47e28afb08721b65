#!/usr/bin/env python3
"""Derives the resolution-number tables in data/reference/ from text we have.

Security Council resolutions and the General Assembly's resolutions of its first thirty sessions
are numbered in one running sequence each, in order of adoption. So every number lying between
two numbers known to belong to the same year (SC) or session (GA) belongs to it too. This script
collects such known points, each attested by the text of a real document, and writes them out;
the extractor (crates/normgraph/src/extract/numbers.rs) turns them into ranges.

Attestations:
- the explicit citations in the UN General Debate Corpus (1946-2012) that give the year or the
  session in brackets ("242 (1967)", "1514 (XV)"), as `normgraph extract` reads them (the
  reading as written, before any correction): a point is kept when at least two citations give
  it and at least 80% of the citations of that number agree; points that break the running order
  (a speaker's or the scan's slip) are dropped by keeping the heaviest ordered subsequence;
- a few Security Council resolutions after 2012, each as stated in the text of a UN document or
  page stored in the project's reference library (listed below with its address).

GA sessions and years: the corpus names every speech ISO3_SESSION_YEAR; all 67 sessions there
have their general debate in the year 1945 + session.

Checked on 2026-11-29 against public texts found independently (UN press releases, unscr.com,
refworld, FRUS, Hansard): 60 points, most of them the first or last number of a year or session
(44 Security Council, 16 General Assembly), all agreed with the tables; none contradicted them.

Usage: normgraph extract ../shared/corpus/ungdc-dev > corpus.json
       python3 scripts/derive-number-tables.py corpus.json ../shared/corpus/ungdc-dev
"""
import collections
import json
import os
import re
import sys

# (number, year, where the text says so). Each was read in the stored page's text.
EXTRA_SC = [
    (2086, 2013, "S/RES/2223 (2015), preamble (unscr.com/en/resolutions/2223)"),
    (2109, 2013, "S/RES/2223 (2015), preamble (unscr.com/en/resolutions/2223)"),
    (2132, 2013, "S/RES/2223 (2015), preamble (unscr.com/en/resolutions/2223)"),
    (2139, 2014, "UN press, Security Council page 436 (press.un.org)"),
    (2155, 2014, "S/RES/2223 (2015), preamble (unscr.com/en/resolutions/2223)"),
    (2187, 2014, "S/RES/2223 (2015), preamble (unscr.com/en/resolutions/2223)"),
    (2206, 2015, "S/RES/2223 (2015), preamble (unscr.com/en/resolutions/2223)"),
    (2220, 2015, "adopted 22 May 2015 (globalr2p.org/resources/778)"),
    (2223, 2015, "adopted 28 May 2015 (unscr.com/en/resolutions/2223)"),
    (2259, 2015, "adopted 23 December 2015 (malaysiaunsc.kln.gov.my, UNSC Resolutions 2015)"),
]

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(s):
    total, prev = 0, 0
    for ch in reversed(s):
        v = ROMAN[ch]
        if v < prev:
            total -= v
        else:
            total, prev = total + v, v
    return total


def ordered(points):
    """The heaviest subsequence of (number, value, weight) whose values never decrease."""
    best, prev = [], []
    for i, (_, v, w) in enumerate(points):
        best.append(w)
        prev.append(-1)
        for j in range(i):
            if points[j][1] <= v and best[j] + w > best[i]:
                best[i], prev[i] = best[j] + w, j
    if not points:
        return []
    i = max(range(len(points)), key=lambda k: best[k])
    out = []
    while i >= 0:
        out.append(points[i])
        i = prev[i]
    return out[::-1]


def write_table(path, comments, header, rows):
    """Writes a CSV table with `#` comment lines above its header."""
    with open(path, "w", encoding="utf-8") as f:
        for line in comments:
            f.write(f"# {line}\n")
        f.write(header + "\n")
        for row in rows:
            f.write(",".join(str(v) for v in row) + "\n")


def main():
    extraction, corpus = sys.argv[1], sys.argv[2]
    sc = collections.defaultdict(collections.Counter)
    ga = collections.defaultdict(collections.Counter)
    for statement in json.load(open(extraction, encoding="utf-8")):
        for c in statement["citations"]:
            if c["kind"] != "explicit":
                continue
            read = c.get("as_written") or c["id"]
            m = re.fullmatch(r"S/RES/(\d+)\((\d{4})\)", read)
            if m:
                sc[int(m[1])][int(m[2])] += 1
            m = re.fullmatch(r"A/RES/(\d+)\(([IVXLC]+)\)", read)
            if m:
                ga[int(m[1])][roman(m[2])] += 1

    def points(table):
        out = []
        for number, counts in sorted(table.items()):
            (value, n), = counts.most_common(1)
            if n >= 2 and n / sum(counts.values()) >= 0.8:
                out.append((number, value, n))
        return ordered(out)

    here = os.path.dirname(os.path.abspath(__file__))
    data = os.path.join(here, "..", "data", "reference")
    sc_points = [(n, y, f"UNGDC: {k} citations") for n, y, k in points(sc)]
    sc_points += EXTRA_SC
    sc_points.sort()
    years = [y for _, y, _ in sc_points]
    assert years == sorted(years), "SC points out of order"
    write_table(
        os.path.join(data, "sc-resolution-years.csv"),
        [
            "Security Council resolution numbers known to belong to a year; written by",
            "scripts/derive-number-tables.py (see it for how each point is attested).",
            "A number between two numbers of the same year belongs to that year.",
        ],
        "number,year,attested_by",
        sc_points,
    )
    ga_points = [(n, s, f"UNGDC: {k} citations") for n, s, k in points(ga) if s <= 30]
    write_table(
        os.path.join(data, "ga-resolution-sessions.csv"),
        [
            "General Assembly resolution numbers (old style, sessions I-XXX) known to belong",
            "to a regular session; written by scripts/derive-number-tables.py. A number",
            "between two numbers of the same session belongs to that session.",
        ],
        "number,session,attested_by",
        ga_points,
    )
    sessions = set()
    for name in os.listdir(corpus):
        m = re.fullmatch(r"[A-Z]{3}_(\d+)_(\d{4})\.txt", name)
        if m:
            sessions.add((int(m[1]), int(m[2])))
    by_session = collections.defaultdict(set)
    for s, y in sessions:
        by_session[s].add(y)
    with open(os.path.join(data, "ga-sessions.csv"), "w", encoding="utf-8") as f:
        f.write("# Regular sessions of the General Assembly and the year of their general debate,\n")
        f.write("# as the UN General Debate Corpus names its files (ISO3_SESSION_YEAR.txt).\n")
        f.write("session,year\n")
        for s in sorted(by_session):
            (y,) = by_session[s]
            f.write(f"{s},{y}\n")
    print(f"{len(sc_points)} SC points, {len(ga_points)} GA points, {len(by_session)} sessions")


if __name__ == "__main__":
    main()
