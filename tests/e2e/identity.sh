#!/bin/sh
# One real-world entity is one node across the whole run: a surname in one
# article joins the full name of another or of the dictionaries, a surname
# with two candidates stays apart and lists them, an organisation's legal
# form joins its plain name; the same bytes with -j1 and -j2, with and
# without the cache, and merged from three shards in any order.
. "$(dirname "$0")/lib.sh"

ENTGRAPH_DATADIR=$EG_SRCDIR/dictionaries
export ENTGRAPH_DATADIR

IN=$TMP/in
mkdir "$IN"
a() { printf '%s\n' "$2" >"$IN/$1.txt"; }
a 01 'Microsoft chief executive Satya Nadella said on Monday that the company would expand its cloud business in Europe.'
a 02 'Nadella told investors in Seattle that Azure revenue grew by a third.'
a 03 'Speaking at a conference in London, Mr. Nadella defended the partnership with OpenAI.'
a 04 'Former President Bill Clinton visited Arkansas on Tuesday to open a library.'
a 05 'Hillary Clinton spoke at Columbia University about the State Department.'
a 06 'Clinton said the talks in Geneva had failed.'
a 07 'Microsoft Corp. said it would buy a games studio for $69 billion.'
a 08 'Amazon Web Services and Amazon competed with Microsoft for the Pentagon contract.'
a 09 'Jassy said the retailer would hire 100,000 workers in Ohio.'
a 10 'Larisa Sayenko, a teacher, met the mayor of Kyiv.'
a 11 'In Kyiv, Sayenko said the school had reopened.'
a 12 'Yeltsin said the talks in Moscow would go on.'
a 13 'Akamai Inc. said its network grew.'
a 14 'Akamai blocked the attack, the company in Boston said.'
a 15 'Acme Widgets Inc. reported a loss in Ohio.'
a 16 'Acme Widgets Corp. hired 40 engineers in Ohio.'

run() {
	out=$1
	shift
	"$ENTGRAPH" extract --quiet "$@" -o "$TMP/$out" "$IN" 2>"$TMP/err" || fail "extract $* failed: $(cat "$TMP/err")"
}
run j1.graphml -j 1
run j2.graphml -j 2
run c1.graphml -j 2 --cache "$TMP/cache.db"
run c2.graphml -j 1 --cache "$TMP/cache.db"
cmp -s "$TMP/j1.graphml" "$TMP/j2.graphml" || fail "-j 1 and -j 2 differ"
cmp -s "$TMP/j1.graphml" "$TMP/c1.graphml" || fail "a run filling the cache differs"
cmp -s "$TMP/j1.graphml" "$TMP/c2.graphml" || fail "a run from the cache differs"
# A run that reuses the documents but not the whole-run counts.
touch "$IN/16.txt"
printf 'Clinton met Yeltsin.\n' >"$IN/17.txt"
run c3.graphml --cache "$TMP/cache.db"
# Its new article links Clinton and Yeltsin, whom other documents name (the
# learned names): a new edge, so the cache's picture of c2 shapes the layout,
# as --previous with c2 does (README "Threads, re-runs and shards").
run j3.graphml --previous "$TMP/c2.graphml"
cmp -s "$TMP/j3.graphml" "$TMP/c3.graphml" || fail "a run partly from the cache differs"
rm "$IN/17.txt"

for i in 1 2 3; do
	"$ENTGRAPH" extract --quiet --shard "$i/3" --partial "$TMP/s$i.part" "$IN" 2>"$TMP/err" ||
		fail "shard $i/3 failed: $(cat "$TMP/err")"
done
for order in "1 2 3" "3 1 2" "2 3 1" "3 2 1"; do
	set -- $order
	"$ENTGRAPH" merge --quiet -o "$TMP/m.graphml" "$TMP/s$1.part" "$TMP/s$2.part" "$TMP/s$3.part" 2>"$TMP/err" ||
		fail "merge $order failed: $(cat "$TMP/err")"
	cmp -s "$TMP/j1.graphml" "$TMP/m.graphml" || fail "shards merged in the order $order differ from one run"
done
# Two shards merged into a partial first, then with the third.
"$ENTGRAPH" merge --quiet --partial "$TMP/s12.part" "$TMP/s2.part" "$TMP/s1.part" 2>"$TMP/err" &&
	"$ENTGRAPH" merge --quiet -o "$TMP/m.graphml" "$TMP/s3.part" "$TMP/s12.part" 2>"$TMP/err" ||
	fail "merge in two steps failed: $(cat "$TMP/err")"
cmp -s "$TMP/j1.graphml" "$TMP/m.graphml" || fail "shards merged in two steps differ from one run"

# What the graph says, read by networkx.
$PYTHON - "$TMP/j1.graphml" <<'PY' || fail "the joined graph"
import sys
import networkx as nx

g = nx.read_graphml(sys.argv[1])
bad = []
def node(i):
    if i not in g:
        bad.append("no node " + i)
        return {}
    return g.nodes[i]
def forms(i):
    return set(node(i).get("surface_forms", "").split(" | "))
def want(cond, what):
    if not cond:
        bad.append(what)

# Satya Nadella: his full name, his surname in two other articles.
s = node("person.satya_nadella")
want(s.get("mentions") == 3 and s.get("documents") == 3, "Satya Nadella has %s mentions in %s documents" % (s.get("mentions"), s.get("documents")))
want(forms("person.satya_nadella") == {"Satya Nadella", "Nadella"}, "Nadella's forms: %s" % forms("person.satya_nadella"))
want(s.get("category") == "tech", "the joined node keeps the dictionary's category")
want("person.nadella" not in g, "a Nadella node is left")
for other in ("place.seattle", "product.azure", "org.openai", "place.london"):
    want(g.has_edge("person.satya_nadella", other), "Satya Nadella - %s (from the surname's article)" % other)
# Only the dictionary knows Andy Jassy; only the run knows Larisa Sayenko.
want(forms("person.andy_jassy") == {"Jassy"}, "Jassy onto the dictionary's Andy Jassy: %s" % forms("person.andy_jassy"))
want(node("person.larisa_sayenko").get("mentions") == 2 and "person.sayenko" not in g, "Sayenko onto Larisa Sayenko")
# Clinton: two candidates, guessed neither.
c = node("person.clinton")
want(c.get("candidates") == "Bill Clinton | Hillary Clinton", "Clinton's candidates: %r" % c.get("candidates"))
want(c.get("mentions") == 1, "Clinton keeps its own mention")
for full in ("person.bill_clinton", "person.hillary_clinton"):
    want(node(full).get("mentions") == 1 and "candidates" not in node(full), full + " untouched")
want(g.has_edge("person.clinton", "place.geneva"), "Clinton - Geneva")
# Yeltsin: no candidate, nothing joined, nothing listed.
want(node("person.yeltsin").get("mentions") == 1 and "candidates" not in node("person.yeltsin"), "Yeltsin alone")
# Organisations: legal forms onto the plain name, nothing else.
m = node("org.microsoft")
want(m.get("mentions") == 3 and "Microsoft Corp." in forms("org.microsoft"), "one Microsoft node: %s" % m)
want(not [n for n in g if n.startswith("org.microsoft_")], "a second Microsoft node")
want(node("org.amazon").get("mentions") == 1 and node("org.amazon_web_services").get("mentions") == 1,
     "Amazon and Amazon Web Services stay apart")
want(forms("org.akamai") == {"Akamai", "Akamai Inc."}, "Akamai Inc. onto Akamai: %s" % forms("org.akamai"))
acme = [n for n in g if n.startswith("org.acme_widgets")]
want(len(acme) == 1 and forms(acme[0]) == {"Acme Widgets Inc.", "Acme Widgets Corp."}, "one Acme Widgets: %s" % acme)
# Every node lists its surface forms.
want(all(d.get("surface_forms") for _, d in g.nodes(data=True)), "a node without surface forms")
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
PY

# --progress says how many were joined and left ambiguous.
"$ENTGRAPH" extract --progress -o "$TMP/p.graphml" "$IN" 2>"$TMP/err" || fail "extract --progress failed"
grep -qF 'names across documents: 5 joined onto their entity, 1 ambiguous' "$TMP/err" ||
	fail "progress lacks the joins: $(cat "$TMP/err")"

# mentions reports each document's own reading: the join is the graph's.
"$ENTGRAPH" mentions --quiet "$IN/02.txt" >"$TMP/m.jsonl" || fail "mentions failed"
grep -qF '"id":"person.nadella"' "$TMP/m.jsonl" || fail "mentions of one document: $(cat "$TMP/m.jsonl")"

exit $((failures > 0))
