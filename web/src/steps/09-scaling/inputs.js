// @ts-check
// Step 9's inputs (the schema): the key width d_k (a power of two from 1 to 1024), keys per row,
// samples, the random seed, whether the scores are divided by √d_k, and the learner's prediction
// (the guess and whether it was revealed; a reveal stays until the learner asks to guess again).
import { DK_STOPS } from './stops.js';

export const GUESSES = Object.freeze(['above', 'below']);
/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  dK: { type: 'choice', choices: DK_STOPS, default: 64, label: 'd_k (a power of two from 1 to 1024)' },
  n: { type: 'number', integer: true, min: 4, max: 64, default: 16, label: 'number of keys per row' },
  samples: { type: 'number', integer: true, min: 50, max: 2000, default: 400, label: 'number of samples' },
  seed: { type: 'number', integer: true, min: 0, max: 9999, default: 1, label: 'random seed' },
  scale: { type: 'boolean', default: true, label: 'scaling switch' },
  guess: { type: 'choice', choices: ['', ...GUESSES], default: '', label: 'guess' },
  revealed: { type: 'boolean', default: false, label: 'revealed answer' },
});
