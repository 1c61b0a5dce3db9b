// quiz-solvers.js — two ways of answering the quiz, shared by the node and browser tests:
// a strategy bot that answers without understanding (the longest option, a number it can read in
// the question, the brightest cell of the heatmap, an ordering left as shown) and an honest
// solver that works each variant out with the engine and types it the way a learner might
// (two decimals, sometimes with a decimal comma; commuting stages in either order).
// Not a test file itself (no .test.js suffix).
import { QUESTIONS } from '../../web/src/quiz/questions.js';
import { instantiate, visibleNumbers, brightestCells } from '../../web/src/quiz/variants.js';
import { check, solutionOf, retryCredit } from '../../web/src/quiz/scoring.js';
import { answerOf } from '../../web/src/quiz/answer-key.js';
import { referenceEngine } from './quiz-reference-engine.js';

export const NUMBER_POLICIES = ['first', 'last', 'largest'];

/** The question an attempt with this seed shows (same call the quiz makes). */
export function instanceOf(template, seed, engine) {
  return instantiate(template, seed, { engine, orderKey: template.kind === 'order' ? answerOf(template) : null });
}

/** Options as displayed: the longest text, the first of equals in display order. */
export function longestOption(q) {
  let best = q.options[0];
  for (const o of q.options) if (o.text.length > best.text.length) best = o;
  return best.id;
}

/** The bot's answer. numberPolicy: which number it reads off the question. */
export function botAnswer(q, engine, { numberPolicy = 'first' } = {}) {
  switch (q.kind) {
    case 'choice': return longestOption(q);
    case 'numeric': {
      const nums = visibleNumbers(q);
      if (!nums.length) return '0';
      if (numberPolicy === 'last') return String(nums.at(-1));
      if (numberPolicy === 'largest') return String(Math.max(...nums));
      return String(nums[0]);
    }
    case 'cell': return brightestCells(q.compute(engine))[0];
    case 'order': return q.items.map((it) => it.id);
    default: throw new Error(q.kind);
  }
}

/** The honest solver's answer, typed as text the way a learner might. */
export function honestAnswer(q, engine, seed) {
  const sol = solutionOf(q, { engine });
  if (q.kind === 'numeric') {
    const digits = q.tolerance >= 0.01 ? 2 : q.tolerance >= 0.1 ? 1 : 6;
    let text = q.tolerance ? sol.value.toFixed(digits) : String(Math.round(sol.value * 1e6) / 1e6);
    if (seed % 2) text = text.replace('.', ',');
    return text;
  }
  if (q.kind === 'order' && seed % 2 && q.commutes) {
    const order = sol.value.slice();
    for (const [a, b] of q.commutes) {
      const i = order.indexOf(a);
      const j = order.indexOf(b);
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
  }
  return sol.value;
}

/** Score one pass over the bank (first attempts only). Returns { raw, max, share, byKind, misses }. */
export function scorePass(seed, engine, answer, questions = QUESTIONS) {
  let raw = 0;
  const byKind = {};
  const misses = [];
  for (const t of questions) {
    const q = instanceOf(t, seed, engine);
    const r = check(q, answer(q, engine, seed), { engine });
    const s = r.invalid ? 0 : r.score * retryCredit(q, 0);
    raw += s;
    byKind[q.kind] = byKind[q.kind] || { raw: 0, max: 0 };
    byKind[q.kind].raw += s;
    byKind[q.kind].max += 1;
    if (s < 1) misses.push(t.id);
  }
  return { raw, max: questions.length, share: raw / questions.length, byKind, misses };
}

/** The real engine when wasm/dist is built, else the plain-JS reference. Returns { engine, real }. */
export async function quizEngine() {
  try {
    const { createEngine } = await import('../../wasm/engine.js');
    return { engine: await createEngine(), real: true };
  } catch {
    return { engine: referenceEngine, real: false };
  }
}
