// Step 6's view: sentence, width and query controls, the editors for X, W_Q, W_K, W_V, the Q/K/V
// tables, the score heatmap, the followed query's dot products and bars, the key/value roles and
// the "did the weights move?" line. Draws what model.js computed; edits go back through ctx.set.
import { createBarChart, createHeatmap, createMatrixEditor, createMatrixTable } from '../../views/index.js';
import { domFor, setText, setLines, setHidden } from '../../lib/dom.js';
import { formulaBox } from '../../views/formula-box.js';
import { carryRows, resizeCols, resizeSquare } from '../../lib/matrix.js';
import { changeLine, sentenceTokens, toyRow } from './model.js';
import { INPUTS, MAX_WORDS, ENTRY } from './inputs.js';

const defaults = () => Object.fromEntries(Object.entries(INPUTS).map(([k, s]) => [k, Array.isArray(s.default) ? s.default.slice() : s.default]));

export function mount(host, ctx) {
  const { el } = domFor(host);
  const formula = formulaBox(host, ctx.formulas.projections, 'Formula');
  const sentenceInput = el('input', { type: 'text', class: 'al-input sentence-input', autocomplete: 'off', spellcheck: 'false' });
  const dimSelect = el('select', { class: 'al-select' }, el('option', { value: '2' }, '2'), el('option', { value: '3' }, '3'));
  const querySelect = el('select', { class: 'al-select' });
  const reset = el('button', { type: 'button', class: 'al-button' }, 'Reset to the example');
  const message = el('p', { class: 'al-message', role: 'status', hidden: true });
  const controls = el('div', { class: 'al-controls' },
    el('label', { class: 'sentence-field' }, `Sentence (up to ${MAX_WORDS} words)`, sentenceInput),
    el('label', {}, 'Embedding width', dimSelect),
    el('label', {}, 'Follow the query of', querySelect), reset);
  const inputs = el('div', { class: 'al-grid al-grid-4 scene-inputs' });
  const qkv = el('div', { class: 'al-grid al-grid-3' });
  const scoresBox = el('div', { class: 'al-cell' });
  const dotLines = el('ol', { class: 'al-trace', 'data-testid': 'dot-lines', 'aria-label': 'The selected query dotted with every key' });
  const follow = el('div', { class: 'al-grid' }, el('div', { class: 'al-cell' }, dotLines));
  const changed = el('p', { class: 'al-callout scene-changed', 'data-testid': 'weights-changed' });
  const keyCol = el('div', { class: 'al-cell scene-role scene-role-key' },
    el('p', { class: 'scene-role-title' }, 'Keys decide the weights'),
    el('p', { class: 'al-note' }, 'Query · key scores, then softmax: how much this query listens to each token.'));
  const valueCol = el('div', { class: 'al-cell scene-role scene-role-value' },
    el('p', { class: 'scene-role-title' }, 'Values are what gets mixed'),
    el('p', { class: 'al-note' }, 'Each weight multiplies that token\u2019s value; the sum is the new vector.'));
  const mixLines = el('ol', { class: 'al-trace', 'data-testid': 'value-mix', 'aria-label': 'How the selected output is mixed from the values' });
  valueCol.append(mixLines);
  const roles = el('div', { class: 'al-grid' }, keyCol, valueCol);
  const outBox = el('div', { class: 'al-cell' });
  host.append(formula, controls, message,
    el('h3', {}, 'Inputs (edit any number)'), inputs,
    el('h3', {}, 'One embedding, three projections'), qkv,
    el('h3', {}, 'Every query against every key'),
    el('p', { class: 'al-note' }, 'Click a row (or focus the grid and press Enter) to follow that query below.'), scoresBox,
    el('h3', {}, 'The selected query, key by key'), follow,
    el('h3', {}, 'Keys and values do different jobs'), changed, roles, outBox);

  const box = (parent) => parent.appendChild(el('div', { class: 'al-cell' }));
  const edit = (name, caption) => createMatrixEditor(box(inputs), { caption, ...ENTRY, step: 0.5, onChange: (values) => ctx.set({ [name]: Array.from(values) }) });
  const editors = { x: edit('x', 'Embeddings X (one row per token)'), wq: edit('wq', 'W_Q (makes queries)'), wk: edit('wk', 'W_K (makes keys)'), wv: edit('wv', 'W_V (makes values)') };
  const tables = { q: createMatrixTable(box(qkv)), k: createMatrixTable(box(qkv)), v: createMatrixTable(box(qkv)) };
  const scoresMap = createHeatmap(scoresBox, { label: 'Scores Q·Kᵀ', onLockChange: (row) => { if (row !== null) ctx.set({ query: row }); } });
  const scoreBars = createBarChart(box(follow), { label: 'Scores of the selected query' });
  const weightBars = createBarChart(keyCol, { label: 'Weights of the selected query' });
  const output = createMatrixTable(outBox);

  let current = null; // the last model
  let last = null; // the model of the last render whose inputs differed (what an edit is compared with)

  sentenceInput.addEventListener('input', () => {
    const next = sentenceTokens(sentenceInput.value);
    if (!next) { ctx.set({ sentence: sentenceInput.value }); return; }
    const x = carryRows(current.tokens, current.fitted.x, next, current.dim, toyRow(current.dim));
    ctx.set({ sentence: sentenceInput.value, x, query: Math.min(current.query, next.length - 1) });
  });
  dimSelect.addEventListener('change', () => {
    const to = Number(dimSelect.value), from = current.dim;
    ctx.set({
      dim: to, x: resizeCols(current.fitted.x, current.n, from, to, 0),
      wq: resizeSquare(current.fitted.wq, from, to), wk: resizeSquare(current.fitted.wk, from, to), wv: resizeSquare(current.fitted.wv, from, to),
    });
    ctx.announce(`Embeddings are now ${to} numbers wide; new entries start at 0 and the matrices pass a new dimension through unchanged.`);
  });
  querySelect.addEventListener('change', () => ctx.set({ query: Number(querySelect.value) }));
  reset.addEventListener('click', () => {
    ctx.set(defaults());
    last = null;
    ctx.announce('Back to the example values.');
  });

  return {
    render(m, values) {
      setText(message, m.notes.join(' '));
      setHidden(message, !m.notes.length);
      const { tokens, n, dim, query: i, fitted, head: h } = m;
      if (sentenceInput.value !== values.sentence && !sentenceInput.matches(':focus')) sentenceInput.value = values.sentence;
      dimSelect.value = String(dim);
      inputs.classList.toggle('scene-inputs-3', dim === 3); // wider cells so a 3 × 3 editor fits
      if (querySelect.options.length !== n || Array.from(querySelect.options).some((o, j) => o.textContent !== tokens[j])) {
        querySelect.replaceChildren(...tokens.map((tok, j) => el('option', { value: String(j) }, tok)));
      }
      querySelect.value = String(i);
      const dimLabels = (p) => Array.from({ length: dim }, (_, c) => `${p} ${c + 1}`);
      editors.x.update({ values: fitted.x, rows: n, cols: dim, rowLabels: tokens, colLabels: dimLabels('dim') });
      editors.wq.update({ values: fitted.wq, rows: dim, cols: dim, rowLabels: dimLabels('in'), colLabels: dimLabels('q') });
      editors.wk.update({ values: fitted.wk, rows: dim, cols: dim, rowLabels: dimLabels('in'), colLabels: dimLabels('k') });
      editors.wv.update({ values: fitted.wv, rows: dim, cols: dim, rowLabels: dimLabels('in'), colLabels: dimLabels('v') });
      const mat = (v, caption, p, highlight) => ({ values: v, rows: n, cols: dim, rowLabels: tokens, colLabels: dimLabels(p), caption, highlight });
      tables.q.update(mat(h.q, 'Q = X·W_Q: what each token looks for', 'q', { row: i, col: -1 }));
      tables.k.update(mat(h.k, 'K = X·W_K: what each token is matched on', 'k'));
      tables.v.update(mat(h.v, 'V = X·W_V: what each token hands over', 'v'));
      scoresMap.update({ values: h.scores, rows: n, cols: n, rowLabels: tokens, colLabels: tokens, stage: 'raw scores (query row · key column)', scale: 'diverging', lockedRow: i, highlightRow: i, showTable: ctx.ui.table, digits: 2 });
      setLines(dotLines, m.dotLines);
      scoreBars.update({ bars: tokens.map((tok, j) => ({ label: `k_${tok}`, value: h.scores[i * n + j] })) });
      weightBars.update({ bars: tokens.map((tok, j) => ({ label: tok, value: m.wRow[j] })), domain: [0, 1] });
      setLines(mixLines, m.mixLines);
      output.update({ ...mat(h.output, 'Outputs = weights · V (one new vector per token)', 'out'), highlight: { row: i, col: -1 } });
      if (last === null) setText(changed, changeLine(null, m));
      else if (last.key !== m.key) {
        setText(changed, changeLine(last, m));
        ctx.announceSettled(() => changed.textContent, 700);
      }
      if (last === null || last.key !== m.key) last = m;
      current = m;
    },
    destroy() {
      for (const v of [...Object.values(editors), ...Object.values(tables), scoresMap, scoreBars, weightBars, output]) v.destroy();
    },
  };
}
