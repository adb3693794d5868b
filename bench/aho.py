#!/usr/bin/python3
"""Whole-word gazetteer matching with pyahocorasick, for bench/compare.

usage: aho.py NAMES.txt INPUT...   (files or directories, walked sorted)

Builds an Aho-Corasick automaton of the names (one a line, matched as
written, like grep -F), scans every file and keeps the matches with no word
character (letter, digit, underscore) on either side, as grep -w does.
Prints the number of matches; the time and memory are bench/compare's to
measure.
"""
import os
import sys

import ahocorasick


def files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    yield os.path.join(root, name)
        else:
            yield path


def is_word(ch):
    return ch.isalnum() or ch == "_"


def main():
    automaton = ahocorasick.Automaton()
    with open(sys.argv[1], encoding="utf-8") as fp:
        for line in fp:
            name = line.rstrip("\n")
            if name:
                automaton.add_word(name, len(name))
    automaton.make_automaton()
    count = 0
    for path in files(sys.argv[2:]):
        with open(path, encoding="utf-8", errors="replace") as fp:
            text = fp.read()
        n = len(text)
        for end, length in automaton.iter(text):
            start = end - length + 1
            if start > 0 and is_word(text[start - 1]):
                continue
            if end + 1 < n and is_word(text[end + 1]):
                continue
            count += 1
    print(count)


main()
