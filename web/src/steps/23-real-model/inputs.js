// @ts-check
// Step 23's inputs (the schema): the sentence the small language model reads, the head shown
// large, and the query the scrubber follows. Checked once by state.js validateInputs. The
// presets and the links the lesson's documents describe for them live here too, as data
// (query: the token, counting <s> as 0, the scrubber jumps to: the first link's query word).
export const PRESETS = Object.freeze([
  Object.freeze({
    id: 'bubbe', text: 'The bubbe made matzah ball soup again', source: '000', query: 5,
    links: Object.freeze([Object.freeze({ query: 'ball', key: 'matzah' }), Object.freeze({ query: 'made', key: 'bubbe' })]),
  }),
  Object.freeze({
    id: 'animal', text: 'The animal didn\u2019t cross the street because it was too tired', source: '002', query: 9,
    links: Object.freeze([Object.freeze({ query: 'it', key: 'animal' })]),
  }),
  Object.freeze({
    id: 'apple', text: 'I love Apple phones', source: '003', query: 3,
    links: Object.freeze([Object.freeze({ query: 'apple', key: 'phones' }), Object.freeze({ query: 'phones', key: 'apple' })]),
  }),
]);
export const DEFAULT_SENTENCE = PRESETS[1].text;
export const LAYER_COUNT = 2; // the shipped model's shape (web/assets/lm/manifest.json); the model clamps to its config
export const HEAD_COUNT = 4;

/** @type {import('../scene.js').Schema} */
export const INPUTS = Object.freeze({
  sentence: { type: 'text', maxLength: 300, default: DEFAULT_SENTENCE, label: 'sentence' },
  layer: { type: 'number', integer: true, min: 1, max: LAYER_COUNT, default: 2, label: 'layer' },
  head: { type: 'number', integer: true, min: 1, max: HEAD_COUNT, default: 2, label: 'head' },
  // A query past the end of a shorter sentence moves to its last token (the model clamps).
  query: { type: 'number', integer: true, min: 0, max: 31, quietClamp: true, default: 9, label: 'query' },
});
