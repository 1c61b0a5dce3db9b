// @ts-check
// Step 1's inputs (the schema): the sentence, the share of a token's signal the simplified
// recurrent chain keeps per hop, the chain position shown, and the pair of words compared.
// Positions −1 mean "the last token", so they follow the sentence's length.
export const DEFAULT_SENTENCE = 'The cat sat down';
/** @type {(label: string, fallback: number) => import('../scene.js').NumberInput} */
const position = (label, fallback) => ({
  type: 'number', integer: true, min: -1, max: 63, default: fallback, label,
  say: (v) => (v === -1 ? 'the last word' : `word ${v + 1}`), rangeText: 'word 1 to word 64 (or the last word)',
});

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  sentence: { type: 'text', maxLength: 2000, default: DEFAULT_SENTENCE, label: 'sentence' },
  retention: { type: 'number', min: 0.5, max: 0.95, default: 0.7, label: 'retention per step' },
  at: position('chain position', -1),
  from: position('first word', 0),
  to: position('second word', -1),
});

// The all-pairs picture stays readable up to this many tokens.
export const MAX_LINK_TOKENS = 12;
