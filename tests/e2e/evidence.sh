#!/bin/sh
# Evidence an analyst can follow (issue 14, item 6; must-show 3): every
# link names its first documents with their date, title, outlet and URL,
# NAME.evidence.csv holds a row per link and document with the sentence
# that links the two, the cap (--evidence) holds, shards merged, -j2 and a
# cached re-run give the same bytes, and mentions carry their sentence.
. "$(dirname "$0")/lib.sh"

# A JSONL batch of a dozen articles naming shared entities; titles with
# commas, quotes and line breaks; one article without URL and outlet.
"$PYTHON" - "$TMP" <<'PY' || fail "cannot write the batch"
import json, sys
tmp = sys.argv[1]
with open(tmp + "/dict.tsv", "w") as f:
    f.write("Acme Corp\tORG\nGlobex\tORG\nJane Doe\tPERSON\nGotham\tGPE\n")
texts = [
    "Acme Corp bought a plant in Gotham. Analysts were surprised.",
    "Jane Doe, chief of Acme Corp, spoke in Gotham on Monday.",
    "Globex sued Acme Corp. The case opens next week in Gotham.",
    "Jane Doe left Globex in 2019.\n\nShe later joined Acme Corp, people said.",
    "Gotham officials met Globex. Acme Corp was not invited.",
    "Acme Corp and Globex agreed on prices, said Jane Doe.",
    "In Gotham, Jane Doe opened a school. Nobody else came.",
    "Acme Corp shares fell. Globex shares rose. Jane Doe declined to comment.",
    "A storm hit Gotham, and Acme Corp closed its plant.",
    "Globex hired Jane Doe's deputy. Acme Corp said nothing.",
    "Jane Doe visited Gotham and Globex on the same day.",
    "Acme Corp, Globex and Gotham signed a pact with Jane Doe.",
]
records = []
with open(tmp + "/batch.jsonl", "w") as f:
    for i, text in enumerate(texts):
        r = {"id": "art-%02d" % (i + 1), "text": text,
             "title": ['Acme, "the giant", grows', "Line one\nline two", "Plain title"][i % 3] + " %d" % i,
             "date": "2024-03-%02d" % (i + 1), "source": ["Gotham Gazette", "Daily \"Planet\""][i % 2],
             "url": "https://news.example/%d?a=1&b=%d" % (i, i)}
        if i == 4:
            del r["url"], r["source"]
        records.append(r)
        f.write(json.dumps(r) + "\n")
PY
run() {
	"$ENTGRAPH" extract --quiet --no-defaults -d "$TMP/dict.tsv" -w paragraph "$@"
}
run -o "$TMP/one.graphml" "$TMP/batch.jsonl" || fail "extract to GraphML failed"
run -f csv -o "$TMP/one" "$TMP/batch.jsonl" || fail "extract -f csv failed"
[ -f "$TMP/one.evidence.csv" ] || fail "-f csv wrote no NAME.evidence.csv"
run --evidence 2 -o "$TMP/two.graphml" "$TMP/batch.jsonl" || fail "extract --evidence 2 failed"
run --evidence 2 -f csv -o "$TMP/two" "$TMP/batch.jsonl" || fail "extract --evidence 2 -f csv failed"
run --evidence 0 -f csv -o "$TMP/none" "$TMP/batch.jsonl" || fail "extract --evidence 0 -f csv failed"
expect_status 2 "$ENTGRAPH" extract --evidence 101 "$TMP/batch.jsonl"
expect_stderr "entgraph: extract: --evidence must be a whole number from 0 to 100, not \"101\" (see 'entgraph extract --help')"

# What each output says against the records it came from.
"$PYTHON" - "$TMP" <<'PY' || fail "the evidence does not match the batch"
import csv, json, sys
import xml.etree.ElementTree as ET
tmp = sys.argv[1]
records = {}
for line in open(tmp + "/batch.jsonl", encoding="utf-8"):
    r = json.loads(line)
    records[r["id"]] = r
SEP = " | "
problems = []
def graphml_edges(path):
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
    edges = []
    for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge"):
        data = {keys[d.get("key")]: d.text or "" for d in e.findall("g:data", ns)}
        data["source"], data["target"] = e.get("source"), e.get("target")
        edges.append(data)
    return edges

def check_graphml(path, cap):
    edges = graphml_edges(path)
    if not edges:
        problems.append(path + ": no edges")
    most = 0
    for e in edges:
        ids = e.get("evidence", "").split(SEP) if e.get("evidence") else []
        documents = int(e["documents"])
        most = max(most, documents)
        if len(ids) != min(documents, cap):
            problems.append("%s: %s-%s has %d evidence ids for %d documents" % (path, e["source"], e["target"], len(ids), documents))
        if ids != sorted(ids):
            problems.append("%s: evidence not ascending: %s" % (path, ids))
        if not ids:
            if any(k in e for k in ("evidence_urls", "evidence_titles", "evidence_dates", "evidence_outlets")):
                problems.append(path + ": evidence metadata without evidence")
            continue
        for attr, field in (("evidence_urls", "url"), ("evidence_dates", "date"), ("evidence_outlets", "source"),
                            ("evidence_titles", "title")):
            items = e.get(attr, "").split(SEP)
            if len(items) != len(ids):
                problems.append("%s: %s lists %d items for %d evidence ids" % (path, attr, len(items), len(ids)))
                continue
            for doc, item in zip(ids, items):
                want = records[doc].get(field, "")
                if field == "title":
                    want = " ".join(want.split())
                if item != want:
                    problems.append("%s: %s of %s is %r, the record has %r" % (path, attr, doc, item, want))
    return most

def check_csv(name, cap):
    labels = {}
    with open(name + ".nodes.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            labels[row["Id"]] = row["Label"]
    with open(name + ".edges.csv", newline="", encoding="utf-8") as f:
        links = {(r["Source"], r["Target"]): r for r in csv.DictReader(f)}
    with open(name + ".evidence.csv", newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    if header != ["Source", "Target", "document", "date", "title", "outlet", "url", "sentence"]:
        problems.append("%s.evidence.csv: header %s" % (name, header))
    per_link = {}
    for row in rows:
        if len(row) != 8:
            problems.append("%s.evidence.csv: a row of %d fields" % (name, len(row)))
            continue
        source, target, doc, date, title, outlet, url, sentence = row
        per_link.setdefault((source, target), []).append(doc)
        r = records.get(doc)
        if r is None:
            problems.append("%s.evidence.csv: unknown document %r" % (name, doc))
            continue
        if (date, title, outlet, url) != (r["date"], " ".join(r["title"].split()), r.get("source", ""), r.get("url", "")):
            problems.append("%s.evidence.csv: %s's metadata %r" % (name, doc, (date, title, outlet, url)))
        for node in (source, target):
            if labels[node] not in sentence:
                problems.append("%s.evidence.csv: the sentence %r of %s lacks %r" % (name, sentence, doc, labels[node]))
        if labels[source] not in r["text"] + r["title"] or labels[target] not in r["text"] + r["title"]:
            problems.append("%s.evidence.csv: %s does not name %s and %s" % (name, doc, source, target))
    for link, row in links.items():
        docs = per_link.get(link, [])
        want = min(int(row["documents"]), cap)
        if len(docs) != want or docs != (row["evidence"].split(SEP) if row["evidence"] else []):
            problems.append("%s: link %s has %d evidence rows, want %d in `evidence` order" % (name, link, len(docs), want))
    if set(per_link) - set(links):
        problems.append(name + ".evidence.csv: rows for links the edges table lacks")
    return len(rows)

most = check_graphml(tmp + "/one.graphml", 5)
check_graphml(tmp + "/two.graphml", 2)
if most <= 5:
    problems.append("no link in more than 5 documents: the cap is not tried")
rows = check_csv(tmp + "/one", 5)
capped = check_csv(tmp + "/two", 2)
if not capped < rows:
    problems.append("--evidence 2 kept %d rows of %d" % (capped, rows))
if check_csv(tmp + "/none", 0) != 0:
    problems.append("--evidence 0 wrote evidence rows")
for p in problems[:20]:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

# The same bytes from shards merged, -j1 and -j2, and a cached re-run.
run --shard 1/2 --partial "$TMP/p1" "$TMP/batch.jsonl" || fail "extract --shard 1/2 failed"
run --shard 2/2 --partial "$TMP/p2" "$TMP/batch.jsonl" || fail "extract --shard 2/2 failed"
"$ENTGRAPH" merge --quiet -o "$TMP/merged.graphml" "$TMP/p2" "$TMP/p1" || fail "merge failed"
cmp -s "$TMP/one.graphml" "$TMP/merged.graphml" || fail "merged shards differ from one run"
"$ENTGRAPH" merge --quiet -f csv -o "$TMP/merged" "$TMP/p1" "$TMP/p2" || fail "merge -f csv failed"
cmp -s "$TMP/one.evidence.csv" "$TMP/merged.evidence.csv" || fail "merged shards' evidence.csv differs from one run"
"$ENTGRAPH" merge --quiet --evidence 2 -o "$TMP/merged2.graphml" "$TMP/p1" "$TMP/p2" || fail "merge --evidence 2 failed"
cmp -s "$TMP/two.graphml" "$TMP/merged2.graphml" || fail "merge --evidence 2 differs from extract --evidence 2"
expect_status 2 "$ENTGRAPH" merge --evidence 6 -o "$TMP/x.graphml" "$TMP/p1" "$TMP/p2"
expect_stderr "entgraph: $TMP/p1: counted with --evidence 5; merge can keep fewer evidence documents, not more (--evidence 6)"
run --evidence 3 --shard 2/2 --partial "$TMP/p2-3" "$TMP/batch.jsonl" || fail "extract --evidence 3 --shard 2/2 failed"
expect_status 2 "$ENTGRAPH" merge -o "$TMP/x.graphml" "$TMP/p1" "$TMP/p2-3"
expect_stderr "entgraph: $TMP/p2-3: counted with --evidence 3, $TMP/p1 with 5"
for j in 1 2; do
	run -j "$j" -o "$TMP/j$j.graphml" "$TMP/batch.jsonl" || fail "extract -j $j failed"
	cmp -s "$TMP/one.graphml" "$TMP/j$j.graphml" || fail "-j $j differs"
done
for pass in 1 2; do
	run --cache "$TMP/cache.db" -o "$TMP/cached$pass.graphml" "$TMP/batch.jsonl" || fail "cached run $pass failed"
	cmp -s "$TMP/one.graphml" "$TMP/cached$pass.graphml" || fail "cached run $pass differs from an uncached one"
done
run --cache "$TMP/cache.db" --evidence 2 -o "$TMP/cached-two.graphml" "$TMP/batch.jsonl" || fail "cached --evidence 2 failed"
cmp -s "$TMP/two.graphml" "$TMP/cached-two.graphml" || fail "the cache gave --evidence 2 the counts of another cap"

# Mentions carry the sentence around them.
"$ENTGRAPH" mentions --quiet --no-defaults -d "$TMP/dict.tsv" -o "$TMP/mentions.jsonl" "$TMP/batch.jsonl" ||
	fail "mentions failed"
"$PYTHON" - "$TMP/mentions.jsonl" <<'PY' || fail "mentions lack their sentence"
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    m = json.loads(line)
    n += 1
    if m["text"] not in m.get("sentence", "") or "\n" in m["sentence"]:
        sys.exit("%s: %r not in its sentence %r" % (m["doc"], m["text"], m.get("sentence")))
if n < 30:
    sys.exit("only %d mentions" % n)
PY
finish
