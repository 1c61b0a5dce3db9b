// scoring.js — pure answer checking for every question kind, plus totals. No DOM, no storage.
//
// Rules (also stated in README.md):
// - Every question is worth 1 point; a result's `score` is between 0 and 1.
// - choice: 1 if the chosen option id is the key, else 0.
// - numeric: 1 if |response − answer| ≤ tolerance (a tiny 1e-9 slack absorbs float noise), else 0.
//   Responses are parsed leniently: "0.25", "0,25", ".25", "25%", "10,000", "1e4".
// - cell: 1 if the picked {row, col} is an accepted cell (ties all count), else 0.
// - order: partial credit = share of item pairs that are in the correct relative order
//   (Kendall-style; a fully reversed list scores 0; pairs that commute, such as scaling and
//   masking, count either way). `correct` only when every pair is right.
// - a question's recorded score is its check score times retryCredit() (quiz.js).
//
// check(question, response, ctx) → { correct, score, feedback, explanation, invalid?, expected? }
// ctx = { engine, sceneInputs, live } — `live` is the compute() result the learner was shown
// (cell questions); if absent, compute() runs now on ctx.engine and ctx.sceneInputs.

import { answerOf } from './answer-key.js';
import { formatAnswer, parseAnswer } from '../lib/format.js';

const SLACK = 1e-9;

/** Pairwise-order partial credit for an ordering. Pairs inside one `commutes` group (stages whose
 *  order does not change the result) always count as right. Returns { score, pairsRight, pairs, inPlace }. */
export function orderCredit(correctOrder, response, commutes = []) {
  const n = correctOrder.length;
  const pos = new Map(response.map((id, i) => [id, i]));
  const free = (a, b) => commutes.some((g) => g.includes(a) && g.includes(b));
  let pairsRight = 0;
  let pairs = 0;
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      pairs += 1;
      const a = pos.get(correctOrder[i]);
      const b = pos.get(correctOrder[j]);
      if (a !== undefined && b !== undefined && (a < b || free(correctOrder[i], correctOrder[j]))) pairsRight += 1;
    }
  }
  const inPlace = correctOrder.filter((id, i) => response[i] === id || (response[i] !== undefined && free(id, response[i]))).length;
  return { score: pairs ? pairsRight / pairs : 1, pairsRight, pairs, inPlace };
}

/** Share of a point a correct answer earns after `missesBefore` wrong attempts on the question.
 *  First try: 1. Choice: 1 − misses / (options − 1), so ruling options out one by one earns
 *  nothing extra on average. Other kinds (a retry gets new numbers): 0.5. */
export function retryCredit(question, missesBefore) {
  if (!missesBefore) return 1;
  if (question.kind === 'choice') {
    const m = (question.options || []).length;
    return m > 1 ? Math.max(0, 1 - missesBefore / (m - 1)) : 0;
  }
  return 0.5;
}

function liveOf(question, ctx) {
  if (ctx && ctx.live !== undefined && ctx.live !== null) return ctx.live;
  return question.compute(ctx && ctx.engine, ctx && ctx.sceneInputs);
}

function labelOf(labels, i) {
  return labels && labels[i] !== undefined ? `\u201C${labels[i]}\u201D` : `#${i + 1}`;
}

/** The expected answer in a form the UI can show: { text, value }. Throws if a live answer
 *  cannot be computed (e.g. no engine). */
export function solutionOf(question, ctx) {
  switch (question.kind) {
    case 'choice': {
      const id = keyOf(question, ctx);
      const opt = question.options.find((o) => o.id === id);
      const said = opt ? words(opt.text) : id;
      const stop = /[.?!]$/.test(said) ? '' : '.';
      return { value: id, text: `The answer is \u201C${said}\u201D${stop} ${opt ? words(opt.explain) : ''}`.trim() };
    }
    case 'numeric': {
      const v = question.compute ? liveOf(question, ctx) : answerOf(question);
      const tol = question.tolerance ? ` (answers within \u00B1${formatAnswer(question.tolerance)} count)` : '';
      return { value: v, text: `The answer is ${formatAnswer(v)}${tol}. ${words(question.solution)}`.trim() };
    }
    case 'cell': {
      const live = liveOf(question, ctx);
      const a = live.answer;
      const more = live.accept && live.accept.length > 1 ? ` (${live.accept.length} cells are accepted, e.g.)` : '';
      const text = `Row ${labelOf(live.rowLabels, a.row)}, column ${labelOf(live.colLabels, a.col)}${more} (${cellNumbers(live, a)}). ${words(question.solution)}`;
      return { value: { row: a.row, col: a.col }, text: text.trim() };
    }
    case 'order': {
      const order = answerOf(question) || [];
      const byId = new Map(question.items.map((it) => [it.id, it.text]));
      const list = order.map((id, i) => `${i + 1}. ${byId.get(id)}`).join('; ');
      return { value: order, text: `The order is: ${list}. ${words(question.solution)}`.trim() };
    }
    default:
      throw new Error(`Unknown question kind: ${question.kind}`);
  }
}

// The numbers of one cell for the feedback and the solution: the number that decides the answer
// (live.decidedBy, e.g. the weight after softmax) first, then the one the heatmap shows
// (live.shownAs, e.g. the raw score), since the two are different quantities.
function cellNumbers(live, cell) {
  const i = cell.row * live.cols + cell.col;
  const shown = `${live.shownAs ?? 'value'} ${formatAnswer(live.values[i])}`;
  if (!live.decidedBy) return shown;
  return `${live.decidedBy.name} ${formatAnswer(live.decidedBy.values[i])}; ${shown} on the heatmap`;
}

// The key of a choice question: computed for variants whose right option depends on the numbers.
function keyOf(q, ctx) {
  return typeof q.compute === 'function' ? liveOf(q, ctx) : answerOf(q);
}

// Option texts of a template may be functions of a variant's numbers; only an instance's are words.
const words = (v) => (typeof v === 'string' ? v : '');

function checkChoice(q, response, ctx) {
  const key = keyOf(q, ctx);
  const chosen = q.options.find((o) => o.id === response);
  if (!chosen) return { correct: false, score: 0, invalid: true, feedback: 'Pick one of the options first.', explanation: '' };
  const correct = chosen.id === key;
  const right = q.options.find((o) => o.id === key);
  return {
    correct, score: correct ? 1 : 0, expected: key,
    feedback: correct ? `Correct \u2014 ${words(chosen.explain)}` : `Not quite \u2014 ${words(chosen.explain)}`,
    explanation: right ? `\u201C${words(right.text)}\u201D ${words(right.explain)}` : '',
  };
}

function checkNumeric(q, response, ctx) {
  const v = parseAnswer(response);
  if (Number.isNaN(v)) return { correct: false, score: 0, invalid: true, feedback: 'Please type a number, for example 0.25.', explanation: '' };
  const expected = q.compute ? liveOf(q, ctx) : answerOf(q);
  const tol = q.tolerance || 0;
  const correct = Math.abs(v - expected) <= tol + SLACK;
  let feedback;
  if (correct) feedback = `Correct \u2014 ${formatAnswer(v)} matches ${formatAnswer(expected)}${tol ? ` within \u00B1${formatAnswer(tol)}` : ''}.`;
  else feedback = `Not quite \u2014 ${formatAnswer(v)} is ${v > expected ? 'too high' : 'too low'}${tol ? ` by more than the allowed \u00B1${formatAnswer(tol)}` : ''}.`;
  return { correct, score: correct ? 1 : 0, expected, feedback, explanation: words(q.solution) };
}

function checkCell(q, response, ctx) {
  const live = liveOf(q, ctx);
  const ok = response && Number.isInteger(response.row) && Number.isInteger(response.col)
    && response.row >= 0 && response.row < live.rows && response.col >= 0 && response.col < live.cols;
  if (!ok) return { correct: false, score: 0, invalid: true, feedback: 'Pick a cell first: a query row and a key column.', explanation: '' };
  const accept = live.accept && live.accept.length ? live.accept : [live.answer];
  const correct = accept.some((c) => c.row === response.row && c.col === response.col);
  const where = `row ${labelOf(live.rowLabels, response.row)}, column ${labelOf(live.colLabels, response.col)} (${cellNumbers(live, response)})`;
  return {
    correct, score: correct ? 1 : 0, expected: live.answer,
    feedback: correct ? `Correct \u2014 ${where} is the one.` : `Not quite \u2014 ${where} is not it.`,
    explanation: words(q.solution),
  };
}

function checkOrder(q, response) {
  const key = answerOf(q) || [];
  const valid = Array.isArray(response) && response.length === key.length
    && new Set(response).size === key.length && response.every((id) => key.includes(id));
  if (!valid) return { correct: false, score: 0, invalid: true, feedback: 'Every item must appear exactly once.', explanation: '' };
  const c = orderCredit(key, response, q.commutes);
  const correct = c.pairsRight === c.pairs;
  return {
    correct, score: c.score, expected: key,
    feedback: correct
      ? `Correct \u2014 all ${key.length} steps are in order.`
      : `Not quite \u2014 ${c.inPlace} of ${key.length} items are in the right place, and ${c.pairsRight} of ${c.pairs} pairs are in the right relative order (partial credit ${Math.round(c.score * 100)}%).`,
    explanation: words(q.solution),
  };
}

/** Check one response. Never throws for bad responses (invalid: true); throws only if a live
 *  answer cannot be computed. */
export function check(question, response, ctx = {}) {
  switch (question.kind) {
    case 'choice': return checkChoice(question, response, ctx);
    case 'numeric': return checkNumeric(question, response, ctx);
    case 'cell': return checkCell(question, response, ctx);
    case 'order': return checkOrder(question, response);
    default: throw new Error(`Unknown question kind: ${question.kind}`);
  }
}

/** Totals over the bank. answers: { [id]: { score, correct } }. Unknown ids are ignored. */
export function totals(questions, answers = {}) {
  let answered = 0;
  let correct = 0;
  let raw = 0;
  for (const q of questions) {
    const a = answers[q.id];
    if (!a) continue;
    answered += 1;
    if (a.correct) correct += 1;
    raw += a.score;
  }
  raw = Math.round(raw * 10000) / 10000;
  const max = questions.length;
  return { total: questions.length, answered, correct, raw, min: 0, max, scaled: max ? raw / max : 0 };
}

/** "4 of 23 answered, 3 correct" */
export function progressText(t) {
  return `${t.answered} of ${t.total} answered, ${t.correct} correct`;
}
