// question-view.js — renders one question as a card: prompt (as a fieldset legend), the tables of
// the variant's inputs, the kind's control, Check / Try again / Show solution buttons, a polite
// live region for feedback (always worded "Correct —" / "Not quite —", never colour alone) and the
// solution. It holds no scores itself: it asks the controller (quiz.js) for the variant to show,
// to submit, to reveal and to look up saved answers. "Try again" asks for a new variant.

import { domFor, clear } from '../lib/dom.js';
import { createChoiceControl, createNumericControl } from './control-basic.js';
import { createCellControl } from './control-cell.js';
import { createOrderControl } from './control-order.js';
import { createMatrixTable } from '../views/matrix-table.js';
import { formatAnswer } from '../lib/format.js';

const FACTORIES = { choice: createChoiceControl, numeric: createNumericControl, cell: createCellControl, order: createOrderControl };
const KIND_WORDS = { choice: 'Multiple choice', numeric: 'Number', cell: 'Pick a cell', order: 'Put in order' };

function statusWords(entry) {
  if (!entry) return 'not answered yet';
  if (entry.correct) return entry.revealed ? 'answered correctly, solution shown' : 'answered correctly';
  if (entry.revealed && entry.attempts === 0) return 'solution shown without an answer';
  if (entry.score > 0) return `partly right (${Math.round(entry.score * 100)}%)${entry.revealed ? ', solution shown' : ''}`;
  return entry.revealed ? 'missed, solution shown' : 'not right yet';
}

/**
 * createQuestionCard(doc, template, ctl, { number, total, fresh }) → { root, sync(), refresh(), destroy() }
 * fresh: show a new variant rather than the saved one (the final review does).
 * ctl: { uid, createHeatmap, saved(id), instanceFor(template, { fresh }), live(q),
 *        submit(q, response, live), reveal(q, live), solution(q, live), startTimer(q) }
 */
export function createQuestionCard(doc, template, ctl, { number, total, fresh = false }) {
  let question = ctl.instanceFor(template, { fresh });
  let seenAt = ctl.saved(template.id)?.at ?? null;
  const env = {
    uid: ctl.uid,
    createHeatmap: ctl.createHeatmap,
    live: () => ctl.live(question),
  };
  let control = null;
  let tables = [];
  const metaId = ctl.uid('meta');
  const statusEl = domFor(doc).el('span', { class: 'al-quiz-status' });
  const meta = domFor(doc).el('p', { class: 'al-quiz-meta', id: metaId }, [
    `Question ${number} of ${total} \u00B7 ${KIND_WORDS[template.kind]}${template.predict ? ' \u00B7 Predict first' : ''} \u00B7 `,
    statusEl,
  ]);
  const feedback = domFor(doc).el('div', { class: 'al-quiz-feedback', 'aria-live': 'polite' });
  const solution = domFor(doc).el('div', { class: 'al-quiz-solution', hidden: true, tabIndex: -1 });
  const checkBtn = domFor(doc).el('button', { type: 'button', class: 'al-quiz-button al-quiz-primary', text: template.predict ? 'Commit guess' : 'Check', onClick: onSubmit });
  const retryBtn = domFor(doc).el('button', { type: 'button', class: 'al-quiz-button', text: 'Try again with new numbers', onClick: onRetry, hidden: true });
  if (!template.variant) retryBtn.textContent = 'Try again';
  const solutionBtn = domFor(doc).el('button', { type: 'button', class: 'al-quiz-button', text: 'Show solution', onClick: onReveal });
  const legend = domFor(doc).el('legend', { class: 'al-quiz-prompt' });
  const body = domFor(doc).el('div', { class: 'al-quiz-body' });

  // No <form>: sandboxed iframes without allow-forms block form submission before any submit
  // event fires. Check is a plain button, and Enter in a text field triggers it (see below).
  const form = domFor(doc).el('div', { class: 'al-quiz-form', onKeydown: (e) => { if (e.key === 'Enter' && e.target.tagName === 'INPUT' && e.target.type === 'text') onSubmit(e); } }, [
    domFor(doc).el('fieldset', { class: 'al-quiz-fieldset' }, [
      legend,
      template.predict ? domFor(doc).el('p', { class: 'al-quiz-predict', text: 'Commit your guess, then watch: the answer is revealed as soon as you commit.' }) : null,
      body,
    ]),
    domFor(doc).el('div', { class: 'al-quiz-actions' }, [checkBtn, retryBtn, solutionBtn]),
  ]);
  const root = domFor(doc).el('article', { class: 'al-quiz-question', 'aria-labelledby': metaId }, [meta, form, feedback, solution]);
  root.dataset.questionId = template.id;

  // Draw the current variant: its prompt, its input tables and a new control.
  function build() {
    if (control && control.destroy) control.destroy();
    clear(body);
    tables = [];
    legend.textContent = question.prompt;
    root.dataset.variant = String(question.variant);
    if (question.inputs && question.inputs.length) {
      const box = domFor(doc).el('div', { class: 'al-quiz-inputs' });
      body.appendChild(box);
      for (const t of question.inputs) {
        const view = createMatrixTable(box, { caption: t.caption });
        view.update({ values: t.values, rows: t.rows, cols: t.cols, rowLabels: t.rowLabels, colLabels: t.colLabels });
        tables.push(view);
      }
    }
    control = FACTORIES[template.kind](doc, question, env);
    body.appendChild(control.el);
  }

  function setFeedback(text, tone) {
    feedback.textContent = text;
    feedback.className = `al-quiz-feedback${tone ? ` al-quiz-is-${tone}` : ''}`;
  }

  // Locked: this variant was already answered or its solution shown. A card showing another
  // variant than the saved one (the review's new numbers) is open for an answer.
  function lock(entry) {
    const sameVariant = Boolean(entry) && entry.variant === question.variant;
    const locked = sameVariant && (entry.attempts > 0 || entry.revealed);
    control.setDisabled(locked);
    checkBtn.disabled = locked;
    retryBtn.hidden = !locked || Boolean(entry && entry.correct);
    solutionBtn.hidden = sameVariant && Boolean(entry.revealed);
  }

  function showSolution(out) {
    solution.textContent = '';
    solution.append(domFor(doc).el('p', { class: 'al-quiz-solution-title', text: 'Solution' }), domFor(doc).el('p', { text: out.text }));
    solution.hidden = false;
    if (template.kind === 'choice' && out.value !== undefined) control.reveal(out.value);
  }

  function hideSolution() {
    solution.textContent = '';
    solution.hidden = true;
  }

  async function onSubmit(ev) {
    if (ev) ev.preventDefault();
    if (checkBtn.disabled) return;
    const live = control.getLive ? control.getLive() : undefined;
    const out = ctl.submit(question, control.getResponse(), live);
    if (out.error) { setFeedback(out.error, null); return; }
    const r = out.result;
    if (r.invalid) { setFeedback(r.feedback, null); control.focus(); return; }
    // Feedback appears once a durable save is confirmed (at most 3 s of waiting), so an answer
    // whose feedback is on screen survives a crash.
    const saving = ctl.lastSave?.();
    if (saving) await Promise.race([saving, new Promise((resolve) => setTimeout(resolve, 3000))]);
    const prefix = out.practice ? 'Practice (not scored, the solution was already shown): ' : '';
    let credit = '';
    if (!out.practice && out.earlier !== undefined) {
      credit = r.correct
        ? ` Not a first try, so this one counts ${formatAnswer(out.earned)} of a point; your earlier ${formatAnswer(out.earlier)} stands.`
        : ` Your earlier score, ${formatAnswer(out.earlier)} of a point, stands.`;
    } else if (!out.practice && r.correct && out.credit !== undefined && out.credit < 1) {
      credit = ` Not a first try, so it counts ${formatAnswer(out.credit)} of a point.`;
    }
    setFeedback(prefix + r.feedback + credit, r.correct ? 'ok' : 'bad');
    if (template.predict && !out.practice) showSolution(ctl.reveal(question, live));
    sync();
    // The Check button is now disabled; keep keyboard focus on something useful.
    if (!retryBtn.hidden) retryBtn.focus();
    else if (!solution.hidden) solution.focus();
    else if (!solutionBtn.hidden) solutionBtn.focus();
  }

  function onRetry() {
    question = ctl.instanceFor(template, { fresh: true });
    build();
    setFeedback('', null);
    hideSolution();
    lock(ctl.saved(template.id));
    retryBtn.hidden = true;
    ctl.startTimer(question);
    control.focus();
  }

  function onReveal() {
    const live = control.getLive ? control.getLive() : undefined;
    showSolution(ctl.reveal(question, live));
    sync();
    solution.focus();
  }

  // Show a saved answer: its variant, its response, its feedback and (if shown) its solution.
  function restore(saved) {
    if (saved.response !== null && saved.response !== undefined) control.setResponse(saved.response);
    if (saved.feedback) setFeedback(`Your saved answer: ${saved.feedback}`, saved.correct ? 'ok' : 'bad');
    if (saved.revealed) showSolution(ctl.solution(question, control.getLive ? control.getLive() : undefined));
  }

  /** Bring the card in line with the saved answer (after load, reset or another card's change). */
  function sync() {
    const entry = ctl.saved(template.id);
    statusEl.textContent = statusWords(entry);
    if (entry && entry.at !== seenAt) {
      seenAt = entry.at;
      // Answered in another card (step or review) with other numbers: show that variant here,
      // except in the review, which keeps offering new numbers for an idea still missed.
      if (Number.isInteger(entry.variant) && entry.variant !== question.variant && !(fresh && !entry.correct)) {
        question = ctl.instanceFor(template);
        build();
        hideSolution();
        setFeedback('', null);
        restore(entry);
      }
    }
    lock(entry || null);
  }

  build();
  const saved = ctl.saved(template.id);
  if (saved && saved.variant === question.variant) restore(saved);
  else ctl.startTimer(question);
  sync();

  return {
    root,
    sync,
    refresh() { if (control.refresh) control.refresh(); },
    destroy() { if (control && control.destroy) control.destroy(); root.remove(); },
  };
}
