#!/bin/sh
# The brief's example: an article about Unit 8200's use of Azure, with
# paragraph windows, gives the expected nodes and edges, valid GraphML.
. "$(dirname "$0")/lib.sh"

article=$DATA/unit-8200-azure.txt
expect_status 0 "$ENTGRAPH" extract -w paragraph -o "$TMP/a.graphml" "$article"

$PYTHON "$EG_SRCDIR/tests/graphml_dump.py" networkx "$TMP/a.graphml" >"$TMP/dump" ||
	fail "networkx could not read the graph"

for node in "Microsoft ORG" "Azure PRODUCT" "Unit 8200 UNIT" "The Guardian ORG" "+972 Magazine ORG" "Local Call ORG"; do
	grep -q "^node $node " "$TMP/dump" || fail "no node $node"
done
# Edge weights with paragraph windows, counted by hand from the article:
# Azure and Microsoft share paragraphs 3 and 5; Azure and Unit 8200 share
# 2, 3 and 5; Unit 8200 and The Guardian share 2 and 4.
for edge in "Azure -- Microsoft weight=2 documents=1" \
	"Azure -- Unit 8200 weight=3 documents=1" \
	"The Guardian -- Unit 8200 weight=2 documents=1" \
	"+972 Magazine -- Local Call weight=1 documents=1"; do
	grep -qxF "edge $edge" "$TMP/dump" || fail "no edge $edge"
done
# Unit 8200 is named five times in the body; Microsoft three times, once in
# the headline.
grep -q "^node Unit 8200 UNIT mentions=5 documents=1$" "$TMP/dump" || fail "Unit 8200 should have 5 mentions"
grep -q "^node Microsoft ORG mentions=3 documents=1$" "$TMP/dump" || fail "Microsoft should have 3 mentions"

if [ -d "$EG_SHARED/eval/xsd/graphml" ]; then
	xmllint --noout --nonet --schema "$EG_SHARED/eval/xsd/graphml/graphml.xsd" "$TMP/a.graphml" 2>"$TMP/xmllint" ||
		fail "not valid against the GraphML schema: $(cat "$TMP/xmllint")"
else
	echo "note: $EG_SHARED/eval not found, schema check left to tests/e2e/schema.sh" >&2
fi
finish
