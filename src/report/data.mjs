// The report's data (output/html.h) as objects: nodes and edges with named
// fields, evidence resolved to its documents and sentences, and the lookups
// the page needs.  No DOM here: the unit tests run it under node.

const periodEnd = {
  day: first => first,
  week: first => addDays(first, 6),
  month: first => {
    const [y, m] = first.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${first.slice(0, 8)}${String(last).padStart(2, '0')}`;
  },
};

export function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// [[index, value], ...] from a flat [index, value, index, value, ...].
function pairs(flat) {
  const out = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}

const list = text => (text ? text.split(' | ') : []);

export function decode(raw) {
  if (!raw || raw.format !== 'entgraph-report' || raw.version !== 1) {
    throw new Error(`not an entgraph report of version 1 (format ${raw && raw.format}, version ${raw && raw.version})`);
  }
  const types = raw.types.map(([name, color]) => ({ name, color, nodes: 0 }));
  const documents = raw.documents.map(([id, date, title, outlet, url]) => ({ id, date, title, outlet, url }));
  const periods = raw.periods.map(first => ({ first, last: raw.period ? periodEnd[raw.period](first) : first }));
  const nodes = raw.nodes.map((n, index) => {
    const type = types[n[2]];
    type.nodes++;
    return {
      index, id: n[0], label: n[1], type: type.name, color: type.color, x: n[3], y: n[4], size: n[5],
      mentions: n[6], documents: n[7], first: n[8], last: n[9], category: n[10],
      forms: list(n[11]), candidates: list(n[12]), sources: list(n[13]), pagerank: n[14], community: n[15],
      periods: pairs(n[16]), edges: [],
      evidence: pairs(n[17]).map(([d, s]) => ({ document: documents[d], sentence: s === null ? null : raw.sentences[s] })),
    };
  });
  const edges = raw.edges.map((e, index) => {
    const source = nodes[e[0]], target = nodes[e[1]];
    const edge = {
      index, id: `${source.id}--${target.id}`, source, target, weight: e[2], count: e[3], documents: e[4],
      first: e[5], last: e[6],
      evidence: pairs(e[7]).map(([d, s]) => ({ document: documents[d], sentence: s === null ? null : raw.sentences[s] })),
      periods: pairs(e[8]),
      predicates: pairs(e[9] || []).map(([predicate, instances]) => ({ predicate, instances })),
    };
    source.edges.push(edge);
    target.edges.push(edge);
    return edge;
  });
  const byWeight = (a, b) => b.weight - a.weight || b.documents - a.documents || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const n of nodes) n.edges.sort(byWeight);
  const weights = [...new Set(edges.map(e => e.weight))].sort((a, b) => a - b);
  return {
    provenance: raw.provenance, types, period: raw.period, periods, documents, nodes, edges, weights,
    nodeById: new Map(nodes.map(n => [n.id, n])),
    edgeById: new Map(edges.map(e => [e.id, e])),
  };
}

// The other end of edge from node.
export const other = (edge, node) => (edge.source === node ? edge.target : edge.source);

// The sentences that name a node, one per document and sentence: its own
// evidence (its first mention in each of its first documents) and its
// links', newest first, at most max.
export function sentences(node, max) {
  const seen = new Set();
  const out = [];
  for (const items of [node.evidence, ...node.edges.map(e => e.evidence)]) {
    for (const ev of items) {
      if (!ev.sentence) continue;
      const key = `${ev.document.id}\u0000${ev.sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(ev);
    }
  }
  out.sort((a, b) => (b.document.date || '').localeCompare(a.document.date || '') ||
    (a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0));
  return out.slice(0, max);
}
