// Step 7's model: inputs + engine → every number and sentence the worked example shows (the
// matrices for the tables and heatmaps, the trace of the followed row, the announcement).
// Pure: no DOM. Every number comes from one engine.attention call; the words are built from those
// numbers with the lesson's one number format.
import { TOKENS } from './inputs.js';
import { formatNumber, formatVector } from '../../lib/format.js';
import { rowSums } from '../../lib/matrix.js';
import { possessive } from '../../lib/text.js';

const N = 3, D = 2;

/**
 * values: { x (3×2), wq, wk, wv (2×2), query (row 0–2) } already checked by the schema.
 * → { tokens, query, head (the engine's head 0: q, k, v, scores, scaled, weights, output),
 *     divisor, exps, expSum, weightSums, trace: string[], announce: string }
 */
export function model(values, engine) {
  const { x, wq, wk, wv, query: i } = values;
  const r = engine.attention({ x, n: N, dModel: D, dK: D, dV: D, wq, wk, wv });
  const head = r.heads[0];
  // The divisor and the followed row's softmax stages come from the engine too: √d_k as the
  // engine computed it, and e^(score − the row's largest) with their total.
  const divisor = r.sqrtDK;
  const parts = engine.softmaxParts(head.scaled.slice(i * N, i * N + N), 1, N);
  const exps = Array.from(parts.exponentials);
  const expSum = parts.sums[0];

  const at = (m, row, col, cols = D) => m[row * cols + col];
  const pair = (m, row) => [at(m, row, 0), at(m, row, 1)];
  const name = TOKENS[i];
  const qi = pair(head.q, i);
  const f = (v) => formatNumber(v, 2);
  const trace = TOKENS.map((t, j) => {
    const kj = pair(head.k, j);
    return `${possessive(name)} query ${formatVector(qi)} · ${possessive(t)} key ${formatVector(kj)} = ${f(qi[0])}×${f(kj[0])} + ${f(qi[1])}×${f(kj[1])} = ${f(at(head.scores, i, j, N))}`;
  });
  trace.push(`Divide each by √${D} ≈ ${formatNumber(divisor, 3)}: ${[0, 1, 2].map((j) => formatNumber(at(head.scaled, i, j, N), 3)).join(', ')}.`);
  trace.push(`Softmax: e^(score − largest) gives ${exps.map((e) => formatNumber(e, 3)).join(', ')}; each over their total ${formatNumber(expSum, 3)} gives the weights ${[0, 1, 2].map((j) => formatNumber(at(head.weights, i, j, N), 4)).join(', ')} — they add up to ${formatNumber(rowSums(head.weights, N, N)[i], 2)}.`);
  trace.push(`${possessive(name)} new vector = ${TOKENS.map((t, j) => `${f(at(head.weights, i, j, N))}×${possessive(t)} value ${formatVector(pair(head.v, j))}`).join(' + ')} = ${formatVector(pair(head.output, i), 3)}.`);
  const announce = `${name} now gives weights ${TOKENS.map((t, j) => `${t} ${f(at(head.weights, i, j, N))}`).join(', ')}.`;
  return { tokens: TOKENS, query: i, head, divisor, exps, expSum, weightSums: rowSums(head.weights, N, N), trace, announce };
}
