#!/bin/sh
# The picture: -f svg from corpus/ is well-formed, renders to PNG with
# rsvg-convert (librsvg, as image viewers use it), labels the largest node,
# fills each type's nodes with that type's colour from the GraphML, names
# each type in the legend ("ORG 33"), and is the same bytes twice.
# svgbatch.sh checks the picture's geometry.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$ENTGRAPH" extract -w paragraph -f svg -o "$TMP/c.svg" "$EG_SRCDIR/corpus"
expect_status 0 "$ENTGRAPH" extract -w paragraph -o "$TMP/c.graphml" "$EG_SRCDIR/corpus"
xmllint --noout --nonet "$TMP/c.svg" 2>"$TMP/xmllint" || fail "the SVG is not well-formed XML: $(head -3 "$TMP/xmllint")"
"$ENTGRAPH" extract -w paragraph -f svg "$EG_SRCDIR/corpus" >"$TMP/again.svg" || fail "second SVG run failed"
cmp -s "$TMP/c.svg" "$TMP/again.svg" || fail "a second SVG run differs"

$PYTHON - "$TMP/c.graphml" "$TMP/c.svg" <<'PY' || fail "the SVG does not show what the GraphML holds"
import sys
import xml.etree.ElementTree as ET
import networkx as nx
g = nx.read_graphml(sys.argv[1])
svg = ET.parse(sys.argv[2]).getroot()
ns = "{http://www.w3.org/2000/svg}"
texts = {t.text for t in svg.iter(ns + "text")}
fills = {c.get("fill") for c in svg.iter(ns + "circle")}
largest = max(g.nodes(data=True), key=lambda nd: (nd[1]["size"], nd[0]))[1]
if largest["label"] not in texts:
    sys.exit(f"the largest node, {largest['label']}, has no label")
for _, d in g.nodes(data=True):
    colour = "#%02x%02x%02x" % (d["r"], d["g"], d["b"])
    if colour not in fills:
        sys.exit(f"no circle in {colour}, the colour of {d['entity_type']}")
    if not any(t.startswith(d["entity_type"] + " ") for t in texts):
        sys.exit(f"the legend lacks {d['entity_type']}")
circles = sum(1 for _ in svg.iter(ns + "circle"))
if circles < g.number_of_nodes():
    sys.exit(f"{circles} circles for {g.number_of_nodes()} nodes")
PY

if command -v rsvg-convert >/dev/null 2>&1; then
	rsvg-convert -w 800 "$TMP/c.svg" -o "$TMP/c.png" 2>"$TMP/rsvg" || fail "rsvg-convert failed: $(head -3 "$TMP/rsvg")"
	[ "$(head -c 8 "$TMP/c.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "rsvg-convert wrote no PNG"
	[ "$(wc -c <"$TMP/c.png")" -gt 20000 ] || fail "the PNG is suspiciously small"
else
	echo "rsvg-convert not found (scripts/install-deps installs librsvg2-bin): SVG not rendered" >&2
	[ "${CI:-}" = true ] && fail "rsvg-convert missing in CI"
fi
finish
