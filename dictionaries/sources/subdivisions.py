"""Writes dictionaries/subdivisions.tsv from ISO 3166-2 (Debian iso-codes).
Usage: subdivisions.py CITIES_JSON"""
import json
import os
import re
import sys

import common

ISO = "/usr/share/iso-codes/json/iso_3166-2.json"

# First-level units that news names: states, provinces, Länder, the UK's
# countries, emirates, governorates and the like.  Districts, counties,
# municipalities and departments are too fine-grained or too ambiguous.
KEEP_TYPES = {
    "State", "Province", "Region", "Country", "Land", "Autonomous community",
    "Autonomous region", "Autonomous province", "Republic", "Emirate", "Governorate",
    "Prefecture", "Federal district", "Capital territory", "Capital district",
    "Union territory", "Territory", "Federal territory", "Regional state",
    "Federal capital territory", "Autonomous city in north africa",
}
# Types named after their capital city: the city wins a shared name.
CITY_NAMED_TYPES = {"Province", "Governorate", "Prefecture", "Region"}
# Countries whose provinces news names more than the cities of the same name
# (Quebec).
PROVINCES_FIRST = {"CA"}
# ISO gives these only in transliterations nobody writes ("Amurskaja oblast'",
# "Donetska oblast"); the places that matter are in places.tsv.
SKIP_COUNTRIES = {"RU", "UA", "BY"}

# English names news uses for some subdivisions ISO gives in the local form.
LABEL = {
    "DE-BY": "Bavaria", "DE-HE": "Hesse", "DE-NI": "Lower Saxony",
    "DE-NW": "North Rhine-Westphalia", "DE-RP": "Rhineland-Palatinate", "DE-SN": "Saxony",
    "DE-ST": "Saxony-Anhalt", "DE-TH": "Thuringia",
    "IT-21": "Piedmont", "IT-25": "Lombardy", "IT-52": "Tuscany", "IT-82": "Sicily",
    "IT-88": "Sardinia", "IT-23": "Aosta Valley", "IT-32": "Trentino-South Tyrol",
    "ES-AN": "Andalusia", "ES-CT": "Catalonia", "ES-PV": "Basque Country",
    "ES-CN": "Canary Islands", "ES-IB": "Balearic Islands", "ES-CL": "Castile and León",
    "ES-CM": "Castilla-La Mancha", "ES-VC": "Valencian Community", "ES-AR": "Aragon",
    "ES-NC": "Navarre",
    "CN-XZ": "Tibet", "CN-NM": "Inner Mongolia", "CN-XJ": "Xinjiang", "CN-GX": "Guangxi",
    "CN-NX": "Ningxia",
    "IQ-NI": "Nineveh", "IQ-AN": "Anbar", "IQ-BA": "Basra", "IQ-SD": "Salahuddin",
    "SY-DY": "Deir ez-Zor", "SY-HL": "Aleppo", "SY-HM": "Hama", "SY-HI": "Homs",
    "SY-RA": "Raqqa", "SY-LA": "Latakia",
    "YE-HD": "Hadramawt", "YE-AD": "Aden", "YE-SA": "Sanaa",
    "AE-AZ": "Abu Dhabi", "AE-DU": "Dubai", "AE-SH": "Sharjah", "AE-AJ": "Ajman",
    "AE-RK": "Ras al-Khaimah", "AE-FU": "Fujairah", "AE-UQ": "Umm al-Quwain",
    "IR-10": "Khuzestan", "IN-JK": "Jammu and Kashmir",
    "RU-CE": "Chechnya",
    "MX-MIC": "Michoacán", "MX-COA": "Coahuila",
}
# A name several countries give a subdivision names none of them, unless
# news means one far more often: these US states, not the Uruguayan
# department, the Liberian county or the Bulgarian province.
PREFERRED = {"US-FL", "US-MD", "US-MT"}
EXTRA = {"DE-BY": ["Bayern"], "ES-CT": ["Catalunya", "Cataluña"], "CN-XZ": ["Xizang"],
         "ES-PV": ["Euskadi", "País Vasco"], "IQ-BA": ["Basrah", "Al Basrah"]}


def clean(name):
    """'Asturias, Principado de' -> 'Asturias'; drops '[...]', '*' and Chinese suffixes."""
    name = re.sub(r"\s*\[[^]]*\]", "", name).replace("*", "")
    name = re.sub(r"\s*\([^)]*\)", "", name)
    if ", " in name:
        name = name.split(", ")[0]
    name = re.sub(r" (Sheng|Shi|Zizhiqu|Zhuangzu|Huizi|Uygur)\b", "", name)
    return common.nfc(name)


def bracketed(name):
    return [b for b in re.findall(r"\[([^]]*)\]", name) if "-" not in b or " " not in b]


def scholarly(name):
    """Transliterations with macrons, dots and hooks ('Ḩalab', 'Baghdād') news never prints."""
    return any(0x1E00 <= ord(c) <= 0x1EFF or c in "‘’ʻʼāēīōūĀĒĪŌŪḑḩţşăơư" for c in name) \
        or "\u0327" in name or "\u0331" in name


# Labels made only of these say where, not what: "Central Region", "Al Asimah".
GENERIC = {"north", "south", "east", "west", "central", "centre", "center", "northern",
           "southern", "eastern", "western", "region", "province", "capital", "district",
           "territory", "al", "asimah", "wusta", "shamaliyah", "janub", "janubi", "sharqiyah",
           "gharbiyah", "upper", "lower", "coast", "coastal", "island", "islands", "north-east",
           "north-west", "south-east", "south-west", "nord", "sud", "est", "ouest", "centre-est",
           "centre-nord", "centre-ouest", "centre-sud", "shimal", "the", "of", "east", "far"}
TRANSLIT = re.compile(r"oblast|kraj\b|kray\b|okrug|'$|Respublika", re.I)


def main():
    cities = json.load(open(sys.argv[1], encoding="utf-8"))
    city_pop = {}
    for c in cities:
        for k in {common.key(c["name"]), common.key(common.ascii_fold(c["name"]))}:
            city_pop[k] = max(city_pop.get(k, 0), c["population"])
    iso = json.load(open(ISO, encoding="utf-8"))["3166-2"]
    claims = common.claims_before("subdivisions.tsv")
    country_claims = common.Claims()
    country_claims.load_tsv(os.path.join(common.DICT_DIR, "countries.tsv"))
    country_forms = set(country_claims.owner)
    countries_of = {}
    for s in iso:
        countries_of.setdefault(common.key(common.ascii_fold(clean(s["name"]))), set()).add(s["code"][:2])
    rows, skipped = [], []
    for s in sorted(iso, key=lambda s: s["code"]):
        code, typ = s["code"], s["type"]
        if typ not in KEEP_TYPES or code[:2] in SKIP_COUNTRIES and code not in LABEL:
            continue
        raw = s["name"]
        cands = [clean(raw)] + [common.nfc(b) for b in bracketed(raw)] + EXTRA.get(code, [])
        label = LABEL.get(code)
        if label is None:
            label = cands[0]
            if scholarly(label):
                label = common.ascii_fold(label).replace("‘", "").replace("’", "").replace("'", "")
            if ((len(countries_of.get(common.key(common.ascii_fold(label)), ())) > 1
                 and code not in PREFERRED)
                    or TRANSLIT.search(label)
                    or all(w.casefold() in GENERIC for w in re.split(r"[ -]+", label))):
                continue
        forms = [label] + cands + [common.ascii_fold(c) for c in cands]
        ent = ("PLACE", label)
        keep = []
        for f in forms:
            if not f or f in keep or not common.is_latin(f) or scholarly(f):
                continue
            if common.is_common_word(f) or len(f) <= 2:
                continue
            pop = max(city_pop.get(common.key(f), 0),
                      city_pop.get(common.key(common.ascii_fold(f)), 0))
            if pop >= 1000000 or (typ in CITY_NAMED_TYPES and code[:2] not in PROVINCES_FIRST
                                  and pop >= 100000):
                continue
            if not claims.free(f, ent) or common.key(f) in country_forms:
                continue  # "Georgia" stays the country
            keep.append(f)
        if label not in keep or any(not claims.free(common.ascii_fold(f), ent) for f in keep):
            skipped.append("%s %s" % (code, label))
            continue
        for f in keep:
            claims.take(f, ent)
        rows.append((label, "PLACE", keep[1:], "region", ""))
    print("subdivisions: skipped (common word, city or taken): %d" % len(skipped), file=sys.stderr)
    header = [
        "First-level subdivisions (states, provinces, Länder, regions, governorates):",
        "ISO 3166-2 from Debian iso-codes %s (LGPL-2.1+); English names for some,"
        % os.environ.get("ISO_CODES_VERSION", "?"),
        "see dictionaries/sources/README.md for what was left out.",
    ]
    common.write_tsv("subdivisions.tsv", header, rows)


if __name__ == "__main__":
    main()
