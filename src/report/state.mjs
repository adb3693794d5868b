// The view in the URL's hash, so that a link to it can be shared:
//   #node=ID or #edge=ID, then &types=A,B &from=DATE &to=DATE &min=W
// each only when it differs from the default (every type, any date, the
// least weight).  Values are URI-encoded.

export function parseHash(hash) {
  const state = { node: null, edge: null, types: null, from: '', to: '', min: null };
  const text = hash.replace(/^#/, '');
  if (!text) return state;
  for (const part of text.split('&')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const key = part.slice(0, at);
    let value;
    try {
      value = decodeURIComponent(part.slice(at + 1));
    } catch {
      continue;
    }
    if (key === 'node' || key === 'edge') state[key] = value;
    else if (key === 'types') state.types = value ? value.split(',') : [];
    else if ((key === 'from' || key === 'to') && /^\d{4}-\d{2}-\d{2}$/.test(value)) state[key] = value;
    else if (key === 'min' && value !== '' && Number.isFinite(Number(value))) state.min = Number(value);
  }
  return state;
}

// allTypes: every type's name, in order; leastWeight: the graph's least.
export function formatHash(state, allTypes, leastWeight) {
  const parts = [];
  if (state.node) parts.push(`node=${encodeURIComponent(state.node)}`);
  else if (state.edge) parts.push(`edge=${encodeURIComponent(state.edge)}`);
  if (state.types && !(state.types.length === allTypes.length && allTypes.every(t => state.types.includes(t)))) {
    parts.push(`types=${allTypes.filter(t => state.types.includes(t)).map(encodeURIComponent).join(',')}`);
  }
  if (state.from) parts.push(`from=${state.from}`);
  if (state.to) parts.push(`to=${state.to}`);
  if (state.min !== null && state.min !== undefined && state.min > leastWeight) parts.push(`min=${state.min}`);
  return parts.length ? `#${parts.join('&')}` : '';
}
