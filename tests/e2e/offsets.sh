#!/bin/sh
# mentions' byte offsets slice back to exactly the mention text, on text with
# a BOM, CRLF line ends, curly quotes and possessives, and on corpus/.
. "$(dirname "$0")/lib.sh"

# BOM, CRLF, curly quotes, a possessive with U+2019, non-ASCII before names.
printf '\357\273\277Microsoft\342\200\231s Azure \342\200\234cloud\342\200\235 held calls.\r\n\r\n' >"$TMP/tricky.txt"
printf 'Cr\303\251dit: The Guardian, +972 Magazine and \342\200\234Local Call\342\200\235 said Unit 8200\342\200\231s data\r\n' >>"$TMP/tricky.txt"
printf 'was stored in the U.S. and Mr. Nadella\342\200\231s firm.\r\n' >>"$TMP/tricky.txt"

expect_status 0 "$ENTGRAPH" mentions -o "$TMP/m.jsonl" "$TMP/tricky.txt" "$EG_SRCDIR/corpus"
$PYTHON - "$TMP/m.jsonl" "$TMP/tricky.txt" <<'PY' || fail "offsets do not slice back to the mention text"
import json, sys
mentions = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
keys = ["doc", "start", "end", "text", "type", "id", "label", "source", "sentence"]
bad = 0
for m in mentions:
    if list(m) != keys:
        print("fields:", list(m)); bad += 1
    data = open(m["doc"], "rb").read()
    if data[m["start"]:m["end"]] != m["text"].encode("utf-8"):
        print("mismatch:", m); bad += 1
tricky = [(m["text"], m["start"]) for m in mentions if m["doc"] == sys.argv[2]]
want = [("Microsoft", 3), ("Azure", 17), ("The Guardian", 59), ("+972 Magazine", 73),
        ("Local Call", 94), ("Unit 8200", 113), ("U.S.", 151)]
for w in want:
    if w not in tricky:
        print("missing", w, "in", tricky); bad += 1
if len([m for m in mentions if m["doc"] != sys.argv[2]]) < 50:
    print("fewer than 50 mentions in corpus/"); bad += 1
sys.exit(1 if bad else 0)
PY
finish
