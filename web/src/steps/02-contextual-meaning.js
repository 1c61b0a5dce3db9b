// Step 2: same word, different meaning. A 2-D meaning plot (x: fruit-ness, y: tech-ness) holds
// the static vectors of "I love Apple phones" or "I love apple juice"; the learner drags them and
// sets a pull strength. The engine computes attention over the four tokens with W_Q = pull·I and
// W_K = W_V = I (no √d scaling), so the new vector of the followed word is a softmax-weighted mix
// of the raw embeddings; the plot draws the move from static to contextual as an arrow.
import { createVectorPlot, createBarChart, createMatrixTable } from '../views/index.js';
import { formatSigned, formatNumber, roundTo } from '../lib/format.js';
import { domFor, uid } from '../lib/dom.js';
import { readChoice, readInt, readNumber, readNumbers } from './scene-inputs.js';
import { movedToward } from './similarity-words.js';

const RANGE = [-1, 3];
// Rows of `vectors`: I, love, Apple (shared by both sentences: a static embedding is the same
// everywhere), then phones and juice.
const DEFAULTS = { sentence: 'phones', vectors: [0.3, 0.3, 0.8, 0.6, 1.2, 1.2, 0.2, 2.4, 2.4, 0.2], pull: 1, follow: 2 };
const SENTENCES = {
  phones: { words: ['I', 'love', 'Apple', 'phones'], rows: [0, 1, 2, 3], text: 'I love Apple phones' },
  juice: { words: ['I', 'love', 'apple', 'juice'], rows: [0, 1, 2, 4], text: 'I love apple juice' },
};

export default {
  id: 'contextual-meaning',
  title: 'Same word, different meaning',
  defaults() { return { ...DEFAULTS, vectors: DEFAULTS.vectors.slice() }; },
  mount(host, ctx) {
    const { el } = domFor(host);
    const id = uid('a2');
    const win = host.ownerDocument.defaultView;

    const radios = Object.entries(SENTENCES).map(([key, s]) => {
      const input = el('input', { type: 'radio', name: `${id}-sentence`, value: key, id: `${id}-${key}` });
      input.addEventListener('change', () => { if (input.checked) ctx.set({ sentence: key }); });
      return { key, input, label: el('label', { for: `${id}-${key}`, class: 'scene-radio' }, input, `“${s.text}”`) };
    });
    const sentenceBox = el('fieldset', { class: 'scene-fieldset' }, el('legend', {}, 'Sentence'), ...radios.map((r) => r.label));
    const pullInput = el('input', { type: 'range', min: '0', max: '3', step: '0.1', id: `${id}-pull` });
    const pullOut = el('output', { for: `${id}-pull`, class: 'al-stat' });
    const followSelect = el('select', { class: 'al-select', id: `${id}-follow` });
    const reset = el('button', { type: 'button', class: 'al-button' }, 'Reset the vectors');
    const controls = el('div', { class: 'al-controls' },
      el('span', { class: 'scene-group' }, el('label', { for: `${id}-pull` }, 'Pull strength'), pullInput, pullOut),
      el('span', { class: 'scene-group' }, el('label', { for: `${id}-follow` }, 'Rebuild the word'), followSelect), reset);
    const message = el('p', { class: 'al-message', hidden: true });
    const how = el('p', { class: 'al-note' },
      'How the new vector is made here: every word scores the others with a dot product of the plain vectors, times the pull; softmax turns the scores into weights; the weights mix the plain vectors. No learned parts yet (W_Q, W_K and W_V are the identity).');

    const plotHost = el('div', { class: 'al-cell' });
    const sideHost = el('div', { class: 'al-cell' });
    const moved = el('p', { class: 'al-callout', 'data-testid': 'moved-toward' });
    host.append(sentenceBox, controls, message, how, el('div', { class: 'al-grid scene-two' }, plotHost, sideHost), moved);

    let words = SENTENCES.phones.words;
    let rows = SENTENCES.phones.rows;
    let vectors = DEFAULTS.vectors.slice();
    let announceTimer = null;
    const plot = createVectorPlot(plotHost, {
      label: 'Meaning plot: static and contextual vectors',
      xLabel: 'fruit-ness →', yLabel: 'tech-ness →', range: RANGE,
      onMove: (i, [x, y]) => {
        if (i >= 4) return;
        const next = vectors.slice();
        next[rows[i] * 2] = roundTo(x);
        next[rows[i] * 2 + 1] = roundTo(y);
        vectors = next; // keep the local copy current until the next render
        ctx.set({ vectors: next });
        win.clearTimeout(announceTimer);
        announceTimer = win.setTimeout(() => ctx.announce(moved.textContent), 700);
      },
    });
    const bars = createBarChart(sideHost, { label: 'Weight of each word in the new vector' });
    const table = createMatrixTable(sideHost);

    pullInput.addEventListener('input', () => ctx.set({ pull: Number(pullInput.value) }));
    pullInput.addEventListener('change', () => {
      win.clearTimeout(announceTimer);
      announceTimer = win.setTimeout(() => ctx.announce(moved.textContent), 200);
    });
    followSelect.addEventListener('change', () => ctx.set({ follow: Number(followSelect.value) }));
    reset.addEventListener('click', () => {
      ctx.set({ vectors: DEFAULTS.vectors.slice(), pull: DEFAULTS.pull });
      ctx.announce('The vectors and the pull are back to their starting values.');
    });
    let lastSentence = null;

    return {
      render(s) {
        const sentence = readChoice(s.sentence, Object.keys(SENTENCES), DEFAULTS.sentence, 'sentence');
        const vec = readNumbers(s.vectors, 10, { min: RANGE[0], max: RANGE[1], fallback: DEFAULTS.vectors, name: 'vectors' });
        const pull = readNumber(s.pull, { min: 0, max: 3, fallback: DEFAULTS.pull, name: 'pull strength' });
        const follow = readInt(s.follow, { min: 0, max: 3, fallback: DEFAULTS.follow, name: 'rebuilt word' });
        const messages = [sentence.message, vec.message, pull.message, follow.message].filter(Boolean);
        message.textContent = messages.join(' ');
        message.hidden = !messages.length;

        const sent = SENTENCES[sentence.value];
        words = sent.words;
        rows = sent.rows;
        vectors = vec.value;
        const f = follow.value;
        const x = rows.flatMap((r) => [vectors[r * 2], vectors[r * 2 + 1]]);
        const p = pull.value;
        const r = ctx.engine.attention({
          x, n: 4, dModel: 2, dK: 2, dV: 2, wq: [p, 0, 0, p], wk: [1, 0, 0, 1], wv: [1, 0, 0, 1], scale: false,
        });
        const h = r.heads[0];
        const out = [h.output[f * 2], h.output[f * 2 + 1]];
        const name = words[f];

        // controls
        for (const radio of radios) radio.input.checked = radio.key === sentence.value;
        const key = words.join('|');
        if (followSelect.dataset.key !== key) {
          followSelect.replaceChildren(...words.map((w, i) => el('option', { value: String(i) }, w)));
          followSelect.dataset.key = key;
        }
        followSelect.value = String(f);
        pullInput.value = String(p);
        pullOut.textContent = `× ${formatNumber(p, 1)}`;
        pullInput.setAttribute('aria-valuetext', `scores multiplied by ${formatNumber(p, 1)}`);

        // plot: four movable static vectors, the contextual point, and the arrow between them
        plot.update({
          points: [
            ...words.map((w, i) => ({ label: w, x: x[i * 2], y: x[i * 2 + 1], movable: true, kind: i === f ? 'key' : 'default' })),
            { label: `${name}′ (new)`, x: out[0], y: out[1], kind: 'query' },
          ],
          arrows: [{ from: [x[f * 2], x[f * 2 + 1]], to: out, kind: 'output' }],
        });
        bars.update({
          bars: words.map((w, j) => ({ label: w, value: h.weights[f * 4 + j], note: j === f ? 'itself' : undefined })),
          domain: [0, 1],
        });
        table.update({
          values: h.output, rows: 4, cols: 2, rowLabels: words, colLabels: ['fruit-ness', 'tech-ness'],
          caption: 'New (contextual) vector of every word', highlight: { row: f, col: -1 },
        });

        // words: which side did it move toward?
        const dx = out[0] - x[f * 2];
        const dy = out[1] - x[f * 2 + 1];
        const side = movedToward(dx, dy);
        moved.textContent = `In “${sent.text}”, ${name} moves from (${formatNumber(x[f * 2])}, ${formatNumber(x[f * 2 + 1])}) to ${name}′ = (${formatNumber(out[0])}, ${formatNumber(out[1])}): toward ${side.text} `
          + `(fruit-ness ${formatSigned(dx)}, tech-ness ${formatSigned(dy)}).`;
        if (lastSentence !== null && lastSentence !== sentence.value) ctx.announce(moved.textContent);
        lastSentence = sentence.value;
      },
      destroy() {
        win.clearTimeout(announceTimer);
        plot.destroy();
        bars.destroy();
        table.destroy();
      },
    };
  },
};
