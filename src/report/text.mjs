// Text helpers with no DOM: which URLs become links, and where a sentence
// names an entity.

// The URL when it is http or https, else null: an article's URL comes
// from the input, and a javascript: or data: one must not be a link.
export function safeUrl(url) {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

// The sentence cut into [text, marked] pieces, marked where one of names
// occurs (case-insensitive, at word bounds, the longest name first).
export function highlight(sentence, names) {
  const wanted = [...new Set(names.filter(n => n && n.length > 1))].sort((a, b) => b.length - a.length);
  if (!wanted.length) return [[sentence, false]];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${wanted.map(n => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`,
    'giu');
  const out = [];
  let at = 0;
  for (const m of sentence.matchAll(pattern)) {
    if (m.index > at) out.push([sentence.slice(at, m.index), false]);
    out.push([m[0], true]);
    at = m.index + m[0].length;
  }
  if (at < sentence.length) out.push([sentence.slice(at), false]);
  return out;
}

export function grouped(n) {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(Math.round(n * 1000) / 1000);
}

export function plural(n, one, many) {
  return `${grouped(n)} ${n === 1 ? one : many}`;
}
