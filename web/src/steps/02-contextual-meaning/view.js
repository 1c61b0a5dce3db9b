// Step 2's view: the sentence choice, pull slider and rebuilt-word menu, the meaning plot (drag the
// plain vectors; the arrow shows the move to the contextual vector), the weight bars and the table
// of new vectors. Draws what model.js computed; edits go back through ctx.set.
import { createVectorPlot, createBarChart, createMatrixEditor, createMatrixTable } from '../../views/index.js';
import { formatNumber, roundTo } from '../../lib/format.js';
import { domFor, uid, setText } from '../../lib/dom.js';
import { INPUTS, SENTENCES, RANGE, AXES } from './inputs.js';

export function mount(host, ctx) {
  const { el } = domFor(host);
  const id = uid('meaning');

  const radios = Object.entries(SENTENCES).map(([key, s]) => {
    const input = el('input', { type: 'radio', name: `${id}-sentence`, value: key, id: `${id}-${key}` });
    input.addEventListener('change', () => { if (input.checked) ctx.set({ sentence: key }); });
    return { key, input, label: el('label', { for: `${id}-${key}`, class: 'scene-radio' }, input, `“${s.text}”`) };
  });
  const sentenceBox = el('fieldset', { class: 'scene-fieldset' }, el('legend', {}, 'Sentence'), ...radios.map((r) => r.label));
  const pullInput = el('input', { type: 'range', min: String(INPUTS.pull.min), max: String(INPUTS.pull.max), step: '0.1', id: `${id}-pull` });
  const pullOut = el('output', { for: `${id}-pull`, class: 'al-stat', 'aria-live': 'off' });
  const followSelect = el('select', { class: 'al-select', id: `${id}-follow` });
  const reset = el('button', { type: 'button', class: 'al-button' }, 'Reset the vectors');
  const controls = el('div', { class: 'al-controls' },
    el('span', { class: 'scene-group' }, el('label', { for: `${id}-pull` }, 'Pull strength'), pullInput, pullOut),
    el('span', { class: 'scene-group' }, el('label', { for: `${id}-follow` }, 'Rebuild the word'), followSelect), reset);
  const how = el('p', { class: 'al-note' },
    'How the new vector is made here: every word scores the others with a dot product of the plain vectors, times the pull; softmax turns the scores into weights; the weights mix the plain vectors. No learned parts yet (W_Q, W_K and W_V are the identity).');
  const plotHost = el('div', { class: 'al-cell' });
  const sideHost = el('div', { class: 'al-cell' });
  const moved = el('p', { class: 'al-callout', 'data-testid': 'moved-toward' });
  // The points can be typed too (a screen reader in browse mode keeps the arrow keys for
  // reading, so the movable points alone may not move for it), as in step 3.
  const editorHost = el('div');
  host.append(sentenceBox, controls, how, el('div', { class: 'al-grid scene-two' }, plotHost, sideHost), moved,
    el('h3', {}, 'Exact coordinates (type instead of dragging)'), editorHost);

  let current = null; // { values, m } of the last render, for drags between renders
  const announceSoon = (ms) => ctx.announceSettled(() => moved.textContent, ms);
  const editor = createMatrixEditor(editorHost, {
    caption: 'The plain vectors of the sentence\u2019s words', min: RANGE[0], max: RANGE[1], step: 0.1,
    onChange: (values) => {
      if (!current) return;
      const next = current.values.vectors.slice();
      current.m.sentence.rows.forEach((r, i) => { next[r * 2] = roundTo(values[i * 2]); next[r * 2 + 1] = roundTo(values[i * 2 + 1]); });
      current.values = { ...current.values, vectors: next };
      ctx.set({ vectors: next });
      announceSoon(300);
    },
  });
  const plot = createVectorPlot(plotHost, {
    label: 'Meaning plot: static and contextual vectors',
    xLabel: 'fruit-ness →', yLabel: 'tech-ness →', range: RANGE,
    onMove: (i, [x, y]) => {
      if (!current || i >= 4) return;
      const r = current.m.sentence.rows[i];
      const next = current.values.vectors.slice();
      next[r * 2] = roundTo(x);
      next[r * 2 + 1] = roundTo(y);
      current.values = { ...current.values, vectors: next };
      ctx.set({ vectors: next });
      announceSoon(700);
    },
  });
  const bars = createBarChart(sideHost, { label: 'Weight of each word in the new vector' });
  const table = createMatrixTable(sideHost);

  pullInput.addEventListener('input', () => ctx.set({ pull: Number(pullInput.value) }));
  pullInput.addEventListener('change', () => announceSoon(200));
  followSelect.addEventListener('change', () => ctx.set({ follow: Number(followSelect.value) }));
  reset.addEventListener('click', () => {
    ctx.set({ vectors: INPUTS.vectors.default.slice(), pull: INPUTS.pull.default });
    ctx.announce('The vectors and the pull are back to their starting values.');
  });
  let lastSentence = null;

  return {
    render(m, values) {
      current = { m, values };
      for (const radio of radios) radio.input.checked = radio.key === values.sentence;
      const key = m.words.join('|');
      if (followSelect.dataset.key !== key) {
        followSelect.replaceChildren(...m.words.map((w, i) => el('option', { value: String(i) }, w)));
        followSelect.dataset.key = key;
      }
      followSelect.value = String(m.follow);
      pullInput.value = String(m.pull);
      setText(pullOut, `× ${formatNumber(m.pull, 1)}`);
      pullInput.setAttribute('aria-valuetext', `scores multiplied by ${formatNumber(m.pull, 1)}`);
      plot.update({
        points: [
          ...m.words.map((w, i) => ({ label: w, x: m.x[i * 2], y: m.x[i * 2 + 1], movable: true, kind: i === m.follow ? 'key' : 'default' })),
          { label: `${m.name}′ (new)`, x: m.to[0], y: m.to[1], kind: 'query' },
        ],
        arrows: [{ from: m.from, to: m.to, kind: 'output' }],
      });
      bars.update({ bars: m.words.map((w, j) => ({ label: w, value: m.row[j], note: j === m.follow ? 'itself' : undefined })), domain: [0, 1] });
      table.update({
        values: m.output, rows: 4, cols: 2, rowLabels: m.words, colLabels: AXES,
        caption: 'New (contextual) vector of every word', highlight: { row: m.follow, col: -1 },
      });
      editor.update({ values: m.x.slice(0, m.words.length * 2), rows: m.words.length, cols: 2, rowLabels: m.words, colLabels: AXES, digits: 2 });
      setText(moved, m.moved);
      if (lastSentence !== null && lastSentence !== values.sentence) ctx.announce(m.moved);
      lastSentence = values.sentence;
    },
    destroy() {
      editor.destroy();
      plot.destroy();
      bars.destroy();
      table.destroy();
    },
  };
}
