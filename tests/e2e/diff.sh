#!/bin/sh
# entgraph diff (issue 16): corpus/, then corpus/ and one article with a
# title and URL: exactly that article's entities and links are new, with
# its title and URL, in the Markdown report, the JSON and the union GraphML
# (valid against the schema, read by networkx and graphology); a graph
# against itself reports nothing and exits 0; partials compare the same way.
. "$(dirname "$0")/lib.sh"
cd "$EG_SRCDIR" || exit 1

cp -r corpus "$TMP/grown" || fail "could not copy corpus/"
printf '%s\n' '{"id": "aws-warsaw", "title": "AWS opens a Warsaw region", "url": "https://news.example/aws-warsaw", "source": "Example News", "date": "2025-10-01", "text": "Amazon Web Services opened a data centre in Warsaw, Poland, the company said on Friday."}' \
	>"$TMP/grown/2025-10-01-aws-warsaw.jsonl"
"$ENTGRAPH" extract --quiet -o "$TMP/old.graphml" corpus || fail "extract failed"
"$ENTGRAPH" extract --quiet --previous "$TMP/old.graphml" -o "$TMP/new.graphml" "$TMP/grown" || fail "extract failed"

expect_status 1 "$ENTGRAPH" diff "$TMP/old.graphml" "$TMP/new.graphml"
cp "$TMP/out" "$TMP/report.md"
for want in '2 new entities, 1 in more documents, 0 in fewer, 0 gone; 3 new links, 0 stronger, 0 weaker, 0 gone.' \
	'- **Poland** (PLACE), 1 mention in 1 document, first seen 2025-10-01' \
	'- **Warsaw** (PLACE), 2 mentions in 1 document, first seen 2025-10-01' \
	'- **Amazon Web Services** (ORG), documents 1 → 2, mentions 1 → 3, first seen 2024-04-23' \
	'- **Amazon Web Services – Warsaw**: 2 windows in 1 document, first seen 2025-10-01' \
	'- **Amazon Web Services – Poland**: 1 window in 1 document, first seen 2025-10-01' \
	'  - 2025-10-01, Example News: [AWS opens a Warsaw region](https://news.example/aws-warsaw): "Amazon Web Services opened a data centre in Warsaw, Poland, the company said on Friday."'; do
	grep -qxF -- "$want" "$TMP/report.md" || fail "the report lacks: $want"
done
[ "$(grep -c '^- \*\*' "$TMP/report.md")" -eq 6 ] || fail "the report lists more than the article's: $(cat "$TMP/report.md")"

expect_status 1 "$ENTGRAPH" diff -f json -o "$TMP/diff.json" "$TMP/old.graphml" "$TMP/new.graphml"
expect_status 1 "$ENTGRAPH" diff -f graphml -o "$TMP/union.graphml" "$TMP/old.graphml" "$TMP/new.graphml"
$PYTHON - "$TMP/diff.json" "$TMP/union.graphml" "$TMP/old.graphml" "$TMP/new.graphml" <<'PY' || fail "the JSON or the union graph"
import json
import sys
import networkx as nx

d = json.load(open(sys.argv[1], encoding="utf-8"))
union, old, new = (nx.read_graphml(p) for p in sys.argv[2:5])
bad = []
want_entities = {("new", "place.poland"), ("new", "place.warsaw"), ("stronger", "org.amazon_web_services")}
got = {(e["change"], e["id"]) for e in d["entities"]}
if got != want_entities:
    bad.append("JSON entities: %s" % sorted(got))
want_links = {"org.amazon_web_services--place.poland", "org.amazon_web_services--place.warsaw",
              "place.poland--place.warsaw"}
got = {l["id"] for l in d["links"] if l["change"] == "new"}
if got != want_links or len(d["links"]) != 3:
    bad.append("JSON links: %s" % [(l["change"], l["id"]) for l in d["links"]])
for l in d["links"]:
    ev = l["new_evidence"]
    if len(ev) != 1 or ev[0]["url"] != "https://news.example/aws-warsaw" or ev[0]["title"] != "AWS opens a Warsaw region":
        bad.append("JSON evidence of %s: %s" % (l["id"], ev))
# The union: every node and link of both, each with its change.
if set(union) != set(old) | set(new):
    bad.append("union nodes differ from both graphs'")
if {tuple(sorted(e)) for e in union.edges()} != {tuple(sorted(e)) for e in old.edges()} | {tuple(sorted(e)) for e in new.edges()}:
    bad.append("union links differ from both graphs'")
changes = {n: a["change"] for n, a in union.nodes(data=True)}
if {n for n, c in changes.items() if c != "unchanged"} != {"place.poland", "place.warsaw", "org.amazon_web_services"}:
    bad.append("union node changes: %s" % {n: c for n, c in changes.items() if c != "unchanged"})
if changes["place.warsaw"] != "new" or tuple(union.nodes["place.warsaw"][k] for k in "rgb") != (44, 160, 44) \
        or union.nodes["place.warsaw"]["mentions"] != 2:
    bad.append("Warsaw is not new and green: %s" % union.nodes["place.warsaw"])
# Discs as their graph laid them out (SPEC.md: sizes and positions together).
for n, a in union.nodes(data=True):
    side = new.nodes[n] if n in new else old.nodes[n]
    if (a["size"], a["x"], a["y"]) != (side["size"], side["x"], side["y"]):
        bad.append("%s: size and place %s, its graph's %s" % (n, (a["size"], a["x"], a["y"]), (side["size"], side["x"], side["y"])))
edge_changes = {tuple(sorted((u, v))): a["change"] for u, v, a in union.edges(data=True)}
if {e for e, c in edge_changes.items() if c != "unchanged"} != {tuple(i.split("--")) for i in want_links}:
    bad.append("union link changes: %s" % {e: c for e, c in edge_changes.items() if c != "unchanged"})
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
PY
if [ -d "$EG_SHARED/eval/xsd/graphml" ]; then
	xmllint --noout --nonet --schema "$EG_SHARED/eval/xsd/graphml/graphml.xsd" "$TMP/union.graphml" 2>"$TMP/xmllint" ||
		fail "the union graph is not valid GraphML: $(head -3 "$TMP/xmllint")"
fi
modules=$EG_SRCDIR/npm/node_modules
if [ -d "$modules/graphology-graphml" ] && command -v node >/dev/null 2>&1; then
	NODE_PATH=$modules node -e '
const fs = require("fs"), Graph = require("graphology"), parser = require("graphology-graphml");
const g = parser.parse(Graph, fs.readFileSync(process.argv[1], "utf8"));
const n = {}; g.forEachNode((id, a) => { n[a.change] = (n[a.change] || 0) + 1; });
const e = {}; g.forEachEdge((id, a) => { e[a.change] = (e[a.change] || 0) + 1; });
process.stdout.write(`nodes new ${n.new} stronger ${n.stronger}; links new ${e.new}\n`);' "$TMP/union.graphml" >"$TMP/gl" 2>"$TMP/glerr" ||
		fail "graphology could not read the union graph: $(head -3 "$TMP/glerr")"
	grep -qxF 'nodes new 2 stronger 1; links new 3' "$TMP/gl" || fail "graphology read: $(cat "$TMP/gl")"
else
	echo "graphology not installed in $modules (run scripts/install-deps): the union graph not read with it" >&2
	[ "${CI:-}" = true ] && fail "graphology missing in CI"
fi

# A graph against itself: nothing, exit 0, in every format.
expect_status 0 "$ENTGRAPH" diff "$TMP/new.graphml" "$TMP/new.graphml"
expect_stdout_has "Nothing changed."
expect_status 0 "$ENTGRAPH" diff -f json "$TMP/new.graphml" "$TMP/new.graphml"
grep -qF '"entities":[],"links":[]' "$TMP/out" || fail "self-diff JSON: $(cat "$TMP/out")"
# Partials compare as their graphs would (with the isolated entities too).
"$ENTGRAPH" extract --quiet --partial "$TMP/old.part" corpus && "$ENTGRAPH" extract --quiet --partial "$TMP/new.part" "$TMP/grown" ||
	fail "partials failed"
expect_status 1 "$ENTGRAPH" diff -f json "$TMP/old.part" "$TMP/new.part"
grep -qF '"id":"place.warsaw"' "$TMP/out" || fail "partial diff lacks Warsaw"
grep -qF '"sentence":"Amazon Web Services opened a data centre in Warsaw, Poland, the company said on Friday."' "$TMP/out" ||
	fail "partial diff lacks the linking sentence"
expect_status 0 "$ENTGRAPH" diff "$TMP/new.part" "$TMP/new.part"
# Errors: no graph, a wrong format, one argument.
printf 'x' >"$TMP/junk"
expect_status 2 "$ENTGRAPH" diff "$TMP/junk" "$TMP/new.graphml"
expect_stderr "entgraph: $TMP/junk:1: not well-formed XML"
# Entities that grow exponentially inside an attribute value ("billion
# laughs"): refused at once, not expanded.
{
	printf '<?xml version="1.0"?>\n<!DOCTYPE graphml [\n <!ENTITY l0 "lol">\n'
	i=1
	while [ $i -le 9 ]; do
		p=$((i - 1))
		printf ' <!ENTITY l%d "&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;">\n' $i $p $p $p $p $p $p $p $p $p $p
		i=$((i + 1))
	done
	printf ']>\n'
	sed -n '2,$p' "$TMP/old.graphml" | sed '0,/<node id="/s//<node id="\&l9;/'
} >"$TMP/laughs.graphml"
grep -q '<node id="&l9;' "$TMP/laughs.graphml" || fail "the hostile graph was not made"
expect_status 2 timeout 60 "$ENTGRAPH" diff "$TMP/laughs.graphml" "$TMP/new.graphml"
grep -q "^entgraph: $TMP/laughs.graphml:[0-9]*: not well-formed XML\$" "$TMP/err" || fail "billion laughs: $(cat "$TMP/err")"
expect_status 2 timeout 60 "$ENTGRAPH" extract --quiet --previous "$TMP/laughs.graphml" -o "$TMP/none.graphml" corpus
expect_status 2 "$ENTGRAPH" diff -f csv "$TMP/old.graphml" "$TMP/new.graphml"
expect_stderr 'entgraph: diff: "csv" is not a format of diff (markdown, json or graphml)'
expect_status 2 "$ENTGRAPH" diff "$TMP/old.graphml"
finish
