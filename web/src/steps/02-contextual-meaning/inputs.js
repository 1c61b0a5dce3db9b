// @ts-check
// Step 2's inputs (the schema): which sentence, the five static word vectors on the meaning plot
// (I, love, Apple/apple, phones, juice — "Apple" and "apple" share one static vector, since a
// lookup table does not see context), the pull strength and the word being rebuilt.

export const SENTENCES = Object.freeze({
  phones: { words: ['I', 'love', 'Apple', 'phones'], rows: [0, 1, 2, 3], text: 'I love Apple phones' },
  juice: { words: ['I', 'love', 'apple', 'juice'], rows: [0, 1, 2, 4], text: 'I love apple juice' },
});
export const RANGE = Object.freeze([-1, 3]);
export const AXES = Object.freeze(['fruit-ness', 'tech-ness']);

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  sentence: { type: 'choice', choices: Object.keys(SENTENCES), default: 'phones', label: 'sentence' },
  vectors: {
    type: 'numbers', length: 10, cols: 2, min: RANGE[0], max: RANGE[1], default: [0.3, 0.3, 0.8, 0.6, 1.2, 1.2, 0.2, 2.4, 2.4, 0.2],
    rowLabels: ['I', 'love', 'apple', 'phones', 'juice'], colLabels: AXES, label: 'word vectors',
  },
  pull: { type: 'number', min: 0, max: 3, default: 1, label: 'pull strength' },
  follow: { type: 'number', integer: true, min: 0, max: 3, default: 2, label: 'rebuilt word' },
});
