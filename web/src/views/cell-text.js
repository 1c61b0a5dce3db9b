// cell-text.js — the plain-text sentences a matrix cell reads out (hover/focus readout, grid
// cells for screen readers): "query 'cat' → key 'sat': 0.41" or the masked explanation; and what a
// masked cell shows, for every part of a matrix view (canvas, table, legend, summary).

import { formatNumber, quoteLabel, NEG_INF } from '../lib/format.js';
import { isMasked } from './color.js';

export const MASKED_TEXT = `masked (${NEG_INF}): this key is hidden from this query`;

// A masked cell marks a key hidden from its query. In a matrix of scores it stands for −∞ (the
// default); with spec.maskedAs === 'weight' the matrix is softmax weights, where a hidden key's
// weight is 0, and the cell says so (the values still carry −∞ or NaN to mark which cells).

/** The mark printed in a masked cell: "−∞", or the weight "0.00". */
export function maskedMark(spec) {
  return spec.maskedAs === 'weight' ? formatNumber(0, spec.digits ?? 2) : NEG_INF;
}

/** The masked cells' meaning in a few words, for the legend and the summary: "−∞" or "weight 0". */
export function maskedMeaning(spec) {
  return spec.maskedAs === 'weight' ? 'weight 0' : NEG_INF;
}

/** "query 'cat'" — the header text of row r. */
export function rowHeaderText(spec, r) {
  const title = spec.rowAxisTitle ?? 'query';
  return `${title} ${quoteLabel(spec.rowLabels?.[r], r + 1)}`;
}

/** "key 'sat'" — the header text of column c. */
export function colHeaderText(spec, c) {
  const title = spec.colAxisTitle ?? 'key';
  return `${title} ${quoteLabel(spec.colLabels?.[c], c + 1)}`;
}

/** The value of cell (r, c) as read out: "0.41" or the masked sentence. */
export function cellValueText(spec, r, c) {
  const v = spec.values[r * spec.cols + c];
  if (!isMasked(v)) return formatNumber(v, spec.digits ?? 2);
  return spec.maskedAs === 'weight' ? `masked: this key is hidden from this query, so its weight is ${maskedMark(spec)}` : MASKED_TEXT;
}

/** Full readout for a cell: "query 'cat' → key 'sat': 0.41". */
export function describeCell(spec, r, c) {
  return `${rowHeaderText(spec, r)} \u2192 ${colHeaderText(spec, c)}: ${cellValueText(spec, r, c)}`;
}
