// Step 5's model: inputs + engine → plain dot-product scores, their softmax weights and the mixed
// vectors (one engine.attention call with identity projections and no scaling), the learner's
// hand mix of Apple (engine.matmul), and the sentences about the two problems: nothing to tune,
// and scores that are always symmetric. Pure, no DOM.
import { TOKENS } from './inputs.js';
import { formatNumber, formatVector } from '../../lib/format.js';
import { rowSums } from '../../lib/matrix.js';
import { possessive } from '../../lib/text.js';

const I2 = [1, 0, 0, 1];

/**
 * → { head, i, j, apple (Apple's softmax weights), handMix [x, y], mixTotal, mixLine, mixSumLine,
 *     knobsLine, symmetric, symmetryLine, rowNormLine }
 */
export function model(values, engine) {
  const { x, mix, a: i, b: j } = values;
  const h = engine.attention({ x, n: 3, dModel: 2, dK: 2, dV: 2, wq: I2, wk: I2, wv: I2, scale: false }).heads[0];
  const apple = [h.weights[3], h.weights[4], h.weights[5]];
  const handMix = Array.from(engine.matmul(mix, x, 1, 3, 2));
  const mixTotal = mix.reduce((t, w) => t + w, 0);
  const f = (v) => formatNumber(v);
  const appleText = apple.map(f).join(', ');
  const mixSumLine = Math.abs(mixTotal - 1) < 0.005
    ? `Your weights add up to 1, like softmax weights always do. Softmax would give Apple ${appleText}.`
    : `Your weights add up to ${f(mixTotal)}, not 1, so this mix is also ${mixTotal > 1 ? 'stretched' : 'shrunk'} by that factor; softmax weights always add up to 1 (for Apple: ${appleText}).`;
  const sij = h.scores[i * 3 + j], sji = h.scores[j * 3 + i];
  const A = TOKENS[i], B = TOKENS[j];
  const symmetric = Math.abs(sij - sji) <= 1e-5 * Math.max(1, Math.abs(sij));
  let rowNormLine;
  if (i === j) rowNormLine = 'Pick two different words to compare the two directions.';
  else {
    // Plain e^s (not minus the row maximum) on purpose: the same numerator over two row totals.
    const exps = Array.from(h.scores, (s) => Math.exp(s));
    const totals = rowSums(exps, 3, 3);
    rowNormLine = `The weights can still differ: ${A}→${B} gets ${f(h.weights[i * 3 + j])} and ${B}→${A} gets ${f(h.weights[j * 3 + i])}. `
      + `Both start from the same exp(${f(sij)}) = ${f(exps[i * 3 + j])}; it is only divided by a different row total (${possessive(A)} row: ${f(totals[i])}, ${possessive(B)} row: ${f(totals[j])}). `
      + 'The relevance itself cannot be one-sided.';
  }
  return {
    head: h, i, j, apple, handMix, mixTotal,
    mixLine: `${f(mix[0])} × love + ${f(mix[1])} × Apple + ${f(mix[2])} × phones = ${formatVector(handMix)}`,
    mixSumLine,
    knobsLine: 'Every number above follows from the three embeddings alone: the score is a plain dot product, softmax and the mix are fixed arithmetic. '
      + 'The only way to change who attends to whom is to move the embeddings themselves, so there is nothing separate that training could adjust.',
    symmetric,
    symmetryLine: symmetric ? `score(${A}→${B}) = score(${B}→${A}) = ${f(sij)}` : `score(${A}→${B}) = ${f(sij)}, score(${B}→${A}) = ${f(sji)}`,
    rowNormLine,
  };
}
