import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, decode, other, sentences } from '../../src/report/data.mjs';
import { raw } from './fixture.mjs';

test('nodes and edges get their fields, evidence its documents and sentences', () => {
  const d = decode(raw());
  const ms = d.nodeById.get('org.microsoft');
  assert.equal(ms.label, 'Microsoft');
  assert.equal(ms.type, 'ORG');
  assert.equal(ms.color, '#f28e2b');
  assert.deepEqual(ms.forms, ['Microsoft', 'Microsoft Corp.']);
  assert.deepEqual(d.nodeById.get('person.clinton').candidates, ['Bill Clinton', 'Hillary Clinton']);
  assert.deepEqual(ms.periods, [[0, 1], [1, 1]]);
  const e = d.edgeById.get('org.microsoft--person.satya_nadella');
  assert.equal(e.source, ms);
  assert.equal(other(e, ms).label, 'Satya Nadella');
  assert.equal(e.evidence.length, 2);
  assert.equal(e.evidence[0].document.title, 'Cloud deal');
  assert.equal(e.evidence[0].sentence, 'Unit 8200 used Azure, Microsoft said.');
  assert.equal(e.evidence[1].sentence, null);
  assert.deepEqual(e.predicates, [{ predicate: 'chief executive of', instances: 2 }, { predicate: 'CEO of', instances: 1 }]);
  assert.deepEqual(d.edges[0].predicates, [], 'an edge of a report without predicates has none');
  assert.deepEqual(d.types.map(t => [t.name, t.nodes]), [['ORG', 1], ['PERSON', 2], ['UNIT', 1]]);
  assert.deepEqual(d.weights, [1, 2, 3]);
});

test("a node's links are ranked by weight, then documents, then id", () => {
  const d = decode(raw());
  assert.deepEqual(d.nodeById.get('unit.unit_8200').edges.map(e => e.weight), [3, 1]);
  assert.deepEqual(d.nodeById.get('org.microsoft').edges.map(e => e.id),
    ['org.microsoft--person.satya_nadella', 'org.microsoft--unit.unit_8200']);
});

test('periods end on their last day', () => {
  assert.deepEqual(decode(raw()).periods.map(p => p.last), ['2025-03-01', '2025-03-09']);
  const months = decode(raw({ period: 'month', periods: ['2024-02-01', '2025-02-01', '2025-12-01'] }));
  assert.deepEqual(months.periods.map(p => p.last), ['2024-02-29', '2025-02-28', '2025-12-31']);
  const weeks = decode(raw({ period: 'week', periods: ['2024-12-30'] }));
  assert.equal(weeks.periods[0].last, '2025-01-05');
  assert.equal(addDays('2025-02-28', 1), '2025-03-01');
});

test('another format or version is refused with what it is', () => {
  assert.throws(() => decode({ format: 'entgraph-report', version: 2 }), /version 1 \(format entgraph-report, version 2\)/);
  assert.throws(() => decode(null), /not an entgraph report/);
});

test("a node's sentences: its own evidence and its links', each once, newest first", () => {
  const d = decode(raw());
  const ms = d.nodeById.get('org.microsoft');
  assert.deepEqual(ms.evidence.map(ev => [ev.document.id, ev.sentence]),
    [['a.txt', 'Unit 8200 used Azure, Microsoft said.'], ['b.txt', 'Microsoft alone.']]);
  assert.deepEqual(ms.sources, ['The Paper']);
  // a.txt's sentence is its own evidence and two links': listed once.
  assert.deepEqual(sentences(ms, 10).map(ev => [ev.document.id, ev.sentence]),
    [['b.txt', 'Microsoft alone.'], ['a.txt', 'Unit 8200 used Azure, Microsoft said.']]);
  const unit = d.nodeById.get('unit.unit_8200');
  assert.deepEqual(sentences(unit, 10).map(ev => ev.document.id), ['b.txt', 'a.txt']);
  assert.equal(sentences(unit, 1).length, 1);
  // Without links, its own evidence still (an undated document last).
  const clinton = d.nodeById.get('person.clinton');
  assert.deepEqual(sentences(clinton, 10).map(ev => [ev.document.id, ev.sentence]), [['c.txt', 'Clinton spoke.']]);
  assert.deepEqual(clinton.sources, ['A', 'B']);
});
