// Step 16's view: the DOM of the summary — the formula, each factor (drawn by KaTeX) with a link
// to the step that built it, the mini-run's editor and four stage tables, the glossary and the
// objectives checklist. Draws what model.js computed; edits go back through ctx.set.
import { createMatrixEditor, createMatrixTable } from '../../views/index.js';
import { activeElementOf, domFor, uid, setText, setLines, setHidden } from '../../lib/dom.js';
import { GLOSSARY } from '../../content/glossary.js';
import { OBJECTIVES } from '../../content/objectives.js';
import { formulaBox } from '../../views/formula-box.js';
import { formulaInline } from '../../views/formula-inline.js';
import { INPUTS, TOKENS, EDIT_STEP } from './inputs.js';
import { FACTOR_FORMULAS } from './model.js';

export function mount(host, ctx) {
  const { el } = domFor(host);
  const formula = formulaBox(host, ctx.formulas.attention, 'Attention formula');
  const go = (stepId) => { if (!ctx.goTo(stepId)) ctx.announce('That step is not part of this copy of the lesson.'); };
  const linkButton = (stepId, what) => {
    const info = ctx.stepInfo(stepId);
    const text = info ? `Go to step ${info.number}: ${info.title}` : 'Go to its step';
    const b = el('button', { type: 'button', class: 'al-button summary-link', 'aria-label': `${text}, ${what}` }, text);
    b.addEventListener('click', () => go(stepId));
    return b;
  };

  const parts = el('ul', { class: 'scene-parts', 'aria-label': 'The factors of the formula' },
    ...(ctx.text?.formulaParts ?? []).map((p) => {
      const f = FACTOR_FORMULAS[p.part];
      const label = el('span', { class: 'scene-part', 'data-testid': 'formula-part' });
      label.append(formulaInline(host, f ? ctx.formulas[f.formula] : null, p.part));
      return el('li', {}, label, el('span', { class: 'scene-part-meaning' }, p.meaning),
        linkButton(p.stepId, `where ${f?.spoken ?? p.part} is built`));
    }));

  const inputBox = el('div', { class: 'al-cell' });
  const spec = INPUTS.x;
  const editor = createMatrixEditor(inputBox, { caption: 'Embeddings X (edit any number)', min: spec.min, max: spec.max, step: EDIT_STEP, onChange: (v) => ctx.set({ x: Array.from(v) }) });
  const reset = el('button', { type: 'button', class: 'al-button' }, 'Reset X');
  reset.addEventListener('click', () => { ctx.set({ x: INPUTS.x.default.slice() }); ctx.announce('Embeddings back to the worked example.'); });
  const stages = el('div', { class: 'al-grid scene-stages scene-words' });
  const cell = () => stages.appendChild(el('div', { class: 'al-cell' }));
  const tables = { scores: createMatrixTable(cell()), scaled: createMatrixTable(cell()), weights: createMatrixTable(cell()), output: createMatrixTable(cell()) };
  const flow = el('ol', { class: 'al-trace', 'data-testid': 'mini-run' });

  const filterId = uid('scene-filter');
  const filter = el('input', { type: 'search', id: filterId, class: 'al-input scene-filter', autocomplete: 'off', maxlength: String(INPUTS.filter.maxLength) });
  filter.addEventListener('input', () => ctx.set({ filter: filter.value }));
  const count = el('p', { 'data-testid': 'glossary-count', role: 'status' });
  const items = GLOSSARY.map((g) => el('div', { class: 'scene-term' }, el('dt', {}, g.term), el('dd', {}, g.meaning, ' ', linkButton(g.stepId, `where “${g.term}” is introduced`))));
  const list = el('dl', { class: 'scene-glossary' }, ...items);

  let ticked = [];
  const boxes = OBJECTIVES.map((text, i) => {
    const input = el('input', { type: 'checkbox', id: uid('scene-obj') });
    input.addEventListener('change', () => {
      const next = new Set(ticked);
      if (input.checked) next.add(i); else next.delete(i);
      ctx.set({ done: [...next].sort((a, b) => a - b) });
    });
    return { input, item: el('li', {}, input, el('label', { for: input.id }, text)) };
  });
  const doneCount = el('p', { 'data-testid': 'objectives-count' });

  host.append(formula,
    el('h3', {}, 'Each factor, and the step that built it'), parts,
    el('h3', {}, 'The whole formula on the worked example'),
    el('div', { class: 'al-grid' }, inputBox, el('div', { class: 'al-cell' },
      el('p', {}, 'W_Q, W_K and W_V stay as in the worked example. Change X and every stage follows.'), reset)),
    stages, flow,
    el('h3', {}, 'Glossary'),
    el('div', { class: 'al-controls' }, el('label', { for: filterId }, 'Filter the terms'), filter), count, list,
    el('h3', {}, 'What you can now do'), el('ul', { class: 'scene-objectives' }, ...boxes.map((b) => b.item)), doneCount);

  return {
    render(m, values) {
      editor.update({ values: values.x, rows: 3, cols: 2, rowLabels: TOKENS, colLabels: spec.colLabels });
      const sq = { rows: 3, cols: 3, rowLabels: TOKENS, colLabels: TOKENS, cornerLabel: 'query \\ key' };
      tables.scores.update({ ...sq, values: m.head.scores, caption: m.captions.scores });
      tables.scaled.update({ ...sq, values: m.head.scaled, caption: m.captions.scaled, digits: 3 });
      tables.weights.update({ ...sq, values: m.head.weights, caption: m.captions.weights, digits: 3 });
      tables.output.update({ values: m.head.output, rows: 3, cols: 2, rowLabels: TOKENS, colLabels: ['out 1', 'out 2'], caption: m.captions.output, digits: 3 });
      setLines(flow, m.flow);
      if (activeElementOf(filter) !== filter && filter.value !== values.filter) filter.value = values.filter;
      items.forEach((item, i) => setHidden(item, !m.glossary.shown[i]));
      setText(count, m.glossary.count);
      ticked = m.done;
      boxes.forEach((b, i) => { b.input.checked = m.done.includes(i); });
      setText(doneCount, m.doneCount);
    },
    destroy() {
      editor.destroy();
      for (const t of Object.values(tables)) t.destroy();
    },
  };
}
