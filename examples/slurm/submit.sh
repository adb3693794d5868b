#!/bin/sh
# Submits a sharded entgraph run to Slurm: a job array with one task per
# shard, then a merge job that starts only when every shard succeeded.
#
#   examples/slurm/submit.sh CORPUS OUT [SHARDS]
#
# CORPUS and OUT must be on a filesystem every node sees.  Options:
#   ENTGRAPH         the entgraph binary (default: entgraph on PATH)
#   EXTRACT_OPTIONS  options for every shard, e.g. "-w paragraph -d my.tsv"
#   MERGE_OPTIONS    output options for the merge, e.g. "-f gexf --top 500"
#   SBATCH_OPTIONS   extra sbatch options, e.g. "--partition=long"
# Prints the merge job's id; the graph appears as OUT/graph.graphml.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:?usage: submit.sh CORPUS OUT [SHARDS]}
out=${2:?usage: submit.sh CORPUS OUT [SHARDS]}
shards=${3:-4}
mkdir -p "$out"
ENTGRAPH=${ENTGRAPH:-$(command -v entgraph)}
export ENTGRAPH CORPUS="$corpus" OUT="$out" SHARDS="$shards"
export EXTRACT_OPTIONS="${EXTRACT_OPTIONS:-}" MERGE_OPTIONS="${MERGE_OPTIONS:-}"
# Partials of an earlier run with another shard count would not merge.
rm -f "$out"/part-*-of-"$shards".egp
# shellcheck disable=SC2086
array=$(sbatch --parsable --export=ALL --chdir="$out" --array="1-$shards" ${SBATCH_OPTIONS:-} "$here/shards.sbatch")
array=${array%%;*}
# shellcheck disable=SC2086
sbatch --parsable --export=ALL --chdir="$out" --dependency="afterok:$array" ${SBATCH_OPTIONS:-} "$here/merge.sbatch"
