// lib-format.test.js — the lesson's one number format and label formatting (web/src/lib/format.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatNumber, formatSigned, formatShape, formatShapeCompact, displayLabel, quoteLabel,
  truncateToWidth, parseNumber, formatWeight, formatSharePrecise, MINUS, NEG_INF, ELLIPSIS,
  formatAnswer, decimalText,
} from '../../web/src/lib/format.js';

test('formatNumber uses fixed digits and a true minus sign', () => {
  assert.equal(formatNumber(0.41234), '0.41');
  assert.equal(formatNumber(-0.41234), `${MINUS}0.41`);
  assert.equal(formatNumber(-1.5, 3), '\u22121.500');
  assert.equal(formatNumber(2, 0), '2');
  assert.ok(!formatNumber(-3).includes('-'), 'no ASCII hyphen-minus');
});

test('formatNumber never shows negative zero', () => {
  assert.equal(formatNumber(-0.001), '0.00');
  assert.equal(formatNumber(-0), '0.00');
  assert.equal(formatNumber(-0.004, 2), '0.00');
  assert.equal(formatNumber(-0.006, 2), `${MINUS}0.01`);
});

test('formatNumber: infinities, NaN, huge numbers', () => {
  assert.equal(formatNumber(-Infinity), NEG_INF);
  assert.equal(NEG_INF, '\u2212\u221E');
  assert.equal(formatNumber(Infinity), '\u221E');
  assert.equal(formatNumber(NaN), 'n/a');
  assert.equal(formatNumber(undefined), 'n/a');
  assert.equal(formatNumber(4.85e8, 2), '4.85 \u00D7 10\u2078');
  assert.equal(formatNumber(-1.2e-7 * 1e14, 1), `${MINUS}1.2 \u00D7 10\u2077`);
});

test('formatSigned adds a plus only to positive non-zero values', () => {
  assert.equal(formatSigned(0.4), '+0.40');
  assert.equal(formatSigned(-0.4), `${MINUS}0.40`);
  assert.equal(formatSigned(0), '0.00');
  assert.equal(formatSigned(0.001), '0.00');
});

test('shapes', () => {
  assert.equal(formatShape(3, 64), '3 \u00D7 64');
  assert.equal(formatShapeCompact(3, 3), '3\u00D73');
});

test('labels: placeholders for empty and blank tokens, quoting', () => {
  assert.equal(displayLabel('cat'), 'cat');
  assert.equal(displayLabel(''), '(empty)');
  assert.equal(displayLabel('   '), '(space)');
  assert.equal(displayLabel(undefined, 3), '3');
  assert.equal(quoteLabel('cat'), "'cat'");
  assert.equal(quoteLabel(undefined, 2), "'2'");
});

test('truncateToWidth keeps text that fits and ellipsises text that does not', () => {
  const chars = (s) => Array.from(s).length; // one unit per character
  assert.equal(truncateToWidth('cat', 3, chars), 'cat');
  assert.equal(truncateToWidth('antidisestablishment', 6, chars), `antid${ELLIPSIS}`);
  assert.ok(chars(truncateToWidth('antidisestablishment', 6, chars)) <= 6);
  assert.equal(truncateToWidth('abc', 0.5, chars), '');
  assert.equal(truncateToWidth('abc', 1, chars), ELLIPSIS);
  // does not split surrogate pairs (emoji tokens)
  const t = truncateToWidth('😀😀😀😀', 3, chars);
  assert.equal(t, `😀😀${ELLIPSIS}`);
  // trailing spaces before the ellipsis are dropped
  assert.equal(truncateToWidth('ab   cdefg', 5, chars), `ab${ELLIPSIS}`);
});

test('parseNumber accepts the true minus sign and rejects junk', () => {
  assert.equal(parseNumber('\u22121.5'), -1.5);
  assert.equal(parseNumber(' 2 '), 2);
  assert.equal(parseNumber('.5'), 0.5);
  assert.equal(parseNumber('1e2'), 100);
  assert.ok(Number.isNaN(parseNumber('')));
  assert.ok(Number.isNaN(parseNumber('abc')));
  assert.ok(Number.isNaN(parseNumber('1,5')));
  assert.ok(Number.isNaN(parseNumber('1.2.3')));
});

test('formatWeight: three significant digits down to 0.001, then powers of ten', () => {
  assert.equal(formatWeight(0.412), '0.412');
  assert.equal(formatWeight(0.01284), '0.0128');
  assert.equal(formatWeight(0.001943), '0.00194');
  assert.equal(formatWeight(2.84e-6), '2.8 \u00D7 10\u207B\u2076');
  assert.equal(formatWeight(4.16e-21), '4.2 \u00D7 10\u207B\u00B2\u00B9');
  assert.equal(formatWeight(0), '0');
  assert.equal(formatWeight(NaN), 'n/a');
});

test('formatSharePrecise: two decimals, more near 0 % or 100 %, bounded', () => {
  assert.equal(formatSharePrecise(0.969924), '96.99%');
  assert.equal(formatSharePrecise(0.5), '50.00%');
  assert.equal(formatSharePrecise(0.999987), '99.9987%');
  assert.equal(formatSharePrecise(0.0000132), '0.0013%');
  assert.equal(formatSharePrecise(0.0004), '0.040%');
  assert.equal(formatSharePrecise(1 - 1e-9), 'over 99.9999%');
  assert.equal(formatSharePrecise(1e-9), 'under 0.0001%');
  assert.equal(formatSharePrecise(1), '100%');
  assert.equal(formatSharePrecise(0), '0%');
  assert.equal(formatSharePrecise(1.5), 'n/a');
});

test('formatAnswer: up to 4 decimals and a true minus sign, for the quiz\'s sentences', () => {
  assert.equal(formatAnswer(0.25), '0.25');
  assert.equal(formatAnswer(-6), `${MINUS}6`);
  assert.equal(formatAnswer(-0.123456), `${MINUS}0.1235`);
  assert.equal(formatAnswer(-0.00001), '0');
  assert.equal(formatAnswer(2 / 3), '0.6667');
});

test('decimalText: plain digits for a course\'s records, never an exponent or a separator', () => {
  assert.equal(decimalText(0.25), '0.25');
  assert.equal(decimalText(2304), '2304');
  assert.equal(decimalText(-3), '-3');
  assert.equal(decimalText(1e-7), '0.0000001');
  assert.equal(decimalText(1 / 3), '0.333333333333');
  assert.equal(decimalText(-1e-25), '0');
  assert.equal(decimalText(-0), '0');
  assert.equal(decimalText(1e21), '1000000000000000000000');
  assert.equal(decimalText(NaN), '');
  assert.equal(decimalText(Infinity), '');
});
