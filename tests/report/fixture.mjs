// A small report's data, as output/html.h writes it: four nodes (one
// without links), three links, two periods of a day.
export function raw(overrides = {}) {
  return {
    format: 'entgraph-report', version: 1,
    provenance: { documents: 3, weighting: 'count', first_date: '2025-03-01', last_date: '2025-03-09' },
    types: [['ORG', '#f28e2b'], ['PERSON', '#4e79a7'], ['UNIT', '#e15759']],
    period: 'day', periods: ['2025-03-01', '2025-03-09'],
    documents: [
      ['a.txt', '2025-03-01', 'Cloud deal', 'The Paper', 'https://example.org/a'],
      ['b.txt', '2025-03-09', null, null, 'javascript:alert(1)'],
      ['c.txt', null, 'Undated', null, null],
    ],
    sentences: ['Unit 8200 used Azure, Microsoft said.', 'Satya Nadella met Unit 8200.', 'Microsoft alone.',
      'Clinton spoke.'],
    nodes: [
      ['org.microsoft', 'Microsoft', 0, 0, 0, 50, 5, 2, '2025-03-01', '2025-03-09', null, 'Microsoft | Microsoft Corp.', null,
        'The Paper', 0.4, 0, [0, 1, 1, 1], [0, 0, 1, 2]],
      ['unit.unit_8200', 'Unit 8200', 2, 10, 0, 30, 3, 2, '2025-03-01', '2025-03-09', 'intelligence', 'Unit 8200', null,
        'The Paper', 0.3, 0, [0, 1, 1, 1], [0, 0, 1, 1]],
      ['person.satya_nadella', 'Satya Nadella', 1, 0, 10, 20, 1, 1, '2025-03-09', '2025-03-09', null, 'Satya Nadella | Nadella', null,
        null, 0.2, 0, [1, 1], [1, 1]],
      ['person.clinton', 'Clinton', 1, 30, 30, 10, 1, 1, null, null, null, 'Clinton', 'Bill Clinton | Hillary Clinton',
        'A | B', 0.1, 1, [], [2, 3]],
    ],
    edges: [
      [0, 1, 1, 1, 1, '2025-03-01', '2025-03-01', [0, 0], [0, 1]],
      [1, 2, 3, 3, 1, '2025-03-09', '2025-03-09', [1, 1], [1, 3]],
      [0, 2, 2, 2, 2, '2025-03-01', '2025-03-09', [0, 0, 1, null], [0, 1, 1, 1], ['chief executive of', 2, 'CEO of', 1]],
    ],
    ...overrides,
  };
}
