#!/usr/bin/python3
"""Writes a synthetic news corpus for benchmarking entgraph.

usage: gen-corpus.py OUTDIR [MEGABYTES] [SEED]

Articles are built from sentence templates written for this project, with
names drawn from the shipped dictionaries (dictionaries/*.tsv) and ordinary
capitalised words, so the tokenizer, matcher, rules and co-occurrence
counting all see realistic work: most tokens are plain English, a few percent
are names, some names are multi-word, some are aliases or possessives.
Article lengths vary from a paragraph to a long feature.  Names are drawn
with Zipf-like frequencies (the n-th entry about 1/n as often as the first,
in a shuffled order), as in real news where a few entities dominate; cue
entries (given names) are evidence, not names, and are not used.  The same
seed gives the same corpus.
"""
import itertools
import os
import random
import sys

TEMPLATES = [
    "{A} said on {day} that it had reviewed its contracts with {B} after questions from reporters.",
    "According to documents seen by {A}, officials at {B} discussed the project for several months.",
    "The agreement between {A} and {B} was signed in {P} last year, people familiar with the matter said.",
    "Critics argue that the deal gives {A} access to data it should never have held.",
    "In a statement, a spokesperson for {A} declined to comment on the specific allegations.",
    "Employees at {A}'s offices in {P} staged a protest during the company's annual conference.",
    "The report, published by {A}, names {B} and {C} among the firms with the largest contracts.",
    "{A} has denied wrongdoing and says its services are used in line with its terms of service.",
    "Lawmakers in {P} have called for an inquiry into the role of {A} in the programme.",
    "Shares of {A} rose slightly in early trading before falling back by the close.",
    "Analysts expect the market for cloud computing and storage to keep growing through the decade.",
    "The ministry did not respond to several requests for comment sent over the past week.",
    "Researchers said the findings raise new questions about oversight and accountability.",
    "Several former employees, who spoke on condition of anonymity, described a culture of secrecy.",
    "The company's chief executive told investors that demand remained strong in every region.",
    "It is not clear how many people were affected, or for how long the records were kept.",
    "Human rights groups including {A} have urged governments to suspend the arrangement.",
    "{A} and {B} first worked together on a pilot project in {P} in 2021.",
    "A joint investigation by {A} and {B} found that the system had been expanded several times.",
    "Officials in {P} said the matter was under review and that no decision had been taken.",
    "The contract, worth an estimated $1.2 billion, was awarded after a competitive tender.",
    "Mr. Smith, who joined the firm in 2019, said he had raised concerns with his managers.",
    "The U.S. government has not commented publicly on the reports.",
    "Dr. Levy, a professor of law, said the case could set an important precedent.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def load_names(dictionaries):
    names = []
    for entry in sorted(os.listdir(dictionaries)):
        if not entry.endswith(".tsv"):
            continue
        with open(os.path.join(dictionaries, entry), encoding="utf-8") as fp:
            for line in fp:
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 2:
                    continue
                if len(cols) > 4 and "cue" in cols[4].split(","):
                    continue
                kind = cols[1]
                forms = [cols[0]] + ([a for a in cols[2].split("|") if a] if len(cols) > 2 else [])
                names.append((kind, forms))
    return names


def main():
    outdir = sys.argv[1]
    megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 100
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    here = os.path.dirname(os.path.abspath(__file__))
    names = load_names(os.path.join(here, "..", "dictionaries"))
    rng.shuffle(names)
    places = [n for n in names if n[0] == "PLACE"] or names
    others = [n for n in names if n[0] != "PLACE"] or names
    zipf = lambda pool: list(itertools.accumulate(1.0 / (i + 1) for i in range(len(pool))))
    place_weights, other_weights = zipf(places), zipf(others)
    target = int(megabytes * 1024 * 1024)
    written = 0
    article = 0
    os.makedirs(outdir, exist_ok=True)
    while written < target:
        sub = os.path.join(outdir, "%03d" % (article // 1000))
        os.makedirs(sub, exist_ok=True)
        paragraphs = []
        for _ in range(rng.choice([1, 3, 5, 8, 12, 20])):
            sentences = []
            for _ in range(rng.randint(1, 5)):
                def pick(pool):
                    weights = place_weights if pool is places else other_weights
                    return rng.choice(rng.choices(pool, cum_weights=weights)[0][1])
                sentences.append(rng.choice(TEMPLATES).format(
                    A=pick(others), B=pick(others), C=pick(others), P=pick(places),
                    day=rng.choice(DAYS)))
            paragraphs.append(" ".join(sentences))
        text = "\n\n".join(paragraphs) + "\n"
        data = text.encode("utf-8")
        with open(os.path.join(sub, "article-%06d.txt" % article), "wb") as fp:
            fp.write(data)
        written += len(data)
        article += 1
    print(f"{article} articles, {written / 1e6:.1f} MB in {outdir}")


main()
