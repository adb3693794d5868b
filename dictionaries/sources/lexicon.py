"""Writes dictionaries/lexicon/verbs.lexicon: the verbs the relation finder
knows, their irregular forms, and the nouns that name an act of a verb.

Usage: lexicon.py [WORDNET_DIR]   (default /usr/share/wordnet, Debian wordnet-base)

From WordNet 3.0 as Debian's wordnet-base ships it:
- v WORD / vn WORD: every one-word verb lemma of index.verb; vn when the
  word is also a noun lemma of index.noun ("force", "report"), which the
  engine then trusts as a verb only where the words around it say so;
- x FORM BASE: verb.exc, the irregular inflections ("began" begin,
  "stopped" stop); regular ones the engine strips itself, as WordNet's
  morphy does;
- d NOUN VERB: a noun one of whose two most frequent senses is an act, an
  event or a communication (lexicographer files noun.act, noun.event,
  noun.communication) and has a derivational link to a verb lemma that
  shares its first three letters ("investigation" investigate, "review"
  review): the agent of "an investigation by X" did that verb.
Output is sorted and byte for byte reproducible.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "lexicon", "verbs.lexicon")
ACT_FILES = {4, 10, 11}  # noun.act, noun.communication, noun.event


def plain(w):
    return w.isascii() and w.isalpha() and w.islower() and len(w) >= 2


def index_lemmas(path):
    """lemma -> synset offsets in sense order."""
    out = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, synsets = fields[0], int(fields[2])
            out[lemma] = fields[-synsets:]
    return out


def synsets(path):
    """offset -> (lex file number, [words], [(pointer, target offset, pos, source, target)])."""
    out = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            offset, lexfile = fields[0], int(fields[1])
            words_n = int(fields[3], 16)
            words = [fields[4 + 2 * i].lower() for i in range(words_n)]
            at = 4 + 2 * words_n
            pointers_n = int(fields[at])
            pointers = []
            for i in range(pointers_n):
                symbol, target, pos, st = fields[at + 1 + 4 * i: at + 5 + 4 * i]
                pointers.append((symbol, target, pos, int(st[:2], 16), int(st[2:], 16)))
            out[offset] = (lexfile, words, pointers)
    return out


def main():
    wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    verbs = {w for w in index_lemmas(os.path.join(wn, "index.verb")) if plain(w)}
    noun_index = index_lemmas(os.path.join(wn, "index.noun"))
    nouns = {w for w in noun_index if plain(w)}
    lines = []
    for v in verbs:
        lines.append(("vn" if v in nouns else "v", v, ""))
    with open(os.path.join(wn, "verb.exc"), encoding="latin-1") as f:
        for line in f:
            form, *bases = line.split()
            base = next((b for b in bases if b in verbs), None)
            if plain(form) and base and form != base:
                lines.append(("x", form, base))
    noun_synsets = synsets(os.path.join(wn, "data.noun"))
    verb_synsets = synsets(os.path.join(wn, "data.verb"))
    for noun in sorted(nouns):
        verb = None
        for offset in noun_index[noun][:2]:
            lexfile, words, pointers = noun_synsets[offset]
            if verb or lexfile not in ACT_FILES or noun not in words:
                continue
            source = words.index(noun) + 1
            for symbol, target, pos, st, tt in pointers:
                candidate = verb_synsets[target][1][tt - 1] if symbol == "+" and pos == "v" else ""
                if st == source and plain(candidate) and candidate[:3] == noun[:3]:
                    verb = candidate
                    break
        if verb:
            lines.append(("d", noun, verb))
    version = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "wordnet-base"],
                             capture_output=True, text=True).stdout.strip() or "unknown"
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# The relation finder's verbs (v; vn: also a noun), irregular forms (x FORM BASE)\n")
        out.write("# and nouns naming a verb's act (d NOUN VERB), tab-separated.\n")
        out.write("# Written by dictionaries/sources/lexicon.py from Debian wordnet-base %s:\n" % version)
        out.write("# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.\n")
        out.write("# Used under the WordNet 3.0 licence (/usr/share/doc/wordnet-base/copyright):\n")
        out.write("# THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO\n")
        out.write("# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.  The name of Princeton\n")
        out.write("# University or Princeton may not be used in advertising or publicity pertaining\n")
        out.write("# to distribution of the software and/or database.\n")
        for kind, a, b in sorted(set(lines)):
            out.write("%s\t%s%s\n" % (kind, a, "\t" + b if b else ""))


if __name__ == "__main__":
    main()
