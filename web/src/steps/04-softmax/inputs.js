// @ts-check
// Step 4's inputs (the schema): 2–8 raw scores, a gap multiplier applied to all of them, and the
// learner's prediction (winner, rough share) with whether the answer has been revealed.
import { SHARE_RANGES } from '../similarity-words.js';

export const LABELS = Object.freeze(['love', 'Apple', 'phones', 'juice', 'watch', 'cat', 'sat', 'down']);
export const LIMIT = 100; // a typed score must lie in [−100, 100]

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  scores: { type: 'numbers', minLength: 2, maxLength: LABELS.length, min: -LIMIT, max: LIMIT, default: [1, 3, 6], label: 'scores' },
  gap: { type: 'number', min: 0.1, max: 10, default: 1, label: 'gap' },
  pick: { type: 'number', integer: true, min: -1, max: LABELS.length - 1, default: -1, label: 'predicted winner' },
  range: { type: 'choice', choices: ['', ...SHARE_RANGES.map((r) => r.id)], choiceLabels: Object.fromEntries([['', '(nothing)'], ...SHARE_RANGES.map((r) => [r.id, r.label])]), default: '', label: 'predicted share' },
  revealed: { type: 'boolean', default: false, label: 'revealed answer' },
});
