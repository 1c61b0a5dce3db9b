// heatmap-layout.js — pure layout maths for the heatmap canvas: cell size from the available
// width, label font size, horizontal or vertical column labels, which labels fit (every n-th
// when cells are tiny), truncated label texts, whether values fit in cells, and hit testing.

import { displayLabel, truncateToWidth } from '../lib/format.js';

export const AXIS_BAND = 18; // px band for the axis titles ("key →", "query ↓")
export const PAD = 4; // room for outlines drawn around the outermost cells

const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
// Label room grows in steps of 8 px, so a word typed one letter longer rarely resizes the drawing
// (which would move everything below it on the page, and every heatmap of the sentence at once).
export const ROOM_STEP = 8;
const roomFor = (v) => Math.ceil(v / ROOM_STEP) * ROOM_STEP;
// With `keep` (the label room of the drawing on screen, same shape and label font), a room that
// would shrink by one step keeps its size: a letter typed and deleted again, across a step, would
// otherwise resize the drawing and move the page below it at every key (measured at 64 tokens ×
// 8 heads: every table below was repainted, about 16 ms of paint per change, against 2 ms when the
// drawing keeps its size).
const kept = (need, keepRoom) => (keepRoom !== undefined && keepRoom >= need && keepRoom - need <= ROOM_STEP ? keepRoom : need);

/**
 * @param {object} o
 * @param {number} o.width available CSS width
 * @param {number} o.rows
 * @param {number} o.cols
 * @param {string[]} o.rowLabels
 * @param {string[]} o.colLabels
 * @param {(text:string, fontPx:number)=>number} o.measure text width in CSS px
 * @param {string} [o.valueSample] the widest value text that would be printed in a cell
 * @param {number} [o.maxCell] largest cell size
 * @param {{ rowLabelWidth: number, colLabelHeight: number, labelFont: number } | null} [o.keep]
 *   the label room of the drawing on screen (see `kept`); used only when the label font is the same
 */
export function computeHeatmapLayout({
  width, rows, cols, rowLabels = [], colLabels = [], measure, valueSample = '0.00',
  maxCell = 60, baseFont = 13, minFont = 7, keep = null,
}) {
  const avail = Math.max(140, Math.floor(width) || 0);
  const rowTexts = Array.from({ length: rows }, (_, r) => displayLabel(rowLabels[r], r + 1));
  const colTexts = Array.from({ length: cols }, (_, c) => displayLabel(colLabels[c], c + 1));
  const widest = (texts, f) => texts.reduce((m, t) => Math.max(m, measure(t, f)), 0);

  const rowLabelWidthFor = (f) => Math.round(clamp(roomFor(widest(rowTexts, f) + 10), 24, Math.min(120, avail * 0.3)));
  const cellFor = (rlw) => Math.floor(Math.min(maxCell, (avail - AXIS_BAND - rlw - PAD * 2) / Math.max(1, cols)));

  let labelFont = baseFont;
  let rowLabelWidth = rowLabelWidthFor(labelFont);
  let cell = cellFor(rowLabelWidth);
  if (cell < 22) {
    labelFont = clamp(Math.floor(cell * 0.8), minFont, 12);
    rowLabelWidth = rowLabelWidthFor(labelFont);
    cell = cellFor(rowLabelWidth);
  }
  if (keep && keep.labelFont === labelFont) {
    const held = kept(rowLabelWidth, keep.rowLabelWidth);
    if (held !== rowLabelWidth) { rowLabelWidth = held; cell = cellFor(rowLabelWidth); }
  }
  cell = Math.max(2, cell);

  const step = Math.max(1, Math.ceil((labelFont + 2) / cell));
  const maxColW = widest(colTexts, labelFont);
  const horizontal = maxColW + 6 <= cell || cell >= 48;
  const colLabelHeight = horizontal
    ? labelFont + 10
    : kept(Math.round(clamp(roomFor(maxColW + 10), labelFont + 10, 90)), keep && keep.labelFont === labelFont ? keep.colLabelHeight : undefined);

  const rowMax = rowLabelWidth - 8;
  const colMax = horizontal ? cell - 4 : colLabelHeight - 8;
  const m = (t) => measure(t, labelFont);
  const rowLabelTexts = rowTexts.map((t, r) => (r % step === 0 ? truncateToWidth(t, rowMax, m) : ''));
  const colStep = horizontal ? 1 : step;
  const colLabelTexts = colTexts.map((t, c) => (c % colStep === 0 ? truncateToWidth(t, colMax, m) : ''));

  let valueFont = clamp(Math.round(cell * 0.28), 9, 14);
  while (valueFont > 9 && measure(valueSample, valueFont) + 6 > cell) valueFont -= 1;
  const showValues = cell >= valueFont + 6 && measure(valueSample, valueFont) + 6 <= cell;

  const x0 = PAD + AXIS_BAND + rowLabelWidth;
  const y0 = PAD + AXIS_BAND + colLabelHeight;
  return {
    cell,
    gap: cell >= 14 ? 1 : 0,
    x0,
    y0,
    cssWidth: x0 + cols * cell + PAD,
    cssHeight: y0 + rows * cell + PAD,
    labelFont,
    rowLabelWidth,
    colLabelMode: horizontal ? 'horizontal' : 'vertical',
    colLabelHeight,
    rowLabelStep: step,
    colLabelStep: colStep,
    rowLabelTexts,
    colLabelTexts,
    showValues,
    valueFont,
    rows,
    cols,
  };
}

/** The cell under a point in CSS px relative to the canvas, or null. */
export function hitTest(layout, x, y) {
  const col = Math.floor((x - layout.x0) / layout.cell);
  const row = Math.floor((y - layout.y0) / layout.cell);
  if (x < layout.x0 || y < layout.y0 || row >= layout.rows || col >= layout.cols) return null;
  return { row, col };
}
