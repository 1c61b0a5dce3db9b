// Step 16's model: inputs + engine → every number and sentence the summary shows: the four stages
// of softmax(QKᵀ/√dₖ)·V on the worked example (one engine.attention call), the lines that follow
// Apple's row through them, which glossary terms match the filter, and the objectives count.
// Also which build-time formula draws each factor's label (FACTOR_FORMULAS), so no label is drawn
// as text in a maths font that lacks its characters (the old "Kˢ"). Pure: no DOM.
import { TOKENS } from './inputs.js';
import { GLOSSARY } from '../../content/glossary.js';
import { OBJECTIVES } from '../../content/objectives.js';
import { formatNumber } from '../../lib/format.js';
import { rowSums } from '../../lib/matrix.js';
import { matchesFilter, possessive } from '../../lib/text.js';

const N = 3, D = 2;
const FOLLOWED = 1; // Apple's row

// The factor as written in content/steps.js formulaParts → the name of its build-time KaTeX
// formula in content/formulas.js, and words for a screen reader.
export const FACTOR_FORMULAS = Object.freeze({
  Q: { formula: 'factorQ', spoken: 'Q' },
  'Kᵀ': { formula: 'factorKT', spoken: 'K transposed' },
  'QKᵀ': { formula: 'factorQKT', spoken: 'Q times K transposed' },
  '/√d_k': { formula: 'factorScale', spoken: 'divided by the square root of d k' },
  softmax: { formula: 'factorSoftmax', spoken: 'softmax' },
  V: { formula: 'factorV', spoken: 'times V' },
});

/**
 * values: checked by the schema (x 3×2; wq, wk, wv 2×2; filter text; done indices).
 * → { tokens, head, sqrtDK, weightSums, captions, flow: string[4], glossary: { shown: boolean[],
 *     count: string }, done: Set-like array, doneCount: string, announceReset }
 */
export function model(values, engine) {
  const { x, wq, wk, wv, filter, done } = values;
  const r = engine.attention({ x, n: N, dModel: D, dK: D, dV: D, wq, wk, wv });
  const head = r.heads[0];
  const { sqrtDK } = r; // the engine's √dₖ, never recovered by dividing scores by scaled scores
  const sums = rowSums(head.weights, N, N);
  const row = (m, i, w) => Array.from(m.slice(i * w, i * w + w), (v) => formatNumber(v, 3)).join(', ');
  const who = possessive(TOKENS[FOLLOWED]);
  const flow = [
    `QKᵀ: ${who} scores against ${TOKENS.join(', ')} are ${row(head.scores, FOLLOWED, N)}.`,
    `÷ √dₖ: dₖ = ${D}, so they are divided by √${D} = ${formatNumber(sqrtDK, 3)} and become ${row(head.scaled, FOLLOWED, N)}.`,
    `softmax: ${who} weights are ${row(head.weights, FOLLOWED, N)}; the rows sum to ${sums.map((s) => formatNumber(s, 2)).join(', ')}.`,
    `· V: ${who} new vector is (${row(head.output, FOLLOWED, D)}).`,
  ];
  const text = filter.trim();
  const shown = GLOSSARY.map((g) => matchesFilter(`${g.term} ${g.meaning}`, filter));
  const matched = shown.filter(Boolean).length;
  return {
    tokens: TOKENS, head, sqrtDK, weightSums: sums, flow,
    captions: {
      scores: 'QKᵀ (raw scores)',
      scaled: `÷ √dₖ = ÷ ${formatNumber(sqrtDK, 2)}`,
      weights: 'softmax (each row sums to 1)',
      output: '· V (the new vectors)',
    },
    glossary: { shown, count: text ? `${matched} of ${GLOSSARY.length} terms match “${text}”.` : `All ${GLOSSARY.length} terms.` },
    done,
    doneCount: `${done.length} of ${OBJECTIVES.length} ticked.`,
  };
}
