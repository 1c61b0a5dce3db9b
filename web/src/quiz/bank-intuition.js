// bank-intuition.js — questions for steps 1–6 (why attention, contextual meaning, the dot product,
// softmax, a first version, queries/keys/values), as data. Computed questions draw their inputs
// from the attempt's seed (variants.js) and let the engine compute the answer; fixed answers are
// encoded in `key` (answer-key.js). `recall: n` marks which of the ten recall ideas a question asks.

import { formatAnswer } from '../lib/format.js';
import { drawAttention, runAttention, attentionTables, grid, rowMaxCells } from './live.js';

const vec = (v) => `[${v.map(formatAnswer).join(', ')}]`;

export const INTUITION = [
  // ── why-attention ──────────────────────────────────────────────────────────────────────
  {
    id: 'why-fading-memory', stepId: 'why-attention', kind: 'choice',
    prompt: 'A recurrent network reads a 40-word sentence one word at a time, carrying one fixed-size state forward. What tends to happen to the first few words by the end?',
    options: [
      { id: 'a', text: 'They are dropped from the vocabulary once the network has read past them.', explain: 'The vocabulary does not change while reading. What matters is how much of each word survives inside the running state.' },
      { id: 'b', text: 'They gain extra influence, because what is read first is stored most firmly.', explain: 'Usually the reverse: recent words dominate the state and older ones fade.' },
      { id: 'c', text: 'Their details fade, rewritten into one small state at every later step.', explain: 'That is the bottleneck: every step overwrites one small state, so early details get diluted on the long way to the end.' },
      { id: 'd', text: 'Nothing is lost, provided the state vector is made large enough for them.', explain: 'A state of fixed size must summarise an ever longer prefix. A bigger state delays the loss; it does not remove it.' },
    ],
    key: 'SVC+',
  },
  {
    id: 'why-rnn-path', stepId: 'why-attention', kind: 'numeric', tolerance: 0,
    variant(rng) { const a = rng.int(2, 40); return { a, b: a + rng.int(6, 250) }; },
    prompt: 'How many state updates lie between two tokens in a recurrent network? (numbers drawn per attempt)',
    ask: (p) => `A recurrent network updates its state once per token. Token ${p.a}\u2019s information enters the state when token ${p.a} is read. Through how many further state updates must it travel before the state has also read token ${p.b}?`,
    solution: (p) => `One update per token from ${p.a + 1} up to ${p.b}, so ${p.b} \u2212 ${p.a} updates, each one a chance to blur it. Inside one attention layer the same pair is linked in a single step.`,
    compute: (engine, p) => p.b - p.a,
  },
  {
    id: 'why-long-range', stepId: 'why-attention', kind: 'choice', recall: 10,
    prompt: 'Why can self-attention connect two words 300 tokens apart more easily than a recurrent network can?',
    options: [
      { id: 'a', text: 'Every query is scored against every key, so the two words are one step apart.', explain: 'The distance between positions plays no part: the pair is compared directly in the score matrix.' },
      { id: 'b', text: 'It squeezes the text into one running summary that it refreshes at every token.', explain: 'That describes the recurrent network, and it is exactly what makes long trips lossy.' },
      { id: 'c', text: 'It attends to nearby words only, so distant words are first moved close together.', explain: 'Full self-attention is not limited to neighbours: any token may look at any other unless a mask hides it.' },
      { id: 'd', text: 'It reads the text backwards, so that the earliest words are still the freshest.', explain: 'Reading direction does not help: a backward pass only moves the long trip to the other end.' },
    ],
    key: 'pIB/',
  },
  // ── contextual-meaning ────────────────────────────────────────────────────────────────
  {
    id: 'ctx-static', stepId: 'contextual-meaning', kind: 'choice', recall: 1,
    prompt: 'A model gives \u201Capple\u201D one fixed vector whatever the sentence. Why is that a problem for \u201CI bought Apple shares\u201D versus \u201CI baked an apple pie\u201D?',
    options: [
      { id: 'a', text: 'One vector per word uses too much memory to keep a second one for the firm.', explain: 'Memory is not the issue: one vector per word is cheap. The trouble is that it never adapts to the sentence.' },
      { id: 'b', text: 'The two uses need different meanings; one fixed vector can only sit between them.', explain: 'A static embedding holds what the word usually means. Only a vector rebuilt from its neighbours can lean toward the company or the fruit.' },
      { id: 'c', text: 'Capitalised and lowercase spellings are separate tokens that share nothing.', explain: 'Even with casing ignored, \u201Capple shares\u201D in lowercase would still be ambiguous. The missing piece is context, not spelling.' },
      { id: 'd', text: 'Static vectors are random numbers, so they carry nothing about fruit or firms.', explain: 'Trained static embeddings hold plenty of meaning; they just cannot adjust it to the sentence at hand.' },
    ],
    key: '5ESj',
  },
  {
    id: 'ctx-definition', stepId: 'contextual-meaning', kind: 'choice', recall: 2,
    prompt: 'Which description fits a contextual representation of a token?',
    options: [
      { id: 'a', text: 'A vector that depends only on the spelling, looked up in a table.', explain: 'That is the static embedding the lesson starts from.' },
      { id: 'b', text: 'The average of all embeddings in the vocabulary, shared by all tokens.', explain: 'That vector is the same for every word and every sentence, so it carries no context at all.' },
      { id: 'c', text: 'The token\u2019s position in the vocabulary list, turned into a number.', explain: 'An index is only an ID. It means nothing until it is looked up in an embedding table.' },
      { id: 'd', text: 'A vector rebuilt for this sentence by mixing in the other tokens.', explain: 'Self-attention makes one such vector per token, which is how one word lands in different places in different sentences.' },
    ],
    key: 'fa+u',
  },
  // ── dot-product ───────────────────────────────────────────────────────────────────────
  {
    id: 'dot-value', stepId: 'dot-product', kind: 'numeric', tolerance: 0,
    variant(rng) {
      const d = rng.int(3, 4);
      const draw = () => Array.from({ length: d }, () => rng.int(-3, 4));
      return { d, q: draw(), k: draw() };
    },
    prompt: 'Compute the dot product of two short vectors. (numbers drawn per attempt)',
    ask: (p) => `Compute the dot product q\u00B7k for q = ${vec(p.q)} and k = ${vec(p.k)}.`,
    solution: (p) => `Multiply matching entries and add the ${p.d} products: ${p.q.map((v, i) => `(${formatAnswer(v)})\u00B7(${formatAnswer(p.k[i])})`).join(' + ')}.`,
    compute: (engine, p) => engine.dotProducts(p.q, p.k, 1, 1, p.d)[0],
  },
  {
    id: 'dot-meaning', stepId: 'dot-product', kind: 'choice', recall: 4,
    prompt: 'For one query q and two keys, q\u00B7k\u2081 = 9 while q\u00B7k\u2082 = \u22123. What do these two numbers alone tell you?',
    options: [
      { id: 'a', text: 'k\u2081 matches q better; how much of that is angle and how much is length is unknown.', explain: 'A dot product mixes both: it grows with the lengths of the vectors as well as with how well they line up. Higher still means a stronger match, and softmax will give k\u2081 more weight.' },
      { id: 'b', text: 'k\u2082 is the better match for q, because a smaller score means a closer match.', explain: 'In attention a higher score means a stronger match, and softmax hands the larger share to k\u2081.' },
      { id: 'c', text: 'k\u2081 is exactly three times as relevant as k\u2082, because 9 is three times 3.', explain: 'Scores are not ratios of relevance, and softmax exponentiates them, so the weights are not in a 3 : 1 ratio either.' },
      { id: 'd', text: 'k\u2081 points almost the same way as q, and k\u2082 almost the opposite way.', explain: 'Direction cannot be read from the dot product alone: a long key at a wide angle can outscore a short, well-aligned one. Dividing by both lengths (the cosine) would be needed.' },
    ],
    key: 'gBmI',
  },
  // ── softmax ───────────────────────────────────────────────────────────────────────────
  {
    id: 'softmax-weight', stepId: 'softmax', kind: 'numeric', tolerance: 0.01, predict: true,
    variant(rng) {
      const n = rng.int(3, 4);
      const scores = Array.from({ length: n }, () => rng.int(-2, 3));
      return { n, scores, j: rng.int(0, n - 1) };
    },
    prompt: 'What weight does softmax give one key of a row of scores? (numbers drawn per attempt)',
    ask: (p) => `One query has the scores ${vec(p.scores)} for ${p.n} keys. What weight does softmax give key ${p.j + 1} (score ${formatAnswer(p.scores[p.j])})? Two decimals are enough.`,
    solution: (p) => `Raise e to each score, add the ${p.n} results, and divide e^${formatAnswer(p.scores[p.j])} by that total.`,
    compute: (engine, p) => engine.softmax(p.scores, 1, p.n)[p.j],
  },
  {
    id: 'softmax-shift', stepId: 'softmax', kind: 'choice',
    prompt: 'Every score in one row is increased by 10. What happens to that row\u2019s attention weights?',
    options: [
      { id: 'a', text: 'Every weight grows, so the row now adds up to more than one.', explain: 'Softmax always normalises, so the row still adds up to 1.' },
      { id: 'b', text: 'The key with the largest score now takes all of the weight.', explain: 'That needs the gaps between scores to widen. Adding the same amount to every score keeps the gaps as they were.' },
      { id: 'c', text: 'Nothing changes: softmax only responds to gaps between scores.', explain: 'The common factor e\u00B9\u2070 appears above and below the fraction line of every weight and cancels.' },
      { id: 'd', text: 'The weights even out, and every key gets the same share.', explain: 'The differences between scores are untouched, so the ranking and the shares stay put.' },
    ],
    key: '2B3E',
  },
  {
    id: 'softmax-why-after', stepId: 'softmax', kind: 'choice', recall: 5,
    prompt: 'Why are the raw dot products passed through softmax before they are used to mix the values?',
    options: [
      { id: 'a', text: 'Scores may be negative or huge; softmax makes them positive shares of one.', explain: 'Mixing with negative or unbounded numbers would not be an average. Softmax keeps the ranking and makes a proper budget.' },
      { id: 'b', text: 'Softmax sorts the keys by score, so that only the single best one is kept.', explain: 'Softmax keeps every key with some positive weight; it does not sort or discard.' },
      { id: 'c', text: 'Dot products are too small to matter until softmax multiplies each one by e.', explain: 'Softmax exponentiates and normalises; it does not scale scores by a constant.' },
      { id: 'd', text: 'Softmax removes each query from its own row, so no token attends to itself.', explain: 'A token may attend to itself; its own key is one of the keys softmax shares the budget over.' },
    ],
    key: 'pw0U',
  },
  // ── first-version ─────────────────────────────────────────────────────────────────────
  {
    id: 'first-symmetric', stepId: 'first-version', kind: 'choice',
    prompt: 'In the first version there are no learned projections: each token\u2019s embedding both asks and is matched. How does the score from Apple to phones compare with the score from phones to Apple?',
    options: [
      { id: 'a', text: 'Apple to phones is larger, because Apple comes first in the phrase.', explain: 'Position plays no part in this score; both directions use the very same two vectors.' },
      { id: 'b', text: 'It depends on the phrase: they differ whenever the words are far apart.', explain: 'Distance plays no part either; only the two vectors do.' },
      { id: 'c', text: 'Phones to Apple is larger, because the later word does the asking.', explain: 'Both directions use the very same two vectors, so neither can come out ahead.' },
      { id: 'd', text: 'They are always equal: both are one dot product of the two vectors.', explain: 'e_Apple\u00B7e_phones = e_phones\u00B7e_Apple. Separate query and key projections are what let the two directions differ.' },
    ],
    key: '8LbL',
  },
  {
    id: 'first-mix', stepId: 'first-version', kind: 'numeric', tolerance: 0.01,
    variant(rng) {
      const splits = [[2, 5, 3], [1, 6, 3], [5, 1, 4], [3, 3, 4], [6, 2, 2], [1, 2, 7], [4, 4, 2]];
      const w = rng.shuffle(rng.pick(splits)).map((t) => t / 10);
      const vs = Array.from({ length: 3 }, () => [rng.int(-1, 3), rng.int(-1, 3)]);
      return { w, vs, c: rng.int(0, 1) };
    },
    prompt: 'What is one coordinate of a weighted mix of word vectors? (numbers drawn per attempt)',
    ask: (p) => `The first version builds a new vector as a weighted mix of word vectors. With weights ${p.w.join(', ')} on the vectors ${p.vs.map(vec).join(', ')}, what is coordinate ${p.c + 1} of the mix?`,
    solution: (p) => `Multiply each vector\u2019s coordinate ${p.c + 1} by its weight and add the three products.`,
    compute: (engine, p) => engine.matmul(p.w, p.vs.flat(), 1, 3, 2)[p.c],
  },
  {
    id: 'first-learned-w', stepId: 'first-version', kind: 'choice', recall: 6,
    prompt: 'Besides letting the score from A to B differ from the score from B to A, what do learned matrices W_Q, W_K and W_V add?',
    options: [
      { id: 'a', text: 'Training picks which features count for matching and which get passed on.', explain: 'Raw embeddings compare every feature at once. Learned projections choose what to compare (W_Q, W_K) and what to hand over (W_V), separately.' },
      { id: 'b', text: 'Nothing more: once the scores differ by direction, raw embeddings would do.', explain: 'Asymmetry is only one gain. Without W_V, for example, a token could only pass on its whole raw embedding.' },
      { id: 'c', text: 'They store the positions of the tokens, so first and last can be told apart.', explain: 'The same matrices multiply every token, whatever its position; order must be added to the inputs.' },
      { id: 'd', text: 'They make each row of weights add up to one even before softmax runs.', explain: 'Nothing but softmax normalises the rows; the projections act on vectors before any score exists.' },
    ],
    key: 'd7zm',
  },
  // ── qkv ───────────────────────────────────────────────────────────────────────────────
  {
    id: 'qkv-roles', stepId: 'qkv', kind: 'choice',
    prompt: 'Which of a token\u2019s vectors is handed on, in weighted form, into the outputs of the tokens that attend to it?',
    options: [
      { id: 'a', text: 'Its query vector', explain: 'The query is only used to score keys; it never enters the mixture.' },
      { id: 'b', text: 'Its value vector', explain: 'Values are the content: each output is a weighted sum of value vectors.' },
      { id: 'c', text: 'Its key vector', explain: 'Keys are only compared with queries to make scores; they are not mixed into the result.' },
      { id: 'd', text: 'Its raw embedding', explain: 'In the full mechanism the embedding is first projected by W_V, and that projection is what gets mixed.' },
    ],
    key: 'pjFn',
  },
  {
    id: 'qkv-key-vs-value', stepId: 'qkv', kind: 'choice', recall: 7,
    prompt: 'What separates a key from a value?',
    options: [
      { id: 'a', text: 'Keys belong to the earlier tokens and values to the later ones.', explain: 'Every token has both a key and a value; position does not decide which is which.' },
      { id: 'b', text: 'Nothing: they are the same vector known under two names.', explain: 'They come from different learned matrices, W_K and W_V, so they can carry different information.' },
      { id: 'c', text: 'A key is matched against queries; a value is what is passed on.', explain: 'Keys steer the weights, values fill the output. Keeping them apart lets a token be found for one reason and contribute something else.' },
      { id: 'd', text: 'The key is the token\u2019s vocabulary number; the value, its vector.', explain: 'Both are learned projections of the embedding; neither is an ID.' },
    ],
    key: 'WXmO',
  },
  {
    id: 'qkv-same-token', stepId: 'qkv', kind: 'choice',
    prompt: 'For a single token, how are its query, key and value related?',
    options: [
      { id: 'a', text: 'They are three learned projections of that one token\u2019s vector.', explain: 'One input vector, three matrices W_Q, W_K and W_V, three views of the same token.' },
      { id: 'b', text: 'They are the embeddings of three neighbouring words in the text.', explain: 'All three come from the same token; the names describe roles, not different words.' },
      { id: 'c', text: 'They are three vectors set by hand and never changed by training.', explain: 'W_Q, W_K and W_V start random and are adjusted by training like any other weights.' },
      { id: 'd', text: 'They are one vector: the key and the value copy the query exactly.', explain: 'If they were copies, scores would be symmetric and the content could not differ from what is matched on.' },
    ],
    key: 'NAnY',
  },
  {
    id: 'qkv-projected-winner', stepId: 'qkv', kind: 'cell',
    heatmapLabel: 'Dot products of the raw embeddings, X times X transposed: rows are queries, columns are keys',
    variant(rng) { const p = drawAttention(rng, { n: 3, dKs: [2] }); return { ...p, row: rng.int(0, p.n - 1) }; },
    reject(engine, p) {
      const raw = engine.dotProducts(p.x, p.x, p.n, p.n, p.dModel);
      const scores = runAttention(engine, p).scores;
      const want = rowMaxCells(scores, p.n, p.row);
      return want.length > 1 || rowMaxCells(raw, p.n, p.row).some((c) => c.col === want[0].col);
    },
    prompt: 'With learned W_Q and W_K, which key does a query score highest? (inputs drawn per attempt)',
    ask: (p) => `The heatmap shows the dot products of the raw embeddings (no projections). With the learned W_Q and W_K below, which key will the query of \u201C${p.tokens[p.row]}\u201D score highest? Pick that cell in row \u201C${p.tokens[p.row]}\u201D.`,
    inputs: (p) => attentionTables(p),
    solution: 'Project first: q = x\u00B7W_Q for the query, k = x\u00B7W_K for every key, then compare the dot products of that row. The projections can change which key wins, which is why they are learned.',
    compute(engine, p) {
      const raw = engine.dotProducts(p.x, p.x, p.n, p.n, p.dModel);
      const scores = runAttention(engine, p).scores;
      const accept = rowMaxCells(scores, p.n, p.row);
      return grid(p, raw, 'scores', { answer: accept[0], accept, shownAs: 'raw dot product', decidedBy: { name: 'score with W_Q and W_K', values: Array.from(scores) } });
    },
  },
];

