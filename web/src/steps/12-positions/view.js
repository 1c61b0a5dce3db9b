// Step 12's view: the DOM of the positions step — sentence box, shuffle / reset, the positional
// encoding toggle, the followed word, both weight heatmaps with the permutation check, and the
// encoding matrix with its formula and size sliders. Draws what model.js computed.
import { createHeatmap } from '../../views/index.js';
import { domFor, setText } from '../../lib/dom.js';
import { formulaBox } from '../../views/formula-box.js';
import { messageLine, rangeField, toggleButton } from '../../views/controls.js';
import { sentenceBox } from '../sentence-box.js';
import { INPUTS } from './inputs.js';

export function mount(host, ctx) {
  const { el } = domFor(host);
  const messages = messageLine(host);
  const sentence = sentenceBox(host, { onSentence: (text) => ctx.set({ sentence: text }) });
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
  shuffle.addEventListener('click', () => ctx.set({ shuffle: (ctx.get().shuffle % 100000) + 1 }));
  // (Reset order is disabled once the order is back: focus moves to Shuffle)
  reset.addEventListener('click', () => { shuffle.focus(); ctx.set({ shuffle: 0 }); ctx.announce('Back to the original order.'); });
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
  const peN = rangeField(host, { label: 'Positions n', min: INPUTS.peN.min, max: INPUTS.peN.max, onInput: (v) => ctx.set({ peN: v }) });
  const peD = rangeField(host, { label: 'd_model', min: INPUTS.peD.min, max: INPUTS.peD.max, onInput: (v) => ctx.set({ peD: v }) });
  const peHost = el('div', { class: 'al-cell' });
  const peMap = createHeatmap(peHost, { label: 'Positional encoding PE' });
  const peNote = el('p', { 'data-testid': 'pe-note' });

  host.append(sentence.message, messages.element,
    el('div', { class: 'al-controls' }, sentence.field),
    el('div', { class: 'al-controls' }, shuffle, reset, pe.element, el('label', {}, 'Follow the word ', followSelect)),
    orders, maps, check, outputCheck, follow,
    el('h3', {}, 'The positional-encoding matrix'), peFormula,
    el('div', { class: 'al-controls' }, peN.element, peD.element), peHost, peNote);

  return {
    render(m, values) {
      messages.show([m.message]);
      sentence.sync(values.sentence);
      pe.sync(values.pe);
      reset.disabled = !m.shuffled;
      shuffle.disabled = m.n < 2;
      const key = m.tokens.join('\u0000');
      if (followSelect.dataset.key !== key) {
        followSelect.replaceChildren(...m.followOptions.map((t, i) => el('option', { value: String(i) }, t)));
        followSelect.dataset.key = key;
      }
      followSelect.value = String(m.follow);
      const spec = { rows: m.n, cols: m.n, domain: m.domain, showTable: ctx.ui.table, stage: m.stage };
      original.update({ ...spec, values: m.original, rowLabels: m.tokens, colLabels: m.tokens, lockedRow: m.follow });
      shuffled.update({ ...spec, values: m.shuffledWeights, rowLabels: m.words, colLabels: m.words, lockedRow: m.where });
      setText(orders, m.orders);
      setText(check, m.check);
      setText(outputCheck, m.outputCheck);
      setText(follow, m.followText);
      peN.sync(values.peN);
      peD.sync(values.peD);
      peMap.update({
        ...m.encoding, scale: 'diverging', domain: [-1, 1], digits: 2,
        rowAxisTitle: 'position', colAxisTitle: 'dimension', stage: 'sine and cosine values', showTable: ctx.ui.table,
      });
      setText(peNote, m.encoding.note);
    },
    destroy() {
      sentence.destroy();
      for (const v of [original, shuffled, peMap]) v.destroy();
    },
  };
}
