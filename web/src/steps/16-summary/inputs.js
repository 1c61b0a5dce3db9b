// @ts-check
// Step 16's inputs (the schema): the worked example's embeddings and projections for the mini-run
// of the whole formula, the glossary filter text and the ticked objectives. Checked once by
// state.js validateInputs for every source (link, storage, embedding, quiz).
import { OBJECTIVES } from '../../content/objectives.js';

export const TOKENS = Object.freeze(['love', 'Apple', 'phones']);
const ENTRY = { min: -10, max: 10 };
const IN = ['in 1', 'in 2'];
/** @type {(name: string, out: string, value: number[]) => import('../scene.js').NumbersInput} */
const weight = (name, out, value) => ({
  type: 'numbers', length: 4, cols: 2, ...ENTRY, rowLabels: IN, colLabels: [`${out} 1`, `${out} 2`], default: value, label: `${name} matrix`,
});

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  x: { type: 'numbers', length: 6, cols: 2, ...ENTRY, rowLabels: TOKENS, colLabels: ['dim 1', 'dim 2'], default: [1, 0, 1, 1, 0, 2], label: 'embeddings X' },
  wq: weight('W_Q', 'q', [1, 0, 0, 1]),
  wk: weight('W_K', 'k', [1, 1, 0, 1]),
  wv: weight('W_V', 'v', [1, 0, 0, 1]),
  filter: { type: 'text', maxLength: 100, default: '', label: 'glossary filter' },
  done: { type: 'indices', count: OBJECTIVES.length, default: [], label: 'ticked objectives' },
});

// The embeddings editor's arrow step.
export const EDIT_STEP = 0.5;
