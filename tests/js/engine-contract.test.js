// What crosses the wasm boundary is owned by C++ and read by JS by name: the status codes, the
// attention workspace layout and the √dK experiment's struct. These tests check that both
// sides agree, and that the engine returns the numbers a page shows (softmax steps, the scale
// factor) so no scene recomputes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, STATUS_MESSAGES } from 'attention-lesson';
import { randomArray, referenceAttention } from './reference.js';

const engine = await createEngine();
const scalar = await createEngine({ simd: false });

test('status codes are read from C++ by name, and every name has a message in words', () => {
  for (const e of [engine, scalar]) {
    assert.deepEqual(e.names.status, Object.keys(STATUS_MESSAGES));
    assert.equal(e.status.ok, 0);
    // The codes are C++'s order (src/attention.hpp), not a JS copy of the numbers.
    e.names.status.forEach((name, code) => assert.equal(e.status[name], code));
    for (const [name, text] of Object.entries(STATUS_MESSAGES)) if (name !== 'ok') assert.match(text, /^[a-zQ].{10,}/, name);
  }
});

test('the workspace layout comes from C++: JS reads every section where C++ puts it', () => {
  const ex = engine.exports;
  assert.deepEqual(engine.names.sections, ['q', 'k', 'v', 'scores', 'scaled', 'masked', 'weights', 'concat', 'output']);
  for (const [n, dModel, heads, dK, dV] of [[1, 1, 1, 1, 1], [5, 6, 3, 4, 2], [17, 16, 4, 3, 5], [64, 8, 2, 8, 4]]) {
    for (const keep of [1, 0]) {
      const p = ex.attn_alloc(4 * 18);
      assert.equal(ex.attn_workspace_layout(n, dModel, heads, dK, dV, keep, p), engine.status.ok);
      const raw = Array.from(new Uint32Array(ex.memory.buffer, p, 18));
      ex.attn_free(p);
      const span = Object.fromEntries(engine.names.sections.map((name, i) => [name, { offset: raw[2 * i], floats: raw[2 * i + 1] }]));
      // The sizes the documented shapes give (README engine API).
      const nn = n * n * (keep ? heads : 1);
      const want = { q: n * heads * dK, k: n * heads * dK, v: n * heads * dV, scores: nn, scaled: nn, masked: nn, weights: nn, concat: n * heads * dV, output: n * dModel };
      for (const name of engine.names.sections) assert.equal(span[name].floats, want[name], `${name} size`);
      // Back to back, no overlap, ending at attn_workspace_floats; without keep the three later
      // stages share the scores scratch.
      let at = 0;
      for (const name of engine.names.sections) {
        const shared = !keep && ['scaled', 'masked', 'weights'].includes(name);
        assert.equal(span[name].offset, shared ? span.scores.offset : at, `${name} offset (keep ${keep})`);
        if (!shared) at += span[name].floats;
      }
      assert.equal(ex.attn_workspace_floats(n, dModel, heads, dK, dV, keep), at);
    }
  }
  // And the arrays the API returns from that layout are the right ones.
  const p = { x: randomArray(7 * 6, 1), n: 7, dModel: 6, heads: 3, dK: 4, dV: 2, wq: randomArray(72, 2, 0.5), wk: randomArray(72, 3, 0.5), wv: randomArray(36, 4, 0.5) };
  const got = engine.attention(p), want = referenceAttention(p);
  for (let h = 0; h < 3; h++) {
    got.heads[h].scores.forEach((v, i) => assert.ok(Math.abs(v - want.heads[h].scores[i]) < 1e-4, `head ${h} scores`));
    got.heads[h].weights.forEach((v, i) => assert.ok(Math.abs(v - want.heads[h].weights[i]) < 1e-5, `head ${h} weights`));
  }
  got.output.forEach((v, i) => assert.ok(Math.abs(v - want.output[i]) < 1e-4));
});

test('attention reports the scale factor it used (√dK and 1/√dK, 32-bit, from C++)', () => {
  for (const dK of [1, 2, 3, 64]) {
    const n = 3, dModel = dK;
    const r = engine.attention({ x: randomArray(n * dModel, dK), n, dModel, wq: randomArray(dModel * dK, 9), wk: randomArray(dModel * dK, 8), wv: randomArray(dModel * dK, 7) });
    assert.equal(r.sqrtDK, Math.fround(Math.sqrt(dK)));
    assert.equal(r.scaleFactor, Math.fround(1 / Math.fround(Math.sqrt(dK))));
    // The scaled stage is exactly scores × that factor, rounded to float.
    r.heads[0].scores.forEach((s, i) => assert.equal(r.heads[0].scaled[i], Math.fround(s * r.scaleFactor)));
    assert.deepEqual(engine.scoreScale(dK), { sqrtDK: r.sqrtDK, factor: r.scaleFactor });
  }
  const off = engine.attention({ x: [1, 0, 0, 1], n: 2, dModel: 2, wq: [1, 0, 0, 1], wk: [1, 0, 0, 1], wv: [1, 0, 0, 1], scale: false });
  assert.equal(off.scaleFactor, 1);
  assert.equal(off.sqrtDK, Math.fround(Math.SQRT2));
  assert.equal(engine.attention({ x: [1, 0, 0, 1], n: 2, dModel: 2, wq: [1, 0, 0, 1], wk: [1, 0, 0, 1], wv: [1, 0, 0, 1], outputOnly: true }).scaleFactor, Math.fround(Math.SQRT1_2));
});

function plainSoftmaxParts(values, rows, cols, axis, scale) {
  const scaled = values.map((v) => Math.fround(v * scale));
  const lines = axis === 'rows' ? rows : cols, len = axis === 'rows' ? cols : rows;
  const at = (l, k) => (axis === 'rows' ? l * cols + k : k * cols + l);
  const maxima = [], sums = [], exps = new Array(values.length).fill(0);
  for (let l = 0; l < lines; l++) {
    let m = -Infinity;
    for (let k = 0; k < len; k++) m = Math.max(m, scaled[at(l, k)]);
    let s = 0;
    for (let k = 0; k < len; k++) {
      const e = m === -Infinity ? 0 : Math.exp(scaled[at(l, k)] - m);
      exps[at(l, k)] = e;
      s += e;
    }
    maxima.push(m);
    sums.push(s);
  }
  return { scaled, maxima, sums, exps, weights: exps.map((e, i) => { const l = axis === 'rows' ? Math.floor(i / cols) : i % cols; return sums[l] ? e / sums[l] : 0; }) };
}

test('softmaxParts returns the scaled scores, line maxima, shifted exponentials, sums and weights', () => {
  for (const e of [engine, scalar]) {
    for (const [rows, cols] of [[1, 1], [1, 3], [3, 4], [5, 9], [4, 65]]) {
      const values = randomArray(rows * cols, rows * 31 + cols, 5);
      values[0] = -Infinity;
      if (rows > 1) for (let j = 0; j < cols; j++) values[cols + j] = -Infinity; // a hidden row
      for (const axis of ['rows', 'columns']) {
        for (const scale of [1, 0.5, 2]) {
          const got = e.softmaxParts(values, rows, cols, { axis, scale });
          const want = plainSoftmaxParts(Array.from(values), rows, cols, axis, scale);
          const what = `${rows}×${cols} ${axis} ×${scale}`;
          assert.equal(got.axis, axis);
          assert.deepEqual(Array.from(got.scaled), want.scaled, `${what} scaled`);
          assert.deepEqual(Array.from(got.maxima), want.maxima.map(Math.fround), `${what} maxima`);
          got.exponentials.forEach((v, i) => assert.ok(Math.abs(v - want.exps[i]) <= 2e-6, `${what} exp[${i}] ${v} vs ${want.exps[i]}`));
          got.sums.forEach((v, i) => assert.ok(Math.abs(v - want.sums[i]) <= 1e-5 * (1 + want.sums[i]), `${what} sum[${i}]`));
          got.weights.forEach((v, i) => assert.ok(Math.abs(v - want.weights[i]) <= 2e-6, `${what} weight[${i}]`));
          // After subtracting the maximum, every exponential is at most 1, and the largest is 1.
          assert.ok(got.exponentials.every((v) => v >= 0 && v <= 1));
          // The same kernel as the plain softmax: identical weights.
          assert.deepEqual(got.weights, e.softmax(got.scaled, rows, cols, { axis }));
        }
      }
    }
  }
  const r = engine.softmaxParts([1, 3, 6], 1, 3);
  assert.deepEqual(Array.from(r.maxima), [6]);
  assert.equal(r.exponentials[2], 1);
  assert.ok(Math.abs(r.sums[0] - (Math.exp(-5) + Math.exp(-3) + 1)) < 1e-6);
  assert.throws(() => engine.softmaxParts([1, 2], 1, 2, { axis: 'diagonal' }), TypeError);
  assert.throws(() => engine.softmaxParts([1, 2], 1, 2, { scale: NaN }), TypeError);
  assert.throws(() => engine.softmaxParts([1, 2], 1, 2, null), TypeError);
});

test('scale multiplies by one factor in the engine', () => {
  assert.deepEqual(Array.from(engine.scale([1, -2, 3.5, -Infinity, 0], 2)), [2, -4, 7, -Infinity, 0]);
  assert.throws(() => engine.scale([1, 2], Infinity), TypeError);
  assert.throws(() => engine.scale([], 2), RangeError);
});

test('scalingExperiment reads the C++ struct by field name, in a named structure', () => {
  assert.deepEqual(engine.names.stats, ['dot_mean', 'dot_var', 'scaled_mean', 'scaled_var', 'raw_max_weight', 'scaled_max_weight', 'raw_entropy', 'scaled_entropy', 'raw_one_hot', 'scaled_one_hot', 'max_entropy']);
  const offsets = engine.names.stats.map((_, i) => engine.exports.attn_scaling_stats_offset(i));
  assert.equal(engine.exports.attn_scaling_stats_bytes(), 8 * offsets.length);
  assert.deepEqual([...offsets].sort((a, b) => a - b), offsets.map((_, i) => 8 * i)); // distinct doubles
  assert.equal(engine.exports.attn_scaling_stats_offset(offsets.length), -1);
  for (const e of [engine, scalar]) {
    const r = e.scalingExperiment({ dK: 64, samples: 300, n: 16, seed: 3 });
    assert.equal(r.sqrtDK, 8);
    assert.equal(r.scaleFactor, 0.125);
    assert.ok(Math.abs(r.scaledDot.variance - r.dot.variance / 64) < 1e-9 * r.dot.variance);
    assert.ok(Math.abs(r.dot.variance - 64) < 12, `q·k variance ≈ dK: ${r.dot.variance}`);
    assert.ok(Math.abs(r.scaledDot.variance - 1) < 0.2);
    assert.equal(r.dot.std, Math.sqrt(r.dot.variance));
    assert.equal(r.maxEntropy, Math.log(16));
    assert.ok(r.unscaled.maxWeight > r.scaled.maxWeight);
    assert.ok(r.unscaled.entropy < r.scaled.entropy && r.scaled.entropy < r.maxEntropy);
    assert.ok(r.unscaled.oneHotShare >= r.scaled.oneHotShare);
  }
  // Deterministic for a seed; both builds agree closely.
  const a = engine.scalingExperiment({ dK: 8, seed: 5 }), b = scalar.scalingExperiment({ dK: 8, seed: 5 });
  assert.deepEqual(a, engine.scalingExperiment({ dK: 8, seed: 5 }));
  assert.ok(Math.abs(a.scaled.entropy - b.scaled.entropy) < 1e-5);
});
