#!/usr/bin/python3
"""Writes the pair-explosion input of issue 13: one sentence listing N
distinct made-up people, "Fuzakano Nonoveli and Dobomuva Tokeralo and ...".

usage: gen-pair-explosion.py OUTFILE [NAMES] [SEED]

NAMES defaults to 4000 (about 88 KB, one line).  Each name is two
capitalised words of four consonant-vowel syllables that no dictionary or
word list holds, which the person rules take ("two or three unknown
capitalised words"); check with `entgraph mentions OUTFILE`.  Without a
window budget the sentence makes N(N-1)/2 pairs (8 million for 4000).
The same seed gives the same file.
"""
import random
import sys

CONSONANTS = "bdfgklmnprstvz"
VOWELS = "aeiou"


def word(rng):
    return "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(4)).capitalize()


def main():
    if len(sys.argv) < 2 or len(sys.argv) > 4:
        sys.exit(__doc__.strip().splitlines()[2])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    names, seen = [], set()
    while len(names) < count:
        name = word(rng) + " " + word(rng)
        if name not in seen:
            seen.add(name)
            names.append(name)
    with open(sys.argv[1], "w", encoding="ascii") as out:
        out.write("Yesterday " + " and ".join(names) + " met.\n")


main()
