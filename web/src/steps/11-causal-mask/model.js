// Step 11's model: inputs + engine → every number and sentence the causal-mask step shows. The
// sentence (the lesson's one embedding, lesson-embedding.js) runs through the engine with the
// causal mask and without; the facts (zeros above the diagonal, row sums, row 1), the row-2
// prediction, the off/on comparison of one row and the padding-mask example are all read from
// those results. Pure: no DOM.
import { EXAMPLE_SENTENCE, MAX_PADDING } from './inputs.js';
import { lessonEmbedding, lessonWeights, LESSON_EMBEDDING } from '../lesson-embedding.js';
import { sentenceTokens } from '../sentence-tokens.js';
import { formatNumber } from '../../lib/format.js';
import { aboveDiagonal, nonZeroInRow, rowSums } from '../../lib/matrix.js';
import { plural, quoteWord } from '../../lib/text.js';

const D = LESSON_EMBEDDING.dModel;
const fmt = (v) => formatNumber(v, 2);

function run(engine, tokens, mask) {
  const w = lessonWeights(1);
  return engine.attention({ x: lessonEmbedding(tokens), n: tokens.length, dModel: D, wq: w.wq, wk: w.wk, wv: w.wv, mask }).heads[0];
}

export function model(values, engine) {
  const { tokens, message } = sentenceTokens(values.sentence, EXAMPLE_SENTENCE);
  const n = tokens.length;
  const causal = values.causal;
  const q = Math.min(values.query, n - 1);
  const maxPad = Math.min(MAX_PADDING, 64 - n);
  const pads = Math.min(values.padding, maxPad);
  const on = run(engine, tokens, 'causal');
  const off = run(engine, tokens, 'none');
  const shown = causal ? on : off;
  const state = causal ? 'on' : 'off';

  const above = aboveDiagonal(shown.weights, n);
  const upper = above.total === 0 ? 'With one token there are no entries above the diagonal.'
    : above.zeros === above.total ? `Mask ${state}: all ${above.total} entries above the diagonal are exactly 0 (no token sees a later one).`
      : `Mask ${state}: ${above.zeros} of the ${above.total} entries above the diagonal are exactly 0; together they carry ${fmt(above.sum)} of weight on later tokens (largest ${fmt(above.max)}).`;
  const sums = rowSums(shown.weights, n, n);
  const self = shown.weights[0];
  const firstRow = self === 1
    ? `Row 1 (${quoteWord(tokens[0])}) attends only to itself: weight ${fmt(self)}.`
    : `Row 1 (${quoteWord(tokens[0])}) gives ${fmt(self)} to itself and ${fmt(1 - self)} to later tokens.`;

  // Predict: how many keys can row 2 see with the mask on?
  const canPredict = n >= 2;
  const guess = Math.min(values.guess, Math.max(1, n));
  const seen = canPredict ? nonZeroInRow(on.weights, 1, n) : 0;
  const question = canPredict
    ? `With the causal mask on, how many of the ${n} keys can row 2 (${quoteWord(tokens[1])}) give a non-zero weight to? Guess, then reveal.`
    : 'Type a sentence of at least two tokens to try this prediction.';
  const feedback = canPredict && values.revealed
    ? `${guess === seen ? 'Right' : 'Not quite'}: you guessed ${guess}; row 2 can see ${plural(seen, 'key')}, itself and the token before it. Its weights are ${tokens.map((t, j) => `${quoteWord(t)} ${fmt(on.weights[n + j])}`).join(', ')}.`
    : '';

  // One row with the mask off and on.
  const pair = new Float32Array(n * 2);
  for (let j = 0; j < n; j++) { pair[j * 2] = off.weights[q * n + j]; pair[j * 2 + 1] = on.weights[q * n + j]; }
  const sumOff = rowSums(off.weights, n, n)[q], sumOn = rowSums(on.weights, n, n)[q];
  const allowedOff = off.weights.slice(q * n, q * n + q + 1).reduce((a, b) => a + b, 0);
  const compareText = q === n - 1
    ? `Row ${q + 1} is the last token: it may see every key, so both columns are the same (sums ${fmt(sumOff)} and ${fmt(sumOn)}).`
    : `Without the mask, ${q ? `the ${q + 1} allowed keys share` : 'the one allowed key gets'} ${fmt(allowedOff)} of row ${q + 1}; with the mask ${q ? 'they share' : 'it gets'} all of it (row sums ${fmt(sumOff)} off, ${fmt(sumOn)} on).`;

  // Padding mask: [pad] tokens appended, hidden from every query with validKeys = n.
  const total = n + pads;
  const padded = [...tokens, ...Array.from({ length: pads }, () => '[pad]')];
  const w = lessonWeights(1);
  const p = engine.attention({ x: lessonEmbedding(padded), n: total, dModel: D, wq: w.wq, wk: w.wk, wv: w.wv, mask: { validKeys: n } }).heads[0];
  let padZeros = 0;
  for (let r = 0; r < total; r++) for (let j = n; j < total; j++) if (p.weights[r * total + j] === 0) padZeros++;
  const padSums = rowSums(p.weights, total, total);
  const allOne = padSums.every((v) => Math.abs(v - 1) < 1e-4);
  const padText = pads === 0
    ? `No padding, so nothing is hidden: every row sums to ${fmt(padSums[0])}.`
    : `${padZeros} of the ${total * pads} weights in the [pad] columns are exactly 0; ${allOne ? 'every row still sums to 1.00' : `row sums: ${padSums.map(fmt).join(', ')}`}.`;

  return {
    tokens, n, message, causal, query: q, guess, canPredict, revealed: values.revealed,
    masked: shown.masked, weights: shown.weights, on: on.weights, off: off.weights,
    stages: {
      masked: causal ? 'scaled scores, future keys set to −∞' : 'scaled scores, nothing masked',
      weights: causal ? 'softmax weights, mask on' : 'softmax weights, mask off',
    },
    upper, rowSums: sums.map(fmt).join(', '), firstRow, question, feedback,
    queryLabel: `${q + 1} of ${n} (${quoteWord(tokens[q])})`,
    compare: { values: pair, caption: `Row ${q + 1} (${quoteWord(tokens[q])}): its weight on each key`, text: compareText },
    padding: { count: pads, max: maxPad, total, labels: padded, weights: p.weights, label: `${pads} (validKeys = ${n} of ${total})`, stage: `softmax weights, validKeys = ${n}`, text: padText, announce: `${plural(pads, 'padding token')} added; they get weight 0.` },
    announceTokens: `The sentence now has ${n} tokens.`,
  };
}
