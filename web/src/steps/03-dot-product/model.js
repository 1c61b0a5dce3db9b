// Step 3's model: inputs + engine → every dot product of the shown vectors (one
// engine.dotProducts call), the chosen pair's lengths (√ of its own dot products) and angle, and
// the sentences naming the case (same way, right angle, apart). Pure, no DOM.
import { NAMES } from './inputs.js';
import { formatNumber } from '../../lib/format.js';
import { lengthFromDot, angleDegrees, dotRelation } from '../similarity-words.js';

/**
 * → { n, names, x, i, j, notes, gram (n×n), dot, lenA, lenB, angle, relation { kind, text },
 *     dotLine, lengthsLine, angleLine, relationLine }
 */
export function model(values, engine) {
  const n = values.count;
  const notes = [];
  const clampPick = (v, label) => {
    if (v <= n - 1) return v;
    notes.push(`The ${label} (${NAMES[v]}) is not shown with ${n} vectors, so it is ${NAMES[n - 1]}.`);
    return n - 1;
  };
  const i = clampPick(values.a, 'first vector'), j = clampPick(values.b, 'second vector');
  const x = values.vectors.slice(0, n * 2);
  const gram = engine.dotProducts(x, x, n, n, 2);
  const lenA = lengthFromDot(gram[i * n + i]);
  const lenB = lengthFromDot(gram[j * n + j]);
  const dot = gram[i * n + j];
  const angle = angleDegrees(dot, lenA, lenB);
  const relation = dotRelation(angle);
  const names = NAMES.slice(0, n);
  const f = (v) => formatNumber(v);
  const p = (v) => (v < 0 ? `(${f(v)})` : f(v));
  return {
    n, names, x, i, j, notes, gram, dot, lenA, lenB, angle, relation,
    dotLine: `${names[i]} · ${names[j]} = ${p(x[i * 2])}×${p(x[j * 2])} + ${p(x[i * 2 + 1])}×${p(x[j * 2 + 1])} = ${f(dot)}`,
    lengthsLine: `|${names[i]}| = √(${names[i]}·${names[i]}) = √${f(gram[i * n + i])} = ${f(lenA)};  |${names[j]}| = √${f(gram[j * n + j])} = ${f(lenB)}`,
    angleLine: angle === null ? 'Angle: undefined (a vector of length 0 has no direction).'
      : `Angle between them: ${Math.round(angle)}°  (cos = ${f(dot)} ÷ (${f(lenA)} × ${f(lenB)}) = ${f(dot / (lenA * lenB))})`,
    relationLine: `${names[i]} and ${names[j]}: ${relation.text}.`,
  };
}
