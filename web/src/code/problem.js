// One attention computation as the code generators see it: the scene's inputs (the same options
// the engine was called with) plus the engine's own results, which the generated programs print
// and assert as the expected answer. Checks shapes and says what is wrong in words; no DOM.

const MISTAKES = [null, 'softmax-over-queries', 'mask-after-softmax'];

/**
 * problemFrom(options, result, meta) → a plain, frozen description.
 *   options: what engine.attention() got ({ x, n, dModel, heads, dK, dV, wq, wk, wv, wo, mask, scale, mistake })
 *   result:  what it returned ({ heads: [{ weights }], output })
 *   meta:    { title, tokens } (tokens label the rows in comments; optional)
 */
export function problemFrom(options, result, meta = {}) {
  const n = options.n, dModel = options.dModel, heads = options.heads ?? 1;
  const dK = options.dK ?? dModel / heads, dV = options.dV ?? dK;
  for (const [name, v] of [['n', n], ['dModel', dModel], ['heads', heads], ['dK', dK], ['dV', dV]]) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a whole number of at least 1 (got ${v}).`);
  }
  const size = (name, values, want) => {
    if (!values || values.length !== want) throw new RangeError(`${name} has ${values ? values.length : 'no'} numbers; ${want} were expected.`);
    return Float32Array.from(values);
  };
  const x = size('x', options.x, n * dModel);
  const wq = size('wq', options.wq, dModel * heads * dK);
  const wk = size('wk', options.wk, dModel * heads * dK);
  const wv = size('wv', options.wv, dModel * heads * dV);
  const wo = options.wo ? size('wo', options.wo, heads * dV * dModel) : null;
  const mask = normaliseMask(options.mask ?? 'none', n);
  const mistake = options.mistake ?? null;
  if (!MISTAKES.includes(mistake)) throw new RangeError(`Unknown mistake "${mistake}".`);
  const scale = options.scale === undefined ? true : options.scale;
  if (typeof scale !== 'boolean') throw new TypeError('scale must be true or false for the generated code.');
  if (!result || !Array.isArray(result.heads) || result.heads.length !== heads) throw new RangeError('The engine result does not match the number of heads.');
  const outCols = wo ? dModel : heads * dV;
  const weights = result.heads.map((h, i) => size(`head ${i + 1} weights`, h.weights, n * n));
  const output = size('output', result.output, n * outCols);
  const tokens = Array.isArray(meta.tokens) && meta.tokens.length === n ? meta.tokens.map(String) : null;
  return Object.freeze({
    title: meta.title ? String(meta.title) : 'Self-attention',
    n, dModel, heads, dK, dV, x, wq, wk, wv, wo, mask, scale, mistake, tokens,
    outCols, expected: Object.freeze({ weights, output }),
  });
}

function normaliseMask(mask, n) {
  if (mask === 'none' || mask === 'causal') return mask;
  if (mask && typeof mask === 'object' && Number.isInteger(mask.validKeys)) {
    if (mask.validKeys < 0 || mask.validKeys > n) throw new RangeError(`validKeys must be from 0 to ${n}.`);
    return { validKeys: mask.validKeys };
  }
  throw new RangeError(`Unknown mask ${JSON.stringify(mask)}: use 'none', 'causal' or { validKeys: k }.`);
}

/** True when the program computes correct attention (no bug switched on). */
export function isCorrect(p) {
  return p.scale && p.mistake === null;
}

/** One line of English for comments: what is hidden from whom. */
export function maskSentence(p) {
  if (p.mask === 'none') return 'no mask: every query sees every key';
  if (p.mask === 'causal') return 'causal mask: query i sees keys 0 … i only';
  return `padding mask: keys ${p.mask.validKeys} … ${p.n - 1} are hidden from every query`;
}
