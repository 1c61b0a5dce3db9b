// @ts-check
// Step 5's inputs (the schema): three tokens' 2-D embeddings (the worked example's), the hand-set
// mixing weights for Apple (from the lesson text), and the pair whose two directions are compared.
export const TOKENS = Object.freeze(['love', 'Apple', 'phones']);
export const RANGE = Object.freeze([-3, 3]);
const DIMS = ['dim 1', 'dim 2'];

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  x: { type: 'numbers', length: 6, cols: 2, min: RANGE[0], max: RANGE[1], rowLabels: TOKENS, colLabels: DIMS, default: [1, 0, 1, 1, 0, 2], label: 'embeddings' },
  mix: { type: 'numbers', length: 3, min: 0, max: 1, default: [0.1, 0.5, 0.4], label: 'mixing weights' },
  a: { type: 'number', integer: true, min: 0, max: 2, default: 1, label: 'first word of the pair' },
  b: { type: 'number', integer: true, min: 0, max: 2, default: 2, label: 'second word of the pair' },
});
