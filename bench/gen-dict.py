#!/usr/bin/python3
"""Writes a synthetic gazetteer of N entries for timing dictionary loads.

usage: gen-dict.py N > FILE.tsv

Names are one to four pseudo-words built from syllables, with one or two
aliases each and the built-in types, so the trie and vocabulary grow as
they would with a large real list.  The same N gives the same file.
"""
import random
import sys

SYLLABLES = ["al", "ber", "ca", "dor", "el", "fen", "gar", "hol", "is", "jun", "ka", "lor",
             "man", "nor", "os", "pel", "quin", "ros", "sal", "tor", "ul", "ven", "wes", "yar", "zan"]
TYPES = ["ORG", "PERSON", "PLACE", "PRODUCT", "UNIT"]


def word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def main():
    n = int(sys.argv[1])
    rng = random.Random(n)
    out = sys.stdout
    out.write("# synthetic gazetteer for bench/run\n")
    for i in range(n):
        words = [word(rng) for _ in range(rng.randint(1, 4))]
        label = " ".join(words)
        aliases = [words[-1] + " " + str(i)]
        if len(words) > 1:
            aliases.append("".join(w[0] for w in words).upper() + str(i))
        out.write(f"{label}\t{rng.choice(TYPES)}\t{'|'.join(aliases)}\tbench\n")


main()
