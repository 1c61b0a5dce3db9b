// @ts-check
// Step 15's inputs (the schema): the number of tokens N for the comparison table and score grid,
// and whether the live measurement goes up to N = 1024. Checked once by state.js validateInputs.
export const MAX_N = 4096;

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  n: { type: 'number', integer: true, min: 2, max: MAX_N, default: 10, label: 'number of tokens' },
  big: { type: 'boolean', default: false, label: 'N = 1024 option' },
});
