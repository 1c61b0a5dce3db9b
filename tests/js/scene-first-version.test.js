// Step 5's model (web/src/steps/05-first-version/model.js): without projections every score is
// symmetric, the weights differ only by each row's total, and the hand mix is weights · X.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';
import { model } from '../../web/src/steps/05-first-version/model.js';
import { INPUTS } from '../../web/src/steps/05-first-version/inputs.js';
import { schemaDefaults } from '../../web/src/state.js';

let engine;
before(async () => { engine = await createEngine(); });
const run = (patch = {}) => model({ ...schemaDefaults(INPUTS), ...patch }, engine);

test('score(a→b) equals score(b→a) for every pair and any embeddings', () => {
  for (const x of [[1, 0, 1, 1, 0, 2], [2, -1, 0.5, 3, -2, -2]]) {
    const m = run({ x });
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) assert.equal(m.head.scores[i * 3 + j], m.head.scores[j * 3 + i]);
    assert.equal(m.symmetric, true);
  }
  assert.equal(run().symmetryLine, 'score(Apple→phones) = score(phones→Apple) = 2.00');
});

test('the two directions’ weights differ only because each row has its own total', () => {
  const m = run({ a: 1, b: 2 });
  const e = Math.exp(m.head.scores[1 * 3 + 2]);
  const total = (r) => [0, 1, 2].reduce((t, k) => t + Math.exp(m.head.scores[r * 3 + k]), 0);
  assert.ok(Math.abs(m.head.weights[1 * 3 + 2] - e / total(1)) < 1e-6);
  assert.ok(Math.abs(m.head.weights[2 * 3 + 1] - e / total(2)) < 1e-6);
  assert.notEqual(m.head.weights[1 * 3 + 2], m.head.weights[2 * 3 + 1]);
  assert.match(m.rowNormLine, /Apple’s row: .*phones’ row:/);
});

test('the hand mix is the weights times the embeddings, and the text knows when they do not add to 1', () => {
  const m = run({ mix: [0.1, 0.5, 0.4] });
  assert.ok(Math.abs(m.handMix[0] - (0.1 * 1 + 0.5 * 1 + 0.4 * 0)) < 1e-6);
  assert.ok(Math.abs(m.handMix[1] - (0.1 * 0 + 0.5 * 1 + 0.4 * 2)) < 1e-6);
  assert.match(m.mixSumLine, /^Your weights add up to 1,/);
  assert.match(run({ mix: [1, 1, 0] }).mixSumLine, /add up to 2\.00, not 1, so this mix is also stretched/);
  const own = run({ mix: run().apple.map((w) => Math.round(w * 100) / 100) });
  assert.ok(Math.abs(own.handMix[0] - own.head.output[2]) < 0.02, 'Apple’s softmax weights reproduce the new Apple');
});
