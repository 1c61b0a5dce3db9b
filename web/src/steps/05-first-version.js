// Step 5: a first try at self-attention with no parameters. Three tokens with editable 2-D
// embeddings are scored against each other by plain dot products (engine.attention with
// W_Q = W_K = W_V = identity and no scaling), softmax gives the weights, and the weights mix the
// embeddings. The learner can also set mixing weights by hand (mixed by engine.matmul). The two
// problems are shown live: nothing to tune, and a score matrix that is always symmetric.
import { createHeatmap, createMatrixEditor, createMatrixTable, createVectorPlot } from '../views/index.js';
import { domFor, uid } from '../lib/dom.js';
import { formatNumber, roundTo } from '../lib/format.js';
import { formulaBox } from '../views/formula-box.js';
import { readInt, readNumbers } from './scene-inputs.js';

const TOKENS = ['love', 'Apple', 'phones'];
const RANGE = [-3, 3];
const I2 = [1, 0, 0, 1];
// x: the worked example's embeddings; mix: the hand-set weights from the lesson text.
const possessive = (word) => (word.endsWith('s') ? `${word}’` : `${word}’s`);
const DEFAULTS = { x: [1, 0, 1, 1, 0, 2], mix: [0.1, 0.5, 0.4], a: 1, b: 2 };

export default {
  id: 'first-version',
  title: 'A first try: weighted mixing',
  defaults() { return { x: DEFAULTS.x.slice(), mix: DEFAULTS.mix.slice(), a: DEFAULTS.a, b: DEFAULTS.b }; },
  mount(host, ctx) {
    const { el } = domFor(host);
    const id = uid('a5');
    const win = host.ownerDocument.defaultView;

    const formula = formulaBox(host, ctx.formulas.mixing, 'Formula');
    const message = el('p', { class: 'al-message', hidden: true });
    const inputs = el('div', { class: 'al-grid scene-two' });
    const editorHost = inputs.appendChild(el('div', { class: 'al-cell' }));
    const plotHost = inputs.appendChild(el('div', { class: 'al-cell' }));
    const maps = el('div', { class: 'al-grid al-grid-3' });
    const box = (parent) => parent.appendChild(el('div', { class: 'al-cell' }));

    // hand-set mixing weights
    const sliders = TOKENS.map((t, i) => {
      const input = el('input', { type: 'range', min: '0', max: '1', step: '0.05', id: `${id}-mix${i}` });
      const out = el('output', { for: input.id, class: 'al-stat' });
      input.addEventListener('input', () => {
        const next = mix.slice();
        next[i] = Number(input.value);
        mix = next; // keep the local copy current until the next render
        ctx.set({ mix: next });
      });
      input.addEventListener('change', () => { win.clearTimeout(announceTimer); announceTimer = win.setTimeout(() => ctx.announce(mixText.textContent), 200); });
      return { input, out, label: el('label', { for: input.id, class: 'scene-slider' }, `Weight on ${t}`) };
    });
    const copy = el('button', { type: 'button', class: 'al-button' }, 'Use Apple’s softmax weights');
    const mixText = el('p', { class: 'al-stat', 'data-testid': 'mixed-apple' });
    const mixSum = el('p', { class: 'al-note', 'data-testid': 'mix-sum' });
    const mixBox = el('div', { class: 'scene-mix' }, ...sliders.map((s) => el('div', { class: 'scene-mix-row' }, s.label, s.input, s.out)));
    const mixGrid = el('div', { class: 'al-grid scene-two' });
    const mixControls = mixGrid.appendChild(el('div', { class: 'al-cell' }));
    const mixPlotHost = mixGrid.appendChild(el('div', { class: 'al-cell' }));

    // the two problems
    const pairA = el('select', { class: 'al-select', id: `${id}-a` }, ...TOKENS.map((t, i) => el('option', { value: String(i) }, t)));
    const pairB = el('select', { class: 'al-select', id: `${id}-b` }, ...TOKENS.map((t, i) => el('option', { value: String(i) }, t)));
    const symmetry = el('p', { class: 'al-stat scene-big', 'data-testid': 'symmetry' });
    const rowNorm = el('p', { 'data-testid': 'row-normalisation' });
    const knobs = el('p', { 'data-testid': 'knobs' });
    const fix = el('button', { type: 'button', class: 'al-button al-primary' }, 'Give each word separate query and key roles');

    mixControls.append(mixBox, el('div', { class: 'al-controls' }, copy), mixText, mixSum);
    host.append(formula,
      el('h3', {}, 'Embeddings (the only inputs)'), inputs, message,
      el('h3', {}, 'Scores → weights → mixed vectors'), maps,
      el('h3', {}, 'Mix Apple by hand'), mixGrid,
      el('h3', {}, 'Problem 1: nothing to learn'), knobs,
      el('h3', {}, 'Problem 2: relevance is symmetric'),
      el('div', { class: 'al-controls' }, el('label', { for: pairA.id }, 'Compare'), pairA, el('label', { for: pairB.id }, 'with'), pairB),
      symmetry, rowNorm, el('div', { class: 'al-controls' }, fix));

    let x = DEFAULTS.x.slice();
    let mix = DEFAULTS.mix.slice();
    let appleWeights = [0, 0, 0];
    let announceTimer = null;
    const editor = createMatrixEditor(editorHost, {
      caption: 'Embeddings X (one row per token)', min: RANGE[0], max: RANGE[1], step: 0.5,
      onChange: (values) => { x = Array.from(values, (v) => roundTo(v)); ctx.set({ x }); },
    });
    const plot = createVectorPlot(plotHost, {
      label: 'Embeddings and the new Apple', xLabel: 'dimension 1', yLabel: 'dimension 2', range: RANGE,
      onMove: (i, [px, py]) => {
        if (i >= 3) return;
        const next = x.slice();
        next[i * 2] = roundTo(px);
        next[i * 2 + 1] = roundTo(py);
        x = next;
        ctx.set({ x: next });
      },
    });
    const mixPlot = createVectorPlot(mixPlotHost, { label: 'Your mix of the three vectors', xLabel: 'dimension 1', yLabel: 'dimension 2', range: RANGE });
    const heat = {
      scores: createHeatmap(box(maps), { label: 'Scores x_i · x_j', onLockChange: (row) => row !== null && ctx.set({ a: row }) }),
      weights: createHeatmap(box(maps), { label: 'Weights (softmax of each row)', onLockChange: (row) => row !== null && ctx.set({ a: row }) }),
    };
    const outTable = createMatrixTable(box(maps));
    copy.addEventListener('click', () => {
      ctx.set({ mix: appleWeights.map((w) => roundTo(w)) });
      ctx.announce('The sliders now hold Apple’s softmax weights, rounded to two decimals.');
    });
    pairA.addEventListener('change', () => ctx.set({ a: Number(pairA.value) }));
    pairB.addEventListener('change', () => ctx.set({ b: Number(pairB.value) }));
    fix.addEventListener('click', () => ctx.goTo('qkv'));

    return {
      render(s) {
        const xs = readNumbers(s.x, 6, { min: RANGE[0], max: RANGE[1], fallback: DEFAULTS.x, name: 'embeddings' });
        const ms = readNumbers(s.mix, 3, { min: 0, max: 1, fallback: DEFAULTS.mix, name: 'mixing weights' });
        const a = readInt(s.a, { min: 0, max: 2, fallback: DEFAULTS.a, name: 'first word of the pair' });
        const b = readInt(s.b, { min: 0, max: 2, fallback: DEFAULTS.b, name: 'second word of the pair' });
        const messages = [xs.message, ms.message, a.message, b.message].filter(Boolean);
        message.textContent = messages.join(' ');
        message.hidden = !messages.length;
        x = xs.value;
        mix = ms.value;
        const [i, j] = [a.value, b.value];

        // Plain dot products, softmax, mix: one engine call with identity projections.
        const r = ctx.engine.attention({ x, n: 3, dModel: 2, dK: 2, dV: 2, wq: I2, wk: I2, wv: I2, scale: false });
        const h = r.heads[0];
        appleWeights = [h.weights[3], h.weights[4], h.weights[5]];
        const handMix = ctx.engine.matmul(mix, x, 1, 3, 2);

        editor.update({ values: x, rows: 3, cols: 2, rowLabels: TOKENS, colLabels: ['dim 1', 'dim 2'] });
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
            { label: 'your mix', x: handMix[0], y: handMix[1], kind: 'value' },
          ],
          arrows: [{ from: [x[2], x[3]], to: [handMix[0], handMix[1]], kind: 'value' }],
        });
        const grid = (values, stage, scale) => ({ values, rows: 3, cols: 3, rowLabels: TOKENS, colLabels: TOKENS, stage, scale, lockedRow: i, showTable: ctx.ui.table, digits: 2 });
        heat.scores.update(grid(h.scores, 'raw dot products', 'diverging'));
        heat.weights.update({ ...grid(h.weights, 'softmax weights', 'sequential'), domain: [0, 1] });
        outTable.update({ values: h.output, rows: 3, cols: 2, rowLabels: TOKENS, colLabels: ['dim 1', 'dim 2'], caption: 'Mixed vectors: weights · X', highlight: { row: i, col: -1 } });

        // hand mix
        sliders.forEach((sl, k) => {
          sl.input.value = String(mix[k]);
          sl.out.textContent = formatNumber(mix[k]);
        });
        let total = 0;
        for (const w of mix) total += w;
        mixText.textContent = `${formatNumber(mix[0])} × love + ${formatNumber(mix[1])} × Apple + ${formatNumber(mix[2])} × phones = (${formatNumber(handMix[0])}, ${formatNumber(handMix[1])})`;
        mixSum.textContent = Math.abs(total - 1) < 0.005
          ? `Your weights add up to 1, like softmax weights always do. Softmax would give Apple ${appleWeights.map((w) => formatNumber(w)).join(', ')}.`
          : `Your weights add up to ${formatNumber(total)}, not 1, so this mix is also ${total > 1 ? 'stretched' : 'shrunk'} by that factor; softmax weights always add up to 1 (for Apple: ${appleWeights.map((w) => formatNumber(w)).join(', ')}).`;

        // problem 1
        knobs.textContent = 'Every number above follows from the three embeddings alone: the score is a plain dot product, softmax and the mix are fixed arithmetic. '
          + 'The only way to change who attends to whom is to move the embeddings themselves, so there is nothing separate that training could adjust.';

        // problem 2: the score matrix is symmetric, the weights differ only by row normalisation
        pairA.value = String(i);
        pairB.value = String(j);
        const sij = h.scores[i * 3 + j];
        const sji = h.scores[j * 3 + i];
        const A = TOKENS[i], B = TOKENS[j];
        symmetry.textContent = Math.abs(sij - sji) <= 1e-5 * Math.max(1, Math.abs(sij))
          ? `score(${A}→${B}) = score(${B}→${A}) = ${formatNumber(sij)}`
          : `score(${A}→${B}) = ${formatNumber(sij)}, score(${B}→${A}) = ${formatNumber(sji)}`;
        if (i === j) {
          rowNorm.textContent = 'Pick two different words to compare the two directions.';
        } else {
          const rowTotal = (row) => [0, 1, 2].reduce((t, k) => t + Math.exp(h.scores[row * 3 + k]), 0);
          rowNorm.textContent = `The weights can still differ: ${A}→${B} gets ${formatNumber(h.weights[i * 3 + j])} and ${B}→${A} gets ${formatNumber(h.weights[j * 3 + i])}. `
            + `Both start from the same exp(${formatNumber(sij)}) = ${formatNumber(Math.exp(sij))}; it is only divided by a different row total (${possessive(A)} row: ${formatNumber(rowTotal(i))}, ${possessive(B)} row: ${formatNumber(rowTotal(j))}). `
            + 'The relevance itself cannot be one-sided.';
        }
      },
      destroy() {
        win.clearTimeout(announceTimer);
        editor.destroy();
        plot.destroy();
        mixPlot.destroy();
        heat.scores.destroy();
        heat.weights.destroy();
        outTable.destroy();
      },
    };
  },
};
