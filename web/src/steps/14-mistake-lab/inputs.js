// @ts-check
// Step 14's inputs (the schema): the sentence, the causal mask, which softmax/mask bug is on, the
// scaling bug, the width d_k = d_model, and the "which bug is this?" challenge (its number, the
// learner's answer, whether it was checked). Checked once by state.js validateInputs.
import { BUGS } from '../mistake-diagnosis.js';

export const EXAMPLE_SENTENCE = 'The cat sat down';
export const WIDTHS = Object.freeze([2, 4, 8, 16, 32, 64, 128]);
export const MISTAKES = Object.freeze([
  { id: 'none', label: 'No softmax or mask bug' },
  { id: 'softmax-over-queries', label: 'Softmax over the query axis (down the columns)' },
  { id: 'mask-after-softmax', label: 'Mask after the softmax' },
]);
// The challenge's fixed setting: causal mask on, d_k = 64.
export const CHALLENGE_DK = 64;

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  sentence: { type: 'text', maxLength: 2000, default: EXAMPLE_SENTENCE, label: 'sentence' },
  causal: { type: 'boolean', default: true, label: 'causal mask' },
  mistake: { type: 'choice', choices: MISTAKES.map((m) => m.id), default: 'none', label: 'softmax or mask bug' },
  noScale: { type: 'boolean', default: false, label: 'missing √d_k bug' },
  dK: { type: 'choice', choices: WIDTHS, default: 64, label: 'd_k' },
  challenge: { type: 'number', integer: true, min: 1, max: 1e6, default: 1, label: 'mystery number' },
  answer: { type: 'choice', choices: ['', ...BUGS.map((b) => b.id)], default: '', label: 'answer' },
  checked: { type: 'boolean', default: false, label: 'checked answer' },
});
