// Reads a GraphML or GEXF file with graphology (the parsers Gephi Lite
// uses) and prints it plainly, like graphml_dump.py, plus which visual and
// metric attributes every node carries.
//   NODE_PATH=npm/node_modules node tests/graphology_load.js graphml|gexf FILE
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const [format, path] = process.argv.slice(2);
const parser = format === 'gexf' ? require('graphology-gexf') : require('graphology-graphml');
const graph = parser.parse(Graph, fs.readFileSync(path, 'utf8'));
if (graph.type !== 'undirected') {
  console.error(`graphology read a ${graph.type} graph`);
  process.exit(1);
}
const fmt = v => (Number.isInteger(v) ? String(v) : String(v));
const lines = [];
graph.forEachNode((id, a) => lines.push(`node ${a.label} ${a.entity_type} mentions=${fmt(a.mentions)} documents=${fmt(a.documents)}`));
graph.forEachEdge((e, a, s, t) => {
  const [x, y] = [graph.getNodeAttribute(s, 'label'), graph.getNodeAttribute(t, 'label')].sort();
  lines.push(`edge ${x} -- ${y} weight=${fmt(a.weight)} documents=${fmt(a.documents)}`);
});
lines.sort();
// Attributes present on every node, for the caller to check.
const want = ['pagerank', 'betweenness', 'community', 'component', 'size', 'x', 'y'];
// Both parsers turn the colour (viz:color, or Gephi's r, g, b keys) into one
// 'color' attribute, as Gephi Lite shows it.
const colour = ['color'];
for (const name of want.concat(colour)) {
  let all = true;
  graph.forEachNode((id, a) => { if (a[name] === undefined) all = false; });
  lines.push(`every node has ${name}: ${all}`);
}
// sigma.js takes a node's `type` for its drawing program's name and throws on
// "ORG": the entity type must reach graphology under another name.
let untyped = true;
graph.forEachNode((id, a) => { if (a.type !== undefined) untyped = false; });
lines.push(`every node has no type attribute (sigma's program name): ${untyped}`);
process.stdout.write(lines.join('\n') + '\n');
