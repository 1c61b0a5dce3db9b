// cell-text.js — the plain-text sentences a matrix cell reads out (hover/focus readout, grid
// cells for screen readers): "query 'cat' → key 'sat': 0.41" or the masked explanation.

import { formatNumber, quoteLabel, NEG_INF } from '../lib/format.js';
import { isMasked } from './color.js';

export const MASKED_TEXT = `masked (${NEG_INF}): this key is hidden from this query`;

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
  return isMasked(v) ? MASKED_TEXT : formatNumber(v, spec.digits ?? 2);
}

/** Full readout for a cell: "query 'cat' → key 'sat': 0.41". */
export function describeCell(spec, r, c) {
  return `${rowHeaderText(spec, r)} \u2192 ${colHeaderText(spec, c)}: ${cellValueText(spec, r, c)}`;
}
