// Step 13: multi-head attention on a sentence (toy model, d_model 16, seeded weights). The engine
// runs h heads of width 16/h with W_O; the scene draws every head's weights as small multiples,
// enlarges the selected head, reads the concatenation and output shapes off the result arrays, and
// lists which key each head weights most for the selected query.
import { createHeatmap } from '../views/index.js';
import { formatNumber } from '../lib/format.js';
import { domFor } from '../lib/dom.js';
import { embed, layerWeights } from '../model/toy-model.js';
import { rowMax } from '../lib/matrix.js';
import { readChoice, readInt, readSentence } from './scene-inputs.js';
import { formulaBox } from '../views/formula-box.js';
import { messageLine, sentenceField } from '../views/controls.js';

const D_MODEL = 16;
const HEAD_CHOICES = [1, 2, 4, 8];
const quote = (t) => `‘${t}’`;
const fmt = (v) => formatNumber(v, 2);

export default {
  id: 'multi-head',
  title: 'Many heads at once',
  defaults() {
    return { sentence: "The animal didn't cross the street because it was too tired", heads: 4, head: 0, query: 7 };
  },
  mount(host, ctx) {
    const { el } = domFor(host);
    let tokens = readSentence(this.defaults().sentence).tokens;
    const formula = formulaBox(host, ctx.formulas.multiHead, 'Multi-head formula');

    const messages = messageLine(host);
    const sentence = sentenceField(host, { onChange: (text) => ctx.set({ sentence: text }) });
    const headsSelect = el('select', { class: 'al-select' }, ...HEAD_CHOICES.map((h) => el('option', { value: String(h) }, String(h))));
    const headSelect = el('select', { class: 'al-select' });
    const querySelect = el('select', { class: 'al-select' });
    headsSelect.addEventListener('change', () => {
      const h = Number(headsSelect.value);
      ctx.set({ heads: h, head: 0 });
      ctx.announce(`${h} head${h === 1 ? '' : 's'} of width ${D_MODEL / h}.`);
    });
    headSelect.addEventListener('change', () => ctx.set({ head: Number(headSelect.value) }));
    querySelect.addEventListener('change', () => ctx.set({ query: Number(querySelect.value) }));

    const honest = el('p', { class: 'al-note' },
      'These heads use seeded random weights, not trained ones. They differ only because each head projects the same embeddings with different random numbers; nothing here has learned to specialise.');
    const narrowNote = el('p', { class: 'al-note scene-mh-narrow' }, 'On a narrow screen one head is shown at a time: pick it with “Enlarged head”.');
    const multiples = el('div', { class: 'al-grid al-grid-4 scene-mh-multiples', role: 'group', 'aria-label': 'Every head side by side' });
    const bigHost = el('div', { class: 'al-cell' });
    const big = createHeatmap(bigHost, { label: 'Head in focus', onLockChange: (r) => r !== null && ctx.set({ query: r }) });
    const concatShape = el('span', { 'data-testid': 'concat-shape', class: 'al-stat' });
    const outputShape = el('span', { 'data-testid': 'output-shape', class: 'al-stat' });
    const headShape = el('span', { 'data-testid': 'head-shape', class: 'al-stat' });
    const concatNote = el('span', {});
    const outputNote = el('span', {});
    const shapes = el('ul', { class: 'scene-facts', 'aria-label': 'Shapes read from the result' },
      el('li', {}, 'Each head’s Q, K and V: ', headShape),
      el('li', {}, 'Concatenation of the heads’ outputs: ', concatShape, concatNote),
      el('li', {}, 'After W_O: ', outputShape, outputNote));
    const argmaxTitle = el('p', {});
    const argmax = el('p', { 'data-testid': 'head-argmax', class: 'al-stat' });

    host.append(formula, messages.element,
      el('div', { class: 'al-controls' }, sentence.element),
      el('div', { class: 'al-controls' },
        el('label', {}, 'Heads h ', headsSelect), el('label', {}, 'Enlarged head ', headSelect), el('label', {}, 'Query ', querySelect)),
      honest,
      el('h3', {}, 'Every head’s weights'), narrowNote, multiples,
      el('h3', {}, 'The selected head, enlarged'), bigHost,
      el('h3', {}, 'Where each head looks for the selected query'), argmaxTitle, argmax,
      el('h3', {}, 'Shapes'), shapes);

    let smalls = []; // [{ map, button }]
    function buildSmall(h) {
      for (const s of smalls) s.map.destroy();
      multiples.replaceChildren();
      smalls = Array.from({ length: h }, (_, k) => {
        const cell = multiples.appendChild(el('div', { class: 'al-cell scene-mh-head' }));
        const map = createHeatmap(cell, { label: `Head ${k + 1}` });
        const button = el('button', { type: 'button', class: 'al-button', 'aria-pressed': 'false' }, `Enlarge head ${k + 1}`);
        button.addEventListener('click', () => ctx.set({ head: k }));
        cell.append(button);
        return { map, button, cell };
      });
    }

    return {
      render(s) {
        const read = readSentence(s.sentence);
        if (read.tokens) tokens = read.tokens;
        const n = tokens.length;
        const heads = readChoice(s.heads, HEAD_CHOICES, 4, 'number of heads');
        const h = heads.value;
        const head = readInt(s.head, { min: 0, max: h - 1, fallback: 0, name: 'selected head', quiet: Number.isInteger(s.head) });
        const q = readInt(s.query, { min: 0, max: n - 1, fallback: n - 1, name: 'query', quiet: Number.isInteger(s.query) });
        messages.show([read.message, heads.message, head.message, q.message]);
        sentence.sync(s.sentence);
        headsSelect.value = String(h);
        if (headSelect.options.length !== h) headSelect.replaceChildren(...Array.from({ length: h }, (_, k) => el('option', { value: String(k) }, `Head ${k + 1}`)));
        headSelect.value = String(head.value);
        const key = tokens.join('\u0000');
        if (querySelect.dataset.key !== key) {
          querySelect.replaceChildren(...tokens.map((t, i) => el('option', { value: String(i) }, `${t} (${i + 1})`)));
          querySelect.dataset.key = key;
        }
        querySelect.value = String(q.value);

        const w = layerWeights(D_MODEL, h);
        const r = ctx.engine.attention({ x: embed(tokens, D_MODEL), n, dModel: D_MODEL, heads: h, wq: w.wq, wk: w.wk, wv: w.wv, wo: w.wo });
        if (smalls.length !== h) buildSmall(h);
        // One colour scale for every head (0 to the largest weight of any head), so heads compare.
        let top = 0;
        for (const hd of r.heads) for (const v of hd.weights) top = Math.max(top, v);
        const spec = (k) => ({ values: r.heads[k].weights, rows: n, cols: n, rowLabels: tokens, colLabels: tokens, domain: [0, top], showTable: ctx.ui.table, stage: 'softmax weights' });
        smalls.forEach(({ map, button, cell }, k) => {
          map.update({ ...spec(k), highlightRow: q.value });
          const on = k === head.value;
          button.setAttribute('aria-pressed', String(on));
          button.textContent = on ? `Head ${k + 1} is enlarged` : `Enlarge head ${k + 1}`;
          cell.classList.toggle('scene-selected', on);
        });
        big.update({ ...spec(head.value), lockedRow: q.value, stage: `head ${head.value + 1} of ${h}, softmax weights` });

        const dK = r.heads[0].q.length / n, dV = r.heads[0].v.length / n;
        const concatCols = r.concat.length / n, outCols = r.output.length / n;
        headShape.textContent = `${n} × ${dK} (d_k = d_model / h = ${D_MODEL} / ${h})`;
        concatShape.textContent = `${n} × ${concatCols}`;
        concatNote.textContent = ` — n × h·d_v = ${n} × ${h}·${dV}`;
        outputShape.textContent = `${n} × ${outCols}`;
        outputNote.textContent = ` — n × d_model, because W_O is ${concatCols} × ${w.wo.length / concatCols}`;

        argmaxTitle.textContent = `Query ${quote(tokens[q.value])}: the key each head gives the most weight to.`;
        argmax.textContent = r.heads.map((hd, k) => {
          const best = rowMax(hd.weights.subarray(q.value * n, (q.value + 1) * n), 1, n)[0];
          return `head ${k + 1} → ${quote(tokens[best.col])} ${fmt(best.value)}`;
        }).join('; ');
      },
      destroy() {
        sentence.destroy();
        big.destroy();
        for (const s of smalls) s.map.destroy();
      },
    };
  },
};
