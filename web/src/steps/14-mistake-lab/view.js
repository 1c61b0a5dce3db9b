// Step 14's view: the DOM of the mistake lab — sentence, mask and width controls, the bug switches,
// correct and buggy heatmaps, the diagnosis sentences, the diagnostics table and the "which bug is
// this?" challenge. Draws what model.js computed; every change goes back through ctx.set.
import { createHeatmap, createMatrixTable } from '../../views/index.js';
import { domFor, uid, setText, setLines } from '../../lib/dom.js';
import { messageLine } from '../../views/controls.js';
import { BUGS } from '../mistake-diagnosis.js';
import { sentenceBox } from '../sentence-box.js';
import { CHALLENGE_DK, MISTAKES, WIDTHS } from './inputs.js';
import { TABLE_COLUMNS } from './model.js';

export function mount(host, ctx) {
  const { el } = domFor(host);
  const messages = messageLine(host);
  const sentence = sentenceBox(host, { onSentence: (text) => ctx.set({ sentence: text }) });
  const causal = el('input', { type: 'checkbox' });
  causal.addEventListener('change', () => ctx.set({ causal: causal.checked }));
  const width = el('select', { class: 'al-select' }, ...WIDTHS.map((d) => el('option', { value: String(d) }, String(d))));
  width.addEventListener('change', () => ctx.set({ dK: Number(width.value) }));

  const group = uid('scene-bug');
  const radios = MISTAKES.map((m) => {
    const input = el('input', { type: 'radio', name: group, value: m.id });
    input.addEventListener('change', () => {
      if (!input.checked) return;
      ctx.set({ mistake: m.id });
      ctx.announce(m.id === 'none' ? 'Softmax and mask bugs off.' : `Bug on: ${m.label.toLowerCase()}.`);
    });
    return { input, label: el('label', { class: 'scene-choice' }, input, ' ', m.label) };
  });
  const noScale = el('input', { type: 'checkbox' });
  noScale.addEventListener('change', () => {
    ctx.set({ noScale: noScale.checked });
    ctx.announce(noScale.checked ? 'Bug on: the scores are no longer divided by the square root of d_k.' : 'Scaling restored.');
  });
  const bugs = el('fieldset', { class: 'scene-bugs' },
    el('legend', {}, 'Bugs (one softmax or mask bug at a time, plus the scaling bug)'),
    el('div', { class: 'scene-choices' }, ...radios.map((r) => r.label)),
    el('label', { class: 'scene-choice' }, noScale, ' Forget to divide by √d_k'));

  const maps = el('div', { class: 'al-grid' });
  const box = () => maps.appendChild(el('div', { class: 'al-cell' }));
  const good = createHeatmap(box(), { label: 'Correct weights' });
  const bad = createHeatmap(box(), { label: 'Buggy weights' });
  const diagnosis = el('ul', { class: 'scene-facts scene-diagnosis', 'data-testid': 'bug-diagnosis', 'aria-label': 'What broke' });
  const rowSumsText = el('span', { 'data-testid': 'bug-row-sums', class: 'al-stat' });
  const colSumsText = el('span', { 'data-testid': 'bug-col-sums', class: 'al-stat' });
  const leak = el('span', { 'data-testid': 'future-leak', class: 'al-stat' });
  const leakNote = el('span', {});
  const facts = el('ul', { class: 'scene-facts' },
    el('li', {}, 'Buggy row sums: ', rowSumsText),
    el('li', {}, 'Buggy column sums: ', colSumsText),
    el('li', {}, 'Weight given to future tokens (above the diagonal, all rows): ', leak, leakNote));
  const tableHost = el('div', { class: 'scene-words' });
  const table = createMatrixTable(tableHost);

  const chHost = el('div', { class: 'al-cell' });
  const chMap = createHeatmap(chHost, { label: 'Mystery weights' });
  const guess = el('select', { class: 'al-select', id: uid('scene-guess') },
    el('option', { value: '' }, 'Choose a bug…'), ...BUGS.map((b) => el('option', { value: b.id }, b.name)));
  const checkBtn = el('button', { type: 'button', class: 'al-button al-primary' }, 'Check');
  const nextBtn = el('button', { type: 'button', class: 'al-button' }, 'New mystery');
  const feedback = el('p', { class: 'scene-feedback', 'data-testid': 'challenge-feedback', role: 'status' });
  guess.addEventListener('change', () => ctx.set({ answer: guess.value, checked: false }));
  checkBtn.addEventListener('click', () => ctx.set({ answer: guess.value, checked: true }));
  nextBtn.addEventListener('click', () => ctx.set({ challenge: (ctx.get().challenge % 1e6) + 1, answer: '', checked: false }));

  host.append(sentence.message, messages.element,
    el('div', { class: 'al-controls' }, sentence.field),
    el('div', { class: 'al-controls' }, el('label', {}, causal, ' Causal mask'), el('label', {}, 'd_k = d_model ', width)),
    bugs, maps,
    el('h3', {}, 'What broke'), diagnosis,
    el('h3', {}, 'Diagnostics of the buggy weights'), facts, tableHost,
    el('h3', {}, 'Which bug is this?'),
    el('p', {}, `A bug picked at random (causal mask on, d_k = ${CHALLENGE_DK}, your sentence). Only the buggy weights are shown: name the bug.`),
    chHost,
    el('div', { class: 'al-controls' }, el('label', { for: guess.id }, 'The bug is'), guess, checkBtn, nextBtn), feedback);

  return {
    render(m, values) {
      messages.show([m.message]);
      sentence.sync(values.sentence);
      causal.checked = values.causal;
      width.value = String(values.dK);
      for (const r of radios) r.input.checked = r.input.value === values.mistake;
      noScale.checked = values.noScale;
      const spec = { rows: m.n, cols: m.n, rowLabels: m.tokens, colLabels: m.tokens, domain: [0, 1], showTable: ctx.ui.table };
      good.update({ ...spec, values: m.correct, stage: m.stages.correct });
      bad.update({ ...spec, values: m.buggy, stage: m.stages.buggy });
      setLines(diagnosis, m.diagnosis); // unchanged sentences keep their layout
      setText(rowSumsText, m.rowSums);
      setText(colSumsText, m.colSums);
      setText(leak, m.future);
      setText(leakNote, m.futureNote);
      table.update({
        values: m.table, rows: m.n, cols: TABLE_COLUMNS.length, rowLabels: m.tokens, cornerLabel: 'token',
        colLabels: TABLE_COLUMNS, caption: 'Per token, from the buggy weights (first column: the correct ones)',
      });
      chMap.update({ ...spec, values: m.mystery.weights, stage: m.mystery.stage });
      guess.value = values.answer;
      checkBtn.disabled = !values.answer;
      if (m.feedback) {
        setText(feedback, m.feedback.text);
        feedback.dataset.correct = String(m.feedback.correct);
      } else {
        setText(feedback, '');
        delete feedback.dataset.correct;
      }
    },
    destroy() {
      sentence.destroy();
      for (const v of [good, bad, table, chMap]) v.destroy();
    },
  };
}
