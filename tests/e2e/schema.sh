#!/bin/sh
# GraphML and GEXF from corpus/ (every window, and weighted and filtered)
# are valid against the GraphML schema and the GEXF 1.3 RELAX NG schema,
# and byte-identical from one run to the next.
. "$(dirname "$0")/lib.sh"
need_shared

for w in sentence paragraph document 12; do
	expect_status 0 "$ENTGRAPH" extract -w "$w" -o "$TMP/$w.graphml" "$EG_SRCDIR/corpus"
	xmllint --noout --nonet --schema "$EG_SHARED/eval/xsd/graphml/graphml.xsd" "$TMP/$w.graphml" 2>"$TMP/xmllint" ||
		fail "window $w: not valid GraphML: $(head -5 "$TMP/xmllint")"
	"$ENTGRAPH" extract -w "$w" "$EG_SRCDIR/corpus" >"$TMP/$w.again" 2>/dev/null
	cmp -s "$TMP/$w.graphml" "$TMP/$w.again" || fail "window $w: a second run differs"
done
for args in "-w sentence" "-w paragraph --weight npmi --top 20" "-w document --backbone 0.3 --largest-component"; do
	# shellcheck disable=SC2086
	expect_status 0 "$ENTGRAPH" extract $args -f gexf -o "$TMP/g.gexf" "$EG_SRCDIR/corpus"
	xmllint --noout --nonet --relaxng "$EG_SHARED/eval/xsd/gexf/rng/gexf.rng" "$TMP/g.gexf" 2>"$TMP/xmllint" ||
		fail "$args: not valid GEXF 1.3: $(head -5 "$TMP/xmllint")"
	# shellcheck disable=SC2086
	"$ENTGRAPH" extract $args -f gexf "$EG_SRCDIR/corpus" >"$TMP/g.again" 2>/dev/null
	cmp -s "$TMP/g.gexf" "$TMP/g.again" || fail "$args: a second GEXF run differs"
	# shellcheck disable=SC2086
	expect_status 0 "$ENTGRAPH" extract $args -o "$TMP/g.graphml" "$EG_SRCDIR/corpus"
	xmllint --noout --nonet --schema "$EG_SHARED/eval/xsd/graphml/graphml.xsd" "$TMP/g.graphml" 2>"$TMP/xmllint" ||
		fail "$args: not valid GraphML: $(head -5 "$TMP/xmllint")"
done
# The corpus is dated (file names), so the GEXF is dynamic: nodes and edges
# start at their first date, and carry colour, size and position.
expect_status 0 "$ENTGRAPH" extract -w paragraph -f gexf -o "$TMP/d.gexf" "$EG_SRCDIR/corpus"
grep -q '<graph defaultedgetype="undirected" mode="dynamic" timeformat="date">' "$TMP/d.gexf" || fail "GEXF is not dynamic"
grep -q '<node id="org.microsoft" label="Microsoft" start="2025-04-04">' "$TMP/d.gexf" ||
	fail "Microsoft does not start at its first article's date"
[ "$(grep -c '<viz:color r=' "$TMP/d.gexf")" -eq "$(grep -c '<node ' "$TMP/d.gexf")" ] || fail "a node has no viz:color"
[ "$(grep -c '<viz:position x=' "$TMP/d.gexf")" -eq "$(grep -c '<node ' "$TMP/d.gexf")" ] || fail "a node has no viz:position"
# Undated text (standard input) gives a static graph.
"$ENTGRAPH" extract -f gexf <"$DATA/unit-8200-azure.txt" >"$TMP/s.gexf" || fail "GEXF from standard input failed"
grep -q 'mode="static"' "$TMP/s.gexf" || fail "undated GEXF is not static"
xmllint --noout --nonet --relaxng "$EG_SHARED/eval/xsd/gexf/rng/gexf.rng" "$TMP/s.gexf" 2>/dev/null || fail "static GEXF not valid"

# Gephi's importer: undirected default, keys declared for node or edge,
# never a label attribute on <edge>.
grep -q 'edgedefault="undirected"' "$TMP/sentence.graphml" || fail "edgedefault is not undirected"
grep -q 'for="all"' "$TMP/sentence.graphml" && fail "a key uses for=\"all\""
grep -q '<edge [^>]*label=' "$TMP/sentence.graphml" && fail "an edge has a label attribute"
finish
