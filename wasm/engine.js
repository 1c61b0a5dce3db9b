// The attention engine's public JS API: loads the SIMD or scalar WebAssembly build (same code in
// browsers and Node 20), copies inputs into wasm memory, runs the C ABI in wasm/abi.cpp, and
// returns fresh Float32Array copies. Argument checks live in validate.js. Not for drawing.
import { LIMITS, checkAttentionOptions, checkCallFloats, checkExperimentOptions, checkInteger, checkMatrix, checkQKVInputs, checkQKVShape, snapshotOptions } from './validate.js';

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

/**
 * The bytes of one wasm module, for this engine and for the training module (wasm/training.js):
 * given by the caller, inlined as base64 by the single-file page (ATTENTION_LESSON_WASM[key]),
 * or read from `file` in `base` (default: wasm/dist/ beside this file). `what` names the module
 * in the error.
 */
export async function wasmBytes({ given, inlinedKey, file, base, what }) {
  if (given) return given;
  const inlined = globalThis.ATTENTION_LESSON_WASM?.[inlinedKey];
  if (inlined) return decodeBase64(inlined);
  // (import.meta.url is empty in a classic-script bundle, such as the element's: there the caller
  // passes absolute URLs, and a relative one is read against the page)
  const url = new URL(file, base ?? (import.meta.url ? new URL('./dist/', import.meta.url) : globalThis.location?.href));
  if (isNode && url.protocol === 'file:') {
    // Node 20's global fetch cannot read file: URLs, so read the file directly.
    // (a computed specifier: a bundler building for the browser leaves this Node-only import
    // alone instead of failing to resolve it)
    const fsModule = 'node:fs/promises';
    const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ fsModule);
    return readFile(url);
  }
  let response;
  try {
    response = await fetch(url);
  } catch {
    // (the browser says only "Failed to fetch": offline, blocked, or the file is not there)
    throw new Error(`Could not download ${what} (${url.pathname.split('/').pop()}): the network request failed. The connection may be down, or the site that serves the lesson may not let this page read its files. Check the connection and reload the page.`);
  }
  if (!response.ok) throw new Error(`Could not load ${what} (${url.pathname}): HTTP ${response.status}.`);
  return response.arrayBuffer();
}

/**
 * A lazily loaded module beside the engine (the trainer, the language model): compiles each build
 * ('simd' | 'scalar') once per page and instantiates it with the same imports as the engine.
 * files: { simd, scalar } file names; key: the single-file page's inlined name prefix
 * (ATTENTION_LESSON_WASM[`${key}-simd`]); given: the option holding caller-given bytes
 * ({ simd, scalar }); what: the module's name in errors. Returns load(kind, options) → exports.
 */
export function lazyModule({ files, key, given, what }) {
  const compiled = new Map(); // kind → Promise<WebAssembly.Module>
  const compile = (kind, options) => wasmBytes({ given: options[given]?.[kind], inlinedKey: `${key}-${kind}`, file: files[kind], base: options.wasmBase, what })
    .then((b) => WebAssembly.compile(b));
  return async function load(kind, options = {}) {
    let p;
    if (options[given]) p = compile(kind, options);
    else {
      if (!compiled.has(kind)) {
        compiled.set(kind, compile(kind, options));
        compiled.get(kind).catch(() => compiled.delete(kind));
      }
      p = compiled.get(kind);
    }
    const instance = await WebAssembly.instantiate(await p, imports(what));
    instance.exports._initialize?.();
    return instance.exports;
  };
}

function loadBytes(kind, options) {
  const given = options.wasmBinary?.[kind] ?? (options.wasmBinary instanceof Uint8Array || options.wasmBinary instanceof ArrayBuffer ? options.wasmBinary : null);
  return wasmBytes({ given, inlinedKey: kind, file: FILES[kind], base: options.wasmBase, what: 'the attention engine' });
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

// What a wasm module imports: nothing the page provides (no filesystem, no clock).
function imports(what = 'the attention engine') {
  return {
    env: { emscripten_notify_memory_growth() {} },
    wasi_snapshot_preview1: {
      proc_exit(code) {
        throw new WebAssembly.RuntimeError(`${what} stopped (exit code ${code})`);
      },
    },
  };
}

async function instantiate(module) {
  const instance = await WebAssembly.instantiate(module, imports());
  instance.exports._initialize?.();
  return instance.exports;
}

/**
 * Creates an engine. options.simd: true | false | undefined (auto: SIMD when supported);
 * options.wasmBase: URL of the folder holding the .wasm files; options.wasmBinary: bytes
 * ({ simd, scalar } or one build's bytes) when the files cannot be fetched.
 * options.memoryHighWater (bytes, default 64 MiB) and options.memoryReleaseDelay (ms, default
 * 250): after a call leaves the engine's wasm memory above the high-water mark, the memory is
 * given back (a fresh instance replaces the grown one) once no call has come for that long;
 * 0 gives it back at the end of the call. Never while a prepareAttention plan is open.
 */
export async function createEngine(options = {}) {
  if (options === null || typeof options !== 'object') throw new TypeError('createEngine() takes an options object, e.g. { simd: false }.');
  if (options.simd !== undefined && typeof options.simd !== 'boolean') throw new TypeError('options.simd must be true, false or left out.');
  const memory = {
    highWater: options.memoryHighWater ?? DEFAULT_HIGH_WATER,
    delay: options.memoryReleaseDelay ?? DEFAULT_RELEASE_DELAY,
  };
  if (!(typeof memory.highWater === 'number' && memory.highWater >= 0)) throw new TypeError('options.memoryHighWater must be a number of bytes (0 or more).');
  if (!(typeof memory.delay === 'number' && memory.delay >= 0 && memory.delay <= 2 ** 31 - 1)) throw new TypeError('options.memoryReleaseDelay must be a number of milliseconds (0 or more).');
  const supported = simdSupported();
  if (options.simd === true && !supported) throw new RangeError('This JavaScript engine cannot run WebAssembly SIMD; use { simd: false }.');
  const kind = (options.simd ?? supported) ? 'simd' : 'scalar';
  const module = await compile(kind, options);
  const engine = new Engine(module, await instantiate(module), kind === 'simd', memory);
  if (engine.exports.attn_simd_build() !== (kind === 'simd' ? 1 : 0)) throw new Error(`The ${kind} engine file holds the wrong build.`);
  if (options.training) await engine.loadTraining(options);
  if (options.languageModel) await engine.loadLanguageModule(options);
  return engine;
}

const DEFAULT_HIGH_WATER = 64 * 2 ** 20;
const DEFAULT_RELEASE_DELAY = 250;

// The names C++ gives its tables (attn_name in wasm/abi.cpp): 0 status codes, 1 workspace
// sections, 2 ScalingStats fields. Read once per module; JS never mirrors them by number.
const NAME_TABLES = { status: 0, sections: 1, stats: 2 };

function readNames(exports, table) {
  const names = [];
  for (let i = 0; ; i++) {
    const ptr = exports.attn_name(table, i);
    if (!ptr) return names;
    const bytes = new Uint8Array(exports.memory.buffer, ptr);
    const end = bytes.indexOf(0);
    names.push(String.fromCharCode(...bytes.subarray(0, end)));
  }
}

// Why the engine refused a call, in words, for each status name C++ exports. A test checks
// that this table and the C++ list (src/attention.cpp status_name) have the same names.
export const STATUS_MESSAGES = Object.freeze({
  ok: '',
  bad_shape: 'a size is out of range',
  bad_mask: 'the mask does not fit the number of tokens',
  bad_mistake: 'unknown mistake',
  no_output_projection: 'without wo, heads × dV must equal dModel',
  null_pointer: 'a required matrix is missing',
  non_finite_input: 'x or a weight matrix holds NaN or ±Infinity',
  projection_overflow: 'the inputs are finite, but multiplying x by the weight matrices overflowed the range of 32-bit floats (about ±3.4e38), so Q, K or V holds ±Infinity; scale x or the weight matrices down',
  scores_overflow: 'Q and K are finite, but some dot product q·k overflowed the range of 32-bit floats (about ±3.4e38), so no weights can be computed; scale x or the weight matrices down',
  output_overflow: 'the weights are fine, but the weighted sum of the values (or the output projection wo) overflowed the range of 32-bit floats (about ±3.4e38); scale x, wv or wo down',
});

// The workspace sections engine.attention reads, and the ScalingStats fields it reports.
const SECTIONS = ['q', 'k', 'v', 'scores', 'scaled', 'masked', 'weights', 'concat', 'output'];
const STATS_FIELDS = ['dot_mean', 'dot_var', 'scaled_mean', 'scaled_var', 'raw_max_weight', 'scaled_max_weight', 'raw_entropy', 'scaled_entropy', 'raw_one_hot', 'scaled_one_hot', 'max_entropy'];

class Engine {
  #generation = 0; // bumped when the instance is replaced: older plans' memory is gone
  #busy = false; // inside a call's wasm phase (inputs already snapshotted)
  #memory;
  #openPlans = 0;
  #releaseTimer = null;
  #plans;

  constructor(module, exports, simd, memory) {
    this.module = module;
    this.exports = exports;
    /** true when the SIMD128 build is running, false for the scalar build */
    this.simd = simd;
    this.limits = LIMITS;
    this.#memory = memory;
    const status = readNames(exports, NAME_TABLES.status);
    const sections = readNames(exports, NAME_TABLES.sections);
    const stats = readNames(exports, NAME_TABLES.stats);
    const missing = [
      ...status.filter((s) => !(s in STATUS_MESSAGES)),
      ...SECTIONS.filter((s) => !sections.includes(s)),
      ...STATS_FIELDS.filter((s) => !stats.includes(s)),
    ];
    if (missing.length) throw new Error(`The engine file does not match engine.js (unknown or missing names: ${missing.join(', ')}); rebuild with npm run build.`);
    /** Status codes by name, as C++ numbers them: { ok: 0, bad_shape: 1, … } */
    this.status = Object.freeze(Object.fromEntries(status.map((name, code) => [name, code])));
    this.#names = { status, sections, stats };
    this.#statsOffsets = stats.map((_, i) => exports.attn_scaling_stats_offset(i));
    this.#statsBytes = exports.attn_scaling_stats_bytes();
    this.#plans = typeof FinalizationRegistry === 'function'
      ? new FinalizationRegistry((held) => this.#planClosed(held.generation, held.raw))
      : null;
  }

  /** Loads the trainer module (wasm/training.js); afterwards trainingTasks and createTrainer work. Idempotent. */
  loadTraining(options = {}) {
    this.trainingLoaded ??= import('./training.js').then((m) => m.attachTraining(this, options))
      .catch((err) => { this.trainingLoaded = null; throw err; });
    return this.trainingLoaded;
  }

  createTrainer() { throw new Error('The trainer is not loaded yet: call `await engine.loadTraining()` first (or createEngine({ training: true })).'); }

  /** The score-gradient experiment runs the trainer's backward pass: throws until loadTraining() has finished. */
  scoreGradient() { throw new Error('The gradient experiment runs in the training module, which is not loaded yet: call `await engine.loadTraining()` first (or createEngine({ training: true })).'); }

  /**
   * Loads the small language model's own wasm module (wasm/language-model.js); afterwards
   * loadLanguageModel(bytes) works. Idempotent; independent of loadTraining().
   */
  loadLanguageModule(options = {}) {
    this.languageModuleLoaded ??= import('./language-model.js').then((m) => m.attachLanguageModel(this, options))
      .catch((err) => { this.languageModuleLoaded = null; throw err; });
    return this.languageModuleLoaded;
  }

  /** The small language model runs in its own module: throws until loadLanguageModule() has finished. */
  loadLanguageModel() { throw new Error('The language model runs in its own wasm module, which is not loaded yet: call `await engine.loadLanguageModule()` first (or createEngine({ languageModel: true })).'); }

  #names;
  #statsOffsets;
  #statsBytes;

  /** The names C++ exports: { status, sections, stats } (arrays, in C++'s order). */
  get names() {
    return this.#names;
  }

  /** Bytes of wasm memory the engine holds right now. */
  get memoryBytes() {
    return this.exports.memory.buffer.byteLength;
  }

  /**
   * Gives wasm memory back now: replaces the instance by a fresh one (the old memory is then
   * garbage). Returns false, and does nothing, while a prepareAttention plan is open.
   */
  releaseMemory() {
    clearTimeout(this.#releaseTimer);
    this.#releaseTimer = null;
    if (this.#openPlans > 0 || this.#busy) return false;
    this.#reset();
    return true;
  }

  // After a call: give grown memory back at once or after the idle delay (see createEngine).
  #afterCall() {
    if (this.memoryBytes <= this.#memory.highWater || this.#openPlans > 0) return;
    if (this.#memory.delay === 0) { this.releaseMemory(); return; }
    clearTimeout(this.#releaseTimer);
    this.#releaseTimer = setTimeout(() => {
      this.#releaseTimer = null;
      if (this.memoryBytes > this.#memory.highWater) this.releaseMemory();
    }, this.#memory.delay);
    this.#releaseTimer.unref?.(); // never keeps Node alive
  }

  // Throws the refusal for a non-ok status code, in words.
  #refuse(code, what = 'The engine') {
    const name = this.#names.status[code];
    if (name === 'ok') return;
    const why = STATUS_MESSAGES[name] ?? `status ${code}`;
    throw new RangeError(`${what} refused these inputs: ${why}.`);
  }

  // Runs fn(alloc) with wasm allocations that are all freed afterwards. Called only after the
  // inputs are checked and copied, so no user code runs inside. If the module traps, it is
  // replaced by a fresh instance so that the next call works.
  #withMemory(fn) {
    if (this.#busy) throw new Error('The attention engine was called again while it was running a call; make the calls one after another.');
    this.#busy = true;
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
      this.#busy = false;
      this.#afterCall();
    }
  }

  #reset() {
    this.#generation++;
    this.#openPlans = 0; // every plan of the old instance is gone with it
    const instance = new WebAssembly.Instance(this.module, imports());
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
   * Returns { heads: [{ q, k, v, scores, scaled, masked, weights, output }], concat, output,
   * sqrtDK, scaleFactor }, all arrays fresh Float32Array copies (or { concat, output, sqrtDK,
   * scaleFactor } with outputOnly: true). scaleFactor is what the scores were multiplied by
   * (1/√dK, or 1 with scale: false), as the engine computed it in 32-bit floats.
   */
  attention(options) {
    const o = checkAttentionOptions(options);
    return this.#withMemory((alloc) => {
      const keep = o.outputOnly ? 0 : 1;
      const floats = this.exports.attn_workspace_floats(o.n, o.dModel, o.heads, o.dK, o.dV, keep);
      if (floats < 0) throw new RangeError('These sizes are outside the engine limits.');
      const playout = alloc(2 * this.#names.sections.length);
      this.#refuse(this.exports.attn_workspace_layout(o.n, o.dModel, o.heads, o.dK, o.dV, keep, playout));
      const px = this.#put(alloc, o.x), pq = this.#put(alloc, o.wq), pk = this.#put(alloc, o.wk), pv = this.#put(alloc, o.wv);
      const po = o.wo ? this.#put(alloc, o.wo) : 0;
      const ws = alloc(floats);
      const status = this.exports.attn_forward(px, pq, pk, pv, po, o.n, o.dModel, o.heads, o.dK, o.dV,
        o.maskKind, o.validKeys, o.scale ? 1 : 0, o.mistake, keep, ws);
      this.#refuse(status);
      const raw = new Uint32Array(this.exports.memory.buffer, playout, 2 * this.#names.sections.length);
      const layout = Object.fromEntries(this.#names.sections.map((name, i) => [name, { ptr: ws + raw[2 * i] * 4, floats: raw[2 * i + 1] }]));
      return {
        ...this.#readResult(layout, o),
        sqrtDK: this.exports.attn_sqrt_d_k(o.dK),
        scaleFactor: this.exports.attn_score_scale(o.dK, o.scale ? 1 : 0),
      };
    });
  }

  // Copies the workspace sections (named and placed by C++: attn_workspace_layout) into fresh
  // arrays, splitting each section per head.
  #readResult(layout, o) {
    const { n, heads } = o;
    const whole = (name) => this.#f32(layout[name].ptr, layout[name].floats).slice();
    const concat = whole('concat'), output = whole('output');
    if (o.outputOnly) return { concat, output };
    // Sections of n rows that hold every head side by side (q, k, v, concat): head h's columns.
    const columns = (name, h) => {
      const { ptr, floats } = layout[name];
      const width = floats / n, w = width / heads;
      const all = this.#f32(ptr, floats), out = new Float32Array(n * w);
      for (let i = 0; i < n; i++) out.set(all.subarray(i * width + h * w, i * width + h * w + w), i * w);
      return out;
    };
    // Sections of one n × n block per head, one after another (scores … weights).
    const block = (name, h) => {
      const { ptr, floats } = layout[name];
      const per = floats / heads;
      return this.#f32(ptr + h * per * 4, per).slice();
    };
    const headsOut = [];
    for (let h = 0; h < heads; h++) {
      headsOut.push({
        q: columns('q', h), k: columns('k', h), v: columns('v', h),
        scores: block('scores', h), scaled: block('scaled', h), masked: block('masked', h), weights: block('weights', h),
        output: columns('concat', h),
      });
    }
    return { heads: headsOut, concat, output };
  }

  /**
   * The factor attention multiplies q·k by, from the engine: { sqrtDK: √dK, factor: 1/√dK }
   * (factor 1 with scale = false). 32-bit floats, exactly what the kernels use.
   */
  scoreScale(dK, scale = true) {
    checkInteger('dK', dK, 1, LIMITS.maxHeadWidth);
    if (typeof scale !== 'boolean') throw new TypeError(`scale must be true or false, but it is ${typeof scale}.`);
    return { sqrtDK: this.exports.attn_sqrt_d_k(dK), factor: this.exports.attn_score_scale(dK, scale ? 1 : 0) };
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
   * While a plan is open the engine never gives memory back (see createEngine).
   */
  prepareAttention(options) {
    const o = this.#fusedShape(options, 'prepareAttention');
    return new AttentionPlan(o, this.#planAccess);
  }

  // A fast-path shape with its scale factor (from C++) and memory checked against the cap.
  #fusedShape(options, what) {
    const o = checkQKVShape(options, what);
    const ws = this.exports.attn_fused_workspace_floats(o.n, o.heads, o.dK, o.dV);
    if (ws < 0) throw new RangeError('These sizes are outside the engine limits.');
    const scaleFactor = o.scale === true ? this.exports.attn_score_scale(o.dK, 1) : o.scale === false ? 1 : o.scale;
    checkCallFloats(`This ${what} call`, o.n * o.heads * (2 * o.dK + 2 * o.dV) + ws + 16, 'use fewer tokens or heads');
    return { ...o, scaleFactor, workspaceFloats: ws };
  }

  // A plan was disposed or collected: count it closed (if it belongs to this instance) and
  // free its memory.
  #planClosed(generation, raw) {
    if (generation !== this.#generation) return;
    this.exports.attn_free(raw);
    this.#openPlans = Math.max(0, this.#openPlans - 1);
  }

  // What a plan needs from its engine: the current exports, the instance generation, the
  // reset that replaces a trapped instance, and closing.
  #planAccess = {
    exports: () => this.exports,
    generation: () => this.#generation,
    reset: () => this.#reset(),
    refuse: (status) => this.#refuse(status),
    open: (plan, raw) => {
      this.#openPlans++;
      this.#plans?.register(plan, { generation: this.#generation, raw }, plan);
    },
    close: (plan, generation, raw) => {
      this.#plans?.unregister(plan);
      this.#planClosed(generation, raw);
    },
  };

  /**
   * One-shot fast path: like prepareAttention(options) with q, k, v given (Float32Arrays or
   * arrays of n × heads·dK, n × heads·dK, n × heads·dV finite numbers). Returns a fresh
   * Float32Array of n × heads·dV. For repeated calls, prepareAttention avoids the copies.
   */
  attentionQKV(options) {
    const o = this.#fusedShape(options, 'attentionQKV');
    const { q, k, v } = checkQKVInputs(o);
    const hv = o.heads * o.dV;
    return this.#withMemory((alloc) => {
      const pq = this.#put(alloc, q), pk = this.#put(alloc, k), pv = this.#put(alloc, v);
      const pout = alloc(o.n * hv), pws = alloc(o.workspaceFloats);
      this.#refuse(this.exports.attn_fused_attention(pq, pk, pv, pout, o.n, o.heads, o.dK, o.dV, o.maskKind, o.validKeys, o.scaleFactor, pws));
      const out = this.#f32(pout, o.n * hv).slice();
      if (!out.every(Number.isFinite)) {
        throw new RangeError('q, k and v are finite, but the result overflowed the range of 32-bit floats (about ±3.4e38): some q·k times the scale, or the weighted sum of v, is too large; scale q, k or v down.');
      }
      return out;
    });
  }

  // The axis option of the softmax calls: 'rows' (default) or 'columns'.
  #axis(options, what) {
    if (options === undefined) return { axis: 'rows', scale: 1 };
    if (options === null || typeof options !== 'object') throw new TypeError(`${what}'s options must be an object such as { axis: 'rows' }.`);
    const { axis = 'rows', scale = 1 } = snapshotOptions(options, ['axis', 'scale']);
    if (axis !== 'rows' && axis !== 'columns') throw new TypeError(`axis must be 'rows' or 'columns', but it is ${JSON.stringify(axis) ?? typeof axis}.`);
    if (typeof scale !== 'number' || !Number.isFinite(scale)) throw new TypeError(`scale must be a finite number, but it is ${String(scale)}.`);
    return { axis, scale };
  }

  /**
   * Softmax of a (rows × cols) row-major matrix, along each row (axis 'rows', the attention
   * default) or each column ('columns'). A row of only −Infinity gives zeros.
   */
  softmax(values, rows, cols, options) {
    checkInteger('rows', rows, 1, 1 << 16);
    checkInteger('cols', cols, 1, 1 << 16);
    const { axis } = this.#axis(options, 'softmax');
    checkCallFloats('This softmax', rows * cols * 2, 'use a smaller matrix');
    const v = checkMatrix('values', values, rows, cols, 'rows × cols', { allowNegInf: true });
    return this.#withMemory((alloc) => {
      const pin = this.#put(alloc, v), pout = alloc(rows * cols);
      this.#refuse(this.exports.attn_softmax(pin, pout, rows, cols, axis === 'rows' ? 0 : 1), 'softmax');
      return this.#f32(pout, rows * cols).slice();
    });
  }

  /**
   * The softmax with every step the engine took, for a page that shows them. options: { axis:
   * 'rows' | 'columns' (default 'rows'), scale: a factor applied first (default 1) }. Returns
   * fresh Float32Arrays: `scaled` = values × scale (rows × cols); then per line (a row, or a
   * column with axis 'columns'): `maxima` (one per line: the line's largest scaled value, −∞
   * when all are −∞), `exponentials` (rows × cols): e^(scaled − line maximum), the exponentials
   * AFTER subtracting the line's maximum, so each is in [0, 1] and the largest is exactly 1
   * (0 for −∞); `sums` (one per line): the sum of the line's exponentials; and `weights`
   * (rows × cols) = exponentials / sums (zeros for a line of only −∞).
   */
  softmaxParts(values, rows, cols, options) {
    checkInteger('rows', rows, 1, 1 << 16);
    checkInteger('cols', cols, 1, 1 << 16);
    const { axis, scale } = this.#axis(options, 'softmaxParts');
    const lines = axis === 'rows' ? rows : cols;
    checkCallFloats('This softmax', rows * cols * 4 + lines * 2, 'use a smaller matrix');
    const v = checkMatrix('values', values, rows, cols, 'rows × cols', { allowNegInf: true });
    return this.#withMemory((alloc) => {
      const pin = this.#put(alloc, v), count = rows * cols;
      const pscaled = alloc(count), pout = alloc(count), pexp = alloc(count), pmax = alloc(lines), psum = alloc(lines);
      this.#refuse(this.exports.attn_softmax_parts(pin, pscaled, pout, pmax, pexp, psum, rows, cols, axis === 'rows' ? 0 : 1, scale), 'softmaxParts');
      return {
        axis, scale,
        scaled: this.#f32(pscaled, count).slice(),
        maxima: this.#f32(pmax, lines).slice(),
        exponentials: this.#f32(pexp, count).slice(),
        sums: this.#f32(psum, lines).slice(),
        weights: this.#f32(pout, count).slice(),
      };
    });
  }

  /** values × factor (any length, finite numbers; the attention's scale pass on its own). */
  scale(values, factor) {
    if (typeof factor !== 'number' || !Number.isFinite(factor)) throw new TypeError(`factor must be a finite number, but it is ${String(factor)}.`);
    const count = lengthOf('values', values);
    checkInteger('the number of values', count, 1, 1 << 26);
    checkCallFloats('This scale call', count * 2, 'use fewer values');
    const v = checkMatrix('values', values, 1, count, '1 × count', { allowNegInf: true });
    return this.#withMemory((alloc) => {
      const pin = this.#put(alloc, v), pout = alloc(count);
      this.#refuse(this.exports.attn_scale(pin, pout, count, factor), 'scale');
      return this.#f32(pout, count).slice();
    });
  }

  /** Every row of a (nA × d) against every row of b (nB × d): an nA × nB matrix of dot products. */
  dotProducts(a, b, nA, nB, d) {
    checkInteger('nA', nA, 1, 1 << 14);
    checkInteger('nB', nB, 1, 1 << 14);
    checkInteger('d', d, 1, 1 << 14);
    checkCallFloats('These dot products', nA * d + nB * d + nA * nB, 'use fewer rows');
    const av = checkMatrix('a', a, nA, d, 'nA × d'), bv = checkMatrix('b', b, nB, d, 'nB × d');
    return this.#twoInputs(av, bv, nA * nB, (pa, pb, pout) => this.exports.attn_dot_products(pa, pb, nA, nB, d, pout));
  }

  /**
   * The dot product read as similarity, for n vectors x (n × d): { dots (n × n, as dotProducts
   * gives them), lengths (n: |x_i| = √(x_i·x_i)), cosines (n × n: x_i·x_j / (|x_i| |x_j|)),
   * degrees (n × n: the angle, 0 … 180) }, fresh Float32Arrays. A vector of length 0 (below 1e-9)
   * has no direction: its cosines and angles are NaN.
   */
  dotProductParts(x, n, d) {
    checkInteger('n (the number of vectors)', n, 1, 1 << 14);
    checkInteger('d (the vector length)', d, 1, 1 << 14);
    checkCallFloats('These dot products', n * d + 3 * n * n + n, 'use fewer vectors');
    const xv = checkMatrix('x', x, n, d, 'n × d');
    return this.#withMemory((alloc) => {
      const px = this.#put(alloc, xv), count = n * n;
      const pdots = alloc(count), plen = alloc(n), pcos = alloc(count), pdeg = alloc(count);
      this.#refuse(this.exports.attn_dot_product_parts(px, n, d, pdots, plen, pcos, pdeg), 'dotProductParts');
      return {
        dots: this.#f32(pdots, count).slice(),
        lengths: this.#f32(plen, n).slice(),
        cosines: this.#f32(pcos, count).slice(),
        degrees: this.#f32(pdeg, count).slice(),
      };
    });
  }

  /** Matrix product a (n × m) · b (m × p) → n × p, computed by Eigen in the engine. */
  matmul(a, b, n, m, p) {
    checkInteger('n', n, 1, 1 << 14);
    checkInteger('m', m, 1, 1 << 14);
    checkInteger('p', p, 1, 1 << 14);
    checkCallFloats('This matrix product', n * m + m * p + n * p, 'use smaller matrices');
    const av = checkMatrix('a', a, n, m, 'n × m'), bv = checkMatrix('b', b, m, p, 'm × p');
    return this.#twoInputs(av, bv, n * p, (pa, pb, pout) => this.exports.attn_matmul(pa, pb, n, m, p, pout));
  }

  // Copies two checked inputs into wasm memory, runs `call(pa, pb, pout)`, returns a copy of the
  // `outCount` floats it wrote.
  #twoInputs(av, bv, outCount, call) {
    return this.#withMemory((alloc) => {
      const pa = this.#put(alloc, av), pb = this.#put(alloc, bv), pout = alloc(outCount);
      this.#refuse(call(pa, pb, pout));
      return this.#f32(pout, outCount).slice();
    });
  }

  /** Sinusoidal positional encoding: a fresh Float32Array of n × dModel. */
  positionalEncoding(n, dModel) {
    checkInteger('n (the number of positions)', n, 1, LIMITS.maxTokens);
    checkInteger('dModel (the embedding width)', dModel, 1, LIMITS.maxModelWidth);
    return this.#withMemory((alloc) => {
      const p = alloc(n * dModel);
      this.#refuse(this.exports.attn_positional_encoding(n, dModel, p), 'Positional encoding');
      return this.#f32(p, n * dModel).slice();
    });
  }

  /** x + the sinusoidal positional encoding (x: n × dModel): a fresh Float32Array of n × dModel. */
  addPositionalEncoding(x, n, dModel) {
    checkInteger('n (the number of positions)', n, 1, LIMITS.maxTokens);
    checkInteger('dModel (the embedding width)', dModel, 1, LIMITS.maxModelWidth);
    const xv = checkMatrix('x', x, n, dModel, 'n × dModel');
    return this.#withMemory((alloc) => {
      const px = this.#put(alloc, xv), pout = alloc(n * dModel);
      this.#refuse(this.exports.attn_add_positional_encoding(px, n, dModel, pout), 'Adding the positional encoding');
      return this.#f32(pout, n * dModel).slice();
    });
  }

  /**
   * The √dK experiment: samples rows of one query against n keys, entries drawn from a standard
   * normal with the given seed. Returns the spread of q·k and how peaked the softmax rows are,
   * without and with the 1/√dK factor (itself in sqrtDK and scaleFactor). The numbers are read
   * from C++'s ScalingStats by field name (attn_name table 2 and attn_scaling_stats_offset).
   */
  scalingExperiment(options) {
    const o = checkExperimentOptions(options);
    return this.#withMemory((alloc) => {
      const p = alloc(Math.ceil(this.#statsBytes / 4));
      this.#refuse(this.exports.attn_scaling_experiment(o.dK, o.samples, o.n, o.seed, p), 'The experiment');
      const view = new DataView(this.exports.memory.buffer, p, this.#statsBytes);
      const f = Object.fromEntries(this.#names.stats.map((name, i) => [name, view.getFloat64(this.#statsOffsets[i], true)]));
      return {
        dK: o.dK, samples: o.samples, n: o.n, seed: o.seed,
        sqrtDK: this.exports.attn_sqrt_d_k(o.dK), scaleFactor: this.exports.attn_score_scale(o.dK, 1),
        dot: { mean: f.dot_mean, variance: f.dot_var, std: Math.sqrt(f.dot_var) },
        scaledDot: { mean: f.scaled_mean, variance: f.scaled_var, std: Math.sqrt(f.scaled_var) },
        unscaled: { maxWeight: f.raw_max_weight, entropy: f.raw_entropy, oneHotShare: f.raw_one_hot },
        scaled: { maxWeight: f.scaled_max_weight, entropy: f.scaled_entropy, oneHotShare: f.scaled_one_hot },
        maxEntropy: f.max_entropy,
      };
    });
  }
}

// The length of an array argument without converting it (typed arrays through the built-in
// getter). Throws a TypeError for anything else.
function lengthOf(name, value) {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return value.length;
  if (Array.isArray(value)) return value.length;
  throw new TypeError(`${name} must be a Float32Array or an array of numbers.`);
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

  constructor(shape, access) {
    const workspaceFloats = shape.workspaceFloats;
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
    access.open(this, raw);
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
    this.#access.refuse(status);
    return this.output;
  }

  /** Frees the plan's wasm memory. Safe to call twice. */
  dispose() {
    if (this.#base) this.#access.close(this, this.#generation, this.#raw);
    this.#base = 0;
    this.#views = null;
  }
}
