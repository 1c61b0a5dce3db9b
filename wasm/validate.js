// Argument checks for the engine's public API. Every message names the argument and says what
// was expected in words a learner can act on. Throws TypeError (wrong kind of thing) or
// RangeError (right kind, wrong size or value). Nothing here touches wasm memory.

export const LIMITS = Object.freeze({
  maxTokens: 2048,
  maxModelWidth: 1024,
  maxHeads: 64,
  maxHeadWidth: 1024,
  // Bytes of intermediates one call may keep (q, k, v, four n×n stages per head, outputs).
  maxWorkspaceBytes: 1024 * 1024 * 1024,
  maxExperimentWork: 1 << 26, // dK · samples · n
});

export const MISTAKES = Object.freeze(['softmax-over-queries', 'mask-after-softmax']);

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
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

// A matrix argument: a Float32Array (or a plain array of numbers) of exactly rows × cols finite
// values. Returns a Float32Array (the same one when it already is one).
// With allowNegInf, −Infinity entries (masked scores) are accepted.
export function checkMatrix(name, value, rows, cols, shapeText, { allowNegInf = false } = {}) {
  let arr = value;
  if (Array.isArray(value)) {
    arr = Float32Array.from(value, (v) => (typeof v === 'number' ? v : NaN));
  } else if (!(value instanceof Float32Array)) {
    throw new TypeError(`${name} must be a Float32Array of ${shapeText} numbers, but it is ${describe(value)}.`);
  }
  const want = rows * cols;
  if (arr.length !== want) {
    throw new RangeError(`${name} has ${arr.length} numbers, but its shape ${shapeText} needs ${rows} × ${cols} = ${want}.`);
  }
  for (let i = 0; i < arr.length; i++) {
    if (!Number.isFinite(arr[i]) && !(allowNegInf && arr[i] === -Infinity)) {
      const what = Number.isNaN(arr[i]) ? 'not a number (NaN)' : 'infinite';
      throw new RangeError(`${name} row ${Math.floor(i / cols) + 1}, column ${(i % cols) + 1} is ${what}; every entry must be a finite number.`);
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
    return { maskKind: 2, validKeys: checkInteger('mask.validKeys', mask.validKeys, 0, n) };
  }
  throw new TypeError(`Unknown mask ${describe(mask)}: use 'none', 'causal' or { validKeys: k }.`);
}

// Normalises and checks the options of engine.attention(). Returns plain numbers and arrays.
export function checkAttentionOptions(o) {
  if (o === null || typeof o !== 'object') {
    throw new TypeError(`attention() needs an options object such as { x, n, dModel, wq, wk, wv }, but got ${describe(o)}.`);
  }
  const n = checkInteger('n (the number of tokens)', o.n, 1, LIMITS.maxTokens);
  const dModel = checkInteger('dModel (the embedding width)', o.dModel, 1, LIMITS.maxModelWidth);
  const { heads, dK, dV } = checkHeadSizes(o, (heads) => {
    if (dModel % heads !== 0) {
      throw new RangeError(`heads (${heads}) must divide dModel (${dModel}) evenly when dK is not given: each head gets dModel / heads columns.`);
    }
    return dModel / heads;
  });

  const x = checkMatrix('x', o.x, n, dModel, 'n × dModel');
  const wq = checkMatrix('wq', o.wq, dModel, heads * dK, 'dModel × (heads·dK)');
  const wk = checkMatrix('wk', o.wk, dModel, heads * dK, 'dModel × (heads·dK)');
  const wv = checkMatrix('wv', o.wv, dModel, heads * dV, 'dModel × (heads·dV)');
  let wo = null;
  if (o.wo !== undefined && o.wo !== null) {
    wo = checkMatrix('wo', o.wo, heads * dV, dModel, '(heads·dV) × dModel');
  } else if (heads * dV !== dModel) {
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

  const nn = n * n * (outputOnly ? 1 : heads);
  const floats = n * heads * dK * 2 + n * heads * dV + nn * (outputOnly ? 1 : 4) + n * heads * dV + n * dModel;
  if (floats * 4 > LIMITS.maxWorkspaceBytes) {
    throw new RangeError(`This call would need ${Math.ceil((floats * 4) / 2 ** 20)} MiB for its intermediates (limit ${LIMITS.maxWorkspaceBytes / 2 ** 20} MiB): use fewer tokens or heads, or outputOnly: true.`);
  }
  return {
    n, dModel, heads, dK, dV, x, wq, wk, wv, wo, maskKind, validKeys, scale, outputOnly,
    mistake: mistake === null ? 0 : MISTAKES.indexOf(mistake) + 1,
  };
}

// Normalises and checks the sizes and options of the fast path (engine.prepareAttention and
// engine.attentionQKV): { n, heads, dK, dV, mask, scale }. scale: true (1/√dK), false (1) or a
// positive number used as the factor on q·k. Returns plain numbers.
export function checkQKVShape(o, what) {
  if (o === null || typeof o !== 'object') {
    throw new TypeError(`${what}() needs an options object such as { n, heads, dK }, but got ${describe(o)}.`);
  }
  const n = checkInteger('n (the number of tokens)', o.n, 1, LIMITS.maxTokens);
  const { heads, dK, dV } = checkHeadSizes(o);
  const { maskKind, validKeys } = checkMask(o.mask, n);
  const scale = o.scale ?? true;
  let scaleFactor;
  if (scale === true) scaleFactor = 1 / Math.sqrt(dK);
  else if (scale === false) scaleFactor = 1;
  else if (typeof scale === 'number' && Number.isFinite(scale) && scale > 0) scaleFactor = scale;
  else throw new TypeError(`scale must be true (divide by √dK), false, or a positive number, but it is ${describe(scale)}.`);
  const floats = n * heads * (2 * dK + 2 * dV);
  if (floats * 4 > LIMITS.maxWorkspaceBytes) {
    throw new RangeError(`q, k, v and the output would need ${Math.ceil((floats * 4) / 2 ** 20)} MiB (limit ${LIMITS.maxWorkspaceBytes / 2 ** 20} MiB): use fewer tokens or heads.`);
  }
  return { n, heads, dK, dV, maskKind, validKeys, scaleFactor };
}

export function checkExperimentOptions(o) {
  if (o === null || typeof o !== 'object') {
    throw new TypeError(`scalingExperiment() needs an options object such as { dK: 64 }, but got ${describe(o)}.`);
  }
  const dK = checkInteger('dK', o.dK, 1, 4096);
  const samples = checkInteger('samples', o.samples ?? 200, 1, 100000);
  const n = checkInteger('n (keys per row)', o.n ?? 16, 2, LIMITS.maxTokens);
  const seed = checkInteger('seed', o.seed ?? 1, 0, 0xffffffff);
  if (dK * samples * n > LIMITS.maxExperimentWork) {
    throw new RangeError(`dK × samples × n = ${dK * samples * n} is more work than one experiment may do (${LIMITS.maxExperimentWork}); use fewer samples.`);
  }
  return { dK, samples, n, seed };
}
