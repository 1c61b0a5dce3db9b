// Step 6: queries, keys and values as three projections of one embedding. The learner edits a
// short sentence's embeddings and W_Q, W_K, W_V; the engine computes Q, K, V, the scores, the
// weights and the outputs. One query is followed in detail (its dot product with every key, the
// weights, the value mix), and a live line says whether the last edit moved the weights: editing
// W_V changes only what gets mixed, never how much each token is listened to.
import { createBarChart, createHeatmap, createMatrixEditor, createMatrixTable } from '../views/index.js';
import { domFor } from '../lib/dom.js';
import { embed, tokenize } from '../model/toy-model.js';
import { formatNumber } from '../lib/format.js';
import { formulaBox } from '../views/formula-box.js';
import { readChoice, readInt } from './scene-inputs.js';
import { carryRows, fitMatrix, maxAbsDiff, resizeCols, resizeSquare, topK } from '../lib/matrix.js';
import { productTerms } from '../lib/text.js';

const MAX_WORDS = 6;
const DEFAULT_SENTENCE = 'love Apple phones';
const FIELDS = { x: 'the embeddings X', wq: 'W_Q', wk: 'W_K', wv: 'W_V', sentence: 'the sentence', dim: 'the width' };

// A new word's starting embedding: the toy model's seeded vector, rounded to one decimal.
const toyRow = (dim) => (token) => Array.from(embed([token], dim, 1), (v) => Math.round(Math.max(-3, Math.min(3, v)) * 10) / 10);
const identity = (d) => (i) => (Math.floor(i / d) === i % d ? 1 : 0);

export default {
  id: 'qkv',
  title: 'Queries, keys and values',
  // W_Q swaps the two dimensions, W_K mixes them differently and W_V is a third map, so each
  // token's query, key and value differ: love's query prefers Apple, Apple's prefers phones and
  // phones prefers itself, and Apple→phones (3) differs from phones→Apple (2).
  defaults() {
    return {
      sentence: DEFAULT_SENTENCE, dim: 2,
      x: [1, 0, 1, 1, 0, 2],
      wq: [0, 1, 1, 0], wk: [0, 1, 1, 0.5], wv: [1, 0, -1, 1],
      query: 1,
    };
  },
  mount(host, ctx) {
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
    const edit = (name, caption) => createMatrixEditor(box(inputs), {
      caption, min: -10, max: 10, step: 0.5,
      onChange: (values) => ctx.set({ [name]: Array.from(values) }),
    });
    const editors = { x: edit('x', 'Embeddings X (one row per token)'), wq: edit('wq', 'W_Q (makes queries)'), wk: edit('wk', 'W_K (makes keys)'), wv: edit('wv', 'W_V (makes values)') };
    const tables = {
      q: createMatrixTable(box(qkv)), k: createMatrixTable(box(qkv)), v: createMatrixTable(box(qkv)),
    };
    const scoresMap = createHeatmap(scoresBox, { label: 'Scores Q·Kᵀ', onLockChange: (row) => { if (row !== null) ctx.set({ query: row }); } });
    const scoreBars = createBarChart(box(follow), { label: 'Scores of the selected query' });
    const weightBars = createBarChart(keyCol, { label: 'Weights of the selected query' });
    const output = createMatrixTable(outBox);

    let tokens = DEFAULT_SENTENCE.split(' ');
    let dim = 2;
    let current = this.defaults();
    let last = null; // { key, weights, output, inputs } of the previous render with different inputs
    let announceTimer = 0;
    const win = host.ownerDocument.defaultView;

    sentenceInput.addEventListener('input', () => {
      const t = tokenize(sentenceInput.value);
      if (!t.tokens) { ctx.set({ sentence: sentenceInput.value }); return; }
      const next = t.tokens.slice(0, MAX_WORDS);
      const x = carryRows(tokens, current.x, next, dim, toyRow(dim));
      ctx.set({ sentence: sentenceInput.value, x, query: Math.min(current.query, next.length - 1) });
    });
    dimSelect.addEventListener('change', () => {
      const to = Number(dimSelect.value);
      ctx.set({
        dim: to, x: resizeCols(current.x, tokens.length, dim, to, 0),
        wq: resizeSquare(current.wq, dim, to), wk: resizeSquare(current.wk, dim, to), wv: resizeSquare(current.wv, dim, to),
      });
      ctx.announce(`Embeddings are now ${to} numbers wide; new entries start at 0 and the matrices pass a new dimension through unchanged.`);
    });
    querySelect.addEventListener('change', () => ctx.set({ query: Number(querySelect.value) }));
    reset.addEventListener('click', () => {
      ctx.set(this.defaults());
      last = null;
      ctx.announce('Back to the example values.');
    });

    return {
      render(s) {
        // ---- validate everything that may have come from a link ---------------------------
        const problems = [];
        const t = tokenize(s.sentence);
        if (t.tokens) {
          tokens = t.tokens.slice(0, MAX_WORDS);
          if (t.tokens.length > MAX_WORDS) problems.push(`This scene keeps the first ${MAX_WORDS} words so every number stays readable.`);
        } else {
          problems.push('The sentence has no words, so the last words stay in use. Type at least one word.');
        }
        const d = readChoice(s.dim, [2, 3], 2, 'width');
        if (d.message) problems.push(d.message);
        dim = d.value;
        const n = tokens.length;
        const fill = (i) => toyRow(dim)(tokens[Math.floor(i / dim)])[i % dim];
        const x = fitMatrix(s.x, n, dim, fill, { min: -10, max: 10, name: 'X (the embeddings)' });
        const w = {};
        for (const k of ['wq', 'wk', 'wv']) {
          const f = fitMatrix(s[k], dim, dim, identity(dim), { min: -10, max: 10, name: FIELDS[k] });
          w[k] = f.values;
          if (f.problem) problems.push(f.problem);
        }
        if (x.problem) problems.push(x.problem);
        // A query index past the end of a shorter sentence simply moves to the last word.
        const qi = readInt(s.query, { min: 0, max: n - 1, fallback: Math.min(1, n - 1), name: 'followed query', quiet: s.query >= n && s.query < MAX_WORDS });
        if (qi.message) problems.push(qi.message);
        const i = qi.value;
        current = { ...s, dim, x: x.values, ...w, query: i };
        message.textContent = problems.join(' ');
        message.hidden = problems.length === 0;

        // ---- the engine -------------------------------------------------------------------
        const r = ctx.engine.attention({ x: x.values, n, dModel: dim, dK: dim, dV: dim, wq: w.wq, wk: w.wk, wv: w.wv });
        const h = r.heads[0];

        // ---- inputs and projections ------------------------------------------------------
        if (sentenceInput.value !== s.sentence && !sentenceInput.matches(':focus')) sentenceInput.value = typeof s.sentence === 'string' ? s.sentence : DEFAULT_SENTENCE;
        dimSelect.value = String(dim);
        inputs.classList.toggle('scene-inputs-3', dim === 3); // wider cells so a 3 × 3 editor fits
        if (querySelect.options.length !== n || Array.from(querySelect.options).some((o, j) => o.textContent !== tokens[j])) {
          querySelect.replaceChildren(...tokens.map((tok, j) => el('option', { value: String(j) }, tok)));
        }
        querySelect.value = String(i);
        const dimLabels = (p) => Array.from({ length: dim }, (_, c) => `${p} ${c + 1}`);
        editors.x.update({ values: x.values, rows: n, cols: dim, rowLabels: tokens, colLabels: dimLabels('dim') });
        editors.wq.update({ values: w.wq, rows: dim, cols: dim, rowLabels: dimLabels('in'), colLabels: dimLabels('q') });
        editors.wk.update({ values: w.wk, rows: dim, cols: dim, rowLabels: dimLabels('in'), colLabels: dimLabels('k') });
        editors.wv.update({ values: w.wv, rows: dim, cols: dim, rowLabels: dimLabels('in'), colLabels: dimLabels('v') });
        const mat = (values, caption, p, highlight) => ({ values, rows: n, cols: dim, rowLabels: tokens, colLabels: dimLabels(p), caption, highlight });
        tables.q.update(mat(h.q, 'Q = X·W_Q: what each token looks for', 'q', { row: i, col: -1 }));
        tables.k.update(mat(h.k, 'K = X·W_K: what each token is matched on', 'k'));
        tables.v.update(mat(h.v, 'V = X·W_V: what each token hands over', 'v'));
        scoresMap.update({ values: h.scores, rows: n, cols: n, rowLabels: tokens, colLabels: tokens, stage: 'raw scores (query row · key column)', scale: 'diverging', lockedRow: i, highlightRow: i, showTable: ctx.ui.table, digits: 2 });

        // ---- the selected query ----------------------------------------------------------
        const name = tokens[i];
        const row = (m, j, width) => Array.from(m.subarray(j * width, j * width + width));
        const q = row(h.q, i, dim);
        dotLines.replaceChildren(...tokens.map((tok, j) => el('li', {},
          `q_${name} · k_${tok} = ${productTerms(q, row(h.k, j, dim), formatNumber)} = ${formatNumber(h.scores[i * n + j])}`)));
        scoreBars.update({ bars: tokens.map((tok, j) => ({ label: `k_${tok}`, value: h.scores[i * n + j] })) });
        const wRow = row(h.weights, i, n);
        weightBars.update({ bars: tokens.map((tok, j) => ({ label: tok, value: wRow[j] })), domain: [0, 1] });
        const vec = (a) => `(${a.map((v) => formatNumber(v)).join(', ')})`;
        const best = topK(wRow, 1)[0];
        mixLines.replaceChildren(
          el('li', {}, `Scores divided by √${dim} ≈ ${formatNumber(Math.sqrt(dim), 3)} and passed through softmax give ${name}'s weights ${wRow.map((v) => formatNumber(v)).join(', ')}; the largest goes to ${tokens[best.index]}.`),
          el('li', {}, `out_${name} = ${tokens.map((tok, j) => `${formatNumber(wRow[j])}×v_${tok}`).join(' + ')}`),
          el('li', {}, `= ${tokens.map((tok, j) => `${formatNumber(wRow[j])}×${vec(row(h.v, j, dim))}`).join(' + ')} = ${vec(row(h.output, i, dim))}`));
        output.update({ ...mat(h.output, 'Outputs = weights · V (one new vector per token)', 'out'), highlight: { row: i, col: -1 } });

        // ---- did the weights move since the last edit? -------------------------------------
        const key = JSON.stringify({ ...current, query: 0 });
        if (last === null) {
          changed.textContent = 'Weights changed: not yet measured. Edit a number in W_V, then one in W_K, and watch this line.';
        } else if (last.key !== key) {
          let edited = Object.keys(FIELDS).filter((f) => JSON.stringify(last.inputs[f]) !== JSON.stringify(current[f]));
          if (edited.includes('dim')) edited = ['dim']; // a new width reshapes every matrix
          else if (edited.includes('sentence')) edited = ['sentence']; // new words bring new rows of X
          edited = edited.map((f) => FIELDS[f]);
          const what = edited.length ? edited.join(' and ') : 'the inputs';
          const dw = maxAbsDiff(last.weights, h.weights);
          const dOut = maxAbsDiff(last.output, h.output);
          const outMoved = dOut > 1e-6 ? 'the outputs changed' : 'the outputs stayed the same';
          changed.textContent = dw > 1e-6
            ? `Weights changed: yes. Your last edit (${what}) reached the queries or keys, so the scores and the weights moved${Number.isFinite(dw) ? ` (by up to ${formatNumber(dw, 3)})` : ''}; ${outMoved}.`
            : `Weights changed: no. Your last edit (${what}) left every weight exactly as it was; ${outMoved}${edited.includes('W_V') ? ', because values only decide what gets mixed' : ''}.`;
          win.clearTimeout(announceTimer);
          announceTimer = win.setTimeout(() => ctx.announce(changed.textContent), 700);
        }
        if (last === null || last.key !== key) last = { key, inputs: current, weights: h.weights, output: h.output };
      },
      destroy() {
        win.clearTimeout(announceTimer);
        for (const v of [...Object.values(editors), ...Object.values(tables), scoresMap, scoreBars, weightBars, output]) v.destroy();
      },
    };
  },
};
