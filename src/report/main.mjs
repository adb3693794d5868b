// The report page: reads the embedded data, draws it, and wires search,
// filters, panels, the URL's hash, keys and printing together.
// window.egReport.ready resolves, once the graph is first drawn, to
// {nodes, edges, drawn, ms: {start, data, sigma, frames, firstDraw}}: when
// the script started and when the graph was first drawn (ms since
// navigation start), and how long reading the data, building the drawing
// and its first frames took; it rejects on a startup error.
import { decode } from './data.mjs';
import { visibility } from './filter.mjs';
import { edgePanel, el, nodePanel } from './panels.mjs';
import { index as searchIndex, suggest } from './search.mjs';
import { formatHash, parseHash } from './state.mjs';
import { grouped, plural } from './text.mjs';
import { createView } from './view.mjs';

const SUGGESTIONS = 12;
const $ = id => document.getElementById(id);
const nextFrame = () => new Promise(resolve => requestAnimationFrame(() => resolve()));

function start() {
  const t0 = performance.now();
  const data = decode(JSON.parse($('eg-data').textContent));
  const t1 = performance.now();
  const p = data.provenance;
  const weighting = p.weighting || 'count';
  const allTypes = data.types.map(t => t.name);
  const least = data.weights.length ? data.weights[0] : 0;

  const state = { node: null, edge: null, types: allTypes.slice(), from: '', to: '', min: least };
  let visible = visibility(data, filters());
  let lastFocus = null;

  function filters() {
    return { types: new Set(state.types), from: state.from, to: state.to, min: state.min };
  }

  // Header and provenance.
  const dates = p.first_date ? (p.first_date === p.last_date ? p.first_date : `${p.first_date} to ${p.last_date}`) : 'undated';
  $('summary').textContent = `${plural(p.documents || 0, 'document', 'documents')}, ${dates}; ` +
    `${plural(data.nodes.length, 'entity', 'entities')}, ${plural(data.edges.length, 'link', 'links')} (window: ${p.window || '?'})`;
  $('provenance').replaceChildren(...Object.entries(p).flatMap(([k, v]) => [el('dt', null, k), el('dd', null, String(v === '' ? 'none' : v))]));

  // Type filters, which are the legend too.
  const typeBoxes = data.types.map(t => {
    const box = el('input', { type: 'checkbox', value: t.name, checked: true });
    box.addEventListener('change', () => {
      state.types = typeBoxes.filter(b => b.checked).map(b => b.value);
      update({ history: 'replace' });
    });
    $('types').append(el('label', null, box, el('span', { class: 'swatch', style: `background:${t.color}`, 'aria-hidden': 'true' }),
      t.name, el('span', { class: 'n' }, grouped(t.nodes))));
    return box;
  });

  // Dates.
  const from = $('from'), to = $('to');
  if (p.first_date) {
    for (const input of [from, to]) {
      input.min = p.first_date;
      input.max = p.last_date;
    }
    $('dates-hint').textContent = data.period
      ? `Counted per ${data.period}: a link shows with the windows of the ${data.period}s in the range.`
      : 'A link shows when its first to last seen meets the range (entgraph --period day counts each day).';
  } else {
    from.disabled = to.disabled = true;
    $('dates-hint').textContent = 'No document has a date.';
  }
  for (const input of [from, to]) {
    input.addEventListener('change', () => {
      state[input.id] = input.value;
      update({ history: 'replace' });
    });
  }

  // Least weight: the slider steps through the weights links have.
  const slider = $('min-weight');
  slider.max = String(Math.max(0, data.weights.length - 1));
  slider.disabled = data.weights.length < 2;
  const weightAt = k => data.weights[k] ?? least;
  let pending = false;
  slider.addEventListener('input', () => {
    state.min = weightAt(Number(slider.value));
    $('min-weight-value').textContent = grouped(state.min);
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      update({ history: 'replace' });
    });
  });

  $('reset').addEventListener('click', () => {
    Object.assign(state, { types: allTypes.slice(), from: '', to: '', min: least });
    update({ history: 'replace' });
  });

  function syncControls() {
    for (const b of typeBoxes) b.checked = state.types.includes(b.value);
    from.value = state.from;
    to.value = state.to;
    let k = 0;
    while (k + 1 < data.weights.length && data.weights[k] < state.min) k++;
    slider.value = String(k);
    $('min-weight-value').textContent = grouped(state.min);
    $('count').textContent = `${grouped(visible.shownNodes)} of ${plural(data.nodes.length, 'entity', 'entities')}, ` +
      `${grouped(visible.shownEdges)} of ${plural(data.edges.length, 'link', 'links')} shown`;
  }

  // Selection and the panel.
  const panel = $('details');
  const ctx = {
    data, weighting,
    get visible() { return visible; },
    get filters() { return filters(); },
    openEdge: e => select({ edge: e.id }),
    openNode: n => select({ node: n.id }),
    close: () => select({}),
  };

  function showPanel() {
    const node = state.node && data.nodeById.get(state.node);
    const edge = !node && state.edge && data.edgeById.get(state.edge);
    if (node) {
      nodePanel(panel, node, ctx);
      panel.dataset.kind = 'node';
      panel.dataset.id = node.id;
      view.setFocus({ kind: 'node', node });
    } else if (edge) {
      edgePanel(panel, edge, ctx);
      panel.dataset.kind = 'edge';
      panel.dataset.id = edge.id;
      view.setFocus({ kind: 'edge', edge });
    } else {
      state.node = state.edge = null;
      panel.hidden = true;
      panel.replaceChildren();
      delete panel.dataset.kind;
      delete panel.dataset.id;
      view.setFocus(null);
      return null;
    }
    panel.hidden = false;
    panel.setAttribute('aria-labelledby', 'details-title');
    panel.scrollTop = 0;
    return node ? [node] : [edge.source, edge.target];
  }

  function writeHash(how) {
    const hash = formatHash(state, allTypes, least);
    if (hash === location.hash || (!hash && !location.hash)) return;
    const url = hash || `${location.pathname}${location.search}`;
    try {
      if (how === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    } catch {
      location.hash = hash;
    }
  }

  // Applies the state: filters, panel, drawing, hash.
  function update({ history: how, move } = {}) {
    visible = visibility(data, filters());
    view.setVisible(visible);
    const shown = showPanel();
    view.draw();
    syncControls();
    if (how) writeHash(how);
    if (move && shown) view.show(...shown);
  }

  function select(sel) {
    if (!sel.node && !sel.edge && (state.node || state.edge)) {
      state.node = state.edge = null;
      update({ history: 'push' });
      if (lastFocus && document.contains(lastFocus)) lastFocus.focus();
      else $('search').focus();
      return;
    }
    if (panel.hidden && document.activeElement !== document.body) lastFocus = document.activeElement;
    state.node = sel.node || null;
    state.edge = sel.node ? null : sel.edge || null;
    update({ history: 'push', move: true });
    if (!panel.hidden) panel.focus({ preventScroll: true });
  }

  // The URL's hash, on opening and when it changes (back, forward, edits).
  function readHash() {
    const h = parseHash(location.hash);
    state.node = h.node && data.nodeById.has(h.node) ? h.node : null;
    state.edge = !state.node && h.edge && data.edgeById.has(h.edge) ? h.edge : null;
    state.types = h.types ? allTypes.filter(t => h.types.includes(t)) : allTypes.slice();
    state.from = h.from;
    state.to = h.to;
    state.min = h.min ?? least;
  }
  const fromHash = () => {
    readHash();
    update({ move: true });
  };
  window.addEventListener('hashchange', fromHash);
  window.addEventListener('popstate', fromHash);

  // Search: a combobox whose list suggests names as one types.
  const search = $('search');
  const list = $('suggestions');
  const entries = searchIndex(data.nodes);
  let options = [];
  let active = -1;
  function closeList() {
    list.hidden = true;
    list.replaceChildren();
    options = [];
    active = -1;
    search.setAttribute('aria-expanded', 'false');
    search.removeAttribute('aria-activedescendant');
  }
  function highlightOption(k) {
    active = k;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', i === k ? 'true' : 'false'));
    if (k >= 0) {
      search.setAttribute('aria-activedescendant', list.children[k].id);
      list.children[k].scrollIntoView({ block: 'nearest' });
    }
  }
  function choose(node) {
    closeList();
    search.value = node.label;
    select({ node: node.id });
  }
  search.addEventListener('input', () => {
    options = suggest(entries, search.value, SUGGESTIONS, visible.nodes);
    if (!options.length) {
      closeList();
      return;
    }
    list.replaceChildren(...options.map((n, i) => el('li', {
      id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false', dataset: { node: n.id },
      onmousedown: ev => { ev.preventDefault(); choose(n); },
    }, el('span', { class: 'label' }, n.label), el('span', { class: 'type' }, n.type))));
    list.hidden = false;
    active = -1;
    search.setAttribute('aria-expanded', 'true');
  });
  search.addEventListener('keydown', ev => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!options.length) return;
      ev.preventDefault();
      const step = ev.key === 'ArrowDown' ? 1 : -1;
      highlightOption((active + step + options.length) % options.length);
    } else if (ev.key === 'Enter') {
      if (!options.length) return;
      ev.preventDefault();
      choose(options[active >= 0 ? active : 0]);
    } else if (ev.key === 'Escape' && !list.hidden) {
      ev.preventDefault();
      ev.stopPropagation();
      closeList();
    }
  });
  search.addEventListener('blur', () => setTimeout(closeList, 0));

  document.addEventListener('keydown', ev => {
    if (ev.key === 'Escape' && (state.node || state.edge)) {
      ev.preventDefault();
      select({});
    }
  });

  // The drawing.
  const t2 = performance.now();
  const view = createView($('graph'), data, {
    node: id => select({ node: id }),
    edge: id => select({ edge: id }),
    stage: () => select({}),
  });

  // Print: the drawing as an image, since its WebGL layers do not print.
  const preparePrint = () => {
    $('print-graph').replaceChildren(el('img', { src: view.picture(), alt: `The network: ${$('count').textContent}` }));
  };
  // Before print styles apply: once they do, the drawing has no room.
  window.addEventListener('beforeprint', preparePrint);

  // The first update draws: sigma.js is made then, with the filters and
  // selection of the hash.
  readHash();
  update({ move: true });
  const t3 = performance.now();
  return nextFrame().then(nextFrame).then(() => {
    const t4 = performance.now();
    let drawn = 0;
    for (const n of data.nodes) {
      const d = view.renderer.getNodeDisplayData(n.id);
      if (d && !d.hidden) drawn++;
    }
    return {
      nodes: data.nodes.length, edges: data.edges.length, drawn,
      ms: { start: t0, data: t1 - t0, sigma: t3 - t2, frames: t4 - t3, firstDraw: t4 },
    };
  });
}

function fail(e) {
  const message = `The report could not be drawn: ${e.message}`;
  document.body.prepend(el('p', { class: 'noscript', role: 'alert' }, message));
  throw e;
}

// A startup error shows on the page and rejects ready.
window.egReport = { ready: new Promise(resolve => resolve(start())).catch(fail) };
