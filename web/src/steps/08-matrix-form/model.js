// Step 8's model: inputs + engine → the engine's attention at the chosen sizes, every shape of the
// pipeline read from the lengths of what the engine returned, the sentences about the products'
// inner sizes, and one output row traced back as one weights row times V (checked with the
// engine's matmul). Pure, no DOM.
import { embed, randomMatrix } from '../../model/toy-model.js';
import { formatAnswer, formatCount, formatNumber, formatShape } from '../../lib/format.js';
import { article, plural } from '../../lib/text.js';
import { SHOW_DIGITS } from './inputs.js';

/**
 * → { n, dModel, dK, query, view, notes, tokens, head, shapes { x, w, q, scores, weights, output }
 *     ([rows, cols] each), engineLine, countLine, productLines, traceLines, same (output row ==
 *     weights row · V) }
 */
export function model(values, engine) {
  const { n, dModel, seed, view } = values;
  const notes = [];
  let dK = values.dK;
  if (dK > dModel) { notes.push(`d_k cannot be larger than d_model (${dModel}) here, so ${dK} became ${dModel}.`); dK = dModel; }
  const query = Math.min(values.query, n - 1); // a traced row past a smaller N is the last row
  const tokens = Array.from({ length: n }, (_, i) => `t${i + 1}`);
  const x = embed(tokens, dModel, seed);
  const h = engine.attention({
    x, n, dModel, heads: 1, dK, dV: dK,
    wq: randomMatrix(dModel, dK, seed * 4 + 1), wk: randomMatrix(dModel, dK, seed * 4 + 2),
    wv: randomMatrix(dModel, dK, seed * 4 + 3), wo: randomMatrix(dK, dModel, seed * 4 + 4),
  }).heads[0];
  // Every shape is read from what the engine returned (length / rows).
  const cols = (m) => m.length / n;
  const shapes = { x: [n, x.length / n], w: [dModel, cols(h.q)], q: [n, cols(h.q)], scores: [n, cols(h.scores)], weights: [n, cols(h.weights)], output: [n, cols(h.output)] };
  const S = (s) => formatShape(s[0], s[1]);
  const [, qCols] = shapes.q, [, sCols] = shapes.scores, [, wCols] = shapes.weights, [, oCols] = shapes.output;
  const weightShape = S(shapes.weights), outShape = S(shapes.output);
  const transposeNote = n === dK
    ? `Here N = d_k = ${n}, so the sizes happen to fit, but that product would pair the wrong numbers: rows of Q must meet rows of K, which is what the transpose arranges.`
    : `the inner sizes ${dK} and ${n} differ, so it cannot be computed at all.`;
  const wRow = h.weights.slice(query * n, query * n + n);
  const again = engine.matmul(wRow, h.v, 1, n, dK);
  const outRow = h.output.slice(query * dK, query * dK + dK);
  const list = (a) => `(${Array.from(a.slice(0, SHOW_DIGITS), (v) => formatNumber(v)).join(', ')}${a.length > SHOW_DIGITS ? `, … ${a.length - SHOW_DIGITS} more` : ''})`;
  let same = again.length === outRow.length;
  for (let c = 0; same && c < outRow.length; c++) same = Math.abs(again[c] - outRow[c]) <= 1e-5 * Math.max(1, Math.abs(outRow[c]));
  const t = tokens[query];
  return {
    n, dModel, dK, query, view, notes, tokens, head: h, shapes, same,
    engineLine: `The engine produced ${article(weightShape)} ${weightShape} weight matrix and ${article(outShape)} ${outShape} output (one row per token, ${plural(oCols, 'number')} each).`,
    countLine: `${plural(n, 'token')} → ${S(shapes.scores)} scores = ${n * sCols === 1 ? '1 query–key pair' : `${formatCount(n * sCols)} query–key pairs`}, while Q, K and V each hold ${formatCount(n * qCols)} numbers.`,
    productLines: [
      `X (${formatShape(n, dModel)}) · W_Q (${formatShape(dModel, qCols)}): inner sizes ${dModel} and ${dModel} match → Q is ${formatShape(n, qCols)}.`,
      `Q (${formatShape(n, qCols)}) · Kᵀ (${formatShape(qCols, n)}): inner sizes ${qCols} and ${qCols} match → ${S(shapes.scores)}.`,
      `Q (${formatShape(n, qCols)}) · K (${formatShape(n, qCols)}) without the transpose: ${transposeNote}`,
      `weights (${weightShape}) · V (${formatShape(n, qCols)}): inner sizes ${wCols} and ${n} match → ${outShape}.`,
    ],
    traceLines: [
      `Row ${t} of the weights is 1 × ${n}: ${list(wRow)}.`,
      `Multiplied by all of V (${formatShape(n, dK)}) it gives a 1 × ${again.length} row: ${list(again)}.`,
      `Row ${t} of the engine\u2019s output: ${list(outRow)}, ${same ? 'the same numbers' : 'which differs: please report this'}.`,
    ],
  };
}

/**
 * A size typed or dragged by the learner → { value (a whole number in range, or null: nothing
 * to set), note (a sentence, or null) }: out of range is clamped, a fraction is rounded, and the
 * note says which of the two happened.
 */
export function readSize(raw, label, min, max) {
  const v = Number(raw);
  if (raw === '' || !Number.isFinite(v)) return { value: null, note: `${label}: type a whole number from ${min} to ${max}.` };
  const c = Math.max(min, Math.min(max, Math.round(v)));
  if (c === v) return { value: c, note: null };
  if (v >= min && v <= max) return { value: c, note: `${label} must be a whole number, so ${formatAnswer(v)} became ${c}.` };
  return { value: c, note: `${label} must be from ${min} to ${max}, so it is ${c}.` };
}
