// @ts-check
// Step 12's inputs (the schema): the sentence, the shuffle (0 = original order, else the seed of
// a permutation), whether the positional encoding is added, the followed word, and the size of the
// encoding matrix shown on its own (positions and d_model). Checked once by state.js.
export const EXAMPLE_SENTENCE = 'The cat sat down';

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  sentence: { type: 'text', maxLength: 2000, default: EXAMPLE_SENTENCE, label: 'sentence' },
  shuffle: { type: 'number', integer: true, min: 0, max: 1e9, default: 0, label: 'shuffle' },
  pe: { type: 'boolean', default: false, label: 'positional encoding switch' },
  // A word past the end of a shorter sentence moves to its last word (the model clamps to n − 1).
  follow: { type: 'number', integer: true, min: 0, max: 63, quietClamp: true, default: 1, label: 'followed word' },
  peN: { type: 'number', integer: true, min: 1, max: 64, default: 20, label: 'number of positions' },
  peD: { type: 'number', integer: true, min: 4, max: 128, default: 32, label: 'd_model of the encoding' },
});
