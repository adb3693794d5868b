#!/bin/sh
# The cache under faults (issue 13, items 1, 2 and 9).  It keeps a run's
# counts made in memory, never an output read back: -o /dev/null or
# --partial /dev/null do not poison the next run, -o /dev/stdout into a pipe
# does not hang, and a re-run in another format or with other filters
# rebuilds its output from them.  Every row is checked on reading: an edited
# row is reported and not used.  A cache that is damaged, read-only, not a
# database or another program's database costs one warning and the run goes
# on without it (exit 0, the right output, a foreign file left as it was).
# Two runs at once with other windows never get each other's results.
. "$(dirname "$0")/lib.sh"
cd "$EG_SRCDIR" || exit 1

mkdir "$TMP/docs"
cp corpus/*.txt "$TMP/docs/"
total=$(ls "$TMP/docs" | wc -l)
E=$ENTGRAPH

plain() { # plain OUTPUT [options...]: the output of a run without cache
	out=$1
	shift
	"$E" extract -o "$out" "$@" "$TMP/docs" 2>/dev/null || fail "extract without cache failed: $*"
}
same() { # same A B WHAT
	cmp -s "$1" "$2" || fail "$3: $1 differs from $2"
}
sum() {
	sha256sum <"$1"
}
one_line() { # one_line WHAT: stderr is one warning line
	[ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "$1: want one line on stderr, got: $(cat "$TMP/err")"
}
sql() { # sql DB STATEMENTS: runs them with Python's sqlite3 module
	$PYTHON -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).executescript(sys.argv[2])' "$@"
}
plain "$TMP/plain.graphml"

# -o /dev/null, then a real output: the real graph, from the saved counts.
expect_status 0 "$E" extract --cache "$TMP/null.db" -o /dev/null "$TMP/docs"
expect_status 0 "$E" extract --cache "$TMP/null.db" -o "$TMP/null.graphml" "$TMP/docs"
expect_stderr "entgraph: cache: $total of $total documents reused, 0 matched"
same "$TMP/plain.graphml" "$TMP/null.graphml" "the run after -o /dev/null"

# --partial /dev/null, then a real partial: the real partial.
"$E" extract --partial "$TMP/plain.part" "$TMP/docs" 2>/dev/null || fail "extract --partial without cache failed"
expect_status 0 "$E" extract --cache "$TMP/part.db" --partial /dev/null "$TMP/docs"
expect_status 0 "$E" extract --cache "$TMP/part.db" --partial "$TMP/part.part" "$TMP/docs"
same "$TMP/plain.part" "$TMP/part.part" "the partial after --partial /dev/null"
expect_status 0 "$E" merge -o "$TMP/merged.graphml" "$TMP/part.part"
same "$TMP/plain.graphml" "$TMP/merged.graphml" "the merged partial after --partial /dev/null"

# -o /dev/stdout into a pipe, twice: the cache never reads its own pipe.
for run in 1 2; do
	(
		timeout 60 "$E" extract --cache "$TMP/pipe.db" -o /dev/stdout "$TMP/docs" 2>/dev/null
		echo $? >"$TMP/pipe.status"
	) | cat >"$TMP/pipe.graphml"
	[ "$(cat "$TMP/pipe.status")" = 0 ] || fail "-o /dev/stdout into a pipe, run $run: exit $(cat "$TMP/pipe.status") (124: it hung)"
	same "$TMP/plain.graphml" "$TMP/pipe.graphml" "-o /dev/stdout into a pipe, run $run"
done

# Re-runs in other formats and with other filters rebuild from the counts
# alone: with the per-document rows deleted nothing else could serve them.
expect_status 0 "$E" extract --cache "$TMP/formats.db" -o /dev/null "$TMP/docs"
sql "$TMP/formats.db" "DELETE FROM results"
check_format() { # check_format NAME OPTIONS...: cached and uncached agree
	name=$1
	shift
	plain "$TMP/plain-$name" "$@"
	expect_status 0 "$E" extract --cache "$TMP/formats.db" -o "$TMP/cached-$name" "$@" "$TMP/docs"
	expect_stderr "entgraph: cache: $total of $total documents reused, 0 matched"
	[ ! -e "$TMP/plain-$name" ] || same "$TMP/plain-$name" "$TMP/cached-$name" "a re-run with $*"
}
check_format gexf -f gexf
check_format filtered.graphml --types ORG,PERSON --min-weight 2 --size-by degree
check_format json -f json --weight npmi --top 5
check_format tables -f csv --largest-component
same "$TMP/plain-tables.nodes.csv" "$TMP/cached-tables.nodes.csv" "a re-run with -f csv (nodes)"
same "$TMP/plain-tables.edges.csv" "$TMP/cached-tables.edges.csv" "a re-run with -f csv (edges)"
# Another window counts afresh (from the per-document rows, here matched).
plain "$TMP/plain-doc.graphml" -w document
expect_status 0 "$E" extract --cache "$TMP/formats.db" -w document -o "$TMP/cached-doc.graphml" "$TMP/docs"
expect_stderr "entgraph: cache: 0 of $total documents reused, $total matched"
same "$TMP/plain-doc.graphml" "$TMP/cached-doc.graphml" "a re-run with -w document"

# Rows edited behind entgraph's back ("Microsoft" into "Macrosoft", in the
# per-document rows and the counts alike) are found out and not used.
expect_status 0 "$E" extract --cache "$TMP/edit.db" -o /dev/null "$TMP/docs"
cat >"$TMP/edit.py" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
edited = 0
for table, column in (("results", "mentions"), ("counts", "bytes"), ("outputs", "bytes")):
    try:
        rows = db.execute("SELECT %s FROM %s" % (column, table)).fetchall()
    except sqlite3.Error:
        continue
    for (blob,) in rows:
        if blob is not None and b"Microsoft" in blob:
            db.execute("UPDATE %s SET %s = ? WHERE %s = ?" % (table, column, column),
                       (blob.replace(b"Microsoft", b"Macrosoft"), blob))
            edited += 1
db.commit()
print(edited)
EOF
edited=$($PYTHON "$TMP/edit.py" "$TMP/edit.db")
[ "${edited:-0}" -gt 1 ] || fail "the edit found no rows to change ($edited)"
expect_status 0 "$E" extract --cache "$TMP/edit.db" -o "$TMP/edit.graphml" "$TMP/docs"
same "$TMP/plain.graphml" "$TMP/edit.graphml" "the run on an edited cache"
grep -q "Macrosoft" "$TMP/edit.graphml" && fail "an edited row reached the graph"
grep -q "^entgraph: $TMP/edit.db: [0-9]* damaged rows* in the cache (checksum mismatch), not used" "$TMP/err" ||
	fail "no warning for damaged rows: $(cat "$TMP/err")"
[ "$(grep -c damaged "$TMP/err")" -eq 1 ] || fail "damaged rows reported more than once: $(cat "$TMP/err")"
# The damaged rows were replaced: the next run reuses everything, silently.
expect_status 0 "$E" extract --cache "$TMP/edit.db" -o "$TMP/edit2.graphml" "$TMP/docs"
same "$TMP/plain.graphml" "$TMP/edit2.graphml" "the run after the repair"
grep -q damaged "$TMP/err" && fail "damaged rows reported again after they were replaced: $(cat "$TMP/err")"

# What cannot serve as a cache: one warning, the right output, exit 0.
uncached() { # uncached WHAT CACHE [RUNNER...]: a run with CACHE gives the right output
	what=$1
	cache=$2
	shift 2
	rm -f "$TMP/u.graphml"
	expect_status 0 "$@" "$E" extract --cache "$cache" -o "$TMP/u.graphml" "$TMP/docs"
	same "$TMP/plain.graphml" "$TMP/u.graphml" "the run with $what as the cache"
	grep -q "going on without the cache$" "$TMP/err" || fail "no warning for $what: $(cat "$TMP/err")"
	one_line "$what"
}
printf 'not a database at all, but text long enough to look like a header\n%.0s' $(seq 100) >"$TMP/garbage.db"
before=$(sum "$TMP/garbage.db")
uncached "a text file" "$TMP/garbage.db"
[ "$(sum "$TMP/garbage.db")" = "$before" ] || fail "a text file given as the cache was changed"

# Another program's database: refused before anything is written (no new
# tables, no switch to WAL), the file left byte for byte.
sql "$TMP/foreign.db" "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Ada')"
before=$(sum "$TMP/foreign.db")
uncached "another program's database" "$TMP/foreign.db"
grep -q "^entgraph: $TMP/foreign.db: not an entgraph cache (it has other tables); going on without the cache$" "$TMP/err" ||
	fail "the warning for a foreign database does not say what it is: $(cat "$TMP/err")"
[ "$(sum "$TMP/foreign.db")" = "$before" ] || fail "another program's database was changed"
[ ! -e "$TMP/foreign.db-wal" ] || fail "another program's database was switched to WAL"
sql "$TMP/marked.db" "PRAGMA application_id = 1234"
before=$(sum "$TMP/marked.db")
uncached "a database marked by another program" "$TMP/marked.db"
[ "$(sum "$TMP/marked.db")" = "$before" ] || fail "a database marked by another program was changed"

# A cache of schema 1 (output copies, no checksums) is emptied and set up
# again without a word: its outputs table is gone.
sql "$TMP/old.db" "PRAGMA journal_mode=WAL;
CREATE TABLE results (configuration BLOB NOT NULL, text BLOB NOT NULL, format INTEGER NOT NULL,
 mentions BLOB NOT NULL, PRIMARY KEY (configuration, text)) WITHOUT ROWID;
CREATE TABLE outputs (run BLOB PRIMARY KEY, format INTEGER NOT NULL, written INTEGER NOT NULL, bytes BLOB NOT NULL);
CREATE TABLE stamps (files BLOB PRIMARY KEY, content BLOB NOT NULL, documents INTEGER NOT NULL, time INTEGER NOT NULL);
INSERT INTO outputs VALUES (x'00', 1, 1, x'00')"
expect_status 0 "$E" extract --cache "$TMP/old.db" -o "$TMP/old.graphml" "$TMP/docs"
same "$TMP/plain.graphml" "$TMP/old.graphml" "the run on a schema 1 cache"
expect_stderr "entgraph: cache: 0 of $total documents reused, $total matched"
one_line "a schema 1 cache"
tables=$($PYTHON -c 'import sqlite3, sys; print(" ".join(sorted(r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT name FROM sqlite_master WHERE type = '"'table'"'"))))' "$TMP/old.db")
[ "$tables" = "counts pictures results stamps" ] || fail "a schema 1 cache was not set up again: its tables are $tables"

# A cache damaged on disk: its pages overwritten from the second on.
expect_status 0 "$E" extract --cache "$TMP/broken.db" -o /dev/null "$TMP/docs"
$PYTHON -c 'import os, sys; f = open(sys.argv[1], "r+b"); n = os.path.getsize(sys.argv[1]); f.seek(4096); f.write(b"\xa5" * (n - 4096))' "$TMP/broken.db"
rm -f "$TMP/u.graphml"
expect_status 0 "$E" extract --cache "$TMP/broken.db" -o "$TMP/u.graphml" "$TMP/docs"
same "$TMP/plain.graphml" "$TMP/u.graphml" "the run with a damaged cache"
grep -q "the cache" "$TMP/err" || fail "no warning for a damaged cache: $(cat "$TMP/err")"
[ "$(grep -vc "^entgraph: cache: " "$TMP/err")" -eq 1 ] || fail "a damaged cache: want one warning, got: $(cat "$TMP/err")"

# Read-only: a cache file, and a cache in a directory, that cannot be
# written.  Root writes through file modes, so as root the path is made
# read-only by a bind mount in a private mount namespace instead.
read_only() { # read_only PATH CMD...: runs CMD while PATH cannot be written
	path=$1
	shift
	if [ "$(id -u)" -ne 0 ]; then
		chmod a-w "$path"
		"$@"
		rc=$?
		chmod u+w "$path"
		return $rc
	fi
	unshare -rm sh -c 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"' "$path" "$@"
}
mkdir "$TMP/probe"
if read_only "$TMP/probe" sh -c '! touch "$0/x" 2>/dev/null' "$TMP/probe" 2>/dev/null; then
	expect_status 0 "$E" extract --cache "$TMP/ro.db" -o /dev/null "$TMP/docs"
	before=$(sum "$TMP/ro.db")
	uncached "a read-only file" "$TMP/ro.db" read_only "$TMP/ro.db"
	[ "$(sum "$TMP/ro.db")" = "$before" ] || fail "a read-only cache was changed"
	mkdir "$TMP/rodir"
	uncached "a new cache in a read-only directory" "$TMP/rodir/c.db" read_only "$TMP/rodir"
	expect_status 0 "$E" extract --cache "$TMP/rodir/c.db" -o /dev/null "$TMP/docs"
	uncached "a cache in a read-only directory" "$TMP/rodir/c.db" read_only "$TMP/rodir"
else
	echo "SKIP (read-only cases only): running as root without a private read-only bind mount (unshare -rm)" >&2
fi

# Two runs at once, -w sentence and -w document, on one cache and one
# output path: each run's output, and every later run's, is its own.
"$PYTHON" "$EG_SRCDIR/bench/gen-corpus.py" "$TMP/docs/gen" 0.15 7 >/dev/null || fail "could not generate the corpus"
plain "$TMP/plain-s.graphml" -w sentence
plain "$TMP/plain-d.graphml" -w document
# at_once OUT_S OUT_D WHAT: a -w sentence and a -w document run on one
# cache at the same time, writing OUT_S and OUT_D.
at_once() {
	"$E" extract -j 1 -w sentence --cache "$TMP/both.db" -o "$1" "$TMP/docs" 2>"$TMP/err-s" &
	a=$!
	"$E" extract -j 1 -w document --cache "$TMP/both.db" -o "$2" "$TMP/docs" 2>"$TMP/err-d" &
	b=$!
	wait $a || fail "$3: the -w sentence run failed: $(cat "$TMP/err-s")"
	wait $b || fail "$3: the -w document run failed: $(cat "$TMP/err-d")"
}
for round in 1 2 3; do
	rm -f "$TMP"/both.db*
	at_once "$TMP/shared.graphml" "$TMP/shared.graphml" "round $round"
	cmp -s "$TMP/shared.graphml" "$TMP/plain-s.graphml" || cmp -s "$TMP/shared.graphml" "$TMP/plain-d.graphml" ||
		fail "round $round: the shared output is neither run's"
	at_once "$TMP/s.graphml" "$TMP/d.graphml" "round $round, again"
	same "$TMP/plain-s.graphml" "$TMP/s.graphml" "round $round: a -w sentence run beside a -w document one"
	same "$TMP/plain-d.graphml" "$TMP/d.graphml" "round $round: a -w document run beside a -w sentence one"
done
finish
