// Step 13's view: the DOM of the multi-head step — the formula, sentence box, heads / enlarged
// head / query selects, every head as a small heatmap, the enlarged head, each head's strongest
// key and the shapes. Draws what model.js computed. A code panel can be appended at the end.
import { createHeatmap } from '../../views/index.js';
import { domFor, setText, setLines, setHidden, setAttrs } from '../../lib/dom.js';
import { formulaBox } from '../../views/formula-box.js';
import { messageLine } from '../../views/controls.js';
import { sentenceBox } from '../sentence-box.js';
import { createWeightsSwitch } from '../weights-switch-view.js';
import { HEAD_CHOICES } from './inputs.js';

export function mount(host, ctx) {
  const { el } = domFor(host);
  const formula = formulaBox(host, ctx.formulas.multiHead, 'Multi-head formula');
  const messages = messageLine(host);
  const sentence = sentenceBox(host, { onSentence: (text) => ctx.set({ sentence: text }) });
  const headsSelect = el('select', { class: 'al-select' }, ...HEAD_CHOICES.map((h) => el('option', { value: String(h) }, String(h))));
  const headSelect = el('select', { class: 'al-select' });
  const querySelect = el('select', { class: 'al-select' });
  let announceHeads = false;
  headsSelect.addEventListener('change', () => { announceHeads = true; ctx.set({ heads: Number(headsSelect.value), head: 0 }); });
  headSelect.addEventListener('change', () => ctx.set({ head: Number(headSelect.value) }));
  querySelect.addEventListener('change', () => ctx.set({ query: Number(querySelect.value) }));

  const weightsSwitch = createWeightsSwitch(el, ctx);
  // m.seeAlso: the words and a button to the step with a many-headed trained model
  const seeAlsoText = el('span', {});
  const seeAlsoButton = el('button', { type: 'button', class: 'al-button' });
  const seeAlso = el('p', { class: 'al-note', 'data-testid': 'heads-see-also' }, seeAlsoText, ' ', seeAlsoButton);
  setHidden(seeAlso, true);
  seeAlsoButton.addEventListener('click', () => ctx.goTo(seeAlsoButton.dataset.step)); // shown only when the step exists
  const narrowNote = el('p', { class: 'al-note scene-mh-narrow' }, 'On a narrow screen one head is shown at a time: pick it with “Enlarged head”.');
  const multiples = el('div', { class: 'al-grid al-grid-4 scene-mh-multiples', role: 'group', 'aria-label': 'Every head side by side' });
  const bigHost = el('div', { class: 'al-cell' });
  const big = createHeatmap(bigHost, { label: 'Head in focus', onLockChange: (r) => r !== null && ctx.set({ query: r }) });
  const headShape = el('span', { 'data-testid': 'head-shape', class: 'al-stat' });
  const concatShape = el('span', { 'data-testid': 'concat-shape', class: 'al-stat' });
  const outputShape = el('span', { 'data-testid': 'output-shape', class: 'al-stat' });
  const concatNote = el('span', {});
  const outputNote = el('span', {});
  const shapes = el('ul', { class: 'scene-facts', 'aria-label': 'Shapes read from the result' },
    el('li', {}, 'Each head’s Q, K and V: ', headShape),
    el('li', {}, 'Concatenation of the heads’ outputs: ', concatShape, concatNote),
    el('li', {}, 'After W_O: ', outputShape, outputNote));
  const argmaxTitle = el('p', {});
  const argmax = el('p', { 'data-testid': 'head-argmax', class: 'al-stat' });

  host.append(formula, sentence.message, messages.element,
    el('div', { class: 'al-controls' }, sentence.field),
    el('div', { class: 'al-controls' },
      el('label', {}, 'Heads h ', headsSelect), el('label', {}, 'Enlarged head ', headSelect), el('label', {}, 'Query ', querySelect)),
    weightsSwitch.controls, ...weightsSwitch.lines, seeAlso,
    el('h3', {}, 'Every head’s weights'), narrowNote, multiples,
    el('h3', {}, 'The selected head, enlarged'), bigHost,
    el('h3', {}, 'Where each head looks for the selected query'), argmaxTitle, argmax,
    el('h3', {}, 'Shapes'), shapes);

  let smalls = []; // [{ map, button, cell }]
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
    render(m, values) {
      messages.show([m.message]);
      sentence.sync(values.sentence);
      headsSelect.value = String(values.heads);
      setAttrs(headsSelect, { disabled: m.weights.kind === 'learned' }); // the trained model has its own heads
      weightsSwitch.update(m.weights, values);
      const info = m.seeAlso && ctx.stepInfo(m.seeAlso.step); // null when this copy has no such step
      setHidden(seeAlso, !info);
      if (info) {
        setText(seeAlsoText, m.seeAlso.text);
        setText(seeAlsoButton, `Go to step ${info.number}: ${info.title}`);
        seeAlsoButton.dataset.step = info.id;
      }
      if (headSelect.options.length !== m.h) headSelect.replaceChildren(...Array.from({ length: m.h }, (_, k) => el('option', { value: String(k) }, `Head ${k + 1}`)));
      headSelect.value = String(m.head);
      const key = m.tokens.join('\u0000');
      if (querySelect.dataset.key !== key) { // options reused: a typed letter relabels one
        setLines(querySelect, m.queryOptions, 'option', (i) => ({ value: String(i) }));
        querySelect.dataset.key = key;
      }
      querySelect.value = String(m.query);
      if (smalls.length !== m.h) buildSmall(m.h);
      const spec = (k) => ({ values: m.heads[k], rows: m.n, cols: m.n, rowLabels: m.tokens, colLabels: m.tokens, domain: m.domain, showTable: ctx.ui.table, stage: 'softmax weights' });
      smalls.forEach(({ map, button, cell }, k) => {
        map.update({ ...spec(k), highlightRow: m.query });
        const on = k === m.head;
        setAttrs(button, { 'aria-pressed': String(on) });
        setText(button, on ? `Head ${k + 1} is enlarged` : `Enlarge head ${k + 1}`);
        cell.classList.toggle('scene-selected', on);
      });
      big.update({ ...spec(m.head), lockedRow: m.query, stage: m.bigStage });
      setText(headShape, m.headShape);
      setText(concatShape, m.concatShape);
      setText(concatNote, m.concatNote);
      setText(outputShape, m.outputShape);
      setText(outputNote, m.outputNote);
      setText(argmaxTitle, m.argmaxTitle);
      setText(argmax, m.argmax);
      if (announceHeads) { announceHeads = false; ctx.announce(m.headsAnnounce); }
    },
    destroy() {
      sentence.destroy();
      big.destroy();
      for (const s of smalls) s.map.destroy();
    },
  };
}
