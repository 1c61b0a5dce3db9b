// Step 3's model: inputs + engine → every dot product of the shown vectors, the chosen pair's
// lengths, cosine and angle (one engine.dotProductParts call computes them all), and the sentences
// naming the case (same way, right angle, apart). Pure, no DOM.
import { NAMES } from './inputs.js';
import { formatNumber } from '../../lib/format.js';
import { dotRelation } from '../similarity-words.js';

/**
 * → { n, names, x, i, j, notes, gram (n×n), dot, lenA, lenB, cosine, angle (null: a vector of
 *     length 0), relation { kind, text },
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
  const parts = engine.dotProductParts(x, n, 2);
  const gram = parts.dots;
  const lenA = parts.lengths[i];
  const lenB = parts.lengths[j];
  const dot = gram[i * n + j];
  const angle = Number.isNaN(parts.degrees[i * n + j]) ? null : parts.degrees[i * n + j]; // null: no direction
  const cosine = parts.cosines[i * n + j];
  const relation = dotRelation(angle, dot);
  const names = NAMES.slice(0, n);
  const f = (v) => formatNumber(v);
  const p = (v) => (v < 0 ? `(${f(v)})` : f(v));
  return {
    n, names, x, i, j, notes, gram, dot, lenA, lenB, cosine, angle, relation,
    dotLine: `${names[i]} · ${names[j]} = ${p(x[i * 2])}×${p(x[j * 2])} + ${p(x[i * 2 + 1])}×${p(x[j * 2 + 1])} = ${f(dot)}`,
    lengthsLine: `|${names[i]}| = √(${names[i]}·${names[i]}) = √${f(gram[i * n + i])} = ${f(lenA)};  |${names[j]}| = √${f(gram[j * n + j])} = ${f(lenB)}`,
    angleLine: angle === null ? 'Angle: undefined (a vector of length 0 has no direction).'
      : `Angle between them: ${Math.round(angle)}°  (cos = ${f(dot)} ÷ (${f(lenA)} × ${f(lenB)}) = ${f(cosine)})`,
    relationLine: `${names[i]} and ${names[j]}: ${relation.text}.`,
  };
}
