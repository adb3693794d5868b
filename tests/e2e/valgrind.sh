#!/bin/sh
# extract and mentions under valgrind's memcheck, on the sample corpus and
# on every input format (tests/data/formats: gzip, JSONL, HTML, feeds, a
# billion laughs, broken XML), with worker threads and with the cache: no
# invalid read or write, no use of uninitialised memory, no leak.
# Skipped (77) without valgrind, and in the sanitizer build, whose binary
# valgrind cannot run.
. "$(dirname "$0")/lib.sh"

if ! command -v valgrind >/dev/null 2>&1; then
	echo "SKIP: valgrind not found (scripts/install-deps installs it)" >&2
	exit 77
fi
if ldd "$ENTGRAPH" 2>/dev/null | grep -q 'libasan\|libubsan\|libtsan'; then
	echo "SKIP: $ENTGRAPH is built with sanitizers; valgrind runs the plain build" >&2
	exit 77
fi

# valgrind's own failure status must differ from entgraph's (1 is "some
# inputs skipped"), so memcheck errors exit 97.
VG="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible
--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=97
--suppressions=$EG_SRCDIR/tests/valgrind.supp"

# vg WANT CMD...: entgraph under memcheck exits WANT with a clean report.
vg() {
	want=$1
	shift
	# shellcheck disable=SC2086
	expect_status "$want" $VG "$ENTGRAPH" "$@"
	grep -q '^==[0-9]*==' "$TMP/err" && fail "memcheck on $*: $(grep '^==' "$TMP/err" | head -n 40)"
}

corpus=$EG_SRCDIR/corpus
formats=$DATA/formats
vg 0 extract -j 2 -o "$TMP/corpus.graphml" "$corpus"
vg 0 mentions -j 1 -o "$TMP/corpus.jsonl" "$corpus"
vg 1 extract -j 2 -w paragraph -o "$TMP/formats.graphml" "$formats"
vg 1 mentions -j 2 -o "$TMP/formats.jsonl" "$formats"
# The cache: filled, then read back.
vg 0 extract --cache "$TMP/cache.db" -o "$TMP/cached.graphml" "$corpus"
vg 0 extract --cache "$TMP/cache.db" -o "$TMP/cached2.graphml" "$corpus"
cmp -s "$TMP/cached.graphml" "$TMP/cached2.graphml" || fail "the cached run differs"
# A configuration error and an output error take their own paths out.
printf 'Broken line\n' >"$TMP/bad.tsv"
vg 2 extract -d "$TMP/bad.tsv" -o "$TMP/x.graphml" "$corpus"
vg 3 extract -o "$TMP/no/such/dir/x.graphml" "$corpus"
finish
