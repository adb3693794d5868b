#!/bin/sh
# The picture at batch scale (issue 14, must-show 4): -f svg of corpus/ and
# of a generated batch of >= 10,000 articles, measured.  For each: no two
# label boxes overlap; every box is the one svg.h documents for its text and
# font size, and covers the text as DejaVu Sans (librsvg's usual sans-serif)
# sets it, by this test's own table of DejaVu Sans's advances; labels exist
# (>= 15 on the batch); the title line gives the document count (and on
# corpus/ the date range) and the window; the legend counts every node by
# type; the largest component is drawn whole and its discs span >= 50% of
# the frame's width or height; edges are drawn beneath the nodes, as many
# as svg.h promises; rsvg-convert renders it.  A label with & < > " and
# non-ASCII letters is escaped and measured too.  EG_QUICK=1 skips the batch.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/check.py" <<'PY'
import collections
import csv
import re
import sys
import xml.etree.ElementTree as ET

tables, svgfile, documents, min_labels, dates = sys.argv[1:6]
documents, min_labels = int(documents), int(min_labels)
MAX_EDGES = 20000
NS = "{http://www.w3.org/2000/svg}"
problems = []

def problem(msg):
    problems.append(msg)

# The writer's estimate, as svg.h documents it (em per code point).
def documented_em(ch):
    c = ord(ch)
    if c < 128:
        if ch in "fijlrtIJ.,:;!'|()[] ":
            return 0.42
        if ch in "mwMW@%":
            return 1.0
        if "A" <= ch <= "Z":
            return 0.8
        if ch.isascii() and ch.isalnum():
            return 0.65
        return 0.85
    if 0xC0 <= c <= 0xFF and c not in (0xC6, 0xE6):
        return 0.8
    return 1.1

# This test's own measure: DejaVu Sans's advance widths for ASCII (from
# DejaVuSans.ttf's hmtx, units per em 2048), 0.8 em for Latin-1 letters,
# 1.0 em (a full-width glyph) beyond.
DEJAVU = {' ': 0.318, '!': 0.401, '"': 0.460, '#': 0.838, '$': 0.636, '%': 0.950, '&': 0.780, "'": 0.275,
          '(': 0.390, ')': 0.390, '*': 0.500, '+': 0.838, ',': 0.318, '-': 0.361, '.': 0.318, '/': 0.337,
          '0': 0.636, '1': 0.636, '2': 0.636, '3': 0.636, '4': 0.636, '5': 0.636, '6': 0.636, '7': 0.636,
          '8': 0.636, '9': 0.636, ':': 0.337, ';': 0.337, '<': 0.838, '=': 0.838, '>': 0.838, '?': 0.531,
          '@': 1.000, 'A': 0.684, 'B': 0.686, 'C': 0.698, 'D': 0.770, 'E': 0.632, 'F': 0.575, 'G': 0.775,
          'H': 0.752, 'I': 0.295, 'J': 0.295, 'K': 0.656, 'L': 0.557, 'M': 0.863, 'N': 0.748, 'O': 0.787,
          'P': 0.603, 'Q': 0.787, 'R': 0.695, 'S': 0.635, 'T': 0.611, 'U': 0.732, 'V': 0.684, 'W': 0.989,
          'X': 0.685, 'Y': 0.611, 'Z': 0.685, '[': 0.390, '\\': 0.337, ']': 0.390, '^': 0.838, '_': 0.500,
          '`': 0.500, 'a': 0.613, 'b': 0.635, 'c': 0.550, 'd': 0.635, 'e': 0.615, 'f': 0.352, 'g': 0.635,
          'h': 0.634, 'i': 0.278, 'j': 0.278, 'k': 0.579, 'l': 0.278, 'm': 0.974, 'n': 0.634, 'o': 0.612,
          'p': 0.635, 'q': 0.635, 'r': 0.411, 's': 0.521, 't': 0.392, 'u': 0.634, 'v': 0.592, 'w': 0.818,
          'x': 0.592, 'y': 0.592, 'z': 0.525, '{': 0.636, '|': 0.337, '}': 0.636, '~': 0.838}

def own_em(ch):
    if ch in DEJAVU:
        return DEJAVU[ch]
    return 0.8 if 0xC0 <= ord(ch) <= 0xFF else 1.0

# The graph from -f csv (smaller and faster to read than GraphML at this
# scale): nodes in node order, edges as pairs of node indexes.
csv.field_size_limit(1 << 30)
with open(tables + ".nodes.csv", newline="", encoding="utf-8") as f:
    nodes = list(csv.DictReader(f))
ids = [n["Id"] for n in nodes]
index = {v: i for i, v in enumerate(ids)}
with open(tables + ".edges.csv", newline="", encoding="utf-8") as f:
    edges = [(index[e["Source"]], index[e["Target"]]) for e in csv.DictReader(f)]
root = ET.parse(svgfile).getroot()
vb = [float(v) for v in root.get("viewBox", "0 0 0 0").split()]
W, H = vb[2], vb[3]
groups = {el.get("class"): el for el in root.iter(NS + "g") if el.get("class")}
texts = {el.get("class"): "".join(el.itertext()) for el in root.iter(NS + "text") if el.get("class")}

# Title line.
title = texts.get("title", "")
m = re.match(r"([\d,]+) documents?", title)
if not m:
    problem(f"no title line with the document count (got {title!r})")
elif int(m.group(1).replace(",", "")) != documents:
    problem(f"the title line counts {m.group(1)} documents, want {documents}")
if dates and dates not in title:
    problem(f"the title line lacks the date range {dates!r}: {title!r}")
if "window: paragraph" not in title:
    problem(f"the title line lacks the window: {title!r}")

# Legend: "TYPE COUNT" entries, each with a disc; they count the nodes of
# one node attribute's values (whatever the type attribute is called).
legend = collections.Counter()
if "legend" not in groups:
    problem("no legend")
else:
    for t in groups["legend"].iter(NS + "text"):
        name, _, count = (t.text or "").rpartition(" ")
        legend[name] = int(count.replace(",", "")) if count.replace(",", "").isdigit() else -1
    if len(list(groups["legend"].iter(NS + "circle"))) != len(legend):
        problem("a legend entry without its colour")
    if not any(collections.Counter(n[k] for n in nodes) == legend for k in nodes[0] if nodes):
        problem(f"the legend {dict(legend)} counts no node attribute's values")

# Nodes: circles with data-n, in the GraphML's node order.
drawn = {}
for c in groups["nodes"].iter(NS + "circle") if "nodes" in groups else []:
    n = c.get("data-n")
    if n is None or not n.isdigit() or int(n) >= len(ids):
        problem(f"a node circle without a valid data-n: {c.attrib}")
        break
    n = int(n)
    label = nodes[n]["Label"]
    if c.findtext(NS + "title") != label:
        problem(f"circle {n} is titled {c.findtext(NS + 'title')!r}, its node is {label!r}")
        break
    drawn[n] = (float(c.get("cx")), float(c.get("cy")), float(c.get("r")))
parent = list(range(len(ids)))
def find(i):
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i
for a, b in edges:
    parent[find(a)] = find(b)
members = collections.defaultdict(list)
for i in range(len(ids)):
    members[find(i)].append(i)
core = max(members.values(), key=len) if members else []
missing = [i for i in core if i not in drawn]
if missing:
    problem(f"{len(missing)} of the largest component's {len(core)} nodes are not drawn")
elif core:
    x0 = min(drawn[i][0] - drawn[i][2] for i in core)
    x1 = max(drawn[i][0] + drawn[i][2] for i in core)
    y0 = min(drawn[i][1] - drawn[i][2] for i in core)
    y1 = max(drawn[i][1] + drawn[i][2] for i in core)
    if (x1 - x0) < 0.5 * W and (y1 - y0) < 0.5 * H:
        problem(f"the largest component spans {x1 - x0:.0f} x {y1 - y0:.0f} of a {W:.0f} x {H:.0f} frame")
for n, (cx, cy, r) in drawn.items():
    if not (0 <= cx <= W and 0 <= cy <= H) or r < 1:
        problem(f"node {n} drawn at {cx}, {cy} radius {r}, outside the frame or too small")
        break

# Edges: beneath the nodes; one segment per link between drawn nodes, the
# heaviest MAX_EDGES of them; strokes that show on white.
order = [el.get("class") for el in root if el.get("class")]
if "edges" not in order or "nodes" not in order or order.index("edges") > order.index("nodes"):
    problem(f"edges not drawn beneath the nodes (groups in order: {order})")
else:
    segments = 0
    for p in groups["edges"].iter(NS + "path"):
        segments += p.get("d", "").count("M")
        if p.get("stroke", "").lower() in ("#ffffff", "none", "") or float(p.get("stroke-opacity", "1")) < 0.2:
            problem(f"an edge stroke that does not show on white: {p.get('stroke')} {p.get('stroke-opacity')}")
            break
    between = sum(1 for a, b in edges if a in drawn and b in drawn)
    if segments != min(between, MAX_EDGES):
        problem(f"{segments} edges drawn, want {min(between, MAX_EDGES)} of {between} between drawn nodes")

# Labels.
# The labels' group; in an SVG without classes (today's main), the group
# of texts with a halo.
labels = groups.get("labels")
if labels is None:
    labels = next((el for el in root.iter(NS + "g") if el.get("stroke") and el.find(NS + "text") is not None), None)
boxes, inks, unboxed = [], [], 0
node_labels = {n["Label"] for n in nodes}
for t in labels.iter(NS + "text") if labels is not None else []:
    text, fs = t.text or "", float(t.get("font-size"))
    x, y, anchor = float(t.get("x")), float(t.get("y")), t.get("text-anchor", "start")
    own = sum(own_em(ch) for ch in text) * fs
    left = {"start": x, "end": x - own, "middle": x - own / 2}[anchor]
    inks.append((left, y - 0.93 * fs, left + own, y + 0.24 * fs, text))
    try:
        bx, by, bw, bh = [float(v) for v in t.get("data-box").split()]
    except (AttributeError, ValueError):
        unboxed += 1
        continue
    if text not in node_labels:
        problem(f"label {text!r} is no node's label")
    want_w = sum(documented_em(ch) for ch in text) * fs + 3
    want_h = 1.2 * fs + 3
    if abs(bw - want_w) > 0.15 or abs(bh - want_h) > 0.15:
        problem(f"label {text!r}: box {bw} x {bh}, the documented estimate is {want_w:.1f} x {want_h:.1f}")
    if left < bx - 0.1 or left + own > bx + bw + 0.1:
        problem(f"label {text!r}: its text ({left:.1f} to {left + own:.1f}) leaves its box ({bx} to {bx + bw})")
    if y - 0.93 * fs < by - 0.1 or y + 0.24 * fs > by + bh + 0.1:
        problem(f"label {text!r}: its text's height leaves its box")
    if bx < 0 or by < 0 or bx + bw > W or by + bh > H:
        problem(f"label {text!r} leaves the frame")
    boxes.append((bx, by, bx + bw, by + bh, text))
if unboxed:
    problem(f"{unboxed} labels without a data-box")
if len(inks) < min_labels:
    problem(f"{len(inks)} labels, want at least {min_labels}")

def overlaps(what, rects):
    rects = sorted(rects)
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            if b[0] >= a[2]:
                break
            if a[1] < b[3] and b[1] < a[3]:
                problem(f"{what} of {a[4]!r} and {b[4]!r} overlap: {a[:4]} and {b[:4]}")
                return

overlaps("the boxes", boxes)
overlaps("the texts (by this test's measure)", inks)
print(f"{len(drawn)} of {len(ids)} nodes drawn, {len(inks)} labels")
if problems:
    sys.exit("\n".join(problems[:12]))
PY

# check NAME DIR DOCUMENTS MIN_LABELS DATES: extracts DIR (with $options)
# as CSV and SVG and checks the SVG against the CSV's graph.
options=
check() {
	expect_status 0 "$ENTGRAPH" extract -w paragraph $options -f csv -o "$TMP/$1" "$2"
	expect_status 0 "$ENTGRAPH" extract -w paragraph $options -f svg -o "$TMP/$1.svg" "$2"
	[ -s "$TMP/$1.svg" ] || return
	if $PYTHON "$TMP/check.py" "$TMP/$1" "$TMP/$1.svg" "$3" "$4" "$5" >"$TMP/$1.check" 2>&1; then
		echo "$1: $(cat "$TMP/$1.check"), $(wc -c <"$TMP/$1.svg") bytes"
	else
		fail "$1: the SVG does not pass: $(cat "$TMP/$1.check")"
	fi
	if command -v rsvg-convert >/dev/null 2>&1; then
		rsvg-convert -w 1600 "$TMP/$1.svg" -o "$TMP/$1.png" 2>"$TMP/rsvg" ||
			fail "$1: rsvg-convert failed: $(head -3 "$TMP/rsvg")"
		[ "$(head -c 8 "$TMP/$1.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
			fail "$1: rsvg-convert wrote no PNG"
	else
		echo "rsvg-convert not found (scripts/install-deps installs librsvg2-bin): SVG not rendered" >&2
		[ "${CI:-}" = true ] && fail "rsvg-convert missing in CI"
	fi
}

# Labels with XML's special characters and non-ASCII letters: escaped, and
# measured by the code point.
mkdir "$TMP/odd"
printf 'Smith & <Sons> "Ltd"\tORG\n\303\211cole \305\222uvre\tORG\n' >"$TMP/odd.tsv"
printf 'Smith & <Sons> "Ltd" met \303\211cole \305\222uvre and Microsoft in Gaza.\n' >"$TMP/odd/a.txt"
options="-d $TMP/odd.tsv"
check odd "$TMP/odd" 1 4 ""
grep -qF 'Smith &amp; &lt;Sons&gt; &quot;Ltd&quot;' "$TMP/odd.svg" || fail "the label with & < > \" is not escaped as expected"
options=

# corpus/: one article a file, dated by its file name.
docs=$(find "$EG_SRCDIR/corpus" -type f | wc -l)
first=$(ls "$EG_SRCDIR/corpus" | sort | head -1 | cut -c1-10)
last=$(ls "$EG_SRCDIR/corpus" | sort | tail -1 | cut -c1-10)
check corpus "$EG_SRCDIR/corpus" "$docs" 10 "$first to $last"

if [ "${EG_QUICK:-}" = 1 ]; then
	echo "EG_QUICK=1: the 10,000-article batch skipped" >&2
else
	$PYTHON "$EG_SRCDIR/bench/gen-corpus.py" "$TMP/batch" 23 1 >/dev/null || fail "could not generate the batch"
	docs=$(find "$TMP/batch" -type f -name '*.txt' | wc -l)
	[ "$docs" -ge 10000 ] || fail "the batch has $docs articles, want at least 10,000"
	check batch "$TMP/batch" "$docs" 15 ""
	size=$(wc -c <"$TMP/batch.svg")
	[ "$size" -le 4000000 ] || fail "the batch's SVG is $size bytes, more than 4 MB"
fi
finish
