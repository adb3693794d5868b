#!/bin/sh
# Time (issue 16): --since and --until keep the documents of their days,
# undated ones by --undated; --period month makes the GEXF dynamic, a spell
# and a weight per month, valid against the GEXF 1.3 schema and read by
# graphology, and the GraphML carries the per-month counts as lists; weeks
# run Monday to Sunday; a partial cannot have periods.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'EOF'
{"id": "j1", "date": "2025-01-05", "text": "Microsoft expanded Azure in Europe."}
{"id": "j2", "date": "2025-01-20", "text": "Microsoft said Azure revenue grew."}
{"id": "f1", "date": "2025-02-03", "text": "Microsoft cut Azure prices."}
{"id": "f2", "date": "2025-02-14", "text": "Google launched Gemini in Europe."}
{"id": "m1", "date": "2025-03-02", "text": "Google improved Gemini."}
{"id": "m2", "date": "2025-03-31", "text": "Google brought Gemini to schools. Microsoft invested in OpenAI."}
{"id": "u1", "text": "Microsoft and Google met."}
EOF
docs() { # the evidence documents of the graph $1, sorted
	$PYTHON -c '
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(" ".join(sorted({d for _, _, a in g.edges(data=True) for d in a.get("evidence", "").split(" | ") if d})))' "$1"
}
expect_status 0 "$ENTGRAPH" extract --since 2025-02-01 --until 2025-03-02 -o "$TMP/s.graphml" "$TMP/a.jsonl"
expect_stderr "entgraph: 4 documents outside 2025-02-01..2025-03-02 left out (1 without a date; --undated keep keeps those)"
[ "$(docs "$TMP/s.graphml")" = "f1 f2 m1" ] || fail "--since/--until kept: $(docs "$TMP/s.graphml")"
grep -q 'OpenAI' "$TMP/s.graphml" && fail "--until let a later document in"
expect_status 0 "$ENTGRAPH" extract --since 2025-03-01 --undated keep -o "$TMP/u.graphml" "$TMP/a.jsonl"
[ "$(docs "$TMP/u.graphml")" = "m1 m2 u1" ] || fail "--undated keep kept: $(docs "$TMP/u.graphml")"
expect_status 2 "$ENTGRAPH" extract --since 2025-02-30 "$TMP/a.jsonl"
expect_stderr "entgraph: extract: --since takes a day as YYYY-MM-DD, not \"2025-02-30\" (see 'entgraph extract --help')"

# Months: the dynamic GEXF.
expect_status 0 "$ENTGRAPH" extract --period month -f gexf -o "$TMP/m.gexf" "$TMP/a.jsonl"
grep -q '<graph defaultedgetype="undirected" mode="dynamic" timeformat="date">' "$TMP/m.gexf" || fail "the GEXF is not dynamic"
if [ -d "$EG_SHARED/eval/xsd/gexf/rng" ]; then
	xmllint --noout --nonet --relaxng "$EG_SHARED/eval/xsd/gexf/rng/gexf.rng" "$TMP/m.gexf" 2>"$TMP/xmllint" ||
		fail "the --period GEXF is not valid GEXF 1.3: $(head -3 "$TMP/xmllint")"
else
	echo "SKIP: $EG_SHARED/eval/xsd not found (set EG_SHARED): the GEXF not validated" >&2
fi
$PYTHON - "$TMP/m.gexf" <<'PY' || fail "the per-month values of the GEXF"
import sys
import xml.etree.ElementTree as ET

ns = {"g": "http://gexf.net/1.3"}
root = ET.parse(sys.argv[1]).getroot()
edges = {e.get("id"): e for e in root.iter("{http://gexf.net/1.3}edge")}
bad = []
e = edges.get("org.microsoft--product.azure")
weights = sorted((a.get("start"), a.get("end"), a.get("value")) for a in e.iter("{http://gexf.net/1.3}attvalue")
                 if a.get("for") == "weight")
if weights != [("2025-01-01", "2025-01-31", "2"), ("2025-02-01", "2025-02-28", "1")]:
    bad.append("Microsoft - Azure per month: %s" % weights)
spells = [(s.get("start"), s.get("end")) for s in e.iter("{http://gexf.net/1.3}spell")]
if spells != [("2025-01-01", "2025-01-31"), ("2025-02-01", "2025-02-28")]:
    bad.append("Microsoft - Azure spells: %s" % spells)
if e.get("weight") != "3":
    bad.append("the whole-run weight: %s" % e.get("weight"))
g = edges.get("org.google--product.gemini")
months = sorted((a.get("start"), a.get("value")) for a in g.iter("{http://gexf.net/1.3}attvalue") if a.get("for") == "weight")
if months != [("2025-02-01", "1"), ("2025-03-01", "2")]:
    bad.append("Google - Gemini per month: %s" % months)
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
PY
modules=$EG_SRCDIR/npm/node_modules
if [ -d "$modules/graphology-gexf" ] && command -v node >/dev/null 2>&1; then
	NODE_PATH=$modules node -e '
const fs = require("fs"), Graph = require("graphology"), gexf = require("graphology-gexf");
const g = gexf.parse(Graph, fs.readFileSync(process.argv[1], "utf8"));
process.stdout.write(`${g.order} nodes, ${g.size} edges, Microsoft in ${g.getNodeAttribute("org.microsoft", "documents")} documents\n`);' \
		"$TMP/m.gexf" >"$TMP/gl" 2>"$TMP/glerr" || fail "graphology could not read the --period GEXF: $(head -3 "$TMP/glerr")"
	grep -qxF '6 nodes, 8 edges, Microsoft in 5 documents' "$TMP/gl" || fail "graphology read: $(cat "$TMP/gl")"
else
	echo "graphology not installed in $modules (run scripts/install-deps): the GEXF not read with it" >&2
	[ "${CI:-}" = true ] && fail "graphology missing in CI"
fi

# The GraphML: per-month lists.
expect_status 0 "$ENTGRAPH" extract --period month -o "$TMP/m.graphml" "$TMP/a.jsonl"
$PYTHON - "$TMP/m.graphml" <<'PY' || fail "the per-month lists of the GraphML"
import sys
import networkx as nx

g = nx.read_graphml(sys.argv[1])
bad = []
if g.nodes["org.microsoft"].get("period_documents") != "2025-01-01=2 | 2025-02-01=1 | 2025-03-01=1":
    bad.append("Microsoft: %r" % g.nodes["org.microsoft"].get("period_documents"))
if g.edges["org.microsoft", "product.azure"].get("period_windows") != "2025-01-01=2 | 2025-02-01=1":
    bad.append("Microsoft - Azure: %r" % g.edges["org.microsoft", "product.azure"].get("period_windows"))
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
PY
# Names joined across documents are one entity in every period too.
printf '%s\n' '{"id": "n1", "date": "2025-01-09", "text": "Microsoft chief Satya Nadella spoke in Paris."}' \
	'{"id": "n2", "date": "2025-02-11", "text": "Nadella told investors in Paris that growth was strong."}' >"$TMP/n.jsonl"
expect_status 0 "$ENTGRAPH" extract --period month -o "$TMP/n.graphml" "$TMP/n.jsonl"
got=$($PYTHON -c 'import sys, networkx as nx; print(nx.read_graphml(sys.argv[1]).nodes["person.satya_nadella"].get("period_documents"))' "$TMP/n.graphml")
[ "$got" = "2025-01-01=1 | 2025-02-01=1" ] || fail "the joined Satya Nadella per month: $got"
grep -q 'person.nadella' "$TMP/n.graphml" && fail "a Nadella node beside Satya Nadella's"
# Without --period there are no such lists.
expect_status 0 "$ENTGRAPH" extract -o "$TMP/plain.graphml" "$TMP/a.jsonl"
grep -q 'period_' "$TMP/plain.graphml" && fail "a graph without --period has per-period keys"
# Weeks from Monday: 2025-01-05 is a Sunday, 2025-01-20 a Monday.
expect_status 0 "$ENTGRAPH" extract --period week -o "$TMP/w.graphml" "$TMP/a.jsonl"
grep -q '<data key="period_documents">2024-12-30=1 | 2025-01-20=1 | 2025-02-03=1 | 2025-03-31=1</data>' "$TMP/w.graphml" ||
	fail "weeks: $(grep period_documents "$TMP/w.graphml" | head -3)"
expect_status 2 "$ENTGRAPH" extract --period month --partial "$TMP/p.part" "$TMP/a.jsonl"
expect_stderr "entgraph: extract: --period needs the documents' dates, which a partial does not keep: not with --partial (see 'entgraph extract --help')"
expect_status 2 "$ENTGRAPH" extract --period year "$TMP/a.jsonl"
expect_stderr "entgraph: extract: --period: \"year\" is not a period (day, week or month) (see 'entgraph extract --help')"
finish
