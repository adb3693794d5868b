#!/bin/sh
# entgraph relations (issue 18): each kind (role, possessive, verb phrase,
# agent) found where a sentence states it, with its direction, `former` and
# `negated`, a passive turned round, and nothing where the sentence relates
# no two names (negative cases); every line valid JSON whose
# text is the document's bytes at [start, end) within its sentence; the
# same lines for -j 1 and -j 2; and on the seed-style articles of
# tests/data, the roles they state.
. "$(dirname "$0")/lib.sh"

printf 'Abdo Mohamed\tPERSON\nYossi Sariel\tPERSON\nBrad Smith\tPERSON\nSatya Nadella\tPERSON\nMichael Durante\tPERSON\nTareq Aziz\tPERSON\nMonica Seles\tPERSON\nHenrik Ibsen\tPERSON\nNatalie Cole\tPERSON\nBruce Springsteen\tPERSON\nAndrew Perchlik\tPERSON\nMelvil Dewey\tPERSON\nRauf Denktash\tPERSON\n' \
	>"$TMP/people.tsv"
# One case a file: the relations it must yield, each "KIND|SUBJECT|
# PREDICATE|OBJECT|FLAGS" (FLAGS former, negated), and no others; a case
# with none is a negative one.
"$PYTHON" - "$TMP" <<'PY' || fail "cannot write the cases"
import json, os, sys
R, P, V, A = "role", "possessive", "verb", "agent"
cases = [
    # roles
    ("Satya Nadella, CEO of Microsoft, spoke on Monday.", [(R, "Satya Nadella", "CEO of", "Microsoft", "")]),
    ("Abdo Mohamed, a former Microsoft employee, said the company ignored warnings.",
     [(R, "Abdo Mohamed", "employee of", "Microsoft", "former")]),
    ("The review followed a meeting with Microsoft chief executive Satya Nadella last year.",
     [(R, "Satya Nadella", "chief executive of", "Microsoft", "")]),
    ("Microsoft's president, Brad Smith, later wrote to staff.", [(R, "Brad Smith", "president of", "Microsoft", "")]),
    ("Unit 8200, an intelligence unit of the Israel Defense Forces, kept the recordings.",
     [(R, "Unit 8200", "unit of", "Israel Defense Forces", "")]),
    ("Yossi Sariel, the then commander of Unit 8200, met executives.",
     [(R, "Yossi Sariel", "commander of", "Unit 8200", "former")]),
    ("Michael Durante, analyst at Microsoft, said sales rose.", [(R, "Michael Durante", "analyst at", "Microsoft", "")]),
    ("Iraq's Deputy Prime Minister Tareq Aziz arrived.", [(R, "Tareq Aziz", "deputy prime minister of", "Iraq", "")]),
    ("Satya Nadella, who praised Microsoft, left early.", [(V, "Satya Nadella", "praise", "Microsoft", "")]),
    ("Satya Nadella met the CEO of Microsoft in Redmond.", []),
    ("In Gaza, a Microsoft employee protested outside.", []),
    ("They met Satya Nadella. CEO of Microsoft is a hard job.", []),
    # possessives
    ("Israel's Unit 8200 kept the recordings.", [(P, "Israel", "'s", "Unit 8200", "")]),
    ("Unit 8200 of the Israel Defense Forces kept the recordings.", [(P, "Israel Defense Forces", "'s", "Unit 8200", "")]),
    ("The files sat on Microsoft's Azure in Europe.", [(P, "Microsoft", "'s", "Azure", "")]),
    ("Israel's army and Unit 8200 worked together.", []),
    ("The Microsoft of Redmond grew.", []),
    # verb phrases: direction, passive, negation, prepositions, coordination
    ("Unit 8200 used Microsoft's Azure cloud to store intercepted calls.",
     [(V, "Unit 8200", "use", "Azure", ""), (P, "Microsoft", "'s", "Azure", "")]),
    ("Azure was used by Unit 8200.", [(V, "Unit 8200", "use", "Azure", "")]),
    ("Unit 8200 stores millions of calls in Azure.", [(V, "Unit 8200", "store in", "Azure", "")]),
    ("Unit 8200 is based in Tel Aviv.", [(V, "Unit 8200", "be based in", "Tel Aviv", "")]),
    ("Microsoft did not supply Unit 8200.", [(V, "Microsoft", "supply", "Unit 8200", "negated")]),
    ("The Israel Defense Forces said Microsoft is not involved in Unit 8200's work.",
     [(V, "Israel Defense Forces", "say", "Microsoft", ""), (V, "Microsoft", "be involved in", "Unit 8200", "negated")]),
    ("No Azure for Apartheid demanded that Microsoft cut ties with the army.",
     [(V, "No Azure for Apartheid", "demand", "Microsoft", "")]),
    ("Microsoft partnered with OpenAI.", [(V, "Microsoft", "partner with", "OpenAI", "")]),
    ("Microsoft, which owns LinkedIn, grew.", [(V, "Microsoft", "own", "LinkedIn", "")]),
    ("Apple filed a lawsuit against NSO Group.", [(V, "Apple", "file lawsuit against", "NSO Group", "")]),
    ("The Guardian, +972 Magazine and Local Call reported that Unit 8200 kept the calls.",
     [(V, "The Guardian", "report", "Unit 8200", ""), (V, "+972 Magazine", "report", "Unit 8200", ""),
      (V, "Local Call", "report", "Unit 8200", "")]),
    ("Microsoft said on Friday that an outside review had found no evidence that its Azure platform was used to harm civilians.", []),
    ("Reports from Israel said Microsoft had left.", []),
    ("Israel forces in Gaza fired.", []),
    ("Microsoft shares rose in London.", []),
    ("Microsoft employees protested against Unit 8200.", []),
    ("Monica Seles became a naturalised U.S. citizen.", []),
    ("Satya Nadella and Microsoft announced a review.", []),
    ("Microsoft, Google and Amazon bid for the contract.", []),
    # agents of nominalisations
    ("An investigation by The Guardian into Microsoft found the files.", [(A, "The Guardian", "investigate", "Microsoft", "")]),
    ("The Guardian's investigation of Microsoft found files.", [(A, "The Guardian", "investigate", "Microsoft", "")]),
    ("A review of Azure by Microsoft found no evidence.", [(A, "Microsoft", "review", "Azure", "")]),
    ("An investigation by The Guardian found that Microsoft kept files.", []),
    # names that modify a noun, and a subject after "by"
    ("A play by Henrik Ibsen premiered in Norway.", []),
    ("Natalie Cole covered the Bruce Springsteen song.", []),
    ("Melvil Dewey founded the USA's first library school.", []),
    ("Andrew Perchlik, a member of the Vermont Senate, spoke.", []),
    ("Andrew Perchlik, a member of the Vermont legislature, spoke.", []),
    ("China's Japan policy changed.", []),
    ("Satya Nadella, the disgraced former CEO of Microsoft, left.", [(R, "Satya Nadella", "CEO of", "Microsoft", "former")]),
    ("Rauf Denktash, supported by Ankara, refused.", [(V, "Ankara", "support", "Rauf Denktash", "")]),
    ("The United States imposed sanctions on Iran.", [(V, "United States", "impose sanctions on", "Iran", "")]),
    ("An investigation by The Guardian was published on Monday in London.", []),
]
os.makedirs(sys.argv[1] + "/cases")
with open(sys.argv[1] + "/cases.jsonl", "w") as f:
    for i, (text, want) in enumerate(cases):
        name = f"{sys.argv[1]}/cases/{i:02d}.txt"
        with open(name, "w") as g:
            g.write(text + "\n")
        f.write(json.dumps([name, want]) + "\n")
PY
expect_status 0 "$ENTGRAPH" relations -d "$TMP/people.tsv" -o "$TMP/rel.jsonl" "$TMP/cases"
expect_status 0 "$ENTGRAPH" relations -d "$TMP/people.tsv" -j 2 -o "$TMP/rel2.jsonl" "$TMP/cases"
cmp -s "$TMP/rel.jsonl" "$TMP/rel2.jsonl" || fail "-j 2 wrote other relations"
"$PYTHON" - "$TMP/cases.jsonl" "$TMP/rel.jsonl" <<'PY' || fail "the relations are not the cases'"
import json, sys
cases = [json.loads(l) for l in open(sys.argv[1])]
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
    if r["kind"] not in ("role", "possessive", "verb", "agent"):
        problems.append(f"{r['doc']}: kind {r['kind']}")
for doc, want in cases:
    got = sorted((r["kind"], r["subject"]["label"], r["predicate"], r["object"]["label"],
                  " ".join(f for f in ("former", "negated") if r[f])) for r in found.get(doc, []))
    want = sorted(tuple(w) for w in want)
    if got != want:
        problems.append(f"{open(doc).read().strip()!r}:\n      want {want}\n      got  {got}")
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
# An article in the style of the seed (tests/data/azure-relations.txt):
# exactly the relations its sentences state, no pair they do not relate.
expect_status 0 "$ENTGRAPH" relations -o "$TMP/seed.jsonl" "$DATA/azure-relations.txt"
"$PYTHON" - "$TMP/seed.jsonl" <<'PY' || fail "the seed-style article's relations"
import json, sys
got = sorted((r["kind"], r["subject"]["label"], r["predicate"], r["object"]["label"],
              " ".join(f for f in ("former", "negated") if r[f])) for r in map(json.loads, open(sys.argv[1])))
want = sorted([
    ("verb", "Unit 8200", "use", "Azure", ""),
    ("possessive", "Microsoft", "'s", "Azure", ""),
    ("verb", "Unit 8200", "store in", "Azure", ""),
    ("verb", "Unit 8200", "use", "Azure", ""),
    ("role", "Satya Nadella", "chief executive of", "Microsoft", ""),
    ("verb", "Satya Nadella", "meet", "Yossi Sariel", ""),
    ("role", "Yossi Sariel", "commander of", "Unit 8200", ""),
    ("role", "Satya Nadella", "CEO of", "Microsoft", ""),
    ("role", "Abdo Mohamed", "employee of", "Microsoft", "former"),
    ("verb", "No Azure for Apartheid", "demand", "Microsoft", ""),
    ("verb", "Israel Defense Forces", "say", "Microsoft", ""),
    ("verb", "Microsoft", "be involved in", "Unit 8200", "negated"),
])
if got != want:
    sys.exit("  want " + repr(want) + "\n  got  " + repr(got))
PY
finish
