// summarize-matrix.js — the one-sentence text alternative shown under every matrix view, e.g.
// "3×3 softmax weights; every row sums to 1.00; strongest: 'Apple' → 'Apple' 0.50."

import { formatNumber, formatShapeCompact, quoteLabel } from '../lib/format.js';
import { isMasked } from './color.js';
import { maskedMeaning } from './cell-text.js';

function pair(spec, r, c) {
  return `${quoteLabel(spec.rowLabels?.[r], r + 1)} \u2192 ${quoteLabel(spec.colLabels?.[c], c + 1)}`;
}

/** True when every row has a finite value, no value is negative, and each row sums to ~1. */
export function rowsSumToOne(values, rows, cols, tolerance = 1e-3) {
  if (rows === 0 || cols === 0) return false;
  for (let r = 0; r < rows; r += 1) {
    let sum = 0;
    let finite = 0;
    for (let c = 0; c < cols; c += 1) {
      const v = values[r * cols + c];
      if (isMasked(v)) continue;
      if (!Number.isFinite(v) || v < 0) return false;
      sum += v;
      finite += 1;
    }
    if (finite === 0 || Math.abs(sum - 1) > tolerance) return false;
  }
  return true;
}

// The strongest cell of a matrix whose rows sum to 1, among the rows that see more than one key:
// a row with a single unmasked cell (the causal mask's first row) gives it all its weight by
// construction, which says nothing about what attention chose. → { index, forced: the rows with
// one visible key }, index −1 when no row has a choice.
function strongestChosen(values, rows, cols) {
  let index = -1;
  const forced = [];
  for (let r = 0; r < rows; r += 1) {
    let visible = 0;
    for (let c = 0; c < cols; c += 1) if (!isMasked(values[r * cols + c])) visible += 1;
    if (visible === 1) { forced.push(r); continue; }
    for (let c = 0; c < cols; c += 1) {
      const i = r * cols + c;
      if (!isMasked(values[i]) && (index < 0 || values[i] > values[index])) index = i;
    }
  }
  return { index, forced };
}

/**
 * One sentence describing a matrix spec ({ values, rows, cols, rowLabels, colLabels, stage,
 * digits, maskedAs }). Mentions row sums when they are all ~1 (then the strongest cell among the
 * rows that see more than one key, naming the rows whose single visible key takes all the weight),
 * otherwise the minimum and maximum with their cells, and the number of masked cells when there
 * are any.
 */
export function summarizeMatrix(spec) {
  const { values, rows, cols } = spec;
  const digits = spec.digits ?? 2;
  const stage = spec.stage || 'values';
  const n = rows * cols;
  const head = `${formatShapeCompact(rows, cols)} ${stage}`;
  if (!n) return `${head}: empty.`;

  let masked = 0;
  let minI = -1;
  let maxI = -1;
  for (let i = 0; i < n; i += 1) {
    const v = values[i];
    if (isMasked(v)) { masked += 1; continue; }
    if (minI < 0 || v < values[minI]) minI = i;
    if (maxI < 0 || v > values[maxI]) maxI = i;
  }
  const parts = [head];
  if (maxI < 0) {
    parts.push(`all ${n === 1 ? 'one cell is' : `${n} cells are`} masked (${maskedMeaning(spec)})`);
    return `${parts.join('; ')}.`;
  }
  const at = (i) => pair(spec, Math.floor(i / cols), i % cols);
  if (rowsSumToOne(values, rows, cols, Math.max(1e-3, 0.5 * 10 ** -digits))) {
    parts.push(`every row sums to ${formatNumber(1, digits)}`);
    const { index, forced } = strongestChosen(values, rows, cols);
    const one = formatNumber(1, digits);
    const aside = index < 0 || !forced.length ? ''
      : forced.length === 1
        ? ` (row ${quoteLabel(spec.rowLabels?.[forced[0]], forced[0] + 1)} sees one key only, so its ${one} there is forced)`
        : ` (${forced.length} rows see one key only, so their ${one} there is forced)`;
    const best = index < 0 ? maxI : index;
    parts.push(`strongest: ${at(best)} ${formatNumber(values[best], digits)}${aside}`);
  } else if (minI === maxI || values[minI] === values[maxI]) {
    parts.push(`every ${masked ? 'unmasked ' : ''}value is ${formatNumber(values[maxI], digits)}`);
  } else {
    parts.push(`from ${formatNumber(values[minI], digits)} (${at(minI)}) to `
      + `${formatNumber(values[maxI], digits)} (${at(maxI)})`);
  }
  if (masked) parts.push(`${masked} of ${n} cells masked (${maskedMeaning(spec)})`);
  return `${parts.join('; ')}.`;
}
