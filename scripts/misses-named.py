#!/usr/bin/env python3
"""Counts a gold set's missed mentions by whether the extractor knows their words at all.

    python3 scripts/misses-named.py NORMGRAPH GOLD.json [--kind position|threat|principle]

Runs `NORMGRAPH eval --gold GOLD.json --json`, takes the mentions the extractor missed, and
extracts each missed surface again put in a sentence of its own after a frame that supplies the
rest (for positions, a support cue and the ICT topic: "On cyberspace, we support <surface>.";
for threats and principles, the ICT topic: "On cyberspace and the Internet: <surface>."; in
French, Spanish, Russian, Arabic or Chinese for files named fr-*/es-*/ru-*/ar-*/zh-*). A miss found so is *named*: its words are known and
what it lacked was its context (a stance cue, the ICT gate, a guard); one not found is
*unnamed*: no label or pattern has its words. Prints counts per concept, never a surface, so it
may be run on the held-out sets (docs/DEVELOPING.md). Standard library only.
"""

import argparse
import collections
import json
import os
import subprocess
import tempfile

FRAMES = {
    "position": {
        "en": "On cyberspace, we support {}.",
        "fr": "S'agissant du cyberespace et des technologies numériques, nous appuyons {}.",
        "es": "En cuanto al ciberespacio y las tecnologías digitales, apoyamos {}.",
        "ru": "Что касается киберпространства и цифровых технологий, мы поддерживаем {}.",
        "ar": "وفيما يتعلق بالفضاء الإلكتروني والتكنولوجيات الرقمية، فإننا نؤيد {}.",
        "zh": "关于网络空间和数字技术，我们支持{}。",
    },
    "other": {
        "en": "On cyberspace and the Internet: {}.",
        "fr": "S'agissant du cyberespace et de l'Internet : {}.",
        "es": "En cuanto al ciberespacio y a Internet: {}.",
        "ru": "Что касается киберпространства и Интернета: {}.",
        "ar": "وفيما يتعلق بالفضاء الإلكتروني والإنترنت: {}.",
        "zh": "关于网络空间和互联网：{}。",
    },
}


def language(file: str) -> str:
    return file[:2] if file[:3] in ("fr-", "es-", "ru-", "ar-", "zh-") else "en"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("normgraph")
    parser.add_argument("gold")
    parser.add_argument("--kind", default="position", choices=["position", "threat", "principle"])
    args = parser.parse_args()
    cwd = tempfile.mkdtemp()
    out = subprocess.run(
        [args.normgraph, "eval", "--gold", os.path.abspath(args.gold), "--json"],
        cwd=cwd, capture_output=True, text=True, check=True,
    )
    misses = [
        m for m in json.loads(out.stdout)["misses"]
        if m["what"] == "missed" and m["id"].startswith(args.kind + ":")
    ]
    frames = FRAMES["position" if args.kind == "position" else "other"]
    counts = collections.Counter()
    for lang in ("en", "fr", "es", "ru", "ar", "zh"):
        group = [m for m in misses if language(m["file"]) == lang]
        if not group:
            continue
        text, spans = "", []
        for m in group:
            line = frames[lang].format(m["surface"]) + "\n\n"
            # Offsets in Unicode scalar values, as `extract` gives them.
            spans.append((len(text), len(text) + len(line)))
            text += line
        path = os.path.join(cwd, f"probe-{lang}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        found = json.loads(subprocess.run(
            [args.normgraph, "extract", "--format", "json", path],
            cwd=cwd, capture_output=True, text=True, check=True,
        ).stdout)
        hits = set()
        for statement in found:
            for key in ("positions", "threats", "principles"):
                for fact in statement.get(key) or []:
                    concept = (fact.get("position") or fact.get("concept") or "").rsplit("/", 1)[-1]
                    start = fact["start"]
                    for k, (a, b) in enumerate(spans):
                        wanted = group[k]["id"].split(":", 1)[1].split(" ")[0]
                        if a <= start < b and concept == wanted:
                            hits.add(k)
        for k, m in enumerate(group):
            counts[(m["id"].split(" ")[0], "named" if k in hits else "unnamed")] += 1
    named = sum(v for (_, state), v in counts.items() if state == "named")
    print(f"missed {len(misses)}, named {named}, unnamed {len(misses) - named}")
    for (concept, state), v in sorted(counts.items()):
        print(f"{v:4} {state:8} {concept}")


if __name__ == "__main__":
    main()
