// views-matrix-input.test.js — validation of editable matrix cells and highlight selection of the
// read-only matrix table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateCellInput, inputShowsValue } from '../../web/src/views/matrix-input.js';
import { highlightedIndices } from '../../web/src/views/matrix-table.js';

const lim = { min: -5, max: 5 };

test('valid numbers pass, including the true minus sign and decimals', () => {
  assert.deepEqual(validateCellInput('1.5', lim), { ok: true, value: 1.5 });
  assert.deepEqual(validateCellInput('\u22122', lim), { ok: true, value: -2 });
  assert.deepEqual(validateCellInput(' 5 ', lim), { ok: true, value: 5 });
  assert.deepEqual(validateCellInput('-5', lim), { ok: true, value: -5 });
});

test('empty, not-a-number and out-of-range inputs give messages in words', () => {
  const empty = validateCellInput('', lim);
  assert.equal(empty.ok, false);
  assert.equal(empty.reason, 'empty');
  assert.equal(empty.message, 'Empty. Type a number from −5 to 5.');
  const nan = validateCellInput('abc', lim);
  assert.equal(nan.reason, 'nan');
  assert.match(nan.message, /^Not a number\./);
  // <input type=number> reports unparseable text as value "" with validity.badInput
  assert.equal(validateCellInput('', { ...lim, badInput: true }).reason, 'nan');
  const high = validateCellInput('7', lim);
  assert.equal(high.reason, 'high');
  assert.equal(high.message, 'Too large: the largest allowed is 5.');
  const low = validateCellInput('-5.5', { min: -0.5, max: 2.5 });
  assert.equal(low.message, 'Too small: the smallest allowed is −0.5.');
  assert.equal(validateCellInput('x', {}).message, 'Not a number. Type a number.');
});

test('inputShowsValue avoids rewriting text that already shows the value', () => {
  assert.equal(inputShowsValue('1', 1, 2), true);
  assert.equal(inputShowsValue('0.10', Math.fround(0.1), 2), true);
  assert.equal(inputShowsValue('0.1', 0.2, 2), false);
  assert.equal(inputShowsValue('', 0, 2), false);
});

test('highlightedIndices: a cell, a whole row, a whole column, or nothing', () => {
  assert.deepEqual(highlightedIndices({ row: 1, col: 2 }, 3, 4), [6]);
  assert.deepEqual(highlightedIndices({ row: 1, col: -1 }, 3, 2), [2, 3]);
  assert.deepEqual(highlightedIndices({ row: 2 }, 3, 2), [4, 5]);
  assert.deepEqual(highlightedIndices({ row: -1, col: 1 }, 3, 2), [1, 3, 5]);
  assert.deepEqual(highlightedIndices({ row: 5, col: 0 }, 3, 2), []);
  assert.deepEqual(highlightedIndices(null, 3, 2), []);
});
