// Step 8's model (web/src/steps/08-matrix-form/model.js): every shape is read from what the engine
// returned, one output row is one weights row times V, and the sentences read right at any size.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';
import { model, readSize } from '../../web/src/steps/08-matrix-form/model.js';
import { INPUTS, PRESETS } from '../../web/src/steps/08-matrix-form/inputs.js';
import { schemaDefaults } from '../../web/src/state.js';

let engine;
before(async () => { engine = await createEngine(); });
const run = (patch = {}) => model({ ...schemaDefaults(INPUTS), ...patch }, engine);

test('shapes: X n×d_model, Q n×d_k, scores and weights n×n, output n×d_k', () => {
  const m = run({ n: 5, dModel: 12, dK: 3 });
  assert.deepEqual(m.shapes, { x: [5, 12], w: [12, 3], q: [5, 3], scores: [5, 5], weights: [5, 5], output: [5, 3] });
  assert.match(m.countLine, /^5 tokens → 5 × 5 scores = 25 query–key pairs, while Q, K and V each hold 15 numbers\.$/);
});

test('one output row equals that row of weights times V', () => {
  for (const query of [0, 2]) {
    const m = run({ n: 4, dModel: 8, dK: 4, query });
    assert.equal(m.same, true);
    assert.match(m.traceLines[2], /the same numbers\.$/);
  }
});

test('sentences read right: "an 11 × 11", "an 8 × 8", "a 4 × 4", one number', () => {
  assert.match(run({ n: 11 }).engineLine, /^The engine produced an 11 × 11 weight matrix and an 11 × 4 output/);
  assert.match(run({ n: 8 }).engineLine, /produced an 8 × 8 weight matrix/);
  assert.match(run({ n: 4 }).engineLine, /produced a 4 × 4 weight matrix/);
  assert.match(run({ n: 1, dModel: 1, dK: 1 }).engineLine, /1 number each\)\.$/);
  assert.match(run({ n: 1, dModel: 1, dK: 1 }).countLine, /^1 token → 1 × 1 scores = 1 query–key pair, /);
});

test('d_k larger than d_model is refused in words; the preset never mentions sources', () => {
  const m = run({ dModel: 4, dK: 16 });
  assert.equal(m.dK, 4);
  assert.match(m.notes[0], /d_k cannot be larger than d_model \(4\) here, so 16 became 4/);
  for (const p of PRESETS) assert.doesNotMatch(p.label, /source/i);
  assert.equal(run(PRESETS[0].patch).engineLine, 'The engine produced a 3 × 3 weight matrix and a 3 × 64 output (one row per token, 64 numbers each).');
});

// A typed size: the note names the real reason (2.5 is in range, it was rounded).
test('a size that is not a whole number is rounded, and the note says so', () => {
  assert.deepEqual(readSize('2.5', 'N, tokens', 1, 128), { value: 3, note: 'N, tokens must be a whole number, so 2.5 became 3.' });
  assert.deepEqual(readSize('500', 'N, tokens', 1, 128), { value: 128, note: 'N, tokens must be from 1 to 128, so it is 128.' });
  assert.deepEqual(readSize('7', 'N, tokens', 1, 128), { value: 7, note: null });
  assert.equal(readSize('', 'N, tokens', 1, 128).value, null);
});
