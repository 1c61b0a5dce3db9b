// The small language model's JS API over its own wasm module's lm_* exports (wasm/lm_abi.cpp,
// attention-lm-simd.wasm / attention-lm-scalar.wasm, the same kind as the engine): load a weights
// file, tokenize, read every head's attention map and the next-word prediction for a sentence.
// The way in is `await engine.loadLanguageModule()` (wasm/engine.js), which fetches the module and
// attaches engine.loadLanguageModel(bytes). The file itself is checked by C++
// (src/lm/weights_file), whose message becomes the Error's text. Not for drawing, not for training.
import { BOUNDARY, UNKNOWN, createTokenizer } from './language-model-tokenizer.js';
import { lazyModule } from './engine.js';

// The module's bytes: given by the caller ({ lmWasmBinary: { simd, scalar } }), inlined by the
// single-file page (ATTENTION_LESSON_WASM['lm-simd']), or fetched beside the engine's files.
const loadModule = lazyModule({ files: { simd: 'attention-lm-simd.wasm', scalar: 'attention-lm-scalar.wasm' },
  key: 'lm', given: 'lmWasmBinary', what: 'the language model' });

/**
 * Loads the language model's module for `engine` (same SIMD kind; one instance per engine holds
 * every model it loads) and attaches engine.loadLanguageModel(bytes). Called by
 * engine.loadLanguageModule().
 */
export async function attachLanguageModel(engine, options = {}) {
  const kind = engine.simd ? 'simd' : 'scalar';
  const exports = await loadModule(kind, options);
  if (exports.lm_simd_build() !== (kind === 'simd' ? 1 : 0)) throw new Error(`The ${kind} language model file holds the wrong build.`);
  /**
   * The bytes of a weights file (web/assets/lm/model.bin) → { config, vocabulary, tokenize,
   * attend, predictNext, sequenceLoss, dispose }. A damaged file throws an Error that says what
   * is wrong.
   */
  engine.loadLanguageModel = (bytes) => loadLanguageModel(exports, bytes);
  engine.languageModelModule = Object.freeze({ x: exports }); // the instance, for tests that watch its memory
  return engine;
}

const MAX_FILE_BYTES = 64 * 2 ** 20; // kMaxWeightsBytes in src/lm/weights_file.hpp
const CONFIG_FIELDS = ['vocab', 'dModel', 'layers', 'heads', 'dFF', 'context', 'preNorm'];
function asBytes(bytes) {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  throw new TypeError('loadLanguageModel(bytes) needs the weights file as a Uint8Array or an ArrayBuffer.');
}

function readCString(memory, ptr) {
  const heap = new Uint8Array(memory.buffer);
  let end = ptr;
  while (heap[end] !== 0) end++;
  return new TextDecoder().decode(heap.subarray(ptr, end));
}

/**
 * Loads a language model into a wasm instance that holds the lm_* exports.
 * exports: the instance's exports (lm_alloc, lm_load, …, memory).
 * Returns { config, vocabulary, tokenize, attend, predictNext, sequenceLoss, dispose }.
 */
export function loadLanguageModel(exports, bytes) {
  const file = asBytes(bytes);
  const ex = exports;
  // Too large: C++ refuses it (and words the message) without the bytes ever being copied in,
  // so a huge file never grows wasm memory for good.
  if (file.length > MAX_FILE_BYTES) {
    ex.lm_load(0, Math.min(file.length, 2 ** 32 - 1));
    throw new Error(readCString(ex.memory, ex.lm_last_error()));
  }
  const ptr = ex.lm_alloc(Math.max(1, file.length));
  if (!ptr) throw new RangeError(`Not enough memory to read a ${file.length}-byte weights file.`);
  let handle;
  try {
    new Uint8Array(ex.memory.buffer, ptr, file.length).set(file);
    handle = ex.lm_load(ptr, file.length);
  } finally {
    ex.lm_free(ptr);
  }
  if (!handle) throw new Error(readCString(ex.memory, ex.lm_last_error()));

  const config = {};
  CONFIG_FIELDS.forEach((name, i) => { config[name] = ex.lm_info(handle, i); });
  config.preNorm = config.preNorm === 1;
  config.dK = config.dModel / config.heads;
  config.parameters = ex.lm_info(handle, 9);
  config.fileBytes = file.length;

  let vocabulary;
  try {
    const start = ex.lm_info(handle, 7);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(start, start + ex.lm_info(handle, 8)));
    vocabulary = Object.freeze(text.split('\n'));
    var tokenizer = createTokenizer(vocabulary); // eslint-disable-line no-var
  } catch (err) {
    ex.lm_dispose(handle);
    throw new Error(`The weights file's vocabulary is unusable: ${err.message}`);
  }
  Object.freeze(config);
  let disposed = false;

  const alive = () => {
    if (disposed) throw new Error('This language model was disposed; load it again to use it.');
  };
  // text → the token objects the model reads: <s> first, then the words (at most context − 1).
  const read = (text) => {
    const words = tokenizer.tokenize(text);
    if (words.length > config.context - 1) {
      throw new RangeError(`The model reads at most ${config.context - 1} words at a time; this text has ${words.length}. Use a shorter sentence.`);
    }
    return [{ text: BOUNDARY, id: tokenizer.boundaryId, known: true }, ...words];
  };
  const run = (tokens) => {
    const ids = new Int32Array(ex.memory.buffer, ex.lm_tokens(handle), config.context);
    tokens.forEach((t, i) => { ids[i] = t.id; });
    const status = ex.lm_run(handle, tokens.length);
    if (status === 4) throw new RangeError('The language model\'s numbers overflowed on this text: its weights are too large to compute with, so this weights file cannot be used. Load the lesson\'s own model.bin.');
    if (status !== 0) throw new Error(`The language model could not run (status ${status}).`);
  };
  // Probabilities of the next token after the last position, as a fresh Float64Array.
  const nextDistribution = (n) => {
    const logits = new Float32Array(ex.memory.buffer, ex.lm_logits(handle) + (n - 1) * config.vocab * 4, config.vocab);
    let max = -Infinity;
    for (const z of logits) if (z > max) max = z;
    const p = new Float64Array(config.vocab);
    let sum = 0;
    for (let i = 0; i < p.length; i++) { p[i] = Math.exp(logits[i] - max); sum += p[i]; }
    for (let i = 0; i < p.length; i++) p[i] /= sum;
    return p;
  };

  const checkK = (k) => {
    if (!Number.isInteger(k) || k < 1 || k > config.vocab) throw new RangeError(`k must be a whole number from 1 to ${config.vocab}.`);
  };
  // The k most likely tokens of a distribution p, most likely first.
  const topTokens = (p, k) => {
    const top = [];
    for (let i = 0; i < p.length; i++) {
      if (top.length < k || p[i] > top[top.length - 1].probability) {
        top.push({ token: vocabulary[i], probability: p[i] });
        top.sort((a, b) => b.probability - a.probability);
        if (top.length > k) top.pop();
      }
    }
    return top;
  };

  return {
    config,
    vocabulary,
    /** text → [{ text, id, known }] for the words (no boundary token); unknown words get <unk>'s id. */
    tokenize(text) {
      alive();
      return tokenizer.tokenize(text);
    },
    /**
     * text → { tokens, layers }: tokens are what the model reads (<s> first), layers[l][h] is
     * head h's n × n row-major weights (row = query, causal: zero right of the diagonal).
     */
    attend(text) {
      alive();
      const tokens = read(text);
      run(tokens);
      const n = tokens.length;
      const layers = [];
      for (let l = 0; l < config.layers; l++) {
        const all = new Float32Array(ex.memory.buffer, ex.lm_attention(handle, l), config.heads * n * n);
        layers.push(Array.from({ length: config.heads }, (_, h) => all.slice(h * n * n, (h + 1) * n * n)));
      }
      return { tokens, layers };
    },
    /** text → the k most likely next tokens [{ token, probability }], most likely first. */
    predictNext(text, k = 5) {
      alive();
      checkK(k);
      const tokens = read(text);
      run(tokens);
      return topTokens(nextDistribution(tokens.length), k);
    },
    /**
     * text → { tokens, stages, next }: every named activation of the forward pass, for drawing the
     * block. stages: [{ key, layer, values }] in the order the model computes them (token,
     * position, embedded, then per layer norm1, attention, add1, norm2, feed_forward, add2 for a
     * pre-norm model, then final_norm; names and order come from C++, src/lm/stages.hpp); layer is
     * 1-based, null for once-per-pass stages; values: n × dModel row-major, a fresh copy.
     * next[i]: the k most likely tokens after position i (what the model predicts there).
     */
    activations(text, k = 5) {
      alive();
      checkK(k);
      const tokens = read(text);
      run(tokens);
      const n = tokens.length;
      const d = config.dModel;
      const order = Array.from({ length: ex.lm_stage_count(handle) }, (_, i) => ex.lm_stage_at(handle, i));
      const layered = order.map((st) => ex.lm_stage_layered(st) === 1);
      const first = layered.indexOf(true);
      const last = layered.lastIndexOf(true);
      const stages = [];
      const take = (stage, layer) => {
        const ptr = ex.lm_stage(handle, stage, layer ?? 0);
        if (!ptr) throw new Error(`The language model has no activation ${stage} in layer ${layer}.`);
        stages.push({ key: readCString(ex.memory, ex.lm_stage_name_of(stage)), layer: layer === null ? null : layer + 1, values: new Float32Array(ex.memory.buffer, ptr, n * d).slice() });
      };
      order.slice(0, first).forEach((st) => take(st, null));
      for (let l = 0; l < config.layers; l++) order.slice(first, last + 1).forEach((st) => take(st, l));
      order.slice(last + 1).forEach((st) => take(st, null));
      const next = Array.from({ length: n }, (_, i) => topTokens(nextDistribution(i + 1), k));
      return { tokens, stages, next };
    },
    /**
     * The model's loss on one sentence exactly as the trainer measures it: predict every word and
     * then the closing <s>, cut to the context. → { predictions, nats } (natural-log loss, summed).
     */
    sequenceLoss(text) {
      alive();
      const words = tokenizer.tokenize(text);
      const ids = [tokenizer.boundaryId, ...words.map((w) => w.id), tokenizer.boundaryId];
      const n = Math.min(ids.length - 1, config.context);
      run(ids.slice(0, n).map((id) => ({ id })));
      new Int32Array(ex.memory.buffer, ex.lm_targets(handle), config.context).set(ids.slice(1, n + 1));
      const nats = ex.lm_loss(handle);
      if (nats < 0) throw new Error('The language model could not score this text.');
      return { predictions: n, nats };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      ex.lm_dispose(handle);
    },
  };
}

export { BOUNDARY, UNKNOWN };
