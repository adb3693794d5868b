import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatHash, parseHash } from '../../src/report/state.mjs';

const types = ['ORG', 'PERSON', 'PLACE'];

test('the default view has no hash, and an empty hash is the default view', () => {
  assert.equal(formatHash({ node: null, edge: null, types, from: '', to: '', min: 1 }, types, 1), '');
  assert.deepEqual(parseHash(''), { node: null, edge: null, types: null, from: '', to: '', min: null });
});

test('a view round-trips through the hash', () => {
  const view = { node: 'org.a&b=c', edge: null, types: ['PERSON', 'ORG'], from: '2025-01-01', to: '2025-02-01', min: 2.5 };
  const hash = formatHash(view, types, 1);
  assert.equal(hash, '#node=org.a%26b%3Dc&types=ORG,PERSON&from=2025-01-01&to=2025-02-01&min=2.5');
  assert.deepEqual(parseHash(hash), { ...view, types: ['ORG', 'PERSON'] });
  const edge = formatHash({ node: null, edge: 'org.a--unit.b', types, from: '', to: '', min: 1 }, types, 1);
  assert.equal(edge, '#edge=org.a--unit.b');
  assert.equal(parseHash(edge).edge, 'org.a--unit.b');
});

test('no type shown is kept apart from every type', () => {
  const hash = formatHash({ node: null, edge: null, types: [], from: '', to: '', min: 1 }, types, 1);
  assert.equal(hash, '#types=');
  assert.deepEqual(parseHash(hash).types, []);
});

test('what a hash cannot mean is ignored', () => {
  const s = parseHash('#from=yesterday&to=2025-13&min=heavy&node=%E0%A4&zoom=3&types');
  assert.deepEqual(s, { node: null, edge: null, types: null, from: '', to: '', min: null });
});
