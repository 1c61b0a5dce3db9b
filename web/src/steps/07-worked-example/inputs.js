// @ts-check
// Step 7's inputs (the schema): three tokens with 2-D embeddings and three 2 × 2 projections,
// chosen so the raw scores are exactly [[1, 1, 0], [2, 3, 2], [2, 4, 4]], and the row the trace
// follows. Every source of values (link, storage, embedding, quiz) is checked against this, once,
// by state.js validateInputs.

export const TOKENS = Object.freeze(['love', 'Apple', 'phones']);
const DIMS = ['dim 1', 'dim 2'];
const IN = ['in 1', 'in 2'];
const ENTRY = { min: -10, max: 10 };

/** @type {(name: string, out: string, value: number[]) => import('../scene.js').NumbersInput} */
const weight = (name, out, value) => ({
  type: 'numbers', length: 4, cols: 2, ...ENTRY, rowLabels: IN, colLabels: [`${out} 1`, `${out} 2`],
  default: value, label: `${name} matrix`,
});

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  x: { type: 'numbers', length: 6, cols: 2, ...ENTRY, rowLabels: TOKENS, colLabels: DIMS, default: [1, 0, 1, 1, 0, 2], label: 'embeddings X' },
  wq: weight('W_Q', 'q', [1, 0, 0, 1]),
  wk: weight('W_K', 'k', [1, 1, 0, 1]),
  wv: weight('W_V', 'v', [1, 0, 0, 1]),
  query: { type: 'number', integer: true, min: 0, max: 2, default: 1, label: 'followed row' },
});

// The editors' step size (the schema accepts any number in range; the arrows move by this).
export const EDIT_STEP = 0.5;
