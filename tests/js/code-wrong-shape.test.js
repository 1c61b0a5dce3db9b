// The mistake lab's fourth bug (web/src/code/wrong-shape-mask.js): with the padding flags shaped
// (1, n) no query weighs a pad key; shaped (n, 1) the pad queries are blanked and the real
// queries still weigh the pad keys, by exactly what the unmasked engine gives them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from 'attention-lesson';
import { wrongShapeModel, PAD } from '../../web/src/code/wrong-shape-mask.js';

const engine = await createEngine();
const sum = (m, i, n, from = 0, to = n) => { let s = 0; for (let j = from; j < to; j++) s += m[i * n + j]; return s; };

for (const pads of [1, 3]) {
  test(`right and wrong padding masks with ${pads} pad token(s)`, () => {
    const m = wrongShapeModel(engine, ['The', 'cat', 'sat', 'down'], pads);
    assert.equal(m.n, 4 + pads);
    assert.deepEqual(m.tokens.slice(4), Array(pads).fill(PAD));
    for (let i = 0; i < m.n; i++) {
      assert.ok(Math.abs(sum(m.right, i, m.n) - 1) < 1e-6, `right row ${i} sums to 1`);
      assert.equal(sum(m.right, i, m.n, m.k), 0, `right row ${i}: nothing on pad keys`);
    }
    assert.deepEqual(m.blanked, Array.from({ length: pads }, (_, p) => 4 + p));
    const open = engine.attention({ ...inputsOf(m), mask: 'none' }).heads[0].weights;
    for (let i = 0; i < m.k; i++) {
      assert.ok(Math.abs(sum(m.wrong, i, m.n) - 1) < 1e-6);
      assert.ok(m.leak[i] > 0.01, `real row ${i} leaks ${m.leak[i]}`);
      assert.ok(Math.abs(m.leak[i] - sum(open, i, m.n, m.k)) < 1e-6);
    }
    const total = m.leak.reduce((a, b) => a + b, 0);
    assert.match(m.sentences[2], new RegExp(`leak ${total.toFixed(2)} in total`));
    assert.match(m.sentences[1], new RegExp(`Wrong shape \\(${m.n}, 1\\)`));
  });
}

// The engine inputs the model used (same toy embeddings and weights), rebuilt for the comparison.
import { embed, layerWeights } from '../../web/src/model/toy-model.js';
function inputsOf(m) {
  const w = layerWeights(8, 1);
  return { x: embed(m.tokens, 8), n: m.n, dModel: 8, wq: w.wq, wk: w.wk, wv: w.wv };
}
