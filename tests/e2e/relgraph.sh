#!/bin/sh
# Relations in the graph (issue 18): every co-occurrence link carries its
# predicates (most instances first), and --relations adds one directed link
# per subject -> object, link_kind "relation", beside the undirected
# "cooccurrence" links: a mixed graph that the GraphML and GEXF schemas
# accept and graphology reads as one; the JSON lists them apart, the CSV
# marks them Directed.  The same bytes for -j 1 and -j 2, a cold and a warm
# cache, and shards merged in any order; diff leaves relation links out.
. "$(dirname "$0")/lib.sh"
cd "$EG_SRCDIR" || exit 1

IN="corpus tests/data/azure-relations.txt tests/data/no-azure-vigil.txt"
# shellcheck disable=SC2086
"$ENTGRAPH" extract --quiet -o "$TMP/plain.graphml" $IN || fail "extract failed"
# shellcheck disable=SC2086
"$ENTGRAPH" extract --quiet --relations -o "$TMP/a.graphml" $IN || fail "extract --relations failed"
grep -q 'directed="true"' "$TMP/plain.graphml" && fail "a relation link without --relations"
grep -q 'edge_link_kind' "$TMP/plain.graphml" && ! grep -q '<key id="edge_link_kind"' "$TMP/plain.graphml" &&
	fail "link_kind data without --relations"

# The predicates of the links, and the relation links, as networkx-free
# Python reads them (networkx refuses a mixed GraphML).
"$PYTHON" - "$TMP/plain.graphml" "$TMP/a.graphml" <<'PY' || fail "the predicates are wrong"
import sys
import xml.etree.ElementTree as ET
NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
def links(path):
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", NS)}
    out = []
    for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge"):
        data = {keys[d.get("key")]: d.text for d in e.findall("g:data", NS)}
        out.append((e.get("source"), e.get("target"), e.get("directed") == "true", data))
    return out
problems = []
plain = links(sys.argv[1])
pred = {(s, t): d.get("predicates") for s, t, _, d in plain}
want = {("product.azure", "unit.unit_8200"): "use (2) | store in (1)",
        ("org.microsoft", "person.satya_nadella"): "chief executive of (2) | CEO of (1)",
        ("org.microsoft", "person.abdo_mohamed"): "former employee of (2)",
        ("org.microsoft", "unit.unit_8200"): None}
for pair, value in want.items():
    if pair not in pred:
        problems.append(f"no link {pair}")
    elif value is not None and pred[pair] != value:
        problems.append(f"{pair}: predicates {pred[pair]!r}, want {value!r}")
if any(d.get("link_kind") for _, _, _, d in plain):
    problems.append("link_kind without --relations")
mixed = links(sys.argv[2])
co = [l for l in mixed if not l[2]]
rel = [l for l in mixed if l[2]]
if len(co) != len(plain):
    problems.append(f"{len(co)} co-occurrence links with --relations, {len(plain)} without")
if any(d.get("link_kind") != "cooccurrence" for _, _, _, d in co):
    problems.append("a co-occurrence link without link_kind cooccurrence")
if any(d.get("link_kind") != "relation" or not d.get("predicate") or float(d["weight"]) < 1 for _, _, _, d in rel):
    problems.append("a relation link without link_kind relation, a predicate or a weight")
byends = {(s, t): d for s, t, _, d in rel}
for (s, t), (p, ps) in {("unit.unit_8200", "product.azure"): ("use", "use (2) | store in (1)"),
                        ("person.satya_nadella", "org.microsoft"): ("chief executive of", None),
                        ("person.abdo_mohamed", "org.microsoft"): ("former employee of", None),
                        ("org.no_azure_for_apartheid", "org.microsoft"): ("demand", None),
                        ("org.microsoft", "unit.unit_8200"): ("not be involved in", None)}.items():
    d = byends.get((s, t))
    if not d or d["predicate"] != p or (ps and d["predicates"] != ps):
        problems.append(f"relation {s} -> {t}: {d}, want {p}")
d = byends.get(("unit.unit_8200", "product.azure"), {})
if d.get("evidence") != "tests/data/azure-relations.txt" or "Unit 8200 used Microsoft's Azure cloud" not in (d.get("snippet") or ""):
    problems.append(f"the relation Unit 8200 -> Azure lacks its evidence: {d}")
if ("product.azure", "unit.unit_8200") in byends:
    problems.append("a relation turned round: Azure -> Unit 8200")
for p in problems:
    print("  " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

# Schemas, and graphology's mixed graph.
if [ -f "$EG_SHARED/eval/xsd/graphml/graphml.xsd" ]; then
	xmllint --noout --nonet --schema "$EG_SHARED/eval/xsd/graphml/graphml.xsd" "$TMP/a.graphml" 2>"$TMP/xmllint" ||
		fail "not valid GraphML: $(head -3 "$TMP/xmllint")"
	# shellcheck disable=SC2086
	"$ENTGRAPH" extract --quiet --relations -f gexf -o "$TMP/a.gexf" $IN || fail "gexf failed"
	xmllint --noout --nonet --relaxng "$EG_SHARED/eval/xsd/gexf/rng/gexf.rng" "$TMP/a.gexf" 2>"$TMP/xmllint" ||
		fail "not valid GEXF: $(head -3 "$TMP/xmllint")"
else
	echo "note: $EG_SHARED/eval/xsd missing (EG_SHARED names ../shared); schemas not checked" >&2
	[ "${CI:-}" = true ] && fail "no schemas in CI"
fi
modules=$EG_SRCDIR/npm/node_modules
[ -d "$modules/graphology-gexf" ] || missing "the npm packages in npm/"
relations=$(grep -c 'directed="true"' "$TMP/a.graphml")
[ "$relations" -gt 10 ] || fail "only $relations relation links"
for format in graphml gexf; do
	[ -f "$TMP/a.$format" ] || continue
	NODE_PATH=$modules node -e '
const fs = require("fs"), Graph = require("graphology");
const parser = process.argv[1] === "gexf" ? require("graphology-gexf") : require("graphology-graphml");
const g = parser.parse(Graph, fs.readFileSync(process.argv[2], "utf8"));
let d = 0, bad = 0;
g.forEachEdge((e, a, s, t, sa, ta, undirected) => {
  if (!undirected) d++;
  if ((a.link_kind === "relation") === undirected) bad++;
});
if (g.type !== "mixed" || d !== Number(process.argv[3]) || bad) {
  console.error(`${g.type} graph, ${d} directed links, ${bad} of the wrong kind`);
  process.exit(1);
}' "$format" "$TMP/a.$format" "$relations" 2>"$TMP/gl" || fail "graphology, $format: $(cat "$TMP/gl")"
done

# JSON and CSV.
# shellcheck disable=SC2086
"$ENTGRAPH" extract --quiet --relations -f json -o "$TMP/a.json" $IN || fail "json failed"
"$PYTHON" - "$TMP/a.json" "$relations" <<'PY' || fail "the JSON's relations"
import json, sys
g = json.load(open(sys.argv[1]))
rel = g["relations"]
assert len(rel) == int(sys.argv[2]), (len(rel), sys.argv[2])
for r in rel:
    assert r["instances"] == sum(p["instances"] for p in r["predicates"]), r
    assert [p["instances"] for p in r["predicates"]] == sorted((p["instances"] for p in r["predicates"]), reverse=True), r
PY
# shellcheck disable=SC2086
"$ENTGRAPH" extract --quiet --relations -f csv -o "$TMP/a" $IN || fail "csv failed"
[ "$(grep -c ',Directed,' "$TMP/a.edges.csv")" -eq "$relations" ] || fail "the CSV's directed rows"

# The same bytes however made.
# shellcheck disable=SC2086
"$ENTGRAPH" extract --quiet --relations -j 2 -o "$TMP/j2.graphml" $IN || fail "-j 2 failed"
cmp -s "$TMP/a.graphml" "$TMP/j2.graphml" || fail "-j 2 wrote other bytes"
for run in cold warm; do
	# shellcheck disable=SC2086
	"$ENTGRAPH" extract --quiet --relations --cache "$TMP/c.db" -o "$TMP/$run.graphml" $IN || fail "cache ($run) failed"
	cmp -s "$TMP/a.graphml" "$TMP/$run.graphml" || fail "a $run cache wrote other bytes"
done
# mentions cached, counts not: the relations from the cached mentions
# shellcheck disable=SC2086
"$ENTGRAPH" extract --quiet --relations --cache "$TMP/c.db" --evidence 4 -o "$TMP/mentions.graphml" $IN ||
	fail "cache (mentions only) failed"
# shellcheck disable=SC2086
"$ENTGRAPH" extract --quiet --relations --evidence 4 -o "$TMP/e4.graphml" $IN || fail "--evidence 4 failed"
cmp -s "$TMP/e4.graphml" "$TMP/mentions.graphml" || fail "relations from cached mentions differ"
for i in 1 2 3; do
	# shellcheck disable=SC2086
	"$ENTGRAPH" extract --quiet --shard $i/3 --partial "$TMP/p$i.part" $IN || fail "shard $i failed"
done
expect_status 0 "$ENTGRAPH" merge --quiet --relations -o "$TMP/m.graphml" "$TMP/p3.part" "$TMP/p1.part" "$TMP/p2.part"
cmp -s "$TMP/a.graphml" "$TMP/m.graphml" || fail "merged shards wrote other bytes: $(diff "$TMP/a.graphml" "$TMP/m.graphml" | head -5)"

# diff compares the co-occurrence links only.
expect_status 0 "$ENTGRAPH" diff "$TMP/plain.graphml" "$TMP/a.graphml"
finish
