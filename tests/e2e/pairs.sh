#!/bin/sh
# The window budget (issue 13, item 3): one sentence listing 1,000 people
# (bench/gen-pair-explosion.py; the issue's 88 KB of 4,000 made 8 million
# edges) links at most --max-window-entities of them, the first in the
# text, for every window kind; every person is still counted (a node with
# --keep-isolated; the unlinked are left out without it); the run names
# the document on one line and exits 1; windows within the budget are
# untouched.
. "$(dirname "$0")/lib.sh"

names=1000
$PYTHON "$EG_SRCDIR/bench/gen-pair-explosion.py" "$TMP/list.txt" $names || fail "could not generate the list"

# graph_counts FILE: "NODES EDGES" of a GraphML file.
graph_counts() {
	echo "$(grep -c '<node ' "$1") $(grep -c '<edge ' "$1")"
}

# The default budget, 500: at most 500 * 499 / 2 edges.
expect_status 1 timeout 120 "$ENTGRAPH" extract -j 1 --keep-isolated -o "$TMP/g.graphml" "$TMP/list.txt"
expect_stderr "entgraph: $TMP/list.txt: a sentence has 1000 entities; only the first 500 are linked (--max-window-entities 500)"
expect_stderr "entgraph: 1 document cut short by a limit (--max-*, see above)"
[ "$(graph_counts "$TMP/g.graphml")" = "1000 124750" ] ||
	fail "default budget: want 1000 nodes and 124750 edges, got $(graph_counts "$TMP/g.graphml")"

# A small budget, every window kind: the first 20 names are linked, among
# themselves only (190 edges), the other 980 stay nodes (--keep-isolated).
for window in sentence paragraph document; do
	expect_status 1 timeout 120 "$ENTGRAPH" extract -j 1 -w $window --max-window-entities 20 --keep-isolated -f json \
		-o "$TMP/g.json" "$TMP/list.txt"
	expect_stderr "entgraph: $TMP/list.txt: a $window has 1000 entities; only the first 20 are linked (--max-window-entities 20)"
	$PYTHON - "$TMP/g.json" "$TMP/list.txt" <<'PY' || fail "-w $window --max-window-entities 20: wrong graph"
import json, re, sys
graph = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read()
first = set(re.findall(r"[A-Z][a-z]+ [A-Z][a-z]+", text[len("Yesterday "):])[:20])
label = {n["id"]: n["label"] for n in graph["nodes"]}
ends = {label[e[k]] for e in graph["links"] for k in ("source", "target")}
if len(graph["nodes"]) != 1000 or len(graph["links"]) != 190 or ends != first:
    sys.exit("%d nodes, %d edges, ends %s" % (len(graph["nodes"]), len(graph["links"]), sorted(ends)[:5]))
PY
done

# Token windows: each mention's window links its own entity and at most 19
# others, so at most 1000 * 19 edges however wide the window.
expect_status 1 timeout 120 "$ENTGRAPH" extract -j 1 -w 5000 --max-window-entities 20 -o "$TMP/t.graphml" "$TMP/list.txt"
expect_stderr "entgraph: $TMP/list.txt: 980 windows of 5000 tokens have up to 1000 entities; only the first 20 of each are linked (--max-window-entities 20)"
edges=$(grep -c '<edge ' "$TMP/t.graphml")
if [ "$edges" -lt 1 ] || [ "$edges" -gt $((names * 19)) ]; then
	fail "-w 5000: $edges edges, want 1 to $((names * 19))"
fi

# A re-run with the cache warns again and exits 1 (nothing copied quietly).
for _ in 1 2; do
	expect_status 1 timeout 120 "$ENTGRAPH" extract -j 1 --max-window-entities 20 --cache "$TMP/c.db" \
		-o "$TMP/c.graphml" "$TMP/list.txt"
	expect_stderr "entgraph: $TMP/list.txt: a sentence has 1000 entities; only the first 20 are linked (--max-window-entities 20)"
done

# Windows within the budget: the sample corpus as before, no warning.
expect_status 0 "$ENTGRAPH" extract -j 1 -o "$TMP/corpus.graphml" "$EG_SRCDIR/corpus"
grep -q "max-window-entities" "$TMP/err" && fail "the sample corpus hit the window budget: $(cat "$TMP/err")"
$PYTHON "$EG_SRCDIR/bench/gen-pair-explosion.py" "$TMP/short.txt" 300 || fail "could not generate the short list"
expect_status 0 timeout 120 "$ENTGRAPH" extract -j 1 -o "$TMP/short.graphml" "$TMP/short.txt"
[ -s "$TMP/err" ] && fail "300 names within the default budget: $(cat "$TMP/err")"
[ "$(graph_counts "$TMP/short.graphml")" = "300 44850" ] ||
	fail "300 names: want 300 nodes and 44850 edges, got $(graph_counts "$TMP/short.graphml")"
finish
