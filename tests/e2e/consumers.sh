#!/bin/sh
# Round trip through real consumers: networkx and python-igraph read the
# GraphML of corpus/, networkx the node-link JSON, Python's csv module the
# CSV tables, and graphology (the parsers Gephi Lite uses) the GraphML and
# the GEXF: all see the same nodes, edges, weights and counts, which match
# what entgraph itself reported in its mentions; every node carries the
# metrics, colour, size and position; python-igraph's own PageRank agrees
# with entgraph's.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$ENTGRAPH" extract -o "$TMP/c.graphml" "$EG_SRCDIR/corpus"
$PYTHON "$EG_SRCDIR/tests/graphml_dump.py" networkx "$TMP/c.graphml" >"$TMP/nx" || fail "networkx failed"
$PYTHON "$EG_SRCDIR/tests/graphml_dump.py" igraph "$TMP/c.graphml" >"$TMP/ig" || fail "igraph failed"
cmp -s "$TMP/nx" "$TMP/ig" || fail "networkx and igraph disagree: $(diff "$TMP/nx" "$TMP/ig" | head -20)"
LC_ALL=C sort "$TMP/nx" >"$TMP/want"

expect_status 0 "$ENTGRAPH" extract -f json -o "$TMP/c.json" "$EG_SRCDIR/corpus"
$PYTHON "$EG_SRCDIR/tests/graphml_dump.py" json "$TMP/c.json" >"$TMP/json" || fail "networkx could not read the JSON"
cmp -s "$TMP/nx" "$TMP/json" || fail "the JSON differs from the GraphML: $(diff "$TMP/nx" "$TMP/json" | head -20)"
expect_status 0 "$ENTGRAPH" extract -f csv -o "$TMP/c.csv" "$EG_SRCDIR/corpus"
$PYTHON "$EG_SRCDIR/tests/graphml_dump.py" csv "$TMP/c" >"$TMP/csv" || fail "the CSV tables could not be read"
cmp -s "$TMP/nx" "$TMP/csv" || fail "the CSV differs from the GraphML: $(diff "$TMP/nx" "$TMP/csv" | head -20)"

# graphology, when the npm packages are there (scripts/install-deps puts
# them in npm; CI always has them).
modules=$EG_SRCDIR/npm/node_modules
if [ -d "$modules/graphology-gexf" ] && command -v node >/dev/null 2>&1; then
	expect_status 0 "$ENTGRAPH" extract -f gexf -o "$TMP/c.gexf" "$EG_SRCDIR/corpus"
	for format in graphml gexf; do
		NODE_PATH=$modules node "$EG_SRCDIR/tests/graphology_load.js" $format "$TMP/c.$format" >"$TMP/gl" 2>"$TMP/glerr" ||
			fail "graphology could not read the $format: $(head -5 "$TMP/glerr")"
		grep -v '^every node has' "$TMP/gl" | LC_ALL=C sort >"$TMP/gl.sorted"
		cmp -s "$TMP/want" "$TMP/gl.sorted" ||
			fail "graphology's $format differs from networkx's GraphML: $(diff "$TMP/want" "$TMP/gl.sorted" | head -10)"
		grep 'every node has' "$TMP/gl" | grep -v ': true$' | while read -r line; do
			echo "FAIL: graphology $format: $line" >&2
			echo x >>"$TMP/glfail"
		done
	done
	[ -f "$TMP/glfail" ] && fail "graphology misses node attributes"
else
	echo "graphology not installed in $modules (run scripts/install-deps): GraphML and GEXF not read with it" >&2
	[ "${CI:-}" = true ] && fail "graphology missing in CI"
fi

# Metrics and colours reach networkx; python-igraph's PageRank agrees.
$PYTHON - "$TMP/c.graphml" <<'PY' || fail "metrics or colours missing, or PageRank differs"
import sys
import igraph
import networkx as nx
g = nx.read_graphml(sys.argv[1])
for n, d in g.nodes(data=True):
    for key in ("pagerank", "betweenness", "component", "community", "size", "x", "y", "r", "g", "b"):
        if key not in d:
            sys.exit(f"node {n} has no {key}")
    if not all(0 <= d[c] <= 255 and isinstance(d[c], int) for c in "rgb"):
        sys.exit(f"node {n}: colour {d['r']},{d['g']},{d['b']} is not three integers 0-255")
h = igraph.Graph.Read_GraphML(sys.argv[1])
theirs = h.pagerank(weights="weight", damping=0.85)
worst = max(abs(a - b) for a, b in zip(theirs, h.vs["pagerank"]))
if worst > 1e-9:
    sys.exit(f"PageRank differs from python-igraph's by {worst}")
if abs(sum(h.vs["pagerank"]) - 1) > 1e-9:
    sys.exit("PageRank does not sum to 1")
PY
[ "$(grep -c '^node ' "$TMP/nx")" -ge 20 ] || fail "fewer than 20 nodes from corpus/"
[ "$(grep -c '^edge ' "$TMP/nx")" -ge 20 ] || fail "fewer than 20 edges from corpus/"

# Per-node mention counts agree with the mentions command (every entity
# is a node with --keep-isolated, also those without a link).
expect_status 0 "$ENTGRAPH" mentions -o "$TMP/m.jsonl" "$EG_SRCDIR/corpus"
expect_status 0 "$ENTGRAPH" extract --keep-isolated -o "$TMP/k.graphml" "$EG_SRCDIR/corpus"
$PYTHON "$EG_SRCDIR/tests/graphml_dump.py" networkx "$TMP/k.graphml" >"$TMP/nxk" || fail "networkx failed"
$PYTHON - "$TMP/m.jsonl" "$TMP/nxk" <<'PY' || fail "mention counts differ between mentions and extract"
import collections, json, sys
counts = collections.Counter()
docs = collections.defaultdict(set)
for line in open(sys.argv[1], encoding="utf-8"):
    m = json.loads(line)
    counts[(m["label"], m["type"])] += 1
    docs[(m["label"], m["type"])].add(m["doc"])
seen = 0
for line in open(sys.argv[2], encoding="utf-8"):
    if not line.startswith("node "):
        continue
    head, mentions, documents = line.rsplit(" ", 2)
    label, kind = head[5:].rsplit(" ", 1)
    want = (counts[(label, kind)], len(docs[(label, kind)]))
    got = (int(mentions.split("=")[1]), int(documents.split("=")[1]))
    if want != got:
        sys.exit(f"{label} {kind}: mentions/documents {got}, mentions command says {want}")
    seen += 1
if seen != len(counts):
    sys.exit(f"graph has {seen} nodes, mentions name {len(counts)} entities")
PY
finish
