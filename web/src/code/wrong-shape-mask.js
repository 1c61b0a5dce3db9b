// The fourth classic bug, for the mistake lab: a padding mask of the wrong shape. The sentence gets
// some [pad] tokens; the right mask is one row of key flags, shape (1, n), broadcast down every
// query; the wrong one is the same flags as a column, shape (n, 1), broadcast across every key,
// so it blanks the pad *queries* and lets every real query still weigh the pad *keys*. Every
// weight comes from the engine: the right one with { validKeys }, the wrong one row by row from
// the engine's unmasked rows (real queries) and its all-hidden rows (pad queries). Pure JS.
import { embed, layerWeights } from '../model/toy-model.js';
import { formatNumber } from '../lib/format.js';

export const PAD = '[pad]';
export const D_MODEL = 8;

/**
 * wrongShapeModel(engine, tokens, pads) → { tokens (with pads), n, k, right, wrong (n×n),
 *   leak (per real query: weight on pad keys, wrong mask), rightLeak, blanked (pad rows summing to 0),
 *   sentences: string[] }
 */
export function wrongShapeModel(engine, words, pads) {
  const tokens = [...words, ...Array.from({ length: pads }, () => PAD)];
  const n = tokens.length, k = words.length;
  const w = layerWeights(D_MODEL, 1);
  const x = embed(tokens, D_MODEL);
  const run = (mask) => engine.attention({ x, n, dModel: D_MODEL, wq: w.wq, wk: w.wk, wv: w.wv, mask }).heads[0].weights;
  const right = run({ validKeys: k });
  const open = run('none');
  const hidden = run({ validKeys: 0 });
  const wrong = new Float32Array(n * n);
  for (let i = 0; i < n; i++) wrong.set((i < k ? open : hidden).subarray(i * n, (i + 1) * n), i * n);
  const padWeight = (m, i) => { let s = 0; for (let j = k; j < n; j++) s += m[i * n + j]; return s; };
  const leak = Array.from({ length: k }, (_, i) => padWeight(wrong, i));
  const rightLeak = Array.from({ length: k }, (_, i) => padWeight(right, i));
  const blanked = [];
  for (let i = k; i < n; i++) { let s = 0; for (let j = 0; j < n; j++) s += wrong[i * n + j]; if (s === 0) blanked.push(i); }
  const worst = leak.reduce((b, v, i) => (v > leak[b] ? i : b), 0);
  const f = (v) => formatNumber(v, 2);
  const sentences = [
    `Right shape (1, ${n}): one row of flags, one per key, copied down all ${n} queries. Every query gives the ${pads} pad key${pads > 1 ? 's' : ''} exactly ${f(Math.max(...rightLeak))} and shares its attention among the ${k} real tokens.`,
    `Wrong shape (${n}, 1): the same flags as a column, copied across all ${n} keys. Now it is the pad queries that are hidden: their ${blanked.length} row${blanked.length === 1 ? ' is' : 's are'} all −∞ (our engine gives them weight 0; PyTorch gives NaN).`,
    `And nothing stops the real queries from looking at the padding: ‘${tokens[worst]}’ puts ${f(leak[worst])} of its attention on pad tokens, and the real rows leak ${f(leak.reduce((a, b) => a + b, 0))} in total.`,
    'Both masks broadcast without an error, which is why this bug survives: the shapes (1, n) and (n, 1) both stretch to (n, n). Only the numbers show which axis was hidden.',
  ];
  return { tokens, n, k, right, wrong, leak, rightLeak, blanked, sentences };
}
