#!/bin/sh
# The HTML report (`extract -f html`) works from disk as a reader uses it:
# Debian's headless chromium opens it as a file:// URL and
# tests/browser/report.js drives it with real keys and clicks.  On corpus/:
# no page error, no console error, no request for anything (the page holds
# all it needs); every node and link of the graph is in it; searching "Unit
# 8200" and choosing it lists its links, Microsoft and Azure among them; the
# Azure link shows evidence whose sentences are the articles' own words; a
# shared view link (#edge=..., #node=...&types=...) opens that view; Escape
# clears it; printing draws the graph into the page as an image; a report
# counted per day, opened at August 2025, shows the links with windows in
# it and no others.  Titles,
# outlets, labels and links that hold HTML or javascript: URLs are shown as
# text and run nothing.  Unless EG_QUICK=1, a report of a generated batch of
# 10,000 articles too, and its time to first draw.  Screenshots in
# $EG_SCREENSHOT_DIR (default BUILDDIR/browser/).  Skipped (77) without
# chromium, node or a report page in the build, a failure when CI=true.
. "$(dirname "$0")/lib.sh"

need_browser
need_report_page

out=${EG_SCREENSHOT_DIR:-${EG_BUILDDIR:-$TMP}/browser}
mkdir -p "$out" || exit 1

# run NAME REPORT PNG [OPTIONS]: the runner on REPORT (see
# tests/browser/report.js), its report in $TMP/NAME.json; false, and a
# failure, when it could not run or a step timed out.
run() {
	name=$1
	shift
	timeout 400 node "$EG_SRCDIR/tests/browser/report.js" "$@" >"$TMP/$name.json" 2>"$TMP/$name.err"
	status=$?
	[ "$status" -eq 0 ] && return 0
	fail "$name: the runner failed (exit $status): $(tail -3 "$TMP/$name.err")"
	return 1
}

# judge NAME [ARGS...] <<'PY': the Python check on stdin, given r (the
# runner's report $TMP/NAME.json), args (ARGS) and want(ok, message); fails
# on every page error and every request, and on each want that is not met.
judge() {
	name=$1
	shift
	{
		cat <<'PY'
import json, os, re, sys, urllib.parse

name, args = sys.argv[1], sys.argv[3:]
with open(sys.argv[2]) as f:
    r = json.load(f)
problems = list(r["errors"]) + [f"the page fetched {u}" for u in r["requests"]]


def want(ok, message):
    if not ok:
        problems.append(message)
    return ok


def inked(shot):
    # Not blank: nodes, edges and labels in colours, as browser.sh asks.
    return want(shot and shot["inked"] >= shot["pixels"] // 100 and shot["colours"] >= 16,
                f"the screenshot is blank: {shot}")


def evidence_hrefs(evidence):
    # A title links to its article only by an http(s) URL, else is text.
    for e in evidence:
        if e["href"] is not None or e["element"] == "a":
            want(re.match(r"https?://", e["href"] or "", re.I), f"evidence title {e['title']!r} links to {e['href']!r}")
PY
		cat
		cat <<'PY'
for p in problems:
    print(f"  {name}: {p}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY
	} >"$TMP/$name.py"
	$PYTHON "$TMP/$name.py" "$name" "$TMP/$name.json" "$@"
}

# field NAME EXPR: a value out of $TMP/NAME.json (r), for the next run.
field() {
	$PYTHON -c 'import json, sys, urllib.parse
r = json.load(open(sys.argv[1]))
print(eval(sys.argv[2]))' "$TMP/$1.json" "$2" 2>/dev/null
}

# From the source folder, so documents are named corpus/... as in the
# README's screenshot, wherever the clone lives.
cd "$EG_SRCDIR" || exit 1
expect_status 0 "$ENTGRAPH" extract -f html -o "$TMP/corpus.html" corpus
expect_status 0 "$ENTGRAPH" extract -f json -o "$TMP/corpus.graph.json" corpus
[ -s "$TMP/corpus.html" ] || { fail "extract -f html wrote no report"; finish; }

# Searching, a node's links, a link's evidence; the screenshot shows the
# link's panel.
if run corpus "$TMP/corpus.html" "$out/report.png" --search "Unit 8200" --link Azure; then
	judge corpus "$EG_SRCDIR/corpus" "$TMP/corpus.graph.json" <<'PY' || fail "corpus: the report of corpus/ does not work as it should"
corpus, graph_file = args
with open(graph_file) as f:
    graph = json.load(f)
ready = r["ready"] or {}
want(ready.get("nodes") == len(graph["nodes"]) and ready.get("edges") == len(graph["links"]),
     f"the report has {ready.get('nodes')} nodes and {ready.get('edges')} edges, the graph {len(graph['nodes'])} and {len(graph['links'])}")
want(0 < (ready.get("drawn") or 0) <= len(graph["nodes"]), f"sigma.js drew {ready.get('drawn')} nodes")
ms = ready.get("ms") or {}
want(isinstance(ms.get("firstDraw"), (int, float)) and all(isinstance(v, (int, float)) for v in ms.values()),
     f"ready has no times: {ready}")
selected = r["selected"] or {}
want(selected.get("title") == "Unit 8200", f"the node panel's h2 is {selected.get('title')!r}, not 'Unit 8200'")
links = r["links"] or []
want("Microsoft" in links and "Azure" in links, f"the links of Unit 8200 are {links}")
evidence = r["evidence"] or []
want(evidence, "the Azure link shows no evidence")

# The sentences are the articles' words: whole after a leading or trailing
# "…" is cut off, between the "…" of a cut in the middle, with runs of
# whitespace made one space.
def collapsed(text):
    return re.sub(r"\s+", " ", text).strip()
texts = []
for entry in sorted(os.listdir(corpus)):
    with open(os.path.join(corpus, entry), encoding="utf-8", errors="replace") as f:
        texts.append(collapsed(f.read()))
whole = 0
for e in evidence:
    sentence = collapsed((e["sentence"] or "").strip().strip("…").strip())
    if not want(sentence, f"an evidence entry has no sentence: {e}"):
        continue
    whole += any(sentence in t for t in texts)
    for piece in filter(None, (collapsed(p) for p in sentence.split("…"))):
        want(any(piece in t for t in texts), f"the evidence sentence {e['sentence']!r} is not in corpus/ ({piece!r})")
    want(re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["date"] or ""), f"the evidence date {e['date']!r} is no date")
want(not evidence or whole, f"no evidence sentence is in corpus/ as it stands: {[e['sentence'] for e in evidence]}")
# The node panel's sentences that name Unit 8200: its first mentions and
# its links' evidence, each naming it, each the articles' words.
named = selected.get("named") or []
want(len(named) >= 3, f"the node panel names Unit 8200 in {len(named)} sentences")
for sentence in named:
    want("Unit 8200" in sentence or "unit" in sentence.lower(), f"a sentence of Unit 8200 does not name it: {sentence!r}")
    for piece in filter(None, (collapsed(p) for p in sentence.split("…"))):
        want(any(piece in t for t in texts), f"the sentence {sentence!r} is not in corpus/ ({piece!r})")
# corpus/ is plain text: no URL, so no title links anywhere.
evidence_hrefs(evidence)
inked(r["screenshot"])
PY
fi

# A shared view link opens that view; Escape clears it.
edge=$(field corpus 'urllib.parse.quote(r["link"]["id"], safe="")')
node=$(field corpus 'urllib.parse.quote(r["selected"]["id"], safe="")')
if [ -z "$edge" ] || [ -z "$node" ]; then
	fail "no node and link ids from the first run: the view links are not tested"
else
	if run view "$TMP/corpus.html" "$TMP/view.png" --hash "edge=$edge" --escape; then
		judge view "$TMP/corpus.json" <<'PY' || fail "view: #edge=$edge does not open the link, or Escape does not clear it"
with open(args[0]) as f:
    first = json.load(f)
view = r["hash"] or {}
want(not view.get("hidden") and view.get("kind") == "edge" and view.get("id") == first["link"]["id"],
     f"#details shows {view.get('kind')} {view.get('id')!r} (hidden: {view.get('hidden')}), not edge {first['link']['id']!r}")
want(view.get("evidence") == first["evidence"], f"the link's evidence is {view.get('evidence')}, not {first['evidence']}")
escape = r["escape"] or {}
want(escape.get("hidden") is True, f"#details is not hidden after Escape: {escape}")
want(not re.search(r"(^#|&)(node|edge)=", escape.get("hash") or ""), f"the hash is {escape.get('hash')!r} after Escape")
PY
	fi
	# A node with filters, printed.
	if run print "$TMP/corpus.html" "$TMP/print.png" --hash "node=$node&types=ORG,PRODUCT,UNIT&min=1" --print "$TMP/corpus.pdf" \
		--eval '[...document.querySelectorAll("#types input[type=checkbox]:checked")].map(i => i.value).sort().join(",")' \
		--eval '(document.querySelector("#count") || {}).textContent'; then
		judge print "$TMP/corpus.json" <<'PY' || fail "print: #node=$node&types=... does not open the node, or printing draws no graph"
with open(args[0]) as f:
    first = json.load(f)
view = r["hash"] or {}
want(not view.get("hidden") and view.get("kind") == "node" and view.get("id") == first["selected"]["id"],
     f"#details shows {view.get('kind')} {view.get('id')!r}, not node {first['selected']['id']!r}")
# Only links to ORG, PRODUCT and UNIT nodes: Microsoft and Azure, not Gaza.
names = [l["name"] for l in view.get("links", [])]
want("Microsoft" in names and "Azure" in names and "Gaza" not in names, f"the node's links under types=ORG,PRODUCT,UNIT are {names}")
checked, count = (e.get("value") for e in r["eval"] or [{}, {}])
want(checked == "ORG,PRODUCT,UNIT", f"the checked #types are {checked!r}, not ORG,PRODUCT,UNIT")
want(count and count.strip(), f"#count says {count!r}")
p = r["print"] or {}
want(p.get("bytes", 0) > 1000 and p.get("pages", 0) >= 1, f"the PDF is {p}")
img = p.get("img") or {}
# The picture of the graph as drawn on screen, not of a container that
# print hides.
want(img.get("src", "").startswith("data:image/png") and img.get("length", 0) > 1000
     and img.get("naturalWidth", 0) >= 200 and img.get("naturalHeight", 0) >= 200,
     f"#print-graph img after printing: {img or 'missing'}")
want(any(min(map(int, size.split("x"))) >= 200 for size in p.get("images", [])), f"the PDF holds no picture of the graph: {p}")
PY
	fi
fi

# The date filter of a report counted per day: the links shown for August
# 2025 are those with windows in a day of it (period_windows of -f json),
# and the nodes those links join.
expect_status 0 "$ENTGRAPH" extract -f html --period day -o "$TMP/days.html" corpus
expect_status 0 "$ENTGRAPH" extract -f json --period day -o "$TMP/days.graph.json" corpus
if run days "$TMP/days.html" "$TMP/days.png" --hash "from=2025-08-01&to=2025-08-31" \
	--eval 'document.querySelector("#count").textContent' --eval 'document.querySelector("#from").value'; then
	judge days "$TMP/days.graph.json" <<'PY' || fail "days: the date filter does not show what the periods hold"
with open(args[0]) as f:
    g = json.load(f)
def in_august(periods):
    return any(p.split("=")[0].startswith("2025-08-") for p in (periods or "").split(" | ") if p)
links = [l for l in g["links"] if in_august(l.get("period_windows"))]
nodes = {l["source"] for l in links} | {l["target"] for l in links}
want(links, "no link of the corpus has a window in August 2025")
count, start = (e.get("value") for e in r["eval"] or [{}, {}])
want(count == f"{len(nodes)} of {len(g['nodes'])} entities, {len(links)} of {len(g['links'])} links shown",
     f"#count says {count!r}; the periods give {len(nodes)} entities and {len(links)} links")
want(start == "2025-08-01", f"#from holds {start!r}")
PY
fi

# Hostile input: HTML in a label, a title, an outlet and a sentence, and a
# javascript: URL.  Each is shown as text; none runs (window.egPwned stays
# undefined) and none fetches (an <img> made of one would).
mkdir -p "$TMP/hostile"
printf 'Evil <img src=z onerror="window.egPwned=1"> Corp\tORG\n' >"$TMP/hostile.tsv"
cat >"$TMP/hostile/articles.jsonl" <<'EOF'
{"id":"a-hostile","title":"<img src=x onerror=\"window.egPwned=1\">","url":"javascript:window.egPwned=1","source":"<b onmouseover=\"window.egPwned=1\">Outlet</b>","published":"2025-01-02","text":"Evil <img src=z onerror=\"window.egPwned=1\"> Corp said Microsoft and Azure <img src=y onerror=\"window.egPwned=1\"> were named."}
{"id":"b-plain","title":"Microsoft sells Azure","url":"https://example.org/azure?a=1&b=2","source":"Example News","published":"2025-01-03","text":"Microsoft said that Azure would grow."}
EOF
expect_status 0 "$ENTGRAPH" extract -d "$TMP/hostile.tsv" -f html -o "$TMP/hostile.html" "$TMP/hostile"
evil='Evil <img src=z onerror="window.egPwned=1"> Corp'
title='<img src=x onerror="window.egPwned=1">'
outlet='<b onmouseover="window.egPwned=1">Outlet</b>'
if run hostile-label "$TMP/hostile.html" "$TMP/hostile-label.png" --search "$evil" --link Microsoft --eval 'typeof window.egPwned'; then
	judge hostile-label "$evil" "$title" "$outlet" <<'PY' || fail "hostile-label: HTML in a label, title or outlet is not shown as text"
evil, title, outlet = args
want(r["eval"] and r["eval"][0].get("value") == "undefined", f"window.egPwned is {r['eval']}: the page ran a title or label")
want((r["selected"] or {}).get("title") == evil, f"the node panel's h2 is {(r['selected'] or {}).get('title')!r}, not {evil!r}")
evidence = r["evidence"] or []
want(len(evidence) == 1, f"the link shows {len(evidence)} evidence entries, not 1")
for e in evidence:
    want(e["title"] == title and e["element"] != "a" and e["href"] is None, f"the title is shown as {e}")
    want(e["outlet"] == outlet, f"the outlet is shown as {e['outlet']!r}")
    want("<img src=y" in (e["sentence"] or ""), f"the sentence is shown as {e['sentence']!r}")
PY
fi
if run hostile-link "$TMP/hostile.html" "$TMP/hostile-link.png" --search Microsoft --link Azure --eval 'typeof window.egPwned'; then
	judge hostile-link "$evil" "$title" <<'PY' || fail "hostile-link: a javascript: URL is a link, or an http(s) URL is not"
evil, title = args
want(r["eval"] and r["eval"][0].get("value") == "undefined", f"window.egPwned is {r['eval']}")
want(evil in (r["links"] or []), f"the links of Microsoft are {r['links']}, without {evil!r} as text")
evidence = {e["title"]: e for e in r["evidence"] or []}
want(set(evidence) == {title, "Microsoft sells Azure"}, f"the evidence titles are {list(evidence)}")
plain = evidence.get("Microsoft sells Azure") or {}
want(plain.get("element") == "a" and plain.get("href") == "https://example.org/azure?a=1&b=2",
     f"the article with an https URL is shown as {plain}")
hostile = evidence.get(title) or {}
want(hostile.get("element") != "a" and hostile.get("href") is None, f"the javascript: URL is shown as {hostile}")
evidence_hrefs(r["evidence"] or [])
PY
fi
# A view link made of HTML: no such node, nothing shown, nothing run.
if run hostile-hash "$TMP/hostile.html" "$TMP/hostile-hash.png" \
	--hash 'node=%3Cimg%20src%3Dx%20onerror%3D%22window.egPwned%3D1%22%3E&types=%3Csvg%20onload%3D%22window.egPwned%3D1%22%3E&from=%3Cb%3E' \
	--eval 'typeof window.egPwned'; then
	judge hostile-hash <<'PY' || fail "hostile-hash: a view link of HTML ran or broke the page"
want(r["eval"] and r["eval"][0].get("value") == "undefined", f"window.egPwned is {r['eval']}")
want((r["hash"] or {}).get("hidden") is True, f"#details shows {r['hash']} for a node that is not in the graph")
PY
fi

ten_thousand "$TMP/batch" "the report of the 10,000-article batch"
expect_status 0 "$ENTGRAPH" extract -f html -o "$TMP/batch.html" "$TMP/batch"
expect_status 0 "$ENTGRAPH" extract -f json -o "$TMP/batch.graph.json" "$TMP/batch"
# The most mentioned entity, as a reader would look for it, and its
# heaviest link.
$PYTHON - "$TMP/batch.graph.json" >"$TMP/batch.top" <<'PY' || fail "no node in the batch's graph"
import json, sys
g = json.load(open(sys.argv[1]))
labels = {n["id"]: n["label"] for n in g["nodes"]}
top = max(g["nodes"], key=lambda n: (n["mentions"], n["id"]))["id"]
link = max((l for l in g["links"] if top in (l["source"], l["target"])), key=lambda l: (l["weight"], l["source"], l["target"]))
print(labels[top])
print(labels[link["target"] if link["source"] == top else link["source"]])
PY
top=$(sed -n 1p "$TMP/batch.top")
neighbour=$(sed -n 2p "$TMP/batch.top")
if [ -n "$top" ] && run batch "$TMP/batch.html" "$out/report-batch.png" --timeout 300 --search "$top" --link "$neighbour"; then
	judge batch "$top" "$TMP/batch.graph.json" "$TMP/batch.html" <<'PY' || fail "batch: the report of 10,000 articles does not work as it should"
top, graph_file, html = args
with open(graph_file) as f:
    graph = json.load(f)
ready = r["ready"] or {}
want(ready.get("nodes") == len(graph["nodes"]) and ready.get("edges") == len(graph["links"]),
     f"the report has {ready.get('nodes')} nodes and {ready.get('edges')} edges, the graph {len(graph['nodes'])} and {len(graph['links'])}")
selected = r["selected"] or {}
want(selected.get("title") == top and selected.get("links"), f"searching {top!r} shows {selected.get('title')!r} with {len(selected.get('links') or [])} links")
want(r["evidence"], "its heaviest link shows no evidence")
inked(r["screenshot"])
ms = ready.get("ms") or {}
if want(isinstance(ms.get("firstDraw"), (int, float)), f"no time to first draw: {ready}"):
    steps = ", ".join(f"{k} {v:.0f} ms" for k, v in ms.items() if k != "firstDraw" and isinstance(v, (int, float)))
    print(f"report of {ready['nodes']:,} nodes, {ready['edges']:,} edges, {os.path.getsize(html):,} bytes: "
          f"first draw in {ms['firstDraw']:.0f} ms ({steps}); searched {top!r}, "
          f"{len(r['evidence'] or [])} evidence entries on its heaviest link", file=sys.stderr)
PY
fi
finish
