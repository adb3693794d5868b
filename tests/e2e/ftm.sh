#!/bin/sh
# FollowTheMoney export (-f ftm; issue 18, must-show 4): the entities of
# corpus/ validate against the FtM schema of ../shared/eval/ftm/ (every
# schema known and concrete, every property defined for it, required ones
# present, every reference resolving to an entity of the file of the right
# schema: tests/ftm_validate.py), with the schemas a reader expects; a batch
# with URLs and outlets validates too, gives the same bytes for -j 1, -j 2
# and a merge of shards, and links only to http(s) URLs; the validator
# refuses planted faults.
. "$(dirname "$0")/lib.sh"
need_shared
schemas=$EG_SHARED/eval/ftm/schema
validate() {
	"$PYTHON" "$EG_SRCDIR/tests/ftm_validate.py" "$schemas" "$1" >"$TMP/validate" 2>&1
}

expect_status 0 "$ENTGRAPH" extract -f ftm -o "$TMP/corpus.ftm" "$EG_SRCDIR/corpus"
validate "$TMP/corpus.ftm" || fail "corpus/'s FtM entities do not validate: $(head -5 "$TMP/validate")"
"$PYTHON" - "$TMP/corpus.ftm" <<'PY' || fail "corpus/'s FtM entities are not what they should be"
import json, sys
entities = [json.loads(l) for l in open(sys.argv[1])]
by_id = {e["id"]: e for e in entities}
problems = []
def want(ok, message):
    if not ok:
        problems.append(message)
for id_, schema in [("unit.unit_8200", "PublicBody"), ("org.microsoft", "Company"), ("person.satya_nadella", "Person"),
                    ("product.azure", "Asset"), ("place.gaza", "Address"), ("org.amnesty_international", "Organization")]:
    want(id_ in by_id and by_id[id_]["schema"] == schema, f"{id_} is {by_id.get(id_, {}).get('schema')}, not {schema}")
ms = by_id.get("org.microsoft", {}).get("properties", {})
want(ms.get("name") == ["Microsoft"], f"Microsoft's name: {ms.get('name')}")
want(by_id.get("person.satya_nadella", {}).get("properties", {}).get("alias") == ["Nadella"], "Satya Nadella's alias is not Nadella")
want(by_id.get("place.gaza", {}).get("properties", {}).get("full") == ["Gaza"], "Gaza has no full address")
articles = [e for e in entities if e["schema"] == "Article"]
names = sorted(a["properties"]["fileName"][0].rsplit("/", 1)[-1] for a in articles)
want(len(names) == 6 and names[0] == "2021-07-18-pegasus-project.txt", f"the Articles are {names}, not corpus/'s 6 files")
link = by_id.get("link.product.azure--unit.unit_8200", {})
want(link.get("schema") == "UnknownLink", "no UnknownLink between Azure and Unit 8200")
p = link.get("properties", {})
want(p.get("subject") == ["product.azure"] and p.get("object") == ["unit.unit_8200"], f"the link's ends: {p}")
want(any("Unit 8200 was storing" in d for d in p.get("description", [])), f"the link's evidence: {p.get('description')}")
mentions = [e for e in entities if e["schema"] == "Mention"]
unit = [m for m in mentions if m["properties"].get("resolved") == ["unit.unit_8200"]]
want(len(unit) == 3, f"{len(unit)} Mentions of Unit 8200, want one per document that names it (3)")
want(all(m["properties"]["document"][0] in by_id for m in unit), "a Mention's document is no entity")
want(not any("resolved" in m["properties"] for m in mentions if m["properties"]["detectedSchema"] == ["Address"]),
     "a place's Mention resolves to an Address, which FtM does not allow")
for p_ in problems:
    print(f"  {p_}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY

# The relations (entgraph relations) of the seed-style articles: roles in
# organisations as Employment or Membership, the rest as UnknownLink with
# the predicate as role; all valid.
expect_status 0 "$ENTGRAPH" extract -f ftm -o "$TMP/rel.ftm" "$EG_SRCDIR/corpus" "$DATA/azure-relations.txt" \
	"$DATA/no-azure-vigil.txt"
validate "$TMP/rel.ftm" || fail "the relations' FtM entities do not validate: $(head -5 "$TMP/validate")"
"$PYTHON" - "$TMP/rel.ftm" <<'PY' || fail "the relations are not in the FtM entities"
import json, sys
got = set()
for e in map(json.loads, open(sys.argv[1])):
    if e["id"].startswith("relation."):
        p = e["properties"]
        ends = {"Employment": ("employee", "employer"), "Membership": ("member", "organization")}.get(
            e["schema"], ("subject", "object"))
        got.add((e["schema"], p[ends[0]][0], p["role"][0], p[ends[1]][0], p.get("status", [""])[0]))
        if not p.get("recordId") or not p.get("description"):
            sys.exit(f"  {e['id']} has no recordId or description: {p}")
want = {("Employment", "person.satya_nadella", "CEO", "org.microsoft", ""),
        ("Employment", "person.abdo_mohamed", "employee", "org.microsoft", "former"),
        ("Membership", "unit.unit_8200", "unit", "org.israel_defense_forces", ""),
        ("UnknownLink", "unit.unit_8200", "use", "product.azure", ""),
        ("UnknownLink", "org.microsoft", "not be involved in", "unit.unit_8200", ""),
        ("UnknownLink", "org.no_azure_for_apartheid", "demand", "org.microsoft", "")}
missing = want - got
if missing:
    sys.exit(f"  missing {sorted(missing)}")
PY

# A batch with metadata: URLs (one a javascript: URL), outlets, titles.
"$PYTHON" - "$TMP" <<'PY' || fail "cannot write the batch"
import json, sys
tmp = sys.argv[1]
with open(tmp + "/batch.jsonl", "w") as f:
    for i, text in enumerate(["Microsoft and Azure grew.", "Unit 8200 used Azure, Microsoft said.",
                              "Satya Nadella of Microsoft spoke in Redmond.", "Nothing named here."]):
        f.write(json.dumps({"id": f"art-{i}", "text": text, "date": f"2024-05-0{i + 1}", "source": "The Wire",
                            "title": f"Story {i} <b>", "url": ["https://news.example/%d" % i, "javascript:alert(1)"][i % 2]}) + "\n")
PY
expect_status 0 "$ENTGRAPH" extract -f ftm -o "$TMP/b1.ftm" "$TMP/batch.jsonl"
validate "$TMP/b1.ftm" || fail "the batch's FtM entities do not validate: $(head -5 "$TMP/validate")"
expect_status 0 "$ENTGRAPH" extract -f ftm -j 2 -o "$TMP/b2.ftm" "$TMP/batch.jsonl"
cmp -s "$TMP/b1.ftm" "$TMP/b2.ftm" || fail "-j 2 wrote other FtM bytes"
for s in 1 2; do
	expect_status 0 "$ENTGRAPH" extract --shard $s/2 --partial "$TMP/s$s.egp" "$TMP/batch.jsonl"
done
expect_status 0 "$ENTGRAPH" merge -f ftm -o "$TMP/merged.ftm" "$TMP/s2.egp" "$TMP/s1.egp"
cmp -s "$TMP/b1.ftm" "$TMP/merged.ftm" || fail "a merge of shards wrote other FtM bytes"
grep -q 'javascript:' "$TMP/b1.ftm" && fail "a javascript: URL is in the FtM file"
grep -q '"publisher":\["The Wire"\]' "$TMP/b1.ftm" || fail "the Articles have no publisher"
grep -q '"sourceUrl":\["https://news.example/0"\]' "$TMP/b1.ftm" || fail "the Articles have no sourceUrl"

# The validator can fail: each planted fault is found.
"$PYTHON" - "$TMP/corpus.ftm" "$TMP" <<'PY' || fail "cannot plant the faults"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
def plant(name, change):
    copy = json.loads(json.dumps(lines))
    change(copy)
    with open(f"{sys.argv[2]}/fault-{name}.ftm", "w") as f:
        for e in copy:
            f.write(json.dumps(e) + "\n")
plant("property", lambda c: c[0]["properties"].__setitem__("colour", ["red"]))
plant("reference", lambda c: next(e for e in c if e["schema"] == "UnknownLink")["properties"].__setitem__("object", ["nobody"]))
plant("abstract", lambda c: c[0].__setitem__("schema", "Thing"))
plant("required", lambda c: c[0]["properties"].pop("name"))
plant("range", lambda c: next(e for e in c if e["schema"] == "Mention")["properties"].__setitem__("resolved", ["place.gaza"]))
plant("duplicate", lambda c: c.append(c[0]))
PY
for fault in property reference abstract required range duplicate; do
	validate "$TMP/fault-$fault.ftm" && fail "the validator passes a planted fault ($fault)"
done
finish
