#!/bin/sh
# Round trip through real consumers: networkx and python-igraph read the
# GraphML of corpus/ and see the same nodes, edges, weights and counts, which
# match what entgraph itself reported in its mentions.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$ENTGRAPH" extract -o "$TMP/c.graphml" "$EG_SRCDIR/corpus"
$PYTHON "$EG_SRCDIR/tests/graphml_dump.py" networkx "$TMP/c.graphml" >"$TMP/nx" || fail "networkx failed"
$PYTHON "$EG_SRCDIR/tests/graphml_dump.py" igraph "$TMP/c.graphml" >"$TMP/ig" || fail "igraph failed"
cmp -s "$TMP/nx" "$TMP/ig" || fail "networkx and igraph disagree: $(diff "$TMP/nx" "$TMP/ig" | head -20)"
[ "$(grep -c '^node ' "$TMP/nx")" -ge 20 ] || fail "fewer than 20 nodes from corpus/"
[ "$(grep -c '^edge ' "$TMP/nx")" -ge 20 ] || fail "fewer than 20 edges from corpus/"

# Per-node mention counts agree with the mentions command.
expect_status 0 "$ENTGRAPH" mentions -o "$TMP/m.jsonl" "$EG_SRCDIR/corpus"
$PYTHON - "$TMP/m.jsonl" "$TMP/nx" <<'PY' || fail "mention counts differ between mentions and extract"
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
