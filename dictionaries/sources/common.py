"""Shared helpers for the gazetteer generators in dictionaries/sources/.

Standard library only.  Every generator reads the hand-curated lists and the
lists generated before it, so that a surface form already naming one entity is
not given to another (the engine would report it as a conflict).
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DICT_DIR = os.path.dirname(HERE)
WORDS_PATH = "/usr/share/dict/words"
COMMAND = "sh dictionaries/sources/generate"

# Generated lists, in the order they are generated (earlier ones claim names
# first).  Everything else in dictionaries/*.tsv is hand-curated.
GENERATED = ["countries.tsv", "subdivisions.tsv", "cities.tsv", "companies.tsv",
             "airlines.tsv", "given-names.tsv", "institutions.tsv", "nationalities.tsv"]


def nfc(s):
    return unicodedata.normalize("NFC", s).strip()


def ascii_fold(s):
    """'São Paulo' -> 'Sao Paulo'; returns s unchanged when it cannot fold."""
    out = unicodedata.normalize("NFKD", s)
    out = "".join(c for c in out if not unicodedata.combining(c))
    out = out.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o") \
             .replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ß", "ss")
    return out


def has_phonetic(s):
    """IPA and modifier letters: pronunciations, not spellings."""
    return any(0x250 <= ord(c) <= 0x2FF and c not in "ʻʼ" for c in s)


def is_latin(s):
    for c in s:
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


_words = None


def common_words():
    """Lower-case entries of /usr/share/dict/words (possessives skipped)."""
    global _words
    if _words is None:
        _words = set()
        with open(WORDS_PATH, encoding="utf-8") as f:
            for line in f:
                w = line.strip()
                if w and w == w.lower() and not w.endswith("'s"):
                    _words.add(w)
    return _words


def is_common_word(name):
    """A single word whose lower-case form is an ordinary English word."""
    return " " not in name and name.lower() in common_words()


def _strips_marks(c):
    """The engine drops accents from Latin and Greek letters when folding."""
    o = ord(c)
    return o < 0x400 or 0x1E00 <= o <= 0x1FFF


def key(form):
    """Approximates the engine's case-folded token key of a surface form."""
    form = re.sub("[‘’ʼ]", "'", nfc(form))  # the tokenizer treats these alike
    out = []
    for c in form:
        if _strips_marks(c):
            out.extend(d for d in unicodedata.normalize("NFD", c) if not unicodedata.combining(d))
        elif not (0x300 <= ord(c) <= 0x36F):
            out.append(c)
    return re.sub(r"\s+", " ", "".join(out).casefold())


def is_acronym(form):
    letters = [c for c in form if c.isalpha()]
    return not any(c.islower() for c in form) and 1 <= len(letters) <= 6


class Claims:
    """Which entity (type, label) each surface form already names."""

    def __init__(self):
        self.owner = {}

    def load_tsv(self, path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                cols = line.split("\t")
                while len(cols) < 5:
                    cols.append("")
                if "cue" in cols[4].split(","):
                    continue
                ent = (cols[1], cols[0])
                for form in [cols[0]] + [a for a in cols[2].split("|") if a]:
                    self.owner.setdefault(key(form), ent)

    def free(self, form, ent):
        """True when form names nothing yet or names ent already."""
        return self.owner.get(key(form), ent) == ent

    def take(self, form, ent):
        if not self.free(form, ent):
            return False
        self.owner[key(form)] = ent
        return True


def claims_before(output):
    """Claims of the hand-curated lists and of the generated lists before output."""
    claims = Claims()
    names = sorted(n for n in os.listdir(DICT_DIR) if n.endswith(".tsv"))
    for n in names:
        if n not in GENERATED:
            claims.load_tsv(os.path.join(DICT_DIR, n))
    for n in GENERATED[:GENERATED.index(output)]:
        path = os.path.join(DICT_DIR, n)
        if os.path.exists(path):
            claims.load_tsv(path)
    return claims


def write_tsv(output, header, rows):
    """Writes rows (label, type, aliases list, category, flags) sorted."""
    lines = []
    for label, typ, aliases, category, flags in rows:
        seen = {label}
        uniq = []
        for a in aliases:
            if a not in seen:
                seen.add(a)
                uniq.append(a)
        lines.append("\t".join([label, typ, "|".join(sorted(uniq)), category, flags]))
    lines.sort(key=lambda s: (s.casefold(), s))
    path = os.path.join(DICT_DIR, output)
    with open(path, "w", encoding="utf-8") as f:
        for h in header:
            f.write("# " + h + "\n")
        f.write("# Generated by: " + COMMAND + " (do not edit by hand)\n")
        f.write("# Columns: label\ttype\taliases (|-separated)\tcategory\tflags\n")
        for line in lines:
            f.write(line + "\n")
    print("%s: %d entries" % (output, len(lines)), file=sys.stderr)


def npm_version(node_modules, package):
    import json
    with open(os.path.join(node_modules, package, "package.json"), encoding="utf-8") as f:
        return json.load(f)["version"]
