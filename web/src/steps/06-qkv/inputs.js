// @ts-check
// Step 6's inputs (the schema): a short sentence, the embedding width (2 or 3), the embeddings X
// (one row per word) and W_Q, W_K, W_V, and the followed query. X's length follows the sentence,
// so the schema checks the entries and the model fits the shape (and says so).
export const MAX_WORDS = 6;
export const DEFAULT_SENTENCE = 'love Apple phones';
export const ENTRY = Object.freeze({ min: -10, max: 10 });

/** @type {(label: string, value: number[]) => import('../scene.js').NumbersInput} */
const weight = (label, value) => ({ type: 'numbers', minLength: 4, maxLength: 9, ...ENTRY, default: value, label });

// W_Q swaps the two dimensions, W_K mixes them differently and W_V is a third map, so each token's
// query, key and value differ: love's query prefers Apple, Apple's prefers phones and phones
// prefers itself, and Apple→phones (3) differs from phones→Apple (2).
/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  sentence: { type: 'text', maxLength: 2000, default: DEFAULT_SENTENCE, label: 'sentence' },
  dim: { type: 'choice', choices: [2, 3], default: 2, label: 'width' },
  x: { type: 'numbers', minLength: 1, maxLength: MAX_WORDS * 3, ...ENTRY, default: [1, 0, 1, 1, 0, 2], label: 'embeddings X' },
  wq: weight('W_Q', [0, 1, 1, 0]),
  wk: weight('W_K', [0, 1, 1, 0.5]),
  wv: weight('W_V', [1, 0, -1, 1]),
  query: { type: 'number', integer: true, min: 0, max: MAX_WORDS - 1, default: 1, label: 'followed query' },
});

// Names of the inputs in sentences about what an edit changed.
export const FIELDS = Object.freeze({ x: 'the embeddings X', wq: 'W_Q', wk: 'W_K', wv: 'W_V', sentence: 'the sentence', dim: 'the width' });
