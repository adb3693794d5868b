#!/bin/sh
# The shipped dictionaries, rules and word list on short texts: each rule
# family and alias mechanism finds what it should (as "text=TYPE/source")
# and leaves alone what it should not.
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
    print("%s=%s/%s" % (m["text"], m["type"], m["source"]))' "$TMP/m.jsonl"
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

# Titles, with or without a full stop; the title is no part of the name.
has "The talks were led by Mr Massoud Barzani and Dr. Ayman Nour." \
	"Massoud Barzani=PERSON/rule" "Ayman Nour=PERSON/rule"
has "Interfax said Judge Olga Lavrentyeva ordered it." "Olga Lavrentyeva=PERSON/rule"
# An abbreviated title ends no sentence, and a longer name beats a city in it.
has "Rep. Alexandria Ocasio-Cortez, D-N.Y., criticized the plan." "Alexandria Ocasio-Cortez=PERSON/rule"
lacks "The Justice Department and General Motors agreed." "Department" "Motors"

# Roles and kinship before a name; speech verbs before or after one.
has "Boris Yeltsin visited his wife Naina in hospital." "Naina=PERSON/rule"
has "They captured their leader Rami al-Saadani near Cairo." "Rami al-Saadani=PERSON/rule"
has "\"It is over,\" said Koffi Zagbayou, a teacher." "Koffi Zagbayou=PERSON/rule"
lacks "The party leader Labour chose was new. Her lawyer Monday said no." "Labour=PERSON" "Monday"
# Nor a name followed by a further capitalised word: that is an organisation.
lacks "The analyst Zorbo Quintel Marvex Holdings spoke." "Zorbo Quintel Marvex=PERSON" "Zorbo Quintel=PERSON"

# An age between commas after a name.
has "Last month, Zhou, 45, a veteran dissident, was held." "Zhou=PERSON/rule"
lacks "The vote on August 22, 1996, was close." "August"

# Regnal numbers after a given name; "World War II" is no person.
has "He succeeded his father Leopold III. Queen Elizabeth II spoke." \
	"Leopold III=PERSON/rule" "Elizabeth II=PERSON/rule"
lacks "It ended World War II in Europe." "War II" "World War II"

# Organisations named by what they are, or by what follows them.
has "A consortium including mineral water firm Multico bid." "Multico=ORG/rule"
has "Xiao Qiang of the New York-based group Human Rights in China said so." \
	"Human Rights in China=ORG/rule"
has "Zycie Warszawy daily said on Saturday the talks failed." "Zycie Warszawy=ORG/rule"
lacks "The Polish newspaper said the firm on Monday would sell." "Polish" "Monday"
lacks "The group Chairman Ole Kirk met them." "Chairman Ole Kirk"

# A list of names is no headline; a headline stays one.
has "1. Armen Martirosyan ( Armenia ) 16.57
2. Sigurd Njerve ( Norway ) 16.41" "Armen Martirosyan=PERSON/rule" "Sigurd Njerve=PERSON/rule"
lacks "Microsoft Under Fire Over Alleged Cloud Role in Gaza Conflicts" \
	"Microsoft Under Fire" "Alleged Cloud Role" "Cloud Role"
has "Microsoft Under Fire Over Alleged Cloud Role in Gaza Conflicts" "Microsoft=ORG/dict" "Gaza=PLACE/dict"

# A given name in capitals takes no common word ("CLEVELAND AT TEXAS").
lacks "Results:
CLEVELAND AT TEXAS
BOSTON AT OAKLAND" "CLEVELAND AT TEXAS" "CLEVELAND AT"

# An unknown acronym in prose is an organisation; not a measure, nor a word
# on a line in capitals.
has "Officials of the DNIB and AT&T met on Monday." "DNIB=ORG/rule"
lacks "GDP grew 3 percent at 0900 GMT, the CEO said." "GDP" "GMT" "CEO"
lacks "RESULTS OF THE KZX QUALIFIERS" "KZX"

# A town before a comma and a known country or region.
has "The jet flew over Lockerbie, Scotland, in 1988." "Lockerbie=PLACE/rule" "Scotland=PLACE/dict"
lacks "Officials, Texas said, and Rep. John Smith, Texas, voted." "Officials" "John Smith=PLACE" "Smith=PLACE"

# Former city names and AP state abbreviations fold onto today's names.
has "Police in Miami, Fla., said he flew from Bombay to Leningrad." \
	"Fla.=PLACE/dict" "Bombay=PLACE/dict" "Leningrad=PLACE/dict"
lacks "He felt ill. The mass of it was great." "ill." "Ill."

# Familiar given names start names.
has "Talks with Tony Blair and Mike Tyson went on." "Tony Blair=PERSON/rule" "Mike Tyson=PERSON/rule"

# Airlines by the names news gives them, not the database's ("El Al Israel
# Airlines", "Air Hamburg (AHO)").
has "Passengers of El Al and Air Hamburg waited." "El Al=ORG/dict" "Air Hamburg=ORG/dict"

# A company the document names with its legal form is no person where a
# rule would make its short name one ("Cofinec said", issue 19).
has "Printed packaging company Cofinec S.A. plunged on Monday. Cofinec said the results were weak." \
	"Cofinec S.A.=ORG/rule" "Cofinec=ORG/alias"
lacks "Printed packaging company Cofinec S.A. plunged on Monday. Cofinec said the results were weak." "Cofinec=PERSON"

finish
