// Step 7's view: the DOM of the worked example. It lays out the editors for X, W_Q, W_K, W_V, the
// Q/K/V tables, the three stage heatmaps, the output table and the trace, and draws what model.js
// computed. No maths and no wording of numbers here; edits go back through ctx.set.
import { createHeatmap, createMatrixEditor, createMatrixTable } from '../../views/index.js';
import { domFor, setLines } from '../../lib/dom.js';
import { formulaBox } from '../../views/formula-box.js';
import { INPUTS, TOKENS, EDIT_STEP } from './inputs.js';

export function mount(host, ctx) {
  const { el } = domFor(host);
  const formula = formulaBox(host, ctx.formulas.projections, 'Formula');
  const inputs = el('div', { class: 'al-grid al-grid-4' });
  const stages = el('div', { class: 'al-grid al-grid-3' });
  const qkv = el('div', { class: 'al-grid al-grid-3' });
  const outGrid = el('div', { class: 'al-grid' });
  const trace = el('ol', { class: 'al-trace', 'aria-label': 'How the selected row was computed' });
  const querySelect = el('select', { class: 'al-select' }, ...TOKENS.map((t, i) => el('option', { value: String(i) }, t)));
  const reset = el('button', { type: 'button', class: 'al-button' }, 'Reset to the example');
  const controls = el('div', { class: 'al-controls' }, el('label', {}, 'Follow the row of ', querySelect), reset);
  host.append(formula, el('h3', {}, 'Inputs (edit any number)'), inputs, el('h3', {}, 'Projections'), qkv, outGrid,
    el('h3', {}, 'Scores → scaled → weights'), controls, stages, el('h3', {}, 'Where the selected row comes from'), trace);

  const box = (parent) => parent.appendChild(el('div', { class: 'al-cell' }));
  const editors = {};
  for (const [name, caption] of [['x', 'Embeddings X (one row per token)'], ['wq', 'W_Q'], ['wk', 'W_K'], ['wv', 'W_V']]) {
    const spec = INPUTS[name];
    editors[name] = createMatrixEditor(box(inputs), {
      caption, min: spec.min, max: spec.max, step: EDIT_STEP,
      onChange: (values) => ctx.set({ [name]: Array.from(values) }),
    });
  }
  const tables = { q: createMatrixTable(box(qkv)), k: createMatrixTable(box(qkv)), v: createMatrixTable(box(qkv)) };
  const output = createMatrixTable(box(outGrid));
  const maps = {
    scores: createHeatmap(box(stages), { label: 'Raw scores Q·Kᵀ' }),
    scaled: createHeatmap(box(stages), { label: 'Scaled scores Q·Kᵀ / √2' }),
    weights: createHeatmap(box(stages), { label: 'Attention weights', onLockChange: (row) => row !== null && ctx.set({ query: row }) }),
  };
  querySelect.addEventListener('change', () => ctx.set({ query: Number(querySelect.value) }));
  reset.addEventListener('click', () => {
    ctx.set(Object.fromEntries(Object.entries(INPUTS).map(([k, s]) => [k, s.default])));
    ctx.announce('Back to the example values.');
  });

  let last = null;
  return {
    render(m, values) {
      const h = m.head;
      for (const name of ['x', 'wq', 'wk', 'wv']) {
        const spec = INPUTS[name];
        editors[name].update({ values: values[name], rows: spec.length / spec.cols, cols: spec.cols, rowLabels: spec.rowLabels, colLabels: spec.colLabels });
      }
      const mat = (v, caption, prefix) => ({ values: v, rows: 3, cols: 2, rowLabels: TOKENS, colLabels: [`${prefix} 1`, `${prefix} 2`], caption });
      tables.q.update(mat(h.q, 'Q = X·W_Q', 'q'));
      tables.k.update(mat(h.k, 'K = X·W_K', 'k'));
      tables.v.update(mat(h.v, 'V = X·W_V', 'v'));
      output.update({ ...mat(h.output, 'Output = weights · V (the new vectors)', 'out'), highlight: { row: m.query, col: -1 } });
      const grid = (v, stage, scale) => ({ values: v, rows: 3, cols: 3, rowLabels: TOKENS, colLabels: TOKENS, stage, scale, lockedRow: m.query, showTable: ctx.ui.table, digits: 2 });
      maps.scores.update(grid(h.scores, 'raw scores', 'diverging'));
      maps.scaled.update(grid(h.scaled, 'scores ÷ √2', 'diverging'));
      maps.weights.update({ ...grid(h.weights, 'softmax weights', 'sequential'), domain: [0, 1] });
      querySelect.value = String(m.query);
      setLines(trace, m.trace);
      const key = JSON.stringify(values);
      if (last !== null && last !== key) ctx.announceSettled(m.announce); // once the learner pauses
      last = key;
    },
    destroy() {
      for (const v of [...Object.values(editors), ...Object.values(tables), ...Object.values(maps), output]) v.destroy();
    },
  };
}
