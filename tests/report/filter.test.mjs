import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode } from '../../src/report/data.mjs';
import { inRange, visibility } from '../../src/report/filter.mjs';
import { raw } from './fixture.mjs';

const all = d => ({ types: new Set(d.types.map(t => t.name)), from: '', to: '', min: d.weights[0] });
const shown = (d, v) => d.nodes.filter(n => v.nodes[n.index]).map(n => n.id);
const links = (d, v) => d.edges.filter(e => v.edges[e.index]).map(e => e.id);

test('no filter shows everything, the node without links too', () => {
  const d = decode(raw());
  const v = visibility(d, all(d));
  assert.equal(v.shownNodes, 4);
  assert.equal(v.shownEdges, 3);
});

test('a type left out hides its nodes and their links, and nodes left without a link', () => {
  const d = decode(raw());
  const v = visibility(d, { ...all(d), types: new Set(['ORG', 'PERSON']) });
  assert.deepEqual(links(d, v), ['org.microsoft--person.satya_nadella']);
  assert.deepEqual(shown(d, v), ['org.microsoft', 'person.satya_nadella', 'person.clinton']);
});

test('a least weight hides lighter links, their lone ends and the nodes without links', () => {
  const d = decode(raw());
  const v = visibility(d, { ...all(d), min: 3 });
  assert.deepEqual(links(d, v), ['unit.unit_8200--person.satya_nadella']);
  assert.deepEqual(shown(d, v), ['unit.unit_8200', 'person.satya_nadella']);
});

test('with periods a date range counts the windows of the periods in it', () => {
  const d = decode(raw());
  const v = visibility(d, { ...all(d), from: '2025-03-02', to: '2025-03-31' });
  assert.deepEqual(links(d, v), ['unit.unit_8200--person.satya_nadella', 'org.microsoft--person.satya_nadella']);
  // Clinton has no dated document: no date range holds him.
  assert.deepEqual(shown(d, v), ['org.microsoft', 'unit.unit_8200', 'person.satya_nadella']);
  const ms = d.edgeById.get('org.microsoft--person.satya_nadella');
  assert.equal(inRange(d, ms, ms.count, '2025-03-02', ''), 1);
  assert.equal(inRange(d, ms, ms.count, '', ''), 2);
  assert.equal(inRange(d, ms, ms.count, '2025-03-02', '2025-03-08'), 0);
});

test('without periods a link shows when its first to last seen meets the range', () => {
  const d = decode(raw({ period: null, periods: [] }));
  const between = visibility(d, { ...all(d), from: '2025-03-02', to: '2025-03-08' });
  assert.deepEqual(links(d, between), ['org.microsoft--person.satya_nadella']);
  const after = visibility(d, { ...all(d), from: '2025-03-10' });
  assert.equal(after.shownEdges, 0);
  assert.equal(after.shownNodes, 0);
  const upTo = visibility(d, { ...all(d), to: '2025-03-01' });
  assert.deepEqual(links(d, upTo), ['org.microsoft--unit.unit_8200', 'org.microsoft--person.satya_nadella']);
});
