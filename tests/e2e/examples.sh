#!/bin/sh
# The nightly example: two runs on one day over a corpus that grows between
# them write the dated graph and the latest link, and the second graph is
# what a plain extract of the grown corpus from the first night's picture
# (--previous) gives.
. "$(dirname "$0")/lib.sh"
cd "$EG_SRCDIR" || exit 1

cp -r corpus "$TMP/articles" || fail "could not copy corpus/"
mv "$TMP/articles/2025-09-25-microsoft-cuts-off-unit-8200.txt" "$TMP/later.txt"
ENTGRAPH=$ENTGRAPH examples/nightly/entgraph-nightly.sh "$TMP/articles" "$TMP/graphs" -w paragraph 2>"$TMP/err1" ||
	fail "the first nightly run failed: $(cat "$TMP/err1")"
day=$(date +%Y-%m-%d)
[ -s "$TMP/graphs/graph-$day.graphml" ] || fail "no dated graph"
[ "$(readlink "$TMP/graphs/latest.graphml")" = "graph-$day.graphml" ] || fail "latest.graphml does not point at today's graph"
cp "$TMP/graphs/graph-$day.graphml" "$TMP/first.graphml"
mv "$TMP/later.txt" "$TMP/articles/"
ENTGRAPH=$ENTGRAPH examples/nightly/entgraph-nightly.sh "$TMP/articles" "$TMP/graphs" -w paragraph 2>"$TMP/err2" ||
	fail "the second nightly run failed: $(cat "$TMP/err2")"
# The cache keeps the first night's picture, as --previous would.
"$ENTGRAPH" extract -w paragraph --previous "$TMP/first.graphml" -o "$TMP/plain.graphml" "$TMP/articles" ||
	fail "extract failed"
cmp -s "$TMP/plain.graphml" "$TMP/graphs/latest.graphml" || fail "the nightly graph differs from a plain extract"
finish
