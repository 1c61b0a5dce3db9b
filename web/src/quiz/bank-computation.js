// bank-computation.js — questions for steps 7–10 (the worked example, matrix form, why divide by
// √d_k, a real sentence), as data. The worked-example questions use a small attention problem
// drawn for the attempt (live.js drawAttention), never the scene's numbers; the scaling claims are
// worded from the engine's own measurement (engine.scalingExperiment), not written by hand.

import { drawAttention, runAttention, attentionTables, grid, matrixMaxCells } from './live.js';
import { formatAnswer } from '../lib/format.js';
import { article } from '../lib/text.js';

const pct = (v) => `${Math.round(v * 100)}%`;

export const COMPUTATION = [
  // ── worked-example ────────────────────────────────────────────────────────────────────
  {
    id: 'we-weight', stepId: 'worked-example', kind: 'numeric', tolerance: 0.01,
    variant(rng) { const p = drawAttention(rng, { n: 3 }); return { ...p, a: rng.int(0, 2), b: rng.int(0, 2) }; },
    prompt: 'What weight does one token\u2019s query give to another token\u2019s key? (inputs drawn per attempt)',
    ask: (p) => `Three tokens \u201C${p.tokens.join(' ')}\u201D have the embeddings and projections below, with d_k = ${p.dK}. What weight does the query of \u201C${p.tokens[p.a]}\u201D give to the key of \u201C${p.tokens[p.b]}\u201D after dividing by \u221Ad_k and applying softmax? Two decimals are enough.`,
    inputs: (p) => attentionTables(p),
    solution: (p) => `Form q = x\u00B7W_Q for \u201C${p.tokens[p.a]}\u201D and k = x\u00B7W_K for all three tokens, take the three dot products, divide them by \u221A${p.dK}, exponentiate, and take the share of \u201C${p.tokens[p.b]}\u201D.`,
    compute: (engine, p) => runAttention(engine, p).weights[p.a * p.n + p.b],
  },
  {
    id: 'we-output', stepId: 'worked-example', kind: 'numeric', tolerance: 0.02,
    variant(rng) { const p = drawAttention(rng, { n: 3 }); return { ...p, a: rng.int(0, 2), c: rng.int(0, 1) }; },
    prompt: 'What is one coordinate of a token\u2019s new vector? (inputs drawn per attempt)',
    ask: (p) => `For \u201C${p.tokens.join(' ')}\u201D with the inputs below and d_k = ${p.dK}, what is coordinate ${p.c + 1} of the new vector of \u201C${p.tokens[p.a]}\u201D, that is, its attention weights applied to the value vectors? Two decimals are enough.`,
    inputs: (p) => attentionTables(p, { values: true }),
    solution: (p) => `Find the row of weights of \u201C${p.tokens[p.a]}\u201D (scores from Q and K, divided by \u221A${p.dK}, softmax), then add up coordinate ${p.c + 1} of the three value vectors V = X\u00B7W_V, each times its weight.`,
    compute: (engine, p) => runAttention(engine, p).output[p.a * p.dV + p.c],
  },
  {
    id: 'we-largest-weight', stepId: 'worked-example', kind: 'cell',
    heatmapLabel: 'Raw scores Q times K transposed: rows are queries, columns are keys',
    variant(rng) { return drawAttention(rng, { n: 3, dKs: [1, 4] }); },
    reject(engine, p) { return matrixMaxCells(runAttention(engine, p).weights, p.n, p.n).length > 1; },
    prompt: 'Which cell of the weight matrix holds the largest weight after a row-wise softmax? (scores drawn per attempt)',
    ask: (p) => `The heatmap shows the raw scores Q\u00B7K\u1D40 of three tokens, with d_k = ${p.dK}. After dividing by \u221Ad_k and a softmax along each row, which cell of the whole weight matrix will hold the largest weight?`,
    solution: 'Softmax runs separately on each row, so a row wins when its best score stands far above the rest of that row, not when the score is the largest of the whole matrix.',
    compute(engine, p) {
      const head = runAttention(engine, p);
      const accept = matrixMaxCells(head.weights, p.n, p.n);
      return grid(p, head.scores, 'scores', { answer: accept[0], accept, shownAs: 'raw score', decidedBy: { name: 'weight', values: Array.from(head.weights) } });
    },
  },
  // ── matrix-form ───────────────────────────────────────────────────────────────────────
  {
    id: 'mf-score-count', stepId: 'matrix-form', kind: 'numeric', tolerance: 0, recall: 8,
    variant(rng) { return { n: rng.pick([12, 24, 30, 50, 75, 120, 200, 365]), heads: rng.pick([1, 1, 2, 4, 8]) }; },
    prompt: 'How many numbers do the score matrices of a layer hold? (sizes drawn per attempt)',
    ask: (p) => `An input has ${p.n} tokens and the layer has ${p.heads === 1 ? 'one head' : `${p.heads} heads`}. How many numbers ${p.heads === 1 ? 'does the score matrix Q\u00B7K\u1D40 hold' : 'do the score matrices Q\u00B7K\u1D40 of all heads hold together'}?`,
    solution: (p) => `Each of the ${p.n} queries is scored against each of the ${p.n} keys: ${article(p.n)} ${p.n} \u00D7 ${p.n} matrix${p.heads === 1 ? '' : ` per head, and there are ${p.heads} heads`}.`,
    compute: (engine, p) => p.heads * p.n * p.n,
  },
  {
    id: 'mf-output-shape', stepId: 'matrix-form', kind: 'choice',
    variant(rng) { return { n: rng.pick([5, 6, 7, 9, 11]), d: rng.pick([64, 128, 256, 512]), dv: rng.pick([16, 32, 48]) }; },
    prompt: 'What shape is the output of one attention head? (sizes drawn per attempt)',
    ask: (p) => `X is ${p.n} \u00D7 ${p.d} and W_V is ${p.d} \u00D7 ${p.dv}, so V is ${p.n} \u00D7 ${p.dv}. What shape is softmax(Q\u00B7K\u1D40 / \u221Ad_k)\u00B7V?`,
    options: [
      { id: 'a', text: (p) => `${p.n} \u00D7 ${p.n}`, explain: 'That is the weight matrix itself, before it multiplies V.' },
      { id: 'b', text: (p) => `${p.d} \u00D7 ${p.dv}`, explain: 'That is W_V, a learned parameter; its shape does not depend on the number of tokens.' },
      { id: 'c', text: (p) => `${p.dv} \u00D7 ${p.dv}`, explain: 'No factor in the product has that many rows; the rows come from the weight matrix, one per token.' },
      { id: 'd', text: (p) => `${p.n} \u00D7 ${p.dv}`, explain: (p) => `The ${p.n} \u00D7 ${p.n} weight matrix times the ${p.n} \u00D7 ${p.dv} value matrix: one ${p.dv}-wide vector per token.` },
    ],
    key: 'xBKB',
  },
  {
    id: 'mf-order', stepId: 'matrix-form', kind: 'order',
    prompt: 'Put the stages of one attention layer in the order they are computed. Stages that may be swapped without changing the result are accepted in either order.',
    items: [
      { id: 'softmax', text: 'Apply softmax along each row' },
      { id: 'project', text: 'Multiply X by W_Q, W_K and W_V' },
      { id: 'mix', text: 'Multiply the weights by V' },
      { id: 'scale', text: 'Divide every score by \u221Ad_k' },
      { id: 'scores', text: 'Multiply Q by K\u1D40 to get the scores' },
      { id: 'mask', text: 'Set hidden scores to \u2212\u221E (when a mask is used)' },
    ],
    // Masking and scaling commute: −∞ / √d_k is still −∞, and a hidden score is replaced anyway.
    commutes: [['scale', 'mask']],
    solution: 'Queries, keys and values first; then the scores; then the scaling and the mask (in either order, since \u2212\u221E divided by \u221Ad_k is still \u2212\u221E); then the row-wise softmax; the weighted sum of values last.',
    key: '7xDyfwPLO/Y4cwJd2A05r9sd2DY28/DoiaImKG1o/5JBL9kqB9VxT46v4fugI9fk0y6L',
  },
  // ── scaling ───────────────────────────────────────────────────────────────────────────
  {
    id: 'scale-predict', stepId: 'scaling', kind: 'choice', predict: true,
    variant(rng) { return { dK: rng.pick([48, 96, 160, 320, 640]) }; },
    measure(engine, p) {
      const r = engine.scalingExperiment({ dK: p.dK, samples: 200, n: 16, seed: 7 });
      return { rawMax: r.unscaled.maxWeight, scaledMax: r.scaled.maxWeight, oneHot: r.unscaled.oneHotShare, rawStd: r.dot.std };
    },
    prompt: 'What happens to softmax rows when the division by \u221Ad_k is dropped? (d_k drawn per attempt)',
    ask: (p) => `Queries and keys have d_k = ${p.dK} random entries of variance 1, and each query has 16 keys. What happens to a typical softmax row if the division by \u221Ad_k is dropped?`,
    options: [
      { id: 'a', text: 'Rows flatten out, and the 16 keys end up sharing the weight almost equally.', explain: 'Dropping the division makes the scores larger in size, which pushes softmax the other way.' },
      { id: 'b', text: 'Rows become peaked: in a typical row one key takes most of the weight.', explain: (p) => `The engine ran it for d_k = ${p.dK}: unscaled scores spread with a standard deviation of ${formatAnswer(Math.round(p.rawStd * 10) / 10)}, and the largest weight of a row averaged ${formatAnswer(Math.round(p.rawMax * 100) / 100)} (${formatAnswer(Math.round(p.scaledMax * 100) / 100)} with the division); ${pct(p.oneHot)} of unscaled rows put more than 0.99 on one key. Gradients to the other keys shrink accordingly.` },
      { id: 'c', text: 'Nothing changes, because softmax rescales every row to one anyway.', explain: 'Normalising keeps the total at 1, but the shape of the distribution depends on how far apart the scores are.' },
      { id: 'd', text: 'Rows stop adding up to one, because the scores are much larger now.', explain: 'Softmax rows always add up to 1; scaling only changes how the weight is shared out.' },
    ],
    key: 'ZJL1',
  },
  {
    id: 'scale-std', stepId: 'scaling', kind: 'numeric', tolerance: 0.5,
    variant(rng) { return { dK: rng.pick([9, 25, 36, 49, 81, 100, 144, 196, 225, 324, 400, 576, 900]) }; },
    measure(engine, p) { return { measured: engine.scalingExperiment({ dK: p.dK, samples: 200, n: 16, seed: 3 }).dot.std }; },
    prompt: 'What is the standard deviation of a raw score q\u00B7k for unit-variance entries? (d_k drawn per attempt)',
    ask: (p) => `Query and key entries are independent, with mean 0 and variance 1, and d_k = ${p.dK}. Roughly what is the standard deviation of one raw score q\u00B7k?`,
    solution: (p) => `The score adds up ${p.dK} independent products of variance 1, so its variance is ${p.dK} and its standard deviation \u221A${p.dK}. The engine measured ${formatAnswer(Math.round((p.measured ?? Math.sqrt(p.dK)) * 100) / 100)} over 3,200 random pairs.`,
    compute: (engine, p) => Math.sqrt(p.dK),
  },
  {
    id: 'scale-dk-grows', stepId: 'scaling', kind: 'choice',
    variant(rng) { const a = rng.pick([16, 32, 64]); const f = rng.pick([2, 3, 4]); return { a, f, b: a * f * f }; },
    prompt: 'By what factor does the spread of raw scores grow when d_k grows? (sizes drawn per attempt)',
    ask: (p) => `Without the division, d_k grows from ${p.a} to ${p.b} (entries still of variance 1). By what factor does the spread (standard deviation) of the raw scores grow?`,
    options: [
      { id: 'a', text: (p) => `About ${p.f} times, the square root of the growth in d_k`, explain: (p) => `The variance of a score equals d_k, so it grows ${p.f * p.f} times and the standard deviation ${p.f} times. Softmax rows then get sharper, which is what the division by \u221Ad_k undoes.` },
      { id: 'b', text: (p) => `About ${p.f * p.f} times, the same growth as d_k itself`, explain: `That is the growth of the variance; the standard deviation is its square root.` },
      { id: 'c', text: 'Not at all, since each entry keeps a variance of one', explain: 'Each product has variance 1, but the score adds up d_k of them, so its spread grows with d_k.' },
      { id: 'd', text: (p) => `It shrinks ${p.f} times, as more random entries average out`, explain: 'A sum does not average: adding more independent terms widens its spread. Only a mean would shrink.' },
    ],
    key: '0Vam',
  },
  // ── sentence ──────────────────────────────────────────────────────────────────────────
  {
    id: 'sentence-read', stepId: 'sentence', kind: 'choice',
    prompt: 'In the sentence heatmap, rows are queries and columns are keys. The sentence contains \u201Cit\u201D and \u201Canimal\u201D. What does the cell in row \u201Cit\u201D, column \u201Canimal\u201D tell you?',
    options: [
      { id: 'a', text: 'How much the new vector of \u201Canimal\u201D takes from \u201Cit\u201D.', explain: 'That is the cell in row \u201Canimal\u201D, column \u201Cit\u201D; the weight matrix is usually not symmetric.' },
      { id: 'b', text: 'Whether the two words stand right next to each other.', explain: 'Distance plays no part in the plain mechanism; the cell holds a weight.' },
      { id: 'c', text: 'The dot product of the two words\u2019 raw embeddings.', explain: 'The heatmap shows weights after projection, scaling and softmax, not raw embedding similarity.' },
      { id: 'd', text: 'How much the new vector of \u201Cit\u201D takes from \u201Canimal\u201D.', explain: 'Row = the token doing the looking, column = the token looked at; the cell is the share of that column\u2019s value in the row\u2019s output.' },
    ],
    key: 'So+N',
  },
  {
    id: 'sentence-value-change', stepId: 'sentence', kind: 'choice',
    prompt: 'In \u201Clove Apple phones\u201D you change only the value vector of phones, leaving every query and key as it was. What changes?',
    options: [
      { id: 'a', text: 'Every weight in the phones column, since phones now offers other content.', explain: 'Weights come from queries and keys only; the value enters after the softmax.' },
      { id: 'b', text: 'The new vectors move, but no weight changes: weights need only Q and K.', explain: 'Each output is a weighted sum of values, so it moves with the value of phones; the recipe (the weights) stays the same.' },
      { id: 'c', text: 'Nothing at all, since values are only used to build the scores.', explain: 'Values are not part of the scores; they are what the weights mix into the outputs.' },
      { id: 'd', text: 'Only the phones row of weights, since phones is the edited token.', explain: 'A row of weights is built from that token\u2019s query and every key, none of which changed.' },
    ],
    key: 'IEZ3',
  },
  {
    id: 'sentence-sum-one', stepId: 'sentence', kind: 'choice', recall: 3,
    prompt: 'Why must the weights in each row of the attention matrix add up to 1?',
    options: [
      { id: 'a', text: 'So the largest weight is always 1 and every other key gets nothing.', explain: 'Summing to 1 does not force a single winner; the budget can be spread over many keys.' },
      { id: 'b', text: 'So each output is a weighted average of values, on one scale for any length.', explain: 'Weights that act like probabilities make the output an average: it neither grows with the number of tokens nor shrinks when a row is spread out.' },
      { id: 'c', text: 'Rows adding up to more than 1 would turn the dot products negative.', explain: 'The weights come after the dot products and cannot change them.' },
      { id: 'd', text: 'It keeps the weight matrix symmetric, row for column, for any input.', explain: 'Row sums of 1 say nothing about symmetry; the weight matrix is usually not symmetric.' },
    ],
    key: 'iJgO',
  },
];
