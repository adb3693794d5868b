import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grouped, highlight, plural, safeUrl } from '../../src/report/text.mjs';

test('only http and https URLs become links', () => {
  assert.equal(safeUrl('https://example.org/a?b=1'), 'https://example.org/a?b=1');
  assert.equal(safeUrl('HTTP://Example.org'), 'http://example.org/');
  for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd',
    '/relative/path', 'vbscript:x', '', null, undefined]) {
    assert.equal(safeUrl(bad), null, String(bad));
  }
});

test('names are marked at word bounds, any case, the longest first', () => {
  assert.deepEqual(highlight('Unit 8200 used Azure; the unit 8200s did not.', ['Unit 8200', 'Azure']),
    [['Unit 8200', true], [' used ', false], ['Azure', true], ['; the unit 8200s did not.', false]]);
  assert.deepEqual(highlight('Microsoft Corp. and Microsoft', ['Microsoft', 'Microsoft Corp.']),
    [['Microsoft Corp.', true], [' and ', false], ['Microsoft', true]]);
  assert.deepEqual(highlight('by +972 Magazine (and c++)', ['+972 Magazine', 'c++']),
    [['by ', false], ['+972 Magazine', true], [' (and ', false], ['c++', true], [')', false]]);
  assert.deepEqual(highlight('nothing here', []), [['nothing here', false]]);
  assert.deepEqual(highlight('MicrosoftX', ['Microsoft']), [['MicrosoftX', false]]);
});

test('numbers read as counts', () => {
  assert.equal(grouped(12345), '12,345');
  assert.equal(grouped(0.123456), '0.123');
  assert.equal(plural(1, 'link', 'links'), '1 link');
  assert.equal(plural(2000, 'link', 'links'), '2,000 links');
});
