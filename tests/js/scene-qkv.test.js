// Step 6's model (web/src/steps/06-qkv/model.js): three different roles from one embedding;
// editing W_V never moves a weight, editing W_K does, and the line that says so is generated from
// the measured difference.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';
import { model, changeLine } from '../../web/src/steps/06-qkv/model.js';
import { INPUTS } from '../../web/src/steps/06-qkv/inputs.js';
import { schemaDefaults } from '../../web/src/state.js';
import { maxAbsDiff, rowArgmax } from '../../web/src/lib/matrix.js';

let engine;
before(async () => { engine = await createEngine(); });
const run = (patch = {}) => model({ ...schemaDefaults(INPUTS), ...patch }, engine);

test('the default projections give one-directional relevance: love→Apple, Apple→phones, phones→phones', () => {
  const m = run();
  assert.deepEqual(rowArgmax(m.head.scores, 3, 3), [1, 2, 2]);
  assert.equal(m.head.scores[1 * 3 + 2], 3);
  assert.equal(m.head.scores[2 * 3 + 1], 2);
  assert.match(m.mixLines[0], /give Apple’s weights/);
  assert.match(m.dotLines[2], /^q_Apple · k_phones = .* = 3\.00$/);
});

test('editing W_V changes the outputs but no weight; editing W_K changes the weights; the line says which', () => {
  const a = run();
  const v = run({ wv: [2, 1, 0, 3] });
  assert.equal(maxAbsDiff(a.head.weights, v.head.weights), 0);
  assert.ok(maxAbsDiff(a.head.output, v.head.output) > 0.1);
  assert.equal(changeLine(a, v), 'Weights changed: no. Your last edit (W_V) left every weight exactly as it was; the outputs changed, because values only decide what gets mixed.');
  const k = run({ wk: [1, 0, 0, 1] });
  const dw = maxAbsDiff(a.head.weights, k.head.weights);
  assert.ok(dw > 0.01);
  assert.match(changeLine(a, k), new RegExp(`^Weights changed: yes\\. Your last edit \\(W_K\\) .* \\(by up to ${dw.toFixed(3)}\\)`));
});

test('a longer sentence gets seeded rows for new words and the shapes follow; bad shapes are fitted and said', () => {
  const m = run({ sentence: 'love Apple phones today' });
  assert.equal(m.n, 4);
  assert.equal(m.fitted.x.length, 8);
  assert.match(m.notes.join(' '), /X \(the embeddings\) needs 8 numbers \(4 × 2\) but had 6/);
  const wide = run({ dim: 3 });
  assert.equal(wide.fitted.wq.length, 9);
  assert.equal(run({ sentence: 'a b c d e f g h' }).n, 6);
});
