// @ts-check
// Step 13's inputs (the schema): the sentence, the number of heads, the enlarged head and the
// query row whose strongest key each head names, and the learned / random switch
// (weights-switch.js). Checked once by state.js validateInputs.
import { WEIGHTS_INPUTS } from '../weights-switch.js';

export const EXAMPLE_SENTENCE = "The animal didn't cross the street because it was too tired";
export const HEAD_CHOICES = Object.freeze([1, 2, 4, 8]);

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  sentence: { type: 'text', maxLength: 2000, default: EXAMPLE_SENTENCE, label: 'sentence' },
  heads: { type: 'choice', choices: HEAD_CHOICES, default: 4, label: 'number of heads' },
  // Past the last head or token, the model moves to the last one.
  head: { type: 'number', integer: true, min: 0, max: 7, quietClamp: true, default: 0, label: 'selected head' },
  query: { type: 'number', integer: true, min: 0, max: 63, quietClamp: true, default: 7, label: 'query' },
  ...WEIGHTS_INPUTS,
});
