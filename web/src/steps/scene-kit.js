// Small helpers shared by the scenes: number formatting for sentences, and a labelled control row.
// Scenes import their drawing components from ../views/; this file holds only what several
// scenes repeat.
import { formatNumber } from '../views/format.js';
import { domFor } from '../views/dom.js';

// A number for running text: fixed digits, a real minus sign, −∞ for masked entries.
// Whole numbers print without decimals ("3", not "3.00"), so exact integers read as exact.
export function fmt(value, digits = 2) {
  return formatNumber(value, Number.isInteger(value) ? 0 : digits);
}

// The indices of the largest entry of each row of a (rows, cols) row-major matrix.
export function rowArgmax(values, rows, cols) {
  const out = [];
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let j = 1; j < cols; j++) if (values[i * cols + j] > values[i * cols + best]) best = j;
    out.push(best);
  }
  return out;
}

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

// Rounds to `digits` decimals for storing a dragged or typed coordinate without float noise.
export function roundTo(value, digits = 2) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// A display formula (build-time KaTeX HTML from ctx.formulas, never user text). It scrolls
// sideways on narrow screens, so it is a focusable, labelled region for keyboard users.
export function formulaBox(host, html, label = 'Formula') {
  const { el } = domFor(host);
  const box = el('div', { class: 'al-formula', tabindex: '0', role: 'region', 'aria-label': label });
  box.innerHTML = html;
  return box;
}
