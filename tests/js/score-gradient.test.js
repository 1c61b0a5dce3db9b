// engine.scoreGradient (src/score_gradient through wasm/train_abi.cpp, attached by loadTraining):
// the gradient that reaches the scores through the softmax, with and without ÷√dK, measured by the
// trainer's softmax backward. Field names come from C++ (train_score_gradient_field); the numbers show the collapse without scaling;
// the same seed repeats bit for bit; SIMD and scalar agree; bad options are refused in words.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';

let simd, scalar;
before(async () => {
  simd = await createEngine({ simd: true, training: true });
  scalar = await createEngine({ simd: false, training: true });
});

test('refused in words before loadTraining; the fields are C++’s, in its order', async () => {
  const bare = await createEngine();
  assert.throws(() => bare.scoreGradient({ dK: 4 }), /call `await engine\.loadTraining\(\)` first/);
  assert.deepEqual(simd.scoreGradient({ dK: 4 }).fields, ['raw_input_norm', 'scaled_input_norm', 'raw_input_median', 'scaled_input_median', 'raw_vanished',
    'scaled_vanished', 'raw_score_norm', 'scaled_score_norm', 'raw_q_norm', 'scaled_q_norm', 'raw_max_weight', 'scaled_max_weight', 'vanished_below']);
  const r = simd.scoreGradient({ dK: 64 });
  assert.deepEqual(Object.keys(r.scaled), ['inputNorm', 'inputMedian', 'vanishedShare', 'scoreNorm', 'queryNorm', 'maxWeight']);
  assert.equal(r.samples, 200);
  assert.equal(r.n, 16);
  assert.equal(r.vanishedBelow, 0.001);
  // without scaling the softmax's input is the raw score, so both gradients are the same numbers
  assert.ok(Math.abs(r.unscaled.inputNorm - r.unscaled.scoreNorm) < 1e-12);
  // with it, ∂L/∂(q·k) = ∂L/∂z ÷ √dK on every row, so the means differ by exactly that factor
  assert.ok(Math.abs(r.scaled.scoreNorm * 8 - r.scaled.inputNorm) < 1e-9);
});

test('as dK grows, the unscaled softmax stops passing gradient back; the scaled one does not', () => {
  const small = simd.scoreGradient({ dK: 2, samples: 400, seed: 1 });
  const big = simd.scoreGradient({ dK: 512, samples: 400, seed: 1 });
  assert.ok(Math.abs(small.unscaled.inputMedian / small.scaled.inputMedian - 1) < 0.3, JSON.stringify(small));
  assert.ok(Math.abs(big.scaled.inputMedian / small.scaled.inputMedian - 1) < 0.3, JSON.stringify(big.scaled));
  assert.ok(big.unscaled.inputMedian < big.scaled.inputMedian / 100, JSON.stringify(big.unscaled));
  assert.ok(big.unscaled.vanishedShare > 0.3);
  assert.equal(big.scaled.vanishedShare, 0);
  assert.ok(big.unscaled.maxWeight > 0.9 && big.scaled.maxWeight < 0.4);
});

test('deterministic for a seed; SIMD and scalar agree', () => {
  const a = simd.scoreGradient({ dK: 128, seed: 5 });
  assert.deepEqual(simd.scoreGradient({ dK: 128, seed: 5 }), a);
  assert.notEqual(simd.scoreGradient({ dK: 128, seed: 6 }).scaled.inputMedian, a.scaled.inputMedian);
  const b = scalar.scoreGradient({ dK: 128, seed: 5 });
  for (const side of ['scaled', 'unscaled']) {
    for (const [k, v] of Object.entries(a[side])) assert.ok(Math.abs(v - b[side][k]) <= 1e-3 * Math.max(1e-3, Math.abs(v)), `${side}.${k}: ${v} vs ${b[side][k]}`);
  }
});

test('bad options are refused in words', () => {
  assert.throws(() => simd.scoreGradient(), /scoreGradient\(\) needs an options object/);
  assert.throws(() => simd.scoreGradient({ dK: 0 }), RangeError);
  assert.throws(() => simd.scoreGradient({ dK: 1.5 }), /dK/);
  assert.throws(() => simd.scoreGradient({ dK: 4096, samples: 100000 }), /more work than one experiment may do/);
  assert.throws(() => simd.scoreGradient({ dK: 8, n: 1 }), /keys per row/);
});
