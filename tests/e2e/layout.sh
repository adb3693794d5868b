#!/bin/sh
# The layout as Gephi draws it, each node a disc of radius `size` at x/y in
# the same units, read back from the GraphML: at most 1% of the nodes
# overlap another, the median diameter is at least 0.1% of the layout's
# extent (the larger of the x and y ranges, discs included), linked nodes
# sit clearly closer than random pairs (mean edge length below 0.8 times
# the mean distance of 20,000 random pairs), and the GEXF's viz:position
# and viz:size are the GraphML's x, y and size.  On corpus/ with both
# windows, on a generated batch big enough for the layout's threads (-j1
# and -j2 give the same bytes, as do two runs), and on a generated batch of
# about 10,000 articles (skipped when EG_QUICK=1).
. "$(dirname "$0")/lib.sh"

cat >"$TMP/check.py" <<'PY'
import math
import random
import statistics
import sys
import xml.etree.ElementTree as ET

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


def read_graphml(path):
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(GRAPHML + "key") if k.get("for") == "node"}
    nodes = {}
    for n in root.iter(GRAPHML + "node"):
        d = {keys.get(e.get("key")): e.text for e in n.findall(GRAPHML + "data")}
        nodes[n.get("id")] = (float(d["x"]), float(d["y"]), float(d["size"]))
    edges = [(e.get("source"), e.get("target")) for e in root.iter(GRAPHML + "edge")]
    return nodes, edges


def read_gexf(path):
    nodes = {}
    for n in ET.parse(path).getroot().iter(GEXF + "node"):
        p, s = n.find(VIZ + "position"), n.find(VIZ + "size")
        nodes[n.get("id")] = (float(p.get("x")), float(p.get("y")), float(s.get("value")))
    return nodes


name, path = sys.argv[1], sys.argv[2]
nodes, edges = read_graphml(path)
problems = []
ids = sorted(nodes)
n = len(ids)
if n < 2:
    sys.exit(f"{name}: {n} nodes, too few to judge a layout")
x = [nodes[i][0] for i in ids]
y = [nodes[i][1] for i in ids]
r = [nodes[i][2] for i in ids]
if min(r) <= 0:
    problems.append(f"a node of size {min(r)}")

# Overlap: two discs closer than the sum of their radii.  A grid of cells
# one largest diameter wide: overlapping discs are in neighbouring cells.
cell = 2 * max(r)
grid = {}
for k in range(n):
    grid.setdefault((math.floor(x[k] / cell), math.floor(y[k] / cell)), []).append(k)
overlapping = set()
for k in range(n):
    cx, cy = math.floor(x[k] / cell), math.floor(y[k] / cell)
    for gx in (cx - 1, cx, cx + 1):
        for gy in (cy - 1, cy, cy + 1):
            for j in grid.get((gx, gy), ()):
                if j > k and math.hypot(x[j] - x[k], y[j] - y[k]) < r[j] + r[k]:
                    overlapping.update((j, k))
if len(overlapping) > 0.01 * n:
    problems.append(f"{len(overlapping)} of {n} nodes overlap another (more than 1%)")

extent = max(max(a + b for a, b in zip(x, r)) - min(a - b for a, b in zip(x, r)),
             max(a + b for a, b in zip(y, r)) - min(a - b for a, b in zip(y, r)))
diameter = 2 * statistics.median(r)
if diameter < 0.001 * extent:
    problems.append(f"median diameter {diameter:g} is below 0.1% of the extent {extent:g}")

if edges:
    at = {i: k for k, i in enumerate(ids)}
    edge = statistics.mean(math.hypot(x[at[a]] - x[at[b]], y[at[a]] - y[at[b]]) for a, b in edges)
    pick = random.Random(1)
    pairs = [pick.sample(range(n), 2) for _ in range(20000)]
    spread = statistics.mean(math.hypot(x[a] - x[b], y[a] - y[b]) for a, b in pairs)
    if not edge < 0.8 * spread:
        problems.append(f"mean edge length {edge:g} is not clearly below the mean distance {spread:g} of random pairs")

if len(sys.argv) > 3:
    viz = read_gexf(sys.argv[3])
    if set(viz) != set(nodes):
        problems.append("the GEXF's nodes are not the GraphML's")
    differ = [i for i in ids if viz.get(i) != nodes[i]]
    if differ:
        i = differ[0]
        problems.append(f"{len(differ)} nodes' viz values differ from the GraphML's x, y, size, e.g. {i}: "
                        f"{viz.get(i)} vs {nodes[i]}")

for p in problems:
    print(f"{name}: {p}")
print(f"{name}: {n} nodes, {len(overlapping)} overlapping, median diameter {100 * diameter / extent:.3f}% of the extent",
      file=sys.stderr)
sys.exit(1 if problems else 0)
PY

# check NAME GRAPHML [GEXF]
check() {
	$PYTHON "$TMP/check.py" "$@" >"$TMP/problems" || fail "$(cat "$TMP/problems")"
}

for w in paragraph sentence; do
	expect_status 0 "$ENTGRAPH" extract -w $w -j 1 -o "$TMP/c-$w.graphml" "$EG_SRCDIR/corpus"
	expect_status 0 "$ENTGRAPH" extract -w $w -j 2 -o "$TMP/c-$w-again.graphml" "$EG_SRCDIR/corpus"
	expect_status 0 "$ENTGRAPH" extract -w $w -f gexf -o "$TMP/c-$w.gexf" "$EG_SRCDIR/corpus"
	cmp -s "$TMP/c-$w.graphml" "$TMP/c-$w-again.graphml" || fail "corpus/ -w $w: -j1 and -j2 differ"
	check "corpus/ -w $w" "$TMP/c-$w.graphml" "$TMP/c-$w.gexf"
done

# About 80 articles and 900 nodes: a component large enough for
# Barnes-Hut and for the layout's threads.
$PYTHON "$EG_SRCDIR/bench/gen-corpus.py" "$TMP/small" 0.2 2 >/dev/null || fail "gen-corpus.py failed"
expect_status 0 "$ENTGRAPH" extract -w paragraph -j 1 -o "$TMP/s1.graphml" "$TMP/small"
expect_status 0 "$ENTGRAPH" extract -w paragraph -j 2 -o "$TMP/s2.graphml" "$TMP/small"
expect_status 0 "$ENTGRAPH" extract -w paragraph -j 2 -f gexf -o "$TMP/s.gexf" "$TMP/small"
cmp -s "$TMP/s1.graphml" "$TMP/s2.graphml" || fail "generated batch: -j1 and -j2 differ"
check "generated batch" "$TMP/s1.graphml" "$TMP/s.gexf"
rm -rf "$TMP/small"

if [ "${EG_QUICK:-0}" != 1 ]; then
	$PYTHON "$EG_SRCDIR/bench/gen-corpus.py" "$TMP/batch" 23 1 >"$TMP/gen" || fail "gen-corpus.py failed"
	read -r count _ <"$TMP/gen" # "10024 articles, 24.1 MB in DIR"
	[ "$count" -ge 10000 ] || fail "the generated batch has $count articles, want at least 10,000"
	expect_status 0 "$ENTGRAPH" extract -w paragraph -o "$TMP/b.graphml" "$TMP/batch"
	check "10,000-article batch" "$TMP/b.graphml"
fi
finish
