// @ts-check
// Step 11's inputs (the schema): the sentence, whether the causal mask is on, the selected query
// row, the learner's guess for row 2 and whether it was revealed, and how many [pad] tokens the
// padding-mask example adds. Checked once by state.js validateInputs.
export const EXAMPLE_SENTENCE = 'The cat sat down';
export const MAX_PADDING = 8;

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  sentence: { type: 'text', maxLength: 2000, default: EXAMPLE_SENTENCE, label: 'sentence' },
  causal: { type: 'boolean', default: true, label: 'causal mask' },
  // Rows past the end of a shorter sentence move to its last row (the model clamps to n − 1).
  query: { type: 'number', integer: true, min: 0, max: 63, quietClamp: true, default: 0, label: 'query row' },
  guess: { type: 'number', integer: true, min: 1, max: 64, quietClamp: true, default: 1, label: 'guess' },
  revealed: { type: 'boolean', default: false, label: 'revealed answer' },
  padding: { type: 'number', integer: true, min: 0, max: MAX_PADDING, default: 2, label: 'number of padding tokens' },
});
