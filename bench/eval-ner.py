#!/usr/bin/python3
"""Scores `entgraph mentions` against gold entity spans.

usage: eval-ner.py GOLD.jsonl MENTIONS.jsonl [--errors N] [--docs DIR]

Gold lines: {"doc": "doc-0001", "start": 0, "end": 5, "type": "LOC", ...}
Mentions: entgraph's JSONL; the doc id is the file name without directory
and extension.  Types are mapped PERSON -> PER, ORG and UNIT -> ORG,
PLACE -> LOC; other types and gold MISC are ignored.  A prediction is right
when its doc, start, end and mapped type all equal a gold span's.
Prints precision, recall and F1 per type and micro-averaged; with --docs
(the folder of document texts), also micro scores for general news and for
sports pages apart, a page counting as sports when its headline starts with
a sport's name in capitals ("SOCCER - ..."), so that progress on ordinary
news is not hidden by the sports results; with --errors
N, also the N most frequent false positives and misses (to find systematic
ones, not to copy into dictionaries).
"""
import collections
import json
import os
import re
import sys

SPORTS = re.compile(r"^(SOCCER|CRICKET|BASEBALL|TENNIS|RUGBY( UNION| LEAGUE)?|GOLF|BOXING|SQUASH|BASKETBALL|"
                    r"ATHLETICS|CYCLING|MOTOR(ING| RACING)|HORSE RACING|ICE HOCKEY|NHL|NFL|NBA|SKIING|SWIMMING|"
                    r"ROWING|SAILING|YACHTING|BADMINTON|VOLLEYBALL|HOCKEY|TABLE TENNIS|JUDO|WRESTLING|"
                    r"FORMULA ONE|ALPINE SKIING|MOTORCYCLING|TRIATHLON|GYMNASTICS|FENCING|HANDBALL|"
                    r"(AMERICAN )?FOOTBALL)\b.* - ")

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


def score(gold, pred, kinds):
    g = {s for s in gold if s[3] in kinds}
    p = {s for s in pred if s[3] in kinds}
    c = len(g & p)
    precision = c / len(p) if p else 0.0
    recall = c / len(g) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return len(g), len(p), c, precision, recall, f1


def sports_pages(folder):
    pages = set()
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), encoding="utf-8") as fp:
            if SPORTS.match(fp.readline()):
                pages.add(doc_key(name))
    return pages


def option(args, name):
    if name not in args:
        return None
    i = args.index(name)
    value = args[i + 1]
    del args[i:i + 2]
    return value


def main():
    args = sys.argv[1:]
    show = int(option(args, "--errors") or 0)
    docs = option(args, "--docs")
    if len(args) != 2:
        sys.exit(__doc__)
    gold, gold_text = load(args[0], lambda t: t)
    pred, pred_text = load(args[1], lambda t: TYPE_MAP.get(t, ""))
    print(f"{'type':<6}{'gold':>7}{'pred':>7}{'correct':>9}{'precision':>11}{'recall':>8}{'F1':>8}")
    rows = [(kind, [kind]) for kind in TYPES] + [("micro", TYPES)]
    if docs:
        sports = sports_pages(docs)
        rows.append(("news", TYPES, lambda s: s[0] not in sports))
        rows.append(("sports", TYPES, lambda s: s[0] in sports))
    for label, kinds, *keep in rows:
        g, p = gold, pred
        if keep:
            g = {s for s in gold if keep[0](s)}
            p = {s for s in pred if keep[0](s)}
        ng, np_, c, precision, recall, f1 = score(g, p, kinds)
        print(f"{label:<6}{ng:>7}{np_:>7}{c:>9}{precision:>11.3f}{recall:>8.3f}{f1:>8.3f}")
    if show:
        fp = collections.Counter((pred_text[s], s[3]) for s in pred - gold)
        fn = collections.Counter((gold_text[s], s[3]) for s in gold - pred)
        print("\nfalse positives:", ", ".join(f"{t} {k} x{n}" for (t, k), n in fp.most_common(show)))
        print("\nmissed:", ", ".join(f"{t} {k} x{n}" for (t, k), n in fn.most_common(show)))


main()
