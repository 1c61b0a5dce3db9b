// Step 7: the worked example with real numbers (love / Apple / phones). The learner edits the
// embeddings and W_Q, W_K, W_V; the engine recomputes Q, K, V, the raw scores, the ÷√2 scores,
// the softmax weights and the mixed values, and every number of the selected query is traced
// back to its inputs in words.
import { createHeatmap, createMatrixEditor, createMatrixTable } from '../views/index.js';
import { domFor } from '../views/dom.js';
import { fmt, formulaBox } from './scene-kit.js';
import { readInt, readNumbers } from './scene-inputs.js';

const TOKENS = ['love', 'Apple', 'phones'];
const DIMS = ['dim 1', 'dim 2'];

export default {
  id: 'worked-example',
  title: 'The worked example',
  // Inputs that reproduce the documents' score matrix [[1,1,0],[2,3,2],[2,4,4]] exactly.
  defaults() {
    return { x: [1, 0, 1, 1, 0, 2], wq: [1, 0, 0, 1], wk: [1, 1, 0, 1], wv: [1, 0, 0, 1], query: 1 };
  },
  mount(host, ctx) {
    const { el } = domFor(host);
    const defaults = this.defaults();
    // Values from a hand-edited link are checked; a bad one falls back to the example, with a note.
    const readInputs = (raw) => {
      const fields = [
        ['x', readNumbers(raw.x, 6, { min: -10, max: 10, fallback: defaults.x, name: 'embeddings' })],
        ['wq', readNumbers(raw.wq, 4, { min: -10, max: 10, fallback: defaults.wq, name: 'W_Q matrix' })],
        ['wk', readNumbers(raw.wk, 4, { min: -10, max: 10, fallback: defaults.wk, name: 'W_K matrix' })],
        ['wv', readNumbers(raw.wv, 4, { min: -10, max: 10, fallback: defaults.wv, name: 'W_V matrix' })],
        ['query', readInt(raw.query, { min: 0, max: 2, fallback: defaults.query, name: 'followed row' })],
      ];
      return {
        s: Object.fromEntries(fields.map(([k, r]) => [k, r.value])),
        messages: fields.map(([, r]) => r.message).filter(Boolean),
      };
    };
    const message = el('p', { class: 'al-message', role: 'status', hidden: true });
    const formula = formulaBox(host, ctx.formulas.projections, 'Formula');
    const inputs = el('div', { class: 'al-grid al-grid-4' });
    const stages = el('div', { class: 'al-grid al-grid-3' });
    const qkv = el('div', { class: 'al-grid al-grid-3' });
    const trace = el('ol', { class: 'al-trace', 'aria-label': 'How the selected row was computed' });
    const querySelect = el('select', { class: 'al-select' }, ...TOKENS.map((t, i) => el('option', { value: String(i) }, t)));
    const reset = el('button', { type: 'button', class: 'al-button' }, 'Reset to the example');
    const controls = el('div', { class: 'al-controls' },
      el('label', {}, 'Follow the row of ', querySelect), reset);
    host.append(formula, message, el('h3', {}, 'Inputs (edit any number)'), inputs, el('h3', {}, 'Projections'), qkv,
      el('h3', {}, 'Scores → scaled → weights'), controls, stages, el('h3', {}, 'Where the selected row comes from'), trace);

    const box = (parent) => parent.appendChild(el('div', { class: 'al-cell' }));
    const edit = (name, caption, rowLabels) => createMatrixEditor(box(inputs), {
      caption, min: -10, max: 10, step: 0.5,
      onChange: (values) => ctx.set({ [name]: Array.from(values) }),
    });
    const editors = {
      x: edit('x', 'Embeddings X (one row per token)'),
      wq: edit('wq', 'W_Q'),
      wk: edit('wk', 'W_K'),
      wv: edit('wv', 'W_V'),
    };
    const tables = { q: createMatrixTable(box(qkv)), k: createMatrixTable(box(qkv)), v: createMatrixTable(box(qkv)) };
    const maps = {
      scores: createHeatmap(box(stages), { label: 'Raw scores Q·Kᵀ' }),
      scaled: createHeatmap(box(stages), { label: 'Scaled scores Q·Kᵀ / √2' }),
      weights: createHeatmap(box(stages), { label: 'Attention weights', onLockChange: (row) => row !== null && ctx.set({ query: row }) }),
    };
    const output = createMatrixTable(box(qkv.parentNode.appendChild(el('div', { class: 'al-grid' }))));
    querySelect.addEventListener('change', () => ctx.set({ query: Number(querySelect.value) }));
    reset.addEventListener('click', () => {
      ctx.set(defaults);
      ctx.announce('Back to the example values.');
    });

    let last = null;
    return {
      render(raw) {
        const { s, messages } = readInputs(raw);
        message.textContent = messages.join(' ');
        message.hidden = !messages.length;
        const wLabels = ['in 1', 'in 2'];
        editors.x.update({ values: s.x, rows: 3, cols: 2, rowLabels: TOKENS, colLabels: DIMS });
        editors.wq.update({ values: s.wq, rows: 2, cols: 2, rowLabels: wLabels, colLabels: ['q 1', 'q 2'] });
        editors.wk.update({ values: s.wk, rows: 2, cols: 2, rowLabels: wLabels, colLabels: ['k 1', 'k 2'] });
        editors.wv.update({ values: s.wv, rows: 2, cols: 2, rowLabels: wLabels, colLabels: ['v 1', 'v 2'] });
        const r = ctx.engine.attention({ x: s.x, n: 3, dModel: 2, dK: 2, dV: 2, wq: s.wq, wk: s.wk, wv: s.wv });
        const h = r.heads[0];
        const mat = (values, caption, colPrefix) => ({ values, rows: 3, cols: 2, rowLabels: TOKENS, colLabels: [`${colPrefix} 1`, `${colPrefix} 2`], caption });
        tables.q.update(mat(h.q, 'Q = X·W_Q', 'q'));
        tables.k.update(mat(h.k, 'K = X·W_K', 'k'));
        tables.v.update(mat(h.v, 'V = X·W_V', 'v'));
        output.update({ ...mat(h.output, 'Output = weights · V (the new vectors)', 'out'), highlight: { row: s.query, col: -1 } });
        const grid = (values, stage, scale) => ({ values, rows: 3, cols: 3, rowLabels: TOKENS, colLabels: TOKENS, stage, scale, lockedRow: s.query, showTable: ctx.ui.table, digits: 2 });
        maps.scores.update(grid(h.scores, 'raw scores', 'diverging'));
        maps.scaled.update(grid(h.scaled, 'scores ÷ √2', 'diverging'));
        maps.weights.update({ ...grid(h.weights, 'softmax weights', 'sequential'), domain: [0, 1] });
        querySelect.value = String(s.query);

        // The trace: every number of the selected row, from its inputs.
        const i = s.query, name = TOKENS[i];
        const qi = [h.q[i * 2], h.q[i * 2 + 1]];
        const lines = TOKENS.map((t, j) => `${name}'s query (${fmt(qi[0])}, ${fmt(qi[1])}) · ${t}'s key (${fmt(h.k[j * 2])}, ${fmt(h.k[j * 2 + 1])}) = ${fmt(qi[0])}×${fmt(h.k[j * 2])} + ${fmt(qi[1])}×${fmt(h.k[j * 2 + 1])} = ${fmt(h.scores[i * 3 + j])}`);
        lines.push(`Divide each by √2 ≈ 1.414: ${[0, 1, 2].map((j) => fmt(h.scaled[i * 3 + j], 3)).join(', ')}.`);
        const ex = [0, 1, 2].map((j) => Math.exp(h.scaled[i * 3 + j]));
        lines.push(`Softmax: e^score gives ${ex.map((e) => fmt(e, 3)).join(', ')}; each over their total ${fmt(ex[0] + ex[1] + ex[2], 3)} gives the weights ${[0, 1, 2].map((j) => fmt(h.weights[i * 3 + j], 4)).join(', ')} — they add up to 1.`);
        lines.push(`${name}'s new vector = ${TOKENS.map((t, j) => `${fmt(h.weights[i * 3 + j])}×${t}'s value (${fmt(h.v[j * 2])}, ${fmt(h.v[j * 2 + 1])})`).join(' + ')} = (${fmt(h.output[i * 2], 3)}, ${fmt(h.output[i * 2 + 1], 3)}).`);
        trace.replaceChildren(...lines.map((line) => el('li', {}, line)));
        const key = JSON.stringify(s);
        if (last !== null && last !== key) ctx.announce(`${name} now gives weights ${[0, 1, 2].map((j) => `${TOKENS[j]} ${fmt(h.weights[i * 3 + j])}`).join(', ')}.`);
        last = key;
      },
      destroy() {
        for (const v of [...Object.values(editors), ...Object.values(tables), ...Object.values(maps), output]) v.destroy();
      },
    };
  },
};
