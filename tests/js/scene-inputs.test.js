// scene-inputs.test.js — the readers added to web/src/steps/scene-inputs.js for steps 1–10:
// readNumber (a number in a range, not necessarily whole) and readNumberList (a list whose length
// may vary). The older readers are covered by scene-c.test.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNumber, readNumberList } from '../../web/src/steps/scene-inputs.js';

const pull = (value, quiet = false) => readNumber(value, { min: 0, max: 3, fallback: 1, name: 'pull strength', quiet });

test('readNumber keeps numbers in range, fractions included', () => {
  for (const v of [0, 0.25, 1.5, 3]) assert.deepEqual(pull(v), { value: v, message: null });
});

test('readNumber falls back for anything that is not a finite number and says so', () => {
  assert.deepEqual(pull('2'), { value: 1, message: 'The pull strength setting ("2") is not a number, so it is back to 1.' });
  assert.deepEqual(pull([2]), { value: 1, message: 'The pull strength setting (a list) is not a number, so it is back to 1.' });
  for (const bad of [null, undefined, {}, true]) {
    const r = pull(bad);
    assert.equal(r.value, 1);
    assert.match(r.message, /^The pull strength setting \(.+\) is not a number, so it is back to 1\.$/);
  }
  for (const bad of [NaN, Infinity, -Infinity]) {
    const r = pull(bad);
    assert.deepEqual(r, { value: 1, message: 'The pull strength setting is not a finite number, so it is back to 1.' });
    assert.doesNotMatch(r.message, /NaN|Infinity/, 'no NaN or Infinity in the words shown');
  }
});

test('readNumber clamps out-of-range numbers, quietly when asked', () => {
  assert.deepEqual(pull(1e30), { value: 3, message: 'The pull strength must be from 0 to 3, so 1e+30 became 3.' });
  assert.deepEqual(pull(-0.5), { value: 0, message: 'The pull strength must be from 0 to 3, so -0.5 became 0.' });
  assert.deepEqual(pull(7, true), { value: 3, message: null });
  assert.equal(pull('x', true).value, 1, 'quiet only silences clamping');
  assert.match(pull('x', true).message, /not a number/);
});

test('readNumberList accepts any length in range and falls back otherwise', () => {
  const fb = [1, 3, 6];
  const scores = (v) => readNumberList(v, { minLength: 2, maxLength: 4, min: -10, max: 10, fallback: fb, name: 'scores' });
  for (const ok of [[0, 0], [1, -2.5, 3], [10, -10, 0, 0]]) assert.deepEqual(scores(ok), { value: ok, message: null });
  const message = 'The scores in the link should be 2 to 4 numbers from -10 to 10, so the starting values are shown.';
  for (const bad of [[], [1], [1, 2, 3, 4, 5], [1, 11], [1, NaN], [1, Infinity], ['1', 2], [[1], 2], [1, null], 'abc', null, undefined, { length: 2 }]) {
    assert.deepEqual(scores(bad), { value: fb, message }, JSON.stringify(bad));
  }
});
