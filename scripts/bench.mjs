// npm run bench: times engine.attention (the lesson's full-intermediates path) in the wasm SIMD
// build, the wasm scalar build and the plain-JS reference (tests/js/reference.js), all in this one
// Node process, for n in {16, 64, 256, 1024}, dK 64, 1 and 8 heads. Prints median ms, GFLOP/s
// and the SIMD/scalar ratio. FLOPs counted: projections 2·n·dModel·3·h·dK plus attention
// 4·h·n²·dK (dModel = h·dK, no W_O). Options: --quick (fewer sizes), --json.
import { createEngine } from '../wasm/engine.js';
import { randomArray, referenceAttention } from '../tests/js/reference.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const sizes = args.includes('--quick') ? [16, 64] : [16, 64, 256, 1024];
const dK = 64;
const simd = await createEngine({ simd: true });
const scalar = await createEngine({ simd: false });

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Runs fn repeatedly for about `budgetMs` (at least 3 and at most 200 runs) after one warm-up.
function time(fn, budgetMs) {
  fn();
  const runs = [];
  const start = performance.now();
  while (runs.length < 3 || (runs.length < 200 && performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return { ms: median(runs), runs: runs.length };
}

const rows = [];
for (const heads of [1, 8]) {
  for (const n of sizes) {
    const dModel = heads * dK;
    const p = {
      n, dModel, heads, dK, dV: dK, x: randomArray(n * dModel, 1),
      wq: randomArray(dModel * dModel, 2, 0.1), wk: randomArray(dModel * dModel, 3, 0.1), wv: randomArray(dModel * dModel, 4, 0.1),
    };
    const flops = 2 * n * dModel * 3 * heads * dK + 4 * heads * n * n * dK;
    const budget = n >= 1024 ? 3000 : 800;
    const s = time(() => simd.attention(p), budget);
    const c = time(() => scalar.attention(p), budget);
    const j = time(() => referenceAttention(p), budget);
    const row = {
      heads, n, dK, simdMs: s.ms, scalarMs: c.ms, jsMs: j.ms,
      simdGflops: flops / s.ms / 1e6, scalarGflops: flops / c.ms / 1e6, jsGflops: flops / j.ms / 1e6,
      simdOverScalar: c.ms / s.ms, simdOverJs: j.ms / s.ms,
    };
    rows.push(row);
    if (json) console.log(JSON.stringify(row));
  }
}

if (!json) {
  const f = (v, d = 2) => v.toFixed(d).padStart(8);
  console.log(`engine.attention with all intermediates, dK = ${dK}, median of repeated runs (Node ${process.version}, one thread)`);
  console.log('heads     n |  SIMD ms scalar ms    JS ms | SIMD GF/s scalar GF/s JS GF/s | SIMD/scalar SIMD/JS');
  for (const r of rows) {
    console.log(`${String(r.heads).padStart(5)} ${String(r.n).padStart(5)} |${f(r.simdMs, 3)} ${f(r.scalarMs, 3)} ${f(r.jsMs, 3)} | ${f(r.simdGflops)}  ${f(r.scalarGflops)}    ${f(r.jsGflops)} |    ${f(r.simdOverScalar)}x ${f(r.simdOverJs)}x`);
  }
}
