"""Writes dictionaries/countries.tsv from ISO 3166-1 (Debian iso-codes) and
world-countries (npm).  Usage: countries.py NODE_MODULES"""
import json
import os
import sys

import common

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO_FORMER = "/usr/share/iso-codes/json/iso_3166-3.json"

# Former countries (ISO 3166-3, by alpha_4): the name news writes, and more.
FORMER = {
    "YUCS": ("Yugoslavia", ["Federal Republic of Yugoslavia", "Socialist Federal Republic of Yugoslavia"]),
    "SUHH": ("Soviet Union", ["USSR", "Union of Soviet Socialist Republics", "U.S.S.R."]),
    "CSHH": ("Czechoslovakia", []),
    "DDDE": ("East Germany", ["German Democratic Republic", "GDR"]),
    "ZRCD": ("Zaire", ["Republic of Zaire"]),
    "YDYE": ("South Yemen", ["People's Democratic Republic of Yemen"]),
    "CSXX": ("Serbia and Montenegro", []),
    "VDVN": ("North Vietnam", ["Democratic Republic of Vietnam"]),
    "RHZW": ("Rhodesia", ["Southern Rhodesia"]),
    "HVBF": ("Upper Volta", []),
    "DYBJ": ("Dahomey", []),
    "BUMM": ("Burma", []),
    "ANHH": ("Netherlands Antilles", []),
}

# The name news writes, where neither ISO's name nor its common_name is it.
LABEL = {
    "BN": "Brunei", "CC": "Cocos Islands", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "CI": "Ivory Coast", "CV": "Cape Verde",
    "CZ": "Czech Republic", "FK": "Falkland Islands", "FM": "Micronesia",
    "MF": "Saint Martin", "MK": "North Macedonia", "MM": "Myanmar", "PS": "Palestine",
    "RU": "Russia", "SH": "Saint Helena", "SX": "Sint Maarten", "SZ": "Eswatini",
    "TL": "East Timor", "TR": "Turkey", "VA": "Vatican City",
    "VG": "British Virgin Islands", "VI": "U.S. Virgin Islands", "NL": "Netherlands",
}
# Names news uses that neither source gives.
EXTRA = {
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa"], "CG": ["Congo-Brazzaville"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"], "CZ": ["Czechia"], "KP": ["DPRK"],
    "KR": ["Republic of Korea"], "MM": ["Burma"], "SZ": ["Swaziland"],
    "TL": ["Timor-Leste"], "TR": ["Türkiye", "Turkiye"], "VA": ["Holy See"],
    "VI": ["US Virgin Islands"], "FK": ["Malvinas"], "MK": ["Macedonia"],
    "VN": ["Viet Nam"], "BA": ["Bosnia"], "SR": ["Surinam"], "KP": ["N. Korea"],
    "KR": ["S. Korea"],
}
# Ambiguous between two countries: given to neither.
AMBIGUOUS = {"congo", "korea", "guinea", "virgin islands", "the congo"}
# Aliases that are demonyms, surnames, fragments or other places in news text.
DROP = {"Mann", "Prathet", "Timor", "Guiana", "Lao", "Abode of Peace", "Portuguesa",
        "Mexicanos", "Zhonghua", "Saudi", "Thai", "Togolese", "Pleasant Island", "Prathet Thai"}


def strip_inversion(name):
    """'Moldova, Republic of' -> 'Moldova'; keeps 'Bonaire, Sint Eustatius and Saba'."""
    if ", " in name:
        head, tail = name.split(", ", 1)
        if tail.split()[-1] in ("of", "the") or tail in ("U.S.", "British"):
            return head
    return name


def main():
    node_modules = sys.argv[1]
    iso = json.load(open(ISO, encoding="utf-8"))["3166-1"]
    wc = {c["cca2"]: c for c in json.load(
        open(os.path.join(node_modules, "world-countries", "countries.json"), encoding="utf-8"))}
    claims = common.claims_before("countries.tsv")
    demonyms = set()
    for w in wc.values():
        for d in (w.get("demonyms") or {}).values():
            demonyms.update(v.casefold() for v in d.values() if v)
    rows = []
    for c in sorted(iso, key=lambda c: c["alpha_2"]):
        code = c["alpha_2"]
        label = LABEL.get(code) or c.get("common_name") or strip_inversion(c["name"])
        label = common.nfc(label)
        ent = ("PLACE", label)
        cands = [c["name"], c.get("official_name", ""), c.get("common_name", ""),
                 strip_inversion(c["name"])] + EXTRA.get(code, [])
        w = wc.get(code)
        if w:
            cands += [w["name"]["common"], w["name"]["official"]] + w.get("altSpellings", [])
        aliases = []
        for a in cands:
            a = common.nfc(a)
            if a.startswith(("the ", "The ")):
                a = a[4:]
            if not a or a == label or "," in a or not common.is_latin(a):
                continue
            if len(a) <= 2 or (common.is_acronym(a) and a not in EXTRA.get(code, [])
                               and len(a) <= 3 and a != "UAE"):
                # ISO-like codes ("GB", "GBR"); UK/US/UAE are in places.tsv already
                continue
            if (common.is_common_word(a) or a.casefold() in AMBIGUOUS or a in DROP
                    or a.casefold() in demonyms or common.has_phonetic(a)):
                continue
            if claims.take(a, ent):
                aliases.append(a)
        if not claims.take(label, ent):
            print("countries: %s already names %s; skipped" % (label, claims.owner[common.key(label)]),
                  file=sys.stderr)
            continue
        rows.append((label, "PLACE", aliases, "country", ""))
    # Former countries still name places in archives and history pieces.
    former = json.load(open(ISO_FORMER, encoding="utf-8"))["3166-3"]
    for c in sorted(former, key=lambda c: c["alpha_4"]):
        if c["alpha_4"] not in FORMER:
            continue
        label, extra = FORMER[c["alpha_4"]]
        ent = ("PLACE", label)
        if not claims.take(label, ent):
            continue
        aliases = [a for a in extra if claims.take(a, ent)]
        rows.append((label, "PLACE", aliases, "former country", ""))
    header = [
        "Countries: ISO 3166-1 and, for former countries, ISO 3166-3 from Debian iso-codes %s (LGPL-2.1+), names as news writes them;"
        % os.environ.get("ISO_CODES_VERSION", "?"),
        "aliases also from npm world-countries %s (ODbL-1.0)." % common.npm_version(node_modules, "world-countries"),
    ]
    common.write_tsv("countries.tsv", header, rows)


if __name__ == "__main__":
    main()
