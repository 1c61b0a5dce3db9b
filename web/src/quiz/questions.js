// questions.js — the quiz's question bank, as data. Each entry sits at the lesson step it tests
// (stepId). Fixed answers are stored encoded in `key` (see answer-key.js); live answers are
// computed by `compute(engine, sceneInputs)` from the scene the learner has been editing
// (`scene` names that scene). Option `explain` texts are written neutrally; the quiz adds
// "Correct —" / "Not quite —" itself. Authoring a new fixed key:
//   node -e "import('./web/src/quiz/answer-key.js').then(m => console.log(m.encodeAnswer('<id>', <answer>)))"

import { runAttention, tokenIndex, rowMaxCells } from './live.js';

export const STEP_IDS = Object.freeze([
  'why-attention', 'contextual-meaning', 'dot-product', 'softmax', 'first-version', 'qkv',
  'worked-example', 'matrix-form', 'scaling', 'sentence', 'causal-mask', 'positions',
  'multi-head', 'mistake-lab', 'cost', 'summary',
]);

export const STEP_TITLES = Object.freeze({
  'why-attention': 'Why attention',
  'contextual-meaning': 'Static vs contextual meaning',
  'dot-product': 'The dot product',
  softmax: 'Softmax',
  'first-version': 'A first version',
  qkv: 'Queries, keys and values',
  'worked-example': 'The worked example',
  'matrix-form': 'Matrix form',
  scaling: 'Why divide by \u221Ad_k',
  sentence: 'A real sentence',
  'causal-mask': 'The causal mask',
  positions: 'Order and positions',
  'multi-head': 'Multi-head attention',
  'mistake-lab': 'Mistake lab',
  cost: 'What it costs',
  summary: 'Summary',
});

/** Maps a question kind to its xAPI interactionType. */
export const INTERACTION_TYPES = Object.freeze({ choice: 'choice', numeric: 'numeric', order: 'sequencing', cell: 'other' });

const WE = 'worked-example';

// Heatmap spec for one n×n matrix of the scene, labelled with its tokens.
function grid(head, inp, field, stage, extra) {
  return {
    values: Array.from(head[field]), rows: inp.n, cols: inp.n,
    rowLabels: inp.tokens.slice(), colLabels: inp.tokens.slice(), stage, ...extra,
  };
}

export const QUESTIONS = [
  // ── why-attention ──────────────────────────────────────────────────────────────────────
  {
    id: 'why-fading-memory', stepId: 'why-attention', kind: 'choice',
    prompt: 'A recurrent network reads a 40-word sentence one word at a time, carrying a single fixed-size state forward. What tends to happen to the first few words by the time it reaches the end?',
    options: [
      { id: 'a', text: 'They are removed from the vocabulary once they have been read.', explain: 'The vocabulary never changes while reading. The question is how much of each word survives inside the running state.' },
      { id: 'b', text: 'They end up with more influence than later words, since they came first.', explain: 'Usually the opposite holds: the most recent words dominate the state and older ones fade.' },
      { id: 'c', text: 'Their information has been blended into the state over and over, so little of it can be recovered.', explain: 'This is the bottleneck: each step overwrites the same small state, so early details get diluted on their long trip to the end.' },
      { id: 'd', text: 'Nothing; a larger state keeps every word intact.', explain: 'A state of fixed size must summarise an ever longer prefix. Growing it delays the loss but never removes it.' },
    ],
    key: 'SVC+',
  },
  {
    id: 'why-one-hop', stepId: 'why-attention', kind: 'numeric', tolerance: 0,
    prompt: 'Inside one self-attention layer, how many steps does information need to get from token 1 to token 300 of the same input?',
    solution: 'Every query is compared with every key directly, so any two positions are linked in a single step no matter how far apart they sit. A recurrent model would need hundreds of steps for the same trip.',
    key: 'rA==',
  },
  // ── contextual-meaning ────────────────────────────────────────────────────────────────
  {
    id: 'ctx-static', stepId: 'contextual-meaning', kind: 'choice',
    prompt: 'A model gives \u201Capple\u201D one fixed vector whatever the sentence. Why is that a problem for \u201CI bought Apple shares\u201D versus \u201CI baked an apple pie\u201D?',
    options: [
      { id: 'a', text: 'The vector is too long to store twice.', explain: 'Storage is not the issue: one vector per word is cheap. The trouble is that it never adapts to the sentence.' },
      { id: 'b', text: 'The two sentences need different meanings for the same spelling, and one fixed vector can only sit somewhere between them.', explain: 'A static embedding captures what the word usually means. Only a vector rebuilt from its neighbours can lean toward the company or toward the fruit.' },
      { id: 'c', text: 'Capital letters make them separate tokens, so the model never connects them.', explain: 'Even with casing ignored, a lowercase \u201Capple shares\u201D would still be ambiguous. The missing piece is context, not spelling.' },
      { id: 'd', text: 'Static vectors are random, so they mean nothing at all.', explain: 'Trained static embeddings do hold plenty of meaning; they just cannot adjust it to the sentence at hand.' },
    ],
    key: '5ESj',
  },
  {
    id: 'ctx-definition', stepId: 'contextual-meaning', kind: 'choice',
    prompt: 'Which description fits a contextual representation of a token?',
    options: [
      { id: 'a', text: 'A vector that depends only on how the token is spelled.', explain: 'That is the static embedding the lesson starts from.' },
      { id: 'b', text: 'The average of every embedding in the vocabulary.', explain: 'That vector is identical for every word and every sentence, so it carries no context at all.' },
      { id: 'c', text: 'The position of the token in the vocabulary list.', explain: 'An index is only an ID. It means nothing until it is looked up in an embedding table.' },
      { id: 'd', text: 'A vector rebuilt for this particular sentence by folding in information from the other tokens.', explain: 'Self-attention produces one such vector per token, which is how the same word can land in different places in different sentences.' },
    ],
    key: 'fa+u',
  },
  // ── dot-product ───────────────────────────────────────────────────────────────────────
  {
    id: 'dot-compute', stepId: 'dot-product', kind: 'numeric', tolerance: 0.001,
    prompt: 'Compute the dot product of q = [2, \u22121, 3] and k = [1, 4, 2].',
    solution: 'Multiply matching entries and add the products: 2\u00B71 + (\u22121)\u00B74 + 3\u00B72.',
    key: 'eQ==',
  },
  {
    id: 'dot-meaning', stepId: 'dot-product', kind: 'choice',
    prompt: 'For one query q and two keys, q\u00B7k\u2081 = 9 while q\u00B7k\u2082 = \u22123. What does that tell you?',
    options: [
      { id: 'a', text: 'k\u2081 points in a direction much closer to q than k\u2082 does, so it is the better match.', explain: 'A large positive dot product means the vectors agree across many coordinates; a negative one means they point away from each other.' },
      { id: 'b', text: 'k\u2082 is the better match because its score is smaller.', explain: 'In attention a higher score means a stronger match, and softmax will hand k\u2081 the larger share.' },
      { id: 'c', text: 'k\u2081 is exactly three times as relevant as k\u2082.', explain: 'Scores are not ratios of relevance. Softmax exponentiates them, so how they turn into weights is not a simple ratio.' },
      { id: 'd', text: 'Nothing yet: the keys have to be sorted first.', explain: 'The dot product already is the similarity score; no sorting is involved.' },
    ],
    key: 'gBmI',
  },
  // ── softmax ───────────────────────────────────────────────────────────────────────────
  {
    id: 'softmax-predict', stepId: 'softmax', kind: 'numeric', tolerance: 0.01, predict: true,
    prompt: 'One query has the scores [0, 1, 2] for three keys. What weight will softmax give the third key (score 2)? Two decimals are enough.',
    solution: 'Raise e to each score (1, about 2.718 and about 7.389), add the three results, and divide the third by that total.',
    key: 'zv3xVzDU',
  },
  {
    id: 'softmax-shift', stepId: 'softmax', kind: 'choice',
    prompt: 'Every score in one row is increased by 10. What happens to that row\u2019s attention weights?',
    options: [
      { id: 'a', text: 'Each weight grows, so the row now adds up to more than 1.', explain: 'Softmax always normalises, so the row still adds up to 1.' },
      { id: 'b', text: 'The key with the largest score takes all of the weight.', explain: 'That would need the gaps between scores to widen. Adding the same amount to each keeps the gaps as they were.' },
      { id: 'c', text: 'They stay exactly the same.', explain: 'Softmax only responds to differences between scores: the common factor e\u00B9\u2070 appears above and below the fraction line and cancels.' },
      { id: 'd', text: 'They all become equal.', explain: 'The differences between scores are untouched, so the ranking and the shares stay put.' },
    ],
    key: '2B3E',
  },
  {
    id: 'softmax-keeps-order', stepId: 'softmax', kind: 'cell', scene: WE,
    prompt: 'The heatmap shows the raw scores q\u00B7k of the worked example as it is now, before scaling and softmax. In the second row, click the key that will end up with the largest attention weight.',
    heatmapLabel: 'Raw scores of the worked example: rows are queries, columns are keys',
    solution: 'Dividing by \u221Ad_k and applying softmax never change which entry of a row is largest, so the biggest raw score in the row also gets the biggest weight.',
    compute(engine, sceneInputs) {
      const { head, inp } = runAttention(engine, sceneInputs);
      const row = Math.min(1, inp.n - 1);
      const accept = rowMaxCells(head.scores, inp.n, row);
      return grid(head, inp, 'scores', 'scores', { answer: accept[0], accept });
    },
  },
  // ── first-version ─────────────────────────────────────────────────────────────────────
  {
    id: 'first-symmetric', stepId: 'first-version', kind: 'choice',
    prompt: 'In the first version there are no learned projections: each token\u2019s own embedding is used both to ask and to be matched. How does the score from Apple to phones compare with the score from phones to Apple?',
    options: [
      { id: 'a', text: 'Apple to phones is always the larger one.', explain: 'Both directions use the very same two vectors, so neither can come out ahead.' },
      { id: 'b', text: 'It depends on where the two words sit in the sentence.', explain: 'Position plays no part in this score; only the two vectors do.' },
      { id: 'c', text: 'Phones to Apple is always the larger one.', explain: 'Both directions use the very same two vectors, so neither can come out ahead.' },
      { id: 'd', text: 'They are always equal.', explain: 'Both are the same dot product e_Apple\u00B7e_phones, and a dot product ignores argument order. Separate query and key projections are what let the two directions differ.' },
    ],
    key: '8LbL',
  },
  {
    id: 'first-mix', stepId: 'first-version', kind: 'numeric', tolerance: 0.001,
    prompt: 'The first version builds a new vector as a weighted mix of word vectors. With weights 0.2, 0.5 and 0.3 on the vectors [1, 0], [0, 1] and [2, 2], what is the second coordinate of the mix?',
    solution: 'Multiply each vector\u2019s second coordinate by its weight and add: 0.2\u00B70 + 0.5\u00B71 + 0.3\u00B72.',
    key: 'YGtf',
  },
  // ── qkv ───────────────────────────────────────────────────────────────────────────────
  {
    id: 'qkv-roles', stepId: 'qkv', kind: 'choice',
    prompt: 'Which of a token\u2019s three vectors is the one that is actually handed on, in weighted form, into the outputs of the tokens that attend to it?',
    options: [
      { id: 'a', text: 'Its query.', explain: 'The query is only used to score keys; it never enters the mixture.' },
      { id: 'b', text: 'Its value.', explain: 'Values are the content: each output is a weighted sum of value vectors.' },
      { id: 'c', text: 'Its key.', explain: 'Keys are only compared with queries to produce scores; they are not mixed into the result.' },
      { id: 'd', text: 'Its raw embedding, untouched.', explain: 'In the full mechanism the embedding is first projected by W_V, and that projection is what gets mixed.' },
    ],
    key: 'pjFn',
  },
  {
    id: 'qkv-key-vs-value', stepId: 'qkv', kind: 'choice',
    prompt: 'What separates a key from a value?',
    options: [
      { id: 'a', text: 'Keys belong to earlier tokens and values to later ones.', explain: 'Every token has both a key and a value; position does not decide which is which.' },
      { id: 'b', text: 'They are one vector under two names.', explain: 'They come from different learned matrices, W_K and W_V, so they can carry different information.' },
      { id: 'c', text: 'A key is what queries are matched against, deciding how much a token gets looked at; a value is the content passed along once it is looked at.', explain: 'Keys steer the weights, values fill the output. Keeping them apart lets a token be easy to find for one reason and contribute something else.' },
      { id: 'd', text: 'The key is the token\u2019s ID and the value its embedding.', explain: 'Both are learned projections of the embedding; neither is an ID.' },
    ],
    key: 'WXmO',
  },
  {
    id: 'qkv-same-token', stepId: 'qkv', kind: 'choice',
    prompt: 'For a single token, how are its query, key and value related?',
    options: [
      { id: 'a', text: 'They are three learned linear projections of that same token\u2019s vector.', explain: 'One input vector, three matrices W_Q, W_K and W_V, three different views of the same token.' },
      { id: 'b', text: 'They are the embeddings of three neighbouring words.', explain: 'All three come from the same token; the names describe roles, not different words.' },
      { id: 'c', text: 'They are set by hand before training and never change.', explain: 'W_Q, W_K and W_V start out random and are adjusted by training like any other weights.' },
      { id: 'd', text: 'The key and the value are copies of the query.', explain: 'If they were copies, scores would be symmetric and the content could not differ from what is matched on.' },
    ],
    key: 'NAnY',
  },
  // ── worked-example (live) ─────────────────────────────────────────────────────────────
  {
    id: 'we-weight-live', stepId: 'worked-example', kind: 'numeric', tolerance: 0.005, scene: WE, showInputs: true,
    prompt: 'Using the worked example\u2019s current inputs (listed below), what weight does Apple\u2019s query give to the key of phones after dividing by \u221Ad_k and applying softmax? Give at least two decimals.',
    solution: 'Dot q_Apple with every key, divide the three scores by \u221Ad_k, exponentiate, and take the share that belongs to phones.',
    compute(engine, sceneInputs) {
      const { head, inp } = runAttention(engine, sceneInputs);
      return head.weights[tokenIndex(inp, 'Apple', 1) * inp.n + tokenIndex(inp, 'phones', -1)];
    },
  },
  {
    id: 'we-output-live', stepId: 'worked-example', kind: 'numeric', tolerance: 0.01, scene: WE, showInputs: true,
    prompt: 'With the current inputs, what is the first coordinate of Apple\u2019s new vector, that is, its attention weights applied to the value vectors?',
    solution: 'Take Apple\u2019s row of weights and form the weighted sum of the first coordinates of the three value vectors (V = X\u00B7W_V).',
    compute(engine, sceneInputs) {
      const { head, inp } = runAttention(engine, sceneInputs);
      return head.output[tokenIndex(inp, 'Apple', 1) * inp.dV];
    },
  },
  {
    id: 'we-most-attended', stepId: 'worked-example', kind: 'cell', scene: WE,
    prompt: 'The heatmap shows the attention weights for the current inputs. Click the key that Apple\u2019s query attends to most.',
    heatmapLabel: 'Attention weights of the worked example: rows are queries, columns are keys',
    solution: 'Find Apple\u2019s row and pick the column holding its largest weight.',
    compute(engine, sceneInputs) {
      const { head, inp } = runAttention(engine, sceneInputs);
      const accept = rowMaxCells(head.weights, inp.n, tokenIndex(inp, 'Apple', 1));
      return grid(head, inp, 'weights', 'weights', { answer: accept[0], accept });
    },
  },
  // ── matrix-form ───────────────────────────────────────────────────────────────────────
  {
    id: 'mf-score-entries', stepId: 'matrix-form', kind: 'numeric', tolerance: 0,
    prompt: 'An input has 100 tokens. How many numbers does the score matrix Q\u00B7K\u1D40 contain?',
    solution: 'Each of the 100 queries is scored against each of the 100 keys, giving a square matrix with 100 rows and 100 columns.',
    key: 'eBy2Dj4=',
  },
  {
    id: 'mf-output-shape', stepId: 'matrix-form', kind: 'choice',
    prompt: 'X is 5 \u00D7 256 and W_V is 256 \u00D7 32, so V is 5 \u00D7 32. What shape is softmax(Q\u00B7K\u1D40 / \u221Ad_k)\u00B7V?',
    options: [
      { id: 'a', text: '5 \u00D7 5', explain: 'That is the shape of the weight matrix itself, before it multiplies V.' },
      { id: 'b', text: '256 \u00D7 32', explain: 'That is the shape of W_V, a learned parameter; it does not depend on how many tokens there are.' },
      { id: 'c', text: '32 \u00D7 32', explain: 'No factor in the product has 32 rows; the row count comes from the weight matrix, one row per token.' },
      { id: 'd', text: '5 \u00D7 32', explain: 'A 5 \u00D7 5 weight matrix times a 5 \u00D7 32 value matrix: one 32-wide vector per token.' },
    ],
    key: 'xBKB',
  },
  {
    id: 'mf-order', stepId: 'matrix-form', kind: 'order',
    prompt: 'Put the stages of one attention layer in the order they are computed.',
    items: [
      { id: 'softmax', text: 'Apply softmax along each row' },
      { id: 'project', text: 'Multiply X by W_Q, W_K and W_V' },
      { id: 'mix', text: 'Multiply the weights by V' },
      { id: 'scale', text: 'Divide every score by \u221Ad_k' },
      { id: 'scores', text: 'Multiply Q by K\u1D40 to get the scores' },
      { id: 'mask', text: 'Set masked scores to \u2212\u221E (when a mask is used)' },
    ],
    solution: 'Queries, keys and values come first; then the scores, their scaling, the mask, the row-wise softmax, and finally the weighted sum of values.',
    key: '7xDyfwPLO/Y4cwJd2A05r9sd2DY28/DoiaImKG1o/5JBL9kqB9VxT46v4fugI9fk0y6L',
  },
  // ── scaling ───────────────────────────────────────────────────────────────────────────
  {
    id: 'scale-predict', stepId: 'scaling', kind: 'choice', predict: true,
    prompt: 'With d_k = 64 and random queries and keys whose entries have variance 1, what happens to typical softmax rows if the division by \u221Ad_k is dropped?',
    options: [
      { id: 'a', text: 'They become flatter, closer to uniform.', explain: 'Dropping the division makes scores larger in size, which pushes softmax the other way.' },
      { id: 'b', text: 'They become very peaked: one key takes almost all the weight and the rest get almost none.', explain: 'Unscaled scores spread out with a standard deviation near 8, and softmax of such spread-out numbers is nearly one-hot, with gradients for the other keys close to zero.' },
      { id: 'c', text: 'Nothing changes, since softmax normalises anyway.', explain: 'Normalising keeps the total at 1, but the shape of the distribution depends on how far apart the scores are.' },
      { id: 'd', text: 'The rows stop adding up to 1.', explain: 'Softmax rows always add up to 1; scaling only changes how the weight is shared out.' },
    ],
    key: 'ZJL1',
  },
  {
    id: 'scale-std', stepId: 'scaling', kind: 'numeric', tolerance: 0.5,
    prompt: 'Query and key entries are independent, with mean 0 and variance 1, and d_k = 256. Roughly what is the standard deviation of one raw score q\u00B7k?',
    solution: 'The score adds up d_k independent products, each of variance 1, so its variance is d_k and its standard deviation is the square root of d_k.',
    key: 'dCc=',
  },
  // ── sentence ──────────────────────────────────────────────────────────────────────────
  {
    id: 'sentence-read', stepId: 'sentence', kind: 'choice',
    prompt: 'In the sentence heatmap, rows are queries and columns are keys. Suppose the sentence contains \u201Cit\u201D and \u201Canimal\u201D. What does the cell in row \u201Cit\u201D, column \u201Canimal\u201D tell you?',
    options: [
      { id: 'a', text: 'How much \u201Canimal\u201D draws from \u201Cit\u201D.', explain: 'That is the cell in row \u201Canimal\u201D, column \u201Cit\u201D; the weight matrix is usually not symmetric.' },
      { id: 'b', text: 'Whether the two words stand next to each other.', explain: 'Distance plays no part in the plain mechanism; the cell holds a relevance weight.' },
      { id: 'c', text: 'The dot product of the two raw embeddings.', explain: 'The heatmap shows weights after projection, scaling and softmax, not raw embedding similarity.' },
      { id: 'd', text: 'How much of the new vector for \u201Cit\u201D is taken from the value of \u201Canimal\u201D.', explain: 'Row = the token doing the looking, column = the token looked at; the cell is the share of that column\u2019s value in the row\u2019s output.' },
    ],
    key: 'So+N',
  },
  {
    id: 'sentence-row-sum', stepId: 'sentence', kind: 'numeric', tolerance: 0.001,
    prompt: 'Add up all the weights in one row of the attention matrix (no mask). What total do you get?',
    solution: 'Each row is a softmax over the keys, and a softmax always adds up to one: the query\u2019s whole attention budget.',
    key: 'GQ==',
  },
  // ── causal-mask ───────────────────────────────────────────────────────────────────────
  {
    id: 'causal-predict', stepId: 'causal-mask', kind: 'choice', predict: true,
    prompt: 'A causal mask is switched on for \u201Clove Apple phones\u201D. What happens to row 2, the row of Apple?',
    options: [
      { id: 'a', text: 'Its weight on phones becomes 0 and the weights on love and Apple keep their old values.', explain: 'Then the row would add up to less than 1. That is what happens when the mask is wrongly applied after softmax.' },
      { id: 'b', text: 'Its weight on phones becomes exactly 0, and the weights on love and Apple grow so that the row still adds up to 1.', explain: 'The masked score is set to \u2212\u221E before softmax, so the two remaining keys share the whole budget between them.' },
      { id: 'c', text: 'The whole row becomes 0.', explain: 'Only later keys are hidden. A token may always look at itself and at the tokens before it.' },
      { id: 'd', text: 'Nothing: the mask only changes the last row.', explain: 'The last row (phones) is the one row with nothing to hide; every row above it loses the keys to its right.' },
    ],
    key: 'Q/iH',
  },
  {
    id: 'causal-weight-live', stepId: 'causal-mask', kind: 'numeric', tolerance: 0.005, scene: WE, showInputs: true,
    prompt: 'With the causal mask on and the worked example\u2019s current inputs, what weight does Apple give to itself?',
    solution: 'Only love and Apple remain visible: divide their two scores by \u221Ad_k, exponentiate, and take Apple\u2019s share of the total.',
    compute(engine, sceneInputs) {
      const { head, inp } = runAttention(engine, sceneInputs, { mask: 'causal' });
      const i = tokenIndex(inp, 'Apple', 1);
      return head.weights[i * inp.n + i];
    },
  },
  {
    id: 'causal-zero-cell', stepId: 'causal-mask', kind: 'cell', scene: WE,
    prompt: 'The heatmap shows the worked example\u2019s weights with the causal mask on. Click any cell that the mask forces to zero.',
    heatmapLabel: 'Causally masked attention weights: rows are queries, columns are keys',
    solution: 'Every cell to the right of the diagonal: query i may not look at any key j later than itself.',
    compute(engine, sceneInputs) {
      const { head, inp } = runAttention(engine, sceneInputs, { mask: 'causal' });
      const accept = [];
      for (let r = 0; r < inp.n; r += 1) for (let c = r + 1; c < inp.n; c += 1) accept.push({ row: r, col: c });
      return grid(head, inp, 'weights', 'weights', { answer: accept[0], accept });
    },
  },
  // ── positions ─────────────────────────────────────────────────────────────────────────
  {
    id: 'pos-shuffle', stepId: 'positions', kind: 'choice',
    prompt: 'With no positional information, we shuffle the input tokens. What happens to the outputs?',
    options: [
      { id: 'a', text: 'They change completely, because word order matters.', explain: 'Order matters for meaning, but the plain mechanism cannot see it; that is exactly the problem.' },
      { id: 'b', text: 'The computation fails with an error.', explain: 'Nothing in the arithmetic depends on order, so it runs happily on any arrangement.' },
      { id: 'c', text: 'They come out shuffled in exactly the same way and are otherwise unchanged.', explain: 'Each output depends on its own query and on the set of keys and values, so permuting the inputs only permutes the outputs (and the rows and columns of the weights).' },
      { id: 'd', text: 'Only the first output changes.', explain: 'No position is special to the plain mechanism, the first one included.' },
    ],
    key: 'jM+P',
  },
  {
    id: 'pos-encoding', stepId: 'positions', kind: 'choice',
    prompt: 'How does the sinusoidal positional encoding give the model a sense of order?',
    options: [
      { id: 'a', text: 'It adds to each embedding a vector of sines and cosines that depends on the position, so one word at two positions gives two different inputs.', explain: 'Once position is part of the input vector, queries and keys, and therefore scores, can depend on where tokens are.' },
      { id: 'b', text: 'It sorts the tokens alphabetically before attention.', explain: 'Sorting would destroy the original order rather than record it.' },
      { id: 'c', text: 'It multiplies each attention weight by the distance between the two tokens.', explain: 'The encoding acts on the inputs, not on the weights, and it is added rather than multiplied.' },
      { id: 'd', text: 'It drops tokens that are too far away.', explain: 'Nothing is dropped: each token can still look at all the others unless a mask hides some.' },
    ],
    key: 'r3+h',
  },
  // ── multi-head ────────────────────────────────────────────────────────────────────────
  {
    id: 'mh-width', stepId: 'multi-head', kind: 'numeric', tolerance: 0,
    prompt: 'A layer runs 12 heads, each producing outputs of width 32. How wide is their concatenation, before W_O is applied?',
    solution: 'Concatenation places the heads side by side, 12 blocks of 32 columns. W_O then maps that width back to d_model.',
    key: 'rOo/',
  },
  {
    id: 'mh-why', stepId: 'multi-head', kind: 'choice',
    prompt: 'Why run several heads instead of a single bigger one?',
    options: [
      { id: 'a', text: 'Several heads are needed so that rows add up to 1.', explain: 'A single head\u2019s softmax already does that.' },
      { id: 'b', text: 'Each head handles different tokens: head 1 the first words, head 2 the next ones.', explain: 'Every head sees the whole input; heads differ in their projections, not in which tokens they receive.' },
      { id: 'c', text: 'It removes the need for positional information.', explain: 'Heads are just as blind to order as a single head; positions still have to be added.' },
      { id: 'd', text: 'Each head has its own W_Q, W_K and W_V, so different heads can track different relations at once, say a verb\u2019s subject and a pronoun\u2019s referent.', explain: 'One softmax row can only spread one budget; several heads give each token several independent ways to look around.' },
    ],
    key: '081p',
  },
  // ── mistake-lab ───────────────────────────────────────────────────────────────────────
  {
    id: 'mistake-axis', stepId: 'mistake-lab', kind: 'choice',
    prompt: 'A bug applies softmax down each column (over queries) instead of along each row (over keys). What can you observe?',
    options: [
      { id: 'a', text: 'Nothing; softmax gives the same result either way.', explain: 'Normalising columns and normalising rows give different matrices unless the scores happen to be symmetric in a special way.' },
      { id: 'b', text: 'Columns now add up to 1 but rows in general do not, so a token\u2019s output is no longer a proper weighted average of values.', explain: 'Each query no longer spends a budget of exactly 1; some outputs are inflated, others shrunk.' },
      { id: 'c', text: 'Every weight becomes zero.', explain: 'Softmax outputs are always positive, whichever axis it runs along.' },
      { id: 'd', text: 'The code stops with an error straight away.', explain: 'No error is raised: the numbers are simply wrong, which is what makes this bug sneaky.' },
    ],
    key: 'Esm4',
  },
  {
    id: 'mistake-mask-after-live', stepId: 'mistake-lab', kind: 'numeric', tolerance: 0.005, scene: WE, showInputs: true, predict: true,
    prompt: 'The buggy version applies the causal mask after softmax instead of before it. With the worked example\u2019s current inputs, what does Apple\u2019s row of weights add up to?',
    solution: 'Softmax has already shared the full budget among all three keys; zeroing phones afterwards throws its share away, so the row adds up to one minus that share.',
    compute(engine, sceneInputs) {
      const { head, inp } = runAttention(engine, sceneInputs, { mask: 'causal', mistake: 'mask-after-softmax' });
      const i = tokenIndex(inp, 'Apple', 1);
      let sum = 0;
      for (let c = 0; c < inp.n; c += 1) sum += head.weights[i * inp.n + c];
      return sum;
    },
  },
  {
    id: 'mistake-weights-meaning', stepId: 'mistake-lab', kind: 'choice',
    prompt: 'A classmate says: \u201Cthe attention weights are the token\u2019s new meaning.\u201D What is off about that?',
    options: [
      { id: 'a', text: 'Nothing; a row of weights is the new vector.', explain: 'A row of weights has one entry per token, not one per feature, so it cannot stand in for the token\u2019s representation.' },
      { id: 'b', text: 'The weights are really the keys.', explain: 'Keys are vectors that feed into the scores; the weights come out of softmax afterwards.' },
      { id: 'c', text: 'The weights only say how much of each value to take; the new vector is the weighted sum of the values.', explain: 'Weights are the recipe, values are the ingredients, and the output is the dish.' },
      { id: 'd', text: 'The new meaning is the query.', explain: 'The query only asks; it is not changed by the answers it gets.' },
    ],
    key: 'EbOK',
  },
  // ── cost ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'cost-quadratic', stepId: 'cost', kind: 'numeric', tolerance: 0,
    prompt: 'Going from a 1,000-token input to a 4,000-token input, by what factor does the number of entries in each attention matrix grow?',
    solution: 'The matrix is n \u00D7 n, so multiplying n by 4 multiplies its entry count by 4 squared.',
    key: 'p90=',
  },
  {
    id: 'cost-parallel', stepId: 'cost', kind: 'choice',
    prompt: 'Which statement about the cost of self-attention is accurate?',
    options: [
      { id: 'a', text: 'All n\u00B2 scores can be computed at once, but the work and memory they need grow with the square of the length.', explain: 'Parallel means no token waits for another, not that the work is free.' },
      { id: 'b', text: 'It is cheap at any length because it runs in parallel.', explain: 'Parallelism removes waiting, but the number of pairs, and the memory for them, still grows as n\u00B2.' },
      { id: 'c', text: 'It needs n steps one after another, like a recurrent network.', explain: 'No output waits for another output; every pair is scored in the same matrix product.' },
      { id: 'd', text: 'Its cost does not depend on the length of the input.', explain: 'The score matrix alone has n\u00B2 entries, so cost rises quickly with length.' },
    ],
    key: 'Ktkq',
  },
  // ── summary ───────────────────────────────────────────────────────────────────────────
  {
    id: 'summary-roles', stepId: 'summary', kind: 'choice',
    prompt: 'In softmax(Q\u00B7K\u1D40 / \u221Ad_k)\u00B7V, which parts decide how much attention is paid, and which part supplies what gets mixed?',
    options: [
      { id: 'a', text: 'V decides the weights; Q and K supply the content.', explain: 'V enters only after softmax, so it cannot influence the weights.' },
      { id: 'b', text: 'Only Q decides the weights; K and V both supply content.', explain: 'A weight needs a query and a key: it is their dot product that gets normalised.' },
      { id: 'c', text: 'Q and K decide the weights; V supplies the content.', explain: 'Scores come from Q and K, softmax turns them into weights, and those weights mix the rows of V.' },
      { id: 'd', text: 'The \u221Ad_k term decides the weights on its own.', explain: 'It only rescales the scores; without Q and K there is nothing to rescale.' },
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
