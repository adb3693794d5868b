#!/bin/sh
# From a folder of articles to a GraphML file for Gephi.
#
#   examples/gephi.sh [ARTICLES_DIR] [OUT.graphml] [WINDOW]
#
# Defaults: corpus/, corpus.graphml, paragraph windows.  Builds entgraph first
# if needed (scripts/build installs what Debian packages are missing).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
articles=${1:-$top/corpus}
out=${2:-corpus.graphml}
window=${3:-paragraph}

[ -x "$top/build/entgraph" ] || "$top/scripts/build"

# Unreadable files are reported and skipped (exit 1); anything worse stops.
status=0
"$top/build/entgraph" extract -w "$window" -o "$out" "$articles" || status=$?
[ "$status" -le 1 ] || exit "$status"

nodes=$(grep -c '<node ' "$out" || true)
edges=$(grep -c '<edge ' "$out" || true)
cat <<EOT
Wrote $out: $nodes nodes, $edges edges ($window windows).

In Gephi: File > Open > $out, keep "Undirected".  The graph opens
already laid out, coloured by entity type and sized by PageRank (entgraph's
--size-by picks another metric); there is nothing more to do.  Optional:
  Filters > Edge Weight, to hide weak links
  Appearance > Nodes > Size > Ranking, to size by another column
  Layout > ForceAtlas 2 with "Prevent Overlap", only to rearrange after
    filtering (it replaces the layout in the file)
EOT
exit "$status"
