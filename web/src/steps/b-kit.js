// Pure bookkeeping helpers for the scenes qkv, matrix-form, scaling and sentence: repairing a matrix
// from a URL to the right size (other link values are read by scene-inputs.js), reshaping small
// matrices when a width changes, picking the top entries of a row, and sizing boxes of the shape
// diagram. No attention maths here (the engine does that) and no DOM.

// A rows × cols matrix (plain array) from whatever arrived: wrong length or non-finite / out-of-range
// entries are replaced by fill(index) (a function or a number). Returns { values, problem }.
export function fitMatrix(values, rows, cols, fill = 0, { min = -Infinity, max = Infinity, name = 'A matrix' } = {}) {
  const want = rows * cols;
  const get = typeof fill === 'function' ? fill : () => fill;
  const src = Array.isArray(values) ? values : [];
  const out = [];
  let bad = 0;
  for (let i = 0; i < want; i++) {
    const v = src[i];
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) out.push(v);
    else { out.push(get(i)); if (i < src.length) bad++; }
  }
  const parts = [];
  if (src.length !== want) parts.push(`${name} needs ${want} numbers (${rows} × ${cols}) but had ${src.length}, so the missing ones were filled in${src.length > want ? ' and the extra ones dropped' : ''}`);
  if (bad) parts.push(`${name} had ${bad} entr${bad === 1 ? 'y' : 'ies'} that ${bad === 1 ? 'was' : 'were'} not a number between ${min} and ${max}, replaced by starting values`);
  return { values: out, problem: parts.length ? `${parts.join('; ')}.` : null };
}

// Changes the column count of a row-major rows × from matrix to rows × to: extra columns get `pad`,
// removed columns are dropped.
export function resizeCols(values, rows, from, to, pad = 0) {
  const out = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < to; c++) out.push(c < from ? values[r * from + c] : pad);
  }
  return out;
}

// Resizes a square from × from matrix to to × to: the kept block stays, new rows/columns are those
// of the identity (so a new dimension passes through unchanged).
export function resizeSquare(values, from, to) {
  const out = [];
  for (let r = 0; r < to; r++) {
    for (let c = 0; c < to; c++) out.push(r < from && c < from ? values[r * from + c] : r === c ? 1 : 0);
  }
  return out;
}

// Rows for a new token list: a word that was already there keeps its (edited) row, a new word gets
// makeRow(token, index) (an array of `cols` numbers).
export function carryRows(oldTokens, oldValues, newTokens, cols, makeRow) {
  const byWord = new Map();
  oldTokens.forEach((t, i) => {
    const key = t.toLowerCase();
    if (!byWord.has(key)) byWord.set(key, oldValues.slice(i * cols, i * cols + cols));
  });
  const out = [];
  newTokens.forEach((t, i) => {
    const row = byWord.get(t.toLowerCase());
    out.push(...(row && row.length === cols ? row : makeRow(t, i)));
  });
  return out;
}

// The k largest entries of a row (ties keep the earlier index first): [{ index, value }].
export function topK(row, k) {
  return Array.from(row, (value, index) => ({ index, value }))
    .filter((e) => Number.isFinite(e.value))
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .slice(0, Math.max(0, k));
}

// The largest absolute difference between two equally long arrays (Infinity if lengths differ).
export function maxAbsDiff(a, b) {
  if (!a || !b || a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > m) m = d;
  }
  return m;
}

// The powers of two from 1 to 1024 (the d_k slider's stops) and the stop nearest to a value.
export const DK_STOPS = Array.from({ length: 11 }, (_, i) => 2 ** i);
export function nearestStop(value) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  const i = Math.max(0, Math.min(10, Math.round(Math.log2(value))));
  return DK_STOPS[i];
}

// How many samples fit a work budget (dK · samples · n), never more than asked nor fewer than 1.
export function affordableSamples(dK, n, samples, budget) {
  return Math.max(1, Math.min(samples, Math.floor(budget / (dK * n))));
}

// Pixel size of a box drawing a rows × cols matrix in the shape diagram: grows with the square
// root of each side (so 512 is visibly wider than 8 without leaving the screen), clamped.
export function boxSize(rows, cols, { min = 18, max = 140, unit = 14 } = {}) {
  const side = (k) => Math.round(Math.max(min, Math.min(max, unit * Math.sqrt(Math.max(1, k)))));
  return { width: side(cols), height: side(rows) };
}

// "a×b + c×d" for a dot product written out (numbers already formatted by the caller's fmt).
export function productTerms(a, b, fmt) {
  return Array.from(a, (v, i) => `${paren(fmt(v))}×${paren(fmt(b[i]))}`).join(' + ');
}

function paren(text) {
  return /^[−-]/.test(text) ? `(${text})` : text;
}
