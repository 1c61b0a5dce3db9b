// matrix.js — bookkeeping over row-major matrices the engine produced, shared by every scene and
// model: row sums, column sums, row maxima, entries above the diagonal, the largest difference
// between two matrices, the top entries of a row, and reshaping small input matrices (from a link
// or when a width changes). Reads and rearranges numbers; computes no attention (the engine does).

// Sum of each row of a (rows, cols) row-major matrix.
export function rowSums(values, rows, cols) {
  const out = [];
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += values[i * cols + j];
    out.push(s);
  }
  return out;
}

// Sum of each column of a (rows, cols) row-major matrix.
export function colSums(values, rows, cols) {
  const out = new Array(cols).fill(0);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j] += values[i * cols + j];
  return out;
}

// The largest entry of each row and its column (the first one on ties): [{ value, col }].
export function rowMax(values, rows, cols) {
  const out = [];
  for (let i = 0; i < rows; i++) {
    let col = 0;
    for (let j = 1; j < cols; j++) if (values[i * cols + j] > values[i * cols + col]) col = j;
    out.push({ value: values[i * cols + col], col });
  }
  return out;
}

// The column of the largest entry of each row (the first one on ties).
export function rowArgmax(values, rows, cols) {
  return rowMax(values, rows, cols).map((m) => m.col);
}

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

// A copy of an n×n matrix of weights with −∞ wherever the key comes after its query: the mark a
// heatmap given maskedAs: 'weight' draws hatched and reads as weight 0 (the causal mask's cells).
export function markLaterKeys(values, n) {
  const out = Float32Array.from(values);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out[i * n + j] = -Infinity;
  return out;
}

// How many entries of row `row` are not exactly 0.
export function nonZeroInRow(values, row, cols) {
  let count = 0;
  for (let j = 0; j < cols; j++) if (values[row * cols + j] !== 0) count++;
  return count;
}

// The largest |a − b| over two equally long arrays. Infinity when either is missing, the lengths
// differ, or any pair is not comparable (a NaN on either side, or ∞ − ∞): "not the same" is never
// hidden by a NaN. Two equal infinities (two −∞ masked entries) count as equal (difference 0).
export function maxAbsDiff(a, b) {
  if (!a || !b || a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    const d = Math.abs(a[i] - b[i]);
    if (Number.isNaN(d)) return Infinity;
    if (d > m) m = d;
  }
  return m;
}

// The k largest finite entries of a row (ties keep the earlier index first): [{ index, value }].
export function topK(row, k) {
  return Array.from(row, (value, index) => ({ index, value }))
    .filter((e) => Number.isFinite(e.value))
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .slice(0, Math.max(0, k));
}

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
