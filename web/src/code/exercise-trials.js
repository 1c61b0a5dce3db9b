// The exercise's test inputs: a few seeded random problems (different n, d and causal flag) on
// which a learner's attention(x, wq, wk, wv, causal) is run. Matrices are plain arrays of rows,
// as the learner's code receives them; flat() gives the engine's row-major layout. Pure JS.

import { mulberry32 as uniform } from '../lib/seeded.js'; // seeded uniform numbers in [0, 1)

// Values on a float32 grid of 1/64 steps, so the learner's float64 maths and the engine's float32
// maths start from exactly the same numbers.
function matrix(next, rows, cols, spread) {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.round((next() * 2 - 1) * spread * 64) / 64));
}

// n, d (= d_model = d_k = d_v) and the causal flag of each trial. The causal trials come first.
export const TRIAL_SHAPES = Object.freeze([
  { n: 4, d: 4, causal: true },
  { n: 6, d: 8, causal: true },
  { n: 5, d: 16, causal: false },
  { n: 3, d: 2, causal: true },
]);

/** [{ n, d, causal, x, wq, wk, wv }] for a seed (the same seed always gives the same trials). */
export function makeTrials(seed = 1, shapes = TRIAL_SHAPES) {
  return shapes.map((s, i) => {
    const next = uniform((seed * 7919 + i * 104729) >>> 0);
    return { ...s, x: matrix(next, s.n, s.d, 1.5), wq: matrix(next, s.d, s.d, 1), wk: matrix(next, s.d, s.d, 1), wv: matrix(next, s.d, s.d, 1) };
  });
}

/** Rows → one row-major array. */
export function flat(rows) {
  return rows.flat();
}
