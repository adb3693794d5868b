#!/bin/sh
# The bad-input matrix: every row gives entgraph something hostile next to
# a good article and asserts the exact stderr line, the exit status, and
# that the good article was still processed.  errors.sh holds the first
# cases (missing input, /dev/full, a 2 MB line); formats.sh the billion
# laughs and external entity in a feed, broken and corrupt gzip and XML.
. "$(dirname "$0")/lib.sh"

article=$DATA/unit-8200-azure.txt
tech="--no-defaults -d $EG_SRCDIR/dictionaries/tech.tsv"

# good_processed: the article's mentions are in $TMP/out.
good_processed() {
	grep -q "\"doc\":\"$article\",.*\"label\":\"Unit 8200\"" "$TMP/out" || fail "$1: the good article was not processed"
}

# slices_back FILE...: every mention of these files is exactly its bytes.
slices_back() {
	$PYTHON - "$TMP/out" "$@" <<'EOF' || fail "mentions do not slice back to their bytes"
import json, sys
files = {path: open(path, "rb").read() for path in sys.argv[2:]}
seen = 0
for line in open(sys.argv[1], encoding="utf-8"):
    m = json.loads(line)
    if m["doc"] in files:
        got = files[m["doc"]][m["start"]:m["end"]]
        if got != m["text"].encode("utf-8"):
            sys.exit("%s %d-%d: %r is not %r" % (m["doc"], m["start"], m["end"], got, m["text"]))
        seen += 1
if not seen:
    sys.exit("no mentions in " + " ".join(sys.argv[2:]))
EOF
}

# count DOC: mentions of DOC in $TMP/out.
count() {
	grep -c "\"doc\":\"$1\"" "$TMP/out"
}

# ---- Invalid UTF-8 of every kind: read as text, the run succeeds, the
# invalid bytes are single INVALID tokens between names, and offsets are
# byte offsets into the file.
u=$TMP/utf8
mkdir "$u"
printf 'overlong \300\257Microsoft\300\257 and \340\200\257Azure \360\200\200\257 end.\n' >"$u/overlong.txt"
printf 'surrogates \355\240\200Microsoft\355\277\277 Azure \355\240\275\355\262\241.\n' >"$u/surrogates.txt"
printf 'past U+10FFFF \364\220\200\200Microsoft \367\277\277\277 Azure \370\210\200\200\200 \374\204\200\200\200\200.\n' >"$u/too-big.txt"
printf 'truncated \342\202Microsoft \360\237\222 Azure \303' >"$u/truncated.txt"
printf 'stray \200Microsoft\277 \240\240 Azure \200\n' >"$u/stray.txt"
printf 'fe ff \376Microsoft\377 Azure \376\377\377\376.\n' >"$u/fe-ff.txt"
# shellcheck disable=SC2086
expect_status 0 "$ENTGRAPH" mentions $tech "$u"/*.txt
[ -s "$TMP/err" ] && fail "invalid UTF-8: stderr: $(cat "$TMP/err")"
for f in "$u"/*.txt; do
	[ "$(count "$f")" -eq 2 ] || fail "$f: want Microsoft and Azure, got $(count "$f") mentions"
done
slices_back "$u"/*.txt

# In JSONL, strict JSON: the record is skipped, the next one read.
printf '{"id":"bad","text":"Microsoft \377 Azure"}\n{"id":"good","text":"Microsoft and Azure"}\n' >"$TMP/utf8.jsonl"
expect_status 1 "$ENTGRAPH" mentions "$TMP/utf8.jsonl" "$article"
expect_stderr "entgraph: $TMP/utf8.jsonl:1: invalid UTF-8 in a string (column 31) (skipped)"
expect_stderr "entgraph: 1 record skipped"
grep -q '"doc":"good"' "$TMP/out" || fail "JSONL: the record after the bad one was not read"
good_processed "invalid UTF-8 in JSONL"

# In a feed, declared UTF-8: not well-formed XML, libxml2's message, skipped.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss><channel><item><title>Microsoft \377 Azure</title></item></channel></rss>\n' >"$TMP/utf8.rss"
expect_status 1 "$ENTGRAPH" mentions "$TMP/utf8.rss" "$article"
expect_stderr "entgraph: $TMP/utf8.rss:2: Input is not proper UTF-8, indicate encoding ! Bytes: 0xFF 0x20 0x41 0x7A (skipped)"
expect_stderr "entgraph: 1 input skipped"
good_processed "invalid UTF-8 in a feed"

# In HTML, the forgiving parser reads around the bad bytes.
printf '<html><body><p>Microsoft \377\300\257 Azure</p></body></html>' >"$TMP/utf8.html"
expect_status 0 "$ENTGRAPH" mentions "$TMP/utf8.html" "$article"
[ "$(count "$TMP/utf8.html")" -ge 2 ] || fail "invalid UTF-8 in HTML: $(head -c 500 "$TMP/out")"

# In a dictionary or a rules file: a configuration error, exit 2.
printf 'Gaza\tPLACE\nMicro\377soft\tORG\n' >"$TMP/utf8.tsv"
expect_status 2 "$ENTGRAPH" mentions -d "$TMP/utf8.tsv" "$article"
expect_stderr "entgraph: $TMP/utf8.tsv:2: invalid UTF-8"
printf 'ORG\t$0\tMicro\377soft\n' >"$TMP/utf8.rules"
expect_status 2 "$ENTGRAPH" mentions -r "$TMP/utf8.rules" "$article"
expect_stderr "entgraph: $TMP/utf8.rules:1: invalid UTF-8"

# ---- NUL bytes.  A few in text are white space (tokenize.h); a text made
# mostly of them is binary data, skipped by name.
{ printf "Microsoft said"; head -c 100000 /dev/zero; printf "Azure\\000\\n"; } >"$TMP/zeros.txt"
# shellcheck disable=SC2086
expect_status 1 "$ENTGRAPH" mentions $tech "$TMP/zeros.txt"
expect_stderr "entgraph: $TMP/zeros.txt: binary file (unrecognised binary data), skipped"
printf "Microsoft said\\000\\000 on Tuesday that the contract for its cloud service, which the ministry signed last year after a long tender, would run until the end of the decade, and that Azure\\000 was not used for surveillance.\\n" >"$TMP/nul.txt"
# shellcheck disable=SC2086
expect_status 0 "$ENTGRAPH" mentions $tech "$TMP/nul.txt"
[ "$(count "$TMP/nul.txt")" -eq 2 ] || fail "NUL text: want 2 mentions, got $(count "$TMP/nul.txt")"
slices_back "$TMP/nul.txt"
# JSON strings must escape them; a line of NULs is no JSON.
printf '{"id":"raw","text":"Microsoft \000 Azure"}\n\000\000\n{"id":"escaped","text":"Microsoft \\u0000 Azure"}\n' >"$TMP/nul.jsonl"
expect_status 1 "$ENTGRAPH" mentions "$TMP/nul.jsonl" "$article"
expect_stderr "entgraph: $TMP/nul.jsonl:1: control character U+0000 in a string (write it as an escape) (column 31) (skipped)"
expect_stderr "entgraph: $TMP/nul.jsonl:2: expected a value, found byte 0x00 (column 1) (skipped)"
expect_stderr "entgraph: 2 records skipped"
grep -q '"doc":"escaped"' "$TMP/out" || fail "JSONL: an escaped NUL is fine"
good_processed "NUL in JSONL"
# XML cannot hold one: libxml2 stops there.
printf '<?xml version="1.0"?>\n<rss><channel><item><title>Microsoft \000 Azure</title></item></channel></rss>\n' >"$TMP/nul.rss"
expect_status 1 "$ENTGRAPH" mentions "$TMP/nul.rss" "$article"
expect_stderr "entgraph: $TMP/nul.rss:2: Premature end of data in tag title line 2 (skipped)"
good_processed "NUL in a feed"
# A dictionary line with a NUL (a UTF-16 file, most likely) is refused
# rather than cut short at the NUL.
printf 'Gaza\tPLACE\nMicro\000soft\tORG\n' >"$TMP/nul.tsv"
expect_status 2 "$ENTGRAPH" mentions -d "$TMP/nul.tsv" "$article"
expect_stderr "entgraph: $TMP/nul.tsv:2: NUL byte (the file must be UTF-8 text)"
printf '\377\376G\000a\000z\000a\000\t\000P\000L\000A\000C\000E\000\n\000' >"$TMP/utf16.tsv"
expect_status 2 "$ENTGRAPH" mentions -d "$TMP/utf16.tsv" "$article"
expect_stderr "entgraph: $TMP/utf16.tsv:1: NUL byte (the file must be UTF-8 text)"

# ---- Binary files are skipped by name, never read as text (tests/e2e/binary.sh
# has every kind): the rest of the batch is processed.
cp /bin/ls "$TMP/ls-copy"
$PYTHON - "$TMP/image.png" <<'EOF'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
rows = b"".join(b"\0" + bytes((x * 7 + y * 13) & 255 for x in range(64 * 3)) for y in range(64))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0))
    + chunk(b"tEXt", b"Comment\0Microsoft Azure") + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
EOF
expect_status 1 "$ENTGRAPH" mentions "$TMP/ls-copy" "$TMP/image.png" "$article"
expect_stderr "entgraph: $TMP/ls-copy: binary file (ELF executable), skipped"
expect_stderr "entgraph: $TMP/image.png: binary file (PNG image), skipped"
grep -q "\"doc\":\"$TMP/image.png\"" "$TMP/out" && fail "PNG: read as text"
good_processed "binary files"
expect_status 1 "$ENTGRAPH" extract -o "$TMP/bin.graphml" "$TMP/ls-copy" "$TMP/image.png" "$article"
xmllint --noout "$TMP/bin.graphml" 2>"$TMP/xmllint" || fail "binary files: the GraphML is not well-formed: $(cat "$TMP/xmllint")"

# ---- A 100 MB single line, two ways: article prose without line breaks,
# and one 100 MB token.  Quick, and in bounded memory: the line is matched
# in parts (cut at sentence ends, else at white space, else anywhere);
# stream.sh holds the tighter bound, for release builds.
tr '\n' ' ' <"$article" >"$TMP/para"
$PYTHON - "$TMP/para" "$TMP/prose.txt" <<'EOF'
import sys
para = open(sys.argv[1], "rb").read()
with open(sys.argv[2], "wb") as out:
    out.write((para * (100_000_000 // len(para) + 1))[:100_000_000] + b"\n")
EOF
{ printf 'Microsoft and Azure '; head -c 100000000 /dev/zero | tr '\0' x; printf ' Unit 8200\n'; } >"$TMP/token.txt"
measure() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$TMP/rss" "$@"
	else
		"$@"
	fi
}
for big in prose token; do
	start=$(date +%s)
	measure "$ENTGRAPH" extract -o "$TMP/$big.graphml" "$TMP/$big.txt" "$article" >"$TMP/out" 2>"$TMP/err"
	status=$?
	seconds=$(($(date +%s) - start))
	[ "$status" -eq 0 ] || fail "100 MB line ($big): exit $status: $(head -c 500 "$TMP/err")"
	[ "$seconds" -le 90 ] || fail "100 MB line ($big): took $seconds s"
	if [ -s "$TMP/rss" ]; then
		kb=$(tail -n 1 "$TMP/rss")
		[ "$kb" -le 1600000 ] || fail "100 MB line ($big): $kb KB of memory"
	fi
	grep -q '<data key="label">Unit 8200</data>' "$TMP/$big.graphml" || fail "100 MB line ($big): no Unit 8200"
	rm -f "$TMP/rss"
done
grep -q '<data key="label">Microsoft</data>' "$TMP/token.graphml" || fail "100 MB token: no Microsoft"
rm -f "$TMP/prose.txt" "$TMP/token.txt"

# ---- Deep nesting.  HTML: 100,000 levels parse (past libxml2's default
# limit of 256, which silently dropped the rest of the page); text deeper
# than html.c's own bound of 512 levels is left out, the rest is read.
$PYTHON -c '
import sys
n = 100000
sys.stdout.write("<html><body><p>Microsoft first.</p>" + "<div>" * n + "Palantir deep" + "</div>" * n
    + "<p>Azure after.</p>" + "<span><b>" * n + "never closed")
' >"$TMP/deep.html"
$PYTHON -c '
import sys
sys.stdout.write("<html><body><p>Microsoft first.</p>" + "<div>" * 300 + "Palantir at 300" + "</div>" * 300 + "<p>Azure after.</p></body></html>")
' >"$TMP/deep300.html"
expect_status 0 "$ENTGRAPH" mentions "$TMP/deep.html" "$TMP/deep300.html" "$article"
[ -s "$TMP/err" ] && fail "deep HTML: stderr: $(cat "$TMP/err")"
for label in Microsoft Azure; do
	grep -q "\"doc\":\"$TMP/deep.html\",.*\"label\":\"$label\"" "$TMP/out" || fail "deep HTML: $label not found"
done
grep -q "\"doc\":\"$TMP/deep300.html\",.*\"label\":\"Palantir\"" "$TMP/out" || fail "HTML 300 deep: text lost"
grep -q "\"doc\":\"$TMP/deep300.html\",.*\"label\":\"Azure\"" "$TMP/out" || fail "HTML 300 deep: text after lost"
good_processed "deep HTML"
# Feeds: parsed without libxml2's depth limit (XML_PARSE_HUGE); the text
# walk stops at 256 levels, so the title is read and the text below is not.
$PYTHON -c '
import sys
sys.stdout.write("<rss><channel><item><title>Microsoft</title>" + "<x>" * 100000 + "Azure" + "</x>" * 100000 + "</item></channel></rss>\n")
' >"$TMP/deep.rss"
expect_status 0 "$ENTGRAPH" mentions "$TMP/deep.rss" "$article"
[ -s "$TMP/err" ] && fail "deep feed: $(head -c 500 "$TMP/err")"
grep -q '"doc":"'"$TMP"'/deep.rss#1",.*"label":"Microsoft"' "$TMP/out" || fail "deep feed: title not read"
grep -q '"doc":"'"$TMP"'/deep.rss#1",.*"label":"Azure"' "$TMP/out" && fail "deep feed: text below 256 levels read"
good_processed "deep feed"
# JSON: a bound on nesting, reported with the column.
$PYTHON -c '
import sys
sys.stdout.write("{\"text\":\"Microsoft\",\"x\":" + "[" * 100000 + "]" * 100000 + "}\n{\"id\":\"after\",\"text\":\"Azure\"}\n")
' >"$TMP/deep.jsonl"
expect_status 1 "$ENTGRAPH" mentions "$TMP/deep.jsonl" "$article"
grep -q "^entgraph: $TMP/deep.jsonl:1: nested deeper than [0-9]* levels (column [0-9]*) (skipped)\$" "$TMP/err" ||
	fail "deep JSON: $(cat "$TMP/err")"
grep -q '"doc":"after"' "$TMP/out" || fail "deep JSON: the next record was not read"

# ---- Entities in HTML (formats.sh covers feeds): a billion laughs and an
# external entity in a page's internal subset are neither expanded nor
# fetched.
$PYTHON -c '
import sys
names = "abcdefghi"
subset = "<!ENTITY a \"aaaaaaaaaa\">" + "".join(
    "<!ENTITY %s \"%s\">" % (n, ("&%s;" % p) * 10) for p, n in zip(names, names[1:]))
sys.stdout.write("<!DOCTYPE html [" + subset + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
    "<html><body><p>Microsoft &i; &xxe; Azure</p></body></html>\n")
' >"$TMP/laughs.html"
expect_status 0 "$ENTGRAPH" mentions $LEAK_DICT "$TMP/laughs.html" "$article"
[ "$(count "$TMP/laughs.html")" -eq 2 ] || fail "entities in HTML: $(grep laughs "$TMP/out" | head -c 500)"
not_leaked "entities in HTML"
good_processed "entities in HTML"

# ---- Dictionary and rules lines with wrong columns: FILE:LINE (comments
# and blank lines counted), exit 2, the old output untouched.
expect_status 0 "$ENTGRAPH" extract -o "$TMP/g.graphml" "$article"
cp "$TMP/g.graphml" "$TMP/before"
printf '# places\n\nGaza\tPLACE\nGaza City\tPLACE\tGaza\t\tfold\textra\n' >"$TMP/six.tsv"
expect_status 2 "$ENTGRAPH" extract -d "$TMP/six.tsv" -o "$TMP/g.graphml" "$article"
expect_stderr "entgraph: $TMP/six.tsv:4: expected 2 to 5 tab-separated columns (label, type, aliases, category, flags), found 6"
printf 'Gaza\tPLACE\r\n\tORG\r\n' >"$TMP/empty-label.tsv"
expect_status 2 "$ENTGRAPH" extract -d "$TMP/empty-label.tsv" -o "$TMP/g.graphml" "$article"
expect_stderr "entgraph: $TMP/empty-label.tsv:2: empty label"
printf 'Gaza\tplace\n' >"$TMP/lower-type.tsv"
expect_status 2 "$ENTGRAPH" extract -d "$TMP/lower-type.tsv" -o "$TMP/g.graphml" "$article"
expect_stderr "entgraph: $TMP/lower-type.tsv:1: invalid type \"place\" (capital letters, digits and _, such as ORG or PERSON)"
printf '# units\n\nUNIT\tUnit $1\n' >"$TMP/two.rules"
expect_status 2 "$ENTGRAPH" extract -r "$TMP/two.rules" -o "$TMP/g.graphml" "$article"
expect_stderr "entgraph: $TMP/two.rules:3: expected 3 or 4 tab-separated columns (type, label, pattern, options), found 2"
cmp -s "$TMP/before" "$TMP/g.graphml" || fail "a configuration error changed the output file"

# ---- Catastrophic backtracking: the rule hits PCRE2's match limit, is
# reported with FILE:LINE and the document, and skipped for that document
# only; every other rule, dictionary and document still counts, exit 0
# (nothing was skipped: the document was processed).
printf 'ORG\t$0\t^(a+)+$\nORG\tAcme\t\\bAcme\\b\n' >"$TMP/slow.rules"
{ head -c 100000 /dev/zero | tr '\0' a; printf '!\nAcme and Microsoft.\n'; } >"$TMP/aaa.txt"
start=$(date +%s)
expect_status 0 "$ENTGRAPH" mentions -r "$TMP/slow.rules" "$TMP/aaa.txt" "$article"
[ $(($(date +%s) - start)) -le 30 ] || fail "catastrophic backtracking: too slow"
expect_stderr "entgraph: $TMP/aaa.txt: rule $TMP/slow.rules:1: match limit exceeded; skipped for this document"
[ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "catastrophic backtracking: stderr: $(cat "$TMP/err")"
grep -q "\"doc\":\"$TMP/aaa.txt\",.*\"label\":\"Acme\"" "$TMP/out" || fail "the other rule was skipped too"
grep -q "\"doc\":\"$TMP/aaa.txt\",.*\"label\":\"Microsoft\"" "$TMP/out" || fail "the dictionary was skipped too"
good_processed "catastrophic backtracking"

# ---- Unreadable inputs.  Root reads a chmod 000 file, so those rows need
# an ordinary user; the others fail for root too.
if [ "$(id -u)" -ne 0 ]; then
	printf 'Microsoft\n' >"$TMP/locked.txt"
	chmod 000 "$TMP/locked.txt"
	expect_status 1 "$ENTGRAPH" mentions "$TMP/locked.txt" "$article"
	expect_stderr "entgraph: $TMP/locked.txt: Permission denied (skipped)"
	good_processed "chmod 000 input"
	expect_status 2 "$ENTGRAPH" mentions -d "$TMP/locked.txt" "$article"
	expect_stderr "entgraph: $TMP/locked.txt: Permission denied"
	mkdir "$TMP/locked-dir"
	chmod 000 "$TMP/locked-dir"
	expect_status 1 "$ENTGRAPH" mentions "$TMP/locked-dir" "$article"
	expect_stderr "entgraph: $TMP/locked-dir: Permission denied (skipped)"
	chmod 700 "$TMP/locked-dir"
else
	echo "badinput: running as root, where chmod 000 does not stop reading: the Permission denied rows are skipped" >&2
fi
# A read error (EIO from /proc/self/mem), a dangling symbolic link, a
# symbolic link loop, given and met in a directory walk.
mkdir "$TMP/links"
ln -s "$TMP/nowhere" "$TMP/links/dangling.txt"
ln -s loop-b "$TMP/links/loop-a"
ln -s loop-a "$TMP/links/loop-b"
cp "$article" "$TMP/links/ok.txt"
expect_status 1 "$ENTGRAPH" mentions /proc/self/mem "$TMP/links/dangling.txt" "$TMP/links" "$article"
expect_stderr "entgraph: /proc/self/mem: Input/output error (skipped)"
expect_stderr "entgraph: $TMP/links/dangling.txt: No such file or directory (skipped)"
expect_stderr "entgraph: $TMP/links/loop-a: Too many levels of symbolic links (skipped)"
expect_stderr "entgraph: $TMP/links/loop-b: Too many levels of symbolic links (skipped)"
expect_stderr "entgraph: 5 inputs skipped"
grep -q "\"doc\":\"$TMP/links/ok.txt\"" "$TMP/out" || fail "links: ok.txt was not processed"
good_processed "unreadable inputs"

# ---- Output that cannot be written.  /dev/full is in errors.sh.  A file
# size limit (ulimit -f, EFBIG) fails the write partway: exit 3, the
# message names the output, the previous output is intact and no
# temporary file is left.  (SIGXFSZ used to kill the run there.)
mkdir "$TMP/limit"
expect_status 0 "$ENTGRAPH" extract -o "$TMP/limit/g.graphml" "$EG_SRCDIR/corpus"
cp "$TMP/limit/g.graphml" "$TMP/limit-before"
expect_status 3 sh -c 'ulimit -f 8 && exec "$@"' sh "$ENTGRAPH" extract -o "$TMP/limit/g.graphml" "$EG_SRCDIR/corpus" "$article"
expect_stderr "entgraph: $TMP/limit/g.graphml: cannot write the GraphML: File too large"
cmp -s "$TMP/limit-before" "$TMP/limit/g.graphml" || fail "EFBIG: the previous output changed"
expect_status 3 sh -c 'ulimit -f 8 && exec "$@"' sh "$ENTGRAPH" mentions -o "$TMP/limit/m.jsonl" "$EG_SRCDIR/corpus"
expect_stderr "entgraph: $TMP/limit/m.jsonl: File too large"
[ -e "$TMP/limit/m.jsonl" ] && fail "EFBIG: a partial mentions file"
[ "$(ls -A "$TMP/limit")" = g.graphml ] || fail "EFBIG: files left behind: $(ls -A "$TMP/limit")"
# A directory made read-only: root writes there anyway.
if [ "$(id -u)" -ne 0 ]; then
	chmod 555 "$TMP/limit"
	expect_status 3 "$ENTGRAPH" extract -o "$TMP/limit/g.graphml" "$article"
	expect_stderr "entgraph: $TMP/limit/g.graphml: cannot create a file there: Permission denied"
	cmp -s "$TMP/limit-before" "$TMP/limit/g.graphml" || fail "read-only directory: the previous output changed"
	chmod 755 "$TMP/limit"
fi
# A real full file system needs root to mount one: not tried here.
finish
