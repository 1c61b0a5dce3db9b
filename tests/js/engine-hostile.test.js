// Hostile callers of the engine's JS API (issue 14): arrays that lie about their length,
// getters and Proxies that re-enter the engine mid-copy, values that change between reads,
// overflow at each stage reported with its true reason, the per-call memory cap, and wasm
// memory returned to its baseline after large calls (the numbers are printed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, LIMITS } from 'attention-lesson';
import { randomArray, referenceAttention } from './reference.js';

const MiB = 2 ** 20;

function problem(seed = 1) {
  return {
    x: Array.from(randomArray(4 * 6, seed)), n: 4, dModel: 6, heads: 2, dK: 3, dV: 3,
    wq: Array.from(randomArray(36, seed + 1, 0.5)), wk: Array.from(randomArray(36, seed + 2, 0.5)), wv: Array.from(randomArray(36, seed + 3, 0.5)),
  };
}

function assertMatches(result, p, what) {
  const want = referenceAttention(p);
  result.output.forEach((v, i) => assert.ok(Math.abs(v - want.output[i]) <= 1e-4 * (1 + Math.abs(want.output[i])), `${what}: output[${i}] ${v} vs ${want.output[i]}`));
}

test('an array claiming 2^32 − 1 entries is refused at once by its length, before any conversion', async () => {
  const e = await createEngine();
  const x = [];
  x.length = 2 ** 32 - 1;
  const before = e.memoryBytes;
  for (const call of [
    () => e.attention({ ...problem(), x }),
    () => e.softmax(x, 2, 2),
    () => e.dotProducts(x, [1], 1, 1, 1),
    () => e.attentionQKV({ q: x, k: [1], v: [1], n: 1, dK: 1 }),
  ]) {
    assert.throws(call, (err) => err instanceof RangeError && /has 4294967295 numbers, but its shape/.test(err.message));
  }
  // A Proxy whose length says 2^32 − 1 and whose elements are never asked for.
  let reads = 0;
  const liar = new Proxy([], { get: (t, k) => (k === 'length' ? 2 ** 32 - 1 : (reads++, 0)) });
  assert.throws(() => e.attention({ ...problem(), wq: liar }), /wq has 4294967295 numbers/);
  assert.equal(reads, 0, 'no element was read');
  assert.equal(e.memoryBytes, before, 'no wasm memory was touched');
  assertMatches(e.attention(problem()), problem(), 'afterwards');
});

test('a Proxy that re-enters the engine mid-copy, growing wasm memory, cannot corrupt the call', async () => {
  const e = await createEngine({ memoryReleaseDelay: 0, memoryHighWater: 8 * MiB });
  const p = problem(7);
  let reentered = 0;
  const big = new Float32Array(1024 * 64).fill(0.01);
  const x = new Proxy(p.x, {
    get(target, key) {
      if (key === '5' || key === '17') {
        reentered++;
        // Grows memory (a 1024 × 1024 result), then gives it back: the instance is replaced.
        e.dotProducts(big, big, 1024, 1024, 64);
        e.attention(problem(99));
      }
      return Reflect.get(target, key);
    },
  });
  const r = e.attention({ ...p, x });
  assert.equal(reentered, 2);
  assertMatches(r, p, 'with re-entrant reads');
  // A getter on an option that calls the engine, on every option at once.
  const options = {};
  for (const [k, v] of Object.entries(p)) Object.defineProperty(options, k, { enumerable: true, get() { e.dotProducts(big, big, 1024, 1024, 64); return v; } });
  assertMatches(e.attention(options), p, 'with re-entrant getters');
  // A Proxy dressed as a Float32Array (instanceof says yes) would be copied into wasm memory by
  // its traps, mid-copy: it is refused in words instead.
  const fake = new Proxy(Float32Array.from(p.x), { get(t, key) { e.dotProducts(big, big, 1024, 1024, 64); const v = Reflect.get(t, key); return typeof v === 'function' ? v.bind(t) : v; } });
  assert.ok(fake instanceof Float32Array);
  assert.throws(() => e.attention({ ...p, x: fake }), (err) => err instanceof TypeError && /x must be a Float32Array of n × dModel numbers, but it is an object that is neither a typed array nor an array/.test(err.message));
  assertMatches(e.attention(p), p, 'after the fake');
  // The fast path too.
  const q = Array.from(randomArray(8, 3)), k = Array.from(randomArray(8, 4)), v = Array.from(randomArray(8, 5));
  const plainOut = e.attentionQKV({ q, k, v, n: 4, dK: 2 });
  const sneaky = new Proxy(q, { get(t, key) { if (key === '3') e.attention(problem(5)); return Reflect.get(t, key); } });
  assert.deepEqual(e.attentionQKV({ q: sneaky, k, v, n: 4, dK: 2 }), plainOut);
});

test('every option is read once: a value that changes between reads cannot slip past the checks', async () => {
  const e = await createEngine();
  const p = problem(11);
  // n reads 4 the first time and 4000 afterwards; x[2] is finite once, NaN afterwards.
  let nReads = 0, x2Reads = 0;
  const options = { ...p };
  Object.defineProperty(options, 'n', { get() { nReads++; return nReads === 1 ? 4 : 4000; } });
  const x = new Proxy(p.x, { get(t, key) { if (key === '2') { x2Reads++; return x2Reads === 1 ? t[2] : NaN; } return Reflect.get(t, key); } });
  options.x = x;
  const r = e.attention(options);
  assert.equal(nReads, 1);
  assert.equal(x2Reads, 1);
  assertMatches(r, p, 'first reads');
  // A Float32Array changed by a later getter is seen by the checks (copy after every getter ran).
  const xs = Float32Array.from(p.x);
  const late = { ...p, x: xs };
  Object.defineProperty(late, 'mistake', { get() { xs[0] = NaN; return null; } });
  assert.throws(() => e.attention(late), (err) => err instanceof RangeError && /x row 1, column 1 is not a number/.test(err.message));
  // Non-number entries are named as such.
  assert.throws(() => e.attention({ ...p, x: p.x.map((v, i) => (i === 3 ? '0,5' : v)) }), (err) => err instanceof TypeError && /x row 1, column 4 is not a number \(it is the text "0,5"\)/.test(err.message));
  assert.throws(() => e.attention({ ...p, x: p.x.map((v, i) => (i === 3 ? 1e39 : v)) }), /x row 1, column 4 is 1e\+39, too large for a 32-bit float/);
});

test('each refusal says its true reason: NaN input, overflow in X·W, in q·k, or in the output', async () => {
  const e = await createEngine();
  const base = { n: 2, dModel: 2, wq: [1, 0, 0, 1], wk: [1, 0, 0, 1], wv: [1, 0, 0, 1] };
  const cases = [
    [{ ...base, x: [1e20, 1, 0, 1], wq: [1e20, 0, 0, 1] }, /multiplying x by the weight matrices overflowed/],
    [{ ...base, x: [1e19, 1e19, 1e19, -1e19], wq: [10, 0, 0, 10] }, /Q and K are finite, but some dot product q·k overflowed/],
    [{ ...base, x: [1, 0, 1, 0], wv: [10, 0, 0, 10], wo: [3e38, 3e38, 3e38, 3e38] }, /the weights are fine, but the weighted sum of the values \(or the output projection wo\) overflowed/],
  ];
  for (const [options, message] of cases) {
    assert.throws(() => e.attention(options), (err) => err instanceof RangeError && message.test(err.message), String(message));
    assert.throws(() => e.attention({ ...options, outputOnly: true }), message);
  }
  // A NaN that reaches C++ past the JS checks (the raw ABI) is named as an input problem, not
  // as an overflow.
  const ex = e.exports;
  const put = (arr) => { const p = ex.attn_alloc(arr.length * 4); new Float32Array(ex.memory.buffer, p, arr.length).set(arr); return p; };
  const ws = ex.attn_alloc(ex.attn_workspace_floats(2, 2, 1, 2, 2, 1) * 4);
  const id = put([1, 0, 0, 1]);
  const status = ex.attn_forward(put([1, NaN, 0, 1]), id, id, id, 0, 2, 2, 1, 2, 2, 0, 0, 1, 0, 1, ws);
  assert.equal(e.names.status[status], 'non_finite_input');
  assert.equal(ex.attn_forward(put([1, 2, 0, 1]), id, id, id, 0, 2, 2, 1, 2, 2, 0, 0, 1, 0, 1, ws), e.status.ok);
  // The fast path names both possible causes rather than guessing one.
  assert.throws(() => e.attentionQKV({ q: [1e30, 1e30], k: [1e30, -1e30], v: [1, 2], n: 2, dK: 1 }), /some q·k times the scale, or the weighted sum of v, is too large/);
});

test('one call may use at most LIMITS.maxCallBytes, refused in words before anything is allocated', async () => {
  const e = await createEngine();
  assert.equal(LIMITS.maxCallBytes, 256 * MiB);
  const before = e.memoryBytes;
  const a = new Float32Array(16384);
  // The case: a 16384 × 16384 result is 1 GiB.
  assert.throws(() => e.dotProducts(a, a, 16384, 16384, 1), (err) => err instanceof RangeError && /These dot products would need 1025 MiB of engine memory \(limit 256 MiB for one call\): use fewer rows\./.test(err.message));
  assert.throws(() => e.matmul(new Float32Array(1), new Float32Array(1), 16384, 1, 16384), /would need 1025 MiB.*limit 256 MiB/);
  assert.throws(() => e.softmax(new Float32Array(1), 65536, 65536), /would need 32768 MiB/);
  assert.throws(() => e.attention({ x: [], n: 2048, dModel: 64, heads: 8, dK: 64, dV: 8, wq: [], wk: [], wv: [] }), /This attention call would need \d+ MiB of engine memory \(limit 256 MiB for one call\): use fewer tokens or heads, or outputOnly: true\./);
  assert.throws(() => e.prepareAttention({ n: 2048, heads: 64, dK: 1024 }), /This prepareAttention call would need \d+ MiB/);
  assert.equal(e.memoryBytes, before, 'nothing was allocated');
  // Just under the cap is allowed.
  assert.equal(e.dotProducts(new Float32Array(4096), new Float32Array(4096), 4096, 4096, 1).length, 4096 * 4096);
});

test('wasm memory returns to its baseline after large calls (measured)', async (t) => {
  const e = await createEngine({ memoryReleaseDelay: 0 });
  e.attention(problem());
  const baseline = e.memoryBytes;
  const a = new Float32Array(4096 * 4).fill(1);
  // 4096 × 4096 dot products: a 64 MiB result.
  const r = e.dotProducts(a, a, 4096, 4096, 4);
  assert.equal(r[0], 4);
  const afterBig = e.memoryBytes;
  // Kept at once by a lingering engine, then released by hand.
  const slow = await createEngine({ memoryReleaseDelay: 60_000 });
  slow.dotProducts(a, a, 4096, 4096, 4);
  const peak = slow.memoryBytes;
  assert.ok(peak > 64 * MiB, `peak ${peak}`);
  assert.equal(slow.releaseMemory(), true);
  const released = slow.memoryBytes;
  // The lesson-sized path keeps its memory (below the high-water mark): no churn.
  e.attention(problem(3));
  t.diagnostic(`wasm memory: baseline ${(baseline / MiB).toFixed(1)} MiB, peak during a 64 MiB call ${(peak / MiB).toFixed(1)} MiB, after it ${(afterBig / MiB).toFixed(1)} MiB (released at once), after releaseMemory() ${(released / MiB).toFixed(1)} MiB`);
  assert.equal(afterBig, baseline);
  assert.equal(released, baseline);
  // The default engine gives it back after the idle delay.
  const idle = await createEngine({ memoryReleaseDelay: 30 });
  idle.attention(problem());
  const idleBase = idle.memoryBytes;
  idle.dotProducts(a, a, 4096, 4096, 4);
  assert.ok(idle.memoryBytes > 64 * MiB);
  await new Promise((resolve) => setTimeout(resolve, 120));
  assert.equal(idle.memoryBytes, idleBase);
  assertMatches(idle.attention(problem()), problem(), 'after the release');
});

test('memory is never released under an open plan, and a disposed plan allows it again', async () => {
  const e = await createEngine({ memoryReleaseDelay: 0 });
  const plan = e.prepareAttention({ n: 4, dK: 2 });
  plan.q.set(randomArray(8, 1));
  plan.k.set(randomArray(8, 2));
  plan.v.set(randomArray(8, 3));
  const first = plan.run().slice();
  const a = new Float32Array(4096 * 4).fill(1);
  e.dotProducts(a, a, 4096, 4096, 4);
  assert.ok(e.memoryBytes > 64 * MiB, 'kept while the plan is open');
  assert.equal(e.releaseMemory(), false);
  assert.deepEqual(plan.run(), first, 'the plan still works');
  plan.dispose();
  assert.equal(e.releaseMemory(), true);
  assert.ok(e.memoryBytes < 64 * MiB);
});
