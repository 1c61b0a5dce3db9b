// permutation.js — seeded token shuffles for the positions step, and putting matrices computed on
// a shuffled input back into the original order (so the two can be compared entry by entry).
// Pure; reads engine results, computes no attention.
import { mulberry32 } from './seeded.js';

// A seeded shuffle of 0..n−1. Seed 0 is the original order; any other seed gives an order that
// differs from it whenever n ≥ 2 (an unlucky identity draw is rotated by one).
export function seededPermutation(n, seed) {
  const perm = Array.from({ length: n }, (_, i) => i);
  if (!seed || n < 2) return perm;
  const next = mulberry32(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  if (perm.every((p, i) => p === i)) perm.push(perm.shift());
  return perm;
}

// A seeded shuffle of a sentence's words that reads differently from the original whenever some
// order does: swapping two copies of one word ("the … the") changes nothing a learner can see, so
// such a draw is rotated until the words differ. All words the same ("the the"): no order reads
// differently, and the identity is returned with same = true. → { perm, same }
export function seededWordOrder(tokens, seed) {
  const n = tokens.length;
  let perm = seededPermutation(n, seed);
  if (!seed || n < 2) return { perm, same: false };
  const reads = (p) => p.some((k, i) => tokens[k] !== tokens[i]);
  for (let r = 0; r < n && !reads(perm); r++) perm = [...perm.slice(1), perm[0]];
  if (reads(perm)) return { perm, same: false };
  return { perm: Array.from({ length: n }, (_, i) => i), same: true };
}

// Row i of the shuffled input is row perm[i] of the original. Puts an n×n matrix computed on the
// shuffled input back into the original order: out[perm[a]][perm[b]] = shuffled[a][b].
export function unpermuteSquare(shuffled, n, perm) {
  const out = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) out[perm[a] * n + perm[b]] = shuffled[a * n + b];
  return out;
}

// Same for the rows of an (n, width) matrix: out[perm[a]] = shuffled[a].
export function unpermuteRows(shuffled, n, width, perm) {
  const out = new Float64Array(n * width);
  for (let a = 0; a < n; a++) for (let c = 0; c < width; c++) out[perm[a] * width + c] = shuffled[a * width + c];
  return out;
}
