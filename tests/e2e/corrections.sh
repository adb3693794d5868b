#!/bin/sh
# The analyst's corrections (-d files) win over the shipped dictionaries:
# override, fold, retype and drop, each applied and each leaving alone what
# it does not name; check lists them as corrections with exit 0; the same
# bytes with -j1 and -j2; examples/corrections.tsv holds every kind.
. "$(dirname "$0")/lib.sh"

ENTGRAPH_DATADIR=$EG_SRCDIR/dictionaries
export ENTGRAPH_DATADIR
EXAMPLE=$EG_SRCDIR/examples/corrections.tsv

# found FILE OPTIONS...: the mentions of FILE, one "text=TYPE/label" a line.
found() {
	in=$1
	shift
	"$ENTGRAPH" mentions --quiet "$@" "$in" >"$TMP/m.jsonl" 2>"$TMP/err" || {
		fail "mentions failed on $in ($(cat "$TMP/err"))"
		return
	}
	$PYTHON -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    m = json.loads(line)
    print("%s=%s/%s" % (m["text"], m["type"], m["label"]))' "$TMP/m.jsonl"
}

# has WANT GOT-FILE / lacks WANT GOT-FILE: one line of found's output.
has() { grep -qxF -- "$1" "$2" || fail "$3: lacks $1 (got: $(tr '\n' ' ' <"$2"))"; }
lacks() { ! grep -qxF -- "$1" "$2" || fail "$3: has $1"; }

cat >"$TMP/a.txt" <<'TEXT'
Alphabet said on Monday that Google LLC would grow, and Alphabet Inc. agreed.

LOL was the whole reply from the ORG desk. Santa visited Santa Fe and Santa Ana.

Pearl Harbor was attacked. Adblock filters ads. Google Cloud is big, Akamai too.

Alphabet and Akamai met.
TEXT

# Without corrections: the shipped reading (the baseline of every case).
found "$TMP/a.txt" >"$TMP/plain"
has 'Alphabet=ORG/Alphabet' "$TMP/plain" "shipped"
has 'Santa=ORG/Santa' "$TMP/plain" "shipped"
has 'Adblock=ORG/Adblock' "$TMP/plain" "shipped"
has 'LOL=ORG/LOL' "$TMP/plain" "the acronym rule"
has 'Pearl Harbor=PERSON/Pearl Harbor' "$TMP/plain" "the person guess"

found "$TMP/a.txt" -d "$EXAMPLE" >"$TMP/fixed"
# Fold and override: Alphabet and its shipped alias are Google now.
has 'Alphabet=ORG/Google' "$TMP/fixed" "fold"
has 'Alphabet Inc.=ORG/Google' "$TMP/fixed" "fold of the overridden entry's alias"
has 'Google LLC=ORG/Google' "$TMP/fixed" "override keeps the shipped alias"
lacks 'Alphabet=ORG/Alphabet' "$TMP/fixed" "fold"
# Names not corrected are untouched.
has 'Google Cloud=PRODUCT/Google Cloud' "$TMP/fixed" "untouched"
has 'Akamai=ORG/Akamai' "$TMP/fixed" "untouched"
has 'Santa Ana=PLACE/Santa Ana' "$TMP/fixed" "drop leaves longer names"
has 'Santa Fe=PLACE/Santa Fe' "$TMP/fixed" "drop leaves longer names"
# Retype: a shipped ORG, and a person guessed from a given name.
has 'Adblock=PRODUCT/Adblock' "$TMP/fixed" "retype"
lacks 'Adblock=ORG/Adblock' "$TMP/fixed" "retype"
has 'Pearl Harbor=PLACE/Pearl Harbor' "$TMP/fixed" "retype of a guess"
lacks 'Pearl Harbor=PERSON/Pearl Harbor' "$TMP/fixed" "retype of a guess"
# Drop: a dictionary name and what the rules find alike.
lacks 'Santa=ORG/Santa' "$TMP/fixed" "drop"
grep -q '^LOL=' "$TMP/fixed" && fail "drop: LOL is still an entity"
grep -q '^Santa=' "$TMP/fixed" && fail "drop: Santa is still an entity"

# A drop is by case as the other names: "lol" is no drop of "LOL" (an
# acronym matches as written), but the rules do not find it either.
printf 'LOL\tORG\n' >"$TMP/lol.tsv"
printf 'They said LOL.\n' >"$TMP/lol.txt"
found "$TMP/lol.txt" -d "$TMP/lol.tsv" >"$TMP/lol1"
has 'LOL=ORG/LOL' "$TMP/lol1" "an analyst's plain entry"
found "$TMP/lol.txt" -d "$TMP/lol.tsv" -d "$EXAMPLE" >"$TMP/lol2"
grep -q '^LOL=' "$TMP/lol2" && fail "a later -d file's drop wins over an earlier one's entry"

# Later -d files win over earlier ones.
printf 'Alphabet\tORG\tGoogle\tholding\n' >"$TMP/later.tsv"
found "$TMP/a.txt" -d "$EXAMPLE" -d "$TMP/later.tsv" >"$TMP/later"
has 'Google LLC=ORG/Alphabet' "$TMP/later" "a later -d file wins"
has 'Alphabet=ORG/Alphabet' "$TMP/later" "a later -d file wins"

# Bad drop lines are refused.
printf 'LOL\tlol\t\t\tdrop\n' >"$TMP/bad.tsv"
expect_status 2 "$ENTGRAPH" check -d "$TMP/bad.tsv"
grep -q 'bad.tsv:1: invalid type "lol"' "$TMP/err" || fail "bad drop type: $(cat "$TMP/err")"
printf 'LOL\t-\t\t\tdrop,cue\n' >"$TMP/bad.tsv"
expect_status 2 "$ENTGRAPH" check -d "$TMP/bad.tsv"
printf 'LOL\t-\n' >"$TMP/bad.tsv"
expect_status 2 "$ENTGRAPH" check -d "$TMP/bad.tsv"

# check: corrections are information, exit 0, FILE:LINE of both lines.
expect_status 0 "$ENTGRAPH" check -d "$EXAMPLE"
S=$ENTGRAPH_DATADIR
expect_stdout_line() { grep -qxF -- "$1" "$TMP/out" || fail "check lacks: $1 (got: $(cat "$TMP/out"))"; }
expect_stdout_line "$EXAMPLE:14: \"Alphabet\" overrides ORG \"Alphabet\" ($S/tech.tsv:14), now ORG \"Google\""
expect_stdout_line "$EXAMPLE:16: \"Adblock\" overrides ORG \"Adblock\" ($S/companies.tsv:13), now PRODUCT \"Adblock\""
expect_stdout_line "$EXAMPLE:25: drops \"Santa\", a name of ORG \"Santa\" ($S/companies.tsv:692)"
grep -qE ', 0 conflicts, 3 corrections$' "$TMP/out" || fail "check summary: $(tail -1 "$TMP/out")"
[ -s "$TMP/err" ] && fail "check reported corrections on stderr: $(cat "$TMP/err")"
# The issue's own line: no conflict, exit 0.
printf 'Google\tORG\tAlphabet\n' >"$TMP/merge.tsv"
expect_status 0 "$ENTGRAPH" check -d "$TMP/merge.tsv"
grep -q 'which wins' "$TMP/out" "$TMP/err" && fail "merge.tsv is reported as a conflict"
# --quiet: nothing but errors and conflicts.
expect_status 0 "$ENTGRAPH" check --quiet -d "$EXAMPLE"
[ -s "$TMP/out" ] && fail "check --quiet printed: $(cat "$TMP/out")"
# A conflict between shipped lines is still one (no -d: nothing changes).
# The empty rules and word list: a directory without them is another test.
printf 'Acme\tORG\nAcme\tPLACE\n' >"$TMP/dup.tsv"
mkdir "$TMP/ship" && cp "$TMP/dup.tsv" "$TMP/ship/dup.tsv" && : >"$TMP/ship/none.rules" && : >"$TMP/ship/none.words"
ENTGRAPH_DATADIR=$TMP/ship "$ENTGRAPH" check >"$TMP/out" 2>"$TMP/err"
[ $? -eq 1 ] || fail "a shipped conflict does not exit 1"
grep -q 'which wins' "$TMP/err" || fail "a shipped conflict is no longer reported"

# The same bytes whatever the threads.
for i in 1 2 3 4 5 6; do cp "$TMP/a.txt" "$TMP/doc$i.txt"; done
mkdir "$TMP/docs" && mv "$TMP"/doc*.txt "$TMP/docs/"
"$ENTGRAPH" mentions --quiet -j1 -d "$EXAMPLE" "$TMP/docs" >"$TMP/j1" 2>"$TMP/err" || fail "-j1: $(cat "$TMP/err")"
"$ENTGRAPH" mentions --quiet -j2 -d "$EXAMPLE" "$TMP/docs" >"$TMP/j2" 2>"$TMP/err" || fail "-j2: $(cat "$TMP/err")"
cmp -s "$TMP/j1" "$TMP/j2" || fail "-j1 and -j2 differ"
grep -q '"label":"Google"' "$TMP/j2" || fail "-j2 lacks the correction"

# The cache: a run with the corrections and one without do not share
# cached results, in either order.
for order in with without; do
	rm -f "$TMP/cache.db"
	for run in $order with without; do
		set --
		[ "$run" = with ] && set -- -d "$EXAMPLE"
		"$ENTGRAPH" extract --quiet --cache "$TMP/cache.db" "$@" "$TMP/docs" >"$TMP/g-$run.graphml" 2>"$TMP/err" ||
			fail "extract --cache ($run): $(cat "$TMP/err")"
	done
	grep -q '>Google<' "$TMP/g-with.graphml" || fail "cached run ($order first) lacks Google"
	grep -q '>Alphabet<' "$TMP/g-with.graphml" && fail "cached run ($order first) with corrections has Alphabet"
	grep -q '>Alphabet<' "$TMP/g-without.graphml" || fail "cached run ($order first) without corrections lacks Alphabet"
done

exit $((failures > 0))
