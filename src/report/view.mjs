// The drawing: a graphology graph of the report's nodes and links, drawn by
// sigma.js at the positions, sizes and colours entgraph laid out, sizes in
// the units of x and y as Gephi draws them.  The reducers read the current
// filters and selection (setVisible, setFocus); draw() applies them.
import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeLineProgram } from 'sigma/rendering';
import { other } from './data.mjs';

const FADED = '#e4e8ec';
const EDGE = '#c3cad1';
const EDGE_FOCUS = '#5b6670';
// Beyond this many links, clicking on links is off: sigma would test every
// one under the pointer at each move.
const EDGE_EVENTS_MAX = 20000;
const LINES_FROM = 20000;

export function createView(container, data, handlers) {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const n of data.nodes) {
    graph.addNode(n.id, { x: n.x, y: n.y, size: n.size, color: n.color, label: n.label, i: n.index });
  }
  const heaviest = data.weights.length ? Math.max(...data.weights.map(Math.abs)) || 1 : 1;
  for (const e of data.edges) {
    const share = Math.sqrt(Math.abs(e.weight) / heaviest);
    graph.addEdgeWithKey(e.id, e.source.id, e.target.id, { size: 0.6 + 4 * share, color: EDGE, i: e.index });
  }

  let visible = null;
  let focus = null; // {nodes: Set of indexes, edge: index or -1}

  const settings = {
    itemSizesReference: 'positions',
    zoomToSizeRatioFunction: ratio => ratio,
    labelRenderedSizeThreshold: 5,
    enableEdgeEvents: data.edges.length <= EDGE_EVENTS_MAX,
    defaultEdgeColor: EDGE,
    zIndex: true,
    ...(data.edges.length > LINES_FROM ? { defaultEdgeType: 'line', edgeProgramClasses: { line: EdgeLineProgram } } : {}),
    // A container without a size (printing, a folded layout) draws nothing
    // until it has one again, rather than throwing.
    allowInvalidContainer: true,
    nodeReducer(node, attrs) {
      const i = attrs.i;
      if (visible && !visible.nodes[i]) return { ...attrs, hidden: true };
      if (!focus) return attrs;
      if (focus.nodes.has(i)) return { ...attrs, zIndex: 2, forceLabel: focus.labels.has(i) };
      return { ...attrs, color: FADED, label: null, zIndex: 0 };
    },
    edgeReducer(edge, attrs) {
      const i = attrs.i;
      if (visible && !visible.edges[i]) return { ...attrs, hidden: true };
      if (!focus) return attrs;
      if (i === focus.edge) return { ...attrs, color: EDGE_FOCUS, size: attrs.size * 2.5, zIndex: 2 };
      if (focus.edges.has(i)) return { ...attrs, color: EDGE_FOCUS, zIndex: 1 };
      return { ...attrs, color: FADED, zIndex: 0 };
    },
  };

  // Made at the first draw, so that its first processing of the graph is
  // already filtered and focused as the hash says.
  let renderer = null;
  function make() {
    renderer = new Sigma(graph, container, settings);
    // The frame holds every disc whole (sigma's own frame holds the centres).
    if (data.nodes.length) {
      let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      for (const n of data.nodes) {
        x0 = Math.min(x0, n.x - n.size);
        x1 = Math.max(x1, n.x + n.size);
        y0 = Math.min(y0, n.y - n.size);
        y1 = Math.max(y1, n.y + n.size);
      }
      renderer.setCustomBBox({ x: [x0, x1], y: [y0, y1] });
    }

    renderer.on('clickNode', ({ node }) => handlers.node(node));
    renderer.on('clickEdge', ({ edge }) => handlers.edge(edge));
    renderer.on('clickStage', () => handlers.stage());
    renderer.on('enterNode', () => { container.style.cursor = 'pointer'; });
    renderer.on('leaveNode', () => { container.style.cursor = ''; });
  }

  return {
    get renderer() {
      return renderer;
    },
    setVisible(v) {
      visible = v;
    },
    // A node and its links, or a link and its ends, drawn over the rest.
    setFocus(item) {
      if (!item) {
        focus = null;
        return;
      }
      if (item.kind === 'node') {
        const n = item.node;
        const nodes = new Set([n.index]);
        const edges = new Set();
        // Its label always; its neighbours' as sigma's label grid picks
        // them (one or so per cell of the screen, the largest first).
        const labels = new Set([n.index]);
        for (const e of n.edges) {
          if (visible && !visible.edges[e.index]) continue;
          nodes.add(other(e, n).index);
          edges.add(e.index);
        }
        focus = { nodes, edges, labels, edge: -1 };
      } else {
        const e = item.edge;
        const ends = new Set([e.source.index, e.target.index]);
        focus = { nodes: ends, edges: new Set([e.index]), labels: ends, edge: e.index };
      }
    },
    draw() {
      if (renderer) renderer.refresh();
      else make();
    },
    // Moves the camera to a node, or between the ends of a link, closer
    // when it is far out.
    show(node, end) {
      const a = renderer.getNodeDisplayData(node.id);
      const b = end ? renderer.getNodeDisplayData(end.id) : a;
      if (!a || !b) return;
      const camera = renderer.getCamera();
      camera.animate({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, ratio: Math.min(camera.ratio, 0.6) }, { duration: 300 });
    },
    // The drawing as a PNG data URL on white: drawn now and read at once,
    // since sigma's WebGL layers keep no picture once shown.
    picture() {
      renderer.refresh();
      const layers = renderer.getCanvases();
      const first = layers.edges || Object.values(layers)[0];
      const out = document.createElement('canvas');
      out.width = first.width;
      out.height = first.height;
      const ctx = out.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, out.width, out.height);
      for (const name of ['edges', 'nodes', 'edgeLabels', 'labels']) {
        if (layers[name]) ctx.drawImage(layers[name], 0, 0, out.width, out.height);
      }
      return out.toDataURL('image/png');
    },
  };
}
