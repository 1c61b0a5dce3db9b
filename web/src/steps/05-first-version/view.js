// Step 5's view: the embedding editor and plot, the score and weight heatmaps with the mixed
// vectors, the hand-mix sliders and plot, and the two problems. Draws what model.js computed;
// edits go back through ctx.set.
import { createHeatmap, createMatrixEditor, createMatrixTable, createVectorPlot } from '../../views/index.js';
import { domFor, uid, setText } from '../../lib/dom.js';
import { formatNumber, roundTo } from '../../lib/format.js';
import { formulaBox } from '../../views/formula-box.js';
import { INPUTS, TOKENS, RANGE } from './inputs.js';

export function mount(host, ctx) {
  const { el } = domFor(host);
  const id = uid('mix');
  const win = host.ownerDocument.defaultView;
  const formula = formulaBox(host, ctx.formulas.mixing, 'Formula');
  const inputs = el('div', { class: 'al-grid scene-two' });
  const editorHost = inputs.appendChild(el('div', { class: 'al-cell' }));
  const plotHost = inputs.appendChild(el('div', { class: 'al-cell' }));
  const maps = el('div', { class: 'al-grid al-grid-3' });
  const box = (parent) => parent.appendChild(el('div', { class: 'al-cell' }));

  let current = null; // { m, values } of the last render
  let announceTimer = null;
  const mixText = el('p', { class: 'al-stat', 'data-testid': 'mixed-apple' });
  const sliders = TOKENS.map((t, i) => {
    const input = el('input', { type: 'range', min: '0', max: '1', step: '0.05', id: `${id}-mix${i}` });
    const out = el('output', { for: input.id, class: 'al-stat', 'aria-live': 'off' });
    input.addEventListener('input', () => {
      const next = current.values.mix.slice();
      next[i] = Number(input.value);
      current.values = { ...current.values, mix: next };
      ctx.set({ mix: next });
    });
    input.addEventListener('change', () => { win.clearTimeout(announceTimer); announceTimer = win.setTimeout(() => ctx.announce(mixText.textContent), 200); });
    return { input, out, label: el('label', { for: input.id, class: 'scene-slider' }, `Weight on ${t}`) };
  });
  const copy = el('button', { type: 'button', class: 'al-button' }, 'Use Apple’s softmax weights');
  const mixSum = el('p', { class: 'al-note', 'data-testid': 'mix-sum' });
  const mixBox = el('div', { class: 'scene-mix' }, ...sliders.map((s) => el('div', { class: 'scene-mix-row' }, s.label, s.input, s.out)));
  const mixGrid = el('div', { class: 'al-grid scene-two' });
  const mixControls = mixGrid.appendChild(el('div', { class: 'al-cell' }));
  const mixPlotHost = mixGrid.appendChild(el('div', { class: 'al-cell' }));
  const pairA = el('select', { class: 'al-select', id: `${id}-a` }, ...TOKENS.map((t, i) => el('option', { value: String(i) }, t)));
  const pairB = el('select', { class: 'al-select', id: `${id}-b` }, ...TOKENS.map((t, i) => el('option', { value: String(i) }, t)));
  const symmetry = el('p', { class: 'al-stat scene-big', 'data-testid': 'symmetry' });
  const rowNorm = el('p', { 'data-testid': 'row-normalisation' });
  const knobs = el('p', { 'data-testid': 'knobs' });
  const fix = el('button', { type: 'button', class: 'al-button al-primary' }, 'Give each word separate query and key roles');
  mixControls.append(mixBox, el('div', { class: 'al-controls' }, copy), mixText, mixSum);
  host.append(formula,
    el('h3', {}, 'Embeddings (the only inputs)'), inputs,
    el('h3', {}, 'Scores → weights → mixed vectors'), maps,
    el('h3', {}, 'Mix Apple by hand'), mixGrid,
    el('h3', {}, 'Problem 1: nothing to learn'), knobs,
    el('h3', {}, 'Problem 2: relevance is symmetric'),
    el('div', { class: 'al-controls' }, el('label', { for: pairA.id }, 'Compare'), pairA, el('label', { for: pairB.id }, 'with'), pairB),
    symmetry, rowNorm, el('div', { class: 'al-controls' }, fix));

  const setX = (next) => { current.values = { ...current.values, x: next }; ctx.set({ x: next }); };
  const editor = createMatrixEditor(editorHost, {
    caption: 'Embeddings X (one row per token)', min: RANGE[0], max: RANGE[1], step: 0.5,
    onChange: (values) => setX(Array.from(values, (v) => roundTo(v))),
  });
  const plot = createVectorPlot(plotHost, {
    label: 'Embeddings and the new Apple', xLabel: 'dimension 1', yLabel: 'dimension 2', range: RANGE,
    onMove: (i, [px, py]) => {
      if (i >= 3) return;
      const next = current.values.x.slice();
      next[i * 2] = roundTo(px);
      next[i * 2 + 1] = roundTo(py);
      setX(next);
      // said once the learner stops moving it, as steps 2 and 3 do
      ctx.announceSettled(() => `Moved to (${formatNumber(roundTo(px))}, ${formatNumber(roundTo(py))}). The hand-made mix: ${mixText.textContent}.`, 300);
    },
  });
  const mixPlot = createVectorPlot(mixPlotHost, { label: 'Your mix of the three vectors', xLabel: 'dimension 1', yLabel: 'dimension 2', range: RANGE });
  const heat = {
    scores: createHeatmap(box(maps), { label: 'Scores x_i · x_j', onLockChange: (row) => row !== null && ctx.set({ a: row }) }),
    weights: createHeatmap(box(maps), { label: 'Weights (softmax of each row)', onLockChange: (row) => row !== null && ctx.set({ a: row }) }),
  };
  const outTable = createMatrixTable(box(maps));
  copy.addEventListener('click', () => {
    ctx.set({ mix: current.m.apple.map((w) => roundTo(w)) });
    ctx.announce('The sliders now hold Apple’s softmax weights, rounded to two decimals.');
  });
  pairA.addEventListener('change', () => ctx.set({ a: Number(pairA.value) }));
  pairB.addEventListener('change', () => ctx.set({ b: Number(pairB.value) }));
  fix.addEventListener('click', () => ctx.goTo('qkv'));

  return {
    render(m, values) {
      current = { m, values };
      const { x, mix } = values;
      const h = m.head;
      editor.update({ values: x, rows: 3, cols: 2, rowLabels: TOKENS, colLabels: INPUTS.x.colLabels });
      plot.update({
        points: [
          ...TOKENS.map((t, k) => ({ label: t, x: x[k * 2], y: x[k * 2 + 1], movable: true, kind: k === 1 ? 'key' : 'default' })),
          { label: 'Apple′ (new)', x: h.output[2], y: h.output[3], kind: 'query' },
        ],
        arrows: [{ from: [x[2], x[3]], to: [h.output[2], h.output[3]], kind: 'query' }],
      });
      mixPlot.update({
        points: [
          ...TOKENS.map((t, k) => ({ label: t, x: x[k * 2], y: x[k * 2 + 1], kind: k === 1 ? 'key' : 'default' })),
          { label: 'your mix', x: m.handMix[0], y: m.handMix[1], kind: 'value' },
        ],
        arrows: [{ from: [x[2], x[3]], to: m.handMix, kind: 'value' }],
      });
      const grid = (v, stage, scale) => ({ values: v, rows: 3, cols: 3, rowLabels: TOKENS, colLabels: TOKENS, stage, scale, lockedRow: m.i, showTable: ctx.ui.table, digits: 2 });
      heat.scores.update(grid(h.scores, 'raw dot products', 'diverging'));
      heat.weights.update({ ...grid(h.weights, 'softmax weights', 'sequential'), domain: [0, 1] });
      outTable.update({ values: h.output, rows: 3, cols: 2, rowLabels: TOKENS, colLabels: INPUTS.x.colLabels, caption: 'Mixed vectors: weights · X', highlight: { row: m.i, col: -1 } });
      sliders.forEach((sl, k) => {
        sl.input.value = String(mix[k]);
        setText(sl.out, formatNumber(mix[k]));
      });
      setText(mixText, m.mixLine);
      setText(mixSum, m.mixSumLine);
      setText(knobs, m.knobsLine);
      pairA.value = String(m.i);
      pairB.value = String(m.j);
      setText(symmetry, m.symmetryLine);
      setText(rowNorm, m.rowNormLine);
    },
    destroy() {
      win.clearTimeout(announceTimer);
      for (const v of [editor, plot, mixPlot, heat.scores, heat.weights, outTable]) v.destroy();
    },
  };
}
