// Search by name: a node's label and surface forms, folded (case, accents,
// runs of space), ranked: the label itself, a label starting with the
// query, a word of the label starting with it, a surface form starting
// with it, then the label or a form holding it; ties by mentions, then
// label.

export function fold(text) {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function index(nodes) {
  return nodes.map(n => ({ node: n, label: fold(n.label), forms: n.forms.map(fold) }));
}

function rank(entry, q) {
  const { label, forms } = entry;
  if (label === q) return 0;
  if (label.startsWith(q)) return 1;
  if (label.split(/[\s\-.,']+/).some(w => w.startsWith(q))) return 2;
  if (forms.some(f => f.startsWith(q))) return 3;
  if (label.includes(q) || forms.some(f => f.includes(q))) return 4;
  return -1;
}

export function suggest(entries, query, limit, shown) {
  const q = fold(query);
  if (!q) return [];
  const hits = [];
  for (const e of entries) {
    if (shown && !shown[e.node.index]) continue;
    const r = rank(e, q);
    if (r >= 0) hits.push([r, e.node]);
  }
  hits.sort((a, b) => a[0] - b[0] || b[1].mentions - a[1].mentions || (a[1].label < b[1].label ? -1 : a[1].label > b[1].label ? 1 : 0));
  return hits.slice(0, limit).map(h => h[1]);
}
