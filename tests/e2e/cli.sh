#!/bin/sh
# Usage, help, version and option errors: exit codes and one-line messages.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$ENTGRAPH" --help
expect_stdout_has "usage: entgraph COMMAND"
expect_status 0 "$ENTGRAPH" --version
grep -qE '^entgraph [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/out" || fail "--version prints '$(cat "$TMP/out")'"
for cmd in extract mentions relations check; do
	expect_status 0 "$ENTGRAPH" "$cmd" --help
	expect_stdout_has "usage: entgraph $cmd"
done
expect_status 2 "$ENTGRAPH"
expect_status 2 "$ENTGRAPH" frobnicate
expect_stderr "entgraph: unknown command 'frobnicate' (commands: extract, mentions, relations, merge, diff, check; see 'entgraph --help')"
expect_status 2 "$ENTGRAPH" extract --frob
expect_stderr "entgraph: extract: unknown option '--frob' (see 'entgraph extract --help')"
expect_status 2 "$ENTGRAPH" extract -w sideways
expect_stderr "entgraph: extract: --window: \"sideways\" is not a window (sentence, paragraph, document, or a number of tokens) (see 'entgraph extract --help')"
expect_status 2 "$ENTGRAPH" extract -w 0
expect_status 2 "$ENTGRAPH" extract --min-weight lots
expect_stderr "entgraph: extract: --min-weight must be a number of at least 0, not \"lots\" (see 'entgraph extract --help')"
expect_status 2 "$ENTGRAPH" extract --types 'org,per son'
expect_stderr "entgraph: extract: --types: \"PER SON\" is not a type name (such as ORG or PERSON) (see 'entgraph extract --help')"
expect_status 2 "$ENTGRAPH" extract -j 0
expect_status 2 "$ENTGRAPH" extract -o
expect_stderr "entgraph: extract: option '-o' needs a value (see 'entgraph extract --help')"
expect_status 2 "$ENTGRAPH" mentions -w paragraph
expect_stderr "entgraph: mentions: option '-w' does not apply here (see 'entgraph mentions --help')"
expect_status 2 "$ENTGRAPH" extract -f pdf
expect_stderr "entgraph: extract: --format must be graphml, gexf, csv, json, svg, html or ftm, not \"pdf\" (see 'entgraph extract --help')"
expect_status 2 "$ENTGRAPH" extract -f csv corpus
expect_stderr "entgraph: extract: -f csv writes four files, NAME.nodes.csv, NAME.edges.csv, NAME.evidence.csv and NAME.meta.csv: give -o NAME (see 'entgraph extract --help')"
# Graph options (issue 4): each bad value named in one line, exit 2.
expect_status 2 "$ENTGRAPH" extract --weight heavy
expect_stderr "entgraph: extract: --weight: unknown weighting \"heavy\" (choose count, documents, pmi, npmi, jaccard or dice) (see 'entgraph extract --help')"
expect_status 2 "$ENTGRAPH" extract --min-documents -1
expect_stderr "entgraph: extract: --min-documents must be a whole number of at least 0, not \"-1\" (see 'entgraph extract --help')"
expect_status 2 "$ENTGRAPH" extract --top 0
expect_stderr "entgraph: extract: --top must be a whole number of at least 1, not \"0\" (see 'entgraph extract --help')"
expect_status 2 "$ENTGRAPH" extract --backbone 1.5
expect_stderr "entgraph: extract: --backbone must be a significance level between 0 and 1 (such as 0.05), not \"1.5\" (see 'entgraph extract --help')"
expect_status 2 "$ENTGRAPH" extract --size-by fame
expect_stderr "entgraph: extract: --size-by: unknown size metric \"fame\" (choose pagerank, degree, weighted_degree, betweenness, mentions or documents) (see 'entgraph extract --help')"
expect_status 2 "$ENTGRAPH" mentions --top 5
expect_stderr "entgraph: mentions: option '--top' does not apply here (see 'entgraph mentions --help')"
# The graph options together: at most 5 nodes, same bytes twice.
for run in 1 2; do
	expect_status 0 "$ENTGRAPH" extract --weight npmi --min-documents 1 --backbone 0.5 --top 5 \
		--largest-component --size-by betweenness -o "$TMP/small$run.graphml" "$EG_SRCDIR/corpus"
done
nodes=$(grep -c '<node ' "$TMP/small1.graphml")
[ "$nodes" -ge 1 ] && [ "$nodes" -le 5 ] || fail "--top 5 left $nodes nodes"
cmp -s "$TMP/small1.graphml" "$TMP/small2.graphml" || fail "graph options: two runs differ"

# check: the shipped dictionaries and rules load cleanly.
expect_status 0 "$ENTGRAPH" check
grep -qE '^[0-9]+ dictionary entries, [0-9]+ names, [0-9]+ entities, [0-9]+ rules, [0-9]+ common words, 0 conflicts, 0 corrections$' "$TMP/out" ||
	fail "check summary: $(cat "$TMP/out")"
printf 'Jordan\tPLACE\nMichael Jordan\tPERSON\tJordan\n' >"$TMP/conflict.tsv"
expect_status 1 "$ENTGRAPH" check --no-defaults -d "$TMP/conflict.tsv"
expect_stderr "entgraph: $TMP/conflict.tsv:2: \"Jordan\" also names PLACE \"Jordan\" ($TMP/conflict.tsv:1), which wins"

# Standard input, "-" and an empty input all work.
echo "Microsoft runs Azure." | "$ENTGRAPH" mentions >"$TMP/stdin.jsonl" 2>"$TMP/err" || fail "mentions from stdin failed"
grep -q '"doc":"-","start":0,"end":9,"text":"Microsoft"' "$TMP/stdin.jsonl" || fail "stdin mentions: $(cat "$TMP/stdin.jsonl")"
: >"$TMP/empty.txt"
expect_status 0 "$ENTGRAPH" extract "$TMP/empty.txt"
expect_stdout_has '<graph id="G" edgedefault="undirected"'
# Progress and summary: on a pipe (a cron job's log) one summary line and no
# progress unless forced, nothing with --quiet; forced, the summary lines; on
# a terminal (script(1) gives one) the line is redrawn in place and cleared
# before the summary.
expect_status 0 "$ENTGRAPH" extract -o "$TMP/p.graphml" "$EG_SRCDIR/corpus"
[ -s "$TMP/err" ] && fail "extract wrote more than its summary to a piped stderr: $(cat "$TMP/err")"
grep -qxE 'entgraph: 6 documents read \(6 matched, 0 reused, 0 skipped\), 66 nodes, [0-9]+ edges, [0-9]+\.[0-9] s' \
	"$TMP/err.summary" || fail "no summary line on a piped stderr: $(cat "$TMP/err.summary")"
expect_status 0 "$ENTGRAPH" extract --quiet -o "$TMP/p.graphml" "$EG_SRCDIR/corpus"
[ -s "$TMP/err" ] || [ -s "$TMP/err.summary" ] && fail "extract --quiet wrote to stderr: $(cat "$TMP/err" "$TMP/err.summary")"
"$ENTGRAPH" extract --partial "$TMP/p.part" "$EG_SRCDIR/corpus" 2>"$TMP/err" &&
	"$ENTGRAPH" merge -o "$TMP/m.graphml" "$TMP/p.part" 2>>"$TMP/err" || fail "partial and merge: $(cat "$TMP/err")"
grep -qE '^entgraph: 6 documents read \(6 matched, 0 reused, 0 skipped\), a partial result, [0-9.]+ s$' "$TMP/err" ||
	fail "no summary line for a partial: $(cat "$TMP/err")"
grep -qE '^entgraph: 6 documents from 1 partial, 66 nodes, [0-9]+ edges, [0-9.]+ s$' "$TMP/err" ||
	fail "no summary line for a merge: $(cat "$TMP/err")"
expect_status 0 "$ENTGRAPH" extract --progress -o "$TMP/p.graphml" "$EG_SRCDIR/corpus"
expect_stderr "entgraph: 6 documents"
grep -q "^entgraph: [0-9]* nodes, [0-9]* edges -> $TMP/p.graphml$" "$TMP/err" || fail "no summary line: $(cat "$TMP/err")"
expect_status 0 "$ENTGRAPH" extract --progress --quiet -o "$TMP/p.graphml" "$EG_SRCDIR/corpus"
[ -s "$TMP/err" ] && fail "--quiet still printed: $(cat "$TMP/err")"
if command -v script >/dev/null 2>&1; then
	script -qec "'$ENTGRAPH' extract -o '$TMP/t.graphml' '$EG_SRCDIR/corpus'" /dev/null >"$TMP/tty" 2>&1 ||
		fail "extract on a terminal failed"
	grep -q "entgraph: 6 documents" "$TMP/tty" || fail "no summary on a terminal: $(cat -v "$TMP/tty" | head -3)"
fi
finish
