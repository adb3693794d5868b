#!/bin/sh
# Issue 3's example: an article with a Title Case headline, an acronym
# defined in the text, a surname after the full name and a person no
# dictionary lists.  Read back with networkx, the graph has one node for
# "IDF" and "Israel Defence Forces", one for "Satya Nadella" and "Nadella",
# none for the headline, and Abdo Mohamed as a person.
. "$(dirname "$0")/lib.sh"

article=$DATA/no-azure-vigil.txt
expect_status 0 "$ENTGRAPH" extract -o "$TMP/v.graphml" "$article"
$PYTHON "$EG_SRCDIR/tests/graphml_dump.py" networkx "$TMP/v.graphml" >"$TMP/dump" ||
	fail "networkx could not read the graph"

# node LINE: the dump has this node line (label, type, mentions, documents).
node() {
	grep -qxF "node $1" "$TMP/dump" || fail "no node \"$1\" (nodes: $(grep '^node' "$TMP/dump" | tr '\n' ';'))"
}
# IDF twice and the full name once; Nadella alone once and in full once.
node "Israel Defense Forces ORG mentions=3 documents=1"
node "Satya Nadella PERSON mentions=2 documents=1"
node "Abdo Mohamed PERSON mentions=1 documents=1"
node "Unit 8200 UNIT mentions=2 documents=1"
node "No Azure for Apartheid ORG mentions=1 documents=1"
node "Azure PRODUCT mentions=2 documents=1"
# Microsoft is named four times, once in the headline.
node "Microsoft ORG mentions=4 documents=1"

for bad in "IDF" "Nadella" "Israel Defence Forces"; do
	if grep -q "^node $bad [A-Z]* " "$TMP/dump"; then
		fail "a node of its own for \"$bad\""
	fi
done
# No node holds the headline's words around the names it contains.
if grep -E '^node .*(Under|Fire|Alleged|Cloud|Role|Conflicts)' "$TMP/dump" >"$TMP/junk"; then
	fail "a headline node: $(cat "$TMP/junk")"
fi
grep -qxF "edge Israel Defense Forces -- Unit 8200 weight=1 documents=1" "$TMP/dump" ||
	fail "no edge between the IDF and Unit 8200"

# The mentions mark the surname's fold onto the full name as an alias.
expect_status 0 "$ENTGRAPH" mentions --quiet "$article"
grep -q '"text":"Nadella".*"source":"alias"' "$TMP/out" || fail "Nadella is not marked as an alias"
finish
