// What the filters leave visible.  filters: {types: Set of the type names
// shown, from, to: "YYYY-MM-DD" or "" (open), min: the least weight shown}.
//
// A link shows when both ends' types are shown, its weight is at least min
// and, with a date range, it was seen in the range: with periods
// (--period) when one of its periods with windows overlaps the range,
// whose windows are then its count in range; without, when its first to
// last seen overlaps it (undated links go).  A node with links shows when
// one of its links shows; a node without any (--keep-isolated) when its
// type is shown, no least weight is set and it was seen in the range as
// links are.

function overlaps(first, last, from, to) {
  if (!first) return false;
  return (!from || last >= from) && (!to || first <= to);
}

function inPeriods(data, periods, from, to) {
  let n = 0;
  for (const [p, v] of periods) {
    const { first, last } = data.periods[p];
    if (overlaps(first, last, from, to)) n += v;
  }
  return n;
}

// How much of an item (node documents or edge windows) falls in the date
// range: its total when no range is set, 0 when none does.
export function inRange(data, item, total, from, to) {
  if (!from && !to) return total;
  if (data.period) return inPeriods(data, item.periods, from, to);
  return overlaps(item.first, item.last || item.first, from, to) ? total : 0;
}

export function visibility(data, filters) {
  const { types, from, to, min } = filters;
  const nodes = new Uint8Array(data.nodes.length);
  const edges = new Uint8Array(data.edges.length);
  const minSet = data.weights.length > 0 && min > data.weights[0];
  let shownEdges = 0, shownNodes = 0;
  for (const e of data.edges) {
    if (!types.has(e.source.type) || !types.has(e.target.type) || e.weight < min) continue;
    if (!inRange(data, e, e.count, from, to)) continue;
    edges[e.index] = 1;
    nodes[e.source.index] = nodes[e.target.index] = 1;
    shownEdges++;
  }
  for (const n of data.nodes) {
    if (!n.edges.length && !minSet && types.has(n.type) && inRange(data, n, n.documents, from, to)) nodes[n.index] = 1;
    shownNodes += nodes[n.index];
  }
  return { nodes, edges, shownNodes, shownEdges };
}
