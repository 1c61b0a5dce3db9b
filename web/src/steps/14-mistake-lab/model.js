// Step 14's model: inputs + engine → every number and sentence the mistake lab shows. The sentence
// (the lesson's one embedding, at width d_k = d_model) runs through the engine correctly, with all
// the chosen bugs, and — when two bugs are on — with each bug alone, so every claim about a bug is
// measured on that bug. The diagnostics table, the stage labels, and the seeded "which bug is
// this?" mystery with its feedback are computed here too. Pure: no DOM.
import { CHALLENGE_DK, EXAMPLE_SENTENCE, MISTAKES } from './inputs.js';
import { BUGS, bugSentences, challengeFeedback, diagnose } from '../mistake-diagnosis.js';
import { lessonEmbedding, lessonWeights } from '../lesson-embedding.js';
import { sentenceTokens } from '../sentence-tokens.js';
import { mulberry32 } from '../../lib/seeded.js';
import { formatNumber } from '../../lib/format.js';

const fmt = (v) => formatNumber(v, 2);
export const TABLE_COLUMNS = Object.freeze(['row sum (correct)', 'row sum (buggy)', 'largest weight in row', 'weight on later tokens', 'column sum (as a key)']);

// w: lessonWeights(1, undefined, d) (12,288 seeded numbers at d = 64, made once and shared)
function run(engine, tokens, d, options, w = lessonWeights(1, undefined, d)) {
  const r = engine.attention({ x: lessonEmbedding(tokens, d), n: tokens.length, dModel: d, wq: w.wq, wk: w.wk, wv: w.wv, ...options });
  return { head: r.heads[0], sqrtDK: r.sqrtDK }; // the engine's √d_k, never scores ÷ scaled
}

/** The bug hidden behind mystery number `k` (seeded, so a link reproduces it). */
export function mysteryBug(k) {
  return BUGS[Math.floor(mulberry32(k * 2654435761)() * BUGS.length)].id;
}

/**
 * values: checked by the schema. → { tokens, n, message, correct, buggy (weights n×n), sqrtDK,
 *   stages: { correct, buggy }, diagnosis: string[], rowSums, colSums, future, futureNote,
 *   table (n × 5), mystery: { bug, weights, stage }, feedback: { text, correct } | null, announce }
 */
export function model(values, engine) {
  const { tokens, message } = sentenceTokens(values.sentence, EXAMPLE_SENTENCE);
  const n = tokens.length;
  const { causal, mistake, noScale, dK: d } = values;
  const mask = causal ? 'causal' : 'none';
  const engineMistake = mistake === 'none' ? null : mistake;
  const w = lessonWeights(1, undefined, d);
  const right = run(engine, tokens, d, { mask }, w);
  const wrong = run(engine, tokens, d, { mask, scale: !noScale, mistake: engineMistake }, w);
  const both = noScale && engineMistake;
  const unscaled = both ? run(engine, tokens, d, { mask, scale: false }, w).head.weights : wrong.head.weights;
  const mistakeOnly = both ? run(engine, tokens, d, { mask, mistake: engineMistake }, w).head.weights : wrong.head.weights;
  const diagnosis = bugSentences({
    correct: right.head.weights, buggy: wrong.head.weights, unscaled, mistakeOnly, n, labels: tokens,
    causal, mistake, noScale, scaleFactor: right.sqrtDK,
  });
  const dg = diagnose(wrong.head.weights, n), dc = diagnose(right.head.weights, n);
  const table = new Float32Array(n * TABLE_COLUMNS.length);
  for (let i = 0; i < n; i++) table.set([dc.rowSums[i], dg.rowSums[i], dg.rowMax[i].value, dg.later[i], dg.colSums[i]], i * TABLE_COLUMNS.length);
  const active = [engineMistake ? MISTAKES.find((m) => m.id === mistake).label.toLowerCase() : null, noScale ? 'no ÷√d_k' : null].filter(Boolean);

  const bug = mysteryBug(values.challenge);
  const mystery = run(engine, tokens, CHALLENGE_DK, { mask: 'causal', scale: bug !== 'no-scale', mistake: bug === 'no-scale' ? null : bug }, d === CHALLENGE_DK ? w : undefined);
  const feedback = values.checked && values.answer ? challengeFeedback(bug, values.answer, mystery.head.weights, n, tokens) : null;

  return {
    tokens, n, message, sqrtDK: right.sqrtDK,
    correct: right.head.weights, buggy: wrong.head.weights,
    stages: { correct: `softmax weights, d_k = ${d}`, buggy: active.length ? `with ${active.join(' and ')}` : 'no bug switched on' },
    diagnosis,
    rowSums: dg.rowSums.map(fmt).join(', '), colSums: dg.colSums.map(fmt).join(', '), future: fmt(dg.future),
    futureNote: causal ? ' (should be 0.00 with the causal mask on)' : ' (the causal mask is off, so later tokens are allowed)',
    table,
    mystery: { bug, weights: mystery.head.weights, stage: `mystery number ${values.challenge}` },
    feedback,
  };
}
