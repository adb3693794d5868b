#!/bin/sh
# Re-runs an analyst can compare (issue 16): corpus/, then corpus/ and one
# more article, the second run given the first graph (--previous) or the
# cache holding it: every entity and link the new article does not touch
# keeps its id and community number, and its position moves by less than 1%
# of the layout's extent (not at all); the new entities sit next to their
# neighbours.  The same bytes with -j 1 and -j 2, from GraphML or GEXF,
# from --previous or the cache; a graph given itself is unchanged.
. "$(dirname "$0")/lib.sh"
cd "$EG_SRCDIR" || exit 1

cp -r corpus "$TMP/grown" || fail "could not copy corpus/"
printf '%s\n' 'Amazon Web Services opened a data centre in Warsaw, Poland, the company said on Friday.' \
	>"$TMP/grown/2025-10-01-aws-warsaw.txt"

x() { "$ENTGRAPH" extract --quiet "$@" 2>"$TMP/err" || fail "extract $* failed: $(cat "$TMP/err")"; }
x -o "$TMP/first.graphml" corpus
x -f gexf -o "$TMP/first.gexf" corpus
x --previous "$TMP/first.graphml" -j 1 -o "$TMP/second.graphml" "$TMP/grown"
x --previous "$TMP/first.graphml" -j 2 -o "$TMP/second-j2.graphml" "$TMP/grown"
x --previous "$TMP/first.gexf" -o "$TMP/second-gexf.graphml" "$TMP/grown"
x -o "$TMP/fresh.graphml" "$TMP/grown"
cmp -s "$TMP/second.graphml" "$TMP/second-j2.graphml" || fail "--previous: -j 1 and -j 2 differ"
cmp -s "$TMP/second.graphml" "$TMP/second-gexf.graphml" || fail "--previous: the GEXF and the GraphML differ"
# With a cache, its last graph's picture is the default previous.
x --cache "$TMP/c.db" -o "$TMP/cached-first.graphml" corpus
cmp -s "$TMP/first.graphml" "$TMP/cached-first.graphml" || fail "the first run with a cache differs"
x --cache "$TMP/c.db" -o "$TMP/cached-second.graphml" "$TMP/grown"
cmp -s "$TMP/second.graphml" "$TMP/cached-second.graphml" || fail "the cache's picture differs from --previous"
# A graph given as its own previous: nothing moves.
x --previous "$TMP/first.graphml" -o "$TMP/again.graphml" corpus
cmp -s "$TMP/first.graphml" "$TMP/again.graphml" || fail "a graph given itself as previous changed"

$PYTHON - "$TMP/first.graphml" "$TMP/second.graphml" "$TMP/fresh.graphml" <<'PY' || fail "the second run moved what the new article does not touch"
import math
import sys
import networkx as nx

first, second, fresh = (nx.read_graphml(p) for p in sys.argv[1:4])
bad = []
xs = [d["x"] for _, d in first.nodes(data=True)]
ys = [d["y"] for _, d in first.nodes(data=True)]
extent = max(max(xs) - min(xs), max(ys) - min(ys))
new = set(second) - set(first)
if new != {"place.warsaw", "place.poland"}:
    bad.append("new nodes: %s" % sorted(new))
if set(first) - set(second):
    bad.append("nodes gone: %s" % sorted(set(first) - set(second)))
# Touched: in a document more (the new article's).
touched = {n for n in first if second.nodes[n]["documents"] != first.nodes[n]["documents"]}
if touched != {"org.amazon_web_services"}:
    bad.append("touched: %s" % sorted(touched))
for n in first:
    a, b = first.nodes[n], second.nodes[n]
    d = math.hypot(a["x"] - b["x"], a["y"] - b["y"])
    if n not in touched and d >= 0.01 * extent:
        bad.append("%s moved %.2f of an extent of %.2f" % (n, d, extent))
    if n not in touched and a["community"] != b["community"]:
        bad.append("%s: community %s, then %s" % (n, a["community"], b["community"]))
# Links: ids from their endpoints, the untouched ones all there again.
def ids(g):
    return {d["id"]: (u, v) for u, v, d in g.edges(data=True)}
for g, name in ((first, "first"), (second, "second")):
    for i, (u, v) in ids(g).items():
        if i != "%s--%s" % tuple(sorted((u, v))):
            bad.append("%s: edge %s between %s and %s" % (name, i, u, v))
lost = set(ids(first)) - set(ids(second))
if lost:
    bad.append("links gone: %s" % sorted(lost))
added = set(ids(second)) - set(ids(first))
if not added or any(not (set(e.split("--")) & (new | touched)) for e in added):
    bad.append("new links beyond the article's: %s" % sorted(added))
# The new places next to their neighbours: nearer to one than a tenth of
# the extent.
for n in new:
    near = min(math.hypot(second.nodes[n]["x"] - second.nodes[m]["x"], second.nodes[n]["y"] - second.nodes[m]["y"])
               for m in second.neighbors(n))
    if near > 0.1 * extent:
        bad.append("%s lies %.1f from its nearest neighbour" % (n, near))
# And without --previous the picture is another (what --previous is for).
moved = [n for n in first if math.hypot(first.nodes[n]["x"] - fresh.nodes[n]["x"],
                                        first.nodes[n]["y"] - fresh.nodes[n]["y"]) >= 0.01 * extent]
print("without --previous %d of %d nodes move by 1%% of the extent or more" % (len(moved), len(first)))
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
PY

# A previous graph that is not one: a usage error naming it, nothing written.
printf 'not xml\n' >"$TMP/bad.graphml"
expect_status 2 "$ENTGRAPH" extract --previous "$TMP/bad.graphml" -o "$TMP/none.graphml" corpus
grep -q "^entgraph: $TMP/bad.graphml:1: not well-formed XML\$" "$TMP/err" || fail "bad previous: $(cat "$TMP/err")"
[ ! -e "$TMP/none.graphml" ] || fail "a graph was written despite the bad previous graph"
printf '<?xml version="1.0"?>\n<html/>\n' >"$TMP/html.graphml"
expect_status 2 "$ENTGRAPH" extract --previous "$TMP/html.graphml" -o "$TMP/none.graphml" corpus
expect_stderr "entgraph: $TMP/html.graphml: not a graph entgraph writes (its root is <html>, not <graphml> or <gexf>)"
# None yet (the first night): a note, and the graph laid out afresh.
expect_status 0 "$ENTGRAPH" extract --previous "$TMP/missing.graphml" -o "$TMP/new.graphml" corpus
expect_stderr "entgraph: $TMP/missing.graphml: no previous graph yet; laid out afresh"
cmp -s "$TMP/new.graphml" "$TMP/first.graphml" || fail "a missing previous graph changed the output"
finish
