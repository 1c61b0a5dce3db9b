// Argument checks for the engine's public API. Every message names the argument and says what
// was expected in words a learner can act on. Throws TypeError (wrong kind of thing) or
// RangeError (right kind, wrong size or value). Nothing here touches wasm memory.
//
// The order is the boundary's defence: (1) every option is read exactly once into a plain
// object (so a getter or Proxy runs here, never later); (2) sizes and the per-call memory cap
// are checked before any array is converted (an array claiming 2^32 − 1 entries is refused at
// once); (3) each matrix is copied into a fresh Float32Array that nobody else holds. Only then
// does engine.js touch wasm memory, so code that re-enters the engine mid-copy cannot corrupt a
// call.

export const LIMITS = Object.freeze({
  maxTokens: 2048,
  maxModelWidth: 1024,
  maxHeads: 64,
  maxHeadWidth: 1024,
  // Bytes of wasm memory one call may use: its inputs, intermediates and outputs together.
  maxCallBytes: 256 * 1024 * 1024,
  maxExperimentWork: 1 << 26, // dK · samples · n
});

export const MISTAKES = Object.freeze(['softmax-over-queries', 'mask-after-softmax']);

const MIB = 2 ** 20;

// Reads each named property of `o` exactly once (getters and Proxy traps run now, in order) and
// returns a plain object holding the values.
export function snapshotOptions(o, keys) {
  const copy = {};
  for (const key of keys) copy[key] = o[key];
  return copy;
}

// Refuses a call whose wasm memory (inputs + intermediates + outputs, in floats) would exceed
// LIMITS.maxCallBytes, before anything is allocated or converted.
export function checkCallFloats(what, floats, advice) {
  const bytes = floats * 4;
  if (!(bytes <= LIMITS.maxCallBytes)) {
    throw new RangeError(`${what} would need ${Math.ceil(bytes / MIB)} MiB of engine memory (limit ${LIMITS.maxCallBytes / MIB} MiB for one call): ${advice}.`);
  }
}

export function checkInteger(name, value, min, max) {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`${name} must be a whole number, but it is ${describe(value)}.`);
  }
  if (value < min || value > max) {
    const why = value < min ? `at least ${min}` : `at most ${max}`;
    throw new RangeError(`${name} must be ${why}, but it is ${value}.`);
  }
  return value;
}

function describe(value) {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 40))}`;
  if (Number.isNaN(value)) return 'NaN (not a number)';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object that is neither a typed array nor an array';
  return `a ${typeof value}`;
}

// Typed arrays are recognised and measured through the built-in getters, which run no user
// code (a Proxy or a subclass with its own `length` cannot lie to them).
const TypedArray = Object.getPrototypeOf(Float32Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArray, Symbol.toStringTag).get;
const typedArrayLength = Object.getOwnPropertyDescriptor(TypedArray, 'length').get;
const typedArraySet = TypedArray.set;
const NUMBER_ARRAYS = new Set(['Float32Array', 'Float64Array', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array']);

// A matrix argument: a Float32Array (any typed array of numbers, or a plain array of numbers)
// of exactly rows × cols finite values. The length is checked before anything is converted.
// Returns a fresh Float32Array copy that no caller holds. With allowNegInf, −Infinity entries
// (masked scores) are accepted.
export function checkMatrix(name, value, rows, cols, shapeText, { allowNegInf = false } = {}) {
  const want = rows * cols;
  const tag = typedArrayTag.call(value);
  let length;
  if (NUMBER_ARRAYS.has(tag)) {
    length = typedArrayLength.call(value);
  } else if (Array.isArray(value)) {
    length = value.length; // read once; a Proxy may answer differently next time
  } else {
    throw new TypeError(`${name} must be a Float32Array of ${shapeText} numbers, but it is ${describe(value)}.`);
  }
  if (length !== want) {
    throw new RangeError(`${name} has ${length} numbers, but its shape ${shapeText} needs ${rows} × ${cols} = ${want}.`);
  }
  const where = (i) => `${name} row ${Math.floor(i / cols) + 1}, column ${(i % cols) + 1}`;
  const arr = new Float32Array(want);
  if (tag) {
    typedArraySet.call(arr, value);
  } else {
    for (let i = 0; i < want; i++) {
      const v = value[i];
      if (typeof v !== 'number') throw new TypeError(`${where(i)} is not a number (it is ${describe(v)}).`);
      arr[i] = v;
    }
  }
  for (let i = 0; i < want; i++) {
    if (!Number.isFinite(arr[i]) && !(allowNegInf && arr[i] === -Infinity)) {
      const what = Number.isNaN(arr[i]) ? 'not a number (NaN)' : Number.isFinite(value[i]) ? `${value[i]}, too large for a 32-bit float (about ±3.4e38)` : 'infinite';
      throw new RangeError(`${where(i)} is ${what}; every entry must be a finite number.`);
    }
  }
  return arr;
}

// heads, dK and dV of one attention call (engine.attention and the fast path). dK is required
// unless dKWhenMissing is given: then dKWhenMissing(heads) supplies it when o.dK is left out.
function checkHeadSizes(o, dKWhenMissing = null) {
  const heads = checkInteger('heads', o.heads ?? 1, 1, LIMITS.maxHeads);
  const dKGiven = o.dK === undefined && dKWhenMissing ? dKWhenMissing(heads) : o.dK;
  const dK = checkInteger('dK (the query/key width per head)', dKGiven, 1, LIMITS.maxHeadWidth);
  const dV = checkInteger('dV (the value width per head)', o.dV ?? dK, 1, LIMITS.maxHeadWidth);
  return { heads, dK, dV };
}

// The mask option: 'none' (default), 'causal' or { validKeys: k } with 0 ≤ k ≤ n. Returns the
// engine's mask kind (0, 1, 2) and validKeys.
function checkMask(value, n) {
  const mask = value ?? 'none';
  if (mask === 'none') return { maskKind: 0, validKeys: 0 };
  if (mask === 'causal') return { maskKind: 1, validKeys: 0 };
  if (mask !== null && typeof mask === 'object' && !Array.isArray(mask) && 'validKeys' in mask) {
    const { validKeys } = snapshotOptions(mask, ['validKeys']);
    return { maskKind: 2, validKeys: checkInteger('mask.validKeys', validKeys, 0, n) };
  }
  throw new TypeError(`Unknown mask ${describe(mask)}: use 'none', 'causal' or { validKeys: k }.`);
}

const ATTENTION_KEYS = ['x', 'n', 'dModel', 'heads', 'dK', 'dV', 'wq', 'wk', 'wv', 'wo', 'mask', 'scale', 'mistake', 'outputOnly'];

// Normalises and checks the options of engine.attention(). Returns plain numbers and fresh
// Float32Array copies.
export function checkAttentionOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`attention() needs an options object such as { x, n, dModel, wq, wk, wv }, but got ${describe(options)}.`);
  }
  const o = snapshotOptions(options, ATTENTION_KEYS);
  const n = checkInteger('n (the number of tokens)', o.n, 1, LIMITS.maxTokens);
  const dModel = checkInteger('dModel (the embedding width)', o.dModel, 1, LIMITS.maxModelWidth);
  const { heads, dK, dV } = checkHeadSizes(o, (heads) => {
    if (dModel % heads !== 0) {
      throw new RangeError(`heads (${heads}) must divide dModel (${dModel}) evenly when dK is not given: each head gets dModel / heads columns.`);
    }
    return dModel / heads;
  });
  const hasWo = o.wo !== undefined && o.wo !== null;
  if (!hasWo && heads * dV !== dModel) {
    throw new RangeError(`Without wo the heads' outputs are the result, so heads × dV (${heads} × ${dV} = ${heads * dV}) must equal dModel (${dModel}); pass wo or change the sizes.`);
  }
  const { maskKind, validKeys } = checkMask(o.mask, n);
  const scale = o.scale ?? true;
  if (typeof scale !== 'boolean') throw new TypeError(`scale must be true or false, but it is ${describe(scale)}.`);
  const mistake = o.mistake ?? null;
  if (mistake !== null && !MISTAKES.includes(mistake)) {
    throw new TypeError(`Unknown mistake ${describe(mistake)}: use null, ${MISTAKES.map((m) => `'${m}'`).join(' or ')}.`);
  }
  const outputOnly = o.outputOnly ?? false;
  if (typeof outputOnly !== 'boolean') throw new TypeError(`outputOnly must be true or false, but it is ${describe(outputOnly)}.`);

  // The memory cap, before any matrix is converted: inputs + the workspace (src/attention.cpp).
  const hk = heads * dK, hv = heads * dV;
  const inputs = n * dModel + dModel * hk * 2 + dModel * hv + (hasWo ? hv * dModel : 0);
  const nn = n * n * (outputOnly ? 1 : heads);
  const workspace = n * hk * 2 + n * hv + nn * (outputOnly ? 1 : 4) + n * hv + n * dModel;
  checkCallFloats('This attention call', inputs + workspace, 'use fewer tokens or heads, or outputOnly: true');

  const x = checkMatrix('x', o.x, n, dModel, 'n × dModel');
  const wq = checkMatrix('wq', o.wq, dModel, hk, 'dModel × (heads·dK)');
  const wk = checkMatrix('wk', o.wk, dModel, hk, 'dModel × (heads·dK)');
  const wv = checkMatrix('wv', o.wv, dModel, hv, 'dModel × (heads·dV)');
  const wo = hasWo ? checkMatrix('wo', o.wo, hv, dModel, '(heads·dV) × dModel') : null;
  return {
    n, dModel, heads, dK, dV, x, wq, wk, wv, wo, maskKind, validKeys, scale, outputOnly,
    mistake: mistake === null ? 0 : MISTAKES.indexOf(mistake) + 1,
  };
}

const QKV_KEYS = ['n', 'heads', 'dK', 'dV', 'mask', 'scale', 'q', 'k', 'v'];

// Normalises and checks the sizes and options of the fast path (engine.prepareAttention and
// engine.attentionQKV): { n, heads, dK, dV, mask, scale }. scale: true (1/√dK), false (1) or a
// positive number used as the factor on q·k. Returns plain numbers, and `inputs`: the snapshot
// of q, k, v, still unconverted (convert them with checkQKVInputs after the memory cap).
export function checkQKVShape(options, what) {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${what}() needs an options object such as { n, heads, dK }, but got ${describe(options)}.`);
  }
  const o = snapshotOptions(options, QKV_KEYS);
  const n = checkInteger('n (the number of tokens)', o.n, 1, LIMITS.maxTokens);
  const { heads, dK, dV } = checkHeadSizes(o);
  const { maskKind, validKeys } = checkMask(o.mask, n);
  const scale = o.scale ?? true;
  if (!(typeof scale === 'boolean' || (typeof scale === 'number' && Number.isFinite(scale) && scale > 0))) {
    throw new TypeError(`scale must be true (divide by √dK), false, or a positive number, but it is ${describe(scale)}.`);
  }
  return { n, heads, dK, dV, maskKind, validKeys, scale, inputs: { q: o.q, k: o.k, v: o.v } };
}

// The fast path's q, k, v from checkQKVShape's snapshot, as fresh Float32Array copies.
export function checkQKVInputs(shape) {
  const hk = shape.heads * shape.dK, hv = shape.heads * shape.dV;
  return {
    q: checkMatrix('q', shape.inputs.q, shape.n, hk, 'n × (heads·dK)'),
    k: checkMatrix('k', shape.inputs.k, shape.n, hk, 'n × (heads·dK)'),
    v: checkMatrix('v', shape.inputs.v, shape.n, hv, 'n × (heads·dV)'),
  };
}

export function checkExperimentOptions(options, call = 'scalingExperiment') {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${call}() needs an options object such as { dK: 64 }, but got ${describe(options)}.`);
  }
  const o = snapshotOptions(options, ['dK', 'samples', 'n', 'seed']);
  const dK = checkInteger('dK', o.dK, 1, 4096);
  const samples = checkInteger('samples', o.samples ?? 200, 1, 100000);
  const n = checkInteger('n (keys per row)', o.n ?? 16, 2, LIMITS.maxTokens);
  const seed = checkInteger('seed', o.seed ?? 1, 0, 0xffffffff);
  if (dK * samples * n > LIMITS.maxExperimentWork) {
    throw new RangeError(`dK × samples × n = ${dK * samples * n} is more work than one experiment may do (${LIMITS.maxExperimentWork}); use fewer samples.`);
  }
  return { dK, samples, n, seed };
}
