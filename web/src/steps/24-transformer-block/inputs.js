// @ts-check
// Step 24's inputs (the schema): the sentence the language model reads and the token whose
// vector the block view follows through every box (counting <s> as 0). Checked by state.js.
export const DEFAULT_SENTENCE = 'The cat sat on the mat';

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  sentence: { type: 'text', maxLength: 300, default: DEFAULT_SENTENCE, label: 'sentence' },
  // A token past the end of a shorter sentence moves to its last token (the model clamps).
  token: { type: 'number', integer: true, min: 0, max: 31, quietClamp: true, default: 2, label: 'followed token' },
});
