// lib-matrix-text.test.js — the shared helpers in web/src/lib/ that exist once for every scene:
// maxAbsDiff's defined handling of NaN and infinities, row maxima, superscripts, percentages and
// the small grammar helpers that keep generated sentences right for any token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maxAbsDiff, rowMax, rowArgmax, rowSums } from '../../web/src/lib/matrix.js';
import { formatPercent, superscript, formatVector, formatNumber } from '../../web/src/lib/format.js';
import { article, plural, possessive } from '../../web/src/lib/text.js';

test('maxAbsDiff: NaN on either side or different shapes mean "not comparable" (Infinity); equal infinities are equal', () => {
  assert.equal(maxAbsDiff([1, NaN], [1, 2]), Infinity);
  assert.equal(maxAbsDiff([1, 2], [1, NaN]), Infinity);
  assert.equal(maxAbsDiff([NaN, 5], [NaN, 0]), Infinity, 'a NaN is never hidden by a later large difference');
  assert.equal(maxAbsDiff([-Infinity, 1], [-Infinity, 1.5]), 0.5, 'two masked (−∞) entries agree');
  assert.equal(maxAbsDiff([-Infinity], [1]), Infinity);
  assert.equal(maxAbsDiff([Infinity], [-Infinity]), Infinity);
  assert.equal(maxAbsDiff(null, [1]), Infinity);
  assert.equal(maxAbsDiff(new Float32Array([0.5, 2]), [0.5, 2]), 0);
});

test('rowMax and rowArgmax pick the first largest entry per row; rowSums adds rows', () => {
  const m = [1, 3, 3, 0, -1, -2];
  assert.deepEqual(rowMax(m, 2, 3), [{ value: 3, col: 1 }, { value: 0, col: 0 }]);
  assert.deepEqual(rowArgmax(m, 2, 3), [1, 0]);
  assert.deepEqual(rowSums(m, 2, 3), [7, -3]);
});

test('superscripts, percentages and vectors have one format', () => {
  assert.equal(superscript(12), '¹²');
  assert.equal(superscript(-8), '⁻⁸');
  assert.equal(formatPercent(0.3412), '34%');
  assert.equal(formatPercent(0.004), '<1%');
  assert.equal(formatPercent(NaN), 'n/a');
  assert.equal(formatVector([0.752, 1]), '(0.75, 1.00)');
  assert.equal(formatVector([-0.5, 2], 3), '(\u22120.500, 2.000)');
  assert.equal(formatNumber(1), '1.00', 'a computed 1 prints with the lesson’s digits in every step');
});

test('grammar helpers: possessives, a/an before numbers, plurals', () => {
  assert.equal(possessive('phones'), 'phones\u2019');
  assert.equal(possessive('Apple'), 'Apple\u2019s');
  assert.equal(article('11 × 11'), 'an');
  assert.equal(article('8 × 8'), 'an');
  assert.equal(article('80'), 'an');
  assert.equal(article('4 × 4'), 'a');
  assert.equal(article('1 × 1'), 'a');
  assert.equal(article('110'), 'a');
  assert.equal(article('18'), 'an');
  assert.equal(article('apple'), 'an');
  assert.equal(plural(1, 'rewrite'), '1 rewrite');
  assert.equal(plural(3, 'rewrite'), '3 rewrites');
});
