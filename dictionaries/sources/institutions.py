#!/usr/bin/python3
"""Writes dictionaries/institutions.tsv: the other ways news names a
country's armed forces and ministries, as aliases of the entity that the
hand-curated lists hold for it.

"The Israeli military", "Israeli forces" and "the Israeli army" all name
the Israel Defense Forces; "the Ukrainian Ministry of Defence" the
Ukrainian Defence Ministry.  An entity of agencies.tsv, security.tsv or government.tsv whose
name is a country's form (its demonym from npm world-countries 5.1.0,
ODbL-1.0; its name, possessive or not) and an institution word ("Ukrainian
military", "Armed Forces of Ukraine") stands for that country's
institution; each other form and word then becomes an alias of it
("Ukrainian army", "Ukrainian forces"), where the other form is a demonym:
a country's name or possessive ("Israel's army", "U.S. forces") names the
place as well, a mention it keeps.  A country with two entities for one
institution gets none, and no alias takes a name that a
dictionary gives to anything already.  The line repeats the entity's label
and type, so its aliases join that entity (the category is the same too).

Usage: institutions.py NODE_MODULES  (run by ./generate, from this folder)
"""
import json
import os
import sys

import common

HERE = os.path.dirname(os.path.abspath(__file__))
DICT = os.path.join(HERE, "..")
CURATED = ("agencies.tsv", "security.tsv", "government.tsv")

# Institution words, by institution.  The first "army" word only falls back
# on the armed forces where a country has no army of its own in the lists.
GROUPS = {
    "armed forces": ["military", "armed forces", "forces", "defence forces"],
    "army": ["army"],
    "navy": ["navy"],
    "air force": ["air force"],
    "defence ministry": ["defence ministry", "ministry of defence"],
    "foreign ministry": ["foreign ministry", "ministry of foreign affairs"],
    "interior ministry": ["interior ministry", "ministry of the interior", "ministry of interior"],
}
# Words read in the lists' names but never made into aliases.
READ_ONLY = {"defence forces"}
# Written forms of the words above, as news capitalises them.
WRITTEN = {
    "military": "military", "armed forces": "armed forces", "forces": "forces",
    "defence forces": "Defence Forces", "army": "army", "navy": "navy", "air force": "Air Force",
    "defence ministry": "Defence Ministry", "ministry of defence": "Ministry of Defence",
    "foreign ministry": "Foreign Ministry", "ministry of foreign affairs": "Ministry of Foreign Affairs",
    "interior ministry": "Interior Ministry", "ministry of the interior": "Ministry of the Interior",
    "ministry of interior": "Ministry of Interior",
}
# Forms beyond name and demonym that news writes before these words; like
# the name and its possessive they are read but make no alias.
EXTRA_FORMS = {
    "United States": ["US", "U.S."],
    "United Kingdom": ["UK", "U.K.", "Britain's"],
    "United Arab Emirates": ["UAE"],
}


def key(name):
    """A name as the matcher compares it, near enough (common.key), with
    British spellings as American ones (src/match/dict.h)."""
    return common.key(name).replace("defence", "defense").replace("organisation", "organization")


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            cols += [""] * (5 - len(cols))
            yield cols


def main():
    modules = sys.argv[1]
    with open(os.path.join(modules, "world-countries", "countries.json"), encoding="utf-8") as f:
        world = json.load(f)

    # Every name the other dictionaries give, and to what.
    claims = common.claims_before("institutions.tsv")
    owner = {key(f): ent for f, ent in claims.owner.items()}

    # Countries as the lists name them, with their demonyms.
    labels = {}
    for cols in read_tsv(os.path.join(DICT, "countries.tsv")):
        for n in [cols[0]] + [a for a in cols[2].split("|") if a]:
            labels.setdefault(key(n), cols[0])
    forms = {}
    for w in world:
        if not w.get("independent"):
            continue  # "French" is France's, not its territories'
        label = labels.get(key(w["name"]["common"])) or labels.get(key(w["name"]["official"]))
        if not label:
            continue
        f = [label + ("'" if label.endswith("s") else "'s")]
        for d in ((w.get("demonyms") or {}).get("eng") or {}).values():
            if d and d not in f:
                f.append(d)
        f += EXTRA_FORMS.get(label, [])
        forms[label] = f
    # Longest form first, so "North Korean" is not read as "North".  Only a
    # demonym makes aliases: a form that names the country ("Israel's
    # army", "U.S. forces") is a mention of the place too, which it keeps,
    # and "Canada troops" is not how news writes.
    demonyms = {c: set(fs) - {fs[0]} - set(EXTRA_FORMS.get(c, [])) for c, fs in forms.items()}
    by_form = sorted(((key(f), c) for c, fs in forms.items() for f in fs + [c]), key=lambda x: -len(x[0]))
    group_of = {key(w): g for g, words in GROUPS.items() for w in words}

    # Which entity stands for which country's institution.
    claims = {}
    meta = {}
    for name in CURATED:
        for cols in read_tsv(os.path.join(DICT, name)):
            if cols[1] != "ORG":
                continue
            meta[cols[0]] = cols[3]
            for n in [cols[0]] + [a for a in cols[2].split("|") if a]:
                k = key(n)
                found = None
                for f, country in by_form:
                    if k.startswith(f + " ") and k[len(f) + 1:] in group_of:
                        found = (country, group_of[k[len(f) + 1:]])
                        break
                    for of in (" of " + f, " of the " + f):
                        if k.endswith(of) and k[: -len(of)] in group_of:
                            found = (country, group_of[k[: -len(of)]])
                if found:
                    claims.setdefault(found, set()).add(cols[0])

    chosen = {}
    for (country, group), entities in sorted(claims.items()):
        if len(entities) == 1:
            chosen[(country, group)] = next(iter(entities))
        else:
            print("institutions: %s %s claimed by %s; none chosen" % (country, group, ", ".join(sorted(entities))),
                  file=sys.stderr)
    for (country, group), entity in list(chosen.items()):
        if group == "armed forces" and (country, "army") not in claims:
            chosen[(country, "army")] = entity

    aliases = {}
    for (country, group), entity in sorted(chosen.items()):
        for f in forms[country]:
            if f not in demonyms[country]:
                continue
            for w in GROUPS[group]:
                if w in READ_ONLY:
                    continue
                alias = f + " " + WRITTEN[w]
                if key(alias) in owner:
                    continue
                owner[key(alias)] = ("ORG", entity)
                aliases.setdefault(entity, []).append(alias)

    header = [
        "National institutions as news names them: \"the Israeli military\", \"Russia's defence ministry\":",
        "aliases of the entities of agencies.tsv, security.tsv and government.tsv that stand for a country's",
        "armed forces or ministries, made from the countries' demonyms (npm world-countries %s, ODbL-1.0)"
        % common.npm_version(modules, "world-countries"),
        "and the institution words of institutions.py; each line joins the entity of its label.",
    ]
    common.write_tsv("institutions.tsv", header,
                     [(e, "ORG", aliases[e], meta.get(e, ""), "") for e in sorted(aliases)])


if __name__ == "__main__":
    main()
