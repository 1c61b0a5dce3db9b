// question-view.js — renders one question as a card: prompt (as a fieldset legend), the kind's
// control, Check / Try again / Show solution buttons, a polite live region for feedback (always
// worded "Correct —" / "Not quite —", never colour alone) and the solution. It holds no scores
// itself: it asks the controller (quiz.js) to submit, reveal and look up saved answers.

import { h, button } from './dom.js';
import { createChoiceControl, createNumericControl } from './control-basic.js';
import { createCellControl } from './control-cell.js';
import { createOrderControl } from './control-order.js';

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
 * createQuestionCard(doc, question, ctl, { number, total }) → { root, sync(), refresh(), destroy() }
 * ctl: { uid, createHeatmap, saved(id), live(q), inputsText(q), submit(q, response, live),
 *        reveal(q, live), solution(q, live), startTimer(q) }
 */
export function createQuestionCard(doc, question, ctl, { number, total }) {
  const env = {
    uid: ctl.uid,
    createHeatmap: ctl.createHeatmap,
    live: () => ctl.live(question),
    inputsText: () => ctl.inputsText(question),
  };
  const control = FACTORIES[question.kind](doc, question, env);
  const metaId = ctl.uid('meta');
  const statusEl = h(doc, 'span', { class: 'al-quiz-status' });
  const meta = h(doc, 'p', { class: 'al-quiz-meta', id: metaId }, [
    `Question ${number} of ${total} \u00B7 ${KIND_WORDS[question.kind]}${question.predict ? ' \u00B7 Predict first' : ''} \u00B7 `,
    statusEl,
  ]);
  const feedback = h(doc, 'div', { class: 'al-quiz-feedback', attrs: { 'aria-live': 'polite' } });
  const solution = h(doc, 'div', { class: 'al-quiz-solution', hidden: true, tabIndex: -1 });
  // No <form>: sandboxed iframes without allow-forms block form submission before any submit
  // event fires. Check is a plain button, and Enter in a text field triggers it (see below).
  const checkBtn = h(doc, 'button', {
    type: 'button', class: 'al-quiz-button al-quiz-primary',
    text: question.predict ? 'Commit guess' : 'Check', on: { click: onSubmit },
  });
  const retryBtn = button(doc, 'Try again', onRetry, { hidden: true });
  const solutionBtn = button(doc, 'Show solution', onReveal);

  const form = h(doc, 'div', {
    class: 'al-quiz-form',
    on: { keydown: (e) => { if (e.key === 'Enter' && e.target.tagName === 'INPUT' && e.target.type === 'text') onSubmit(e); } },
  }, [
    h(doc, 'fieldset', { class: 'al-quiz-fieldset' }, [
      h(doc, 'legend', { class: 'al-quiz-prompt', text: question.prompt }),
      question.predict ? h(doc, 'p', { class: 'al-quiz-predict', text: 'Commit your guess, then watch: the answer is revealed as soon as you commit.' }) : null,
      control.el,
    ]),
    h(doc, 'div', { class: 'al-quiz-actions' }, [checkBtn, retryBtn, solutionBtn]),
  ]);
  const root = h(doc, 'article', { class: 'al-quiz-question', attrs: { 'aria-labelledby': metaId } }, [meta, form, feedback, solution]);
  root.dataset.questionId = question.id;
  // The scene may have changed since this card was drawn: refresh the listed live inputs when
  // the learner comes back to a numeric question (cheap; heatmaps redraw on request instead).
  if (question.kind === 'numeric' && question.showInputs) root.addEventListener('focusin', () => control.refresh());

  function setFeedback(text, tone) {
    feedback.textContent = text;
    feedback.className = `al-quiz-feedback${tone ? ` al-quiz-is-${tone}` : ''}`;
  }

  function lock(locked, entry) {
    control.setDisabled(locked);
    checkBtn.disabled = locked;
    retryBtn.hidden = !locked || Boolean(entry && entry.correct);
    solutionBtn.hidden = Boolean(entry && entry.revealed);
  }

  function showSolution(out) {
    solution.textContent = '';
    solution.append(h(doc, 'p', { class: 'al-quiz-solution-title', text: 'Solution' }), h(doc, 'p', { text: out.text }));
    solution.hidden = false;
    if (question.kind === 'choice' && out.value !== undefined) control.reveal(out.value);
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
    setFeedback(prefix + r.feedback, r.correct ? 'ok' : 'bad');
    if (question.kind === 'numeric' && control.refresh) control.refresh();
    if (question.predict && !out.practice) showSolution(ctl.reveal(question, live));
    sync();
    // The Check button is now disabled; keep keyboard focus on something useful.
    if (!retryBtn.hidden) retryBtn.focus();
    else if (!solution.hidden) solution.focus();
    else if (!solutionBtn.hidden) solutionBtn.focus();
  }

  function onRetry() {
    setFeedback('', null);
    lock(false, ctl.saved(question.id));
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

  /** Bring the card in line with the saved answer (after load, reset or another card's change). */
  function sync() {
    const entry = ctl.saved(question.id);
    statusEl.textContent = statusWords(entry);
    if (!entry) { lock(false, null); return; }
    lock(entry.attempts > 0 || entry.revealed, entry);
  }

  // Restore a saved answer.
  const saved = ctl.saved(question.id);
  if (saved) {
    if (saved.response !== null && saved.response !== undefined) control.setResponse(saved.response);
    if (saved.feedback) setFeedback(`Your saved answer: ${saved.feedback}`, saved.correct ? 'ok' : 'bad');
    if (saved.revealed) showSolution(ctl.solution(question, control.getLive ? control.getLive() : undefined));
  } else {
    ctl.startTimer(question);
  }
  sync();

  return {
    root,
    sync,
    refresh() { if (control.refresh) control.refresh(); },
    destroy() { if (control.destroy) control.destroy(); root.remove(); },
  };
}
