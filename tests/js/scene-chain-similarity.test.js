// scene-chain-similarity.test.js — the pure helpers of steps 1–5: input fallbacks (the
// scene-inputs.js readers with these steps' ranges), roundTo, percentages, superscripts, the recurrent-chain
// bookkeeping, and the words chosen from numbers (dot-product cases from the engine's angles, direction of a move,
// softmax predictions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNumber, readInt, readChoice, readNumbers, readNumberList } from '../../web/src/steps/scene-inputs.js';
import { roundTo, formatPercent, superscript } from '../../web/src/lib/format.js';
import { shortLabel } from '../../web/src/lib/text.js';
import { survivalAt, hopCounts, chainStages, hopsToFade } from '../../web/src/steps/recurrent-chain.js';
import { dotRelation, movedToward, rangeOf, judgePrediction, SHARE_RANGES } from '../../web/src/steps/similarity-words.js';

test('numbers from a URL fall back when missing or not finite, and are clamped when out of range', () => {
  const retention = (v) => readNumber(v, { min: 0.5, max: 0.95, fallback: 0.8, name: 'retention' });
  assert.deepEqual(retention(0.7), { value: 0.7, message: null });
  for (const bad of [NaN, Infinity, '0.7', null, undefined]) {
    const r = retention(bad);
    assert.equal(r.value, 0.8);
    assert.match(r.message, /^The retention setting .*not a (finite )?number, so it is back to 0\.8\.$/);
  }
  assert.deepEqual(retention(2), { value: 0.95, message: 'The retention must be from 0.5 to 0.95, so 2 became 0.95.' });
  assert.deepEqual(retention(0.1), { value: 0.5, message: 'The retention must be from 0.5 to 0.95, so 0.1 became 0.5.' });
  const index = (v) => readInt(v, { min: 0, max: 3, fallback: 1, name: 'first word' });
  assert.deepEqual(index(2), { value: 2, message: null });
  assert.deepEqual(index(2.5), { value: 1, message: 'The first word setting (2.5) is not a whole number, so it is back to 1.' });
  assert.deepEqual(index(-1), { value: 0, message: 'The first word must be from 0 to 3, so -1 became 0.' });
  assert.deepEqual(readChoice('juice', ['phones', 'juice'], 'phones', 'sentence'), { value: 'juice', message: null });
  assert.deepEqual(readChoice('<img>', ['phones', 'juice'], 'phones', 'sentence'),
    { value: 'phones', message: 'The sentence setting ("<img>") is not one of phones, juice, so it is back to phones.' });
});

test('arrays must have the right length and only finite numbers in range', () => {
  const fb = [1, 2, 3];
  const three = (v) => readNumbers(v, 3, { min: -1, max: 1, fallback: fb, name: 'vectors' });
  assert.deepEqual(three([0, 0, 0]), { value: [0, 0, 0], message: null });
  for (const bad of [[0, 0], [0, NaN, 0], [0, 5, 0], 'abc']) {
    assert.deepEqual(three(bad), { value: fb, message: 'The vectors in the link should be 3 numbers from -1 to 1, so the starting values are shown.' });
  }
  const scores = (v) => readNumberList(v, { minLength: 2, maxLength: 8, min: -100, max: 100, fallback: fb, name: 'scores' });
  assert.deepEqual(scores([1, 2]), { value: [1, 2], message: null });
  assert.deepEqual(scores([1]).value, fb);
  assert.deepEqual(scores(new Array(9).fill(0)).value, fb);
  assert.match(scores([1]).message, /^The scores in the link should be 2 to 8 numbers from -100 to 100, so the starting values are shown\.$/);
  const input = [1, 2, 3];
  readNumbers(input, 3, { min: 0, max: 5, fallback: [0, 0, 0], name: 'x' });
  readNumberList(input, { minLength: 2, maxLength: 8, min: 0, max: 2, fallback: [0, 0], name: 'x' });
  assert.deepEqual(input, [1, 2, 3], 'the readers never change what they are given');
});

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
