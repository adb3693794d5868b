#!/bin/sh
# A plain web viewer draws the graph: graphology reads the GraphML and the
# GEXF of corpus/, and the GraphML of a generated batch of 10,000 articles
# (skipped with EG_QUICK=1), and sigma.js draws each with its default
# settings in Debian's headless chromium (tests/browser/).  No page error, no
# console error, every node of the file in the graph and drawn, and a
# screenshot that is not blank, saved in $EG_SCREENSHOT_DIR (default
# BUILDDIR/browser/).  Prints the batch's time to first draw.  Skipped (77)
# without chromium or the npm packages (scripts/install-deps), a failure
# when CI=true.
. "$(dirname "$0")/lib.sh"

modules=$EG_SRCDIR/npm/node_modules
need_browser
if [ ! -d "$modules/sigma" ] || [ ! -x "$modules/.bin/esbuild" ]; then
	missing "sigma and esbuild are not in $modules"
fi

out=${EG_SCREENSHOT_DIR:-${EG_BUILDDIR:-$TMP}/browser}
mkdir -p "$out" || exit 1
# The page, bundled offline from the pinned packages.
NODE_PATH=$modules "$modules/.bin/esbuild" "$EG_SRCDIR/tests/browser/render.js" --bundle --format=iife \
	--platform=browser --target=es2020 --log-level=warning --outfile="$out/render.bundle.js" 2>"$TMP/esbuild" ||
	{ fail "esbuild could not bundle tests/browser/render.js: $(head -5 "$TMP/esbuild")"; finish; }
cp "$EG_SRCDIR/tests/browser/render.html" "$out/render.html" || exit 1

# draw NAME FORMAT FILE: sigma.js draws FILE, screenshot in $out/NAME.png;
# the runner's report in $TMP/NAME.json.
draw() {
	rm -f "$out/$1.png"
	timeout 300 node "$EG_SRCDIR/tests/browser/screenshot.js" "$out" "$2" "$3" "$out/$1.png" \
		>"$TMP/$1.json" 2>"$TMP/$1.err"
	status=$?
	if [ "$status" -eq 2 ] || [ "$status" -ge 124 ]; then
		fail "$1: the runner failed (exit $status): $(tail -3 "$TMP/$1.err")"
		return
	fi
	$PYTHON - "$TMP/$1.json" "$3" "$out/$1.png" <<'PY' || fail "$1: sigma.js did not draw $3 as it should"
import json, sys

report, graph, png = sys.argv[1:]
with open(report) as f:
    r = json.load(f)
for e in r["errors"]:
    print(f"  {e}", file=sys.stderr)
if r["errors"]:
    sys.exit(1)
# entgraph writes each node as one <node ...> element, in both formats.
with open(graph, "rb") as f:
    nodes = f.read().count(b"<node ")
if not nodes == r["order"] == r["drawn"]:
    sys.exit(f"  the file has {nodes} nodes, graphology read {r['order']}, sigma drew {r['drawn']}")

# The screenshot (read back from the PNG by the runner) is not blank: it
# holds the colours of nodes, edges and labels.
ink = r["screenshot"]
if ink["inked"] < ink["pixels"] // 100 or ink["colours"] < 16:
    sys.exit(f"  the screenshot {png} is blank: {ink['inked']} of {ink['pixels']} pixels not white, {ink['colours']} colours")
PY
}

expect_status 0 "$ENTGRAPH" extract -o "$TMP/corpus.graphml" "$EG_SRCDIR/corpus"
expect_status 0 "$ENTGRAPH" extract -f gexf -o "$TMP/corpus.gexf" "$EG_SRCDIR/corpus"
draw corpus.graphml graphml "$TMP/corpus.graphml"
draw corpus.gexf gexf "$TMP/corpus.gexf"
# Sizes as Gephi reads them (in the units of x and y), as the README shows.
EG_SIGMA_SIZES=gephi draw corpus.gephi graphml "$TMP/corpus.graphml"

ten_thousand "$TMP/batch" "the drawing of the 10,000-article batch"
expect_status 0 "$ENTGRAPH" extract -o "$TMP/batch.graphml" "$TMP/batch"
draw batch.graphml graphml "$TMP/batch.graphml"
$PYTHON - "$TMP/batch.graphml.json" <<'PY' >&2 || fail "no time to first draw for the batch"
import json, sys
r = json.load(open(sys.argv[1]))
ms = r["ms"]
print(f"batch: {r['order']} nodes, {r['size']} edges drawn by sigma.js in {ms['firstDraw'] / 1000:.1f} s to the first frame "
      f"(fetch {ms['fetch'] / 1000:.1f} s, graphology parse {ms['parse'] / 1000:.1f} s, sigma {ms['sigma'] / 1000:.1f} s); "
      f"screenshot {r['png']}")
PY
finish
