// The details panel: a node with its links, outlets and sentences, or a
// link with its evidence.  Every text of the data goes in as text (never
// as markup): titles and sentences come from the articles.
import { other, sentences } from './data.mjs';
import { inRange } from './filter.mjs';
import { grouped, highlight, plural, safeUrl } from './text.mjs';

const LINKS_SHOWN = 100;
const SENTENCES_SHOWN = 30;

// The element, its attributes set and children appended (text as text;
// null, undefined and false left out, arrays flattened).
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

function fill(panel, ...children) {
  panel.replaceChildren();
  panel.append(...el('div', null, children).childNodes);
}

const swatch = color => el('span', { class: 'swatch', style: `background:${color}`, 'aria-hidden': 'true' });

function facts(rows) {
  return el('dl', { class: 'facts' }, rows.filter(r => r && r[1] !== null && r[1] !== undefined && r[1] !== '')
    .map(([k, v]) => [el('dt', null, k), el('dd', null, v)]));
}

function seen(first, last) {
  if (!first) return 'undated';
  return first === last ? first : `${first} to ${last}`;
}

function marked(sentence, names) {
  return el('p', { class: 'sentence' }, highlight(sentence, names).map(([t, m]) => (m ? el('mark', null, t) : t)));
}

// Date, outlet and title (a link to the article when its URL is http or
// https) of an evidence document.
function documentLine(doc) {
  const url = safeUrl(doc.url);
  const title = doc.title || doc.id;
  return el('div', { class: 'meta' },
    el('span', { class: 'date' }, doc.date || 'undated'),
    doc.outlet ? el('span', { class: 'outlet' }, doc.outlet) : null,
    url ? el('a', { class: 'title', href: url, target: '_blank', rel: 'noopener noreferrer' }, title)
      : el('span', { class: 'title' }, title));
}

const names = node => [node.label, ...node.forms];

function closeButton(onClose) {
  return el('button', { type: 'button', class: 'close', 'aria-label': 'Close (Escape)', onclick: onClose }, '×');
}

// ctx: {data, visible, filters, weighting, openEdge(edge), openNode(node), close()}
export function nodePanel(panel, node, ctx) {
  const { data, visible, filters } = ctx;
  const links = node.edges.filter(e => visible.edges[e.index]);
  const hidden = node.edges.length - links.length;
  const forms = node.forms.filter(f => f !== node.label);
  const dated = filters.from || filters.to;
  const docsInRange = dated ? inRange(data, node, node.documents, filters.from, filters.to) : null;
  fill(panel,
    closeButton(ctx.close),
    el('h2', { id: 'details-title' }, node.label),
    el('p', { class: 'type-tag' }, swatch(node.color), ' ', node.type, node.category ? ` · ${node.category}` : ''),
    facts([
      ['Mentions', `${plural(node.mentions, 'mention', 'mentions')} in ${plural(node.documents, 'document', 'documents')}`],
      dated && data.period ? ['In the dates', plural(docsInRange, 'document', 'documents')] : null,
      ['Seen', seen(node.first, node.last)],
      forms.length ? ['Also written', forms.join(', ')] : null,
      // entgraph keeps the first eight outlets by name (graph/cooc.h).
      node.sources.length ? ['Outlets', node.sources.join(', ') + (node.sources.length >= 8 ? ' and maybe more' : '')] : null,
      node.candidates.length ? ['Could be', node.candidates.join(', ')] : null,
      ['Id', node.id],
    ]),
    el('h3', null, `Links (${grouped(links.length)}), by ${ctx.weighting}`),
    hidden ? el('p', { class: 'more' }, `${plural(hidden, 'link', 'links')} hidden by the filters`) : null,
    linkList(links, node, ctx),
  );
  const said = sentences(node, SENTENCES_SHOWN);
  if (said.length) {
    panel.append(el('h3', null, 'Named in'),
      el('ol', { class: 'sentences' }, said.map(ev => el('li', null, documentLine(ev.document), marked(ev.sentence, names(node))))));
  }
}

function linkList(links, node, ctx) {
  const list = el('ol', { class: 'links' });
  const add = (from, to) => {
    for (const e of links.slice(from, to)) {
      const o = other(e, node);
      list.append(el('li', null, el('button', {
        type: 'button', class: 'link', dataset: { edge: e.id }, onclick: () => ctx.openEdge(e),
        'aria-label': `${o.label}: weight ${grouped(e.weight)}, ${plural(e.documents, 'document', 'documents')}; show the evidence`,
      }, swatch(o.color), el('span', { class: 'name' }, o.label), el('span', { class: 'weight' }, grouped(e.weight)),
      el('span', { class: 'seen' }, `${e.predicates.length ? `${e.predicates[0].predicate} · ` : ''}${plural(e.documents, 'document', 'documents')} · ${seen(e.first, e.last)}`))));
    }
  };
  add(0, LINKS_SHOWN);
  if (links.length > LINKS_SHOWN) {
    const more = el('li', null, el('button', {
      type: 'button', class: 'more-links', onclick: () => { more.remove(); add(LINKS_SHOWN, links.length); },
    }, `Show all ${grouped(links.length)} links`));
    list.append(more);
  }
  return list;
}

export function edgePanel(panel, edge, ctx) {
  const { source, target } = edge;
  const both = [...names(source), ...names(target)];
  const kept = edge.evidence.length;
  fill(panel,
    closeButton(ctx.close),
    el('h2', { id: 'details-title' }, `${source.label} – ${target.label}`),
    el('div', { class: 'ends' },
      [source, target].map(n => el('button', { type: 'button', onclick: () => ctx.openNode(n) }, swatch(n.color), ' ', n.label))),
    facts([
      ['Weight', `${grouped(edge.weight)} (${ctx.weighting})`],
      ['Together', `${plural(edge.count, 'window', 'windows')} in ${plural(edge.documents, 'document', 'documents')}`],
      ['Seen', seen(edge.first, edge.last)],
      ['Stated', edge.predicates.map(p => `${p.predicate} (${grouped(p.instances)})`).join(' · ') || null],
      ['Id', edge.id],
    ]),
    el('h3', null, 'Evidence'),
    kept < edge.documents
      ? el('p', { class: 'more' }, `The first ${plural(kept, 'document', 'documents')} of ${grouped(edge.documents)} (entgraph's --evidence keeps that many per link)`)
      : null,
    el('ol', { class: 'evidence' }, edge.evidence.map(ev => el('li', null, documentLine(ev.document),
      ev.sentence ? marked(ev.sentence, both) : el('p', { class: 'sentence more' }, 'no sentence kept')))),
  );
}
