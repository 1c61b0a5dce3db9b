// Step 11's view: the DOM of the causal-mask step — the formula, sentence box, mask toggle, query
// slider, the row-2 prediction, masked scores and weights heatmaps with their facts, the one-row
// comparison, and the padding-mask example. Draws what model.js computed; changes go through
// ctx.set. A code panel can be appended after the last section.
import { createHeatmap, createMatrixTable } from '../../views/index.js';
import { domFor, uid, setText, setHidden } from '../../lib/dom.js';
import { formulaBox } from '../../views/formula-box.js';
import { messageLine, rangeField, toggleButton } from '../../views/controls.js';
import { EMBEDDING_NOTE } from '../lesson-embedding.js';
import { sentenceBox } from '../sentence-box.js';
import { MAX_PADDING } from './inputs.js';

export function mount(host, ctx) {
  const { el } = domFor(host);
  const formula = formulaBox(host, ctx.formulas.causal, 'Causal mask formula');
  const messages = messageLine(host);
  const sentence = sentenceBox(host, { onSentence: (text) => ctx.set({ sentence: text, revealed: false }) });
  const toggle = toggleButton(host, {
    label: 'Causal mask',
    onToggle: (on) => {
      ctx.set({ causal: on });
      ctx.announce(on ? 'Causal mask on: every weight above the diagonal is now 0.' : 'Causal mask off: every token sees every token.');
    },
  });
  let queryLabel = '';
  let padLabel = '';
  let padAnnounce = '';
  const query = rangeField(host, { label: 'Query row', min: 1, max: 4, format: () => queryLabel, onInput: (v) => ctx.set({ query: v - 1 }) });

  const guessSelect = el('select', { class: 'al-select', id: uid('scene-guess') });
  const reveal = el('button', { type: 'button', class: 'al-button al-primary' }, 'Reveal row 2');
  const again = el('button', { type: 'button', class: 'al-button' }, 'Guess again');
  const question = el('p', {});
  const feedback = el('p', { class: 'scene-feedback', 'data-testid': 'row2-reveal' });
  const predict = el('div', { class: 'al-callout mask-predict' },
    el('h3', {}, 'Predict first'), question,
    el('div', { class: 'al-controls' }, el('label', { for: guessSelect.id }, 'My guess:'), guessSelect, reveal, again),
    feedback);
  // (the pressed button is disabled or hidden by the render: focus moves to the control that
  // takes its place, shown at once)
  reveal.addEventListener('click', () => { const guess = Number(guessSelect.value); setHidden(again, false); again.focus(); ctx.set({ guess, revealed: true }); });
  again.addEventListener('click', () => { guessSelect.disabled = false; guessSelect.focus(); ctx.set({ revealed: false }); });

  const maps = el('div', { class: 'al-grid' });
  const box = (parent) => parent.appendChild(el('div', { class: 'al-cell' }));
  const lock = (r) => r !== null && ctx.set({ query: r });
  const masked = createHeatmap(box(maps), { label: 'Scores after the mask', onLockChange: lock });
  const weights = createHeatmap(box(maps), { label: 'Attention weights', onLockChange: lock });
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
    label: '[pad] tokens added', min: 0, max: MAX_PADDING, format: () => padLabel,
    onInput: (v) => ctx.set({ padding: v }),
    onCommit: () => ctx.announce(padAnnounce),
  });
  const padMapHost = el('div', { class: 'al-cell' });
  const padMap = createHeatmap(padMapHost, { label: 'Weights with a padding mask' });
  const padText = el('p', { 'data-testid': 'padding-zeros' });

  host.append(formula, sentence.message, messages.element,
    el('div', { class: 'al-controls' }, sentence.field),
    el('div', { class: 'al-controls' }, toggle.element, query.element),
    predict,
    el('h3', {}, 'Masked scores and the weights they give'), maps, facts,
    el('p', { class: 'al-note', 'data-testid': 'embedding-note' }, EMBEDDING_NOTE),
    el('h3', {}, 'The selected row with the mask off and on'), compareHost, compareText,
    el('h3', {}, 'A second kind of mask: padding'), padNote, el('div', { class: 'al-controls' }, pad.element), padMapHost, padText);

  let lastCausal = null; // the mask state the weights heatmap last showed
  let lastN = null;
  return {
    render(m, values) {
      messages.show([m.message]);
      sentence.sync(values.sentence);
      toggle.sync(m.causal);
      queryLabel = m.queryLabel;
      query.sync(m.query + 1, { max: m.n });
      padLabel = m.padding.label;
      padAnnounce = m.padding.announce;
      pad.sync(m.padding.count, { max: m.padding.max });

      const labels = { rowLabels: m.tokens, colLabels: m.tokens, showTable: ctx.ui.table, lockedRow: m.query, rows: m.n, cols: m.n };
      masked.update({ ...labels, values: m.masked, scale: 'diverging', stage: m.stages.masked });
      // Toggling the mask eases the weights from one version to the other (none under reduced motion).
      const toggled = lastCausal !== null && lastCausal !== m.causal;
      lastCausal = m.causal;
      weights.update({ ...labels, values: m.weights, domain: [0, 1], stage: m.stages.weights, transition: toggled ? 450 : 0 });
      setText(upper, m.upper);
      setText(sums, m.rowSums);
      setText(first, m.firstRow);

      setText(question, m.question);
      if (guessSelect.options.length !== m.n) guessSelect.replaceChildren(...Array.from({ length: m.n }, (_, i) => el('option', { value: String(i + 1) }, String(i + 1))));
      guessSelect.value = String(m.guess);
      guessSelect.disabled = !m.canPredict || m.revealed;
      reveal.disabled = !m.canPredict || m.revealed;
      setHidden(again, !m.revealed);
      setText(feedback, m.feedback);

      compare.update({ values: m.compare.values, rows: m.n, cols: 2, rowLabels: m.tokens, colLabels: ['mask off', 'mask on'], cornerLabel: 'key', caption: m.compare.caption });
      setText(compareText, m.compare.text);
      const t = m.padding.total;
      padMap.update({ values: m.padding.weights, rows: t, cols: t, rowLabels: m.padding.labels, colLabels: m.padding.labels, domain: [0, 1], stage: m.padding.stage, showTable: ctx.ui.table });
      setText(padText, m.padding.text);
      if (lastN !== null && lastN !== m.n) ctx.announce(m.announceTokens);
      lastN = m.n;
    },
    destroy() {
      sentence.destroy();
      for (const v of [masked, weights, compare, padMap]) v.destroy();
    },
  };
}
