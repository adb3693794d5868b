#!/bin/sh
# Names no dictionary knows, typed by the contexts the known ones teach
# (issue 19, README "Learned names"): eight articles put companies the
# shipped dictionaries hold in two contexts no rule knows ("X posted a
# quarterly loss", "the board of X"); an unknown name in those contexts is
# an organisation, in every document of the run, even one where nothing
# around it says so.  A context that fewer known names share types nothing;
# --no-learn learns nothing.  The same bytes for any -j, with the cache cold
# and warm, from three shards merged in any order, and from a pipe.  A name
# a rule typed in one document keeps its type in the others.
. "$(dirname "$0")/lib.sh"

mkdir "$TMP/batch"
i=0
for company in Siemens Nestle Toyota Unilever Barclays Novartis Airbus Boeing; do
	i=$((i + 1))
	printf 'Last week %s posted a quarterly loss, and the board of %s met on Friday.\n' "$company" "$company" \
		>"$TMP/batch/known-$i.txt"
done
printf 'Last week Korvanta posted a quarterly loss.\nThe board of Korvanta met again.\n' >"$TMP/batch/unknown-1.txt"
printf 'Korvanta trembled.\nQuennard trembled as well, and Siemens trembled too.\n' >"$TMP/batch/unknown-2.txt"

expect_status 0 "$ENTGRAPH" mentions -o "$TMP/m.jsonl" "$TMP/batch"
$PYTHON - "$TMP/m.jsonl" "$TMP/batch" <<'PY' || fail "learned names: not as expected"
import json, os, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
learned = [(os.path.basename(r["doc"]), r["start"], r["end"], r["text"], r["type"]) for r in rows
           if r["source"] == "learned"]
want = [("unknown-1.txt", 10, 18, "Korvanta", "ORG"), ("unknown-1.txt", 57, 65, "Korvanta", "ORG"),
        ("unknown-2.txt", 0, 8, "Korvanta", "ORG")]
if sorted(learned) != want:
    sys.exit("learned %r, want %r" % (sorted(learned), want))
for r in rows:
    text = open(r["doc"], "rb").read()
    if text[r["start"]:r["end"]] != r["text"].encode():
        sys.exit("offsets %d-%d are not %r" % (r["start"], r["end"], r["text"]))
if any(r["text"] == "Quennard" for r in rows):
    sys.exit("Quennard was typed by a context only one known name had")
PY
# Without the first pass: nothing learned, the known names unchanged.
expect_status 0 "$ENTGRAPH" mentions --no-learn -o "$TMP/n.jsonl" "$TMP/batch"
grep -q Korvanta "$TMP/n.jsonl" && fail "--no-learn typed Korvanta"
grep -v '"learned"' "$TMP/m.jsonl" | cmp -s - "$TMP/n.jsonl" || fail "learning changed the mentions the dictionaries found"
"$ENTGRAPH" mentions --help | grep -q -- '--no-learn' || fail "--help lacks --no-learn"

# The graph: Korvanta is a node; identical bytes however it is computed.
expect_status 0 "$ENTGRAPH" extract --keep-isolated -j 1 -o "$TMP/j1.graphml" "$TMP/batch"
grep -q '<node id="org.korvanta">' "$TMP/j1.graphml" || fail "no Korvanta node in the graph"
expect_status 0 "$ENTGRAPH" extract --keep-isolated -j 2 -o "$TMP/j2.graphml" "$TMP/batch"
cmp -s "$TMP/j1.graphml" "$TMP/j2.graphml" || fail "-j 1 and -j 2 differ"
expect_status 0 "$ENTGRAPH" extract --keep-isolated -j 2 --cache "$TMP/c.db" -o "$TMP/cold.graphml" "$TMP/batch"
expect_status 0 "$ENTGRAPH" extract --keep-isolated -j 2 --cache "$TMP/c.db" -o "$TMP/warm.graphml" "$TMP/batch"
cmp -s "$TMP/j1.graphml" "$TMP/cold.graphml" || fail "a cold cache changes the graph"
cmp -s "$TMP/j1.graphml" "$TMP/warm.graphml" || fail "a warm cache changes the graph"
# A new document changes what is learned: the saved counts must not be reused.
printf 'Last week Quennard posted a quarterly loss, and the board of Quennard met.\n' >"$TMP/batch/unknown-3.txt"
expect_status 0 "$ENTGRAPH" extract --keep-isolated -j 2 --cache "$TMP/c.db" -o "$TMP/grown.graphml" "$TMP/batch"
expect_status 0 "$ENTGRAPH" extract --keep-isolated -j 1 -o "$TMP/grown1.graphml" "$TMP/batch"
# (the cache keeps the last layout's positions as the next one's start)
grep -v '<data key="[xy]">' "$TMP/grown.graphml" >"$TMP/grown.nopos"
grep -v '<data key="[xy]">' "$TMP/grown1.graphml" | cmp -s - "$TMP/grown.nopos" ||
	fail "the cache of a grown batch changes the graph"
grep -q '<node id="org.quennard">' "$TMP/grown1.graphml" || fail "Quennard not learned once it has the contexts"
rm "$TMP/batch/unknown-3.txt"
# Shards: every shard's first pass reads the whole batch.
for s in 1 2 3; do
	expect_status 0 "$ENTGRAPH" extract --shard "$s/3" --partial "$TMP/part$s.egp" "$TMP/batch"
	expect_status 0 "$ENTGRAPH" extract --shard "$s/3" --cache "$TMP/shard$s.db" --partial "$TMP/cached$s.egp" "$TMP/batch"
	cmp -s "$TMP/part$s.egp" "$TMP/cached$s.egp" || fail "shard $s: the cache changes its partial"
done
expect_status 0 "$ENTGRAPH" merge --keep-isolated -o "$TMP/merged.graphml" "$TMP/part3.egp" "$TMP/part1.egp" "$TMP/part2.egp"
cmp -s "$TMP/j1.graphml" "$TMP/merged.graphml" || fail "merged shards differ from one run"
# A name a rule typed in one document keeps that type where nothing types it.
mkdir "$TMP/known"
printf 'Orlovsky said the vote was fair.\n' >"$TMP/known/a.txt"
printf 'Voters in the town cheered Orlovsky.\n' >"$TMP/known/b.txt"
expect_status 0 "$ENTGRAPH" mentions -o "$TMP/k.jsonl" "$TMP/known"
grep -q '"doc":"[^"]*/b.txt","start":27,"end":35,"text":"Orlovsky","type":"PERSON".*"source":"learned"' "$TMP/k.jsonl" ||
	fail "a rule's person is not typed in the other document: $(cat "$TMP/k.jsonl")"
# A pipe is read twice from a copy; the same mentions as from the file.
for f in "$TMP"/batch/*.txt; do
	$PYTHON -c 'import json, os, sys; print(json.dumps({"id": os.path.basename(sys.argv[1]), "text": open(sys.argv[1]).read()}))' "$f"
done >"$TMP/batch.jsonl"
expect_status 0 "$ENTGRAPH" mentions --input-format jsonl -o "$TMP/file.jsonl" "$TMP/batch.jsonl"
cat "$TMP/batch.jsonl" | "$ENTGRAPH" mentions --quiet --input-format jsonl -o "$TMP/pipe.jsonl" - ||
	fail "mentions from a pipe failed"
cmp -s "$TMP/file.jsonl" "$TMP/pipe.jsonl" || fail "a pipe and the file give different mentions"
grep -q '"source":"learned"' "$TMP/pipe.jsonl" || fail "nothing learned from a pipe"
finish
