// review-view.js — the final review: what is left (missed or unanswered questions, in lesson
// order), a button per question that takes the learner back to its step (onGoToStep), the same
// question card inline so it can be retried right here, the completion message, and a
// two-press "Reset quiz progress" button.

import { domFor, clear } from '../lib/dom.js';
import { createQuestionCard } from './question-view.js';
import { formatAnswer } from '../lib/format.js';

const needsReview = (entry) => !entry || !entry.correct;

export function createReviewView(shell, { questions, order, stepTitles, ctl, onGoToStep, state, totals, reset }) {
  const { doc, root } = shell;
  const completeEl = domFor(doc).el('p', { class: 'al-quiz-complete' });
  const summaryEl = domFor(doc).el('p', { class: 'al-quiz-review-summary' });
  const list = domFor(doc).el('ol', { class: 'al-quiz-review-list' });
  const liveEl = domFor(doc).el('p', { class: 'al-quiz-sr', 'aria-live': 'polite' });
  let armed = false;
  const resetBtn = domFor(doc).el('button', { type: 'button', class: 'al-quiz-button al-quiz-reset', text: 'Reset quiz progress', onClick: () => {
    if (!armed) {
      armed = true;
      resetBtn.textContent = 'Press again to erase all answers';
      liveEl.textContent = 'Press the reset button again to erase every saved answer, or move on to keep them.';
      return;
    }
    armed = false;
    resetBtn.textContent = 'Reset quiz progress';
    reset();
  } });
  resetBtn.addEventListener('blur', () => { armed = false; resetBtn.textContent = 'Reset quiz progress'; });
  root.append(completeEl, summaryEl, list, domFor(doc).el('div', { class: 'al-quiz-actions' }, [resetBtn]), liveEl);

  let items = [];

  function statusText(entry, wasListed) {
    if (!entry) return 'Not answered yet';
    if (entry.correct) return wasListed ? 'Now answered correctly' : 'Answered correctly';
    if (entry.revealed) return 'Missed, solution shown (retries here are practice)';
    return entry.score > 0 ? `Partly right (${Math.round(entry.score * 100)}%)` : 'Missed';
  }

  function updateHeader() {
    const t = totals();
    const st = state();
    completeEl.textContent = st.completedAt
      ? `Quiz complete \u2014 score ${formatAnswer(t.raw)} of ${t.max} (${Math.round(t.scaled * 100)}%).`
      : `Answer every question to finish the quiz: ${t.total - t.answered} of ${t.total} still unanswered.`;
    const left = questions.filter((q) => needsReview(st.answers[q.id]));
    const missed = left.filter((q) => st.answers[q.id]).length;
    summaryEl.textContent = left.length
      ? `${left.length} question${left.length === 1 ? '' : 's'} to revisit: ${missed} missed, ${left.length - missed} not answered yet.`
      : 'Nothing left to revisit: every question is answered correctly.';
  }

  function rebuild() {
    for (const it of items) it.card.destroy();
    clear(list);
    items = [];
    const st = state();
    for (const q of questions) {
      if (!needsReview(st.answers[q.id])) continue;
      const status = domFor(doc).el('p', { class: 'al-quiz-review-status' });
      const go = typeof onGoToStep === 'function'
        ? domFor(doc).el('button', { type: 'button', class: 'al-quiz-button', text: `Go to step: ${stepTitles[q.stepId] || q.stepId}`, onClick: () => onGoToStep(q.stepId) })
        : null;
      // A missed idea comes back with new numbers (a new variant), not the ones already answered.
      const card = createQuestionCard(doc, q, ctl, { number: order.get(q.id), total: questions.length, fresh: true });
      list.appendChild(domFor(doc).el('li', { class: 'al-quiz-review-item' }, [status, go, card.root]));
      items.push({ q, status, card });
    }
    sync();
  }

  function sync() {
    shell.updateProgress();
    updateHeader();
    const st = state();
    for (const it of items) {
      it.status.textContent = statusText(st.answers[it.q.id], true);
      it.card.sync();
    }
  }

  rebuild();
  return {
    sync,
    rebuild,
    refresh(sceneId) { for (const it of items) if (!sceneId || (it.q.scene || it.q.stepId) === sceneId) it.card.refresh(); },
    completed() { updateHeader(); },
    destroy() { for (const it of items) it.card.destroy(); },
  };
}
