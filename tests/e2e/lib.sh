# Shared by the end-to-end tests: sourced, not run.
# Each test counts failed expectations and exits non-zero if any failed;
# exit 77 tells meson the test was skipped.
set -u

: "${ENTGRAPH:?ENTGRAPH must name the built binary}"
: "${EG_SRCDIR:?EG_SRCDIR must name the source tree}"
EG_SHARED=${EG_SHARED:-$EG_SRCDIR/../shared}
PYTHON=/usr/bin/python3
DATA=$EG_SRCDIR/tests/data

failures=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/entgraph-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

# The line a run ends with on a stderr that is no terminal (README, Threads,
# re-runs and shards): "entgraph: 6 documents read (6 matched, 0 reused, 0
# skipped), 66 nodes, 166 edges, 0.1 s".
SUMMARY_LINE='^entgraph: [0-9,]+ documents? (read \([0-9,]+ matched, [0-9,]+ reused, [0-9,]+ skipped\)|from [0-9]+ partials?), ([0-9,]+ nodes, [0-9,]+ edges|a partial result), [0-9]+\.[0-9] s$'

# unsummarised FILE: moves the summary line out of FILE (stderr of a run)
# into FILE.summary, so that a test counts the other lines.
unsummarised() {
	grep -E "$SUMMARY_LINE" "$1" >"$1.summary" || true
	grep -vE "$SUMMARY_LINE" "$1" >"$1.rest" || true
	mv "$1.rest" "$1"
}

# expect_status WANT CMD...: runs CMD, stdout to $TMP/out, stderr to $TMP/err
# (without the summary line, which goes to $TMP/err.summary).
expect_status() {
	want=$1
	shift
	"$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	unsummarised "$TMP/err"
	[ "$got" -eq "$want" ] || fail "exit $got, want $want: $* (stderr: $(head -c 500 "$TMP/err"))"
}

# expect_stderr TEXT: $TMP/err holds the line TEXT exactly.
expect_stderr() {
	grep -qxF -- "$1" "$TMP/err" || fail "stderr lacks the line: $1 (got: $(head -c 500 "$TMP/err"))"
}

expect_stdout_has() {
	grep -qF -- "$1" "$TMP/out" || fail "stdout lacks: $1"
}

# missing WHAT: skips the test (77), saying that WHAT is missing and that
# scripts/install-deps installs it; in CI, where everything must be there,
# a failure instead.
missing() {
	echo "SKIP: $1 (scripts/install-deps installs it)" >&2
	[ "${CI:-}" = true ] && { fail "$1 in CI"; finish; }
	exit 77
}

# need_browser: Debian's chromium (EG_CHROMIUM names another) and node.
need_browser() {
	chromium=${EG_CHROMIUM:-/usr/bin/chromium}
	[ -x "$chromium" ] || missing "no chromium at $chromium (Debian's chromium package; EG_CHROMIUM names another)"
	command -v node >/dev/null 2>&1 || missing "no node"
}

# has_report_page: the build holds the report page (-f html), which a build
# configured without node and npm/ does not; need_report_page skips without.
has_report_page() {
	grep -q 'eg_html_available = 1' "${EG_BUILDDIR:-}/report_page.c" 2>/dev/null
}
need_report_page() {
	has_report_page || missing "this build has no report page (node and npm/ were missing at meson setup)"
}

# ten_thousand DIR WHAT: bench/gen-corpus.py's batch of 10,000 articles in
# DIR; with EG_QUICK=1 the test ends here instead, saying WHAT is not done.
ten_thousand() {
	if [ "${EG_QUICK:-0}" = 1 ]; then
		echo "EG_QUICK=1: $2 not done" >&2
		finish
	fi
	$PYTHON "$EG_SRCDIR/bench/gen-corpus.py" "$1" 23 1 >/dev/null || fail "gen-corpus.py failed"
	articles=$(find "$1" -type f | wc -l)
	[ "$articles" -ge 10000 ] || fail "the batch has $articles articles, not 10,000"
}

# need_shared: skip (77) with a clear message when ../shared/eval is absent.
need_shared() {
	if [ ! -d "$EG_SHARED/eval" ]; then
		echo "SKIP: $EG_SHARED/eval not found (set EG_SHARED to the shared folder with eval/); CI always has it" >&2
		exit 77
	fi
}

# A dictionary of one entity, type LEAKED, named by the first word of
# /etc/passwd (the user name on its first line): a run given it shows a leak
# of that file into a document as a mention of type LEAKED.  Grepping the
# output for "root" instead matched the clone's own path in root's home.
head -n 1 /etc/passwd 2>/dev/null | cut -d: -f1 | tr -cd 'A-Za-z0-9_-' >"$TMP/leak.word"
[ -s "$TMP/leak.word" ] || printf 'nosuchuserinpasswd' >"$TMP/leak.word"
printf '%s\tLEAKED\n' "$(cat "$TMP/leak.word")" >"$TMP/leak.tsv"
LEAK_DICT="-d $TMP/leak.tsv"

# not_leaked WHAT: $TMP/out (mentions, from a run given $LEAK_DICT) holds
# nothing of /etc/passwd.
not_leaked() {
	grep -q '"type":"LEAKED"' "$TMP/out" && fail "$1: /etc/passwd leaked"
}

finish() {
	if [ "$failures" -ne 0 ]; then
		echo "$failures expectation(s) failed" >&2
		exit 1
	fi
	exit 0
}
