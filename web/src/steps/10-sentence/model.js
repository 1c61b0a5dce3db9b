// Step 10's model: inputs + engine → every number and sentence the whole-sentence step shows. The
// sentence gets the lesson's one embedding (lesson-embedding.js), W_Q, W_K, W_V come from the
// chosen seed, and one engine.attention call gives all five stages; the stage note, the size line
// ("an 11 × 11"), the query readout and its row sum are built from those numbers. Pure: no DOM.
import { EXAMPLE_SENTENCE, STAGE_KEYS } from './inputs.js';
import { lessonEmbedding, lessonWeights, LESSON_EMBEDDING } from '../lesson-embedding.js';
import { sentenceTokens } from '../sentence-tokens.js';
import { formatNumber, formatShape, quoteLabel } from '../../lib/format.js';
import { rowSums, topK } from '../../lib/matrix.js';
import { article } from '../../lib/text.js';

const D = LESSON_EMBEDDING.dModel;

export function stages(sqrtDK) {
  return [
    { key: 'scores', name: 'raw scores Q·Kᵀ', scale: 'diverging', about: 'Each query dotted with each key, before any scaling.' },
    { key: 'scaled', name: `scaled scores ÷ √${D}`, scale: 'diverging', about: `The same scores divided by √d_k = √${D} = ${formatNumber(sqrtDK, 0)}, so their spread stays moderate.` },
    { key: 'masked', name: 'masked scores', scale: 'diverging', about: '' },
    { key: 'weights', name: 'softmax weights', scale: 'sequential', about: 'Softmax along each row: every row is now a set of shares that add up to 1.' },
    { key: 'output', name: 'output (weights · V)', scale: 'diverging', about: `One new ${D}-number vector per token: its row of weights times the values V.` },
  ];
}
// The stage names for the player (they do not depend on the numbers).
export const STAGE_NAMES = Object.freeze(stages(undefined).map((s) => s.name));

export function model(values, engine) {
  const { tokens, message } = sentenceTokens(values.sentence, EXAMPLE_SENTENCE);
  const n = tokens.length;
  const { seed, mask } = values;
  const query = Math.min(values.query, n - 1);
  const w = lessonWeights(1, seed);
  const r = engine.attention({ x: lessonEmbedding(tokens), n, dModel: D, heads: 1, dK: D, dV: D, wq: w.wq, wk: w.wk, wv: w.wv, mask });
  const h = r.heads[0];
  const all = stages(r.sqrtDK);
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

  const name = quoteLabel(tokens[query]);
  const place = `${name} (${query + 1} of ${n})`;
  const row = h.weights.slice(query * n, query * n + n);
  const top = topK(row, 3).filter((e) => e.value > 0);
  const parts = top.map((e) => `${quoteLabel(tokens[e.index])} (${formatNumber(e.value)})`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  const visible = row.filter((v) => v > 0).length;
  const readout = visible === 1
    ? `${name} can only see ${list} here, so all of its attention goes there.`
    : `${name} attends most to ${list}${mask === 'causal' ? `, among the ${visible} tokens it is allowed to see` : ''}.`;

  return {
    tokens, n, message, query, head: h, sqrtDK: r.sqrtDK,
    tokenCount: String(n), matrixSize: shape, sizeArticle: article(shape),
    tokenList: tokens.map((t) => quoteLabel(t)).join(' '),
    summary: `${n} tokens, ${article(shape)} ${shape} matrix.`,
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
