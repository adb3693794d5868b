#!/bin/sh
# Inputs that are odd rather than hostile, each once read wrongly: a huge
# CDATA section, deeply nested <article>s, bytes that are not text in
# names, ids and cells, and UTF-16 HTML.
. "$(dirname "$0")/lib.sh"

# ---- One CDATA section over libxml2's 10 MB limit for a text node: the
# feed was refused whole; it is read.
$PYTHON -c '
import sys
sys.stdout.write("<rss><channel><item><title>Microsoft</title><description><![CDATA[" + "word " * 2200000
    + "Azure]]></description></item><item><title>Palantir</title></item></channel></rss>\n")
' >"$TMP/cdata.rss"
expect_status 0 "$ENTGRAPH" mentions "$TMP/cdata.rss"
grep -q '"doc":"'"$TMP"'/cdata.rss#1",.*"label":"Azure"' "$TMP/out" || fail "CDATA over 10 MB: not read ($(head -c 300 "$TMP/err"))"
grep -q '"doc":"'"$TMP"'/cdata.rss#2",.*"label":"Palantir"' "$TMP/out" || fail "CDATA over 10 MB: the next item not read"

# ---- 500 nested <article>s over 16 MB: the longest (the outermost) is the
# story, found in one walk of the page, not one walk per article (which
# took minutes of CPU time: bounded here to 10 s).
$PYTHON -c '
import sys
sys.stdout.write("<html><body><article><p>Microsoft" + " word" * 6600 + "</p>")
for i in range(499):
    sys.stdout.write("<article><p>" + "word " * 6600 + "</p>")
sys.stdout.write("Azure" + "</article>" * 500 + "<article><p>Palantir</p></article></body></html>\n")
' >"$TMP/nested.html"
printf 'Microsoft\tORG\nAzure\tPRODUCT\nPalantir\tORG\n' >"$TMP/few.tsv"
expect_status 0 sh -c 'ulimit -t 10 && exec timeout 120 "$@"' sh "$ENTGRAPH" mentions --no-defaults -d "$TMP/few.tsv" "$TMP/nested.html"
[ "$(grep -c '"label":"Microsoft"\|"label":"Azure"' "$TMP/out")" -eq 2 ] || fail "nested articles: the outermost was not taken"
grep -q '"label":"Palantir"' "$TMP/out" && fail "nested articles: a shorter article was taken"

# ---- File names that are not text: bytes that are not UTF-8, an escape
# sequence, a line feed, a tab.
mkdir "$TMP/odd"
$PYTHON -c '
import os, sys
for name in [b"bad\xff\xfename.txt", b"esc\x1b[31mred.txt", b"new\nline.txt", b"tab\there.txt"]:
    with open(os.path.join(os.fsencode(sys.argv[1]), name), "wb") as f:
        f.write(b"Microsoft and Azure and Palantir met.\n")
' "$TMP/odd"
# CSV cells (evidence lists the names) are valid UTF-8 without control
# characters but tab and line breaks, so Python's csv reader takes them.
expect_status 0 "$ENTGRAPH" extract -f csv -o "$TMP/odd.csv" "$TMP/odd"
$PYTHON - "$TMP/odd.edges.csv" "$TMP/odd.nodes.csv" <<'PY' || fail "CSV: not valid UTF-8 text"
import csv, sys
for path in sys.argv[1:]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows, path
    for row in rows:
        for cell in row.values():
            bad = [c for c in cell if (ord(c) < 0x20 and c not in "\t\n\r") or c == "\ufffd"]
            assert not bad, (path, cell)
evidence = rows and list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))[0]["evidence"]
assert evidence.count(" | ") == 3, evidence
PY
# A mention's "doc" is the path, losslessly: bytes that are not UTF-8 as
# lone surrogates, which os.fsencode turns back into them.
expect_status 0 "$ENTGRAPH" mentions "$TMP/odd"
$PYTHON - "$TMP/out" <<'PY' || fail "mentions: doc does not name its file"
import json, os, sys
docs = set()
for line in open(sys.argv[1], encoding="utf-8"):
    doc = json.loads(line)["doc"]
    assert os.path.isfile(os.fsencode(doc)), repr(doc)
    docs.add(doc)
assert len(docs) == 4, docs
PY
# On stderr a name is escaped: one message, one line, no escape sequence.
expect_status 1 "$ENTGRAPH" mentions "$TMP/odd/gone$(printf '\033')[2J
next$(printf '\377')"
expect_stderr "entgraph: $TMP/odd/gone\x1b[2J\nnext\xff: No such file or directory (skipped)"
[ "$(wc -l <"$TMP/err")" -eq 2 ] || fail "stderr: a name broke the line: $(cat "$TMP/err")"

# ---- A NUL character (\u0000) in a JSONL id cut it there, so two ids
# collapsed into one; such a record is refused, as in the other fields kept
# as strings.  In the text a NUL is just a character.
printf '%s\n' '{"id": "a\u0000x", "text": "Microsoft"}' '{"id": "a\u0000y", "text": "Azure"}' \
	'{"id": "t", "title": "Palantir\u0000", "text": "Azure"}' '{"id": "u", "url": "x\u0000", "text": "Azure"}' \
	'{"id": "s", "source": {"name": "x\u0000"}, "text": "Azure"}' '{"id": "ok", "text": "Palantir\u0000 and Microsoft"}' \
	>"$TMP/nul.jsonl"
expect_status 1 "$ENTGRAPH" mentions "$TMP/nul.jsonl"
expect_stderr "entgraph: $TMP/nul.jsonl:1: the id holds a NUL character (column 8) (skipped)"
expect_stderr "entgraph: $TMP/nul.jsonl:2: the id holds a NUL character (column 8) (skipped)"
expect_stderr "entgraph: $TMP/nul.jsonl:3: the title holds a NUL character (column 22) (skipped)"
expect_stderr "entgraph: $TMP/nul.jsonl:4: the url holds a NUL character (column 20) (skipped)"
expect_stderr "entgraph: $TMP/nul.jsonl:5: the source holds a NUL character (column 32) (skipped)"
expect_stderr "entgraph: 5 records skipped"
[ "$(cut -d, -f1 "$TMP/out" | sort -u)" = '{"doc":"ok"' ] || fail "NUL: $(cat "$TMP/out")"

# ---- UTF-16 HTML without a byte order mark (a meta charset=utf-16 that
# libxml2 reads too late): known by its NUL bytes, decoded, in both byte
# orders; it gave no mentions and no warning.
$PYTHON - "$TMP" <<'PY'
import sys
page = ('<html><head><meta charset="utf-16"><title>Report</title></head>'
        '<body><p>Microsoft and Palantir met in Zürich.</p></body></html>')
for order in ("le", "be"):
    with open("%s/utf16%s.html" % (sys.argv[1], order), "wb") as f:
        f.write(page.encode("utf-16-" + order))
PY
expect_status 0 "$ENTGRAPH" mentions "$TMP/utf16le.html" "$TMP/utf16be.html"
for order in le be; do
	for label in Microsoft Palantir Zürich; do
		grep -q '"doc":"'"$TMP/utf16$order.html"'",.*"label":"'"$label"'"' "$TMP/out" ||
			fail "UTF-16 ($order) HTML: $label not found"
	done
done

finish
