#!/usr/bin/python3
"""Scores `entgraph mentions` against gold entity spans.

usage: eval-ner.py GOLD.jsonl MENTIONS.jsonl [--errors N]

Gold lines: {"doc": "doc-0001", "start": 0, "end": 5, "type": "LOC", ...}
Mentions: entgraph's JSONL; the doc id is the file name without directory
and extension.  Types are mapped PERSON -> PER, ORG and UNIT -> ORG,
PLACE -> LOC; other types and gold MISC are ignored.  A prediction is right
when its doc, start, end and mapped type all equal a gold span's.
Prints precision, recall and F1 per type and micro-averaged; with --errors
N, also the N most frequent false positives and misses (to find systematic
ones, not to copy into dictionaries).
"""
import collections
import json
import os
import sys

TYPE_MAP = {"PERSON": "PER", "ORG": "ORG", "UNIT": "ORG", "PLACE": "LOC"}
TYPES = ["PER", "ORG", "LOC"]


def doc_key(doc):
    return os.path.splitext(os.path.basename(doc))[0]


def load(path, mapper):
    spans = set()
    texts = {}
    with open(path, encoding="utf-8") as fp:
        for line in fp:
            if not line.strip():
                continue
            record = json.loads(line)
            kind = mapper(record["type"])
            if kind not in TYPES:
                continue
            key = (doc_key(record["doc"]), record["start"], record["end"], kind)
            spans.add(key)
            texts[key] = record.get("text", "")
    return spans, texts


def main():
    args = sys.argv[1:]
    show = 0
    if "--errors" in args:
        i = args.index("--errors")
        show = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    gold, gold_text = load(args[0], lambda t: t)
    pred, pred_text = load(args[1], lambda t: TYPE_MAP.get(t, ""))
    print(f"{'type':<6}{'gold':>7}{'pred':>7}{'correct':>9}{'precision':>11}{'recall':>8}{'F1':>8}")
    total = [0, 0, 0]
    for kind in TYPES + ["all"]:
        g = {s for s in gold if kind == "all" or s[3] == kind}
        p = {s for s in pred if kind == "all" or s[3] == kind}
        c = len(g & p)
        precision = c / len(p) if p else 0.0
        recall = c / len(g) if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        label = "micro" if kind == "all" else kind
        print(f"{label:<6}{len(g):>7}{len(p):>7}{c:>9}{precision:>11.3f}{recall:>8.3f}{f1:>8.3f}")
    if show:
        fp = collections.Counter((pred_text[s], s[3]) for s in pred - gold)
        fn = collections.Counter((gold_text[s], s[3]) for s in gold - pred)
        print("\nfalse positives:", ", ".join(f"{t} {k} x{n}" for (t, k), n in fp.most_common(show)))
        print("\nmissed:", ", ".join(f"{t} {k} x{n}" for (t, k), n in fn.most_common(show)))


main()
