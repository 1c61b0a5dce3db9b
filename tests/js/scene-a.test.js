// scene-a.test.js — the pure helpers of steps 1–5: input fallbacks, the recurrent-chain
// bookkeeping, and the words chosen from numbers (dot-product cases, direction of a move,
// softmax predictions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanNumber, cleanInt, cleanChoice, cleanNumbers, cleanList, fallbackMessage, roundTo } from '../../web/src/steps/a-inputs.js';
import { survivalAt, hopCounts, chainStages, hopsToFade, percentText, power, shortLabel } from '../../web/src/steps/a-chain.js';
import { lengthFromDot, angleDegrees, dotRelation, movedToward, rangeOf, judgePrediction, SHARE_RANGES } from '../../web/src/steps/a-words.js';

test('numbers from a URL fall back when missing, not finite or out of range', () => {
  assert.deepEqual(cleanNumber(0.7, 0.5, 0.95, 0.8), { value: 0.7, ok: true });
  for (const bad of [NaN, Infinity, '0.7', null, undefined, 2, 0.1]) assert.deepEqual(cleanNumber(bad, 0.5, 0.95, 0.8), { value: 0.8, ok: false });
  assert.deepEqual(cleanInt(2, 0, 3, 1), { value: 2, ok: true });
  assert.deepEqual(cleanInt(2.5, 0, 3, 1), { value: 1, ok: false });
  assert.deepEqual(cleanInt(-1, 0, 3, 1), { value: 1, ok: false });
  assert.deepEqual(cleanChoice('juice', ['phones', 'juice'], 'phones'), { value: 'juice', ok: true });
  assert.deepEqual(cleanChoice('<img>', ['phones', 'juice'], 'phones'), { value: 'phones', ok: false });
});

test('arrays must have the right length and only finite numbers in range', () => {
  const fb = [1, 2, 3];
  assert.deepEqual(cleanNumbers([0, 0, 0], 3, -1, 1, fb), { value: [0, 0, 0], ok: true });
  assert.deepEqual(cleanNumbers([0, 0], 3, -1, 1, fb), { value: fb, ok: false });
  assert.deepEqual(cleanNumbers([0, NaN, 0], 3, -1, 1, fb), { value: fb, ok: false });
  assert.deepEqual(cleanNumbers([0, 5, 0], 3, -1, 1, fb), { value: fb, ok: false });
  assert.deepEqual(cleanNumbers('abc', 3, -1, 1, fb), { value: fb, ok: false });
  assert.deepEqual(cleanList([1, 2], 2, 8, -100, 100, fb), { value: [1, 2], ok: true });
  assert.deepEqual(cleanList([1], 2, 8, -100, 100, fb).ok, false);
  assert.deepEqual(cleanList(new Array(9).fill(0), 2, 8, -100, 100, fb).ok, false);
  const out = cleanNumbers(fb, 3, 0, 5, [0, 0, 0]).value;
  out[0] = 99;
  assert.equal(fb[0], 1, 'returns a copy');
});

test('fallback messages list the fields in words', () => {
  assert.equal(fallbackMessage([]), '');
  assert.match(fallbackMessage(['the pull']), /\(the pull\), so it shows its starting values/);
  assert.match(fallbackMessage(['a', 'b', 'c']), /\(a, b and c\), so they show/);
  assert.equal(roundTo(0.30000000000000004), 0.3);
  assert.equal(roundTo(-1.005, 1), -1);
});

test('the chain keeps retention^distance of each token read so far', () => {
  const s = survivalAt(0.5, 4, 3);
  assert.deepEqual(s, [0.125, 0.25, 0.5, 1]);
  assert.deepEqual(survivalAt(0.5, 4, 1), [0.5, 1, null, null]);
  assert.deepEqual(hopCounts(0, 3), { rnn: 3, attention: 1 });
  assert.deepEqual(hopCounts(3, 0), { rnn: 3, attention: 1 });
  assert.deepEqual(hopCounts(2, 2), { rnn: 0, attention: 0 });
  assert.deepEqual(chainStages(['The', 'cat']), ['h1 = f(“The”, h0)', 'h2 = f(“cat”, h1)']);
  assert.equal(hopsToFade(0.7, 0.1), 7); // 0.7^6 ≈ 0.118, 0.7^7 ≈ 0.082
  assert.equal(hopsToFade(0.5, 0.125), 3);
  assert.equal(hopsToFade(1), Infinity);
  assert.equal(percentText(0.343), '34%');
  assert.equal(percentText(0.004), '<1%');
  assert.equal(percentText(NaN), 'n/a');
  assert.equal(power(12), '¹²');
  assert.equal(shortLabel('abcdefghijkl', 5), 'abcd…');
  assert.equal(shortLabel('abc', 5), 'abc');
});

test('lengths, angles and the three dot-product cases', () => {
  assert.equal(lengthFromDot(9), 3);
  assert.equal(lengthFromDot(-1e-9), 0);
  assert.equal(angleDegrees(0, 1, 2), 90);
  assert.equal(angleDegrees(1, 0, 2), null);
  assert.ok(Math.abs(angleDegrees(-2, Math.sqrt(8), 1) - 135) < 1e-9);
  assert.equal(angleDegrees(4.000001, 2, 2), 0, 'rounding noise is clamped');
  assert.equal(dotRelation(0).kind, 'same');
  assert.match(dotRelation(0).text, /same way → large positive/);
  assert.equal(dotRelation(90).text, 'perpendicular → 0');
  assert.equal(dotRelation(180).text, 'opposite → negative');
  assert.equal(dotRelation(45).kind, 'partly-same');
  assert.equal(dotRelation(135).kind, 'partly-opposite');
  assert.equal(dotRelation(null).kind, 'no-direction');
});

test('which side a contextual vector moved toward', () => {
  assert.equal(movedToward(-0.56, 0.46).side, 'tech');
  assert.equal(movedToward(0.46, -0.56).side, 'fruit');
  assert.equal(movedToward(0.001, 0.001).side, 'none');
});

test('softmax predictions: winner (ties allowed) and share range', () => {
  assert.equal(rangeOf(0.946).id, '80-95');
  assert.equal(rangeOf(0.95).id, 'gt95');
  assert.equal(rangeOf(1).id, 'gt95');
  assert.equal(rangeOf(0.2).id, 'lt40');
  const j = judgePrediction({ pick: 2, range: '80-95' }, [0.006, 0.047, 0.946]);
  assert.deepEqual([j.pickRight, j.rangeRight, j.winners], [true, true, [2]]);
  const tie = judgePrediction({ pick: 0, range: '40-60' }, [0.5, 0.5]);
  assert.deepEqual([tie.pickRight, tie.rangeRight, tie.winners], [true, true, [0, 1]]);
  const wrong = judgePrediction({ pick: 0, range: 'gt95' }, [0.1, 0.9]);
  assert.deepEqual([wrong.pickRight, wrong.rangeRight, wrong.actualRange.id], [false, false, '80-95']);
  assert.equal(SHARE_RANGES.length, 5);
});
