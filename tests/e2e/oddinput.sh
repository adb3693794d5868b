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

finish
