// Step 4's model: inputs + engine → the scores after the gap, their exponentials and total and
// the softmax shares (all from one engine.softmaxParts call), and the sentences: how lopsided the
// split is, what plain e^s would give, and how the prediction compares with the answer. Pure.
import { LABELS } from './inputs.js';
import { formatNumber } from '../../lib/format.js';
import { SHARE_RANGES, judgePrediction } from '../similarity-words.js';

const pct = (share) => `${formatNumber(share * 100, 1)}%`;

/**
 * → { n, labels, notes, scaled, exps, expSum, shares, shareSum, top, pick, ready, revealed,
 *     expTotalLine, plainLine, sharesLine, sumLine, gapLine, hint, resultLine }
 */
export function model(values, engine) {
  const n = values.scores.length;
  const labels = LABELS.slice(0, n);
  const notes = [];
  let pick = values.pick;
  if (pick > n - 1) { notes.push(`The predicted winner (${LABELS[pick]}) has no score any more, so no winner is picked.`); pick = -1; }
  // One engine call gives every stage: the scores times the gap, e^(score − largest), their
  // total and the shares.
  const parts = engine.softmaxParts(values.scores, 1, n, { scale: values.gap });
  const { scaled, exponentials: exps, weights: shares } = parts;
  const expSum = parts.sums[0];
  // Deliberately the naive formula, e^s without subtracting the largest score: the step shows
  // that it overflows where the engine's way does not.
  const plain = Array.from(scaled, (v) => Math.exp(v));
  const plainSum = plain.reduce((a, e) => a + e, 0);
  const shareSum = Array.from(shares).reduce((a, v) => a + v, 0);
  const top = Math.max(...shares);
  const gapLine = top >= 0.9
    ? `Large gaps: one clear winner takes ${pct(top)} of the attention.`
    : top <= 1 / n + 0.1
      ? `Small gaps: the attention is split almost evenly (the largest share is ${pct(top)}; an even split would give ${pct(1 / n)} each).`
      : `Medium gaps: a favourite with ${pct(top)}, the rest shared out.`;
  const ready = pick >= 0 && values.range !== '';
  const revealed = values.revealed;
  let resultLine = '';
  if (revealed) {
    if (!ready) resultLine = `No prediction was recorded. The largest share is ${pct(top)}.`;
    else {
      const j = judgePrediction({ pick, range: values.range }, Array.from(shares));
      const winners = j.winners.map((w) => labels[w]).join(' and ');
      const guessed = SHARE_RANGES.find((r) => r.id === values.range);
      resultLine = `${j.pickRight ? 'Right' : 'Not quite'}: you picked ${labels[pick]}, and the largest share goes to ${winners}. `
        + `You guessed ${guessed.label}; the actual largest share is ${pct(j.top)} (${j.rangeRight ? 'inside your range' : `in the range ${j.actualRange.label}`}).`;
    }
  }
  return {
    n, labels, notes, scaled, exps, expSum, shares, shareSum, top, pick, ready, revealed,
    expTotalLine: `Total of the exponentials: ${formatNumber(expSum, 3)}`,
    plainLine: plain.some((v) => !Number.isFinite(v))
      ? 'Without subtracting the largest score, e^s is too large for the computer here (it overflows to ∞), which is exactly why the subtraction is used.'
      : `Without subtracting: e^s = ${plain.map((v) => formatNumber(v)).join(', ')}, total ${formatNumber(plainSum)}. Same shares.`,
    sharesLine: `Shares: ${Array.from(shares, (v) => formatNumber(v, 3)).join(', ')}`,
    sumLine: `The shares add up to ${formatNumber(shareSum, 2)}`,
    gapLine,
    hint: revealed ? 'Revealed. Change the scores or the gap and the shares follow live.'
      : ready ? 'Ready: press Reveal to see the exponentials and the shares.'
        : 'Choose both answers, then press Reveal. The exponentials and shares stay hidden until then.',
    resultLine,
  };
}
