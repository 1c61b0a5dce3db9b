// The fast path of the engine's public API (engine.prepareAttention and engine.attentionQKV),
// both builds, against the plain-JS reference in reference.js: it is fed x with identity
// projections, so its Q, K and V are the inputs given here. Multi-head, masks, tile edges,
// views that never go stale, dispose, and learner-readable errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from 'attention-lesson';
import { randomArray, referenceAttention } from './reference.js';

const builds = [{ simd: true }, { simd: false }];

function assertClose(actual, expected, tol, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < actual.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol * (1 + Math.abs(expected[i])), `${what}[${i}]: ${actual[i]} vs ${expected[i]}`);
  }
}

// The reference attention of given Q, K, V (n × heads·dK, n × heads·dK, n × heads·dV): the
// lesson's reference with x = [Q | K | V] side by side and selector matrices as W_Q, W_K, W_V.
function referenceQKV({ q, k, v, n, heads, dK, dV, mask, scale }) {
  const hk = heads * dK, hv = heads * dV, dModel = 2 * hk + hv;
  const x = new Float64Array(n * dModel);
  for (let i = 0; i < n; i++) {
    x.set(q.subarray(i * hk, (i + 1) * hk), i * dModel);
    x.set(k.subarray(i * hk, (i + 1) * hk), i * dModel + hk);
    x.set(v.subarray(i * hv, (i + 1) * hv), i * dModel + 2 * hk);
  }
  const pick = (from, width) => {
    const w = new Float64Array(dModel * width);
    for (let c = 0; c < width; c++) w[(from + c) * width + c] = 1;
    return w;
  };
  return referenceAttention({ x, n, dModel, heads, dK, dV, wq: pick(0, hk), wk: pick(hk, hk), wv: pick(2 * hk, hv), wo: new Float64Array(hv * dModel), mask, scale }).concat;
}

function problem(seed, { n, heads, dK, dV }) {
  return { n, heads, dK, dV, q: randomArray(n * heads * dK, seed, 1.5), k: randomArray(n * heads * dK, seed + 1, 1.5), v: randomArray(n * heads * dV, seed + 2) };
}

for (const build of builds) {
  const name = build.simd ? 'SIMD' : 'scalar';
  test(`attentionQKV and prepareAttention match the reference at tile edges, ${name} build`, async () => {
    const e = await createEngine(build);
    let seed = 1;
    for (const n of [1, 3, 4, 5, 7, 8, 9, 63, 64, 65]) {
      for (const [heads, dK, dV] of [[1, 16, 16], [2, 64, 64], [3, 5, 9]]) {
        for (const mask of ['none', 'causal', { validKeys: Math.ceil(n / 2) }]) {
          const p = { ...problem(seed++, { n, heads, dK, dV }), mask };
          const want = referenceQKV(p);
          const tag = `n ${n}, heads ${heads}, dK ${dK}, dV ${dV}, mask ${JSON.stringify(mask)}`;
          assertClose(e.attentionQKV(p), want, 2e-5, `attentionQKV ${tag}`);
          const plan = e.prepareAttention({ n, heads, dK, dV, mask });
          plan.q.set(p.q);
          plan.k.set(p.k);
          plan.v.set(p.v);
          assertClose(plan.run(), want, 2e-5, `plan ${tag}`);
          plan.dispose();
        }
      }
    }
  });
}

test('scale: false and a number change the factor on q·k', async () => {
  const e = await createEngine();
  const p = problem(40, { n: 6, heads: 2, dK: 4, dV: 4 });
  assertClose(e.attentionQKV({ ...p, scale: false }), referenceQKV({ ...p, scale: false }), 2e-5, 'unscaled');
  // scale 1/√dK given as a number equals scale: true
  assert.deepEqual(Array.from(e.attentionQKV({ ...p, scale: 0.5 })), Array.from(e.attentionQKV(p)));
});

test('a plan is reusable: new inputs written into its views give new results', async () => {
  const e = await createEngine();
  const plan = e.prepareAttention({ n: 9, heads: 2, dK: 8, mask: 'causal' });
  for (const seed of [1, 2]) {
    const p = problem(seed * 10, { n: 9, heads: 2, dK: 8, dV: 8 });
    plan.q.set(p.q);
    plan.k.set(p.k);
    plan.v.set(p.v);
    const out = plan.run();
    assert.equal(out.buffer, plan.output.buffer, 'run() returns the output view');
    assert.equal(out.byteOffset, plan.output.byteOffset);
    assertClose(out, referenceQKV({ ...p, mask: 'causal' }), 2e-5, `seed ${seed}`);
  }
  plan.dispose();
  plan.dispose(); // twice is fine
  assert.throws(() => plan.run(), /disposed/);
  assert.throws(() => plan.q, /disposed/);
});

test('plan views are re-created after wasm memory grows, never stale', async () => {
  const e = await createEngine();
  const plan = e.prepareAttention({ n: 5, heads: 1, dK: 4 });
  const p = problem(3, { n: 5, heads: 1, dK: 4, dV: 4 });
  const oldQ = plan.q;
  plan.q.set(p.q);
  plan.k.set(p.k);
  plan.v.set(p.v);
  const before = Array.from(plan.run());
  const bytes = e.exports.memory.buffer.byteLength;
  const big = e.prepareAttention({ n: 2048, heads: 8, dK: 64 }); // grows memory
  assert.ok(e.exports.memory.buffer.byteLength > bytes, 'memory grew');
  assert.equal(oldQ.length, 0, 'a view kept from before the growth is detached');
  assert.notEqual(plan.q, oldQ, 'the getter hands out a fresh view');
  assert.deepEqual(Array.from(plan.q), Array.from(p.q), 'the inputs are still there');
  assert.deepEqual(Array.from(plan.run()), before);
  big.dispose();
  plan.dispose();
});

test('no visible key gives zeros; the fast path agrees with engine.attention outputOnly', async () => {
  const e = await createEngine();
  const p = problem(8, { n: 7, heads: 2, dK: 4, dV: 4 });
  assert.ok(e.attentionQKV({ ...p, mask: { validKeys: 0 } }).every((x) => x === 0));
  const x = randomArray(7 * 8, 9);
  const eye = new Float32Array(64);
  for (let c = 0; c < 8; c++) eye[c * 8 + c] = 1;
  const lesson = e.attention({ x, n: 7, dModel: 8, heads: 2, dK: 4, dV: 4, wq: eye, wk: eye, wv: eye, mask: 'causal', outputOnly: true });
  assertClose(e.attentionQKV({ q: x, k: x, v: x, n: 7, heads: 2, dK: 4, mask: 'causal' }), lesson.concat, 2e-6, 'fast vs lesson');
});

test('bad input to the fast path throws a TypeError or RangeError that names the problem', async () => {
  const e = await createEngine();
  const ok = problem(4, { n: 3, heads: 2, dK: 2, dV: 2 });
  const cases = [
    [{ ...ok, q: new Float32Array(5) }, RangeError, /q has 5 numbers.*3 × 4 = 12/],
    [{ ...ok, v: 'abc' }, TypeError, /v must be a Float32Array/],
    [{ ...ok, n: 0 }, RangeError, /n \(the number of tokens\) must be at least 1/],
    [{ ...ok, dK: 1.5 }, TypeError, /dK .* whole number/],
    [{ ...ok, heads: 65 }, RangeError, /heads must be at most 64/],
    [{ ...ok, mask: 'diagonal' }, TypeError, /Unknown mask/],
    [{ ...ok, mask: { validKeys: 4 } }, RangeError, /mask.validKeys must be at most 3/],
    [{ ...ok, scale: -1 }, TypeError, /scale must be true .* or a positive number/],
    [{ ...ok, k: Float32Array.from({ length: 12 }, (_, i) => (i === 3 ? NaN : 0)) }, RangeError, /k row 1, column 4 is not a number/],
    [null, TypeError, /attentionQKV\(\) needs an options object/],
  ];
  for (const [opts, type, message] of cases) {
    assert.throws(() => e.attentionQKV(opts), (err) => err instanceof type && message.test(err.message), `${message}`);
  }
  assert.throws(() => e.prepareAttention({ n: 3 }), /dK .* whole number, but it is missing/);
  assert.throws(() => e.prepareAttention('big'), /prepareAttention\(\) needs an options object/);
  assertClose(e.attentionQKV(ok), referenceQKV(ok), 2e-5, 'after errors');
});
