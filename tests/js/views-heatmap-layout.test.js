// views-heatmap-layout.test.js — layout maths of the heatmap canvas (sizes, label modes,
// truncation, which labels and values are drawn, hit testing) with a fake text measure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeHeatmapLayout, hitTest, AXIS_BAND, PAD, ROOM_STEP } from '../../web/src/views/heatmap-layout.js';

const measure = (text, px) => Array.from(String(text)).length * px * 0.6; // monospace-ish
const toks = (n, f = (i) => `t${i}`) => Array.from({ length: n }, (_, i) => f(i));

test('a 3×3 matrix on a desktop: large cells, horizontal labels, values printed', () => {
  const L = computeHeatmapLayout({ width: 1000, rows: 3, cols: 3, rowLabels: ['Apple', 'ate', 'apple'], colLabels: ['Apple', 'ate', 'apple'], measure });
  assert.equal(L.cell, 60);
  assert.equal(L.colLabelMode, 'horizontal');
  assert.equal(L.showValues, true);
  assert.deepEqual(L.rowLabelTexts, ['Apple', 'ate', 'apple']);
  assert.equal(L.x0, PAD + AXIS_BAND + L.rowLabelWidth);
  assert.equal(L.cssWidth, L.x0 + 3 * 60 + PAD);
  assert.equal(L.cssHeight, L.y0 + 3 * 60 + PAD);
});

test('the drawing never exceeds the available width (360 px phone, 1 to 64 tokens)', () => {
  for (const n of [1, 2, 3, 6, 12, 24, 64]) {
    const L = computeHeatmapLayout({ width: 336, rows: n, cols: n, rowLabels: toks(n), colLabels: toks(n), measure });
    assert.ok(L.cssWidth <= 336, `n=${n}: ${L.cssWidth}`);
    assert.ok(L.cell >= 2);
  }
});

test('64×64 on a phone: tiny cells, no printed values, every n-th label, vertical column labels', () => {
  const L = computeHeatmapLayout({ width: 336, rows: 64, cols: 64, rowLabels: toks(64), colLabels: toks(64), measure, valueSample: '0.00' });
  assert.ok(L.cell < 8);
  assert.equal(L.showValues, false);
  assert.equal(L.colLabelMode, 'vertical');
  assert.ok(L.rowLabelStep > 1);
  assert.ok(L.labelFont >= 7);
  assert.equal(L.rowLabelTexts[0], 't0');
  assert.equal(L.rowLabelTexts[1], '');
  assert.equal(L.rowLabelTexts.filter(Boolean).length, Math.ceil(64 / L.rowLabelStep));
});

test('long labels are truncated with an ellipsis to their space', () => {
  const long = 'antidisestablishmentarianism';
  const L = computeHeatmapLayout({ width: 400, rows: 2, cols: 4, rowLabels: [long, 'x'], colLabels: ['supercalifragilistic', 'b', 'c', 'd'], measure });
  assert.ok(L.rowLabelTexts[0].endsWith('…'));
  assert.ok(measure(L.rowLabelTexts[0], L.labelFont) <= L.rowLabelWidth - 8);
  assert.equal(L.rowLabelTexts[1], 'x');
  assert.ok(L.colLabelTexts[0].endsWith('…'));
  assert.equal(L.colLabelTexts[1], 'b');
});

test('empty and blank labels get placeholders, missing labels get positions', () => {
  const L = computeHeatmapLayout({ width: 800, rows: 3, cols: 1, rowLabels: ['', ' '], colLabels: [], measure });
  assert.deepEqual(L.rowLabelTexts, ['(empty)', '(space)', '3']);
  assert.deepEqual(L.colLabelTexts, ['1']);
});

test('values are only printed when the widest value fits', () => {
  const base = { width: 360, rows: 6, cols: 6, rowLabels: toks(6), colLabels: toks(6), measure };
  const short = computeHeatmapLayout({ ...base, valueSample: '0.5' });
  const wide = computeHeatmapLayout({ ...base, valueSample: '−12345.67' });
  assert.equal(short.showValues, true);
  assert.equal(wide.showValues, false);
});

test('hitTest maps points to cells and outside points to null', () => {
  const L = computeHeatmapLayout({ width: 1000, rows: 3, cols: 4, rowLabels: toks(3), colLabels: toks(4), measure });
  assert.deepEqual(hitTest(L, L.x0 + 1, L.y0 + 1), { row: 0, col: 0 });
  assert.deepEqual(hitTest(L, L.x0 + L.cell * 3.5, L.y0 + L.cell * 2.5), { row: 2, col: 3 });
  assert.equal(hitTest(L, L.x0 - 1, L.y0 + 5), null);
  assert.equal(hitTest(L, L.x0 + 5, L.y0 - 1), null);
  assert.equal(hitTest(L, L.x0 + L.cell * 4 + 1, L.y0 + 5), null);
  assert.equal(hitTest(L, L.x0 + 5, L.y0 + L.cell * 3 + 1), null);
});

test('label room on screen is kept when a label is one step shorter again, and given up at two steps or a new shape', () => {
  // 64 tokens in a 186 px small multiple, as in the multi-head step: the last word grows and shrinks
  const words = (last) => toks(64, (i) => (i === 63 ? last : ['the', 'cat', 'sat', 'on', 'a', 'warm', 'mat', 'today'][i % 8]));
  const at = (last, keep) => computeHeatmapLayout({ width: 186, rows: 64, cols: 64, rowLabels: words(last), colLabels: words(last), measure, keep });
  const base = at('today');
  // find a longer word whose room is one step (8 px) more
  let longer = 'today';
  while (at(longer).rowLabelWidth === base.rowLabelWidth) longer += 's';
  const grown = at(longer, base);
  assert.equal(grown.rowLabelWidth, base.rowLabelWidth + ROOM_STEP, 'a longer word grows the room at once');
  const keepOf = (L) => ({ rowLabelWidth: L.rowLabelWidth, colLabelHeight: L.colLabelHeight, labelFont: L.labelFont });
  const back = at('today', keepOf(grown));
  assert.deepEqual([back.rowLabelWidth, back.colLabelHeight, back.cssWidth, back.cssHeight], [grown.rowLabelWidth, grown.colLabelHeight, grown.cssWidth, grown.cssHeight], 'one step shorter: the drawing keeps its size');
  assert.deepEqual(back.rowLabelTexts, at('today').rowLabelTexts, 'and draws the labels it has');
  assert.deepEqual([at(longer, keepOf(back)).cssWidth, at(longer, keepOf(back)).cssHeight], [grown.cssWidth, grown.cssHeight], 'typing the letter again changes nothing');
  // labels that need at least two steps less give the room back
  const everyWord = (w) => computeHeatmapLayout({ width: 186, rows: 64, cols: 64, rowLabels: toks(64, () => w), colLabels: toks(64, () => w), measure, keep: keepOf(grown) });
  assert.ok(everyWord('a').rowLabelWidth < grown.rowLabelWidth, 'short labels everywhere give the room back');
  // another label font (another cell size) ignores the kept room
  assert.equal(at('today', { ...keepOf(grown), labelFont: grown.labelFont + 1 }).rowLabelWidth, base.rowLabelWidth);
});
