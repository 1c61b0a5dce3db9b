// scene-matrix-scaling-helpers.test.js — the pure helpers of the qkv, matrix-form, scaling and
// sentence scenes (lib/matrix.js, lib/text.js, steps/09-scaling/stops.js, views/shape-box.js), and the
// claims those scenes' default inputs are chosen to show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitMatrix, resizeCols, resizeSquare, carryRows, topK, maxAbsDiff } from '../../web/src/lib/matrix.js';
import { productTerms } from '../../web/src/lib/text.js';
import { DK_STOPS, nearestStop, affordableSamples } from '../../web/src/steps/09-scaling/stops.js';
import { boxSize } from '../../web/src/views/shape-box.js';
import { createEngine } from '../../wasm/engine.js';
import { SCENES } from '../../web/src/steps/index.js';

const [qkv, matrixForm, scaling, sentence] = ['qkv', 'matrix-form', 'scaling', 'sentence'].map((id) => SCENES.find((s) => s.id === id));

test('fitMatrix repairs wrong lengths and bad entries and says so', () => {
  assert.deepEqual(fitMatrix([1, 2, 3, 4], 2, 2), { values: [1, 2, 3, 4], problem: null });
  const short = fitMatrix([1, 2], 2, 2, 9);
  assert.deepEqual(short.values, [1, 2, 9, 9]);
  assert.match(short.problem, /needs 4 numbers/);
  const long = fitMatrix([1, 2, 3, 4, 5], 2, 2);
  assert.deepEqual(long.values, [1, 2, 3, 4]);
  assert.match(long.problem, /extra ones dropped/);
  const bad = fitMatrix([1, 'x', null, 1e9], 2, 2, (i) => -i, { min: -10, max: 10 });
  assert.deepEqual(bad.values, [1, -1, -2, -3]);
  assert.match(bad.problem, /3 entries/);
  assert.deepEqual(fitMatrix('nope', 1, 2, 0).values, [0, 0]);
});

test('resizeCols and resizeSquare keep the shared block', () => {
  assert.deepEqual(resizeCols([1, 2, 3, 4], 2, 2, 3), [1, 2, 0, 3, 4, 0]);
  assert.deepEqual(resizeCols([1, 2, 0, 3, 4, 0], 2, 3, 2), [1, 2, 3, 4]);
  assert.deepEqual(resizeSquare([0, 1, 1, 0], 2, 3), [0, 1, 0, 1, 0, 0, 0, 0, 1]);
  assert.deepEqual(resizeSquare([0, 1, 0, 1, 0, 0, 0, 0, 1], 3, 2), [0, 1, 1, 0]);
});

test('carryRows keeps edited rows of known words and makes rows for new ones', () => {
  const out = carryRows(['love', 'Apple'], [1, 2, 3, 4], ['I', 'apple', 'love'], 2, (t, i) => [i, i]);
  assert.deepEqual(out, [0, 0, 3, 4, 1, 2]);
});

test('topK orders by value, ties by position, and skips non-finite entries', () => {
  assert.deepEqual(topK([0.2, 0.5, 0.2, -Infinity, 0.1], 3), [
    { index: 1, value: 0.5 }, { index: 0, value: 0.2 }, { index: 2, value: 0.2 }]);
  assert.deepEqual(topK([1], 0), []);
});

test('maxAbsDiff measures change and flags different shapes', () => {
  assert.equal(maxAbsDiff([1, 2], [1, 2.5]), 0.5);
  assert.equal(maxAbsDiff([1, 2], [1, 2]), 0);
  assert.equal(maxAbsDiff([1], [1, 2]), Infinity);
});

test('d_k stops are the powers of two up to 1024; nearestStop snaps', () => {
  assert.equal(DK_STOPS.length, 11);
  assert.equal(DK_STOPS[10], 1024);
  assert.equal(nearestStop(64), 64);
  assert.equal(nearestStop(50), 64);
  assert.equal(nearestStop(1e9), 1024);
  assert.equal(nearestStop(0.3), 1);
  assert.equal(nearestStop(-3), null);
  assert.equal(nearestStop('64'), null);
});

test('affordableSamples stays inside the work budget', () => {
  assert.equal(affordableSamples(64, 16, 400, 1 << 24), 400);
  const s = affordableSamples(1024, 64, 2000, 1 << 24);
  assert.ok(s * 1024 * 64 <= 1 << 24 && s >= 1);
  assert.equal(affordableSamples(4096, 2048, 10, 1), 1);
});

test('boxSize grows with the matrix and stays on screen', () => {
  const small = boxSize(3, 8);
  const wide = boxSize(3, 512);
  assert.ok(wide.width > small.width);
  assert.equal(small.height, wide.height);
  assert.ok(boxSize(100000, 100000).width <= 140);
  assert.ok(boxSize(0, 1).height >= 18);
});

test('productTerms writes a dot product out with bracketed negatives', () => {
  const f = (v) => String(v).replace('-', '\u2212');
  assert.equal(productTerms([1, -2], [3, 4], f), '1×3 + (\u22122)×4');
});

test('every scene of this group has stable ids and JSON defaults', () => {
  for (const [scene, id] of [[qkv, 'qkv'], [matrixForm, 'matrix-form'], [scaling, 'scaling'], [sentence, 'sentence']]) {
    assert.equal(scene.id, id);
    const d = scene.defaults();
    assert.deepEqual(JSON.parse(JSON.stringify(d)), d);
    assert.notEqual(scene.defaults(), d, 'a fresh object each call');
  }
  assert.equal(sentence.defaults().sentence, 'The cat sat down');
});

test('the qkv defaults make the point: three different roles, one-directional scores', async () => {
  const engine = await createEngine();
  const d = qkv.defaults();
  const r = engine.attention({ x: d.x, n: 3, dModel: 2, dK: 2, dV: 2, wq: d.wq, wk: d.wk, wv: d.wv }).heads[0];
  const best = [0, 1, 2].map((i) => [0, 1, 2].reduce((b, j) => (r.scores[i * 3 + j] > r.scores[i * 3 + b] ? j : b), 0));
  assert.deepEqual(best, [1, 2, 2], 'love looks at Apple, Apple at phones, phones at itself');
  assert.ok(best.some((j, i) => j === i) && best.some((j, i) => j !== i), 'one row prefers itself, another does not');
  assert.notEqual(r.scores[1 * 3 + 2], r.scores[2 * 3 + 1], 'Apple→phones differs from phones→Apple');
  // Changing W_V moves the outputs but not the weights.
  const r2 = engine.attention({ x: d.x, n: 3, dModel: 2, dK: 2, dV: 2, wq: d.wq, wk: d.wk, wv: [2, 0, 0, 2] }).heads[0];
  assert.equal(maxAbsDiff(r.weights, r2.weights), 0);
  assert.ok(maxAbsDiff(r.output, r2.output) > 0);
});
