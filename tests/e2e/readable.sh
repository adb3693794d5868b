#!/bin/sh
# What Gephi and the other consumers need to read a graph as it is (issue
# 14, items 2 to 4, must-show 1 but for the layout's overlap and diameter):
# on corpus/ (-w paragraph) and on a generated batch of over 10,000
# articles, read back with networkx: no node without an edge (with
# --keep-isolated they come back, as many as the run reported), no
# graph-level key, a <desc> saying how the graph was made, weight > 0 on
# every edge for every --weight and weighted degree >= 0; the GEXF's <meta>
# holds the same and is valid against the GEXF schema.  EG_QUICK=1 skips
# the batch.
. "$(dirname "$0")/lib.sh"

# check FILE WINDOW WEIGHTING FILTERS DATED: the GraphML checks; FILTERS is
# what the <desc> must say ("none" for none); DATED yes when the documents
# have dates (the <desc> gives their range), no when none has.
check() {
	$PYTHON - "$@" <<'PY' || fail "$1 ($3): $(cat "$TMP/why")"
import math, re, sys
import xml.etree.ElementTree as ET
import networkx as nx
path, window, weighting, filters, dated = sys.argv[1:6]
def bad(msg):
    open(__import__("os").environ["WHY"], "w").write(msg)
    sys.exit(1)
ns = "{http://graphml.graphdrawing.org/xmlns}"
root = ET.parse(path).getroot()
for key in root.iter(ns + "key"):
    if key.get("for") not in ("node", "edge"):
        bad(f"a key for={key.get('for')!r} (id {key.get('id')}), which Gephi rejects")
graph = root.find(ns + "graph")
desc = graph.find(ns + "desc")
if desc is None or list(graph)[0] is not desc:
    bad("no <desc> as the graph's first child")
fields = dict(part.split(": ", 1) for part in desc.text.split("; "))
want = {"command": "extract", "window": window, "weighting": weighting, "filters": filters}
for k, v in want.items():
    if fields.get(k) != v:
        bad(f"<desc> says {k}: {fields.get(k)!r}, want {v!r} ({desc.text})")
if not re.fullmatch(r"[0-9a-f]{32}", fields.get("dictionaries", "")) or not fields.get("version"):
    bad(f"<desc> lacks the version or dictionary fingerprint: {desc.text}")
if not fields.get("documents", "").isdigit() or int(fields["documents"]) < 1:
    bad(f"<desc> lacks the documents: {desc.text}")
for k in ("first_date", "last_date"):
    if dated == "yes" and not re.fullmatch(r"\d{4}-\d\d-\d\d", fields.get(k, "")):
        bad(f"<desc> lacks {k}: {desc.text}")
    if dated == "no" and k in fields:
        bad(f"<desc> has {k} without dated documents: {desc.text}")
if graph.find(ns + "data") is not None:
    bad("graph-level <data>")
g = nx.read_graphml(path)
if g.number_of_edges() == 0:
    bad("no edges at all")
lonely = [n for n in g.nodes if g.degree(n) == 0]
if lonely:
    bad(f"{len(lonely)} of {g.number_of_nodes()} nodes without an edge, e.g. {lonely[:3]}")
low = [(a, b, d["weight"]) for a, b, d in g.edges(data=True) if not d["weight"] > 0]
if low:
    bad(f"{len(low)} of {g.number_of_edges()} edges with weight <= 0, e.g. {low[:3]}")
strength = dict(g.degree(weight="weight"))
for n, d in g.nodes(data=True):
    if not d["weighted_degree"] >= 0 or not math.isclose(d["weighted_degree"], strength[n], rel_tol=1e-9, abs_tol=1e-9):
        bad(f"{n}: weighted_degree {d['weighted_degree']}, its weights sum to {strength[n]}")
PY
}

# isolated DEFAULT KEPT STDERR: --keep-isolated brought back exactly the
# reported number of nodes, all of them without an edge.
isolated() {
	reported=$(sed -n 's/^entgraph: \([0-9,]*\) entit[a-z]* without a link left out (--keep-isolated keeps them)$/\1/p' "$3" | tr -d ,)
	[ -n "$reported" ] || { fail "$1: no count of entities without a link in: $(cat "$3")"; return; }
	$PYTHON - "$1" "$2" "$reported" <<'PY' || fail "--keep-isolated of $1: $(cat "$TMP/why")"
import os, sys
import networkx as nx
a, b, reported = nx.read_graphml(sys.argv[1]), nx.read_graphml(sys.argv[2]), int(sys.argv[3])
def bad(msg):
    open(os.environ["WHY"], "w").write(msg)
    sys.exit(1)
extra = set(b.nodes) - set(a.nodes)
if set(a.nodes) - set(b.nodes) or len(extra) != reported:
    bad(f"{len(extra)} more nodes with it, the run reported {reported} left out")
if any(b.degree(n) for n in extra):
    bad("a node it brought back has an edge")
if sorted(a.edges) != sorted(b.edges):
    bad("the edges differ")
PY
}
export WHY="$TMP/why"
: >"$TMP/why"

# gexf FILE: <meta> with creator, the provenance and the last document date,
# valid against the GEXF schema (RelaxNG, which takes the viz namespace).
gexf() {
	$PYTHON - "$1" <<'PY' || fail "$1: $(cat "$TMP/why")"
import os, re, sys
import xml.etree.ElementTree as ET
def bad(msg):
    open(os.environ["WHY"], "w").write(msg)
    sys.exit(1)
ns = "{http://gexf.net/1.3}"
meta = ET.parse(sys.argv[1]).getroot().find(ns + "meta")
if meta is None:
    bad("no <meta>")
creator, description = meta.find(ns + "creator"), meta.find(ns + "description")
if creator is None or not creator.text.startswith("entgraph "):
    bad("no <creator> naming entgraph")
m = re.search(r"last_date: (\d{4}-\d\d-\d\d)", description.text if description is not None else "")
if not m or "window: paragraph" not in description.text or "dictionaries: " not in description.text:
    bad(f"<description> lacks the provenance: {description.text if description is not None else None}")
if meta.get("lastmodifieddate") != m.group(1):
    bad(f"lastmodifieddate {meta.get('lastmodifieddate')}, the last document is of {m.group(1)}")
PY
	rng=$EG_SHARED/eval/xsd/gexf/rng/gexf.rng
	if [ ! -f "$rng" ]; then
		echo "NOTE: $rng is missing (set EG_SHARED to the shared folder): the GEXF schema is not checked" >&2
	elif ! command -v xmllint >/dev/null 2>&1; then
		echo "NOTE: xmllint is missing: the GEXF schema is not checked" >&2
	else
		xmllint --noout --nonet --relaxng "$rng" "$1" 2>"$TMP/xmllint" ||
			fail "$1 is not valid GEXF: $(head -5 "$TMP/xmllint")"
	fi
}

# corpus/: every weighting; the default run reports the one it leaves out.
corpus=$EG_SRCDIR/corpus
for w in count documents pmi npmi jaccard dice; do
	expect_status 0 "$ENTGRAPH" extract --progress -w paragraph --weight $w -o "$TMP/c-$w.graphml" "$corpus"
	cp "$TMP/err" "$TMP/c-$w.err"
	check "$TMP/c-$w.graphml" paragraph $w none yes
done
expect_status 0 "$ENTGRAPH" extract -w paragraph --keep-isolated -o "$TMP/c-keep.graphml" "$corpus"
isolated "$TMP/c-count.graphml" "$TMP/c-keep.graphml" "$TMP/c-count.err"
# An edge filter: the nodes it leaves unlinked go too, and are counted.
expect_status 0 "$ENTGRAPH" extract --progress -w paragraph --backbone 0.05 -o "$TMP/c-bb.graphml" "$corpus"
cp "$TMP/err" "$TMP/c-bb.err"
check "$TMP/c-bb.graphml" paragraph count "--backbone 0.05" yes
expect_status 0 "$ENTGRAPH" extract -w paragraph --backbone 0.05 --keep-isolated -o "$TMP/c-bbk.graphml" "$corpus"
isolated "$TMP/c-bb.graphml" "$TMP/c-bbk.graphml" "$TMP/c-bb.err"
expect_status 0 "$ENTGRAPH" extract -w paragraph -f gexf -o "$TMP/c.gexf" "$corpus"
gexf "$TMP/c.gexf"
# JSON: the provenance is the graph object networkx gives as G.graph; CSV:
# NAME.meta.csv, field,value rows Python's csv module reads.  Both say what
# the GraphML's <desc> says.
expect_status 0 "$ENTGRAPH" extract -w paragraph -f json -o "$TMP/c.json" "$corpus"
expect_status 0 "$ENTGRAPH" extract -w paragraph -f csv -o "$TMP/c" "$corpus"
$PYTHON - "$TMP/c.json" "$TMP/c.meta.csv" "$TMP/c-count.graphml" <<'PY' || fail "JSON or CSV provenance: $(cat "$TMP/why")"
import csv, json, os, sys
import xml.etree.ElementTree as ET
import networkx as nx
def bad(msg):
    open(os.environ["WHY"], "w").write(msg)
    sys.exit(1)
ns = "{http://graphml.graphdrawing.org/xmlns}"
desc = ET.parse(sys.argv[3]).getroot().find(ns + "graph").find(ns + "desc").text
want = {k: v for k, v in (part.split(": ", 1) for part in desc.split("; "))}
want["filters"] = "" if want["filters"] == "none" else want["filters"]
g = nx.node_link_graph(json.load(open(sys.argv[1], encoding="utf-8")))
got = {k: str(v) for k, v in g.graph.items()}
if got != want:
    bad(f"JSON graph {got}, the <desc> says {want}")
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
if rows[0] != ["field", "value"] or {r[0]: r[1] for r in rows[1:]} != want:
    bad(f"meta.csv {rows}, the <desc> says {want}")
PY

if [ "${EG_QUICK:-0}" = 1 ]; then
	echo "EG_QUICK=1: the 10,000-article batch is skipped" >&2
	finish
fi
# The batch: counted once into a partial, then graphs from it with merge
# (byte for byte what extract gives, SPEC.md); --min-documents 2 thins it.
# Its articles have no dates.
timeout 300 $PYTHON "$EG_SRCDIR/bench/gen-corpus.py" "$TMP/batch" 23 1 >/dev/null || fail "could not generate the batch"
articles=$(find "$TMP/batch" -type f | wc -l)
[ "$articles" -ge 10000 ] || fail "the batch has $articles articles, not 10,000"
expect_status 0 timeout 600 "$ENTGRAPH" extract -w paragraph --partial "$TMP/batch.part" "$TMP/batch"
rm -rf "$TMP/batch"
for w in count pmi; do
	expect_status 0 timeout 600 "$ENTGRAPH" merge --progress --weight $w --min-documents 2 -o "$TMP/b-$w.graphml" \
		"$TMP/batch.part"
	cp "$TMP/err" "$TMP/b-$w.err"
	check "$TMP/b-$w.graphml" paragraph $w "--min-documents 2" no
done
expect_status 0 timeout 600 "$ENTGRAPH" merge --min-documents 2 --keep-isolated -o "$TMP/b-keep.graphml" "$TMP/batch.part"
isolated "$TMP/b-count.graphml" "$TMP/b-keep.graphml" "$TMP/b-count.err"
finish
