#!/usr/bin/python3
"""Writes dictionaries/nationalities.tsv: nationality words, which are never
an entity by themselves ("Israeli", "Serbs", "European"), as lines with the
flag drop.

Peoples, religions and languages named like one ("Hutus", "Moslems",
"Hebrew") are kept with them: no entity by themselves either.

A capitalised word that a rule or a guess would make a name ("Afrikaners
said", "Korean , 45 , a ...") is a nationality, not a person or a place;
longer names that hold one stay whole ("Israeli military", "South Korean
Air Force").  The demonyms of npm world-countries 5.1.0 (ODbL-1.0), with
their plurals, and a hand-kept list of regional and ethnic ones the country
list does not give (EXTRA).  A form that a dictionary gives to an entity
already keeps it ("Vatican" is a place, "American" an airline's name),
since a drop name would win over it.

Usage: nationalities.py NODE_MODULES  (run by ./generate, from this folder)
"""
import json
import os
import sys

import common

# Nationality and regional words beyond the countries' demonyms.
EXTRA = [
    "European", "African", "Asian", "Arab", "Latin American", "Middle Eastern", "Kurd", "Kurdish", "Serb",
    "Croat", "Bosniak", "Bosnian", "Yugoslav", "Soviet", "Afrikaner", "Basque", "Catalan", "Korean",
    "Scottish", "Scot", "Welsh", "English", "Briton", "Saudi", "Uyghur", "Uighur", "Pashtun", "Herzegovinian",
    # peoples and ethnic groups
    "Hutu", "Tutsi", "Chechen", "Azeri", "Tamil", "Sinhalese", "Hispanic", "Latino", "Berber",
    "Druze", "Alawite", "Rohingya", "Hazara", "Tajik", "Uzbek", "Baluch", "Yazidi", "Maori", "Zulu",
    # religions and their faithful, named like a nationality
    "Moslem", "Muslim", "Islamic", "Jew", "Jewish", "Hindu", "Sikh", "Buddhist", "Catholic",
    "Protestant", "Anglican", "Orthodox", "Sunni", "Shiite", "Shi'ite", "Evangelical", "Coptic",
    # languages that are no demonym
    "Hebrew", "Afrikaans", "Yiddish", "Sanskrit", "Urdu", "Hindi", "Swahili", "Farsi", "Pashto",
]
# Demonyms that are a place's own name too ("the Vatican said").
PLACES = {"Vatican", "Djibouti", "Gibraltar"}
# Plurals that are not the word and an "s".
PLURALS = {
    "Danish": "Danes", "Finnish": "Finns", "Swedish": "Swedes", "Turkish": "Turks", "Polish": "Poles",
    "Spanish": "Spaniards", "British": "Britons", "Scottish": "Scots", "Icelandic": "Icelanders",
    "Jewish": None, "Islamic": None, "Orthodox": None, "Afrikaans": None, "Hebrew": None,
    "Yiddish": None, "Sanskrit": None, "Urdu": None, "Hindi": None, "Swahili": None, "Farsi": None,
    "Pashto": None, "Druze": None, "Rohingya": None, "Coptic": None,
}


def plural(word):
    if word in PLURALS:
        return PLURALS[word]
    if word.endswith(("ese", "ss", "sh", "ch", "x", "i-Kiribati")):
        return None
    return word + "s"


def main():
    modules = sys.argv[1]
    with open(os.path.join(modules, "world-countries", "countries.json"), encoding="utf-8") as f:
        world = json.load(f)
    words = set(EXTRA)
    for w in world:
        for d in ((w.get("demonyms") or {}).get("eng") or {}).values():
            for part in (d or "").replace(" or ", ", ").split(", "):
                if part.strip():
                    words.add(part.strip())
    claims = common.claims_before("nationalities.tsv")
    rows = []
    skipped = []
    for word in sorted(words - PLACES):
        forms = [f for f in (word, plural(word)) if f]
        free = [f for f in forms if common.key(f) not in claims.owner]
        skipped += [f for f in forms if f not in free]
        if free:
            rows.append((free[0], "-", free[1:], "", "drop"))
    if skipped:
        print("nationalities: kept as the entities they name: %s" % ", ".join(skipped), file=sys.stderr)
    header = [
        "Nationality words, never an entity by themselves (flag drop): the demonyms of npm world-countries %s"
        % common.npm_version(modules, "world-countries"),
        "(ODbL-1.0) with their plurals, and regional and ethnic ones kept in nationalities.py.",
    ]
    common.write_tsv("nationalities.tsv", header, rows)


if __name__ == "__main__":
    main()
