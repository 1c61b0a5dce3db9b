// @ts-check
// Step 3's inputs (the schema): up to three 2-D vectors (love, Apple, phones), how many are shown,
// and the chosen pair. The starting vectors give Apple·love = −2, Apple·Apple = 8, Apple·phones = 8.
export const NAMES = Object.freeze(['love', 'Apple', 'phones']);
export const RANGE = Object.freeze([-4, 4]);
// The step text's own example: love = [1, 0], Apple = [1, 1], phones = [0, 2].
export const TEXT_EXAMPLE = Object.freeze([1, 0, 1, 1, 0, 2]);

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  vectors: { type: 'numbers', length: 6, cols: 2, min: RANGE[0], max: RANGE[1], rowLabels: NAMES, colLabels: ['dim 1', 'dim 2'], default: [-1, 0, 2, 2, 1, 3], label: 'vectors' },
  count: { type: 'number', integer: true, min: 2, max: 3, default: 3, label: 'number of vectors' },
  a: { type: 'number', integer: true, min: 0, max: 2, default: 1, label: 'first vector' },
  b: { type: 'number', integer: true, min: 0, max: 2, default: 0, label: 'second vector' },
});
