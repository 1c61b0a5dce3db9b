// Step 2's model: inputs + engine → the contextual vector of the rebuilt word, every word's
// weight, and the sentence saying where the word moved. Pure, no DOM. One engine.attention call
// with W_Q = pull·I, W_K = W_V = I and no √d scaling: the new vector is a softmax-weighted mix of
// the plain vectors. The words about the move are chosen from the measured numbers.
import { SENTENCES } from './inputs.js';
import { formatNumber, formatSigned, formatVector } from '../../lib/format.js';
import { movedToward } from '../similarity-words.js';

const N = 4, D = 2;

/**
 * → { sentence, words, x (4×2 plain vectors), follow, name, output (all 4×2), weights (4×4),
 *     from, to ([x, y] of the rebuilt word before and after), uniform, side, moved (sentence) }
 */
export function model(values, engine) {
  const sent = SENTENCES[values.sentence];
  const { words, rows } = sent;
  const x = rows.flatMap((r) => [values.vectors[r * 2], values.vectors[r * 2 + 1]]);
  const p = values.pull, f = values.follow;
  const h = engine.attention({ x, n: N, dModel: D, dK: D, dV: D, wq: [p, 0, 0, p], wk: [1, 0, 0, 1], wv: [1, 0, 0, 1], scale: false }).heads[0];
  const row = Array.from(h.weights.slice(f * N, f * N + N));
  const from = [x[f * 2], x[f * 2 + 1]];
  const to = [h.output[f * 2], h.output[f * 2 + 1]];
  const name = words[f];
  const uniform = Math.max(...row) - Math.min(...row) < 1e-6;
  const dx = to[0] - from[0], dy = to[1] - from[1];
  const side = uniform ? { side: 'none', text: 'neither sense' } : movedToward(dx, dy);
  const heaviest = row.reduce((b, w, j) => (j !== f && w > row[b] ? j : b), f === 0 ? 1 : 0);
  let moved;
  if (uniform) {
    moved = `In “${sent.text}” with pull ${formatNumber(p, 1)}, every score is the same, so each word gets the same weight (${formatNumber(row[0], 2)}): ${name}′ = ${formatVector(to)} is just the average of the four plain vectors, not a pull toward either sense. Raise the pull to let the words most like ${name} count more.`;
  } else {
    moved = `In “${sent.text}”, ${name} moves from ${formatVector(from)} to ${name}′ = ${formatVector(to)}: toward ${side.text} (fruit-ness ${formatSigned(dx)}, tech-ness ${formatSigned(dy)}). The word it leans on most, apart from itself, is “${words[heaviest]}” (weight ${formatNumber(row[heaviest], 2)}).`;
  }
  return { sentence: sent, words, x, follow: f, name, pull: p, output: h.output, weights: h.weights, row, from, to, uniform, side, moved };
}
