// control-basic.js — the answer controls for choice questions (native radio buttons, each option
// with its own explanation shown once the solution is revealed) and numeric questions (a text
// input with inputmode="decimal" and the stated tolerance). The variant's input tables are drawn
// by question-view.js above the control.
// Every control exposes: { el, getResponse, setResponse, setDisabled, focus, reveal?, refresh? }.

import { domFor } from '../lib/dom.js';

export function createChoiceControl(doc, question, env) {
  const name = env.uid('choice');
  const rows = question.options.map((opt) => {
    const input = domFor(doc).el('input', { type: 'radio', name, value: opt.id, class: 'al-quiz-radio', id: env.uid('opt') });
    const explain = domFor(doc).el('p', { class: 'al-quiz-option-explain', hidden: true });
    const wrap = domFor(doc).el('div', { class: 'al-quiz-option' }, [
      domFor(doc).el('label', { class: 'al-quiz-option-label', for: input.id }, [input, domFor(doc).el('span', { text: opt.text })]),
      explain,
    ]);
    return { opt, input, explain, wrap };
  });
  const el = domFor(doc).el('div', { class: 'al-quiz-options' }, rows.map((r) => r.wrap));
  return {
    el,
    getResponse() {
      const r = rows.find((x) => x.input.checked);
      return r ? r.opt.id : null;
    },
    setResponse(id) { for (const r of rows) r.input.checked = r.opt.id === id; },
    setDisabled(d) { for (const r of rows) r.input.disabled = d; },
    focus() { (rows.find((r) => r.input.checked) || rows[0]).input.focus(); },
    /** Show every option's own explanation, marked with a word, not colour alone. */
    reveal(correctId) {
      for (const r of rows) {
        const right = r.opt.id === correctId;
        r.explain.textContent = `${right ? '\u2714 Right answer: ' : '\u2716 Not this one: '}${r.opt.explain}`;
        r.explain.className = `al-quiz-option-explain ${right ? 'al-quiz-is-ok' : 'al-quiz-is-bad'}`;
        r.explain.hidden = false;
      }
    },
    hideReveal() { for (const r of rows) r.explain.hidden = true; },
  };
}

export function createNumericControl(doc, question, env) {
  const input = domFor(doc).el('input', { type: 'text', class: 'al-quiz-number', id: env.uid('num'), inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false' });
  const hint = question.tolerance
    ? `Answers within \u00B1${question.tolerance} of the exact value count (0.25, 0,25 and 1/4 are all read as numbers).`
    : 'Give the exact value.';
  const hintEl = domFor(doc).el('span', { class: 'al-quiz-hint', id: env.uid('hint'), text: hint });
  input.setAttribute('aria-describedby', hintEl.id);
  const el = domFor(doc).el('div', { class: 'al-quiz-numeric' }, [
    domFor(doc).el('label', { class: 'al-quiz-label', for: input.id, text: 'Your answer' }),
    input,
    hintEl,
  ]);
  return {
    el,
    getResponse() { return input.value; },
    setResponse(v) { input.value = v === null || v === undefined ? '' : String(v); },
    setDisabled(d) { input.disabled = d; },
    focus() { input.focus(); },
  };
}
