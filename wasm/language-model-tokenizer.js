// The one word-level tokenizer of the small language model, shared by the corpus script that
// writes the training token ids (scripts/lm/corpus.mjs) and by the page / engine at run time, so
// the model always sees text cut the same way. Pure JS, no DOM, no wasm. Not a subword tokenizer.
//
// Rules: Unicode NFKC, curly quotes and dashes made plain, lowercase; then tokens are
//   - words of letters and digits (a hyphen or apostrophe inside is a separate token),
//   - the English clitics split off the word before them: n't 's 're 've 'll 'd 'm,
//   - every other visible character on its own (punctuation: . , ; ! ? - ( ) " ' …).

export const BOUNDARY = '<s>'; // starts every sentence and ends it (the model predicts it last)
export const UNKNOWN = '<unk>'; // any word outside the vocabulary

const CLITICS = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];
const PLAIN = [
  [/[\u2018\u2019\u201B\u2032`]/g, "'"],
  [/[\u201C\u201D\u201E\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
];

// text → array of token strings (no boundary tokens, no vocabulary lookup).
export function splitWords(text) {
  if (typeof text !== 'string') throw new TypeError('The text to tokenize must be a string.');
  let s = text.normalize('NFKC');
  for (const [re, to] of PLAIN) s = s.replace(re, to);
  s = s.toLowerCase();
  const out = [];
  // A run of letters/digits with an optional apostrophe tail ("didn" + "'t"), or one visible
  // non-space character.
  const re = /([\p{L}\p{N}]+)('[\p{L}]+)?|(\S)/gu;
  for (const m of s.matchAll(re)) {
    if (m[3] !== undefined) {
      out.push(m[3]);
      continue;
    }
    const word = m[1];
    const tail = m[2];
    if (tail === undefined) out.push(word);
    else if (tail === "'t" && word.length > 1 && word.endsWith('n')) out.push(word.slice(0, -1), "n't");
    else if (CLITICS.includes(tail)) out.push(word, tail);
    else out.push(word, "'", tail.slice(1)); // o'clock → o ' clock
  }
  return out;
}

// A tokenizer over a fixed vocabulary (an array of strings; index = token id). It must hold
// BOUNDARY and UNKNOWN.
export function createTokenizer(vocabulary) {
  if (!Array.isArray(vocabulary)) throw new TypeError('The vocabulary must be an array of words.');
  const ids = new Map();
  vocabulary.forEach((w, i) => {
    if (typeof w !== 'string' || w.length === 0) throw new TypeError(`Vocabulary entry ${i} is not a word.`);
    if (ids.has(w)) throw new RangeError(`The vocabulary lists "${w}" twice (entries ${ids.get(w)} and ${i}).`);
    ids.set(w, i);
  });
  if (!ids.has(BOUNDARY) || !ids.has(UNKNOWN)) {
    throw new RangeError(`The vocabulary must contain the tokens ${BOUNDARY} and ${UNKNOWN}.`);
  }
  const boundaryId = ids.get(BOUNDARY);
  const unknownId = ids.get(UNKNOWN);
  return {
    boundaryId,
    unknownId,
    // text → [{ text, id, known }], no boundary token.
    tokenize(text) {
      return splitWords(text).map((t) => {
        const id = ids.get(t);
        return id === undefined ? { text: t, id: unknownId, known: false } : { text: t, id, known: true };
      });
    },
    // text → Int32Array of ids as the model reads a sentence: <s> w1 … wn (no closing <s>).
    encode(text) {
      const toks = this.tokenize(text);
      const out = new Int32Array(toks.length + 1);
      out[0] = boundaryId;
      toks.forEach((t, i) => { out[i + 1] = t.id; });
      return out;
    },
  };
}
