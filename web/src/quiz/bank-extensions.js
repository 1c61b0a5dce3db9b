// bank-extensions.js — questions for steps 11–16 (the causal mask, order and positions,
// multi-head attention, the mistake lab, cost, summary), as data. Computed questions draw a small
// attention problem for the attempt (live.js) and ask the engine, including its buggy modes
// ('mask-after-softmax', 'softmax-over-queries'), for the answer.

import { drawAttention, runAttention, attentionTables, grid, rowMaxCells } from './live.js';
import { formatCount } from '../lib/format.js';
import { article } from '../lib/text.js';

const tok = (p, i) => `\u201C${p.tokens[i]}\u201D`;

export const EXTENSIONS = [
  // ── causal-mask ───────────────────────────────────────────────────────────────────────
  {
    id: 'causal-predict', stepId: 'causal-mask', kind: 'choice', predict: true,
    prompt: 'A causal mask is switched on for \u201Clove Apple phones\u201D. What happens to row 2, the row of Apple?',
    options: [
      { id: 'a', text: 'Its weight on phones becomes 0; love and Apple keep their old weights.', explain: 'Then the row would add up to less than 1. That is what happens when the mask is wrongly applied after softmax.' },
      { id: 'b', text: 'Its weight on phones becomes 0; love and Apple grow to fill the row.', explain: 'The hidden score is set to \u2212\u221E before softmax, so the two visible keys share the whole budget.' },
      { id: 'c', text: 'The whole row becomes 0, since Apple is not the first token.', explain: 'Only later keys are hidden. A token may always look at itself and at the tokens before it.' },
      { id: 'd', text: 'Nothing happens: the causal mask only changes the last row.', explain: 'The last row (phones) is the one row with nothing to hide; every row above it loses the keys to its right.' },
    ],
    key: 'Q/iH',
  },
  {
    id: 'causal-self-weight', stepId: 'causal-mask', kind: 'numeric', tolerance: 0.01,
    variant(rng) { const n = rng.int(3, 4); const p = drawAttention(rng, { n }); return { ...p, i: rng.int(1, n - 1) }; },
    prompt: 'With a causal mask, what weight does a token give to itself? (inputs drawn per attempt)',
    ask: (p) => `With a causal mask on \u201C${p.tokens.join(' ')}\u201D, the inputs below and d_k = ${p.dK}, what weight does ${tok(p, p.i)} give to itself? Two decimals are enough.`,
    inputs: (p) => attentionTables(p),
    solution: (p) => `Only the first ${p.i + 1} keys stay visible to ${tok(p, p.i)}: divide those ${p.i + 1} scores by \u221A${p.dK}, exponentiate, and take its own share of their total.`,
    compute: (engine, p) => runAttention(engine, p, { mask: 'causal' }).weights[p.i * p.n + p.i],
  },
  {
    id: 'causal-visible-max', stepId: 'causal-mask', kind: 'cell',
    heatmapLabel: 'Scaled scores without any mask: rows are queries, columns are keys',
    variant(rng) { const p = drawAttention(rng, { n: 4 }); return { ...p, row: rng.int(1, 2) }; },
    reject(engine, p) {
      const scaled = runAttention(engine, p).scaled;
      const all = rowMaxCells(scaled, p.n, p.row);
      const visible = rowMaxCells(scaled, p.n, p.row, (c) => c <= p.row);
      return visible.length > 1 || all.some((c) => c.col <= p.row);
    },
    prompt: 'With a causal mask, which key gets a query\u2019s largest weight? (scores drawn per attempt)',
    ask: (p) => `The heatmap shows the scaled scores of \u201C${p.tokens.join(' ')}\u201D with no mask. Once a causal mask is switched on, which key will get the largest weight from ${tok(p, p.row)}? Pick that cell in row ${tok(p, p.row)}.`,
    solution: 'A causal mask hides every key to the right of the diagonal before softmax, so the winner is the largest score among the keys up to and including the token itself.',
    compute(engine, p) {
      const head = runAttention(engine, p);
      const accept = rowMaxCells(head.scaled, p.n, p.row, (c) => c <= p.row);
      const masked = runAttention(engine, p, { mask: 'causal' }).weights;
      return grid(p, head.scaled, 'scaled', { answer: accept[0], accept, shownAs: 'scaled score', decidedBy: { name: 'weight with the mask', values: Array.from(masked) } });
    },
  },
  {
    id: 'causal-after-softmax', stepId: 'causal-mask', kind: 'choice',
    prompt: 'Suppose the mask is applied after the softmax instead: hidden weights are set to 0 and nothing else changes. What goes wrong?',
    options: [
      { id: 'a', text: 'Rows sum to less than 1, and hidden keys still shaped the other weights.', explain: 'The softmax shared the budget with the future keys first; zeroing their shares afterwards leaves a short row whose proportions still depend on them.' },
      { id: 'b', text: 'Nothing: zeroing after softmax and \u2212\u221E before it give the same weights.', explain: 'They agree only after renormalising; without it the visible weights are too small.' },
      { id: 'c', text: 'The hidden keys now take all the weight, since zero is the top score left.', explain: 'The zeros are written into the weights after softmax, not into the scores.' },
      { id: 'd', text: 'Every row turns into NaN (not a number), because softmax cannot take a zero as input.', explain: 'Softmax handles any finite score, zero included; no NaN appears.' },
    ],
    key: 'biWa',
  },
  // ── positions ─────────────────────────────────────────────────────────────────────────
  {
    id: 'pos-shuffle', stepId: 'positions', kind: 'choice',
    prompt: 'With no positional information, the input tokens are shuffled. What happens to the outputs?',
    options: [
      { id: 'a', text: 'They change completely, because the words now mean something else.', explain: 'Order matters for meaning, but the plain mechanism cannot see it; that is exactly the problem.' },
      { id: 'b', text: 'The computation fails, since attention needs the tokens in order.', explain: 'Nothing in the arithmetic depends on order, so it runs on any arrangement.' },
      { id: 'c', text: 'They are the same vectors, reordered just as the tokens were.', explain: 'Each output depends on its own query and on the set of keys and values, so permuting the inputs only permutes the outputs (and the rows and columns of the weights).' },
      { id: 'd', text: 'Only the first output changes, as a new token now stands first.', explain: 'No position is special to the plain mechanism, the first one included.' },
    ],
    key: 'jM+P',
  },
  {
    id: 'pos-encoding', stepId: 'positions', kind: 'choice',
    prompt: 'How does the sinusoidal positional encoding give the model a sense of order?',
    options: [
      { id: 'a', text: 'It adds a position-dependent vector of sines and cosines to each embedding.', explain: 'One word at two positions then gives two different inputs, so queries, keys and scores can depend on where tokens are.' },
      { id: 'b', text: 'It sorts the tokens alphabetically before attention looks at them at all.', explain: 'Sorting would destroy the original order rather than record it.' },
      { id: 'c', text: 'It multiplies each weight by the distance between the two tokens involved.', explain: 'The encoding acts on the inputs, not on the weights, and it is added rather than multiplied.' },
      { id: 'd', text: 'It drops the tokens that stand too far away from the token doing the asking.', explain: 'Nothing is dropped: each token can still look at all the others unless a mask hides some.' },
    ],
    key: 'r3+h',
  },
  // ── multi-head ────────────────────────────────────────────────────────────────────────
  {
    id: 'mh-concat-width', stepId: 'multi-head', kind: 'numeric', tolerance: 0,
    variant(rng) { return { heads: rng.pick([3, 6, 12, 16, 20]), w: rng.pick([24, 40, 64, 80]) }; },
    prompt: 'How wide is the concatenation of several heads? (sizes drawn per attempt)',
    ask: (p) => `A layer runs ${p.heads} heads, each producing outputs of width ${p.w}. How wide is their concatenation, before W_O is applied?`,
    solution: (p) => `Concatenation puts the heads side by side: ${p.heads} blocks of ${p.w} columns. W_O then maps that width back to d_model.`,
    compute: (engine, p) => p.heads * p.w,
  },
  {
    id: 'mh-why', stepId: 'multi-head', kind: 'choice',
    prompt: 'Why run several heads instead of a single bigger one?',
    options: [
      { id: 'a', text: 'Several heads are needed so that every row of weights adds up to 1.', explain: 'A single head\u2019s softmax already does that.' },
      { id: 'b', text: 'Each head takes its own tokens: head 1 the first words, head 2 the next.', explain: 'Every head sees the whole input; heads differ in their projections, not in which tokens they get.' },
      { id: 'c', text: 'It removes the need for positions, since heads can tell tokens apart.', explain: 'Heads are just as blind to order as a single head; positions still have to be added.' },
      { id: 'd', text: 'Each head has its own W_Q, W_K, W_V, so it can follow its own relation.', explain: 'One softmax row spends one budget; several heads give each token several independent ways to look around, say for its verb and for its referent.' },
    ],
    key: '081p',
  },
  // ── mistake-lab ───────────────────────────────────────────────────────────────────────
  {
    id: 'mistake-axis', stepId: 'mistake-lab', kind: 'choice',
    prompt: 'A bug applies softmax down each column (over queries) instead of along each row (over keys). What can you observe?',
    options: [
      { id: 'a', text: 'Nothing at all: softmax gives the same weights along either axis.', explain: 'Normalising columns and normalising rows give different matrices except in special cases.' },
      { id: 'b', text: 'Columns add up to 1 but rows do not, so outputs are not averages.', explain: 'Each query no longer spends a budget of exactly 1; some outputs are inflated, others shrunk.' },
      { id: 'c', text: 'Every weight becomes zero, because the columns cancel each other.', explain: 'Softmax outputs are always positive, whichever axis it runs along.' },
      { id: 'd', text: 'The code stops straight away with an error about the matrix shape.', explain: 'The shapes still fit, so no error is raised: the numbers are simply wrong, which makes this bug sneaky.' },
    ],
    key: 'Esm4',
  },
  {
    id: 'mistake-axis-cell', stepId: 'mistake-lab', kind: 'cell',
    heatmapLabel: 'Raw scores: rows are queries, columns are keys',
    variant(rng) { const p = drawAttention(rng, { n: 3 }); return { ...p, row: rng.int(0, 2) }; },
    reject(engine, p) {
      const bug = runAttention(engine, p, { mistake: 'softmax-over-queries' }).weights;
      const want = rowMaxCells(bug, p.n, p.row);
      const naive = rowMaxCells(runAttention(engine, p).scores, p.n, p.row);
      return want.length > 1 || naive.some((c) => c.col === want[0].col);
    },
    prompt: 'With softmax run down the columns by mistake, which cell of a row gets the largest weight? (scores drawn per attempt)',
    ask: (p) => `The heatmap shows raw scores for \u201C${p.tokens.join(' ')}\u201D (d_k = ${p.dK}). A buggy layer runs softmax down each column instead of along each row. In row ${tok(p, p.row)}, which cell gets the largest weight from the buggy layer?`,
    solution: 'Down a column, each key\u2019s budget is shared among the queries. A cell wins in its row when that query outscores the other queries on that key by the most, which need not be the row\u2019s biggest score.',
    compute(engine, p) {
      const head = runAttention(engine, p);
      const bug = runAttention(engine, p, { mistake: 'softmax-over-queries' }).weights;
      const accept = rowMaxCells(bug, p.n, p.row);
      return grid(p, head.scores, 'scores', { answer: accept[0], accept, shownAs: 'raw score', decidedBy: { name: 'buggy layer\u2019s weight', values: Array.from(bug) } });
    },
  },
  {
    id: 'mistake-mask-after-sum', stepId: 'mistake-lab', kind: 'numeric', tolerance: 0.01, predict: true,
    variant(rng) { const n = rng.int(3, 4); const p = drawAttention(rng, { n }); return { ...p, i: rng.int(0, n - 2) }; },
    prompt: 'With the mask applied after softmax by mistake, what does a row add up to? (inputs drawn per attempt)',
    ask: (p) => `A buggy layer applies the causal mask after softmax (hidden weights set to 0, no renormalising). For \u201C${p.tokens.join(' ')}\u201D with the inputs below and d_k = ${p.dK}, what does the row of ${tok(p, p.i)} add up to? Two decimals are enough.`,
    inputs: (p) => attentionTables(p),
    solution: (p) => `Softmax first shares the full budget among all ${p.n} keys; zeroing the ${p.n - 1 - p.i} later key${p.n - 1 - p.i === 1 ? '' : 's'} afterwards throws that share away, so the row adds up to 1 minus it.`,
    compute(engine, p) {
      const w = runAttention(engine, p, { mask: 'causal', mistake: 'mask-after-softmax' }).weights;
      let sum = 0;
      for (let c = 0; c < p.n; c += 1) sum += w[p.i * p.n + c];
      return sum;
    },
  },
  {
    id: 'mistake-weights-meaning', stepId: 'mistake-lab', kind: 'choice',
    prompt: 'A classmate says: \u201Cthe attention weights are the token\u2019s new meaning.\u201D What is off about that?',
    options: [
      { id: 'a', text: 'Nothing is off: a row of weights is the token\u2019s new vector.', explain: 'A row of weights has one entry per token, not one per feature, so it cannot stand in for the token\u2019s representation.' },
      { id: 'b', text: 'The weights are really the keys, taken after the softmax.', explain: 'Keys are vectors that feed the scores; the weights come out of softmax afterwards.' },
      { id: 'c', text: 'Weights only say how much of each value to take and mix.', explain: 'Weights are the recipe, values the ingredients; the new vector is the weighted sum of the values.' },
      { id: 'd', text: 'The new meaning is the query, which the weights point to.', explain: 'The query only asks; it is not changed by the answers it gets.' },
    ],
    key: 'EbOK',
  },
  {
    id: 'mistake-mask-shape', stepId: 'mistake-lab', kind: 'choice',
    prompt: 'A padding mask is built from the pad flags as is_pad[:, None], shape (n, 1), where is_pad[None, :], shape (1, n), was meant. What happens?',
    options: [
      { id: 'a', text: 'NumPy raises a shape error, so the bug is caught at once.', explain: 'Both (n, 1) and (1, n) broadcast against the (n, n) scores, so nothing complains; only the numbers show the bug.' },
      { id: 'b', text: 'Real tokens still attend to the pads, and the pads\u2019 own rows are hidden.', explain: 'A column of flags is copied across every key: it hides whole rows (the pad queries) and leaves the pad columns open to every real query.' },
      { id: 'c', text: 'Nothing changes: broadcasting turns both into the same (n, n) mask.', explain: 'They stretch to two different (n, n) masks: the row of flags hides columns (keys), the column of flags hides rows (queries).' },
      { id: 'd', text: 'Every weight becomes 0, because the whole matrix ends up masked.', explain: 'Only the pad queries\u2019 rows are hidden; the real rows keep all their keys, the pads included.' },
    ],
    key: 'tVzQ',
  },
  // ── cost ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'cost-growth', stepId: 'cost', kind: 'numeric', tolerance: 0,
    variant(rng) { const a = rng.pick([500, 1000, 2000]); const f = rng.pick([3, 4, 5, 6, 8]); return { a, b: a * f, f }; },
    prompt: 'By what factor does the attention matrix grow when the input gets longer? (lengths drawn per attempt)',
    ask: (p) => `Going from ${article(formatCount(p.a))} ${formatCount(p.a)}-token input to ${article(formatCount(p.b))} ${formatCount(p.b)}-token input, by what factor does the number of entries in each attention matrix grow?`,
    solution: (p) => `The matrix is n \u00D7 n, so multiplying n by ${p.f} multiplies its entry count by ${p.f} squared.`,
    compute: (engine, p) => p.f * p.f,
  },
  {
    id: 'cost-parallel', stepId: 'cost', kind: 'choice', recall: 9,
    prompt: 'Which statement about the cost of self-attention is accurate?',
    options: [
      { id: 'a', text: 'All n\u00B2 scores can be found at once, but work and memory grow as n\u00B2.', explain: 'No output waits for another, so it parallelises well; that does not make the n\u00B2 pairs free.' },
      { id: 'b', text: 'It is cheap at any length, because all of it runs in parallel.', explain: 'Parallelism removes waiting, but the number of pairs, and the memory for them, still grows as n\u00B2.' },
      { id: 'c', text: 'It needs n steps one after another, just like a recurrent network.', explain: 'No output waits for another output; every pair is scored in the same matrix product.' },
      { id: 'd', text: 'Its cost does not depend on the length of the input at all.', explain: 'The score matrix alone has n\u00B2 entries, so cost rises quickly with length.' },
    ],
    key: 'Ktkq',
  },
  // ── summary ───────────────────────────────────────────────────────────────────────────
  {
    id: 'summary-roles', stepId: 'summary', kind: 'choice',
    prompt: 'In softmax(Q\u00B7K\u1D40 / \u221Ad_k)\u00B7V, which parts decide how much attention is paid, and which part supplies what gets mixed?',
    options: [
      { id: 'a', text: 'V decides the weights, while Q and K supply the content.', explain: 'V enters only after softmax, so it cannot influence the weights.' },
      { id: 'b', text: 'Q alone decides the weights; K and V supply the content.', explain: 'A weight needs a query and a key: it is their dot product that gets normalised.' },
      { id: 'c', text: 'Q and K decide the weights, and V supplies the content.', explain: 'Scores come from Q and K, softmax turns them into weights, and those weights mix the rows of V.' },
      { id: 'd', text: 'The \u221Ad_k alone decides the weights; Q, K, V are content.', explain: 'It only rescales the scores; without Q and K there is nothing to rescale.' },
    ],
    key: 'ASwo',
  },
  {
    id: 'summary-order', stepId: 'summary', kind: 'order',
    prompt: 'Order what happens when the worked example builds the new vector for Apple.',
    items: [
      { id: 'softmax', text: 'Turn the three scaled scores into weights with softmax' },
      { id: 'mix', text: 'Add up the value vectors, each times its weight' },
      { id: 'query', text: 'Form Apple\u2019s query from its embedding and W_Q' },
      { id: 'scale', text: 'Divide the three scores by \u221A2' },
      { id: 'dots', text: 'Dot the query with the key of love, of Apple and of phones' },
    ],
    solution: 'Query first, then its dot products with the keys, then the scaling, then softmax, and only at the end the weighted sum of values.',
    key: 'ZKtY8Cw2FkPpX/LTUvelgYyb1XomBWKELQUsZ+4cHiRKlu0gboR/lw==',
  },
];

