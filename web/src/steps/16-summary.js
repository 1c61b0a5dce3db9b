// Step 16: the whole formula. Each factor of softmax(QKᵀ/√d_k)·V links to the step that built it;
// a mini-run on the worked example (love / Apple / phones, editable embeddings) shows QKᵀ, the
// scaled scores, the softmax weights and the output as the engine computes them; the glossary is
// a filterable definition list linking to steps; the objectives are a checklist kept in the state.
import { createMatrixEditor, createMatrixTable } from '../views/index.js';
import { formatNumber } from '../lib/format.js';
import { activeElementOf, domFor, uid } from '../lib/dom.js';
import { GLOSSARY } from '../content/glossary.js';
import { OBJECTIVES } from '../content/objectives.js';
import { rowSums } from '../lib/matrix.js';
import { readIndexList, readNumbers } from './scene-inputs.js';
import { matchesFilter } from '../lib/text.js';
import { formulaBox } from '../views/formula-box.js';
import { messageLine } from '../views/controls.js';

const TOKENS = ['love', 'Apple', 'phones'];
const X0 = [1, 0, 1, 1, 0, 2];
const fmt = (v) => formatNumber(v, 2);

export default {
  id: 'summary',
  title: 'The whole formula',
  defaults() {
    return { x: X0.slice(), wq: [1, 0, 0, 1], wk: [1, 1, 0, 1], wv: [1, 0, 0, 1], filter: '', done: [] };
  },
  mount(host, ctx) {
    const { el } = domFor(host);
    const messages = messageLine(host);
    const formula = formulaBox(host, ctx.formulas.attention, 'Attention formula');

    const go = (stepId) => {
      if (!ctx.goTo(stepId)) ctx.announce('That step is not part of this copy of the lesson.');
    };
    const linkButton = (stepId, what) => {
      const info = ctx.stepInfo(stepId);
      const text = info ? `Go to step ${info.number}: ${info.title}` : 'Go to its step';
      const b = el('button', { type: 'button', class: 'al-button summary-link', 'aria-label': `${text}, ${what}` }, text);
      b.addEventListener('click', () => go(stepId));
      return b;
    };

    // The factors.
    const parts = el('ul', { class: 'scene-parts', 'aria-label': 'The factors of the formula' },
      ...(ctx.text?.formulaParts ?? []).map((p) => el('li', {},
        el('span', { class: 'scene-part' }, p.part), el('span', { class: 'scene-part-meaning' }, p.meaning),
        linkButton(p.stepId, `where ${p.part} is built`))));

    // The mini-run.
    const inputBox = el('div', { class: 'al-cell' });
    const editor = createMatrixEditor(inputBox, { caption: 'Embeddings X (edit any number)', min: -10, max: 10, step: 0.5, onChange: (v) => ctx.set({ x: Array.from(v) }) });
    const reset = el('button', { type: 'button', class: 'al-button' }, 'Reset X');
    reset.addEventListener('click', () => { ctx.set({ x: X0.slice() }); ctx.announce('Embeddings back to the worked example.'); });
    const stages = el('div', { class: 'al-grid scene-stages scene-words' });
    const cell = () => stages.appendChild(el('div', { class: 'al-cell' }));
    const tables = { scores: createMatrixTable(cell()), scaled: createMatrixTable(cell()), weights: createMatrixTable(cell()), output: createMatrixTable(cell()) };
    const flow = el('ol', { class: 'al-trace', 'data-testid': 'mini-run' });

    // The glossary.
    const filterId = uid('scene-filter');
    const filter = el('input', { type: 'search', id: filterId, class: 'al-input scene-filter', autocomplete: 'off', maxlength: '100' });
    filter.addEventListener('input', () => ctx.set({ filter: filter.value }));
    const count = el('p', { 'data-testid': 'glossary-count', role: 'status' });
    const entries = GLOSSARY.map((g) => {
      const item = el('div', { class: 'scene-term' }, el('dt', {}, g.term), el('dd', {}, g.meaning, ' ', linkButton(g.stepId, `where “${g.term}” is introduced`)));
      return { g, item };
    });
    const list = el('dl', { class: 'scene-glossary' }, ...entries.map((e) => e.item));

    // The objectives.
    const boxes = OBJECTIVES.map((text, i) => {
      const input = el('input', { type: 'checkbox', id: uid('scene-obj') });
      input.addEventListener('change', () => {
        const done = new Set(readIndexList(ctx.get().done, OBJECTIVES.length, 'objectives').value);
        if (input.checked) done.add(i); else done.delete(i);
        ctx.set({ done: [...done].sort((a, b) => a - b) });
      });
      return { input, item: el('li', {}, input, el('label', { for: input.id }, text)) };
    });
    const doneCount = el('p', { 'data-testid': 'objectives-count' });

    host.append(formula, messages.element,
      el('h3', {}, 'Each factor, and the step that built it'), parts,
      el('h3', {}, 'The whole formula on the worked example'),
      el('div', { class: 'al-grid' }, inputBox, el('div', { class: 'al-cell' },
        el('p', {}, 'W_Q, W_K and W_V stay as in the worked example. Change X and every stage follows.'), reset)),
      stages, flow,
      el('h3', {}, 'Glossary'),
      el('div', { class: 'al-controls' }, el('label', { for: filterId }, 'Filter the terms'), filter), count, list,
      el('h3', {}, 'What you can now do'), el('ul', { class: 'scene-objectives' }, ...boxes.map((b) => b.item)), doneCount);

    return {
      render(s) {
        const x = readNumbers(s.x, 6, { min: -10, max: 10, fallback: X0, name: 'embeddings' });
        const wq = readNumbers(s.wq, 4, { min: -10, max: 10, fallback: [1, 0, 0, 1], name: 'W_Q' });
        const wk = readNumbers(s.wk, 4, { min: -10, max: 10, fallback: [1, 1, 0, 1], name: 'W_K' });
        const wv = readNumbers(s.wv, 4, { min: -10, max: 10, fallback: [1, 0, 0, 1], name: 'W_V' });
        const done = readIndexList(s.done, OBJECTIVES.length, 'objectives');
        const text = typeof s.filter === 'string' ? s.filter.slice(0, 100) : '';
        messages.show([x.message, wq.message, wk.message, wv.message, done.message, typeof s.filter === 'string' ? null : 'The glossary filter in the link was not text, so it is empty.']);

        editor.update({ values: x.value, rows: 3, cols: 2, rowLabels: TOKENS, colLabels: ['dim 1', 'dim 2'] });
        const r = ctx.engine.attention({ x: x.value, n: 3, dModel: 2, dK: 2, dV: 2, wq: wq.value, wk: wk.value, wv: wv.value }).heads[0];
        const sq = { rows: 3, cols: 3, rowLabels: TOKENS, colLabels: TOKENS, cornerLabel: 'query \\ key' };
        let big = 0;
        for (let i = 1; i < 9; i++) if (Math.abs(r.scaled[i]) > Math.abs(r.scaled[big])) big = i;
        const factor = r.scaled[big] !== 0 ? r.scores[big] / r.scaled[big] : NaN;
        tables.scores.update({ ...sq, values: r.scores, caption: 'QKᵀ (raw scores)' });
        tables.scaled.update({ ...sq, values: r.scaled, caption: `÷ √d_k = ÷ ${fmt(factor)}`, digits: 3 });
        tables.weights.update({ ...sq, values: r.weights, caption: 'softmax (each row sums to 1)', digits: 3 });
        tables.output.update({ values: r.output, rows: 3, cols: 2, rowLabels: TOKENS, colLabels: ['out 1', 'out 2'], caption: '· V (the new vectors)', digits: 3 });
        const sums = rowSums(r.weights, 3, 3);
        const row = (m, i, w) => Array.from(m.slice(i * w, i * w + w), (v) => formatNumber(v, 3)).join(', ');
        flow.replaceChildren(
          el('li', {}, `QKᵀ: Apple's scores against love, Apple, phones are ${row(r.scores, 1, 3)}.`),
          el('li', {}, `÷ √d_k: divided by ${fmt(factor)} they become ${row(r.scaled, 1, 3)}.`),
          el('li', {}, `softmax: Apple's weights are ${row(r.weights, 1, 3)}; the rows sum to ${sums.map(fmt).join(', ')}.`),
          el('li', {}, `· V: Apple's new vector is (${row(r.output, 1, 2)}).`));

        // Glossary filter: the learner's text is only compared, never inserted as markup.
        if (activeElementOf(filter) !== filter && filter.value !== text) filter.value = text;
        let shown = 0;
        for (const { g, item } of entries) {
          const ok = matchesFilter(`${g.term} ${g.meaning}`, text);
          item.hidden = !ok;
          if (ok) shown++;
        }
        count.textContent = text.trim() ? `${shown} of ${entries.length} terms match “${text.trim()}”.` : `All ${entries.length} terms.`;

        const ticked = new Set(done.value);
        boxes.forEach((b, i) => { b.input.checked = ticked.has(i); });
        doneCount.textContent = `${ticked.size} of ${OBJECTIVES.length} ticked.`;
      },
      destroy() {
        editor.destroy();
        for (const t of Object.values(tables)) t.destroy();
      },
    };
  },
};
