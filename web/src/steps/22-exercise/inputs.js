// Step 22's inputs (the schema): which random inputs the learner's function is checked on, and
// the answers of the fill-in version ('' until chosen). The code the learner types is not an
// input: it stays in the editor and is never put into the link.
import { FILL_IN } from '../../code/fill-in.js';

const choice = (id, label) => ({
  type: 'choice', choices: ['', ...FILL_IN.find((q) => q.id === id).choices.map((c) => c.id)], default: '', label,
});

export const INPUTS = Object.freeze({
  seed: { type: 'number', integer: true, min: 1, max: 9999, default: 1, label: 'random inputs number' },
  scale: choice('scale', 'scaling answer'),
  maskShape: choice('maskShape', 'mask answer'),
  maskPlace: choice('maskPlace', 'mask position answer'),
  axis: choice('axis', 'softmax axis answer'),
});
