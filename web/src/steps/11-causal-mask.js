// Step 11: the causal mask on a learner's sentence (the lesson's one embedding, lesson-embedding.js). The engine computes the
// masked scores and softmax weights with the mask on and off; the scene reads off the zeros above
// the diagonal, the row sums and row 1, lets the learner predict what row 2 can see, compares one
// row with and without the mask, and shows a second mask kind: padding (extra [pad] tokens appended to the
// sentence, hidden from every query with validKeys = the sentence's length).
import { createHeatmap, createMatrixTable } from '../views/index.js';
import { formatNumber } from '../lib/format.js';
import { domFor, uid } from '../lib/dom.js';
import { embed, layerWeights } from '../model/toy-model.js';
import { rowSums, aboveDiagonal, nonZeroInRow } from '../lib/matrix.js';
import { readBool, readInt, readSentence } from './scene-inputs.js';
import { formulaBox } from '../views/formula-box.js';
import { LESSON_EMBEDDING, EMBEDDING_NOTE } from './lesson-embedding.js';
import { messageLine, rangeField, sentenceField, toggleButton } from '../views/controls.js';

const D_MODEL = LESSON_EMBEDDING.dModel; // the same vectors as every other sentence step
const DEFAULT_SENTENCE = 'The cat sat down';
const quote = (t) => `‘${t}’`;
const fmt = (v, digits = 2) => formatNumber(v, digits); // always fixed digits: 1.00, not 1

export default {
  id: 'causal-mask',
  title: 'The causal mask',
  defaults() {
    return { sentence: DEFAULT_SENTENCE, causal: true, query: 0, guess: 1, revealed: false, padding: 2 };
  },
  mount(host, ctx) {
    const { el } = domFor(host);
    let lastCausal = null; // the mask state the weights heatmap last showed
    const formula = formulaBox(host, ctx.formulas.causal, 'Causal mask formula');

    const messages = messageLine(host);
    const sentence = sentenceField(host, { onChange: (text) => ctx.set({ sentence: text, revealed: false }) });
    const toggle = toggleButton(host, {
      label: 'Causal mask',
      onToggle: (on) => {
        ctx.set({ causal: on });
        ctx.announce(on ? 'Causal mask on: every weight above the diagonal is now 0.' : 'Causal mask off: every token sees every token.');
      },
    });
    let tokens = ['The', 'cat', 'sat', 'down'];
    const query = rangeField(host, {
      label: 'Query row',
      min: 1, max: 4,
      format: (v) => `${v} of ${tokens.length} (${quote(tokens[v - 1] ?? '')})`,
      onInput: (v) => ctx.set({ query: v - 1 }),
    });

    // Predict before reveal.
    const guessSelect = el('select', { class: 'al-select', id: uid('scene-guess') });
    const reveal = el('button', { type: 'button', class: 'al-button al-primary' }, 'Reveal row 2');
    const again = el('button', { type: 'button', class: 'al-button' }, 'Guess again');
    const question = el('p', {});
    const feedback = el('p', { class: 'scene-feedback', 'data-testid': 'row2-reveal' });
    const predict = el('div', { class: 'al-callout mask-predict' },
      el('h3', {}, 'Predict first'), question,
      el('div', { class: 'al-controls' }, el('label', { for: guessSelect.id }, 'My guess:'), guessSelect, reveal, again),
      feedback);
    reveal.addEventListener('click', () => ctx.set({ guess: Number(guessSelect.value), revealed: true }));
    again.addEventListener('click', () => ctx.set({ revealed: false }));

    const maps = el('div', { class: 'al-grid' });
    const box = (parent) => parent.appendChild(el('div', { class: 'al-cell' }));
    const masked = createHeatmap(box(maps), { label: 'Scores after the mask', onLockChange: (r) => r !== null && ctx.set({ query: r }) });
    const weights = createHeatmap(box(maps), { label: 'Attention weights', onLockChange: (r) => r !== null && ctx.set({ query: r }) });
    const upper = el('span', { 'data-testid': 'upper-triangle' });
    const sums = el('span', { 'data-testid': 'row-sums', class: 'al-stat' });
    const first = el('span', { 'data-testid': 'first-row' });
    const facts = el('ul', { class: 'scene-facts', 'aria-label': 'What the weights show' },
      el('li', {}, upper), el('li', {}, 'Row sums: ', sums), el('li', {}, first));

    const compareHost = el('div', { class: 'mask-compare scene-words' });
    const compare = createMatrixTable(compareHost);
    const compareText = el('p', { 'data-testid': 'row-compare' });

    const padNote = el('p', { class: 'al-note' },
      'Sentences of different lengths are often processed together in one batch, so the shorter ones are filled up with [pad] tokens to a common length. '
      + 'A padding mask (here validKeys = the real length) hides those filler keys from every query: their scores become −∞ before the softmax, like future tokens under the causal mask, but the hidden columns are the same for every row.');
    const pad = rangeField(host, {
      label: '[pad] tokens added',
      min: 0, max: 8,
      format: (v) => `${v} (validKeys = ${tokens.length} of ${tokens.length + v})`,
      onInput: (v) => ctx.set({ padding: v }),
      onCommit: (v) => ctx.announce(`${v} padding token${v === 1 ? '' : 's'} added; they get weight 0.`),
    });
    const padMapHost = el('div', { class: 'al-cell' });
    const padMap = createHeatmap(padMapHost, { label: 'Weights with a padding mask' });
    const padText = el('p', { 'data-testid': 'padding-zeros' });

    host.append(formula, messages.element,
      el('div', { class: 'al-controls' }, sentence.element),
      el('div', { class: 'al-controls' }, toggle.element, query.element),
      predict,
      el('h3', {}, 'Masked scores and the weights they give'), maps, facts,
      el('p', { class: 'al-note', 'data-testid': 'embedding-note' }, EMBEDDING_NOTE),
      el('h3', {}, 'The selected row with the mask off and on'), compareHost, compareText,
      el('h3', {}, 'A second kind of mask: padding'), padNote, el('div', { class: 'al-controls' }, pad.element), padMapHost, padText);

    const run = (x, n, mask) => {
      const w = layerWeights(D_MODEL, 1);
      return ctx.engine.attention({ x, n, dModel: D_MODEL, wq: w.wq, wk: w.wk, wv: w.wv, mask }).heads[0];
    };
    let lastKey = null;

    return {
      render(s) {
        const problems = [];
        const read = readSentence(s.sentence);
        problems.push(read.message);
        if (read.tokens) tokens = read.tokens;
        const n = tokens.length;
        const causal = readBool(s.causal, true, 'causal mask');
        const q = readInt(s.query, { min: 0, max: n - 1, fallback: 0, name: 'query row', quiet: Number.isInteger(s.query) });
        const pads = readInt(s.padding, { min: 0, max: Math.min(8, 64 - n), fallback: 2, name: 'number of padding tokens', quiet: Number.isInteger(s.padding) && s.padding >= 0 && s.padding <= 8 });
        const revealed = readBool(s.revealed, false, 'revealed answer');
        problems.push(causal.message, q.message, pads.message, revealed.message);
        messages.show(problems);
        sentence.sync(s.sentence);
        toggle.sync(causal.value);
        query.sync(q.value + 1, { max: n });
        pad.sync(pads.value, { max: Math.min(8, 64 - n) });

        const x = embed(tokens, D_MODEL);
        const on = run(x, n, 'causal');
        const off = run(x, n, 'none');
        const shown = causal.value ? on : off;
        const labels = { rowLabels: tokens, colLabels: tokens, showTable: ctx.ui.table, lockedRow: q.value };
        masked.update({ ...labels, values: shown.masked, rows: n, cols: n, scale: 'diverging', stage: causal.value ? 'scaled scores, future keys set to −∞' : 'scaled scores, nothing masked' });
        // Toggling the mask eases the weights from one version to the other (none under reduced motion).
        const toggled = lastCausal !== null && lastCausal !== causal.value;
        lastCausal = causal.value;
        weights.update({ ...labels, values: shown.weights, rows: n, cols: n, domain: [0, 1], stage: causal.value ? 'softmax weights, mask on' : 'softmax weights, mask off', transition: toggled ? 450 : 0 });

        // Statements read from the weights the engine returned.
        const above = aboveDiagonal(shown.weights, n);
        if (above.total === 0) upper.textContent = 'With one token there are no entries above the diagonal.';
        else if (above.zeros === above.total) upper.textContent = `Mask ${causal.value ? 'on' : 'off'}: all ${above.total} entries above the diagonal are exactly 0 (no token sees a later one).`;
        else upper.textContent = `Mask ${causal.value ? 'on' : 'off'}: ${above.zeros} of the ${above.total} entries above the diagonal are exactly 0; together they carry ${fmt(above.sum)} of weight on later tokens (largest ${fmt(above.max)}).`;
        sums.textContent = rowSums(shown.weights, n, n).map((v) => fmt(v)).join(', ');
        const self = shown.weights[0];
        first.textContent = self === 1
          ? `Row 1 (${quote(tokens[0])}) attends only to itself: weight ${fmt(self)}.`
          : `Row 1 (${quote(tokens[0])}) gives ${fmt(self)} to itself and ${fmt(1 - self)} to later tokens.`;

        // Predict: how many keys can row 2 see with the mask on?
        const canPredict = n >= 2;
        question.textContent = canPredict
          ? `With the causal mask on, how many of the ${n} keys can row 2 (${quote(tokens[1])}) give a non-zero weight to? Guess, then reveal.`
          : 'Type a sentence of at least two tokens to try this prediction.';
        const guess = readInt(s.guess, { min: 1, max: Math.max(1, n), fallback: 1, name: 'guess', quiet: true }).value;
        if (guessSelect.options.length !== n) guessSelect.replaceChildren(...Array.from({ length: n }, (_, i) => el('option', { value: String(i + 1) }, String(i + 1))));
        guessSelect.value = String(guess);
        guessSelect.disabled = !canPredict || revealed.value;
        reveal.disabled = !canPredict || revealed.value;
        again.hidden = !revealed.value;
        if (canPredict && revealed.value) {
          const seen = nonZeroInRow(on.weights, 1, n);
          const parts = tokens.map((t, j) => `${quote(t)} ${fmt(on.weights[n + j])}`).join(', ');
          feedback.textContent = `${guess === seen ? 'Right' : 'Not quite'}: you guessed ${guess}; row 2 can see ${seen} key${seen === 1 ? '' : 's'}, itself and the token before it. Its weights are ${parts}.`;
        } else {
          feedback.textContent = '';
        }

        // One row with the mask off and on.
        const i = q.value;
        const pair = new Float32Array(n * 2);
        for (let j = 0; j < n; j++) { pair[j * 2] = off.weights[i * n + j]; pair[j * 2 + 1] = on.weights[i * n + j]; }
        compare.update({ values: pair, rows: n, cols: 2, rowLabels: tokens, colLabels: ['mask off', 'mask on'], cornerLabel: 'key', caption: `Row ${i + 1} (${quote(tokens[i])}): its weight on each key` });
        const sumOff = rowSums(off.weights, n, n)[i], sumOn = rowSums(on.weights, n, n)[i];
        const allowedOff = off.weights.slice(i * n, i * n + i + 1).reduce((a, b) => a + b, 0);
        compareText.textContent = i === n - 1
          ? `Row ${i + 1} is the last token: it may see every key, so both columns are the same (sums ${fmt(sumOff)} and ${fmt(sumOn)}).`
          : `Without the mask, ${i ? `the ${i + 1} allowed keys share` : 'the one allowed key gets'} ${fmt(allowedOff)} of row ${i + 1}; with the mask ${i ? 'they share' : 'it gets'} all of it (row sums ${fmt(sumOff)} off, ${fmt(sumOn)} on).`;

        // Padding mask.
        const total = n + pads.value;
        const padded = [...tokens, ...Array.from({ length: pads.value }, () => '[pad]')];
        const p = run(embed(padded, D_MODEL), total, { validKeys: n });
        padMap.update({ values: p.weights, rows: total, cols: total, rowLabels: padded, colLabels: padded, domain: [0, 1], stage: `softmax weights, validKeys = ${n}`, showTable: ctx.ui.table });
        let padZeros = 0;
        for (let r = 0; r < total; r++) for (let j = n; j < total; j++) if (p.weights[r * total + j] === 0) padZeros++;
        const padSums = rowSums(p.weights, total, total);
        const allOne = padSums.every((v) => Math.abs(v - 1) < 1e-4);
        padText.textContent = pads.value === 0
          ? `No padding, so nothing is hidden: every row sums to ${fmt(padSums[0])}.`
          : `${padZeros} of the ${total * pads.value} weights in the [pad] columns are exactly 0; ${allOne ? 'every row still sums to 1.00' : `row sums: ${padSums.map((v) => fmt(v)).join(', ')}`}.`;

        const key = `${causal.value}|${n}`;
        if (lastKey !== null && key !== lastKey && n !== Number(lastKey.split('|')[1])) ctx.announce(`The sentence now has ${n} tokens.`);
        lastKey = key;
      },
      destroy() {
        sentence.destroy();
        for (const v of [masked, weights, compare, padMap]) v.destroy();
      },
    };
  },
};
