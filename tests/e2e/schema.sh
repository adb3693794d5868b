#!/bin/sh
# GraphML from corpus/ (every window) is valid against the GraphML schema,
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
# Gephi's importer: undirected default, keys declared for node or edge,
# never a label attribute on <edge>.
grep -q 'edgedefault="undirected"' "$TMP/sentence.graphml" || fail "edgedefault is not undirected"
grep -q 'for="all"' "$TMP/sentence.graphml" && fail "a key uses for=\"all\""
grep -q '<edge [^>]*label=' "$TMP/sentence.graphml" && fail "an edge has a label attribute"
finish
