// Where the fast path's time goes, measured on the shipped SIMD binary through the public API.
// The fused kernel's passes cost, per query–key pair: scores ∝ dK, weighted sum ∝ dV, and the
// softmax (mask, max, vectorised exp, sum, transposition) a constant. Timing n × n attention at
// (dK, dV) = (64, 64), (8, 64), (64, 8) and (8, 8) and fitting t = a·dK + b·dV + c separates
// them. Also prints the fixed per-call cost (n = 1). Usage: node scripts/profile-fused.mjs [n]
import { createEngine } from '../wasm/engine.js';
import { randomArray } from '../tests/js/reference.js';

const n = Number(process.argv[2] ?? 1024);
const engine = await createEngine();

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timePlan(n, dK, dV, mask = 'none') {
  const plan = engine.prepareAttention({ n, heads: 1, dK, dV, mask });
  plan.q.set(randomArray(n * dK, 1));
  plan.k.set(randomArray(n * dK, 2));
  plan.v.set(randomArray(n * dV, 3));
  // warm-up by time, not count: at small n, 20 calls end before V8 tiers the kernel up
  for (const t0 = performance.now(); performance.now() - t0 < 200; ) plan.run();
  const reps = Math.max(1, Math.ceil(2e7 / (n * n * (dK + dV + 8))));
  const samples = [];
  for (let r = 0; r < 21; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) plan.run();
    samples.push((performance.now() - t0) / reps);
  }
  plan.dispose();
  return median(samples);
}

const shapes = [[64, 64], [8, 64], [64, 8], [8, 8]];
const t = Object.fromEntries(shapes.map(([k, v]) => [`${k},${v}`, timePlan(n, k, v)]));
// t(64,64) − t(8,64) = 56a; t(64,64) − t(64,8) = 56b; c = t(8,8) − 8a − 8b
const a = (t['64,64'] - t['8,64'] + t['64,8'] - t['8,8']) / 112;
const b = (t['64,64'] - t['64,8'] + t['8,64'] - t['8,8']) / 112;
const c = t['8,8'] - 8 * a - 8 * b;
const total = t['64,64'];
const pct = (x) => `${((100 * x) / total).toFixed(0)}%`;
console.log(`fused attention, 1 head, n = ${n}, dK = dV = 64: ${total.toFixed(3)} ms (${((4 * n * n * 64) / total / 1e6).toFixed(1)} GFLOP/s)`);
console.log(`  scores Q·Kᵀ (incl. scale, packing K):      ${(64 * a).toFixed(3)} ms  ${pct(64 * a)}  → ${((2 * n * n * 64) / (64 * a) / 1e6).toFixed(1)} GFLOP/s`);
console.log(`  weighted sum P·V (incl. packing V):        ${(64 * b).toFixed(3)} ms  ${pct(64 * b)}  → ${((2 * n * n * 64) / (64 * b) / 1e6).toFixed(1)} GFLOP/s`);
console.log(`  softmax (mask, max, exp, sum, transpose):  ${c.toFixed(3)} ms  ${pct(c)}  → ${((n * n) / c / 1e3).toFixed(0)} M exp/s`);
console.log(`  fitted from (dK, dV) = ${shapes.map(([k, v]) => `(${k}, ${v}): ${t[`${k},${v}`].toFixed(3)} ms`).join(', ')}`);
const causal = timePlan(n, 64, 64, 'causal');
console.log(`  causal: ${causal.toFixed(3)} ms = ${(causal / total).toFixed(2)} of the full time (ideal ≈ 0.5)`);
console.log(`  per-call floor (n = 1, dK = dV = 64): ${(timePlan(1, 64, 64) * 1000).toFixed(2)} µs`);
