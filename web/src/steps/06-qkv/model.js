// Step 6's model: inputs + engine → Q, K, V, scores, weights and outputs (one engine.attention
// call), the followed query's dot products and value mix written out, and — comparing two models —
// whether the last edit moved the weights (editing W_V never does). Pure, no DOM.
import { embed, tokenize } from '../../model/toy-model.js';
import { formatNumber, formatVector } from '../../lib/format.js';
import { fitMatrix, maxAbsDiff, topK } from '../../lib/matrix.js';
import { possessive, productTerms } from '../../lib/text.js';
import { DEFAULT_SENTENCE, ENTRY, FIELDS, MAX_WORDS } from './inputs.js';

/** A new word's starting embedding: the toy model's seeded vector, rounded to one decimal. */
export const toyRow = (dim) => (token) => Array.from(embed([token], dim, 1), (v) => Math.round(Math.max(-3, Math.min(3, v)) * 10) / 10);
const identity = (d) => (i) => (Math.floor(i / d) === i % d ? 1 : 0);

/** The words the scene uses for a sentence (at most MAX_WORDS), or null when there are none. */
export function sentenceTokens(text) {
  const t = tokenize(text);
  return t.tokens ? t.tokens.slice(0, MAX_WORDS) : null;
}

/**
 * → { tokens, n, dim, query, fitted { x, wq, wk, wv } (the shapes used), notes, head, dotLines,
 *     mixLines, key (identity of the inputs, ignoring the followed query) }
 */
export function model(values, engine) {
  const notes = [];
  let tokens = sentenceTokens(values.sentence);
  if (!tokens) {
    tokens = DEFAULT_SENTENCE.split(' ');
    notes.push(`The sentence has no words, so the example “${DEFAULT_SENTENCE}” is used until you type at least one.`);
  } else if (tokenize(values.sentence).tokens.length > MAX_WORDS) notes.push(`This scene keeps the first ${MAX_WORDS} words so every number stays readable.`);
  const dim = values.dim, n = tokens.length;
  const fill = (i) => toyRow(dim)(tokens[Math.floor(i / dim)])[i % dim];
  const x = fitMatrix(values.x, n, dim, fill, { ...ENTRY, name: 'X (the embeddings)' });
  const fitted = { x: x.values };
  for (const k of ['wq', 'wk', 'wv']) {
    const f = fitMatrix(values[k], dim, dim, identity(dim), { ...ENTRY, name: FIELDS[k] });
    fitted[k] = f.values;
    if (f.problem) notes.push(f.problem);
  }
  if (x.problem) notes.push(x.problem);
  const i = Math.min(values.query, n - 1); // a query past the end of a shorter sentence is the last word
  const r = engine.attention({ x: fitted.x, n, dModel: dim, dK: dim, dV: dim, wq: fitted.wq, wk: fitted.wk, wv: fitted.wv });
  const h = r.heads[0];

  const name = tokens[i];
  const row = (m, j, width) => Array.from(m.subarray(j * width, j * width + width));
  const q = row(h.q, i, dim);
  const f = (v) => formatNumber(v);
  const dotLines = tokens.map((tok, j) => `q_${name} · k_${tok} = ${productTerms(q, row(h.k, j, dim), f)} = ${f(h.scores[i * n + j])}`);
  const wRow = row(h.weights, i, n);
  const best = topK(wRow, 1)[0];
  const mixLines = [
    `Scores divided by √${dim} ≈ ${formatNumber(r.sqrtDK, 3)} and passed through softmax give ${possessive(name)} weights ${wRow.map(f).join(', ')}; the largest goes to ${tokens[best.index]}.`,
    `out_${name} = ${tokens.map((tok, j) => `${f(wRow[j])}×v_${tok}`).join(' + ')}`,
    `= ${tokens.map((tok, j) => `${f(wRow[j])}×${formatVector(row(h.v, j, dim))}`).join(' + ')} = ${formatVector(row(h.output, i, dim))}`,
  ];
  const inputs = { sentence: values.sentence, dim, ...fitted };
  return { tokens, n, dim, query: i, fitted, notes, head: h, wRow, dotLines, mixLines, inputs, key: JSON.stringify(inputs) };
}

/** The "did the weights move?" line, comparing the model before an edit with the one after. */
export function changeLine(before, after) {
  if (!before) return 'Weights changed: not yet measured. Edit a number in W_V, then one in W_K, and watch this line.';
  let edited = Object.keys(FIELDS).filter((k) => JSON.stringify(before.inputs[k]) !== JSON.stringify(after.inputs[k]));
  if (edited.includes('dim')) edited = ['dim']; // a new width reshapes every matrix
  else if (edited.includes('sentence')) edited = ['sentence']; // new words bring new rows of X
  const names = edited.map((k) => FIELDS[k]);
  const what = names.length ? names.join(' and ') : 'the inputs';
  const dw = maxAbsDiff(before.head.weights, after.head.weights);
  const dOut = maxAbsDiff(before.head.output, after.head.output);
  const outMoved = dOut > 1e-6 ? 'the outputs changed' : 'the outputs stayed the same';
  return dw > 1e-6
    ? `Weights changed: yes. Your last edit (${what}) reached the queries or keys, so the scores and the weights moved${Number.isFinite(dw) ? ` (by up to ${formatNumber(dw, 3)})` : ''}; ${outMoved}.`
    : `Weights changed: no. Your last edit (${what}) left every weight exactly as it was; ${outMoved}${names.includes('W_V') ? ', because values only decide what gets mixed' : ''}.`;
}
