// @ts-check
// Step 10's inputs (the schema): the typed sentence, the seed of W_Q, W_K, W_V, the query row the
// scrubber follows, the stage the player shows, the mask, and the "learned / random" switch with
// its trained model and layer (weights-switch.js). Checked once by state.js.
import { WEIGHTS_INPUTS } from '../weights-switch.js';

export const EXAMPLE_SENTENCE = 'The cat sat down';
export const ANIMAL_SENTENCE = 'The animal didn\u2019t cross the street because it was too tired';
export const STAGE_KEYS = Object.freeze(['scores', 'scaled', 'masked', 'weights', 'output']);
export const MASKS = Object.freeze(['none', 'causal']);

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  sentence: { type: 'text', maxLength: 2000, default: EXAMPLE_SENTENCE, label: 'sentence' },
  seed: { type: 'number', integer: true, min: 0, max: 9999, default: 7, label: 'weight seed' },
  // A query past the end of a shorter sentence moves to its last token (the model clamps to n − 1).
  query: { type: 'number', integer: true, min: 0, max: 63, quietClamp: true, default: 0, label: 'query' },
  stage: { type: 'number', integer: true, min: 0, max: STAGE_KEYS.length - 1, default: 3, label: 'stage' },
  mask: { type: 'choice', choices: MASKS, default: 'none', label: 'mask' },
  ...WEIGHTS_INPUTS,
});
