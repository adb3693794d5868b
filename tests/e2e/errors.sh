#!/bin/sh
# Bad inputs and configuration: reported with file and line, skipped or
# refused as SPEC.md says, and never a half-written or clobbered output.
. "$(dirname "$0")/lib.sh"

article=$DATA/unit-8200-azure.txt

# A missing input is reported and skipped; the rest is processed; exit 1.
expect_status 1 "$ENTGRAPH" extract -o "$TMP/g.graphml" "$TMP/missing.txt" "$article"
expect_stderr "entgraph: $TMP/missing.txt: No such file or directory (skipped)"
expect_stderr "entgraph: 1 input skipped"
grep -q '<data key="label">Unit 8200</data>' "$TMP/g.graphml" || fail "the readable article was not processed"

# A bad dictionary line: FILE:LINE, exit 2, and the old output survives.
cp "$TMP/g.graphml" "$TMP/before"
printf 'Gaza\tPLACE\nBroken line without a type\n' >"$TMP/bad.tsv"
expect_status 2 "$ENTGRAPH" extract -d "$TMP/bad.tsv" -o "$TMP/g.graphml" "$article"
expect_stderr "entgraph: $TMP/bad.tsv:2: expected 2 to 5 tab-separated columns (label, type, aliases, category, flags), found 1"
cmp -s "$TMP/before" "$TMP/g.graphml" || fail "a configuration error changed the output file"

# A bad rule: FILE:LINE, PCRE2's message and the offset.
printf '# units\nUNIT\tUnit $1\tUnit ([0-9]+\n' >"$TMP/bad.rules"
expect_status 2 "$ENTGRAPH" extract -r "$TMP/bad.rules" -o "$TMP/g.graphml" "$article"
expect_stderr "entgraph: $TMP/bad.rules:2: missing closing parenthesis at offset 12"
cmp -s "$TMP/before" "$TMP/g.graphml" || fail "a bad rule changed the output file"

# A dictionary that does not exist.
expect_status 2 "$ENTGRAPH" mentions -d "$TMP/nope.tsv" "$article"
expect_stderr "entgraph: $TMP/nope.tsv: No such file or directory"

# Output into a directory that does not exist: exit 3, nothing left behind.
expect_status 3 "$ENTGRAPH" extract -o "$TMP/no/such/dir/g.graphml" "$article"
grep -q "^entgraph: $TMP/no/such/dir/g.graphml: " "$TMP/err" || fail "output error does not name the file: $(cat "$TMP/err")"

# A full disk: exit 3, the message names the output.
if [ -w /dev/full ]; then
	expect_status 3 "$ENTGRAPH" extract -o /dev/full "$article"
	expect_stderr "entgraph: /dev/full: cannot write the GraphML: No space left on device"
	expect_status 3 "$ENTGRAPH" mentions -o /dev/full "$article"
	expect_stderr "entgraph: /dev/full: No space left on device"
fi

# No temporary files are left beside the output.
ls -a "$TMP" | grep -q '\.tmp' && fail "temporary files left: $(ls -a "$TMP")"

# Hostile text: invalid UTF-8, NUL bytes, a lone BOM, CR-only line ends,
# a 2 MB line.  Nothing crashes, offsets stay in range.
printf 'Microsoft\377\376 Azure\000\000Unit 8200\r\rThe Guardian \300\257 \355\240\200 Local Call\n' >"$TMP/hostile.txt"
printf '\357\273\277' >"$TMP/bom-only.txt"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "Microsoft and Azure "; print "" }' >"$TMP/long.txt"
expect_status 0 "$ENTGRAPH" mentions "$TMP/hostile.txt" "$TMP/bom-only.txt" "$TMP/long.txt"
[ "$(grep -c '"doc":"'"$TMP"'/hostile.txt"' "$TMP/out")" -eq 5 ] || fail "hostile.txt: want 5 mentions, got $(grep -c hostile "$TMP/out")"
[ "$(grep -c '/long.txt' "$TMP/out")" -eq 200000 ] || fail "long.txt: want 200000 mentions"
grep -q 'bom-only' "$TMP/out" && fail "a BOM alone has no mentions"

# A binary file in a directory is skipped by name and does not stop the rest.
mkdir "$TMP/dir" && cp "$article" "$TMP/dir/b.txt" && head -c 4096 /dev/urandom >"$TMP/dir/a.bin"
expect_status 1 "$ENTGRAPH" extract -o "$TMP/d.graphml" "$TMP/dir"
grep -qF "entgraph: $TMP/dir/a.bin: binary file (unrecognised binary data), skipped" "$TMP/err" ||
	fail "the binary file is not named: $(cat "$TMP/err")"
grep -q '>Unit 8200<' "$TMP/d.graphml" || fail "directory with a binary file"
finish
