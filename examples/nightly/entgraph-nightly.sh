#!/bin/sh
# Nightly re-run over a growing corpus: writes OUT/graph-YYYY-MM-DD.graphml
# and points OUT/latest.graphml at it.  The cache in OUT/entgraph-cache.db
# means only articles added or changed since the last run are matched; an
# interrupted run (reboot, kill) leaves the cache and the older graphs intact,
# and the next run completes the work.
#
#   entgraph-nightly.sh CORPUS OUT [extract options...]
#
# Set ENTGRAPH to the binary if it is not on PATH.  See the cron line and
# the systemd units beside this script.
set -eu
corpus=${1:?usage: entgraph-nightly.sh CORPUS OUT [extract options...]}
out=${2:?usage: entgraph-nightly.sh CORPUS OUT [extract options...]}
shift 2
entgraph=${ENTGRAPH:-entgraph}
mkdir -p "$out"
day=$(date +%Y-%m-%d)
# One run at a time: a slow night must not overlap the next.
exec 9>"$out/.lock"
flock -n 9 || { echo "entgraph-nightly: a run is still going in $out" >&2; exit 75; }
status=0
"$entgraph" extract --quiet --cache "$out/entgraph-cache.db" -o "$out/graph-$day.graphml" "$@" "$corpus" ||
	status=$?
# Exit 1 means some inputs were skipped (reported above); the graph is written.
if [ "$status" -le 1 ]; then
	ln -sfn "graph-$day.graphml" "$out/latest.graphml"
fi
exit "$status"
