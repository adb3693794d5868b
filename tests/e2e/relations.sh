#!/bin/sh
# entgraph relations (issue 18, first step: roles and possessives): each
# kind found where a sentence states it, with its direction and `former`,
# and not where it does not (negative cases); every line valid JSON whose
# text is the document's bytes at [start, end) within its sentence; the
# same lines for -j 1 and -j 2; and on the seed-style articles of
# tests/data, the roles they state.
. "$(dirname "$0")/lib.sh"

printf 'Abdo Mohamed\tPERSON\nYossi Sariel\tPERSON\nBrad Smith\tPERSON\nSatya Nadella\tPERSON\nMichael Durante\tPERSON\nTareq Aziz\tPERSON\n' \
	>"$TMP/people.tsv"
# One case a file: "+ SUBJECT|PREDICATE|OBJECT|former" must be found,
# "- " files must yield nothing.
"$PYTHON" - "$TMP" <<'PY' || fail "cannot write the cases"
import sys
cases = {
    "+ Satya Nadella|CEO of|Microsoft|": "Satya Nadella, CEO of Microsoft, spoke on Monday.",
    "+ Abdo Mohamed|employee of|Microsoft|former": "Abdo Mohamed, a former Microsoft employee, said the company ignored warnings.",
    "+ Satya Nadella|chief executive of|Microsoft|": "The review followed a meeting with Microsoft chief executive Satya Nadella last year.",
    "+ Brad Smith|president of|Microsoft|": "Microsoft's president, Brad Smith, later wrote to staff.",
    "+ Unit 8200|unit of|Israel Defense Forces|": "Unit 8200, an intelligence unit of the Israel Defense Forces, kept the recordings.",
    "+ Yossi Sariel|commander of|Unit 8200|former": "Yossi Sariel, the then commander of Unit 8200, met executives.",
    "+ Israel|'s|Unit 8200|": "Israel's Unit 8200 kept the recordings.",
    "+ Israel Defense Forces|'s|Unit 8200|": "Unit 8200 of the Israel Defense Forces kept the recordings.",
    "+ Microsoft|'s|Azure|": "The files sat on Microsoft's Azure in Europe.",
    "+ Michael Durante|analyst at|Microsoft|": "Michael Durante, analyst at Microsoft, said sales rose.",
    "+ Tareq Aziz|deputy prime minister of|Iraq|": "Iraq's Deputy Prime Minister Tareq Aziz arrived.",
    "- and": "Satya Nadella and Microsoft announced a review.",
    "- relative clause": "Satya Nadella, who praised Microsoft, left early.",
    "- no apposition": "Satya Nadella met the CEO of Microsoft in Redmond.",
    "- list": "Microsoft, Google and Amazon bid for the contract.",
    "- after a preposition": "In Gaza, a Microsoft employee protested outside.",
    "- two sentences": "They met Satya Nadella. CEO of Microsoft is a hard job.",
    "- possessive of something else": "Israel's army and Unit 8200 worked together.",
    "- of between a place and an organisation": "The Microsoft of Redmond grew.",
}
with open(tmp := sys.argv[1] + "/cases.tsv", "w") as f:
    for i, (want, text) in enumerate(cases.items()):
        name = f"{sys.argv[1]}/cases/{i:02d}.txt"
        import os
        os.makedirs(os.path.dirname(name), exist_ok=True)
        with open(name, "w") as g:
            g.write(text + "\n")
        f.write(f"{name}\t{want}\n")
PY
expect_status 0 "$ENTGRAPH" relations -d "$TMP/people.tsv" -o "$TMP/rel.jsonl" "$TMP/cases"
expect_status 0 "$ENTGRAPH" relations -d "$TMP/people.tsv" -j 2 -o "$TMP/rel2.jsonl" "$TMP/cases"
cmp -s "$TMP/rel.jsonl" "$TMP/rel2.jsonl" || fail "-j 2 wrote other relations"
"$PYTHON" - "$TMP/cases.tsv" "$TMP/rel.jsonl" <<'PY' || fail "the relations are not the cases'"
import json, sys
cases = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
found = {}
problems = []
for line in open(sys.argv[2]):
    r = json.loads(line)
    found.setdefault(r["doc"], []).append(r)
    data = open(r["doc"], "rb").read()
    if data[r["start"]:r["end"]].decode() != r["text"]:
        problems.append(f"{r['doc']}: text {r['text']!r} is not the bytes at {r['start']}..{r['end']}")
    if not r["sentence_start"] <= r["start"] < r["end"] <= r["sentence_end"]:
        problems.append(f"{r['doc']}: {r['start']}..{r['end']} outside its sentence")
    if r["kind"] not in ("role", "possessive") or r["negated"] is not False:
        problems.append(f"{r['doc']}: kind {r['kind']}, negated {r['negated']}")
for doc, want in cases:
    got = [(r["subject"]["label"], r["predicate"], r["object"]["label"], "former" if r["former"] else "")
           for r in found.get(doc, [])]
    if want.startswith("+ "):
        subject, predicate, obj, former = want[2:].split("|")
        if (subject, predicate, obj, former) not in got:
            problems.append(f"{open(doc).read().strip()!r}: want {subject} -{predicate}-> {obj} {former}, got {got}")
        if len(got) != 1:
            problems.append(f"{open(doc).read().strip()!r}: {len(got)} relations: {got}")
    elif got:
        problems.append(f"{open(doc).read().strip()!r} ({want[2:]}): none wanted, got {got}")
for p in problems:
    print(f"  {p}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY

# The seed-style articles: the roles they state.
expect_status 0 "$ENTGRAPH" relations -o "$TMP/data.jsonl" "$DATA/no-azure-vigil.txt" "$DATA/unit-8200-azure.txt" \
	"$EG_SRCDIR/corpus"
"$PYTHON" - "$TMP/data.jsonl" <<'PY' || fail "the seed-style articles lack their roles"
import json, sys
got = {(r["subject"]["label"], r["predicate"], r["object"]["label"], r["former"]) for r in map(json.loads, open(sys.argv[1]))}
want = {("Abdo Mohamed", "employee of", "Microsoft", True), ("Brad Smith", "president of", "Microsoft", False),
        ("Unit 8200", "unit of", "Israel Defense Forces", False),
        ("Satya Nadella", "chief executive of", "Microsoft", False),
        ("Unit 8200", "arm of", "Israel Defense Forces", False)}
missing = want - got
if missing:
    sys.exit(f"  missing {sorted(missing)} among {sorted(got)}")
PY
finish
