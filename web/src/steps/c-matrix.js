// Bookkeeping over engine results for steps 11–14: scanning a weight matrix (entries above the
// diagonal, column sums, row maxima, non-zero counts), seeded permutations and comparing a
// shuffled matrix with the original. Reads numbers the engine produced; computes no attention.
import { rng } from '../model/toy-model.js';

// Entries strictly above the diagonal of an n×n matrix: how many, how many are exactly 0, their
// sum and their largest value.
export function aboveDiagonal(values, n) {
  let total = 0, zeros = 0, sum = 0, max = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = values[i * n + j];
      total++;
      if (v === 0) zeros++;
      sum += v;
      if (v > max) max = v;
    }
  }
  return { total, zeros, sum, max };
}

// Sum of each column of a (rows, cols) row-major matrix.
export function colSums(values, rows, cols) {
  const out = new Array(cols).fill(0);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j] += values[i * cols + j];
  return out;
}

// The largest entry of each row and its column: [{ value, col }].
export function rowMax(values, rows, cols) {
  const out = [];
  for (let i = 0; i < rows; i++) {
    let col = 0;
    for (let j = 1; j < cols; j++) if (values[i * cols + j] > values[i * cols + col]) col = j;
    out.push({ value: values[i * cols + col], col });
  }
  return out;
}

// How many entries of row `row` are not exactly 0.
export function nonZeroInRow(values, row, cols) {
  let count = 0;
  for (let j = 0; j < cols; j++) if (values[row * cols + j] !== 0) count++;
  return count;
}

// A seeded shuffle of 0..n−1. Seed 0 is the original order; any other seed gives an order that
// differs from it whenever n ≥ 2 (an unlucky identity draw is rotated by one).
export function seededPermutation(n, seed) {
  const perm = Array.from({ length: n }, (_, i) => i);
  if (!seed || n < 2) return perm;
  const next = rng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  if (perm.every((p, i) => p === i)) perm.push(perm.shift());
  return perm;
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

// Largest |a − b| over two equally long arrays (Infinity when the lengths differ).
export function maxAbsDiff(a, b) {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > m || Number.isNaN(d)) m = Number.isNaN(d) ? Infinity : d;
  }
  return m;
}

const SUPER = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

// A difference for running text: "0" when exactly zero, "6.0 × 10⁻⁸" when tiny, else 3 decimals.
export function formatDiff(d) {
  if (d === 0) return '0';
  if (!Number.isFinite(d)) return 'not comparable';
  if (d < 0.001) {
    const [mant, exp] = d.toExponential(1).split('e');
    return `${mant} × 10${String(Number(exp)).split('').map((c) => SUPER[c]).join('')}`;
  }
  return d.toFixed(3);
}
