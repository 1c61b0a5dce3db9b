// Fuzz target: the wasm engines (SIMD and scalar builds) under Node, through the public JS API
// exactly as the page calls it. An input is a small JSON description (operation, shape, value
// regime, array kind, seed) from which the arrays are rebuilt, so findings and corpus entries
// stay readable. Shapes reach the documented limits (LIMITS: n 2048, dModel 1024, heads 64,
// dK/dV 1024); most large ones must be refused in words by the memory cap, the rest run.
// Checks per input:
// - a call either returns or throws a TypeError/RangeError whose message is words (no
//   "undefined", "[object", stack); any other exception is a finding;
// - inputs that are valid by construction must not be refused;
// - results are finite; weights rows sum to 1 (0 when every key is hidden); small shapes match
//   the float64 reference in tests/js/reference.js; the SIMD and scalar builds agree;
// - an input copied through a re-entrant Proxy gives exactly the plain input's result;
// - wasm memory stays under the per-call cap, and the engine still computes the worked example.
import { createEngine, LIMITS } from 'attention-lesson';
import { referenceAttention, randomArray } from '../../js/reference.js';

const MiB = 2 ** 20;
const OPS = ['attention', 'attention', 'attention', 'attention', 'attention', 'attentionQKV', 'plan', 'softmaxParts', 'softmax', 'dotProducts', 'matmul'];
const REGIMES = ['moderate', 'moderate', 'moderate', 'large', 'extreme', 'nan', 'negzero'];
const KINDS = ['f32', 'f32', 'array', 'f64', 'reentrant', 'holes', 'liar', 'fake-typed', 'text'];

function shape(rng) {
  if (rng.chance(0.93)) {
    const heads = rng.int(1, 4), dK = rng.int(1, 17), dV = rng.chance(0.5) ? dK : rng.int(1, 17);
    const withWo = rng.chance(0.5);
    return { n: rng.pick([1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65]), heads, dK, dV, dModel: withWo ? rng.int(1, 24) : heads * dV, withWo };
  }
  // Up to the documented limits, log-uniform.
  const heads = rng.logInt(1, LIMITS.maxHeads), dK = rng.logInt(1, LIMITS.maxHeadWidth), dV = rng.logInt(1, LIMITS.maxHeadWidth);
  const withWo = rng.chance(0.7);
  const s = { n: rng.logInt(1, LIMITS.maxTokens), heads, dK, dV, dModel: withWo ? rng.logInt(1, LIMITS.maxModelWidth) : Math.min(heads * dV, 4096), withWo };
  // Keep accepted problems to about a second of work: shrink n until the multiply-adds fit
  // (shapes the memory cap refuses cost nothing and stay as they are).
  const work = (t) => t * t * s.heads * (s.dK + s.dV) + t * s.dModel * s.heads * (2 * s.dK + 2 * s.dV);
  while (s.n > 1 && work(s.n) > 1.5e9) s.n = Math.ceil(s.n / 2);
  return s;
}

function generate(rng) {
  const op = rng.pick(OPS);
  const input = {
    op, ...shape(rng),
    mask: rng.pick(['none', 'none', 'causal', 'valid']), validFrac: rng(),
    scale: rng.chance(0.8), mistake: rng.pick([null, null, null, 'softmax-over-queries', 'mask-after-softmax']),
    outputOnly: rng.chance(0.2), regime: rng.pick(REGIMES), kind: rng.pick(KINDS), seed: rng.int(1, 2 ** 30),
  };
  // Plain arrays and Proxies are slow to build and read here: big inputs come as typed arrays.
  const { n, dModel, heads, dK, dV } = input;
  const floats = n * dModel + dModel * heads * (2 * dK + 2 * dV);
  if (floats > 2e5 && !['f32', 'f64'].includes(input.kind)) input.kind = 'f32';
  if (floats > 2e7) input.kind = 'f32';
  return input;
}

// The floats of one matrix in the input's value regime.
function values(input, length, salt) {
  const base = randomArray(length, input.seed + salt * 7919, input.regime === 'large' ? 1e6 : 1);
  if (input.regime === 'extreme') for (let i = 0; i < length; i += 3) base[i] = (i % 2 ? -1 : 1) * 3e38;
  if (input.regime === 'nan' && length) base[(input.seed + salt) % length] = salt % 2 ? NaN : Infinity;
  if (input.regime === 'negzero') for (let i = 0; i < length; i += 2) base[i] = i % 4 ? -0 : 1e-45;
  return base;
}

// The same floats in the input's array kind; `engine` is called back by the re-entrant kind.
function asKind(input, arr, engine, which) {
  switch (input.kind) {
    case 'array': return Array.from(arr);
    case 'f64': return Float64Array.from(arr);
    case 'reentrant': {
      const big = new Float32Array(256 * 16).fill(0.5);
      return new Proxy(Array.from(arr), { get(t, k) { if (k === '0' && which === 0) engine.dotProducts(big, big, 256, 256, 16); return Reflect.get(t, k); } });
    }
    case 'holes': { const a = Array.from(arr); if (a.length) delete a[a.length - 1]; return a; }
    case 'liar': return new Proxy(Array.from(arr), { get: (t, k) => (k === 'length' ? 2 ** 32 - 1 : Reflect.get(t, k)) });
    case 'fake-typed': return new Proxy(arr, {});
    case 'text': { const a = Array.from(arr); if (a.length) a[0] = '0,5'; return a; }
    default: return arr;
  }
}

// Would the engine accept this input? (shape within limits and cap, finite values, a real array)
function validByConstruction(input) {
  const { n, heads, dK, dV, dModel, withWo, op } = input;
  if (op === 'plan') return null; // its views take floats directly, and run() does not scan them
  if (!['moderate', 'negzero'].includes(input.regime)) return false;
  if (['holes', 'liar', 'fake-typed', 'text'].includes(input.kind)) return false;
  if (op !== 'attention') return null; // the other ops have their own size rules: either outcome
  if (n > LIMITS.maxTokens || dModel > LIMITS.maxModelWidth || heads > LIMITS.maxHeads || dK > LIMITS.maxHeadWidth || dV > LIMITS.maxHeadWidth) return false;
  const hk = heads * dK, hv = heads * dV;
  const nn = n * n * (input.outputOnly ? 1 : heads);
  const floats = n * dModel + dModel * hk * 2 + dModel * hv + (withWo ? hv * dModel : 0) + n * hk * 2 + n * hv + nn * (input.outputOnly ? 1 : 4) + n * hv + n * dModel;
  return floats * 4 <= LIMITS.maxCallBytes ? true : false;
}

function maskOf(input) {
  if (input.mask === 'valid') return { validKeys: Math.floor(input.validFrac * (input.n + 1)) };
  return input.mask;
}

function attentionOptions(input, engine, build) {
  const { n, heads, dK, dV, dModel, withWo } = input;
  const hk = heads * dK, hv = heads * dV;
  const sizes = [n * dModel, dModel * hk, dModel * hk, dModel * hv, hv * dModel];
  if (sizes.some((s) => s > 64 * MiB)) return null; // too big to even build here; refused by size first
  return {
    x: build(values(input, sizes[0], 1), 0), n, dModel, heads, dK, dV,
    wq: build(values(input, sizes[1], 2).map((v) => v * 0.5), 1), wk: build(values(input, sizes[2], 3).map((v) => v * 0.5), 2),
    wv: build(values(input, sizes[3], 4), 3), wo: withWo ? build(values(input, sizes[4], 5), 4) : undefined,
    mask: maskOf(input), scale: input.scale, mistake: input.mistake, outputOnly: input.outputOnly,
  };
}

function checkRefusal(err, where) {
  if (!(err instanceof TypeError || err instanceof RangeError)) throw new Error(`${where}: threw ${err?.constructor?.name}: ${err?.message}`);
  if ((err.message.match(/[A-Za-z]{2,}/g) ?? []).length < 4 || /\bundefined\b|\[object |^\s*at /.test(err.message)) throw new Error(`${where}: refusal not in words: ${err.message}`);
}

const close = (a, b, tol) => Math.abs(a - b) <= tol * (1 + Math.abs(b));

function checkAttention(input, got, other, options) {
  const { n, heads } = input;
  const all = [got.output, got.concat, ...(got.heads ?? []).map((h) => h.weights)];
  for (const a of all) if (!a.every(Number.isFinite)) throw new Error('a returned value is not finite');
  if (got.heads && input.mistake === null) {
    for (const h of got.heads) {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += h.weights[i * n + j];
        const hiddenAll = input.mask === 'valid' ? maskOf(input).validKeys === 0 : false;
        if (!close(s, hiddenAll ? 0 : 1, 1e-4)) throw new Error(`row ${i} of the weights sums to ${s}`);
      }
    }
  }
  // SIMD vs scalar.
  for (let i = 0; i < got.output.length; i++) if (!close(got.output[i], other.output[i], 2e-3)) throw new Error(`SIMD vs scalar output[${i}]: ${got.output[i]} vs ${other.output[i]}`);
  // The float64 reference on small problems.
  if (input.regime === 'moderate' && n * n * heads * input.dK <= 2e5 && n * input.dModel * heads * input.dK <= 2e5) {
    const plain = { ...options };
    for (const k of ['x', 'wq', 'wk', 'wv', 'wo']) if (plain[k]) plain[k] = Float32Array.from(plain[k]);
    const want = referenceAttention(plain);
    const scaleOut = Math.max(1, ...want.output.map(Math.abs));
    for (let i = 0; i < got.output.length; i++) if (Math.abs(got.output[i] - want.output[i]) > 2e-3 * scaleOut) throw new Error(`output[${i}] ${got.output[i]} vs reference ${want.output[i]}`);
  }
}

async function run(input, { simd, scalar, worked }) {
  const where = `${input.op} n=${input.n} heads=${input.heads} dK=${input.dK} dV=${input.dV} dModel=${input.dModel} ${input.regime}/${input.kind}`;
  const expect = validByConstruction(input);
  const call = (engine) => {
    const build = (arr, which) => asKind(input, arr, engine, which);
    const { n, heads, dK, dV } = input;
    switch (input.op) {
      case 'attention': {
        const o = attentionOptions(input, engine, build);
        if (!o) throw new RangeError('skipped: too large to build in the fuzzer');
        return { value: engine.attention(o), options: o };
      }
      case 'attentionQKV': {
        const sizes = [n * heads * dK, n * heads * dV];
        if (sizes.some((s) => s > 64 * MiB)) throw new RangeError('skipped: too large to build in the fuzzer');
        return { value: { output: engine.attentionQKV({ q: build(values(input, sizes[0], 1), 0), k: build(values(input, sizes[0], 2), 1), v: build(values(input, sizes[1], 3), 2), n, heads, dK, dV, mask: maskOf(input), scale: input.scale }) } };
      }
      case 'plan': {
        const plan = engine.prepareAttention({ n, heads, dK, dV, mask: maskOf(input), scale: input.scale });
        try {
          plan.q.set(values(input, n * heads * dK, 1)); plan.k.set(values(input, n * heads * dK, 2)); plan.v.set(values(input, n * heads * dV, 3));
          return { value: { output: plan.run().slice() } };
        } finally { plan.dispose(); }
      }
      case 'softmaxParts': case 'softmax': {
        const rows = Math.min(input.n, 4096), cols = Math.min(input.dModel * input.heads, 4096);
        const v = values(input, rows * cols, 1);
        const opts = { axis: input.scale ? 'rows' : 'columns' };
        const out = input.op === 'softmax' ? engine.softmax(build(v, 0), rows, cols, opts) : engine.softmaxParts(build(v, 0), rows, cols, { ...opts, scale: input.validFrac * 4 - 2 });
        return { value: { output: out.weights ?? out } };
      }
      case 'dotProducts': return { value: { output: engine.dotProducts(build(values(input, n * dK, 1), 0), build(values(input, input.dModel * dK, 2), 1), n, input.dModel, dK) } };
      case 'matmul': return { value: { output: engine.matmul(build(values(input, n * dK, 1), 0), build(values(input, dK * dV, 2), 1), n, dK, dV) } };
      default: throw new Error(`unknown op ${input.op}`);
    }
  };
  let a, b, errA, errB;
  try { a = call(simd); } catch (err) { errA = err; }
  if (errA?.message?.startsWith('skipped:')) return;
  // The scalar build is ~3× slower: on big accepted problems compare the SIMD build's invariants only.
  const work = input.n * input.n * input.heads * Math.max(input.dK, input.dV) + input.n * input.dModel * input.heads * (input.dK + input.dV);
  const both = Boolean(errA) || work <= 2e7;
  if (both) { try { b = call(scalar); } catch (err) { errB = err; } } else b = a;
  if (Boolean(errA) !== Boolean(errB)) throw new Error(`${where}: the builds disagree: SIMD ${errA?.message ?? 'ok'}, scalar ${errB?.message ?? 'ok'}`);
  if (errA) {
    checkRefusal(errA, where);
    if (expect === true) throw new Error(`${where}: a valid input was refused: ${errA.message}`);
  } else {
    if (expect === false && !['large', 'extreme'].includes(input.regime)) throw new Error(`${where}: an invalid input was accepted`);
    if (input.op === 'attention') checkAttention(input, a.value, b.value, a.options);
    else for (const v of a.value.output) if (!Number.isFinite(v) && input.regime === 'moderate') throw new Error(`${where}: non-finite result`);
    if (input.kind === 'reentrant' && input.op === 'attention') {
      const plainInput = { ...input, kind: 'f32' };
      const plain = simd.attention(attentionOptions(plainInput, simd, (arr) => arr));
      for (let i = 0; i < plain.output.length; i++) if (!Object.is(plain.output[i], a.value.output[i])) throw new Error(`${where}: the re-entrant copy changed output[${i}]`);
    }
  }
  // The engines are still healthy and within the cap.
  for (const e of [simd, scalar]) {
    if (e.memoryBytes > LIMITS.maxCallBytes + 80 * MiB) throw new Error(`${where}: wasm memory ${e.memoryBytes} B exceeds the per-call cap`);
    const w = e.attention(worked).heads[0].weights;
    if (Math.abs(w[4] - 0.5035) > 1e-3) throw new Error(`${where}: the worked example broke afterwards (${w[4]})`);
  }
}

export default {
  name: 'engine-api',
  async setup() {
    return {
      simd: await createEngine({ simd: true, memoryReleaseDelay: 0 }),
      scalar: await createEngine({ simd: false, memoryReleaseDelay: 0 }),
      worked: { x: [1, 0, 1, 1, 0, 2], n: 3, dModel: 2, wq: [1, 0, 0, 1], wk: [1, 1, 0, 1], wv: [1, 0, 0, 1] },
    };
  },
  generate,
  run,
};
