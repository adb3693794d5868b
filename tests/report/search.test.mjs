import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fold, index, suggest } from '../../src/report/search.mjs';

const node = (i, label, mentions, forms = [label]) => ({ index: i, id: `n${i}`, label, mentions, forms });
const nodes = [
  node(0, 'Unit 8200', 3),
  node(1, 'United Nations', 10, ['United Nations', 'UN']),
  node(2, 'Israel Defense Forces', 5, ['Israel Defense Forces', 'IDF']),
  node(3, 'Zoë Ünal', 1),
  node(4, 'Microsoft', 20, ['Microsoft', 'Microsoft Corp.']),
  node(5, 'Universal Music', 2),
];
const labels = (q, shown) => suggest(index(nodes), q, 10, shown).map(n => n.label);

test('folding drops case, accents and extra space', () => {
  assert.equal(fold('  Zoë   ÜNAL '), 'zoe unal');
});

test('the label itself first, then labels starting with it, then words, forms, anywhere', () => {
  assert.deepEqual(labels('unit 8200'), ['Unit 8200']);
  assert.deepEqual(labels('uni'), ['United Nations', 'Unit 8200', 'Universal Music']);
  assert.deepEqual(labels('forces'), ['Israel Defense Forces']);
  assert.deepEqual(labels('idf'), ['Israel Defense Forces']);
  assert.deepEqual(labels('corp'), ['Microsoft']);
  assert.deepEqual(labels('8200'), ['Unit 8200']);
  assert.deepEqual(labels('rosoft'), ['Microsoft']);
  assert.deepEqual(labels('zoe'), ['Zoë Ünal']);
});

test('nothing for an empty query or no match; hidden nodes are not suggested', () => {
  assert.deepEqual(labels('  '), []);
  assert.deepEqual(labels('qqq'), []);
  assert.deepEqual(labels('uni', Uint8Array.from([1, 0, 1, 1, 1, 0])), ['Unit 8200']);
});

test('at most the limit', () => {
  assert.equal(suggest(index(nodes), 'u', 2).length, 2);
});
