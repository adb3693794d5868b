#!/bin/sh
# Threads change speed, never output: extract and mentions over 1,200
# generated articles (and corpus/) give the same bytes with 1, 2, 3 and 7
# worker threads, including the labels of entities that only rules and
# person cues find, and a skipped unreadable input reported in order; the
# GraphML and GEXF edges, formatted on the threads in blocks of
# EG_XML_ITEMS_BLOCK (512), come out in order across many blocks.
. "$(dirname "$0")/lib.sh"

cd "$EG_SRCDIR" || exit 1
mkdir "$TMP/docs"
$PYTHON "$EG_SRCDIR/bench/gen-corpus.py" "$TMP/docs" 3 7 >/dev/null || fail "could not generate the corpus"
count=$(find "$TMP/docs" -type f | wc -l)
[ "$count" -ge 1000 ] || fail "only $count generated articles"
cp -r corpus "$TMP/docs/corpus" || fail "could not copy corpus/"
for jobs in 1 2 3 7; do
	expect_status 0 "$ENTGRAPH" extract -j $jobs -w paragraph -o "$TMP/g$jobs.graphml" "$TMP/docs"
	expect_status 1 "$ENTGRAPH" mentions -j $jobs -o "$TMP/m$jobs.jsonl" "$TMP/docs" "$TMP/missing" corpus
done
for jobs in 1 3; do
	expect_status 0 "$ENTGRAPH" extract -j $jobs -w paragraph -f gexf -o "$TMP/g$jobs.gexf" "$TMP/docs"
done
for jobs in 2 3 7; do
	cmp -s "$TMP/g1.graphml" "$TMP/g$jobs.graphml" || fail "extract -j $jobs differs from -j 1"
	cmp -s "$TMP/m1.jsonl" "$TMP/m$jobs.jsonl" || fail "mentions -j $jobs differs from -j 1"
done
cmp -s "$TMP/g1.gexf" "$TMP/g3.gexf" || fail "extract -f gexf -j 3 differs from -j 1"
edges=$(grep -c '<edge ' "$TMP/g1.graphml")
[ "$edges" -ge 5120 ] || fail "only $edges edges: fewer than 10 blocks to format on threads"
grep -q '"source":"rule"' "$TMP/m1.jsonl" || fail "no rule mentions: the test would not see rule entities"
finish
