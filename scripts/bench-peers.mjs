// npm run bench:peers — ours against onnxruntime-web and tfjs-backend-wasm, side by side in this
// one Node process, one thread each. Installs the peers into bench/peers (npm ci, its own lockfile;
// never part of the main install) when they are missing, builds the ONNX graph in memory
// (bench/onnx-attention-model.mjs), checks every implementation's output against a float64
// reference (max abs error), and prints median ms, GFLOP/s (4·heads·n²·dK, also for causal rows,
// where it is an effective rate), our/peer time ratios and each row's target, then cold start
// (fresh `node` processes: import → first correct result) and gzip binary sizes.
// Options: --json (one JSON object per measurement), --quick (fewer rows, shorter timing),
// --no-js (skip plain JS), --no-full (skip the lesson's full-intermediates path), --no-cold,
// --rows=1x256x64,8x1024x64c (heads x n x dK, c = causal: only these rows).
// It prints numbers; it never fails on time. Not a test.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import os from 'node:os';

const root = fileURLToPath(new URL('..', import.meta.url));
const peersDir = path.join(root, 'bench/peers');
const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const log = (...a) => (json ? console.error(...a) : console.log(...a));

if (!existsSync(path.join(root, 'wasm/dist/attention-simd.wasm'))) {
  log('bench:peers: building the engine first (npm run build) ...');
  try {
    execFileSync('bash', ['scripts/build.sh'], { cwd: root, stdio: ['ignore', 2, 2] });
  } catch (err) {
    // The bench needs only the engine's wasm; a later step of the build (the page) may fail alone.
    if (!existsSync(path.join(root, 'wasm/dist/attention-simd.wasm'))) throw err;
    log('bench:peers: the build failed after making the engine; benchmarking the engine anyway.');
  }
}
if (!existsSync(path.join(peersDir, 'node_modules'))) {
  log('bench:peers: installing the peers into bench/peers (npm ci) ...');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: peersDir, stdio: ['ignore', 2, 2] });
}

const { createEngine } = await import('../wasm/engine.js');
const { randomArray } = await import('../tests/js/reference.js');
const R = await import('../bench/peer-runners.mjs');

// heads, n, dK, causal. The table, dK 16, small sizes, causal.
const ROWS = quick
  ? [[1, 64, 64], [8, 16, 64], [1, 256, 64], [8, 256, 64], [1, 256, 16], [1, 256, 64, true]]
  : [[1, 8, 64], [1, 64, 64], [8, 16, 64], [8, 64, 64], [1, 256, 64], [1, 1024, 64], [8, 256, 64], [8, 1024, 64],
     [1, 256, 16], [1, 1024, 16], [8, 256, 16],
     [1, 256, 64, true], [1, 1024, 64, true], [8, 256, 64, true], [8, 1024, 64, true]];
const rowsArg = args.find((a) => a.startsWith('--rows='));
if (rowsArg) {
  ROWS.length = 0;
  for (const spec of rowsArg.slice(7).split(',')) {
    const m = /^(\d+)x(\d+)x(\d+)(c?)$/.exec(spec);
    if (!m) throw new Error(`--rows takes heads x n x dK [c for causal], e.g. --rows=1x256x64,8x1024x64c; got ${spec}`);
    ROWS.push([Number(m[1]), Number(m[2]), Number(m[3]), m[4] === 'c']);
  }
}
const ROUNDS = 3;
const BUDGET_MS = quick ? 250 : 600; // per implementation and row, split over the rounds

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// Calls run() `reps` times and returns ms per call. Awaits only implementations that are async.
async function timeBatch(impl, reps) {
  const t0 = performance.now();
  if (impl.async) for (let r = 0; r < reps; r++) await impl.run();
  else for (let r = 0; r < reps; r++) impl.run();
  return (performance.now() - t0) / reps;
}

// Warm-up (lets the wasm tiers settle), then ROUNDS rounds over all implementations in turn,
// so a load change on the machine hits every implementation alike. A sample is a batch of calls
// lasting ≥ 1 ms; the result is the median sample.
async function measure(impls) {
  for (const impl of impls) {
    const start = performance.now();
    let runs = 0;
    while (runs < 3 || (runs < 30 && performance.now() - start < 150)) { await timeBatch(impl, 1); runs++; }
    impl.reps = Math.max(1, Math.ceil(1 / ((performance.now() - start) / runs)));
    impl.samples = [];
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const impl of impls) {
      const start = performance.now();
      do impl.samples.push(await timeBatch(impl, impl.reps));
      while (impl.samples.length < 200 && performance.now() - start < BUDGET_MS / ROUNDS);
    }
  }
  for (const impl of impls) impl.ms = median(impl.samples);
}

// Which target applies to a row, and the ratio it needs over the better peer.
function target(r) {
  if (r.causal) return r.n >= 256 ? { need: 1.8, what: 'causal, n ≥ 256: ≥ 1.8× peers' } : null;
  if (r.n <= 64) return { need: 2, what: 'small n: ≥ 2× better peer' };
  if (r.dK === 16) return { need: 1, what: 'dK 16: ≥ better peer' };
  if (r.dK === 64 && r.n >= 256) return { need: 1.2, what: 'dK 64, n ≥ 256: ≥ 1.2× better peer' };
  return null;
}

const engine = await createEngine();
if (!engine.simd) log('warning: the SIMD engine is not available; measuring the scalar build');
const ort = await R.loadOrt();
const tf = await R.loadTf();
const skipJs = args.includes('--no-js'), skipFull = args.includes('--no-full');

const results = [];
for (const [heads, n, dK, causal = false] of ROWS) {
  const dV = dK, hk = heads * dK;
  const seed = heads * 100000 + n * 100 + dK;
  const p = { n, heads, dK, dV, causal, q: randomArray(n * hk, seed, 1), k: randomArray(n * hk, seed + 1, 1), v: randomArray(n * heads * dV, seed + 2, 1) };
  const want = R.referenceQKV(p);
  const impls = [{ name: 'ours', ...R.oursFast(engine, p) }];
  if (!skipFull) impls.push({ name: 'ours-full', ...R.oursFull(engine, p) });
  impls.push({ name: 'ort', async: true, ...(await R.ortRunner(ort, p)) });
  impls.push({ name: 'tfjs', ...R.tfRunner(tf, p), rows: (o) => R.tfToRows(o, n, dV) });
  if (!skipJs) impls.push({ name: 'js', ...R.plainJsRunner(p) });
  // every output against the float64 reference (the full path on its own inputs, Q = K = V)
  for (const impl of impls) {
    let out = await impl.run();
    if (impl.rows) out = impl.rows(out);
    impl.maxErr = R.maxAbsError(out, impl.inputs ? R.referenceQKV(impl.inputs) : want);
  }
  await measure(impls);
  const flops = 4 * heads * n * n * dK;
  const by = Object.fromEntries(impls.map((i) => [i.name, i]));
  const best = Math.min(by.ort.ms, by.tfjs.ms);
  const row = { heads, n, dK, causal, ratioOrt: by.ort.ms / by.ours.ms, ratioTfjs: by.tfjs.ms / by.ours.ms, ratioBest: best / by.ours.ms };
  const t = target(row);
  row.target = t ? { ...t, met: row.ratioBest >= t.need } : null;
  row.impls = impls.map((i) => ({ name: i.name, ms: i.ms, gflops: flops / i.ms / 1e6, maxAbsError: i.maxErr, samples: i.samples.length }));
  results.push(row);
  for (const i of impls) i.release();
  if (json) for (const i of row.impls) console.log(JSON.stringify({ kind: 'throughput', heads, n, dK, causal, impl: i.name, ms: i.ms, gflops: i.gflops, maxAbsError: i.maxAbsError, ratioOursOverThis: i.ms / by.ours.ms }));
  else log(`  measured heads ${heads}, n ${n}, dK ${dK}${causal ? ', causal' : ''}`);
}

// Cold start: a fresh node process per run, timed inside it from just before the first import
// of the library to the first result, which is then checked against the float64 reference.
const coldChild = {
  ours: `const { createEngine } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'wasm/engine.js')).href)});
    const e = await createEngine();
    out = e.attentionQKV({ n, heads: 1, dK, q, k, v });`,
  ort: `const ort = await R.loadOrt(); const run = await R.ortRunner(ort, p); out = await run.run();`,
  tfjs: `const tf = await R.loadTf(); out = R.tfToRows(R.tfRunner(tf, p).run(), n, dK);`,
};
function coldStart(name) {
  const code = `const R = await import(${JSON.stringify(pathToFileURL(path.join(root, 'bench/peer-runners.mjs')).href)});
    const n = 8, dK = 16, rnd = (s) => Float32Array.from({ length: n * dK }, (_, i) => Math.sin(i * 12.9898 + s) * 0.8);
    const q = rnd(1), k = rnd(2), v = rnd(3), p = { n, heads: 1, dK, dV: dK, causal: false, q, k, v };
    let out;
    const t0 = performance.now();
    ${coldChild[name]}
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ ms, maxAbsError: R.maxAbsError(out, R.referenceQKV(p)) }));`;
  const text = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  return JSON.parse(text.trim().split('\n').pop());
}
const cold = [];
if (!args.includes('--no-cold')) {
  for (const name of ['ours', 'ort', 'tfjs']) {
    const runs = [];
    for (let r = 0; r < (quick ? 3 : 7); r++) runs.push(coldStart(name));
    const c = { kind: 'cold-start', impl: name, ms: median(runs.map((x) => x.ms)), maxAbsError: Math.max(...runs.map((x) => x.maxAbsError)), runs: runs.length };
    cold.push(c);
    if (json) console.log(JSON.stringify(c));
  }
}

// Binary sizes, gzip -9.
const gz = (files) => files.reduce((s, f) => s + gzipSync(readFileSync(f), { level: 9 }).length, 0);
const raw = (files) => files.reduce((s, f) => s + readFileSync(f).length, 0);
const peerFiles = R.peerFiles();
const files = {
  ours: { wasm: [path.join(root, 'wasm/dist/attention-simd.wasm')], js: [path.join(root, 'wasm/engine.js'), path.join(root, 'wasm/validate.js')] },
  ...peerFiles,
};
const sizes = Object.entries(files).map(([impl, f]) => ({ kind: 'binary-size', impl, wasmBytes: raw(f.wasm), wasmGzipBytes: gz(f.wasm), jsGzipBytes: gz(f.js), files: [...f.wasm, ...f.js].map((x) => path.relative(root, x)) }));
if (json) for (const s of sizes) console.log(JSON.stringify(s));

if (!json) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\nAttention, median ms and GFLOP/s (4·heads·n²·dK; causal rows: the same count, so an effective rate).`);
  console.log(`Node ${process.version}, ${os.cpus().length} cores (${cpu}), one thread each; ${new Date().toISOString().slice(0, 10)}.`);
  console.log(`ours = engine.prepareAttention(...).run() (fast path); full = engine.attention (lesson path, all intermediates, incl. identity projections);`);
  console.log(`ort = onnxruntime-web ${R.versions.ort} (opset-23 Attention, wasm, 1 thread); tfjs = tfjs-backend-wasm ${R.versions.tfjs} (matMul per head); js = plain JS.\n`);
  const names = ['ours', 'ours-full', 'ort', 'tfjs', 'js'];
  const present = names.filter((nm) => results[0].impls.some((i) => i.name === nm));
  const head = ['h', 'n', 'dK', 'mask'].map((s) => s.padStart(4)).join(' ') + ' | ' + present.map((nm) => `${nm} ms`.padStart(11) + ' ' + 'GF/s'.padStart(6)).join(' | ') + ' | ours/ort ours/tfjs | target';
  console.log(head);
  console.log('-'.repeat(head.length + 10));
  for (const r of results) {
    const cells = present.map((nm) => {
      const i = r.impls.find((x) => x.name === nm);
      return i ? `${i.ms.toFixed(i.ms < 1 ? 4 : 2).padStart(11)} ${i.gflops.toFixed(1).padStart(6)}` : ' '.repeat(18);
    });
    const t = r.target ? `${r.target.met ? 'met' : 'MISSED'} (${r.target.what}; ${r.ratioBest.toFixed(2)}×)` : '';
    console.log(`${String(r.heads).padStart(4)} ${String(r.n).padStart(4)} ${String(r.dK).padStart(4)} ${(r.causal ? 'caus' : 'none').padStart(4)} | ${cells.join(' | ')} | ${r.ratioOrt.toFixed(2).padStart(7)}× ${r.ratioTfjs.toFixed(2).padStart(8)}× | ${t}`);
  }
  console.log('\nMax abs error against the float64 reference:');
  for (const r of results) console.log(`  ${r.heads}×${r.n}×${r.dK}${r.causal ? ' causal' : ''}: ` + r.impls.map((i) => `${i.name} ${i.maxAbsError.toExponential(1)}`).join(', '));
  if (cold.length) {
    console.log('\nCold start (fresh node process, import → first result of an 8×16 attention, checked; median):');
    for (const c of cold) console.log(`  ${c.impl.padEnd(5)} ${c.ms.toFixed(1).padStart(7)} ms  (max abs error ${c.maxAbsError.toExponential(1)}, ${c.runs} runs)`);
  }
  console.log('\nBinary size (gzip -9):');
  for (const s of sizes) console.log(`  ${s.impl.padEnd(5)} wasm ${(s.wasmGzipBytes / 1024).toFixed(1).padStart(7)} KiB gzip (${(s.wasmBytes / 1024).toFixed(0)} KiB raw), JS ${(s.jsGzipBytes / 1024).toFixed(1)} KiB gzip`);
}
