// Words chosen from numbers the engine already computed (steps 2–4): how two vectors point (from
// the angle engine.dotProductParts measured), which way a contextual vector moved, and how a
// learner's softmax prediction compares with the answer. Pure bookkeeping: comparisons, no maths.

/**
 * Which of the lesson's three cases a pair is in, from the angle (degrees or null) and the dot
 * product itself, so the words never contradict the number beside them: "→ 0" only when the dot
 * product prints as 0.00, and nothing called large when the vectors are short.
 * → { kind: 'same'|'partly-same'|'perpendicular'|'partly-opposite'|'opposite'|'no-direction', text }
 */
export function dotRelation(angle, dot = 0) {
  if (angle === null) return { kind: 'no-direction', text: 'one vector has length 0, so it has no direction → 0' };
  if (angle <= 20) return { kind: 'same', text: 'pointing the same way → positive, almost the two lengths multiplied' };
  if (angle < 85) return { kind: 'partly-same', text: 'pointing partly the same way → positive' };
  if (angle <= 95) {
    return Math.abs(dot) < 0.005
      ? { kind: 'perpendicular', text: 'at a right angle → 0' }
      : { kind: 'perpendicular', text: `almost at a right angle → ${dot > 0 ? 'slightly positive' : 'slightly negative'}, small next to the two lengths multiplied` };
  }
  if (angle < 160) return { kind: 'partly-opposite', text: 'pointing partly apart → negative' };
  return { kind: 'opposite', text: 'opposite → negative, almost minus the two lengths multiplied' };
}

/**
 * Which side of the meaning plot (x: fruit, y: tech) a vector moved toward, from its change.
 * → { side: 'tech'|'fruit'|'none', text }
 */
export function movedToward(dx, dy, tolerance = 0.005) {
  // Along the diagonal from fruit (x) to tech (y), the side is the sign of (dy − dx).
  const lean = dy - dx;
  if (Math.abs(lean) <= tolerance) return { side: 'none', text: 'neither side: it did not lean toward fruit or tech' };
  return lean > 0
    ? { side: 'tech', text: 'the tech side' }
    : { side: 'fruit', text: 'the fruit side' };
}

/** The share ranges a learner can predict in step 4, as [low, high) with a label. */
export const SHARE_RANGES = [
  { id: 'lt40', low: 0, high: 0.4, label: 'under 40%' },
  { id: '40-60', low: 0.4, high: 0.6, label: '40% to 60%' },
  { id: '60-80', low: 0.6, high: 0.8, label: '60% to 80%' },
  { id: '80-95', low: 0.8, high: 0.95, label: '80% to 95%' },
  { id: 'gt95', low: 0.95, high: 1.000001, label: 'over 95%' },
];

/** The range a share falls in. */
export function rangeOf(share) {
  return SHARE_RANGES.find((r) => share >= r.low && share < r.high) ?? SHARE_RANGES[SHARE_RANGES.length - 1];
}

/**
 * Compares a prediction ({ pick: index, range: id }) with the shares. The largest share may be
 * tied; any of the tied entries counts as right. → { pickRight, rangeRight, winners: index[], top }
 */
export function judgePrediction(prediction, shares) {
  let top = -Infinity;
  for (const s of shares) top = Math.max(top, s);
  const winners = [];
  shares.forEach((s, i) => { if (top - s <= 1e-6) winners.push(i); });
  const actual = rangeOf(top);
  return {
    pickRight: winners.includes(prediction.pick),
    rangeRight: actual.id === prediction.range,
    winners,
    top,
    actualRange: actual,
  };
}
