// The attention engine's public JS API: loads the SIMD or scalar WebAssembly build (same code in
// browsers and Node 20), copies inputs into wasm memory, runs the C ABI in wasm/abi.cpp, and
// returns fresh Float32Array copies. Argument checks live in validate.js. Not for drawing.
import { LIMITS, checkAttentionOptions, checkExperimentOptions, checkInteger, checkMatrix, checkQKVShape } from './validate.js';

export { LIMITS };

// The smallest module that uses a SIMD128 instruction: one function returning f32x4.splat(0.0).
// WebAssembly.validate on it says whether this JavaScript engine can run the SIMD build.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, // magic, version
  1, 5, 1, 96, 0, 1, 123, // type section: () -> v128
  3, 2, 1, 0, // function section
  10, 11, 1, 9, 0, 67, 0, 0, 0, 0, 253, 19, 11, // code: f32.const 0, f32x4.splat, end
]);

export function simdSupported() {
  return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
}

const FILES = { simd: 'attention-simd.wasm', scalar: 'attention-scalar.wasm' };
const compiled = new Map(); // 'simd' | 'scalar' → Promise<WebAssembly.Module>, shared by engines

const isNode = typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined';

function decodeBase64(text) {
  if (typeof atob === 'function') return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  return new Uint8Array(Buffer.from(text, 'base64'));
}

async function loadBytes(kind, options) {
  const given = options.wasmBinary?.[kind] ?? (options.wasmBinary instanceof Uint8Array || options.wasmBinary instanceof ArrayBuffer ? options.wasmBinary : null);
  if (given) return given;
  // The single-file page inlines both builds as base64 before this module runs.
  const inlined = globalThis.ATTENTION_LESSON_WASM?.[kind];
  if (inlined) return decodeBase64(inlined);
  const base = options.wasmBase ?? new URL('./dist/', import.meta.url);
  const url = new URL(FILES[kind], base);
  if (isNode && url.protocol === 'file:') {
    // Node 20's global fetch cannot read file: URLs, so read the file directly.
    const { readFile } = await import('node:fs/promises');
    return readFile(url);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the attention engine (${url.pathname}): HTTP ${response.status}.`);
  return response.arrayBuffer();
}

function compile(kind, options) {
  if (options.wasmBinary || !compiled.has(kind)) {
    const p = loadBytes(kind, options).then((bytes) => WebAssembly.compile(bytes));
    if (options.wasmBinary) return p;
    compiled.set(kind, p);
    p.catch(() => compiled.delete(kind));
  }
  return compiled.get(kind);
}

async function instantiate(module) {
  const imports = {
    env: { emscripten_notify_memory_growth() {} },
    wasi_snapshot_preview1: {
      proc_exit(code) {
        throw new WebAssembly.RuntimeError(`attention engine stopped (exit code ${code})`);
      },
    },
  };
  const instance = await WebAssembly.instantiate(module, imports);
  instance.exports._initialize?.();
  return instance.exports;
}

/**
 * Creates an engine. options.simd: true | false | undefined (auto: SIMD when supported);
 * options.wasmBase: URL of the folder holding the .wasm files; options.wasmBinary: bytes
 * ({ simd, scalar } or one build's bytes) when the files cannot be fetched.
 */
export async function createEngine(options = {}) {
  if (options === null || typeof options !== 'object') throw new TypeError('createEngine() takes an options object, e.g. { simd: false }.');
  if (options.simd !== undefined && typeof options.simd !== 'boolean') throw new TypeError('options.simd must be true, false or left out.');
  const supported = simdSupported();
  if (options.simd === true && !supported) throw new RangeError('This JavaScript engine cannot run WebAssembly SIMD; use { simd: false }.');
  const kind = (options.simd ?? supported) ? 'simd' : 'scalar';
  const module = await compile(kind, options);
  const engine = new Engine(module, await instantiate(module), kind === 'simd');
  if (engine.exports.attn_simd_build() !== (kind === 'simd' ? 1 : 0)) throw new Error(`The ${kind} engine file holds the wrong build.`);
  return engine;
}

// Finite inputs can still be so large that q·k overflows the float range (|q·k| > 3.4e38); the
// softmax of ±∞ scores is undefined. Rather than hand back NaN, say so. Returns `result`.
function assertFinite(result, arraysOf) {
  for (const a of arraysOf(result)) {
    for (let i = 0; i < a.length; i++) {
      if (!Number.isFinite(a[i])) {
        throw new RangeError('The inputs are so large that the scores overflowed the range of 32-bit floats (about ±3.4e38), so no weights can be computed; scale x or the weight matrices down.');
      }
    }
  }
  return result;
}

const STATUS_TEXT = {
  1: 'a size is out of range',
  2: 'the mask does not fit the number of tokens',
  3: 'unknown mistake',
  4: 'without wo, heads × dV must equal dModel',
  5: 'a required matrix is missing',
};

class Engine {
  #generation = 0; // bumped when a trap replaces the instance: older plans' memory is gone

  constructor(module, exports, simd) {
    this.module = module;
    this.exports = exports;
    /** true when the SIMD128 build is running, false for the scalar build */
    this.simd = simd;
    this.limits = LIMITS;
  }

  // Runs fn(alloc) with wasm allocations that are all freed afterwards. If the module traps, it
  // is replaced by a fresh instance so that the next call works.
  #withMemory(fn) {
    const ptrs = [];
    const alloc = (floats) => {
      const bytes = Math.max(4, floats * 4);
      const p = this.exports.attn_alloc(bytes);
      if (!p) throw new RangeError(`Not enough memory for ${Math.ceil(bytes / 2 ** 20)} MiB of intermediates; use a smaller input.`);
      ptrs.push(p);
      return p;
    };
    try {
      return fn(alloc);
    } catch (err) {
      if (err instanceof WebAssembly.RuntimeError) this.#reset();
      throw err;
    } finally {
      for (const p of ptrs) this.exports.attn_free?.(p);
    }
  }

  #reset() {
    this.#generation++;
    const instance = new WebAssembly.Instance(this.module, {
      env: { emscripten_notify_memory_growth() {} },
      wasi_snapshot_preview1: { proc_exit(code) { throw new WebAssembly.RuntimeError(`exit ${code}`); } },
    });
    instance.exports._initialize?.();
    this.exports = instance.exports;
  }

  // A view of `count` floats at `ptr`, made after every call that may have grown memory.
  #f32(ptr, count) {
    return new Float32Array(this.exports.memory.buffer, ptr, count);
  }

  #put(alloc, arr) {
    const p = alloc(arr.length);
    this.#f32(p, arr.length).set(arr);
    return p;
  }

  /**
   * Multi-head scaled dot-product attention. See README "Engine API" for every option and shape.
   * Returns { heads: [{ q, k, v, scores, scaled, masked, weights, output }], concat, output },
   * all fresh Float32Array copies (or { concat, output } with outputOnly: true).
   */
  attention(options) {
    const o = checkAttentionOptions(options);
    return this.#withMemory((alloc) => {
      const floats = this.exports.attn_workspace_floats(o.n, o.dModel, o.heads, o.dK, o.dV, o.outputOnly ? 0 : 1);
      if (floats < 0) throw new RangeError('These sizes are outside the engine limits.');
      const px = this.#put(alloc, o.x), pq = this.#put(alloc, o.wq), pk = this.#put(alloc, o.wk), pv = this.#put(alloc, o.wv);
      const po = o.wo ? this.#put(alloc, o.wo) : 0;
      const ws = alloc(floats);
      const status = this.exports.attn_forward(px, pq, pk, pv, po, o.n, o.dModel, o.heads, o.dK, o.dV,
        o.maskKind, o.validKeys, o.scale ? 1 : 0, o.mistake, o.outputOnly ? 0 : 1, ws);
      if (status !== 0) throw new RangeError(`The engine refused these inputs: ${STATUS_TEXT[status] ?? `status ${status}`}.`);
      return assertFinite(this.#readResult(ws, o), (r) => [r.output, ...r.heads?.map((h) => h.weights) ?? []]);
    });
  }

  // Copies the workspace (layout: carve_workspace in src/attention.cpp) into fresh arrays.
  #readResult(ws, o) {
    const { n, heads, dK, dV, dModel } = o;
    const hk = heads * dK, hv = heads * dV, nn = n * n;
    let at = ws;
    const take = (count) => { const p = at; at += count * 4; return p; };
    const pq = take(n * hk), pk = take(n * hk), pv = take(n * hv);
    const stages = o.outputOnly ? null : { scores: take(nn * heads), scaled: take(nn * heads), masked: take(nn * heads), weights: take(nn * heads) };
    if (o.outputOnly) take(nn);
    const pc = take(n * hv), pout = take(n * dModel);
    const concat = this.#f32(pc, n * hv).slice();
    const output = this.#f32(pout, n * dModel).slice();
    if (o.outputOnly) return { concat, output };
    const columns = (ptr, width, h, w) => {
      const all = this.#f32(ptr, n * width), out = new Float32Array(n * w);
      for (let i = 0; i < n; i++) out.set(all.subarray(i * width + h * w, i * width + h * w + w), i * w);
      return out;
    };
    const headsOut = [];
    for (let h = 0; h < heads; h++) {
      const stage = (name) => this.#f32(stages[name] + h * nn * 4, nn).slice();
      headsOut.push({
        q: columns(pq, hk, h, dK), k: columns(pk, hk, h, dK), v: columns(pv, hv, h, dV),
        scores: stage('scores'), scaled: stage('scaled'), masked: stage('masked'), weights: stage('weights'),
        output: columns(pc, hv, h, dV),
      });
    }
    return { heads: headsOut, concat, output };
  }

  /**
   * The fast path, set up once and run many times: attention from Q, K, V straight to the output,
   * fused per head in the engine (no n×n matrix is kept or copied out; a causal mask skips the
   * hidden keys' work). options: { n, heads = 1, dK, dV = dK, mask: 'none' | 'causal' |
   * { validKeys }, scale: true | false | number }. Returns a plan whose `q`, `k` (n × heads·dK)
   * and `v` (n × heads·dV) are Float32Array views into wasm memory: write the inputs there (head h
   * in columns h·dK … (h+1)·dK − 1, like engine.attention's Q), then `run()` returns the `output`
   * view (n × heads·dV, the heads' outputs side by side). The views are re-created whenever wasm
   * memory has grown, so read `plan.q` etc. again after any engine call instead of keeping an old
   * view; copy the output (`.slice()`) to keep it past the next call. run() does not scan the
   * inputs (NaN in, NaN out). `dispose()` frees the memory; the plan cannot be used afterwards.
   */
  prepareAttention(options) {
    const o = checkQKVShape(options, 'prepareAttention');
    const ws = this.exports.attn_fused_workspace_floats(o.n, o.heads, o.dK, o.dV);
    if (ws < 0) throw new RangeError('These sizes are outside the engine limits.');
    return new AttentionPlan(this, o, ws, this.#planAccess);
  }

  // What a plan needs from its engine: the current exports, the instance generation, and the
  // reset that replaces a trapped instance.
  #planAccess = {
    exports: () => this.exports,
    generation: () => this.#generation,
    reset: () => this.#reset(),
  };

  /**
   * One-shot fast path: like prepareAttention(options) with q, k, v given (Float32Arrays or
   * arrays of n × heads·dK, n × heads·dK, n × heads·dV finite numbers). Returns a fresh
   * Float32Array of n × heads·dV. For repeated calls, prepareAttention avoids the copies.
   */
  attentionQKV(options) {
    const o = checkQKVShape(options, 'attentionQKV');
    const hk = o.heads * o.dK, hv = o.heads * o.dV;
    const q = checkMatrix('q', options.q, o.n, hk, 'n × (heads·dK)');
    const k = checkMatrix('k', options.k, o.n, hk, 'n × (heads·dK)');
    const v = checkMatrix('v', options.v, o.n, hv, 'n × (heads·dV)');
    return this.#withMemory((alloc) => {
      const ws = this.exports.attn_fused_workspace_floats(o.n, o.heads, o.dK, o.dV);
      if (ws < 0) throw new RangeError('These sizes are outside the engine limits.');
      const pq = this.#put(alloc, q), pk = this.#put(alloc, k), pv = this.#put(alloc, v);
      const pout = alloc(o.n * hv), pws = alloc(ws);
      const status = this.exports.attn_fused_attention(pq, pk, pv, pout, o.n, o.heads, o.dK, o.dV, o.maskKind, o.validKeys, o.scaleFactor, pws);
      if (status !== 0) throw new RangeError(`The engine refused these inputs: ${STATUS_TEXT[status] ?? `status ${status}`}.`);
      return assertFinite(this.#f32(pout, o.n * hv).slice(), (r) => [r]);
    });
  }

  /**
   * Softmax of a (rows × cols) row-major matrix, along each row (axis 'rows', the attention
   * default) or each column ('columns'). A row of only −Infinity gives zeros.
   */
  softmax(values, rows, cols, { axis = 'rows' } = {}) {
    checkInteger('rows', rows, 1, 1 << 16);
    checkInteger('cols', cols, 1, 1 << 16);
    if (axis !== 'rows' && axis !== 'columns') throw new TypeError(`axis must be 'rows' or 'columns', but it is ${JSON.stringify(axis)}.`);
    const v = checkMatrix('values', values, rows, cols, 'rows × cols', { allowNegInf: true });
    return this.#withMemory((alloc) => {
      const pin = this.#put(alloc, v), pout = alloc(rows * cols);
      if (this.exports.attn_softmax(pin, pout, rows, cols, axis === 'rows' ? 0 : 1) !== 0) throw new RangeError('softmax sizes are out of range.');
      return this.#f32(pout, rows * cols).slice();
    });
  }

  /** Every row of a (nA × d) against every row of b (nB × d): an nA × nB matrix of dot products. */
  dotProducts(a, b, nA, nB, d) {
    checkInteger('nA', nA, 1, 1 << 14);
    checkInteger('nB', nB, 1, 1 << 14);
    checkInteger('d', d, 1, 1 << 14);
    const av = checkMatrix('a', a, nA, d, 'nA × d'), bv = checkMatrix('b', b, nB, d, 'nB × d');
    return this.#twoInputs(av, bv, nA * nB, (pa, pb, pout) => this.exports.attn_dot_products(pa, pb, nA, nB, d, pout));
  }

  /** Matrix product a (n × m) · b (m × p) → n × p, computed by Eigen in the engine. */
  matmul(a, b, n, m, p) {
    checkInteger('n', n, 1, 1 << 14);
    checkInteger('m', m, 1, 1 << 14);
    checkInteger('p', p, 1, 1 << 14);
    const av = checkMatrix('a', a, n, m, 'n × m'), bv = checkMatrix('b', b, m, p, 'm × p');
    return this.#twoInputs(av, bv, n * p, (pa, pb, pout) => this.exports.attn_matmul(pa, pb, n, m, p, pout));
  }

  // Copies two checked inputs into wasm memory, runs `call(pa, pb, pout)`, returns a copy of the
  // `outCount` floats it wrote.
  #twoInputs(av, bv, outCount, call) {
    return this.#withMemory((alloc) => {
      const pa = this.#put(alloc, av), pb = this.#put(alloc, bv), pout = alloc(outCount);
      call(pa, pb, pout);
      return this.#f32(pout, outCount).slice();
    });
  }

  /** Sinusoidal positional encoding: a fresh Float32Array of n × dModel. */
  positionalEncoding(n, dModel) {
    checkInteger('n (the number of positions)', n, 1, LIMITS.maxTokens);
    checkInteger('dModel (the embedding width)', dModel, 1, LIMITS.maxModelWidth);
    return this.#withMemory((alloc) => {
      const p = alloc(n * dModel);
      if (this.exports.attn_positional_encoding(n, dModel, p) !== 0) throw new RangeError('Positional encoding sizes are out of range.');
      return this.#f32(p, n * dModel).slice();
    });
  }

  /**
   * The √dK experiment: samples rows of one query against n keys, entries drawn from a standard
   * normal with the given seed. Returns the spread of q·k and how peaked the softmax rows are,
   * without and with the 1/√dK factor.
   */
  scalingExperiment(options) {
    const o = checkExperimentOptions(options);
    return this.#withMemory((alloc) => {
      const p = alloc(22); // 11 doubles
      if (this.exports.attn_scaling_experiment(o.dK, o.samples, o.n, o.seed, p) !== 0) throw new RangeError('The experiment sizes are out of range.');
      const v = new Float64Array(this.exports.memory.buffer, p, 11).slice();
      return {
        dK: o.dK, samples: o.samples, n: o.n, seed: o.seed,
        dot: { mean: v[0], variance: v[1], std: Math.sqrt(v[1]) },
        scaledDot: { mean: v[2], variance: v[3], std: Math.sqrt(v[3]) },
        unscaled: { maxWeight: v[4], entropy: v[6], oneHotShare: v[8] },
        scaled: { maxWeight: v[5], entropy: v[7], oneHotShare: v[9] },
        maxEntropy: v[10],
      };
    });
  }
}

// A prepared fast-path call (engine.prepareAttention). Owns one wasm allocation holding q, k, v,
// the output and the kernel's scratch; hands out views that are never stale.
class AttentionPlan {
  #access;
  #shape;
  #base = 0;
  #generation;
  #offsets; // float offsets of q, k, v, output inside the allocation
  #views = null;

  constructor(engine, shape, workspaceFloats, access) {
    this.#access = access;
    this.#shape = shape;
    const { n, heads, dK, dV } = shape;
    const up4 = (f) => Math.ceil(f / 4) * 4; // 16-byte aligned sections
    const sizes = [n * heads * dK, n * heads * dK, n * heads * dV, n * heads * dV];
    let at = 0;
    this.#offsets = sizes.map((f) => { const o = at; at += up4(f); return o; });
    this.#offsets.push(at); // workspace
    const bytes = (at + workspaceFloats) * 4 + 16;
    const exports = access.exports();
    const raw = exports.attn_alloc(bytes);
    if (!raw) throw new RangeError(`Not enough memory for ${Math.ceil(bytes / 2 ** 20)} MiB of attention inputs; use a smaller input.`);
    this.#raw = raw;
    this.#base = Math.ceil(raw / 16) * 16;
    this.#generation = access.generation();
    this.n = n;
    this.heads = heads;
    this.dK = dK;
    this.dV = dV;
  }

  #raw = 0;

  #check() {
    if (!this.#base) throw new Error('This attention plan was disposed; call engine.prepareAttention() again.');
    if (this.#generation !== this.#access.generation()) {
      throw new Error('The engine was restarted after an internal error, so this plan\'s memory is gone; call engine.prepareAttention() again.');
    }
  }

  // The four views, re-created whenever wasm memory has grown (a grown memory has a new buffer).
  #current() {
    this.#check();
    const buffer = this.#access.exports().memory.buffer;
    if (!this.#views || this.#views.q.buffer !== buffer) {
      const { n, heads, dK, dV } = this.#shape;
      const view = (i, count) => new Float32Array(buffer, this.#base + this.#offsets[i] * 4, count);
      this.#views = { q: view(0, n * heads * dK), k: view(1, n * heads * dK), v: view(2, n * heads * dV), output: view(3, n * heads * dV) };
    }
    return this.#views;
  }

  /** Queries, n × heads·dK row-major (head h in columns h·dK … (h+1)·dK − 1): write them here. */
  get q() { return this.#current().q; }
  /** Keys, n × heads·dK row-major. */
  get k() { return this.#current().k; }
  /** Values, n × heads·dV row-major. */
  get v() { return this.#current().v; }
  /** The last run's output, n × heads·dV row-major (a view: copy it to keep it). */
  get output() { return this.#current().output; }

  /** Runs attention on the current q, k, v and returns the output view. */
  run() {
    this.#check();
    const { n, heads, dK, dV, maskKind, validKeys, scaleFactor } = this.#shape;
    const exports = this.#access.exports();
    const p = (i) => this.#base + this.#offsets[i] * 4;
    let status;
    try {
      status = exports.attn_fused_attention(p(0), p(1), p(2), p(3), n, heads, dK, dV, maskKind, validKeys, scaleFactor, p(4));
    } catch (err) {
      if (err instanceof WebAssembly.RuntimeError) this.#access.reset();
      throw err;
    }
    if (status !== 0) throw new RangeError(`The engine refused these inputs: ${STATUS_TEXT[status] ?? `status ${status}`}.`);
    return this.output;
  }

  /** Frees the plan's wasm memory. Safe to call twice. */
  dispose() {
    if (this.#base && this.#generation === this.#access.generation()) this.#access.exports().attn_free(this.#raw);
    this.#base = 0;
    this.#views = null;
  }
}
