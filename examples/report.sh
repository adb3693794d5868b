#!/bin/sh
# From a folder of articles to a report anyone can open in a browser.
#
#   examples/report.sh [ARTICLES_DIR] [OUT.html] [EXTRACT OPTION...]
#
# Defaults: corpus/, report.html.  Counts each day apart (--period day), so
# the page's date filter shows exactly the links of the days chosen; any
# further options go to entgraph extract (--evidence 10, --types ORG,UNIT,
# -w paragraph).  Builds entgraph first if needed (scripts/build installs
# what is missing, node and the npm packages of the page among them);
# ENTGRAPH names another binary.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
articles=${1:-$top/corpus}
out=${2:-report.html}
[ $# -gt 2 ] && shift 2 || set --

entgraph=${ENTGRAPH:-$top/build/entgraph}
[ -x "$entgraph" ] || "$top/scripts/build"

# Unreadable files are reported and skipped (exit 1); anything worse stops.
status=0
"$entgraph" extract -f html --period day -o "$out" "$@" "$articles" || status=$?
[ "$status" -le 1 ] || exit "$status"

cat <<EOT
Wrote $out ($(wc -c <"$out" | tr -d ' ') bytes): one file, nothing to install or fetch.
Open it in a browser (double-click, or: xdg-open $out), or send it as it is.
Type a name to find it; click a node for its links, a link for its articles.
The address bar keeps the view: copy it to share what you are looking at.
EOT
exit "$status"
