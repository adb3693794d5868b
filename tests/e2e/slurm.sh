#!/bin/sh
# The Slurm example end to end: starts a single-node Slurm cluster on this
# machine (tests/slurm/cluster), submits examples/slurm/submit.sh over a
# test corpus (a 4-task job array and a merge job that waits for it), and
# compares the merged graph with one extract: byte-identical.  Skipped, with
# the reason, only where Slurm's daemons cannot run here.
. "$(dirname "$0")/lib.sh"
cd "$EG_SRCDIR" || exit 1

skip() {
	echo "SKIP: $*" >&2
	exit 77
}
for tool in slurmctld slurmd munged sbatch squeue; do
	command -v $tool >/dev/null 2>&1 || skip "$tool not found (scripts/install-deps installs slurm-wlm and munge)"
done
# The daemons start as root: directly, or through sudo without a password.
as_root=""
if [ "$(id -u)" -ne 0 ]; then
	sudo -n true 2>/dev/null || skip "Slurm's daemons must start as root; this test runs as $(id -un) without sudo"
	as_root="sudo -n"
fi

cluster=$TMP/cluster
trap '$as_root tests/slurm/cluster stop "$cluster" >/dev/null 2>&1; $as_root rm -rf "$TMP"' EXIT
$as_root tests/slurm/cluster start "$cluster" >"$TMP/cluster.log" 2>&1 ||
	skip "the single-node cluster did not start: $(tail -3 "$TMP/cluster.log") $(tail -3 "$cluster"/slurmctld.log 2>/dev/null)"
export SLURM_CONF="$cluster/slurm.conf"

mkdir "$TMP/docs"
$PYTHON bench/gen-corpus.py "$TMP/docs" 1 3 >/dev/null || fail "could not generate the corpus"
cp -r corpus "$TMP/docs/corpus" || fail "could not copy corpus/"
"$ENTGRAPH" extract -w paragraph -o "$TMP/single.graphml" "$TMP/docs" || fail "the single extract failed"

job=$(ENTGRAPH=$ENTGRAPH EXTRACT_OPTIONS="-w paragraph" examples/slurm/submit.sh "$TMP/docs" "$TMP/out" 4) ||
	fail "submit.sh failed"
i=0
while [ -n "$(squeue -h 2>/dev/null)" ] && [ $i -lt 300 ]; do
	sleep 1
	i=$((i + 1))
done
[ $i -lt 300 ] || fail "the jobs did not finish in 300 s: $(squeue 2>&1)"
state=$(scontrol show job "$job" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
[ -z "$state" ] || [ "$state" = COMPLETED ] || fail "merge job $job ended $state: $(cat "$TMP"/out/*.log 2>/dev/null)"
for k in 1 2 3 4; do
	[ -s "$TMP/out/part-$k-of-4.egp" ] || fail "shard $k wrote no partial: $(cat "$TMP"/out/entgraph-shard-*.log 2>/dev/null)"
done
cmp -s "$TMP/single.graphml" "$TMP/out/graph.graphml" ||
	fail "the merged graph from Slurm differs from one extract ($(cat "$TMP"/out/*.log 2>/dev/null))"
finish
