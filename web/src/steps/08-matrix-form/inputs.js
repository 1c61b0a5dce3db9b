// @ts-check
// Step 8's inputs (the schema): the sizes N (tokens), d_model and d_k, the seed of the toy
// embeddings and projections, the traced output row and which matrix the heatmap shows.
/** @type {(min: number, max: number, value: number, label: string) => import('../scene.js').NumberInput} */
const whole = (min, max, value, label) => ({ type: 'number', integer: true, min, max, default: value, label });

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  n: whole(1, 128, 3, 'N (tokens)'),
  dModel: whole(1, 512, 8, 'd_model'),
  dK: whole(1, 512, 4, 'd_k'),
  seed: whole(0, 9999, 7, 'seed'),
  query: { ...whole(0, 127, 0, 'traced row'), quietClamp: true },
  view: { type: 'choice', choices: ['scores', 'weights'], default: 'scores', label: 'view' },
});

// Numbers of an output row printed before "…".
export const SHOW_DIGITS = 6;

// One-click sizes: a real model's (3 tokens of 512 numbers, d_k 64), a long input, the start.
export const PRESETS = Object.freeze([
  { label: 'A real model\u2019s sizes: 3 tokens × 512, d_k 64', patch: { n: 3, dModel: 512, dK: 64, query: 0 }, say: '3 tokens of 512 numbers, d_k 64.' },
  { label: '100 tokens → 100 × 100 scores', patch: { n: 100 }, say: '100 tokens: the score grid is 100 × 100.' },
  { label: 'Back to 3 × 8, d_k 4', patch: { n: 3, dModel: 8, dK: 4, query: 0 }, say: '3 tokens of 8 numbers, d_k 4.' },
]);
