#!/bin/sh
# Golden outputs: the GraphML and mentions of corpus/ with the shipped
# dictionaries and rules are exactly the reviewed files in tests/golden/.
# After an intended change, regenerate with EG_UPDATE_GOLDEN=1 and review
# the diff before committing it.
. "$(dirname "$0")/lib.sh"

golden=$EG_SRCDIR/tests/golden
cd "$EG_SRCDIR" || exit 1
"$ENTGRAPH" extract -o "$TMP/corpus.graphml" corpus || fail "extract failed"
"$ENTGRAPH" extract -w paragraph -o "$TMP/corpus-paragraph.graphml" corpus || fail "extract -w paragraph failed"
"$ENTGRAPH" mentions -o "$TMP/corpus.mentions.jsonl" corpus || fail "mentions failed"
for f in corpus.graphml corpus-paragraph.graphml corpus.mentions.jsonl; do
	if [ "${EG_UPDATE_GOLDEN:-0}" = 1 ]; then
		cp "$TMP/$f" "$golden/$f"
	elif ! cmp -s "$TMP/$f" "$golden/$f"; then
		fail "$f differs from tests/golden/$f:"
		diff "$golden/$f" "$TMP/$f" | head -40 >&2
	fi
done
finish
