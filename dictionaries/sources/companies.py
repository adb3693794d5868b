"""Writes dictionaries/companies.tsv from @cspell/dict-companies (a spelling
word list: company names split into words).  Usage: companies.py CITIES_JSON NODE_MODULES"""
import json
import os
import sys

import common
from given_names import stdlib_names, baby_names

# A single word from a split name is kept only when it names a company alone.
# All-caps words are mostly stock tickers (AMZN, KLAC): kept only when they are
# known company acronyms or at least 5 letters and not tickers.
ACRONYMS = {"ABB", "AXA", "BAE", "BASF", "BHP", "BMW", "BNP", "CBS", "CVS", "EADS", "ENI",
            "HSBC", "IKEA", "ING", "JBS", "KFC", "KKR", "KPMG", "KUKA", "NEC", "OMV", "RBS",
            "RWE", "SNCF", "SUSE", "SVB", "TUI", "UBS", "XING", "CSX", "DXC", "EMC", "HCA",
            "KBR", "KDDI", "MGM", "NCR", "PPG", "PVH", "TJX", "CBRE", "CITIC", "COFCO"}
NOT_COMPANIES = {"DISCA", "DISCK", "GOOGL", "REFLEX", "SIGKDD", "USENIX", "KFUPM", "UNIST",
                 "JSTOR", "TIAA-CREF"}
# Word-list fragments of longer names ("Fannie Mae", "Hong Kong").
FRAGMENTS = {"Mae", "Fannie", "Hong", "Kong", "Italiane", "Politecnico", "Putra", "Kyung",
             "Hai", "Lifesciences", "Pioneering", "Supermarkets", "Shipbuilding", "Jude",
             "Eli", "Baden-Wurttemberg", "Andersons", "Penney", "Lots", "Sinochem"}
FRAGMENTS |= {"Aires", "Buenos", "Las", "Los", "Aviv", "Korea", "Agricole", "Generale",
              "Deutsche", "Deutschland", "Banco", "Bancorp", "Bancshares", "GmbH", "Ltd",
              "Int'l", "Kabushiki", "Kaisha", "Hee", "Hon", "Hua", "Kung", "Cheng", "Micro",
              "Italia", "Gothenburg", "Antwerp", "Aarhus", "Bangalore", "Bombay", "Maryland",
              "Caribbean", "Andrews", "Barnes", "Jones", "Johnson", "Edwards", "Hughes",
              "Daniels", "Jacobs", "Eurasian", "Energie", "Environnement", "Electricite",
              "Ecole", "Analytics", "Assicurazioni", "Bankengruppe", "Landesbank", "Gebruder",
              "Groupe", "Lutherans", "Denki", "Darussalam", "Abdulaziz", "Khalifa", "Hebrew",
              "Mellon", "Lauder", "Estée", "Hathaway", "Grumman", "Hewlett", "Goldman",
              "Kimberly-Clark", "Kragpur", "Fenosa", "Fabra", "Anglo", "Decker", "Dazs",
              "Häagen", "Massey", "Mettler", "Lovatt", "Bahn", "Euris", "Foncire"}
FRAGMENTS.discard("Sinochem")


def main():
    cities = json.load(open(sys.argv[1], encoding="utf-8"))
    node_modules = sys.argv[2]
    places = {common.key(c["name"]) for c in cities if c["population"] >= 15000}
    given = {n.casefold() for n in stdlib_names(node_modules) | baby_names(node_modules)}
    wc = json.load(open(os.path.join(node_modules, "world-countries", "countries.json"),
                        encoding="utf-8"))
    demonyms = set()
    for w in wc:
        for d in (w.get("demonyms") or {}).values():
            demonyms.update(v.casefold() for v in d.values() if v)
    claims = common.claims_before("companies.tsv")
    path = os.path.join(node_modules, "@cspell", "dict-companies", "dict", "companies.txt")
    rows = []
    with open(path, encoding="utf-8") as f:
        words = sorted({common.nfc(l) for l in f if l.strip() and not l.startswith("#")})
    for w in words:
        if len(w) <= 2 or w in NOT_COMPANIES or w in FRAGMENTS or not w[0].isupper() and not w[0].isdigit():
            continue
        if " " not in w:
            if not any(c.islower() for c in w) and w not in ACRONYMS and \
                    (len([c for c in w if c.isalpha()]) < 5):
                continue
            k = w.casefold()
            if common.is_common_word(w) or k in given or k in demonyms or common.key(w) in places:
                continue
        ent = ("ORG", w)
        if common.key(w) in claims.owner and not claims.free(w, ent):
            continue
        if common.key(w) in claims.owner:
            continue  # a hand-curated list has it already
        claims.take(w, ent)
        rows.append((w, "ORG", [], "company", ""))
    header = [
        "Companies: @cspell/dict-companies %s (MIT), single words that name a company alone;"
        % common.npm_version(node_modules, "@cspell/dict-companies"),
        "English words, given names, places, demonyms and stock tickers dropped.",
    ]
    common.write_tsv("companies.tsv", header, rows)


if __name__ == "__main__":
    main()
