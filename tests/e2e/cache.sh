#!/bin/sh
# The re-run cache: a second run reuses every document and writes the same
# bytes; added documents are the only ones matched; another dictionary
# matches everything again; a run killed with SIGKILL at a random moment
# leaves the cache usable and the old output intact, and the next run gives
# the bytes of an uninterrupted one; a file that is no cache is left alone
# and the run goes on without it.
. "$(dirname "$0")/lib.sh"
cd "$EG_SRCDIR" || exit 1

mkdir "$TMP/docs" "$TMP/more"
$PYTHON "$EG_SRCDIR/bench/gen-corpus.py" "$TMP/docs" 2 11 >/dev/null || fail "could not generate the corpus"
$PYTHON "$EG_SRCDIR/bench/gen-corpus.py" "$TMP/more" 1 12 >/dev/null || fail "could not generate more articles"
# Make every article unique, so that counts are exact.
for f in $(find "$TMP/docs" "$TMP/more" -type f); do
	printf '\nArticle %s.\n' "$f" >>"$f"
done
total=$(find "$TMP/docs" -type f | wc -l)
mkdir "$TMP/docs/new"
n=0
for f in $(find "$TMP/more" -type f | sort | head -100); do
	n=$((n + 1))
	mv "$f" "$TMP/docs/new/$n.txt"
done
[ "$n" -eq 100 ] || fail "wanted 100 more articles, got $n"
mv "$TMP/docs/new" "$TMP/new"

# A batch with a bad record, for the end.
mkdir "$TMP/bad"
cp corpus/2024-04-23-project-nimbus.txt "$TMP/bad/"
printf '{"id":"a","text":"Microsoft and Google."}\n{bad\n' >"$TMP/bad/x.jsonl"

# Files older than the run by two seconds are judged by their stamp (size,
# times, inode) on a re-run, without being read; let them age.
sleep 2.1

run() { # run OUTPUT [options...]
	out=$1
	shift
	"$ENTGRAPH" extract -j 2 -w paragraph --cache "$TMP/cache.db" -o "$out" "$@" "$TMP/docs"
}

"$ENTGRAPH" extract -w paragraph -o "$TMP/plain.graphml" "$TMP/docs" || fail "extract without cache failed"
expect_status 0 run "$TMP/first.graphml"
expect_stderr "entgraph: cache: 0 of $total documents reused, $total matched"
expect_status 0 run "$TMP/second.graphml"
expect_stderr "entgraph: cache: $total of $total documents reused, 0 matched"
cmp -s "$TMP/plain.graphml" "$TMP/first.graphml" || fail "the first cached run differs from a run without cache"
cmp -s "$TMP/plain.graphml" "$TMP/second.graphml" || fail "the run from the cache differs from a run without cache"

# One article changed in place, same size and a back-dated mtime: its
# change time still differs, so it is read and matched again.
victim=$(find "$TMP/docs" -type f | sort | head -1)
cp -p "$victim" "$TMP/victim.orig"
printf 'Q' | dd of="$victim" bs=1 seek=3 conv=notrunc 2>/dev/null
touch -r "$TMP/victim.orig" "$victim"
expect_status 0 run "$TMP/edited.graphml"
expect_stderr "entgraph: cache: $((total - 1)) of $total documents reused, 1 matched"
# A run with a cache starts from the picture of the cache's last graph of
# the same view, as a run without one does from --previous of that graph.
"$ENTGRAPH" extract -w paragraph --previous "$TMP/second.graphml" -o "$TMP/plain-edited.graphml" "$TMP/docs" ||
	fail "extract without cache failed"
cmp -s "$TMP/plain-edited.graphml" "$TMP/edited.graphml" || fail "the run after an edit differs from a run without cache"
cp -p "$TMP/victim.orig" "$victim"
expect_status 0 run "$TMP/restored.graphml"
"$ENTGRAPH" extract -w paragraph --previous "$TMP/edited.graphml" -o "$TMP/plain-restored.graphml" "$TMP/docs" ||
	fail "extract without cache failed"
cmp -s "$TMP/plain-restored.graphml" "$TMP/restored.graphml" || fail "the run after undoing the edit differs from a run without cache"

# 100 new articles: only they are matched.
mv "$TMP/new" "$TMP/docs/new"
expect_status 0 run "$TMP/third.graphml"
expect_stderr "entgraph: cache: $total of $((total + 100)) documents reused, 100 matched"
"$ENTGRAPH" extract -w paragraph --previous "$TMP/restored.graphml" -o "$TMP/previous3.graphml" "$TMP/docs" ||
	fail "extract without cache failed"
cmp -s "$TMP/previous3.graphml" "$TMP/third.graphml" || fail "the run with 100 new articles differs from a run without cache"
"$ENTGRAPH" extract -w paragraph -o "$TMP/plain3.graphml" "$TMP/docs" || fail "extract without cache failed"
total=$((total + 100))

# A dictionary more changes the configuration: everything is matched again.
printf 'Zorblax Dynamics\tORG\n' >"$TMP/extra.tsv"
expect_status 0 run "$TMP/dict.graphml" -d "$TMP/extra.tsv"
expect_stderr "entgraph: cache: 0 of $total documents reused, $total matched"

# Killed runs: start from an empty cache each time, with an old output in place.
for delay in 0.05 0.2 0.4 0.7; do
	rm -f "$TMP"/cache.db*
	echo "old output" >"$TMP/killed.graphml"
	run "$TMP/killed.graphml" 2>/dev/null &
	pid=$!
	sleep $delay
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	if ! cmp -s "$TMP/killed.graphml" "$TMP/plain3.graphml"; then
		grep -qx "old output" "$TMP/killed.graphml" || fail "a killed run (after ${delay}s) damaged the old output"
	fi
	expect_status 0 run "$TMP/killed.graphml"
	cmp -s "$TMP/killed.graphml" "$TMP/plain3.graphml" || fail "the run after a kill at ${delay}s differs from an uninterrupted one"
	expect_status 0 run "$TMP/again.graphml"
	expect_stderr "entgraph: cache: $total of $total documents reused, 0 matched"
done

# A skipped record is reported again on a re-run, never copied over quietly.
for run in 1 2; do
	expect_status 1 "$ENTGRAPH" extract --cache "$TMP/bad.cache" -o "$TMP/bad.graphml" "$TMP/bad"
	expect_stderr "entgraph: $TMP/bad/x.jsonl:2: expected a string key, found 'b' (column 2) (skipped)"
	expect_stderr "entgraph: 1 record skipped"
done

# A file that is no cache is only an optimisation lost: one warning, the
# right output, exit 0, and the file left as it was.
printf 'this is not a database, just text that is long enough to look like a header\n%.0s' $(seq 100) >"$TMP/bad.db"
cp "$TMP/bad.db" "$TMP/bad.db.orig"
expect_status 0 "$ENTGRAPH" extract -w paragraph --cache "$TMP/bad.db" -o "$TMP/x.graphml" "$TMP/docs"
grep -q "^entgraph: $TMP/bad.db: .*file is not a database; going on without the cache\$" "$TMP/err" || fail "no clear warning for a file that is no cache: $(cat "$TMP/err")"
[ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "more than one line for a file that is no cache: $(cat "$TMP/err")"
cmp -s "$TMP/x.graphml" "$TMP/plain3.graphml" || fail "the run beside a file that is no cache differs from a run without cache"
cmp -s "$TMP/bad.db" "$TMP/bad.db.orig" || fail "a file that is no cache was changed"
finish
