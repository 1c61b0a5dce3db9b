// Step 10's model: inputs + engine → every number and sentence the whole-sentence step shows. With
// random weights the sentence gets the lesson's one embedding (lesson-embedding.js) and W_Q, W_K,
// W_V come from the chosen seed; with learned weights (weights-switch.js) the trained model's own
// word vectors and matrices run through the same engine.attention call, layer by layer. Either
// way one call gives all five stages; the stage note, the size line ("an 11 × 11"), the query
// readout, its row sum, which weights are shown and the learned pattern are built from those
// numbers. Pure: no DOM (the loaded trained models are an argument; by default the page's).
import { EXAMPLE_SENTENCE, STAGE_KEYS } from './inputs.js';
import { EMBEDDING_NOTE, lessonEmbedding, lessonWeights, LESSON_EMBEDDING } from '../lesson-embedding.js';
import { sentenceTokens } from '../sentence-tokens.js';
import { trainedModels, trainedModelsFailure } from '../trained-loader.js';
import { chooseWeights, learnedPattern } from '../weights-switch.js';
import { formatNumber, formatShape, quoteLabel } from '../../lib/format.js';
import { rowSums, topK } from '../../lib/matrix.js';
import { article, placedWord, plural } from '../../lib/text.js';

const D = LESSON_EMBEDDING.dModel;

export function stages(sqrtDK, dK = D) {
  const sq = Number.isInteger(Math.sqrt(dK)) ? formatNumber(sqrtDK, 0) : formatNumber(sqrtDK);
  return [
    { key: 'scores', name: 'raw scores Q·Kᵀ', scale: 'diverging', about: 'Each query dotted with each key, before any scaling.' },
    { key: 'scaled', name: `scaled scores ÷ √${dK}`, scale: 'diverging', about: `The same scores divided by √d_k = √${dK} = ${sq}, so their spread stays moderate.` },
    { key: 'masked', name: 'masked scores', scale: 'diverging', about: '' },
    { key: 'weights', name: 'softmax weights', scale: 'sequential', about: 'Softmax along each row: every row is now a set of shares that add up to 1.' },
    { key: 'output', name: 'output (weights · V)', scale: 'diverging', about: `One new ${dK}-number vector per token: its row of weights times the values V.` },
  ];
}
// The stage names for the player with the random weights (d_k = 16); the model gives the names
// for what it shows (the learned models have d_k = 32).
export const STAGE_NAMES = Object.freeze(stages(undefined).map((s) => s.name));

export function model(values, engine, trained = trainedModels(), failure = trainedModelsFailure()) {
  const typed = sentenceTokens(values.sentence, EXAMPLE_SENTENCE);
  const { mask } = values;
  const choice = chooseWeights(values, typed.tokens, engine, { trained, failure, mask });
  const learned = choice.kind === 'learned';
  const tokens = learned ? choice.words : typed.tokens;
  const message = typed.message;
  const n = tokens.length;
  const query = Math.min(values.query, n - 1);
  let r;
  if (learned) {
    r = choice.run.layers[choice.layerIndex];
  } else {
    const w = lessonWeights(1, values.seed);
    r = engine.attention({ x: lessonEmbedding(tokens), n, dModel: D, heads: 1, dK: D, dV: D, wq: w.wq, wk: w.wk, wv: w.wv, mask });
  }
  const h = r.heads[0];
  const dK = h.q.length / n;
  const all = stages(r.sqrtDK, dK);
  const st = all[values.stage];
  const shape = formatShape(n, h.weights.length / n);

  const isOut = st.key === 'output';
  const shown = h[st.key];
  const cols = shown.length / n;
  const note = st.key === 'masked'
    ? (mask === 'none'
      ? 'No mask is on, so this stage equals the scaled scores. Choose the causal mask to hide every later token (shown as −∞).'
      : 'The causal mask sets every score above the diagonal to −∞, so a token cannot look at the words after it; softmax will turn those into weights of 0.')
    : st.about;

  const label = (i) => placedWord(tokens, i, (w) => quoteLabel(w));
  const name = label(query);
  const place = `${quoteLabel(tokens[query])} (${query + 1} of ${n})`;
  const row = h.weights.slice(query * n, query * n + n);
  // The three largest weights, leaving out any that print as 0.00 (they are not "attended to");
  // a word written more than once gets its place, so "'.' (word 2)" and "'.' (word 3)" differ.
  const top = topK(row, 3).filter((e, k) => e.value > 0 && (k === 0 || e.value >= 0.005));
  const parts = top.map((e) => `${label(e.index)} (${formatNumber(e.value)})`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  const visible = row.filter((v) => v > 0).length;
  const readout = visible === 1
    ? `${name} can only see ${list} here, so all of its attention goes there.`
    : `${name} attends most to ${list}${mask === 'causal' ? `, among the ${visible} tokens it is allowed to see` : ''}.`;

  return {
    tokens, n, message, query, head: h, sqrtDK: r.sqrtDK, dK,
    stageNames: all.map((s) => s.name),
    weights: {
      kind: choice.kind, wanted: choice.wanted, loading: choice.loading,
      // what is shown, in words: the learned model and its task, or the seeded random weights
      source: learned ? choice.source : `Random weights: ${EMBEDDING_NOTE} The pattern is illustrative: a trained model’s heads would show linguistic patterns such as ‘it’ → ‘animal’; switch to the learned weights to see one.`,
      note: choice.note,
      pattern: learnedPattern(choice),
      layers: learned ? choice.model.layers : 0,
      layer: learned ? choice.layerIndex + 1 : 0,
      trainedTitle: learned ? choice.model.title : '',
    },
    tokenCount: plural(n, 'token'), matrixSize: shape, sizeArticle: article(shape),
    tokenList: tokens.map((t) => quoteLabel(t)).join(' '),
    summary: `${plural(n, 'token')}, ${article(shape)} ${shape} matrix.`,
    stage: {
      index: values.stage, key: st.key, name: st.name, scale: st.scale, note, values: shown, cols,
      colLabels: isOut ? Array.from({ length: cols }, (_, j) => `dim ${j + 1}`) : tokens,
      rowAxisTitle: isOut ? 'token' : 'query', colAxisTitle: isOut ? 'dimension' : 'key',
      domain: st.key === 'weights' ? [0, 1] : undefined,
    },
    place, readout,
    rowSum: `The weights in row ${name} add up to ${formatNumber(rowSums(row, 1, n)[0])}.`,
  };
}
