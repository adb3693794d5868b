#!/bin/sh
# Nightly re-run over a growing corpus: writes OUT/graph-YYYY-MM-DD.graphml
# (one a day, kept as the history), points OUT/latest.graphml at it, and
# writes OUT/diff-YYYY-MM-DD.md, what changed since the previous run
# (`entgraph diff`: new entities and links with the articles that brought
# them).  The cache in OUT/entgraph-cache.db means only articles added or
# changed since the last run are matched, and keeps the picture: what did
# not change stays where it was in Gephi.  Each run appends entgraph's
# summary line (documents read, matched, reused, skipped; nodes, edges;
# seconds) and any warning to standard error, which the cron line and the
# systemd unit keep in a log.  An interrupted run (reboot, kill) leaves the
# cache and the older graphs intact, and the next run completes the work.
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
# The previous graph, before today's overwrites it (a second run in a day).
previous=
if [ -e "$out/latest.graphml" ]; then
	cp "$out/latest.graphml" "$out/.previous.graphml"
	previous=$out/.previous.graphml
fi
status=0
"$entgraph" extract --cache "$out/entgraph-cache.db" -o "$out/graph-$day.graphml" "$@" "$corpus" || status=$?
# Exit 1 means some inputs were skipped (reported above); the graph is written.
if [ "$status" -le 1 ]; then
	ln -sfn "graph-$day.graphml" "$out/latest.graphml"
	if [ -n "$previous" ]; then
		# diff exits 1 when something changed: that is news, not a failure.
		"$entgraph" diff -o "$out/diff-$day.md" "$previous" "$out/graph-$day.graphml" || [ $? -eq 1 ] ||
			status=$?
	fi
fi
rm -f "$out/.previous.graphml"
exit "$status"
