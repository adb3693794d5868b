#!/bin/sh
# Sharded runs merge exactly: for random shard counts N from 1 to 16, the
# shards' partial results merged in random order and random trees (merges
# of merges, through --partial) give the bytes of one extract over all the
# inputs, for every window kind.  Partials that do not fit together are
# refused with a message naming the file.
. "$(dirname "$0")/lib.sh"
cd "$EG_SRCDIR" || exit 1

mkdir "$TMP/docs"
$PYTHON "$EG_SRCDIR/bench/gen-corpus.py" "$TMP/docs" 0.4 5 >/dev/null || fail "could not generate the corpus"
cp -r corpus "$TMP/docs/corpus" || fail "could not copy corpus/"

# plan SEED: prints "N" then the merge plan, one step a line:
#   "merge OUT IN..." with OUT "final" for the last step.
plan() {
	$PYTHON - "$1" <<'PY'
import random, sys
rng = random.Random(int(sys.argv[1]))
n = rng.randint(1, 16)
print(n)
parts = ["p%d" % i for i in range(1, n + 1)]
rng.shuffle(parts)
step = 0
while len(parts) > 1 and rng.random() < 0.8:
    k = rng.randint(2, min(4, len(parts)))
    group = [parts.pop(rng.randrange(len(parts))) for _ in range(k)]
    step += 1
    out = "m%d" % step
    print("merge", out, *group)
    parts.insert(rng.randrange(len(parts) + 1), out)
print("merge final", *parts)
PY
}

for window in sentence paragraph document 7; do
	"$ENTGRAPH" extract -w $window -o "$TMP/single.graphml" "$TMP/docs" || fail "single extract -w $window failed"
	for seed in 1 2; do
		seed=$((seed + $(printf '%s' "$window" | wc -c) * 10))
		plan $seed >"$TMP/plan"
		n=$(head -1 "$TMP/plan")
		rm -rf "$TMP/parts"
		mkdir "$TMP/parts"
		i=1
		while [ $i -le "$n" ]; do
			"$ENTGRAPH" extract -j 1 -w $window --shard $i/$n --partial "$TMP/parts/p$i" "$TMP/docs" ||
				fail "extract --shard $i/$n failed"
			i=$((i + 1))
		done
		tail -n +2 "$TMP/plan" | while read -r _ out ins; do
			args=""
			for p in $ins; do
				args="$args $TMP/parts/$p"
			done
			if [ "$out" = final ]; then
				# shellcheck disable=SC2086
				"$ENTGRAPH" merge -o "$TMP/merged.graphml" $args || echo "merge failed" >>"$TMP/parts/errors"
			else
				# shellcheck disable=SC2086
				"$ENTGRAPH" merge --partial "$TMP/parts/$out" $args || echo "merge failed" >>"$TMP/parts/errors"
			fi
		done
		[ -f "$TMP/parts/errors" ] && fail "a merge failed (window $window, seed $seed)"
		cmp -s "$TMP/single.graphml" "$TMP/merged.graphml" ||
			fail "window $window, $n shards, plan $(tail -n +2 "$TMP/plan" | tr '\n' ';'): merged graph differs from a single run"
	done
done

# Partials that do not fit together.
"$ENTGRAPH" extract --shard 1/3 --partial "$TMP/a1" "$TMP/docs" || fail "extract --shard 1/3"
"$ENTGRAPH" extract --shard 2/3 --partial "$TMP/a2" "$TMP/docs" || fail "extract --shard 2/3"
"$ENTGRAPH" extract --shard 3/3 --partial "$TMP/a3" "$TMP/docs" || fail "extract --shard 3/3"
"$ENTGRAPH" extract -w paragraph --shard 3/3 --partial "$TMP/w3" "$TMP/docs" || fail "extract -w paragraph"
printf 'Zorblax Dynamics\tORG\n' >"$TMP/extra.tsv"
"$ENTGRAPH" extract -d "$TMP/extra.tsv" --shard 3/3 --partial "$TMP/d3" "$TMP/docs" || fail "extract -d"
"$ENTGRAPH" extract --shard 1/4 --partial "$TMP/n1" "$TMP/docs" || fail "extract --shard 1/4"
"$ENTGRAPH" extract --max-window-entities 20 --shard 3/3 --partial "$TMP/b3" "$TMP/docs" ||
	fail "extract --max-window-entities 20"
expect_status 2 "$ENTGRAPH" merge -o "$TMP/x" "$TMP/a1" "$TMP/a2"
expect_stderr "entgraph: missing shard 3/3: no partial given holds it (merge them with --partial to combine some shards only)"
expect_status 0 "$ENTGRAPH" merge --partial "$TMP/a12" "$TMP/a1" "$TMP/a2"
expect_status 2 "$ENTGRAPH" merge -o "$TMP/x" "$TMP/a1" "$TMP/a12" "$TMP/a3"
expect_stderr "entgraph: $TMP/a12: shard 1/3 is merged twice (an earlier partial holds it too)"
expect_status 2 "$ENTGRAPH" merge -o "$TMP/x" "$TMP/a12" "$TMP/w3"
expect_stderr "entgraph: $TMP/w3: counted with window paragraph, $TMP/a12 with window sentence"
expect_status 2 "$ENTGRAPH" merge -o "$TMP/x" "$TMP/a12" "$TMP/d3"
expect_stderr "entgraph: $TMP/d3: made with other dictionaries, rules or word lists than $TMP/a12"
expect_status 2 "$ENTGRAPH" merge -o "$TMP/x" "$TMP/a12" "$TMP/b3"
expect_stderr "entgraph: $TMP/b3: counted with --max-window-entities 20, $TMP/a12 with 500"
expect_status 2 "$ENTGRAPH" merge -o "$TMP/x" "$TMP/a12" "$TMP/n1"
expect_stderr "entgraph: $TMP/n1: holds shards of 4, $TMP/a12 shards of 3"
# Shards that kept documents by other dates (--since, --until) do not merge.
"$ENTGRAPH" extract --since 2020-01-01 --shard 3/3 --partial "$TMP/s3" "$TMP/docs" 2>/dev/null || fail "extract --since"
expect_status 2 "$ENTGRAPH" merge -o "$TMP/x" "$TMP/a12" "$TMP/s3"
expect_stderr "entgraph: $TMP/s3: kept the documents of 2020-01-01.., $TMP/a12 those of every date (--since, --until, --undated)"
head -c 200 "$TMP/a3" >"$TMP/cut"
expect_status 2 "$ENTGRAPH" merge -o "$TMP/x" "$TMP/a12" "$TMP/cut"
expect_stderr "entgraph: $TMP/cut: damaged partial result (checksum mismatch: truncated or altered)"
cp "$TMP/a3" "$TMP/flip"
printf 'X' | dd of="$TMP/flip" bs=1 seek=100 conv=notrunc 2>/dev/null
expect_status 2 "$ENTGRAPH" merge -o "$TMP/x" "$TMP/a12" "$TMP/flip"
expect_stderr "entgraph: $TMP/flip: damaged partial result (checksum mismatch: truncated or altered)"
# Crafted partials (issue 13, item 5): a field made hostile and the
# checksum made right again reaches the reader's checks, which refuse it by
# name (exit 2, as for any partial that does not fit), first or last,
# without a crash, a hang, "(null)" or a wrong graph.
CRAFT=${EG_BUILDDIR:-$EG_SRCDIR/build}/tests/craft_partial
# Which shard holds the dated documents depends on their ids, which hold
# $TMP's random name: a date is crafted into a partial of all three.
"$ENTGRAPH" merge --partial "$TMP/a123" "$TMP/a12" "$TMP/a3" || fail "merge --partial of all shards failed"
for craft in "kind 7" "kind 3" "tokens 5" "shards 4294967295" "shards 0" "held 5" "held 0" \
	"date 2024-13-45" "date !not-date!"; do
	source=$TMP/a3
	case $craft in date*) source=$TMP/a123 ;; esac
	# shellcheck disable=SC2086
	"$CRAFT" "$source" "$TMP/crafted" $craft || fail "craft_partial $craft failed"
	for first in yes no; do
		if [ $first = yes ]; then
			set -- "$TMP/crafted" "$TMP/a12"
		else
			set -- "$TMP/a12" "$TMP/crafted"
		fi
		expect_status 2 timeout 60 "$ENTGRAPH" merge -f gexf -o "$TMP/x" "$@"
		grep -q "^entgraph: $TMP/crafted: damaged partial result (" "$TMP/err" ||
			fail "$craft: no message naming the crafted partial: $(head -c 300 "$TMP/err")"
		grep -q "(null)" "$TMP/err" && fail "$craft: a message says (null): $(cat "$TMP/err")"
	done
	expect_status 2 timeout 60 "$ENTGRAPH" merge --partial "$TMP/x" "$TMP/crafted"
done
"$CRAFT" "$TMP/a3" "$TMP/crafted" version 1 || fail "craft_partial version 1 failed"
expect_status 2 "$ENTGRAPH" merge -o "$TMP/x" "$TMP/a12" "$TMP/crafted"
expect_stderr "entgraph: $TMP/crafted: partial result of format version 1, which this entgraph no longer reads; write it again with this entgraph (extract --shard I/N --partial FILE)"
# Counts that each fit but overflow when added: refused, not wrapped.
"$CRAFT" "$TMP/a12" "$TMP/huge12" documents 18446744073709551000 || fail "craft_partial documents failed"
"$CRAFT" "$TMP/a3" "$TMP/huge3" documents 18446744073709551000 || fail "craft_partial documents failed"
expect_status 2 timeout 60 "$ENTGRAPH" merge -o "$TMP/x" "$TMP/huge12" "$TMP/huge3"
expect_stderr "entgraph: $TMP/huge3: counts overflow (more than 2^64 - 1 documents with the partials before it)"
[ -e "$TMP/x" ] && fail "a merge of crafted partials wrote its output"
expect_status 2 "$ENTGRAPH" merge -o "$TMP/x" "$TMP/a12" corpus/2024-04-23-project-nimbus.txt
expect_stderr "entgraph: corpus/2024-04-23-project-nimbus.txt: not an entgraph partial result"
expect_status 2 "$ENTGRAPH" merge -o "$TMP/x" "$TMP/a12" "$TMP/none"
grep -q "^entgraph: $TMP/none: " "$TMP/err" || fail "no error naming a missing partial: $(cat "$TMP/err")"
[ -e "$TMP/x" ] && fail "a refused merge wrote its output"
# Standard input is no partial (the first one is read twice); an endless
# one is refused at once, not read whole.
expect_status 2 timeout 30 "$ENTGRAPH" merge -o "$TMP/x" "$TMP/a12" - </dev/zero
expect_stderr "entgraph: merge: partial results are files; standard input (-) cannot be one (save it to a file first)"
expect_status 2 "$ENTGRAPH" extract --shard 4/3 "$TMP/docs"
expect_stderr "entgraph: extract: --shard must be I/N with 1 <= I <= N (such as 3/8), not \"4/3\" (see 'entgraph extract --help')"
finish
