// Step 14: the mistake lab. One sentence (toy model, d_k = d_model chosen by the learner, 64 by
// default so a missing √d_k shows), computed twice by the engine: correctly and with the chosen
// bugs (softmax over the queries or mask after the softmax, and/or no scaling). Side-by-side
// heatmaps, a diagnostics table read from the buggy weights, one sentence per bug, and a
// "which bug is this?" challenge on a seeded random bug.
import { createHeatmap, createMatrixTable } from '../views/index.js';
import { formatNumber } from '../lib/format.js';
import { domFor, uid } from '../lib/dom.js';
import { embed, layerWeights, rng } from '../model/toy-model.js';
import { BUGS, bugSentences, challengeFeedback, diagnose } from './mistake-diagnosis.js';
import { readBool, readChoice, readInt, readSentence } from './scene-inputs.js';
import { messageLine, sentenceField } from '../views/controls.js';

const WIDTHS = [2, 4, 8, 16, 32, 64, 128];
const MISTAKES = [
  { id: 'none', label: 'No softmax or mask bug' },
  { id: 'softmax-over-queries', label: 'Softmax over the query axis (down the columns)' },
  { id: 'mask-after-softmax', label: 'Mask after the softmax' },
];
const fmt = (v) => formatNumber(v, 2);

export default {
  id: 'mistake-lab',
  title: 'Mistake lab',
  defaults() {
    return { sentence: 'The cat sat down', causal: true, mistake: 'none', noScale: false, dK: 64, challenge: 1, answer: '', checked: false };
  },
  mount(host, ctx) {
    const { el } = domFor(host);
    let tokens = ['The', 'cat', 'sat', 'down'];
    const messages = messageLine(host);
    const sentence = sentenceField(host, { onChange: (text) => ctx.set({ sentence: text }) });
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

    // Which bug is this?
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

    host.append(messages.element,
      el('div', { class: 'al-controls' }, sentence.element),
      el('div', { class: 'al-controls' }, el('label', {}, causal, ' Causal mask'), el('label', {}, 'd_k = d_model ', width)),
      bugs, maps,
      el('h3', {}, 'What broke'), diagnosis,
      el('h3', {}, 'Diagnostics of the buggy weights'), facts, tableHost,
      el('h3', {}, 'Which bug is this?'),
      el('p', {}, 'A bug picked at random (causal mask on, d_k = 64, your sentence). Only the buggy weights are shown: name the bug.'),
      chHost,
      el('div', { class: 'al-controls' }, el('label', { for: guess.id }, 'The bug is'), guess, checkBtn, nextBtn), feedback);

    const run = (x, n, d, options) => {
      const w = layerWeights(d, 1);
      return ctx.engine.attention({ x, n, dModel: d, wq: w.wq, wk: w.wk, wv: w.wv, ...options }).heads[0];
    };

    return {
      render(s) {
        const read = readSentence(s.sentence);
        if (read.tokens) tokens = read.tokens;
        const n = tokens.length;
        const c = readBool(s.causal, true, 'causal mask');
        const m = readChoice(s.mistake, MISTAKES.map((x) => x.id), 'none', 'bug');
        const ns = readBool(s.noScale, false, 'missing √d_k');
        const d = readChoice(s.dK, WIDTHS, 64, 'd_k');
        const seed = readInt(s.challenge, { min: 1, max: 1e6, fallback: 1, name: 'mystery number' });
        const answer = readChoice(s.answer, ['', ...BUGS.map((b) => b.id)], '', 'answer');
        const checked = readBool(s.checked, false, 'checked');
        messages.show([read.message, c.message, m.message, ns.message, d.message, seed.message, answer.message, checked.message]);
        sentence.sync(s.sentence);
        causal.checked = c.value;
        width.value = String(d.value);
        for (const r of radios) r.input.checked = r.input.value === m.value;
        noScale.checked = ns.value;

        const mask = c.value ? 'causal' : 'none';
        const x = embed(tokens, d.value);
        const right = run(x, n, d.value, { mask });
        const wrong = run(x, n, d.value, { mask, scale: !ns.value, mistake: m.value === 'none' ? null : m.value });
        const spec = { rows: n, cols: n, rowLabels: tokens, colLabels: tokens, domain: [0, 1], showTable: ctx.ui.table };
        good.update({ ...spec, values: right.weights, stage: `softmax weights, d_k = ${d.value}` });
        const active = [m.value !== 'none' ? MISTAKES.find((x2) => x2.id === m.value).label.toLowerCase() : null, ns.value ? 'no ÷√d_k' : null].filter(Boolean);
        bad.update({ ...spec, values: wrong.weights, stage: active.length ? `with ${active.join(' and ')}` : 'no bug switched on' });

        // scores ÷ scaled, read from the engine's own stages (it is √d_k).
        let big = 0;
        for (let i = 1; i < right.scaled.length; i++) if (Math.abs(right.scaled[i]) > Math.abs(right.scaled[big])) big = i;
        const scaleFactor = right.scaled[big] !== 0 ? right.scores[big] / right.scaled[big] : 1;
        const unscaled = ns.value && m.value !== 'none' ? run(x, n, d.value, { mask, scale: false }).weights : wrong.weights;
        diagnosis.replaceChildren(...bugSentences({ correct: right.weights, buggy: wrong.weights, unscaled, n, labels: tokens, causal: c.value, mistake: m.value, noScale: ns.value, scaleFactor })
          .map((t) => el('li', {}, t)));
        const dg = diagnose(wrong.weights, n), dc = diagnose(right.weights, n);
        rowSumsText.textContent = dg.rowSums.map(fmt).join(', ');
        colSumsText.textContent = dg.colSums.map(fmt).join(', ');
        leak.textContent = fmt(dg.future);
        leakNote.textContent = c.value ? ' (should be 0.00 with the causal mask on)' : ' (the causal mask is off, so later tokens are allowed)';
        const cols = 5, values = new Float32Array(n * cols);
        for (let i = 0; i < n; i++) values.set([dc.rowSums[i], dg.rowSums[i], dg.rowMax[i].value, dg.later[i], dg.colSums[i]], i * cols);
        table.update({
          values, rows: n, cols, rowLabels: tokens, cornerLabel: 'token',
          colLabels: ['row sum (correct)', 'row sum (buggy)', 'largest weight in row', 'weight on later tokens', 'column sum (as a key)'],
          caption: 'Per token, from the buggy weights (first column: the correct ones)',
        });

        // The challenge: a seeded bug, causal mask on, d_k 64.
        const bug = BUGS[Math.floor(rng(seed.value * 2654435761)() * BUGS.length)].id;
        const x64 = embed(tokens, 64);
        const mystery = run(x64, n, 64, { mask: 'causal', scale: bug !== 'no-scale', mistake: bug === 'no-scale' ? null : bug });
        chMap.update({ ...spec, values: mystery.weights, stage: `mystery number ${seed.value}` });
        guess.value = answer.value;
        checkBtn.disabled = !answer.value;
        if (checked.value && answer.value) {
          const f = challengeFeedback(bug, answer.value, mystery.weights, n);
          feedback.textContent = f.text;
          feedback.dataset.correct = String(f.correct);
        } else {
          feedback.textContent = '';
          delete feedback.dataset.correct;
        }
      },
      destroy() {
        sentence.destroy();
        for (const v of [good, bad, table, chMap]) v.destroy();
      },
    };
  },
};
