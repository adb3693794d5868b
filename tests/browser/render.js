// What a plain web viewer does with entgraph's file: graphology reads the
// GraphML or GEXF (the browser builds, on the native DOMParser) and sigma.js
// draws it with its default settings.  The page's query names the format;
// the graph comes from the same server at /graph.  window.egRendered is a
// promise of what was drawn and how long each step took (ms); it rejects,
// and the error reaches the page as uncaught, when a step throws (sigma.js
// on a node attribute `type` it has no program for).
import Graph from 'graphology';
import Sigma from 'sigma';
import { parse as parseGraphml } from 'graphology-graphml/browser';
import { parse as parseGexf } from 'graphology-gexf/browser';

const nextFrame = () => new Promise(resolve => requestAnimationFrame(() => resolve()));

async function render() {
  const params = new URLSearchParams(location.search);
  const format = params.get('format');
  const parse = { graphml: parseGraphml, gexf: parseGexf }[format];
  if (!parse) throw new Error(`unknown format ${format}`);
  const t0 = performance.now();
  const response = await fetch('/graph');
  if (!response.ok) throw new Error(`GET /graph: ${response.status}`);
  const text = await response.text();
  const t1 = performance.now();
  const graph = parse(Graph, text);
  const t2 = performance.now();
  // Default settings, as plain viewers embed sigma.js; ?sizes=gephi draws
  // each node as Gephi does, a disc of radius `size` in the units of x and
  // y, for a picture of the layout itself.
  const settings = params.get('sizes') === 'gephi'
    ? { itemSizesReference: 'positions', zoomToSizeRatioFunction: ratio => ratio }
    : {};
  // Sigma's constructor processes the graph and renders it at once.
  const sigma = new Sigma(graph, document.getElementById('graph'), settings);
  const t3 = performance.now();
  await nextFrame();
  await nextFrame();
  const t4 = performance.now();
  let drawn = 0;
  graph.forEachNode(node => {
    const data = sigma.getNodeDisplayData(node);
    if (data && !data.hidden) drawn++;
  });
  return {
    order: graph.order,
    size: graph.size,
    drawn,
    ms: { fetch: t1 - t0, parse: t2 - t1, sigma: t3 - t2, frame: t4 - t3, firstDraw: t4 - t0 },
  };
}

window.egRendered = render();
