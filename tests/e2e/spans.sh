#!/bin/sh
# Spans (issue 15): legal-form and head-word organisations take their whole
# run of name words on one line; the words before a line break, a sentence
# opener stay apart, and names with particles stay whole; no name crosses a
# short line's break, one crosses hard-wrapped prose's; "X-based" mentions
# X; demonyms with an institution word name the country's institution; a
# nationality is no entity by itself and opens no person's name.
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
# The same for other countries, from the demonyms (dictionaries/institutions.tsv):
# the entity the lists hold for that institution.
label_of() {
	printf '%s\n' "$1" >"$TMP/l.txt"
	"$ENTGRAPH" mentions --quiet "$TMP/l.txt" | $PYTHON -c '
import json, sys
print(" | ".join("%s=%s" % (m["text"], m["label"]) for m in map(json.loads, sys.stdin)))'
}
for pair in "The Ukrainian army held.|Ukrainian army=Armed Forces of Ukraine" \
	"Russian forces fired.|Russian forces=Russian Armed Forces" \
	"Chinese armed forces drilled.|Chinese armed forces=People's Liberation Army" \
	"The Ukrainian Ministry of Defence said.|Ukrainian Ministry of Defence=Ukrainian Defence Ministry" \
	"Israeli forces raided the camp.|Israeli forces=Israel Defense Forces"; do
	got=$(label_of "${pair%%|*}")
	[ "$got" = "${pair#*|}" ] || fail "\"${pair%%|*}\": $got, want ${pair#*|}"
done
# A country's own name or possessive stays the place: "Israel's army".
has "Israel's army said." "Israel=PLACE/dict"
# "X-based", "X-born", "X-led": a mention of X; other compounds stay whole.
has "US-based leaders met Berlin-born artists and a Microsoft-backed start-up." "US=PLACE/dict" \
	"Berlin=PLACE/dict" "Microsoft=ORG/dict"
has "The New York-based fund and the Paris-based group." "New York=PLACE/dict" "Paris=PLACE/dict"
lacks "An Ontario-style deal by a well-known e-mail firm." "Ontario"
# The line break: a short line (a table, a list, a dateline) ends the names
# on it; a line of hard-wrapped prose does not.
has "NEW YORK
COLORADO 5 Houston 2" "NEW YORK=PLACE/dict" "COLORADO=PLACE/dict"
lacks "NEW YORK
COLORADO 5 Houston 2" "YORK\\nCOLORADO"
has "The chief executive of the company, who spoke to analysts, said Satya
Nadella would attend." "Satya\\nNadella=PERSON/dict"
# A nationality is no entity ("Afrikaners said"), and a person found by
# rules does not open with one.
lacks "Afrikaners said they would vote. Serbs said so too." "Afrikaners" "Serbs"
has "The Mexican Ariel Cruz won." "Ariel Cruz=PERSON/rule"
lacks "The Mexican Ariel Cruz won." "Mexican Ariel Cruz"
# An "&" inside a company's name, and "& Co" as its legal form.
has "Bear Stearns & Co Inc and Edward D. Jones & Co rose." "Bear Stearns & Co Inc=ORG/rule" \
	"Edward D. Jones & Co=ORG/rule"
finish
