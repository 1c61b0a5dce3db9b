// Step 8: the matrix form and its shapes. The learner picks N (tokens), d_model and d_k; a box
// diagram shows X → W_Q, W_K, W_V → Q, K, V → QKᵀ → weights → output with live shape labels, and
// the engine really runs attention at those sizes (toy embeddings for tokens t1…tN, seeded
// projection matrices). The shapes in the diagram and the sentence under it are read from the
// lengths of the engine's results. One output row is traced back as one weights row times V.
import { createHeatmap } from '../views/index.js';
import { domFor } from '../lib/dom.js';
import { formatShape, formatNumber } from '../lib/format.js';
import { embed, randomMatrix } from '../model/toy-model.js';
import { formulaBox } from '../views/formula-box.js';
import { readChoice, readInt } from './scene-inputs.js';
import { boxSize } from '../views/shape-box.js';

const LIMITS = { n: [1, 128], dModel: [1, 512], seed: [0, 9999] };
const SHOW_DIGITS = 6; // numbers of an output row printed before "…"

export default {
  id: 'matrix-form',
  title: 'The matrix form and its shapes',
  defaults() {
    return { n: 3, dModel: 8, dK: 4, seed: 7, query: 0, view: 'scores' };
  },
  mount(host, ctx) {
    const { el } = domFor(host);
    const formula = formulaBox(host, ctx.formulas.attention, 'Formula');

    // ---- size controls: a number box and a slider for each size ------------------------
    const sizes = el('div', { class: 'scene-sizes' });
    const sizeControl = (key, label, [min, max]) => {
      const number = el('input', { type: 'number', class: 'al-input scene-num', min: String(min), max: String(max), step: '1', 'aria-label': `${label} (number)` });
      const range = el('input', { type: 'range', min: String(min), max: String(max), step: '1', 'aria-label': `${label} (slider)` });
      const commit = (raw) => {
        const v = Number(raw);
        if (raw === '' || !Number.isFinite(v)) { say(`${label}: type a whole number from ${min} to ${number.max}.`); return; }
        const c = Math.max(min, Math.min(Number(number.max), Math.round(v)));
        if (c !== v) say(`${label} must be from ${min} to ${number.max}, so it is ${c}.`);
        patch(key, c);
      };
      number.addEventListener('change', () => commit(number.value));
      range.addEventListener('input', () => commit(range.value));
      sizes.append(el('label', {}, el('span', {}, label), number, range));
      return { number, range };
    };
    const controls = {
      n: sizeControl('n', 'N, tokens', LIMITS.n),
      dModel: sizeControl('dModel', 'd_model, embedding width', LIMITS.dModel),
      dK: sizeControl('dK', 'd_k, query/key width', [1, 512]),
    };
    const seedInput = el('input', { type: 'number', class: 'al-input scene-num', min: '0', max: '9999', step: '1' });
    seedInput.addEventListener('change', () => {
      const v = Number(seedInput.value);
      if (seedInput.value === '' || !Number.isInteger(v) || v < 0 || v > 9999) { say('The seed must be a whole number from 0 to 9999.'); return; }
      ctx.set({ seed: v });
    });
    const presetSource = el('button', { type: 'button', class: 'al-button' }, 'The sources\u2019 example: 3 tokens × 512, d_k 64');
    const preset100 = el('button', { type: 'button', class: 'al-button' }, '100 tokens → 100 × 100 scores');
    const presetSmall = el('button', { type: 'button', class: 'al-button' }, 'Back to 3 × 8, d_k 4');
    presetSource.addEventListener('click', () => { ctx.set({ n: 3, dModel: 512, dK: 64, query: 0 }); ctx.announce('3 tokens of 512 numbers, d_k 64.'); });
    preset100.addEventListener('click', () => { ctx.set({ n: 100 }); ctx.announce('100 tokens: the score grid is 100 × 100.'); });
    presetSmall.addEventListener('click', () => { ctx.set({ n: 3, dModel: 8, dK: 4, query: 0 }); ctx.announce('3 tokens of 8 numbers, d_k 4.'); });
    const message = el('p', { class: 'al-message', role: 'status', hidden: true });

    // ---- the pipeline diagram ----------------------------------------------------------
    const pipeline = el('ol', { class: 'scene-pipeline', 'aria-label': 'Shapes along the pipeline' });
    const stage = (name, testid, dashed) => {
      const boxEl = el('span', { class: dashed ? 'shape-box shape-box-w' : 'shape-box', 'aria-hidden': 'true' });
      const shape = el('span', { class: 'scene-shape', 'data-testid': testid });
      pipeline.append(el('li', { class: 'scene-stage' }, boxEl, el('span', { class: 'scene-stage-name' }, name), shape));
      return { boxEl, shape };
    };
    const arrow = () => pipeline.append(el('li', { class: 'scene-arrow', 'aria-hidden': 'true' }, '→'));
    const boxes = {};
    boxes.x = stage('X', 'shape-x'); arrow();
    boxes.w = stage('W_Q, W_K, W_V (each)', 'shape-w', true); arrow();
    boxes.q = stage('Q, K, V (each)', 'shape-q'); arrow();
    boxes.scores = stage('QKᵀ / √d_k', 'shape-scores'); arrow();
    boxes.weights = stage('softmax weights', 'shape-weights'); arrow();
    boxes.output = stage('output = weights · V', 'shape-output');

    const engineLine = el('p', { class: 'al-stat', 'data-testid': 'engine-shapes' });
    const countLine = el('p', { class: 'al-stat', 'data-testid': 'score-count' });
    const products = el('ul', { class: 'al-trace', 'aria-label': 'Inner sizes of each product' });
    const viewSelect = el('select', { class: 'al-select' },
      el('option', { value: 'scores' }, 'raw scores QKᵀ'), el('option', { value: 'weights' }, 'softmax weights'));
    viewSelect.addEventListener('change', () => ctx.set({ view: viewSelect.value }));
    const mapBox = el('div', { class: 'al-cell' });
    const trace = el('ol', { class: 'al-trace', 'data-testid': 'row-trace', 'aria-label': 'One output row traced back' });

    host.append(formula,
      el('h3', {}, 'Choose the sizes'), sizes,
      el('div', { class: 'al-controls' }, el('label', {}, 'Random seed', seedInput), presetSource, preset100, presetSmall),
      message,
      el('h3', {}, 'The shapes, stage by stage'), pipeline, engineLine, countLine, products,
      el('h3', {}, 'The engine\u2019s result at these sizes'),
      el('p', { class: 'al-note' }, 'Tokens t1…tN get seeded toy embeddings and the W matrices are seeded random numbers, so only the shapes carry meaning here. Click a row to trace it.'),
      el('div', { class: 'al-controls' }, el('label', {}, 'Show', viewSelect)), mapBox,
      el('h3', {}, 'One output row, traced back'), trace);

    const map = createHeatmap(mapBox, { label: 'N × N grid', onLockChange: (row) => { if (row !== null) ctx.set({ query: row }); } });

    let current = this.defaults();
    function patch(key, value) {
      const next = { [key]: value };
      if (key === 'dModel' && current.dK > value) next.dK = value; // d_k can never exceed d_model here
      if (key === 'n' && current.query >= value) next.query = value - 1;
      ctx.set(next);
    }
    let spoken = '';
    function say(text) {
      message.textContent = text;
      message.hidden = !text;
      spoken = text;
    }

    return {
      render(s) {
        const problems = [];
        const take = (r) => { if (r.message) problems.push(r.message); return r.value; };
        const int = (value, [min, max], fallback, name, quiet = false) => take(readInt(value, { min, max, fallback, name, quiet }));
        const n = int(s.n, LIMITS.n, 3, 'N');
        const dModel = int(s.dModel, LIMITS.dModel, 8, 'd_model');
        const dK = int(s.dK, [1, dModel], Math.min(4, dModel), 'd_k');
        const seed = int(s.seed, LIMITS.seed, 7, 'seed');
        const view = take(readChoice(s.view, ['scores', 'weights'], 'scores', 'view'));
        // A traced row past the end of a smaller N simply moves to the last row.
        const query = int(s.query, [0, n - 1], 0, 'traced row', s.query >= n && s.query < LIMITS.n[1]);
        current = { n, dModel, dK, seed, query, view };
        const text = problems.length ? problems.join(' ') : spoken;
        message.textContent = text;
        message.hidden = !text;
        spoken = '';

        for (const [key, v] of Object.entries({ n, dModel, dK })) {
          const c = controls[key];
          if (key === 'dK') { c.number.max = String(dModel); c.range.max = String(dModel); }
          if (!c.number.matches(':focus') || Number(c.number.value) !== v) c.number.value = String(v);
          c.range.value = String(v);
          c.range.setAttribute('aria-valuetext', String(v));
        }
        if (!seedInput.matches(':focus')) seedInput.value = String(seed);
        viewSelect.value = view;

        // ---- the engine at these sizes ---------------------------------------------------
        const tokens = Array.from({ length: n }, (_, i) => `t${i + 1}`);
        const x = embed(tokens, dModel, seed);
        const r = ctx.engine.attention({
          x, n, dModel, heads: 1, dK, dV: dK,
          wq: randomMatrix(dModel, dK, seed * 4 + 1), wk: randomMatrix(dModel, dK, seed * 4 + 2),
          wv: randomMatrix(dModel, dK, seed * 4 + 3), wo: randomMatrix(dK, dModel, seed * 4 + 4),
        });
        const h = r.heads[0];
        // Every shape below is read from what the engine returned (length / rows).
        const shapeOf = (values) => [n, values.length / n];
        const [, qCols] = shapeOf(h.q);
        const [, sCols] = shapeOf(h.scores);
        const [, wCols] = shapeOf(h.weights);
        const [, oCols] = shapeOf(h.output);
        const setBox = (b, rows, cols) => {
          b.shape.textContent = formatShape(rows, cols);
          const size = boxSize(rows, cols);
          b.boxEl.style.width = `${size.width}px`;
          b.boxEl.style.height = `${size.height}px`;
        };
        setBox(boxes.x, n, x.length / n);
        setBox(boxes.w, dModel, qCols);
        setBox(boxes.q, n, qCols);
        setBox(boxes.scores, n, sCols);
        setBox(boxes.weights, n, wCols);
        setBox(boxes.output, n, oCols);
        engineLine.textContent = `The engine produced a ${formatShape(n, wCols)} weight matrix and a ${formatShape(n, oCols)} output (one row per token, ${oCols} number${oCols === 1 ? '' : 's'} each).`;
        countLine.textContent = `${n} token${n === 1 ? '' : 's'} → ${formatShape(n, sCols)} scores = ${(n * sCols).toLocaleString('en')} query–key pairs, while Q, K and V each hold ${(n * qCols).toLocaleString('en')} numbers.`;
        const transposeNote = n === dK
          ? `Here N = d_k = ${n}, so the sizes happen to fit, but that product would pair the wrong numbers: rows of Q must meet rows of K, which is what the transpose arranges.`
          : `the inner sizes ${dK} and ${n} differ, so it cannot be computed at all.`;
        products.replaceChildren(
          el('li', {}, `X (${formatShape(n, dModel)}) · W_Q (${formatShape(dModel, qCols)}): inner sizes ${dModel} and ${dModel} match → Q is ${formatShape(n, qCols)}.`),
          el('li', {}, `Q (${formatShape(n, qCols)}) · Kᵀ (${formatShape(qCols, n)}): inner sizes ${qCols} and ${qCols} match → ${formatShape(n, sCols)}.`),
          el('li', {}, `Q (${formatShape(n, qCols)}) · K (${formatShape(n, qCols)}) without the transpose: ${transposeNote}`),
          el('li', {}, `weights (${formatShape(n, wCols)}) · V (${formatShape(n, qCols)}): inner sizes ${wCols} and ${n} match → ${formatShape(n, oCols)}.`));

        const values = view === 'scores' ? h.scores : h.weights;
        map.update({
          values, rows: n, cols: n, rowLabels: tokens, colLabels: tokens,
          stage: view === 'scores' ? 'raw scores QKᵀ' : 'softmax weights (rows sum to 1)',
          scale: view === 'scores' ? 'diverging' : 'sequential', domain: view === 'weights' ? [0, 1] : undefined,
          lockedRow: query, highlightRow: query, showTable: ctx.ui.table, digits: 2,
        });

        // ---- one output row = one weights row · V (checked with the engine's matmul) -------
        const t = tokens[query];
        const wRow = h.weights.slice(query * n, query * n + n);
        const again = ctx.engine.matmul(wRow, h.v, 1, n, dK);
        const outRow = h.output.slice(query * dK, query * dK + dK);
        const list = (a) => `(${Array.from(a.slice(0, SHOW_DIGITS), (v) => formatNumber(v)).join(', ')}${a.length > SHOW_DIGITS ? `, … ${a.length - SHOW_DIGITS} more` : ''})`;
        trace.replaceChildren(
          el('li', {}, `Row ${t} of the weights is 1 × ${n}: ${list(wRow)}.`),
          el('li', {}, `Multiplied by all of V (${formatShape(n, dK)}) it gives a 1 × ${again.length} row: ${list(again)}.`),
          el('li', {}, `Row ${t} of the engine\u2019s output: ${list(outRow)}, the same numbers.`));
      },
      destroy() {
        map.destroy();
      },
    };
  },
};
