// The engine's public API (import { createEngine } from 'attention-lesson'), both builds, against
// the plain-JS reference in reference.js: random shapes, multi-head, masks, mistakes, copies
// that never go stale, and the module surviving bad calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, simdSupported } from 'attention-lesson';
import { randomArray, referenceAttention } from './reference.js';

const builds = [{ simd: true }, { simd: false }];

function assertClose(actual, expected, tol, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i], e = expected[i];
    if (!Number.isFinite(e)) { assert.equal(a, e, `${what}[${i}]`); continue; }
    assert.ok(Math.abs(a - e) <= tol * (1 + Math.abs(e)), `${what}[${i}]: ${a} vs ${e}`);
  }
}

function randomProblem(seed, { n, dModel, heads, dK, dV, withWo }) {
  return {
    x: randomArray(n * dModel, seed), n, dModel, heads, dK, dV,
    wq: randomArray(dModel * heads * dK, seed + 1, 0.5), wk: randomArray(dModel * heads * dK, seed + 2, 0.5),
    wv: randomArray(dModel * heads * dV, seed + 3, 0.5), wo: withWo ? randomArray(heads * dV * dModel, seed + 4, 0.5) : undefined,
  };
}

test('createEngine picks SIMD when supported and can be forced to scalar', async () => {
  assert.equal(simdSupported(), true, 'Node 20 supports wasm SIMD');
  const auto = await createEngine();
  assert.equal(auto.simd, true);
  const scalar = await createEngine({ simd: false });
  assert.equal(scalar.simd, false);
  await assert.rejects(createEngine({ simd: 'yes' }), TypeError);
});

for (const build of builds) {
  test(`worked example, ${build.simd ? 'SIMD' : 'scalar'} build`, async () => {
    const e = await createEngine(build);
    const r = e.attention({ x: new Float32Array([1, 0, 1, 1, 0, 2]), n: 3, dModel: 2, wq: new Float32Array([1, 0, 0, 1]), wk: new Float32Array([1, 1, 0, 1]), wv: new Float32Array([1, 0, 0, 1]) });
    assert.deepEqual(Array.from(r.heads[0].scores), [1, 1, 0, 2, 3, 2, 2, 4, 4]);
    assert.deepEqual(Array.from(r.heads[0].weights.slice(3, 6), (w) => w.toFixed(2)), ['0.25', '0.50', '0.25']);
    assert.ok(r.heads[0].weights instanceof Float32Array);
  });

  test(`random shapes against the reference, ${build.simd ? 'SIMD' : 'scalar'} build`, async () => {
    const e = await createEngine(build);
    const shapes = [
      { n: 1, dModel: 4, heads: 1, dK: 4, dV: 4, withWo: false },
      { n: 5, dModel: 6, heads: 2, dK: 3, dV: 3, withWo: false },
      { n: 9, dModel: 12, heads: 3, dK: 5, dV: 7, withWo: true },
      { n: 17, dModel: 16, heads: 4, dK: 4, dV: 4, withWo: true },
      { n: 65, dModel: 8, heads: 2, dK: 8, dV: 4, withWo: true },
    ];
    const options = [{}, { mask: 'causal' }, { mask: { validKeys: 1 } }, { scale: false }, { mistake: 'softmax-over-queries' }, { mask: 'causal', mistake: 'mask-after-softmax' }];
    let seed = 100;
    for (const shape of shapes) {
      for (const opt of options) {
        const p = { ...randomProblem(seed++, shape), ...opt };
        const got = e.attention(p), want = referenceAttention(p);
        const tag = `${JSON.stringify(shape)} ${JSON.stringify(opt)}`;
        for (let h = 0; h < shape.heads; h++) {
          for (const key of ['q', 'k', 'v', 'scores', 'scaled', 'masked', 'weights', 'output']) {
            assertClose(got.heads[h][key], want.heads[h][key], 2e-4, `${tag} head ${h} ${key}`);
          }
        }
        assertClose(got.concat, want.concat, 2e-4, `${tag} concat`);
        assertClose(got.output, want.output, 2e-4, `${tag} output`);
      }
    }
  });
}

test('causal rows sum to 1 with an exactly zero upper triangle; no valid key gives zeros', async () => {
  const e = await createEngine();
  const p = randomProblem(7, { n: 6, dModel: 8, heads: 2, dK: 4, dV: 4 });
  const w = e.attention({ ...p, mask: 'causal' }).heads[1].weights;
  for (let i = 0; i < 6; i++) {
    let sum = 0;
    for (let j = 0; j < 6; j++) { sum += w[i * 6 + j]; if (j > i) assert.equal(w[i * 6 + j], 0); }
    assert.ok(Math.abs(sum - 1) < 1e-6);
  }
  const none = e.attention({ ...p, mask: { validKeys: 0 } });
  assert.ok(none.heads[0].weights.every((v) => v === 0));
  assert.ok(none.output.every((v) => v === 0));
});

test('results are copies that stay valid after later calls that grow wasm memory', async () => {
  const e = await createEngine();
  const small = e.attention(randomProblem(1, { n: 4, dModel: 4, heads: 1, dK: 4, dV: 4 }));
  const keep = Array.from(small.heads[0].weights);
  const bytesBefore = e.exports.memory.buffer.byteLength;
  e.attention({ ...randomProblem(2, { n: 700, dModel: 16, heads: 2, dK: 8, dV: 8 }) });
  assert.ok(e.exports.memory.buffer.byteLength > bytesBefore, 'memory grew');
  assert.deepEqual(Array.from(small.heads[0].weights), keep);
  assert.equal(small.heads[0].weights.buffer.byteLength, small.heads[0].weights.byteLength, 'a copy, not a view of wasm memory');
});

test('outputOnly returns the same output without the n×n intermediates', async () => {
  const e = await createEngine();
  const p = randomProblem(5, { n: 33, dModel: 16, heads: 2, dK: 8, dV: 8, withWo: true });
  const full = e.attention({ ...p, mask: 'causal' });
  const lean = e.attention({ ...p, mask: 'causal', outputOnly: true });
  assert.equal(lean.heads, undefined);
  assert.deepEqual(Array.from(lean.output), Array.from(full.output));
});

test('positional encoding values', async () => {
  const e = await createEngine({ simd: false });
  const pe = e.positionalEncoding(10, 6);
  assert.equal(pe.length, 60);
  assert.equal(pe[0], 0); assert.equal(pe[1], 1);
  assert.ok(Math.abs(pe[6 * 3 + 0] - Math.sin(3)) < 1e-6);
  assert.ok(Math.abs(pe[6 * 3 + 3] - Math.cos(3 / 10000 ** (2 / 6))) < 1e-6);
  assert.ok(Math.abs(pe[6 * 9 + 4] - Math.sin(9 / 10000 ** (4 / 6))) < 1e-6);
});

test('addPositionalEncoding is x + positionalEncoding entry by entry, in both builds', async () => {
  for (const simd of [false, true]) {
    const e = await createEngine({ simd });
    const n = 9, d = 5;
    const x = Float32Array.from({ length: n * d }, (_, i) => ((i * 7) % 11) / 4 - 1);
    const pe = e.positionalEncoding(n, d);
    const sum = e.addPositionalEncoding(x, n, d);
    for (let i = 0; i < n * d; i++) assert.equal(sum[i], Math.fround(x[i] + pe[i]), `entry ${i}`);
    assert.equal(x[0], -1, 'the input is not changed');
    assert.throws(() => e.addPositionalEncoding(x, n, d + 1), /x has 45 numbers/);
    assert.throws(() => e.addPositionalEncoding([Infinity], 1, 1), RangeError);
  }
});

test('the scaling experiment: q·k spread grows like √dK; scaling brings it to ~1', async () => {
  const e = await createEngine();
  const small = e.scalingExperiment({ dK: 4, samples: 500, n: 16, seed: 3 });
  const big = e.scalingExperiment({ dK: 256, samples: 500, n: 16, seed: 3 });
  assert.ok(Math.abs(small.dot.std / 2 - 1) < 0.1, `std ${small.dot.std} vs √4`);
  assert.ok(Math.abs(big.dot.std / 16 - 1) < 0.1, `std ${big.dot.std} vs √256`);
  assert.ok(Math.abs(big.scaledDot.std - 1) < 0.1);
  assert.ok(big.unscaled.maxWeight > 0.8 && big.scaled.maxWeight < 0.5);
  assert.ok(big.unscaled.entropy < big.scaled.entropy);
  assert.deepEqual(e.scalingExperiment({ dK: 8, seed: 9 }), e.scalingExperiment({ dK: 8, seed: 9 }));
});

test('softmax, dotProducts and matmul primitives', async () => {
  const e = await createEngine();
  const s = e.softmax([1, 3, 6], 1, 3);
  assert.ok(Math.abs(s[2] - 0.9465) < 1e-4 && Math.abs(s[0] - 0.00638) < 1e-4);
  assert.deepEqual(Array.from(e.softmax([-Infinity, -Infinity], 1, 2)), [0, 0]);
  const cols = e.softmax([0, 0, 0, 0], 2, 2, { axis: 'columns' });
  assert.deepEqual(Array.from(cols), [0.5, 0.5, 0.5, 0.5]);
  assert.deepEqual(Array.from(e.dotProducts([1, 2], [3, 4, -2, 1], 1, 2, 2)), [11, 0]);
  assert.deepEqual(Array.from(e.matmul([1, 2, 3, 4], [0, 1, 1, 0], 2, 2, 2)), [2, 1, 4, 3]);
});

test('bad input throws a TypeError or RangeError that names the problem, and the next call works', async () => {
  const e = await createEngine();
  const ok = randomProblem(3, { n: 3, dModel: 4, heads: 2, dK: 2, dV: 2 });
  const cases = [
    [{ ...ok, x: new Float32Array(5) }, RangeError, /x has 5 numbers.*3 × 4 = 12/],
    [{ ...ok, n: 0 }, RangeError, /n \(the number of tokens\) must be at least 1/],
    [{ ...ok, n: 2049 }, RangeError, /at most 2048/],
    [{ ...ok, n: 2.5 }, TypeError, /whole number/],
    [{ ...ok, heads: 3, dK: undefined, dV: undefined }, RangeError, /heads \(3\) must divide dModel \(4\)/],
    [{ ...ok, x: Float32Array.from({ length: 12 }, (_, i) => (i === 5 ? NaN : 1)) }, RangeError, /x row 2, column 2 is not a number/],
    [{ ...ok, wq: Float32Array.from({ length: 16 }, (_, i) => (i === 0 ? Infinity : 1)) }, RangeError, /wq row 1, column 1 is infinite/],
    [{ ...ok, mask: 'diagonal' }, TypeError, /Unknown mask the text "diagonal"/],
    [{ ...ok, mask: { validKeys: 4 } }, RangeError, /mask.validKeys must be at most 3/],
    [{ ...ok, mistake: 'forgot-values' }, TypeError, /Unknown mistake/],
    [{ ...ok, wk: 'abc' }, TypeError, /wk must be a Float32Array/],
    [{ ...ok, dV: 3, wv: new Float32Array(4 * 6) }, RangeError, /heads × dV \(2 × 3 = 6\) must equal dModel \(4\)/],
    [{ ...ok, n: 2048, dModel: 64, heads: 64, dK: 1, dV: 1, x: new Float32Array(2048 * 64), wq: new Float32Array(64 * 64), wk: new Float32Array(64 * 64), wv: new Float32Array(64 * 64) }, RangeError, /MiB/],
    [null, TypeError, /options object/],
  ];
  for (const [opts, type, message] of cases) {
    assert.throws(() => e.attention(opts), (err) => err instanceof type && message.test(err.message), `${message}`);
    // The module is unharmed: the next valid call gives the right answer.
    assert.deepEqual(Array.from(e.attention(ok).output), Array.from(e.attention(ok).output));
  }
  assert.throws(() => e.positionalEncoding(0, 4), RangeError);
  assert.throws(() => e.positionalEncoding(3, 'four'), TypeError);
  assert.throws(() => e.scalingExperiment({ dK: 0 }), RangeError);
  assert.throws(() => e.scalingExperiment({ dK: 4096, samples: 100000, n: 2048 }), RangeError);
  assert.throws(() => e.softmax([1, 2, 3], 2, 2), RangeError);
  const ref = referenceAttention(ok);
  assertClose(e.attention(ok).output, ref.output, 2e-4, 'after errors');
});

test('the import name resolves to the package export in Node', async () => {
  const pkg = await import('attention-lesson');
  assert.equal(typeof pkg.createEngine, 'function');
  assert.equal(pkg.LIMITS.maxTokens, 2048);
});

test('finite inputs so large that the scores overflow give a RangeError, never NaN, and the engine goes on', async () => {
  const e = await createEngine();
  const huge = { x: [1e20, 1e20, -1e20, 1e20], n: 2, dModel: 2, wq: [1e20, 0, 0, 1e20], wk: [1e20, 0, 0, 1e20], wv: [1, 0, 0, 1] };
  assert.throws(() => e.attention(huge), (err) => err instanceof RangeError && /overflowed the range of 32-bit floats/.test(err.message));
  assert.throws(() => e.attentionQKV({ q: [1e30, 1e30], k: [1e30, -1e30], v: [1, 2], n: 2, heads: 1, dK: 1, dV: 1 }), RangeError);
  // Large but representable scores are fine: the max-subtracted softmax handles them.
  const big = e.attention({ ...huge, x: [1e4, 1e4, -1e4, 1e4], wq: [1e4, 0, 0, 1e4], wk: [1, 0, 0, 1] });
  assert.ok(big.heads[0].weights.every(Number.isFinite));
  assert.deepEqual(Array.from(e.attention({ ...huge, x: [1, 0, 0, 1], wq: [1, 0, 0, 1], wk: [1, 0, 0, 1] }).output).map((v) => +v.toFixed(4)), [0.6698, 0.3302, 0.3302, 0.6698]);
});
