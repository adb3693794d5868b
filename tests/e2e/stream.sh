#!/bin/sh
# Endless and huge inputs are read in bounded memory: /dev/zero (named or
# through a symlink) is refused, a pipe or a gzip bomb stops at
# --max-input-bytes, a JSONL line or a page over --max-record-bytes is
# skipped, NUL padding after gzip data is read as gzip -dc reads it, and a
# document larger than a part is matched in parts with the offsets, counts
# and memory of one document read whole.  Each case is followed by a
# normal input, which must still be processed.
# shellcheck disable=SC2086 # $tech is a list of options
. "$(dirname "$0")/lib.sh"

article=$DATA/unit-8200-azure.txt
tech="--no-defaults --no-learn -d $EG_SRCDIR/dictionaries/tech.tsv"

# has_label FILE LABEL: the GraphML holds a node of this label.
has_label() {
	grep -q "<data key=\"label\">$2</data>" "$1"
}

# peak_kb CMD...: runs CMD like expect_status does, its peak RSS in $TMP/rss
# (empty without /usr/bin/time).
peak_kb() {
	want=$1
	shift
	rm -f "$TMP/rss"
	if [ -x /usr/bin/time ]; then
		expect_status "$want" /usr/bin/time -f %M -o "$TMP/rss" "$@"
	else
		expect_status "$want" "$@"
	fi
}

# Sanitizer builds use far more memory per byte (shadow memory,
# quarantine): bounds on memory hold for the release build only.
sanitized=0
if command -v ldd >/dev/null 2>&1 && ldd "$ENTGRAPH" 2>/dev/null | grep -q 'libasan'; then
	sanitized=1
fi

# expect_peak_below KB WHAT: the last peak_kb stayed below KB.
expect_peak_below() {
	if [ "$sanitized" -eq 0 ] && [ -s "$TMP/rss" ]; then
		kb=$(tail -n 1 "$TMP/rss")
		[ "$kb" -lt "$1" ] || fail "$2: peak RSS $kb KB, want below $1 KB"
	fi
}

# ---- /dev/zero, named and through a symlink given directly, then an
# article: both refused in one line each, the article's graph written, no
# temp file left beside the output.
mkdir "$TMP/zero"
ln -s /dev/zero "$TMP/zero/link"
expect_status 1 timeout 120 "$ENTGRAPH" extract -o "$TMP/zero/g.graphml" /dev/zero "$TMP/zero/link" "$article"
expect_stderr "entgraph: /dev/zero: binary data, not text (its first 262144 bytes are all NUL) (skipped)"
expect_stderr "entgraph: $TMP/zero/link: binary data, not text (its first 262144 bytes are all NUL) (skipped)"
expect_stderr "entgraph: 2 inputs skipped"
[ "$(wc -l <"$TMP/err")" -eq 3 ] || fail "/dev/zero: want 3 lines on stderr, got: $(cat "$TMP/err")"
has_label "$TMP/zero/g.graphml" "Unit 8200" || fail "/dev/zero: the article after it was not processed"
[ "$(ls -A "$TMP/zero" | tr '\n' ' ')" = "g.graphml link " ] || fail "/dev/zero: left behind: $(ls -A "$TMP/zero")"

# ---- An endless pipe stops at the input budget; what was read is used.
{ cat "$article"; yes; } | head -c 40000000 >"$TMP/yes.txt"
expect_status 1 timeout 120 sh -c "\"\$0\" extract --max-input-bytes 8M -o \"\$1\" <\"\$2\"" \
	"$ENTGRAPH" "$TMP/yes.graphml" "$TMP/yes.txt"
expect_stderr "entgraph: -: stopped after 8 MiB (--max-input-bytes 8M); the rest is not read"
expect_stderr "entgraph: 1 document cut short by a limit (--max-*, see above)"
has_label "$TMP/yes.graphml" "Unit 8200" || fail "pipe: what was read before the budget is not in the graph"
rm -f "$TMP/yes.txt"

# ---- A gzip bomb: 150 KB inflating to 100 MB stops at the budget, in
# bounded memory, and the next input is read.
$PYTHON - "$TMP/bomb.txt.gz" <<'EOF'
import gzip, sys
para = b"Microsoft and Azure were named again.\n\n"
with gzip.open(sys.argv[1], "wb", compresslevel=9) as out:
    for _ in range(100_000_000 // (len(para) * 1000)):
        out.write(para * 1000)
EOF
peak_kb 1 timeout 300 "$ENTGRAPH" extract -j 1 --max-input-bytes 16M -o "$TMP/bomb.graphml" "$TMP/bomb.txt.gz" "$article"
expect_stderr "entgraph: $TMP/bomb.txt.gz: stopped after 16 MiB (--max-input-bytes 16M); the rest is not read"
expect_peak_below 100000 "gzip bomb"
has_label "$TMP/bomb.graphml" "Unit 8200" || fail "gzip bomb: the article after it was not processed"
grep -q '<data key="mentions">[0-9]\{6\}</data>' "$TMP/bomb.graphml" || fail "gzip bomb: the bytes read were not counted"

# ---- gzip members followed by NUL padding read as gzip -dc reads them;
# garbage after them is reported, the data before it used.
{ gzip -c <"$article"; head -c 4096 /dev/zero; } >"$TMP/padded.txt.gz"
gzip -dc "$TMP/padded.txt.gz" | cmp -s - "$article" || fail "gzip -dc does not read the padded file as expected"
expect_status 0 "$ENTGRAPH" mentions "$TMP/padded.txt.gz"
sed "s|\"doc\":\"$TMP/padded.txt.gz\"|\"doc\":\"$article\"|" "$TMP/out" >"$TMP/padded.out"
"$ENTGRAPH" mentions "$article" >"$TMP/plain.out" 2>/dev/null
cmp -s "$TMP/padded.out" "$TMP/plain.out" || fail "a zero-padded .gz does not read like its text"
{ gzip -c <"$article"; printf 'garbage'; } >"$TMP/garbage.txt.gz"
expect_status 1 "$ENTGRAPH" mentions "$TMP/garbage.txt.gz" "$article"
expect_stderr "entgraph: $TMP/garbage.txt.gz: trailing garbage after the gzip data (skipped)"
grep -q "\"doc\":\"$TMP/garbage.txt.gz\",.*\"label\":\"Unit 8200\"" "$TMP/out" || fail "gzip with garbage: the data before it was not used"

# ---- A JSONL line over the record budget is skipped, the lines after it
# read; a page over it is skipped whole.
$PYTHON - "$TMP/long.jsonl" "$TMP/big.html" <<'EOF'
import json, sys
with open(sys.argv[1], "w") as out:
    out.write(json.dumps({"id": "one", "text": "Microsoft met Azure."}) + "\n")
    out.write(json.dumps({"id": "long", "text": "Azure " * 400_000}) + "\n")
    out.write(json.dumps({"id": "three", "text": "Unit 8200 and Azure."}) + "\n")
with open(sys.argv[2], "w") as out:
    out.write("<html><body><p>" + "Azure " * 400_000 + "</p></body></html>\n")
EOF
expect_status 1 "$ENTGRAPH" mentions --max-record-bytes 1M "$TMP/long.jsonl" "$TMP/big.html" "$article"
expect_stderr "entgraph: $TMP/long.jsonl:2: a record over 1 MiB, the most one is read whole (--max-record-bytes 1M); skipped"
expect_stderr "entgraph: $TMP/big.html: larger than 1 MiB, the most a page or feed is read whole (--max-record-bytes 1M); skipped"
expect_stderr "entgraph: 2 documents cut short by a limit (--max-*, see above)"
grep -q '"doc":"one"' "$TMP/out" || fail "long JSONL line: the line before it is missing"
grep -q '"doc":"three",.*"label":"Unit 8200"' "$TMP/out" || fail "long JSONL line: the line after it is missing"
grep -q '"doc":"long"' "$TMP/out" && fail "long JSONL line: it was read"

# ---- A document far larger than a part: a 96 MB text file (paragraphs,
# then 3 MB without a line break, then paragraphs) and a 3 MB JSONL body.
# Mention offsets are into the whole document, exactly the bytes of each
# name, every name found; memory stays far below the file's size.
$PYTHON - "$TMP/huge.txt" "$TMP/huge.jsonl" <<'EOF'
import json, random, sys
rng = random.Random(7)
words = "the of and to in a is that for it as was with be by on not he this are or his from at which".split()
def filler(n):
    return " ".join(rng.choice(words) for _ in range(n))
with open(sys.argv[1], "w") as out:
    size = 0
    while size < 96_000_000:
        if 40_000_000 < size < 43_000_000:
            chunk = filler(5000) + " Microsoft sold Azure. "      # one long line
        else:
            chunk = filler(rng.randrange(50, 400)) + ". Microsoft and Unit 8200.\n\n"
        out.write(chunk)
        size += len(chunk)
    out.write("The end: Azure\n")
with open(sys.argv[2], "w") as out:
    body = "".join(filler(300) + ". Microsoft, then Azure.\n\n" for _ in range(2000))
    out.write(json.dumps({"id": "big", "text": body}) + "\n")
    out.write(json.dumps({"id": "small", "text": "Unit 8200"}) + "\n")
EOF
peak_kb 0 timeout 300 "$ENTGRAPH" mentions $tech -j 1 "$TMP/huge.txt"
expect_peak_below 65536 "96 MB text"
$PYTHON - "$TMP/out" "$TMP/huge.txt" <<'EOF' || fail "96 MB text: the mentions are not those of the text read whole"
import json, re, sys
text = open(sys.argv[2], "rb").read()
want = sorted((m.start(), m.end()) for m in re.finditer(rb"\b(?:Microsoft|Azure)\b", text))
got = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = json.loads(line)
    if text[m["start"]:m["end"]] != m["text"].encode():
        sys.exit("%d-%d: %r is not %r" % (m["start"], m["end"], text[m["start"]:m["end"]], m["text"]))
    got.append((m["start"], m["end"]))
if sorted(got) != want:
    sys.exit("%d mentions, want %d; first difference near %s" % (len(got), len(want),
             next((a, b) for a, b in zip(sorted(got) + [None], want + [None]) if a != b)))
EOF
expect_status 0 "$ENTGRAPH" mentions $tech "$TMP/huge.jsonl"
$PYTHON - "$TMP/out" "$TMP/huge.jsonl" <<'EOF' || fail "3 MB JSONL body: the mentions are not those of the body read whole"
import json, re, sys
body = json.loads(open(sys.argv[2]).readline())["text"].encode()
want = [(m.start(), m.end()) for m in re.finditer(rb"\b(?:Microsoft|Azure)\b", body)]
got = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = json.loads(line)
    if m["doc"] != "big":
        continue
    if body[m["start"]:m["end"]] != m["text"].encode():
        sys.exit("%d-%d: %r is not %r" % (m["start"], m["end"], body[m["start"]:m["end"]], m["text"]))
    got.append((m["start"], m["end"]))
if sorted(got) != want:
    sys.exit("%d mentions, want %d" % (len(got), len(want)))
EOF
# Parts give the same graph whatever the number of threads.
for w in sentence document; do
	"$ENTGRAPH" extract $tech -w $w -j 1 -o "$TMP/j1.graphml" "$TMP/huge.jsonl" 2>/dev/null
	"$ENTGRAPH" extract $tech -w $w -j 3 -o "$TMP/j3.graphml" "$TMP/huge.jsonl" 2>/dev/null
	cmp -s "$TMP/j1.graphml" "$TMP/j3.graphml" || fail "3 MB JSONL body, -w $w: -j 1 and -j 3 differ"
done
# In parts it is still one document: every count of documents is 1, and
# with -w document the pair's weight too.
expect_status 0 "$ENTGRAPH" extract $tech -w document -f csv -o "$TMP/huge" "$TMP/huge.txt"
$PYTHON - "$TMP/huge" <<'EOF' || fail "96 MB text: not counted as one document"
import csv, sys
nodes = list(csv.DictReader(open(sys.argv[1] + ".nodes.csv")))
if sorted(n["Label"] for n in nodes) != ["Azure", "Microsoft"] or any(n["documents"] != "1" for n in nodes):
    sys.exit("nodes: %r" % nodes)
edges = list(csv.DictReader(open(sys.argv[1] + ".edges.csv")))
if len(edges) != 1 or any(e["count"] != "1" or e["documents"] != "1" for e in edges):
    sys.exit("edges: %r" % edges)
EOF
rm -f "$TMP/huge.txt" "$TMP/huge.jsonl"

finish
