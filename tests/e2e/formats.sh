#!/bin/sh
# Article batches: JSONL, HTML, RSS and Atom feeds, gzip, through
# `entgraph mentions`: the right documents and entities, page furniture left
# out, bad records reported with file and line and skipped (exit 1) while
# the good ones are still written, hostile feeds harmless.
. "$(dirname "$0")/lib.sh"

F=$DATA/formats

# summarise < mentions.jsonl: one line per document, in output order:
# "DOC COUNT label|label|..." (labels sorted).
summarise() {
	$PYTHON -c '
import json, sys
docs = {}
for line in sys.stdin:
    m = json.loads(line)
    d = docs.setdefault(m["doc"], [0, set()])
    d[0] += 1
    d[1].add(m["label"])
for doc, (n, labels) in docs.items():
    print(doc, n, "|".join(sorted(labels)))
'
}

# expect_summary LINE: the summary of $TMP/out has this line.
expect_summary() {
	summarise <"$TMP/out" >"$TMP/summary"
	grep -qxF -- "$1" "$TMP/summary" || fail "mentions lack: $1 (got: $(cat "$TMP/summary"))"
}

# JSONL: a malformed line and a record with neither title nor text are
# reported with file and line and skipped; the other four are written.
expect_status 1 "$ENTGRAPH" mentions "$F/articles.jsonl"
expect_stderr "entgraph: $F/articles.jsonl:4: unterminated string (column 78) (skipped)"
expect_stderr "entgraph: $F/articles.jsonl:6: the record has neither a title nor a text (text, content, body, article or description) (skipped)"
expect_stderr "entgraph: 2 records skipped"
[ "$(wc -l <"$TMP/err")" -eq 3 ] || fail "unexpected stderr: $(cat "$TMP/err")"
expect_summary "guardian-2025-08-06-unit-8200 8 +972 Magazine|Azure|Israel Defense Forces|Local Call|Microsoft|The Guardian|Unit 8200"
expect_summary "$F/articles.jsonl:3 5 Azure|Local Call|Microsoft|Netherlands|Unit 8200"
expect_summary "title-only 2 Microsoft|Unit 8200"
expect_summary "1234 5 Azure|Microsoft|The Guardian|Unit 8200"
[ "$(summarise <"$TMP/out" | wc -l)" -eq 4 ] || fail "want 4 JSONL documents with mentions"
# Offsets are into title + blank line + text: the first mention of the
# first record are in its title.
head -n 1 "$TMP/out" | grep -qF '"doc":"guardian-2025-08-06-unit-8200","start":0,"end":16,"text":"Israeli military"' ||
	fail "first JSONL mention: $(head -n 1 "$TMP/out")"
sed -n 2p "$TMP/out" | grep -qF '"doc":"guardian-2025-08-06-unit-8200","start":45,"end":54,"text":"Microsoft"' ||
	fail "second JSONL mention: $(sed -n 2p "$TMP/out")"
cp "$TMP/out" "$TMP/plain.jsonl"

# The same batch gzipped reads the same; ids made from the line name the
# .gz file.
expect_status 1 "$ENTGRAPH" mentions "$F/articles.jsonl.gz"
expect_stderr "entgraph: $F/articles.jsonl.gz:4: unterminated string (column 78) (skipped)"
sed 's/articles\.jsonl\.gz:/articles.jsonl:/' "$TMP/out" | cmp -s - "$TMP/plain.jsonl" || fail "gzip JSONL differs from plain"

# HTML: the article only, no scripts, navigation, asides or footer.
expect_status 0 "$ENTGRAPH" mentions "$F/news-page.html"
expect_summary "$F/news-page.html 11 +972 Magazine|Azure|Brad Smith|Local Call|Microsoft|The Guardian|Unit 8200"
for absent in Google Palantir Amazon; do
	grep -q "\"$absent\"" "$TMP/out" && fail "HTML: $absent comes from page furniture"
done

# RSS: one document per item, ids from guid, then link, then FILE#N; an
# item with neither title nor text is reported and skipped.
expect_status 1 "$ENTGRAPH" mentions "$F/feed.rss"
expect_stderr "entgraph: $F/feed.rss: item 3: has neither a title nor a text (skipped)"
expect_stderr "entgraph: 1 record skipped"
grep -q '"Google"' "$TMP/out" && fail "RSS: script text in content:encoded"
summarise <"$TMP/out" | cut -d' ' -f1 >"$TMP/docs"
printf '%s\n' wire-2025-0815-001 https://wire.example.org/2025/08/sources "$F/feed.rss#4" | cmp -s - "$TMP/docs" ||
	fail "RSS documents: $(cat "$TMP/docs")"
grep -q '"doc":"wire-2025-0815-001",.*"label":"The Guardian"' "$TMP/out" || fail "RSS: content:encoded not read"
expect_status 1 "$ENTGRAPH" mentions "$F/feed.rss.gz"
expect_stderr "entgraph: $F/feed.rss.gz: item 3: has neither a title nor a text (skipped)"

# Atom: entries with HTML, XHTML and text content.
expect_status 0 "$ENTGRAPH" mentions "$F/feed.atom"
grep -q '"doc":"tag:atom.example.net,2025:palantir",.*"label":"Project Nimbus"' "$TMP/out" || fail "Atom: XHTML content"
grep -q '"doc":"tag:atom.example.net,2025:cut-off",.*"label":"Azure"' "$TMP/out" || fail "Atom: HTML content"
grep -q "\"doc\":\"$F/feed.atom#3\",.*\"label\":\"Amnesty International\"" "$TMP/out" || fail "Atom: text summary"
grep -q '"doc":"tag:atom.example.net,2025:cut-off",.*"label":"Google"' "$TMP/out" && fail "Atom: nav inside HTML content"

# Hostile feeds: entities are neither expanded nor fetched, quickly; the
# text around them is read.
expect_status 0 timeout 60 "$ENTGRAPH" mentions "$F/billion-laughs.rss"
expect_summary "$F/billion-laughs.rss#1 2 Azure|Microsoft"
grep -q 'lol' "$TMP/out" && fail "billion laughs: an entity was expanded"
# The same entities inside attribute values, which libxml2 expands
# whatever the options: declared empty, they stay small.
expect_status 0 timeout 60 "$ENTGRAPH" mentions "$F/billion-laughs-attribute.rss"
expect_summary "$F/billion-laughs-attribute.rss#1 2 Azure|Microsoft"
# And a mangled one (an invalid XML declaration, a bad byte in a
# reference), on which libxml2 keeps its own expansion: refused at once by
# libxml2's guard, naming the line, never hung on.
sed '1s/version="1.0"/veirson="1.0"/; 4s/&lol;&lol;&lol;/\&lol;\&lol;\&lo\xecl;/' "$F/billion-laughs-attribute.rss" \
	>"$TMP/billion-laughs-broken.rss"
expect_status 1 timeout 60 "$ENTGRAPH" mentions "$TMP/billion-laughs-broken.rss"
grep -q "billion-laughs-broken.rss:17: Detected an entity reference loop (skipped)" "$TMP/err" ||
	fail "mangled billion laughs: $(cat "$TMP/err")"
expect_status 0 "$ENTGRAPH" mentions $LEAK_DICT "$F/external-entity.rss"
expect_summary "xxe-1 2 Azure|Microsoft"
not_leaked "external entity"

# A page whose bytes do not fit its declared encoding: libxml2's own
# messages never reach stderr (only entgraph's do).
printf '<html><head><meta charset="shift_jis"></head><body><p>\201\377\376 Microsoft</p></body></html>' >"$TMP/sjis.html"
expect_status 0 "$ENTGRAPH" mentions "$TMP/sjis.html"
[ -s "$TMP/err" ] && fail "libxml2 wrote to stderr: $(cat "$TMP/err")"

# A feed that is not well-formed: FILE:LINE and libxml2's message.
expect_status 1 "$ENTGRAPH" mentions "$F/broken.rss"
expect_stderr "entgraph: $F/broken.rss:6: Opening and ending tag mismatch: title line 6 and item (skipped)"

# Bad gzip: named, skipped, the rest processed.
head -c 40 "$F/articles.jsonl.gz" >"$TMP/short.jsonl.gz"
printf '\037\213\010\000\000\000\000\000\000\003garbage-not-deflate' >"$TMP/bad.txt.gz"
expect_status 1 "$ENTGRAPH" mentions "$TMP/short.jsonl.gz" "$TMP/bad.txt.gz" "$F/2025-08-06-note.txt.gz"
expect_stderr "entgraph: $TMP/short.jsonl.gz: truncated gzip data (skipped)"
grep -q "^entgraph: $TMP/bad.txt.gz: corrupt gzip data (.*) (skipped)\$" "$TMP/err" || fail "corrupt gzip: $(cat "$TMP/err")"
expect_stderr "entgraph: 2 inputs skipped"
expect_summary "$F/2025-08-06-note.txt.gz 3 Azure|Microsoft|Unit 8200"

# A whole directory of mixed formats: inputs and records counted apart.
expect_status 1 "$ENTGRAPH" extract -o "$TMP/g.graphml" "$F"
expect_stderr "entgraph: 1 input and 6 records skipped"
grep -q '<data key="label">Project Nimbus</data>' "$TMP/g.graphml" || fail "directory: the Atom feed was not read"

# Standard input: detected by content, or as --input-format says.
"$ENTGRAPH" mentions <"$F/feed.atom" >"$TMP/out" 2>"$TMP/err" || fail "Atom on stdin: $(cat "$TMP/err")"
grep -q '"doc":"tag:atom.example.net,2025:palantir"' "$TMP/out" || fail "Atom on stdin not detected"
printf '{"id":"s1","text":"Microsoft and Azure"}\n' >"$TMP/in.txt"
"$ENTGRAPH" mentions --input-format jsonl - <"$TMP/in.txt" >"$TMP/out" 2>"$TMP/err" || fail "forced jsonl on stdin"
expect_summary "s1 2 Azure|Microsoft"
expect_status 0 "$ENTGRAPH" mentions --input-format jsonl "$TMP/in.txt"
expect_summary "s1 2 Azure|Microsoft"
expect_status 0 "$ENTGRAPH" mentions --input-format text "$F/articles.jsonl"
summarise <"$TMP/out" | grep -q "^$F/articles.jsonl " || fail "--input-format text: the file is one document"
expect_status 0 "$ENTGRAPH" mentions --input-format html "$F/feed.atom"
expect_status 2 "$ENTGRAPH" mentions --input-format xml "$F/feed.atom"
expect_stderr "entgraph: mentions: --input-format must be auto, text, jsonl, html or feed, not \"xml\" (see 'entgraph mentions --help')"
finish
