#!/bin/sh
# The nightly example: two runs on one day over a corpus that grows between
# them write the dated graph and the latest link; the second graph is what a
# plain extract of the grown corpus from the first night's picture
# (--previous) gives; the diff beside it names the new article's links; and
# the log holds one summary line per run.
. "$(dirname "$0")/lib.sh"
cd "$EG_SRCDIR" || exit 1

cp -r corpus "$TMP/articles" || fail "could not copy corpus/"
mv "$TMP/articles/2025-09-25-microsoft-cuts-off-unit-8200.txt" "$TMP/later.txt"
ENTGRAPH=$ENTGRAPH examples/nightly/entgraph-nightly.sh "$TMP/articles" "$TMP/graphs" -w paragraph 2>>"$TMP/nightly.log" ||
	fail "the first nightly run failed: $(cat "$TMP/nightly.log")"
day=$(date +%Y-%m-%d)
[ -s "$TMP/graphs/graph-$day.graphml" ] || fail "no dated graph"
[ "$(readlink "$TMP/graphs/latest.graphml")" = "graph-$day.graphml" ] || fail "latest.graphml does not point at today's graph"
cp "$TMP/graphs/graph-$day.graphml" "$TMP/first.graphml"
mv "$TMP/later.txt" "$TMP/articles/2025-09-25-microsoft-cuts-off-unit-8200.txt"
[ ! -e "$TMP/graphs/diff-$day.md" ] || fail "a diff after the first run, with nothing to compare"
ENTGRAPH=$ENTGRAPH examples/nightly/entgraph-nightly.sh "$TMP/articles" "$TMP/graphs" -w paragraph 2>>"$TMP/nightly.log" ||
	fail "the second nightly run failed: $(cat "$TMP/nightly.log")"
# The cache keeps the first night's picture, as --previous would.
"$ENTGRAPH" extract -w paragraph --previous "$TMP/first.graphml" -o "$TMP/plain.graphml" "$TMP/articles" ||
	fail "extract failed"
cmp -s "$TMP/plain.graphml" "$TMP/graphs/latest.graphml" || fail "the nightly graph differs from a plain extract"
# The diff beside it: what the article brought, with its file as evidence.
report=$TMP/graphs/diff-$day.md
[ -s "$report" ] || fail "no diff-$day.md after the second run"
"$ENTGRAPH" diff -f json "$TMP/first.graphml" "$TMP/graphs/latest.graphml" >"$TMP/d.json"
$PYTHON - "$TMP/d.json" "$report" <<'PY' || fail "the nightly diff does not name the new article's links"
import json
import sys

d = json.load(open(sys.argv[1], encoding="utf-8"))
report = open(sys.argv[2], encoding="utf-8").read()
new = [l for l in d["links"] if l["change"] == "new"]
bad = []
if not new:
    bad.append("no new link")
for l in new:
    docs = {e["document"] for e in l["new_evidence"]}
    if not any(x.endswith("2025-09-25-microsoft-cuts-off-unit-8200.txt") for x in docs):
        bad.append("%s: evidence %s" % (l["id"], docs))
    if "**%s – %s**" % (l["source_label"], l["target_label"]) not in report.replace("\\", ""):
        bad.append("the report lacks %s – %s" % (l["source_label"], l["target_label"]))
if "2025-09-25-microsoft-cuts-off-unit-8200.txt" not in report:
    bad.append("the report does not name the article")
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
PY
# The log: one summary line per run, beside the cache's line of reuse.
[ "$(grep -cE "$SUMMARY_LINE" "$TMP/nightly.log")" -eq 2 ] || fail "the log does not hold two summary lines: $(cat "$TMP/nightly.log")"
grep -vE "$SUMMARY_LINE" "$TMP/nightly.log" | grep -vE '^entgraph: cache: [0-9]+ of [0-9]+ documents reused, [0-9]+ matched$' &&
	fail "the log holds more than summaries and cache lines: $(cat "$TMP/nightly.log")"

# examples/report.sh: a folder to a report, counted per day, the options
# passed on.
if has_report_page; then
	(cd "$TMP" && ENTGRAPH=$ENTGRAPH "$EG_SRCDIR/examples/report.sh" "$EG_SRCDIR/corpus" r.html --evidence 2) \
		>"$TMP/report.out" 2>"$TMP/report.err" || fail "examples/report.sh failed: $(cat "$TMP/report.err")"
	grep -q "^Wrote r.html ([0-9]* bytes)" "$TMP/report.out" || fail "examples/report.sh says: $(cat "$TMP/report.out")"
	grep -q '"period":"day","periods":\["2021-07-18",' "$TMP/r.html" || fail "examples/report.sh did not count per day"
	grep -q '"command":"extract",.*"filters":""' "$TMP/r.html" || fail "examples/report.sh: no provenance in the report"
fi
finish
