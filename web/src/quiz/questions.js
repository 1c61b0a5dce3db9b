// questions.js — the quiz's question bank: the four parts of the bank (bank-*.js) in lesson
// order, plus the lesson's step ids and titles and the xAPI interaction type of each kind.
// A bank entry is a template; variants.js turns it into the question one attempt shows.
// Authoring a fixed key (choice option id, or the ids of an ordering in order):
//   node -e "import('./web/src/quiz/answer-key.js').then(m => console.log(m.encodeAnswer('<id>', <answer>)))"

import { INTUITION } from './bank-intuition.js';
import { COMPUTATION } from './bank-computation.js';
import { EXTENSIONS } from './bank-extensions.js';
import { TRAINING } from './bank-training.js';

export const STEP_IDS = Object.freeze([
  'why-attention', 'contextual-meaning', 'dot-product', 'softmax', 'first-version', 'qkv',
  'worked-example', 'matrix-form', 'scaling', 'sentence', 'causal-mask', 'positions',
  'multi-head', 'mistake-lab', 'cost', 'summary', 'watch-learning', 'which-apple-learned',
  'one-layer-limit', 'two-layers', 'causal-learning',
]);

export { STEP_TITLES } from '../steps/index.js'; // the registry holds every step's title once

/** Maps a question kind to its xAPI interactionType. */
export const INTERACTION_TYPES = Object.freeze({ choice: 'choice', numeric: 'numeric', order: 'sequencing', cell: 'other' });

export const QUESTIONS = Object.freeze([...INTUITION, ...COMPUTATION, ...EXTENSIONS, ...TRAINING]
  .sort((a, b) => STEP_IDS.indexOf(a.stepId) - STEP_IDS.indexOf(b.stepId)));
