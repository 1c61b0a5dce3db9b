// scene-chain-similarity.test.js — the pure helpers of steps 1–5: roundTo, percentages, superscripts, the recurrent-chain
// bookkeeping, and the words chosen from numbers (dot-product cases from the engine's angles, direction of a move,
// softmax predictions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roundTo, formatPercent, superscript } from '../../web/src/lib/format.js';
import { shortLabel } from '../../web/src/lib/text.js';
import { survivalAt, hopCounts, chainStages, hopsToFade } from '../../web/src/steps/recurrent-chain.js';
import { dotRelation, movedToward, rangeOf, judgePrediction, SHARE_RANGES } from '../../web/src/steps/similarity-words.js';

test('roundTo stores coordinates without float noise', () => {
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
  assert.equal(formatPercent(0.343), '34%');
  assert.equal(formatPercent(0.004), '<1%');
  assert.equal(formatPercent(NaN), 'n/a');
  assert.equal(superscript(12), '¹²');
  assert.equal(shortLabel('abcdefghijkl', 5), 'abcd…');
  assert.equal(shortLabel('abc', 5), 'abc');
});

// Lengths and angles come from the engine now (engine.dotProductParts, tested in
// scene-dot-product.test.js); the words for each case are chosen here.
test('the three dot-product cases', () => {
  assert.equal(dotRelation(0, 5).kind, 'same');
  assert.match(dotRelation(0, 5).text, /same way → positive/);
  assert.equal(dotRelation(90, 0).text, 'at a right angle → 0');
  // Near a right angle the dot product need not print as 0: the words say so.
  assert.equal(dotRelation(94, -2).kind, 'perpendicular');
  assert.match(dotRelation(94, -2).text, /^almost at a right angle → slightly negative/);
  assert.match(dotRelation(87, 0.5).text, /slightly positive/);
  assert.match(dotRelation(180, -4).text, /^opposite → negative/);
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
