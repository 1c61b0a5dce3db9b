// Step 11's model (web/src/steps/11-causal-mask/) on the real engine: the causal mask zeros the
// upper triangle exactly and every row still sums to 1; row 2 sees exactly two keys; the padding
// mask zeros every [pad] column; and "The cat sat down" gives the same weights here as in step 10
// (one embedding source for the lesson).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';
import { model } from '../../web/src/steps/11-causal-mask/model.js';
import { INPUTS } from '../../web/src/steps/11-causal-mask/inputs.js';
import { lessonEmbedding, lessonWeights, LESSON_EMBEDDING } from '../../web/src/steps/lesson-embedding.js';
import { rowSums } from '../../web/src/lib/matrix.js';
import { schemaDefaults } from '../../web/src/state.js';

let engine;
before(async () => { engine = await createEngine(); });
const run = (patch) => model({ ...schemaDefaults(INPUTS), ...patch }, engine);

test('mask on: every entry above the diagonal is exactly 0 and every row sums to 1', () => {
  const m = run({});
  const n = m.n;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) assert.equal(m.weights[i * n + j], 0);
  for (const s of rowSums(m.weights, n, n)) assert.ok(Math.abs(s - 1) < 1e-6);
  assert.equal(m.upper, 'Mask on: all 6 entries above the diagonal are exactly 0 (no token sees a later one).');
  assert.equal(m.rowSums, '1.00, 1.00, 1.00, 1.00');
  assert.equal(m.firstRow, 'Row 1 (‘The’) attends only to itself: weight 1.00.');
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) assert.equal(m.masked[i * n + j], -Infinity);
});

test('mask off: the upper triangle carries weight, and the sentence says how much', () => {
  const m = run({ causal: false });
  let sum = 0;
  for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) sum += m.weights[i * 4 + j];
  assert.ok(sum > 0.5);
  assert.match(m.upper, /^Mask off: 0 of the 6 entries above the diagonal are exactly 0; together they carry /);
  assert.ok(m.upper.includes(sum.toFixed(2)), `${m.upper} vs ${sum}`);
});

test('row 2 can see 2 keys, and the reveal says whether the guess was right', () => {
  assert.equal(run({ guess: 2, revealed: true }).feedback.slice(0, 42), 'Right: you guessed 2; row 2 can see 2 keys');
  assert.match(run({ guess: 3, revealed: true }).feedback, /^Not quite: you guessed 3; row 2 can see 2 keys/);
  assert.equal(run({ guess: 2 }).feedback, '');
});

test('with the mask, the allowed keys share all of a row; without it they share less', () => {
  const m = run({ query: 1 });
  const offAllowed = m.off[4] + m.off[5];
  assert.ok(m.compare.text.includes(`the 2 allowed keys share ${offAllowed.toFixed(2)} of row 2`), m.compare.text);
  assert.ok(Math.abs(m.on[4] + m.on[5] - 1) < 1e-6);
  assert.match(run({ query: 3 }).compare.text, /^Row 4 is the last token/);
  assert.equal(run({ query: 40 }).query, 3, 'a row past the end moves to the last row');
});

test('the padding mask zeros every [pad] column in every row, and rows still sum to 1', () => {
  const m = run({ padding: 3 });
  const t = m.padding.total;
  assert.equal(t, 7);
  for (let r = 0; r < t; r++) for (let j = 4; j < t; j++) assert.equal(m.padding.weights[r * t + j], 0);
  assert.equal(m.padding.text, '21 of the 21 weights in the [pad] columns are exactly 0; every row still sums to 1.00.');
  assert.equal(m.padding.label, '3 (validKeys = 4 of 7)');
});

test('one embedding source: the weights equal a direct engine run on the lesson embedding (the same as step 10’s mask-on defaults)', () => {
  const m = run({});
  const tokens = ['The', 'cat', 'sat', 'down'];
  const w = lessonWeights(1);
  const d = LESSON_EMBEDDING.dModel;
  const r = engine.attention({ x: lessonEmbedding(tokens), n: 4, dModel: d, wq: w.wq, wk: w.wk, wv: w.wv, mask: 'causal' }).heads[0];
  assert.deepEqual(Array.from(m.weights), Array.from(r.weights));
  assert.deepEqual(Array.from(run({ sentence: 'the cat sat down' }).weights), Array.from(m.weights), '“The” and “the” share one vector, as the note says');
});

test('the step’s “try this” does not ask to turn on a mask that starts on', async () => {
  const { STEPS } = await import('../../web/src/content/steps.js');
  assert.equal(INPUTS.causal.default, true);
  const tries = STEPS.find((s) => s.id === 'causal-mask').tryThis.join(' ');
  assert.doesNotMatch(tries, /Turn on the mask/);
  assert.match(tries, /The mask starts on/);
});
