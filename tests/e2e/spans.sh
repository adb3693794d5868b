#!/bin/sh
# Spans (issue 15): legal-form and head-word organisations take their whole
# run of name words on one line; the words before a line break, a sentence
# opener stay apart, and names with particles stay whole.
. "$(dirname "$0")/lib.sh"

# found TEXT: the mentions of TEXT, one "text=TYPE/source" a line.
found() {
	printf '%s\n' "$1" >"$TMP/in.txt"
	"$ENTGRAPH" mentions --quiet "$TMP/in.txt" >"$TMP/m.jsonl" 2>"$TMP/err" || {
		fail "mentions failed on: $1 ($(cat "$TMP/err"))"
		return
	}
	$PYTHON -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    m = json.loads(line)
    print("%s=%s/%s" % (m["text"].replace("\n", "\\n"), m["type"], m["source"]))' "$TMP/m.jsonl"
}

# has TEXT MENTION...: every MENTION is among TEXT's.
has() {
	text=$1
	shift
	found "$text" >"$TMP/found"
	for want in "$@"; do
		grep -qxF -- "$want" "$TMP/found" || fail "in \"$text\": no $want (found: $(tr '\n' ' ' <"$TMP/found"))"
	done
}

# lacks TEXT STRING...: no mention's text is STRING (or, as TEXT=TYPE, no
# mention of that type).
lacks() {
	text=$1
	shift
	found "$text" >"$TMP/found"
	for bad in "$@"; do
		if grep -q -- "^$bad[=/]" "$TMP/found"; then
			fail "in \"$text\": unwanted $(grep -- "^$bad[=/]" "$TMP/found" | head -n 1)"
		fi
	done
}

# The whole run before the legal form, up to 8 words, never the opener.
has "Santa Fe Pacific Gold Corp said on Monday it would buy the mine." "Santa Fe Pacific Gold Corp=ORG/rule"
lacks "Santa Fe Pacific Gold Corp said on Monday it would buy the mine." "Fe Pacific Gold Corp" "Santa Fe"
has "The Walt Disney Co. bought Acme Rocket Fuel Supply Co. Ltd last year." "Walt Disney Co.=ORG/rule" \
	"Acme Rocket Fuel Supply Co.=ORG/rule"
lacks "The Walt Disney Co. bought it." "The Walt Disney Co."
# A head word the same way.
has "Officials of the Pacific Northwest Regional Water Authority met." \
	"Pacific Northwest Regional Water Authority=ORG/rule"
# A line break ends the run: the headline above is no part of the name.
has "Markets Fall
Acme Corp said it would cut jobs." "Acme Corp=ORG/rule"
for text in "Markets Fall
Acme Corp said it would cut jobs." "Gold Prices Tumble
Northern Trust Authority said."; do
	found "$text" >"$TMP/found"
	! grep -qF '\n' "$TMP/found" || fail "a mention crosses the line break: $(cat "$TMP/found")"
done
# Nor does it go past lower-case words.
has "shares of Omega Delta Corp rose" "Omega Delta Corp=ORG/rule"
lacks "shares of Omega Delta Corp rose" "shares of Omega Delta Corp"
# Names with particles stay whole, from a given name or a title.
has "Helga von der Brenner met Charles de Gaulle and Vincent van Gogh." \
	"Helga von der Brenner=PERSON/rule" "Charles de Gaulle=PERSON/rule" "Vincent van Gogh=PERSON/rule"
lacks "Helga von der Brenner met Charles de Gaulle and Vincent van Gogh." "Helga" "Charles" "Vincent" \
	"Brenner" "Gaulle" "Gogh"
has "President Ursula von der Leyen spoke." "Ursula von der Leyen=PERSON/dict"
# A particle before a lower-case word is no part of a name.
lacks "Charles de facto ruled." "Charles de facto" "Charles de"
# A demonym before a country's armed forces names them, as the dictionaries
# hold it: "the Israeli military" is the Israel Defense Forces.
found "The Israeli military said on Monday that Israeli army troops had left." >"$TMP/found"
n=$(grep -c '=ORG/dict$' "$TMP/found")
[ "$n" -eq 2 ] || fail "Israeli military/army: $(tr '\n' ' ' <"$TMP/found")"
printf 'The Israeli military said. Israeli army troops left. The IDF said.\n' >"$TMP/idf.txt"
"$ENTGRAPH" mentions --quiet "$TMP/idf.txt" | grep -c '"id":"org.israel_defense_forces"' >"$TMP/count"
[ "$(cat "$TMP/count")" = 3 ] || fail "not all three name the Israel Defense Forces: $(cat "$TMP/count")"
has "Israeli military intelligence said." "Israeli military intelligence=ORG/dict"
finish
