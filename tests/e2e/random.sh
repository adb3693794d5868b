#!/bin/sh
# Seeded random documents built from the pieces the recognisers look at
# (brackets, acronyms, initials, speech verbs, hyphens, headlines, invalid
# bytes): the run succeeds and every mention slices back to its text.  In the
# sanitizer build this is a small fuzz run over the whole matching pipeline.
. "$(dirname "$0")/lib.sh"

mkdir "$TMP/docs"
$PYTHON - "$TMP/docs" <<'PY'
import random, sys
random.seed(20261128)
pieces = ["Kurdistan", "Democratic", "Party", "(", ")", "KDP", "said", "says", "told", "it", "its",
          "J.", "W.", "George", "John", "Smith", "of", "the", "The", "and", "-", "Co-operation",
          "Ontario-based", "Major-General", ".", ",", "\n", "\n\n", "Mr.", "Magna", "shares", "stake",
          "in", "near", "Tavildara", "&", "Lomason", "IDF", "Israel", "Defense", "Forces", "Unit 8200",
          "Microsoft", "Azure", "\u2019s", "'s", "Li\u00e8ge", "U.S.", "Inc.", "Group", "Bank",
          "University", "Ministry", "President", "Nadella", "Satya", "Suu", "Kyi", "OSCE", "HEADLINE"]
for i in range(200):
    words = [random.choice(pieces) + random.choice([" ", " ", "", "\n"]) for _ in range(random.randint(0, 300))]
    data = "".join(words).encode("utf-8")
    if i % 7 == 0:
        data = data[: len(data) // 2] + b"\xff\xc0\x00" + data[len(data) // 2:]
    open("%s/d%03d.txt" % (sys.argv[1], i), "wb").write(data)
PY
expect_status 0 "$ENTGRAPH" extract -w 5 -o "$TMP/g.graphml" "$TMP/docs"
expect_status 0 "$ENTGRAPH" mentions -o "$TMP/m.jsonl" "$TMP/docs"
$PYTHON - "$TMP/m.jsonl" <<'PY' || fail "a mention does not slice back to its text"
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    m = json.loads(line)
    if open(m["doc"], "rb").read()[m["start"]:m["end"]] != m["text"].encode("utf-8"):
        sys.exit("mismatch: %r" % m)
    n += 1
if n < 1000:
    sys.exit("only %d mentions" % n)
PY
finish
