// Step 12: attention alone ignores order. The toy model gives each word the same vector wherever it
// stands, so shuffling the sentence only permutes the rows of X; the engine's weights for the
// shuffled sentence are then the original weights with rows and columns moved, which the scene
// checks numerically. Adding the engine's sinusoidal positional encoding breaks that. Below, the
// encoding matrix itself with sliders for the number of positions and d_model.
import { createHeatmap } from '../views/index.js';
import { formatNumber, formatDiff } from '../lib/format.js';
import { domFor } from '../lib/dom.js';
import { embed, layerWeights } from '../model/toy-model.js';
import { maxAbsDiff } from '../lib/matrix.js';
import { seededPermutation, unpermuteRows, unpermuteSquare } from '../lib/permutation.js';
import { readBool, readInt, readSentence } from './scene-inputs.js';
import { formulaBox } from '../views/formula-box.js';
import { messageLine, rangeField, sentenceField, toggleButton } from '../views/controls.js';

const D_MODEL = 16;
const SAME = 1e-5; // float32 noise allowed when calling two matrices equal
const quote = (t) => `‘${t}’`;
const fmt = (v) => formatNumber(v, 2);

export default {
  id: 'positions',
  title: 'Where order comes from',
  defaults() {
    return { sentence: 'The cat sat down', shuffle: 0, pe: false, follow: 1, peN: 20, peD: 32 };
  },
  mount(host, ctx) {
    const { el } = domFor(host);
    let tokens = ['The', 'cat', 'sat', 'down'];
    let shuffleSeed = 0;

    const messages = messageLine(host);
    const sentence = sentenceField(host, { onChange: (text) => ctx.set({ sentence: text }) });
    const shuffle = el('button', { type: 'button', class: 'al-button al-primary' }, 'Shuffle the words');
    const reset = el('button', { type: 'button', class: 'al-button' }, 'Reset order');
    const pe = toggleButton(host, {
      label: 'Add positional encoding',
      onToggle: (on) => {
        ctx.set({ pe: on });
        ctx.announce(on ? 'Positional encoding added to every embedding.' : 'Positional encoding removed.');
      },
    });
    const followSelect = el('select', { class: 'al-select' });
    const followLabel = el('label', {}, 'Follow the word ', followSelect);
    shuffle.addEventListener('click', () => ctx.set({ shuffle: (shuffleSeed % 100000) + 1 }));
    reset.addEventListener('click', () => { ctx.set({ shuffle: 0 }); ctx.announce('Back to the original order.'); });
    followSelect.addEventListener('change', () => ctx.set({ follow: Number(followSelect.value) }));

    const orders = el('p', { class: 'scene-orders' });
    const maps = el('div', { class: 'al-grid' });
    const box = () => maps.appendChild(el('div', { class: 'al-cell' }));
    const original = createHeatmap(box(), { label: 'Weights, original order' });
    const shuffled = createHeatmap(box(), { label: 'Weights, shuffled order' });
    const check = el('p', { class: 'al-callout', 'data-testid': 'permutation-check' });
    const outputCheck = el('p', { 'data-testid': 'output-check' });
    const follow = el('p', { 'data-testid': 'follow-row', class: 'al-stat' });

    const peFormula = formulaBox(host, ctx.formulas.positional, 'Positional encoding formula');
    const peN = rangeField(host, { label: 'Positions n', min: 1, max: 64, onInput: (v) => ctx.set({ peN: v }) });
    const peD = rangeField(host, { label: 'd_model', min: 4, max: 128, onInput: (v) => ctx.set({ peD: v }) });
    const peHost = el('div', { class: 'al-cell' });
    const peMap = createHeatmap(peHost, { label: 'Positional encoding PE' });
    const peNote = el('p', { 'data-testid': 'pe-note' });

    host.append(messages.element,
      el('div', { class: 'al-controls' }, sentence.element),
      el('div', { class: 'al-controls' }, shuffle, reset, pe.element, followLabel),
      orders, maps, check, outputCheck, follow,
      el('h3', {}, 'The positional-encoding matrix'), peFormula,
      el('div', { class: 'al-controls' }, peN.element, peD.element), peHost, peNote);

    const w = layerWeights(D_MODEL, 1);
    const run = (x, n) => ctx.engine.attention({ x, n, dModel: D_MODEL, wq: w.wq, wk: w.wk, wv: w.wv });
    // Embeddings of `words`, plus the encoding of their slots when `withPe`.
    const inputs = (words, withPe) => {
      const x = embed(words, D_MODEL);
      if (withPe) {
        const p = ctx.engine.positionalEncoding(words.length, D_MODEL);
        for (let i = 0; i < x.length; i++) x[i] += p[i];
      }
      return x;
    };

    return {
      render(s) {
        const read = readSentence(s.sentence);
        if (read.tokens) tokens = read.tokens;
        const n = tokens.length;
        const seed = readInt(s.shuffle, { min: 0, max: 1e9, fallback: 0, name: 'shuffle' });
        const withPe = readBool(s.pe, false, 'positional encoding');
        const fol = readInt(s.follow, { min: 0, max: n - 1, fallback: Math.min(1, n - 1), name: 'followed word', quiet: Number.isInteger(s.follow) });
        const pn = readInt(s.peN, { min: 1, max: 64, fallback: 20, name: 'number of positions' });
        const pd = readInt(s.peD, { min: 4, max: 128, fallback: 32, name: 'd_model of the encoding' });
        messages.show([read.message, seed.message, withPe.message, fol.message, pn.message, pd.message]);
        shuffleSeed = seed.value;
        sentence.sync(s.sentence);
        pe.sync(withPe.value);
        reset.disabled = seed.value === 0;
        shuffle.disabled = n < 2;
        const optionsKey = tokens.join('\u0000');
        if (followSelect.dataset.key !== optionsKey) {
          followSelect.replaceChildren(...tokens.map((t, i) => el('option', { value: String(i) }, `${t} (word ${i + 1})`)));
          followSelect.dataset.key = optionsKey;
        }
        followSelect.value = String(fol.value);

        const perm = seededPermutation(n, seed.value);
        const words = perm.map((i) => tokens[i]);
        const a = run(inputs(tokens, withPe.value), n);
        const b = run(inputs(words, withPe.value), n);
        const wa = a.heads[0].weights, wb = b.heads[0].weights;
        const where = perm.indexOf(fol.value);
        let top = 0;
        for (let i = 0; i < wa.length; i++) top = Math.max(top, wa[i], wb[i]);
        const spec = { rows: n, cols: n, domain: [0, top], showTable: ctx.ui.table, stage: withPe.value ? 'softmax weights, positions added' : 'softmax weights, no positions' };
        original.update({ ...spec, values: wa, rowLabels: tokens, colLabels: tokens, lockedRow: fol.value });
        shuffled.update({ ...spec, values: wb, rowLabels: words, colLabels: words, lockedRow: where });
        orders.textContent = `Original order: ${tokens.join(' ')}. ${seed.value ? `Shuffled order: ${words.join(' ')}.` : 'Not shuffled yet: both matrices use the original order.'}`;

        // The check: put the shuffled result back into the original order and compare.
        const dW = maxAbsDiff(unpermuteSquare(wb, n, perm), wa);
        const dOut = maxAbsDiff(unpermuteRows(b.output, n, D_MODEL, perm), a.output);
        const entries = `${n * n} entries compared`;
        if (n < 2) check.textContent = 'A single token cannot be shuffled; type at least two words.';
        else if (!seed.value) check.textContent = `Press “Shuffle the words” first. Right now both orders are the same, so the matrices match exactly (largest difference ${formatDiff(dW)}, ${entries}).`;
        else if (dW <= SAME) check.textContent = `It is a permutation: put back into the original order, the shuffled weights equal the original ones (largest difference ${formatDiff(dW)}, ${entries}).${withPe.value ? '' : ' Attention did not notice the new order.'}`;
        else check.textContent = `No longer a permutation: put back into the original order, the shuffled weights still differ from the original ones (largest difference ${formatDiff(dW)}, ${entries}).${withPe.value ? ' The positions changed the numbers themselves.' : ''}`;
        outputCheck.textContent = n < 2 || !seed.value ? '' : dOut <= SAME
          ? `Each word's output vector is unchanged by the shuffle (largest difference ${formatDiff(dOut)} over ${n} × ${D_MODEL} numbers); it only moved to a new row.`
          : `Each word's output vector changed with its position (largest difference ${formatDiff(dOut)} over ${n} × ${D_MODEL} numbers).`;
        const row = (m, r, labels) => labels.map((t, j) => `${t} ${fmt(m[r * n + j])}`).join(', ');
        follow.textContent = `${quote(tokens[fol.value])}: original row ${fol.value + 1} → ${row(wa, fol.value, tokens)}. Shuffled row ${where + 1} → ${row(wb, where, words)}.`;

        // The positional-encoding matrix on its own.
        peN.sync(pn.value);
        peD.sync(pd.value);
        const pev = ctx.engine.positionalEncoding(pn.value, pd.value);
        peMap.update({
          values: pev, rows: pn.value, cols: pd.value, scale: 'diverging', domain: [-1, 1], digits: 2,
          rowLabels: Array.from({ length: pn.value }, (_, p) => `pos ${p}`),
          colLabels: Array.from({ length: pd.value }, (_, i) => `d${i}`),
          rowAxisTitle: 'position', colAxisTitle: 'dimension', stage: 'sine and cosine values',
          showTable: ctx.ui.table,
        });
        const last = pn.value - 1;
        const slow = pd.value % 2 === 0 ? pd.value - 2 : pd.value - 1; // the last sine column
        const fast = Array.from({ length: Math.min(4, pn.value) }, (_, p) => fmt(pev[p * pd.value]));
        peNote.textContent = `Column d0 is the fastest wave: down the positions it reads ${fast.join(', ')}${pn.value > 4 ? ' and so on' : ''}. `
          + `Column d${slow} is the slowest sine: it only goes from ${formatNumber(pev[slow], 4)} at pos 0 to ${formatNumber(pev[last * pd.value + slow], 4)} at pos ${last}. `
          + 'Every position gets its own row pattern.';
      },
      destroy() {
        sentence.destroy();
        for (const v of [original, shuffled, peMap]) v.destroy();
      },
    };
  },
};
