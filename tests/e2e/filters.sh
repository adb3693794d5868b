#!/bin/sh
# Weights and filters on a corpus small enough to count by hand, through the
# command line and networkx.  Four documents, sentence windows:
#   d1 Alpha, Beta     d2 Alpha, Beta, Gamma     d3 Alpha, Delta     d4 Gamma, Delta
# D = 4 documents; Alpha is in 3, Beta, Gamma and Delta in 2 each.
# Pairs (windows = documents here): Alpha-Beta 2, Alpha-Gamma 1, Beta-Gamma 1,
# Alpha-Delta 1, Gamma-Delta 1.
. "$(dirname "$0")/lib.sh"

mkdir "$TMP/docs"
printf 'Alpha met Beta.\n' >"$TMP/docs/d1.txt"
printf 'Alpha met Beta and Gamma.\n' >"$TMP/docs/d2.txt"
printf 'Alpha met Delta.\n' >"$TMP/docs/d3.txt"
printf 'Gamma met Delta.\n' >"$TMP/docs/d4.txt"
printf 'Alpha\tORG\nBeta\tORG\nGamma\tORG\nDelta\tORG\n' >"$TMP/names.tsv"

graph() { # graph NAME [options]: extract into $TMP/NAME.graphml
	name=$1
	shift
	"$ENTGRAPH" extract --no-defaults -d "$TMP/names.tsv" -o "$TMP/$name.graphml" "$@" "$TMP/docs" ||
		fail "extract $* failed"
}

# edges FILE: "A-B weight" lines, sorted, from networkx.
edges() {
	$PYTHON - "$1" <<'PY'
import sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
label = nx.get_node_attributes(g, "label")
nodes = sorted(label.values())
print("nodes " + " ".join(nodes))
for a, b, d in sorted((tuple(sorted((label[a], label[b]))) + (d,) for a, b, d in g.edges(data=True))):
    print(f"{a}-{b} {d['weight']:.12g}")
PY
}

expect() { # expect NAME EXPECTED-LINES
	edges "$TMP/$1.graphml" >"$TMP/$1.got" || fail "$1: networkx could not read it"
	printf '%s\n' "$2" >"$TMP/$1.want"
	cmp -s "$TMP/$1.want" "$TMP/$1.got" || fail "$1: got $(tr '\n' ';' <"$TMP/$1.got"), want $(tr '\n' ';' <"$TMP/$1.want")"
}

graph count
expect count "nodes Alpha Beta Delta Gamma
Alpha-Beta 2
Alpha-Delta 1
Alpha-Gamma 1
Beta-Gamma 1
Delta-Gamma 1"

# PMI = log(d_ij D / (d_i d_j)): Alpha-Beta log(2*4/(3*2)) = log(4/3); Alpha-Gamma
# log(4/6) and Alpha-Delta < 0, Beta-Gamma log(4/4) = 0, Delta-Gamma 0: no
# more than chance, so no edges (every weight > 0), and Gamma and Delta,
# left without a link, are no nodes; --keep-isolated keeps them.
graph pmi --weight pmi
expect pmi "nodes Alpha Beta
Alpha-Beta 0.287682072452"
graph pmikeep --weight pmi --keep-isolated
expect pmikeep "nodes Alpha Beta Delta Gamma
Alpha-Beta 0.287682072452"
# NPMI = PMI / -log(d_ij / D): Alpha-Beta log(4/3) / log(2) = 0.4150...
graph npmi --weight npmi
edges "$TMP/npmi.graphml" | grep -q "Alpha-Beta 0.415037499279" ||
	fail "npmi of Alpha-Beta is not log(4/3)/log(2)"
# Jaccard = d_ij / (d_i + d_j - d_ij) = 2/3; Dice = 2 d_ij / (d_i + d_j) = 4/5.
graph jaccard --weight jaccard
edges "$TMP/jaccard.graphml" | grep -q "Alpha-Beta 0.666666666667" || fail "jaccard of Alpha-Beta is not 2/3"
graph dice --weight dice
edges "$TMP/dice.graphml" | grep -q "Alpha-Beta 0.8$" || fail "dice of Alpha-Beta is not 4/5"

# Only Alpha-Beta is in two documents; the nodes left unlinked go, unless
# --keep-isolated.
graph docs --min-documents 2
expect docs "nodes Alpha Beta
Alpha-Beta 2"
graph docskeep --min-documents 2 --keep-isolated
expect docskeep "nodes Alpha Beta Delta Gamma
Alpha-Beta 2"
graph minweight --min-weight 2
expect minweight "nodes Alpha Beta
Alpha-Beta 2"
# ... and the largest component is that pair.
graph largest --min-documents 2 --largest-component
expect largest "nodes Alpha Beta
Alpha-Beta 2"

# Weighted degrees: Alpha 4, Beta 3, Gamma 3, Delta 2; the tie between Beta
# and Gamma goes to the smaller id, org.beta.
graph top --top 2
expect top "nodes Alpha Beta
Alpha-Beta 2"

# Disparity filter, alpha_ij = (1 - w/s_i)^(k_i - 1) at each end:
#   Alpha (k 3, s 4): Alpha-Beta (1-2/4)^2 = 0.25, Alpha-Gamma and Alpha-Delta (3/4)^2 = 0.5625
#   Beta (k 2, s 3): Alpha-Beta 1/3, Beta-Gamma 2/3
#   Gamma (k 3, s 3): each (2/3)^2 = 0.444
#   Delta (k 2, s 2): each 1/2
# At 0.3 only Alpha-Beta passes somewhere (0.25 at Alpha); at 0.45 every edge
# with Gamma passes too (0.444), and only Alpha-Delta (0.5625, 0.5) goes.
graph backbone3 --backbone 0.3
expect backbone3 "nodes Alpha Beta
Alpha-Beta 2"
graph backbone45 --backbone 0.45
expect backbone45 "nodes Alpha Beta Delta Gamma
Alpha-Beta 2
Alpha-Gamma 1
Beta-Gamma 1
Delta-Gamma 1"
# Types: none of these is a PERSON.
graph persons --types PERSON
expect persons "nodes "
# Types in any case (issue 15): org is ORG; a type that no list, rule or
# built-in has is refused, naming the known ones, not an empty graph.
graph lower --types ' org '
expect lower "nodes Alpha Beta Delta Gamma
Alpha-Beta 2
Alpha-Delta 1
Alpha-Gamma 1
Beta-Gamma 1
Delta-Gamma 1"
expect_status 2 "$ENTGRAPH" extract --no-defaults -d "$TMP/names.tsv" --types PERSONS -o "$TMP/none.graphml" "$TMP/docs"
expect_stderr "entgraph: extract: unknown type \"PERSONS\" in --types (known: ORG, PERSON, PLACE, PRODUCT, UNIT) (see 'entgraph extract --help')"
[ ! -e "$TMP/none.graphml" ] || fail "a refused --types left an output"
# A dictionary's own type is known, in any case.
printf 'Alpha\tWIDGET\n' >"$TMP/widgets.tsv"
graph widgets -d "$TMP/widgets.tsv" --types Widget,org
expect_status 2 "$ENTGRAPH" extract --no-defaults -d "$TMP/names.tsv" --types GADGET -o "$TMP/none.graphml" "$TMP/docs"
expect_stderr "entgraph: extract: unknown type \"GADGET\" in --types (known: ORG, PERSON, PLACE, PRODUCT, UNIT) (see 'entgraph extract --help')"
# merge knows the types of the partials' entities.
"$ENTGRAPH" extract --no-defaults -d "$TMP/widgets.tsv" --partial "$TMP/part.egp" "$TMP/docs" ||
	fail "extract --partial failed"
expect_status 0 "$ENTGRAPH" merge --types widget -o "$TMP/merged.graphml" "$TMP/part.egp"
expect_status 2 "$ENTGRAPH" merge --types persons -o "$TMP/merged.graphml" "$TMP/part.egp"
expect_stderr "entgraph: merge: unknown type \"PERSONS\" in --types (known: ORG, PERSON, PLACE, PRODUCT, UNIT, WIDGET) (see 'entgraph merge --help')"
# Metadata reaches the graph: sources (sorted, once each) and dates.
printf '%s\n' '{"id":"j1","text":"Alpha met Beta.","source":"Reuters","date":"2024-03-01"}' \
	'{"id":"j2","text":"Alpha met Gamma.","source":{"name":"BBC"},"published":"2024-05-02T10:00:00Z"}' \
	'{"id":"j3","text":"Alpha again.","source":"Reuters"}' >"$TMP/meta.jsonl"
"$ENTGRAPH" extract --no-defaults -d "$TMP/names.tsv" -o "$TMP/meta.graphml" "$TMP/meta.jsonl" || fail "extract of JSONL failed"
$PYTHON - "$TMP/meta.graphml" <<'PY' || fail "sources or dates did not reach the graph"
import sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
alpha = next(d for _, d in g.nodes(data=True) if d["label"] == "Alpha")
if alpha.get("sources") != "BBC | Reuters":
    sys.exit(f"Alpha's sources: {alpha.get('sources')!r}")
if (alpha.get("first_seen"), alpha.get("last_seen")) != ("2024-03-01", "2024-05-02"):
    sys.exit(f"Alpha's dates: {alpha.get('first_seen')} {alpha.get('last_seen')}")
PY
finish
