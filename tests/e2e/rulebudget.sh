#!/bin/sh
# The rules' work budget (--max-rule-steps): PCRE2's match limit counts each
# start position afresh, so a pattern that backtracks at many positions once
# took 14 minutes per MB and said nothing.  The budget is per document and
# shared by all rules; when spent, the rules stop, the document keeps what
# they and the dictionaries found, and the run says so and exits 1.
. "$(dirname "$0")/lib.sh"

# 52 KB on which "(a|a)+b" backtracks 2^21 times at every run of a's.
$PYTHON -c 'import sys; sys.stdout.write("Acme Corp said. " + ("a" * 21 + "c ab ") * 2000 + "Then Globex spoke.\n")' \
	>"$TMP/patho.txt"
printf 'ORG\tX\t(a|a)+b\n' >"$TMP/patho.rules"
printf 'ORG\t$0\tAcme Corp\n' >"$TMP/cheap.rules"
printf '# label\ttype\taliases\tcategory\tflags\nGlobex\tORG\t\tcompany\t\n' >"$TMP/d.tsv"
# stopped_at STEPS: the stop is reported in one line; where exactly depends
# on PCRE2's step counts, so only that it is a byte of the first runs of a's.
stopped_at() {
	grep -qxE "entgraph: $TMP/patho.txt: rules stopped after $1 steps \(--max-rule-steps $1\), in rule $TMP/patho.rules:1 at byte [0-9]{2,3}; the rest of the document has dictionary matches only" "$TMP/err" ||
		fail "no stop after $1 steps reported (got: $(head -c 500 "$TMP/err"))"
}
opts="--no-defaults -d $TMP/d.tsv -r $TMP/cheap.rules -r $TMP/patho.rules"

# Bounded by the default budget, the same on one thread or two.
for j in 1 2; do
	expect_status 1 timeout 120 "$ENTGRAPH" mentions -j $j $opts "$TMP/patho.txt"
	stopped_at 100000000
	expect_stderr "entgraph: 1 document cut short by a limit (--max-*, see above)"
	# What the cheap rule found before, and the dictionary's match after.
	expect_stdout_has '"text":"Acme Corp"'
	expect_stdout_has '"text":"Globex"'
	cp "$TMP/out" "$TMP/out.$j"
done
cmp -s "$TMP/out.1" "$TMP/out.2" || fail "-j 1 and -j 2 differ"

# A smaller budget stops sooner, at the same place; extract writes its
# graph with what was found.
expect_status 1 timeout 120 "$ENTGRAPH" extract $opts --max-rule-steps 1K -o "$TMP/g.graphml" "$TMP/patho.txt"
stopped_at 1024
grep -q 'Globex' "$TMP/g.graphml" || fail "the graph lacks the dictionary's match"

# Ordinary rules on ordinary text never come near it.
expect_status 0 "$ENTGRAPH" mentions "$DATA/unit-8200-azure.txt"

finish
