// @ts-check
// Step 22's inputs (the schema): which random inputs the learner's function is checked on, and
// the answers of the fill-in version ('' until chosen). The code the learner types is not an
// input: it stays in the editor and is never put into the link.
import { FILL_IN } from '../../code/fill-in.js';

/** The fill-in question with this id (every id below is one of FILL_IN's). */
const questionOf = (/** @type {string} */ id) => {
  const q = FILL_IN.find((x) => x.id === id);
  if (!q) throw new Error(`No fill-in question ${id}`);
  return q;
};
/** @type {(id: string, label: string) => import('../scene.js').ChoiceInput} */
const choice = (id, label) => ({
  type: 'choice', choices: ['', ...questionOf(id).choices.map((c) => c.id)], default: '', label,
});

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  seed: { type: 'number', integer: true, min: 1, max: 9999, default: 1, label: 'random inputs number' },
  scale: choice('scale', 'scaling answer'),
  maskShape: choice('maskShape', 'mask answer'),
  maskPlace: choice('maskPlace', 'mask position answer'),
  axis: choice('axis', 'softmax axis answer'),
});
