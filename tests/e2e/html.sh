#!/bin/sh
# The report's file (-f html; the page itself is tests/e2e/report.sh's):
# nothing to fetch (no src or href to another file, no external script or
# style; its markup is tests/e2e/pagelint.sh's); its data
# the graph of -f json, node for node and link for link, with each link's
# evidence (the --evidence cap holds) and periods, each node's evidence the
# sentences of its first mentions (as `mentions` has them); an article's title
# holding "</script>" stays data; the same bytes for -j 1, -j 2 and a
# merge of shards; an unwritable output is an error naming it.
. "$(dirname "$0")/lib.sh"

need_report_page

"$PYTHON" - "$TMP" <<'PY' || fail "cannot write the batch"
import json, sys
tmp = sys.argv[1]
with open(tmp + "/dict.tsv", "w") as f:
    f.write("Acme Corp\tORG\nGlobex\tORG\nJane Doe\tPERSON\nGotham\tGPE\n")
texts = [
    "Acme Corp bought a plant in Gotham.",
    "Jane Doe, chief of Acme Corp, spoke in Gotham on Monday.",
    "Globex sued Acme Corp in Gotham.",
    "Acme Corp and Globex agreed on prices, said Jane Doe.",
    "Jane Doe visited Gotham and Globex on the same day.",
    "Acme Corp, Globex and Gotham signed a pact with Jane Doe.",
]
with open(tmp + "/batch.jsonl", "w") as f:
    for i, text in enumerate(texts):
        r = {"id": "art-%d" % i, "text": text, "date": "2024-03-%02d" % (1 + 7 * i), "source": "Gotham Gazette",
             "title": ["</script><script>window.egPwned=1</script>", "Plain <b>title</b> & more"][i % 2],
             "url": ["https://news.example/%d" % i, "javascript:alert(%d)" % i][i % 2]}
        f.write(json.dumps(r) + "\n")
PY
run() {
	expect_status 0 "$ENTGRAPH" extract -d "$TMP/dict.tsv" "$@" "$TMP/batch.jsonl"
}
run -f html --evidence 2 --period week -o "$TMP/r.html"
run -f json --evidence 2 --period week -o "$TMP/r.json"
run -f html --evidence 2 --period week -j 2 -o "$TMP/r2.html"
cmp -s "$TMP/r.html" "$TMP/r2.html" || fail "-j 2 wrote other bytes than -j 1"
# Shards keep no dates per period (--period is refused with --partial):
# their merge against one run without.
run -f html --evidence 2 -o "$TMP/whole.html"
for s in 1 2; do
	expect_status 0 "$ENTGRAPH" extract -d "$TMP/dict.tsv" --evidence 2 --shard $s/2 \
		--partial "$TMP/s$s.egp" "$TMP/batch.jsonl"
done
expect_status 0 "$ENTGRAPH" merge -f html -o "$TMP/merged.html" "$TMP/s2.egp" "$TMP/s1.egp"
cmp -s "$TMP/whole.html" "$TMP/merged.html" || fail "the merge of two shards wrote other bytes"

expect_status 0 "$ENTGRAPH" mentions -d "$TMP/dict.tsv" -o "$TMP/mentions.jsonl" "$TMP/batch.jsonl"
"$PYTHON" - "$TMP/r.html" "$TMP/r.json" "$TMP/mentions.jsonl" <<'PY' || fail "the report's data is not the graph"
import html.parser, json, sys

page, graph, mentions_file = sys.argv[1:]
with open(page, encoding="utf-8") as f:
    text = f.read()

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.refs, self.current = [], [], None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k in ("src", "href", "srcset", "poster", "data"):
            if a.get(k):
                self.refs.append((tag, k, a[k]))
        if tag == "link":
            self.refs.append((tag, "rel", a.get("rel")))
        if tag == "script":
            self.current = [a.get("type"), a.get("id"), ""]
    def handle_data(self, data):
        if self.current is not None:
            self.current[2] += data
    def handle_endtag(self, tag):
        if tag == "script" and self.current is not None:
            self.scripts.append(self.current)
            self.current = None

p = Page()
p.feed(text)
problems = []
if p.refs:
    problems.append(f"the page refers to other files: {p.refs[:5]}")
if len(p.scripts) != 2:
    problems.append(f"{len(p.scripts)} script elements, want the data and the code: {[s[:2] for s in p.scripts]}")
data = next(json.loads(s[2]) for s in p.scripts if s[1] == "eg-data")
with open(graph) as f:
    g = json.load(f)
with open(mentions_file) as f:
    mentions = [json.loads(line) for line in f]

if data["format"] != "entgraph-report" or data["version"] != 1:
    problems.append(f"format {data['format']} version {data['version']}")
if data["provenance"] != g["graph"]:
    problems.append(f"provenance {data['provenance']} is not the JSON's {g['graph']}")
types = [t[0] for t in data["types"]]
if types != sorted({n["entity_type"] for n in g["nodes"]}):
    problems.append(f"types {types}")
nodes = data["nodes"]
if [n[0] for n in nodes] != [n["id"] for n in g["nodes"]]:
    problems.append("the nodes are not the JSON's, in its order")
for n, j in zip(nodes, g["nodes"]):
    want = [j["id"], j["label"], j["entity_type"], j["x"], j["y"], j["size"], j["mentions"], j["documents"],
            j.get("first_seen"), j.get("last_seen"), j.get("category"), j.get("surface_forms"), j.get("candidates"),
            j.get("sources"), j["pagerank"], j["community"]]
    got = n[:2] + [types[n[2]]] + n[3:16]
    colour = data["types"][n[2]][1]
    if got != want:
        problems.append(f"node {j['id']}: {got} is not {want}")
    if colour != "#%02x%02x%02x" % (j["r"], j["g"], j["b"]):
        problems.append(f"node {j['id']}: type colour {colour}, the node's {j['r']},{j['g']},{j['b']}")
    periods = dict(x.split("=") for x in j.get("period_documents", "").split(" | ") if x)
    mine = {data["periods"][n[16][k]]: str(n[16][k + 1]) for k in range(0, len(n[16]), 2)}
    if mine != periods:
        problems.append(f"node {j['id']}: periods {mine}, the JSON's {periods}")
    # Its evidence: its first documents (at most --evidence 2, by id), each
    # with the sentence of its first mention there, as `mentions` gives it.
    ev = [(data["documents"][n[17][k]][0], data["sentences"][n[17][k + 1]]) for k in range(0, len(n[17]), 2)]
    firsts = {}
    for m in mentions:
        if m["id"] == j["id"]:
            firsts.setdefault(m["doc"], m["sentence"])
    if ev != sorted(firsts.items())[:2]:
        problems.append(f"node {j['id']}: evidence {ev}, its first mentions {sorted(firsts.items())[:2]}")
documents = data["documents"]
sentences = data["sentences"]
if len(sentences) != len(set(sentences)):
    problems.append("a sentence is listed twice")
if len({d[0] for d in documents}) != len(documents):
    problems.append("a document is listed twice")
edges = data["edges"]
if len(edges) != len(g["links"]):
    problems.append(f"{len(edges)} edges, the JSON {len(g['links'])}")
for e, j in zip(edges, g["links"]):
    ends = [nodes[e[0]][0], nodes[e[1]][0]]
    if ends != [j["source"], j["target"]] or e[2:7] != [j["weight"], j["count"], j["documents"], j.get("first_seen"), j.get("last_seen")]:
        problems.append(f"edge {ends}: {e[2:7]} is not {j}")
        continue
    ev = [documents[e[7][k]] for k in range(0, len(e[7]), 2)]
    if len(ev) > 2:
        problems.append(f"edge {ends}: {len(ev)} evidence documents, --evidence 2")
    split = lambda k: j.get(k, "").split(" | ") if j.get(k) is not None else None
    if [d[0] for d in ev] != split("evidence"):
        problems.append(f"edge {ends}: evidence {[d[0] for d in ev]}, the JSON's {j.get('evidence')}")
    if [d[1] for d in ev] != split("evidence_dates") or [d[2] for d in ev] != split("evidence_titles"):
        problems.append(f"edge {ends}: evidence dates or titles differ")
    if [d[4] or "" for d in ev] != split("evidence_urls"):
        problems.append(f"edge {ends}: evidence urls {[d[4] for d in ev]}, the JSON's {j.get('evidence_urls')}")
    for k in range(1, len(e[7]), 2):
        if e[7][k] is None or not 0 <= e[7][k] < len(sentences):
            problems.append(f"edge {ends}: evidence without a sentence")
    periods = dict(x.split("=") for x in j.get("period_windows", "").split(" | ") if x)
    mine = {data["periods"][e[8][k]]: str(e[8][k + 1]) for k in range(0, len(e[8]), 2)}
    if mine != periods:
        problems.append(f"edge {ends}: periods {mine}, the JSON's {periods}")
if data["period"] != "week" or data["periods"] != sorted(data["periods"]) or not data["periods"]:
    problems.append(f"period {data['period']}: {data['periods']}")
# The hostile title is data: read back whole, and the raw page never holds
# it as markup (every "<" of the data is \u003c).
titles = {d[2] for d in documents}
if "</script><script>window.egPwned=1</script>" not in titles or "Plain <b>title</b> & more" not in titles:
    problems.append(f"titles read back as {sorted(t for t in titles if t)}")
if "<script>window.egPwned" in text or "<b>title</b>" in text:
    problems.append("an article's title is markup in the page")
for p_ in problems:
    print(f"  {p_}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY

# Without periods the lists are empty; the corpus report opens with its
# nodes; an output that cannot be written is an error naming it.
expect_status 0 "$ENTGRAPH" extract -f html -o "$TMP/corpus.html" "$EG_SRCDIR/corpus"
grep -q '"period":null,"periods":\[\]' "$TMP/corpus.html" || fail "a run without --period has periods in the report"
expect_status 0 "$ENTGRAPH" extract -f html -o - "$EG_SRCDIR/corpus"
cmp -s "$TMP/out" "$TMP/corpus.html" || fail "-o - wrote other bytes than -o FILE"
expect_status 3 "$ENTGRAPH" extract -f html -o "$TMP/missing/dir/r.html" "$EG_SRCDIR/corpus"
grep -q "$TMP/missing/dir/r.html" "$TMP/err" || fail "the output error does not name the file: $(cat "$TMP/err")"
finish
