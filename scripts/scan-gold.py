#!/usr/bin/env python3
"""Counts how the annotators treated a wording across the read concept gold sets.

    python3 scripts/scan-gold.py REGEX [--id SUBSTRING] [--sentence REGEX2] [--held-out SET ...]

For every match of REGEX (case-insensitive) in the texts of the concept gold files under
tests/gold/ (those with "facts": "concepts"), prints whether a gold mention overlaps it (M) or
not (-), with the ids of the overlapping mentions (only ids containing SUBSTRING count, when
given) and the words around it; then the counts marked and left. With --sentence, the unit is a
sentence matching both REGEX and REGEX2 ("ransom" and "hospital"): each is printed with the ids
of the mentions that begin in it, and the sentences are counted by that set of ids (how a kind of
sentence was annotated, where the mentions need not overlap the words matched). The held-out sets are skipped:
their texts and marks must not be read (the defaults are the held-out sets of the nineteenth
session; pass --held-out to change them). Used to decide a debatable kind of mention by the
annotators' own majority before writing or removing a pattern (docs/DEVELOPING.md).
Standard library only.
"""

import argparse
import glob
import json
import os
import re

HELD_OUT = [
    "concepts-council",
    "concepts-quorum",
    "concepts-bureau",
    "concepts-missions",
    "ungdc-thirteenth",
    "ungdc-concepts-heldout",
    "ict-concepts-heldout",
    "languages-second-concepts",
    "languages-third-concepts",
    "languages-sixth-concepts",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("regex")
    parser.add_argument("--id", default="", help="count only mentions whose id contains this")
    parser.add_argument("--held-out", nargs="*", default=HELD_OUT)
    parser.add_argument("--sentence", help="count sentences matching REGEX and this one")
    args = parser.parse_args()
    pattern = re.compile(args.regex, re.IGNORECASE)
    also = re.compile(args.sentence, re.IGNORECASE) if args.sentence else None
    by_ids: dict[tuple[str, ...], int] = {}
    gold_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "gold")
    counts = {True: 0, False: 0}
    for path in sorted(glob.glob(os.path.join(gold_dir, "*.json"))):
        name = os.path.basename(path)[: -len(".json")]
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
        if gold.get("facts") != "concepts" or name in args.held_out:
            continue
        texts = os.path.normpath(os.path.join(gold_dir, gold["texts"]))
        for file, marks in gold["files"].items():
            with open(os.path.join(texts, file), encoding="utf-8-sig") as f:
                text = f.read()
            if also:
                for m in re.finditer(r"[^.!?]+[.!?]?", text):
                    sentence = m.group(0)
                    if not (pattern.search(sentence) and also.search(sentence)):
                        continue
                    ids = tuple(
                        sorted(
                            {
                                g["id"]
                                for g in marks
                                if m.start() <= g["start"] < m.end() and args.id in g["id"]
                            }
                        )
                    )
                    by_ids[ids] = by_ids.get(ids, 0) + 1
                    print(name, file, list(ids), "|", " ".join(sentence.split())[:240])
                continue
            for m in pattern.finditer(text):
                start, end = m.start(), m.end()
                ids = [
                    g["id"]
                    for g in marks
                    if g["start"] < end and start < g["end"] and args.id in g["id"]
                ]
                counts[bool(ids)] += 1
                context = text[max(0, start - 90) : end + 50].replace("\n", " ")
                print("M" if ids else "-", name, file, ids, "|", context)
    if also:
        for ids, n in sorted(by_ids.items(), key=lambda kv: -kv[1]):
            print(n, "sentences with", list(ids) or "no mention")
        return
    print(f"marked {counts[True]} left {counts[False]}")


if __name__ == "__main__":
    main()
