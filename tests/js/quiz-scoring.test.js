// quiz-scoring.test.js — every question in the bank is answerable (on several variants its
// decoded or computed answer scores full marks, a wrong answer does not), numeric tolerance edges,
// lenient number parsing, ordering partial credit (commuting stages), credit for later tries,
// totals, and the answer keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUESTIONS } from '../../web/src/quiz/questions.js';
import { check, solutionOf, totals, orderCredit, progressText, retryCredit } from '../../web/src/quiz/scoring.js';
import { parseAnswer } from '../../web/src/lib/format.js';
import { answerOf, encodeAnswer, decodeAnswer } from '../../web/src/quiz/answer-key.js';
import { instanceOf } from './quiz-solvers.js';
import { referenceEngine as fakeEngine } from './quiz-reference-engine.js';

const near = (a, b, tol = 1e-4) => assert.ok(Math.abs(a - b) <= tol, `${a} should be within ${tol} of ${b}`);

// The correct response for any question, from its key or its computation.
function correctResponse(q, c) {
  if (q.kind === 'choice' || q.kind === 'order') return answerOf(q);
  if (q.kind === 'numeric') return q.compute(c.engine);
  if (q.kind === 'cell') return q.compute(c.engine).answer;
  throw new Error(q.kind);
}
function wrongResponse(q, c) {
  if (q.kind === 'choice') return q.options.find((o) => o.id !== answerOf(q)).id;
  if (q.kind === 'order') return answerOf(q).slice().reverse();
  if (q.kind === 'numeric') return correctResponse(q, c) + 10 * (q.tolerance || 0) + 1;
  if (q.kind === 'cell') {
    const live = q.compute(c.engine);
    for (let r = 0; r < live.rows; r += 1) for (let col = 0; col < live.cols; col += 1) {
      if (!live.accept.some((a) => a.row === r && a.col === col)) return { row: r, col };
    }
  }
  throw new Error(`no wrong response for ${q.id}`);
}

for (const seed of [1, 99, 123457]) {
  test(`every question: the right response scores 1, a wrong one does not (variant seed ${seed})`, () => {
    const c = { engine: fakeEngine };
    for (const t of QUESTIONS) {
      const q = instanceOf(t, seed, fakeEngine);
      const right = check(q, correctResponse(q, c), c);
      assert.equal(right.correct, true, `${q.id}: correct response should be correct`);
      assert.equal(right.score, 1, `${q.id}: full marks`);
      assert.match(right.feedback, /^Correct \u2014 /, `${q.id}: feedback starts with a word`);
      const wrong = check(q, wrongResponse(q, c), c);
      assert.equal(wrong.correct, false, `${q.id}: wrong response must not be correct`);
      assert.ok(wrong.score < 1, `${q.id}: wrong response must not get full marks`);
      assert.match(wrong.feedback, /^Not quite \u2014 /, `${q.id}`);
      assert.ok(solutionOf(q, c).text.length > 10, `${q.id}: has a solution text`);
    }
  });
}

test('a computed answer matches a hand computation', () => {
  const q = instanceOf(QUESTIONS.find((x) => x.id === 'dot-value'), 5, fakeEngine);
  const hand = q.params.q.reduce((s, v, i) => s + v * q.params.k[i], 0);
  assert.equal(q.compute(fakeEngine), hand);
  const sm = instanceOf(QUESTIONS.find((x) => x.id === 'softmax-weight'), 5, fakeEngine);
  const e = sm.params.scores.map(Math.exp);
  near(sm.compute(fakeEngine), e[sm.params.j] / e.reduce((a, b) => a + b, 0), 1e-9);
});

test('cell questions use the snapshot the learner saw (ctx.live) when given', () => {
  const q = instanceOf(QUESTIONS.find((x) => x.id === 'we-largest-weight'), 3, fakeEngine);
  const live = q.compute(fakeEngine);
  const before = fakeEngine.calls;
  assert.equal(check(q, live.answer, { live }).correct, true);
  assert.equal(fakeEngine.calls, before, 'no engine call when a snapshot is passed');
  assert.equal(check(q, { row: 9, col: 1 }, { live }).invalid, true);
  assert.equal(check(q, null, { live }).invalid, true);
});

test('numeric tolerance edges', () => {
  const q = { id: 't1', kind: 'numeric', tolerance: 0.01, key: encodeAnswer('t1', 0.5) };
  assert.equal(check(q, 0.51, {}).correct, true, 'exactly at +tolerance counts');
  assert.equal(check(q, 0.49, {}).correct, true, 'exactly at −tolerance counts');
  assert.equal(check(q, 0.5101, {}).correct, false);
  assert.equal(check(q, 0.4899, {}).correct, false);
  assert.match(check(q, 0.6, {}).feedback, /too high/);
  assert.match(check(q, 0.4, {}).feedback, /too low/);
  const exact = { id: 't2', kind: 'numeric', tolerance: 0, key: encodeAnswer('t2', 10000) };
  assert.equal(check(exact, '10000', {}).correct, true);
  assert.equal(check(exact, '10,000', {}).correct, true);
  assert.equal(check(exact, '10001', {}).correct, false);
  const invalid = check(exact, 'ten thousand', {});
  assert.equal(invalid.invalid, true);
  assert.equal(invalid.score, 0);
});

test('lenient number parsing', () => {
  assert.equal(parseAnswer(' 0.25 '), 0.25);
  assert.equal(parseAnswer('0,25'), 0.25);
  assert.equal(parseAnswer('.25'), 0.25);
  assert.equal(parseAnswer('25%'), 0.25);
  assert.equal(parseAnswer('\u22123'), -3);
  assert.equal(parseAnswer('1e4'), 10000);
  assert.equal(parseAnswer('1,234,567'), 1234567);
  assert.ok(Number.isNaN(parseAnswer('')));
  assert.equal(parseAnswer('1/4'), 0.25);
  assert.equal(parseAnswer('0,250'), 0.25, 'a leading 0 is never a thousands group');
  assert.equal(parseAnswer('1,5'), 1.5);
  assert.equal(parseAnswer('\u2248 0.25'), 0.25);
  assert.equal(parseAnswer('0.25.'), 0.25);
  assert.equal(parseAnswer('16x'), 16);
  assert.equal(parseAnswer('\u00D716'), 16);
  assert.ok(Number.isNaN(parseAnswer('1/0')));
  assert.ok(Number.isNaN(parseAnswer('x')));
  assert.ok(Number.isNaN(parseAnswer('abc')));
  assert.ok(Number.isNaN(parseAnswer(Infinity)));
});

test('ordering partial credit: share of pairs in the right relative order', () => {
  const key = ['a', 'b', 'c', 'd'];
  assert.equal(orderCredit(key, ['a', 'b', 'c', 'd']).score, 1);
  assert.equal(orderCredit(key, ['d', 'c', 'b', 'a']).score, 0);
  const swap = orderCredit(key, ['b', 'a', 'c', 'd']);
  assert.equal(swap.pairs, 6);
  assert.equal(swap.pairsRight, 5);
  assert.equal(swap.inPlace, 2);
  assert.equal(swap.score, 5 / 6);
  const q = { id: 'o1', kind: 'order', items: key.map((id) => ({ id, text: id })), key: encodeAnswer('o1', key) };
  const r = check(q, ['b', 'a', 'c', 'd'], {});
  assert.equal(r.correct, false);
  assert.equal(r.score, 5 / 6);
  assert.match(r.feedback, /5 of 6 pairs/);
  assert.equal(check(q, ['a', 'a', 'c', 'd'], {}).invalid, true, 'duplicates are rejected');
  assert.equal(check(q, ['a', 'b', 'c'], {}).invalid, true, 'missing items are rejected');
  const bank = QUESTIONS.find((x) => x.id === 'summary-order');
  const k = answerOf(bank);
  const oneSwap = [k[1], k[0], ...k.slice(2)];
  const n = k.length;
  assert.equal(check(bank, oneSwap, {}).score, 1 - 1 / (n * (n - 1) / 2));
});

test('ordering: stages in one commuting group count in either order', () => {
  const key = ['a', 'b', 'c', 'd'];
  assert.equal(orderCredit(key, ['a', 'c', 'b', 'd'], [['b', 'c']]).score, 1);
  assert.equal(orderCredit(key, ['a', 'c', 'b', 'd'], [['b', 'c']]).inPlace, 4);
  assert.equal(orderCredit(key, ['c', 'a', 'b', 'd'], [['b', 'c']]).score, 5 / 6);
});

test('credit for a correct answer after misses', () => {
  const choice = { kind: 'choice', options: [1, 2, 3, 4] };
  assert.equal(retryCredit(choice, 0), 1);
  near(retryCredit(choice, 1), 2 / 3, 1e-12);
  assert.equal(retryCredit(choice, 3), 0);
  // Expected credit of ruling out options one by one at random: (1 + 2/3 + 1/3 + 0) / 4.
  const mean = [0, 1, 2, 3].reduce((s, k) => s + retryCredit(choice, k), 0) / 4;
  near(mean, 0.5, 1e-12);
  assert.equal(retryCredit({ kind: 'numeric' }, 2), 0.5, 'new numbers on a retry: half a point');
});

test('choice feedback uses the chosen option\u2019s own explanation', () => {
  const q = QUESTIONS.find((x) => x.kind === 'choice' && Array.isArray(x.options));
  for (const o of q.options) assert.ok(check(q, o.id, {}).feedback.endsWith(o.explain));
  assert.equal(check(q, 'zzz', {}).invalid, true);
});

test('totals, scaled score and the progress sentence', () => {
  const qs = QUESTIONS.slice(0, 4);
  const t = totals(qs, {
    [qs[0].id]: { score: 1, correct: true },
    [qs[1].id]: { score: 0.5, correct: false },
    [qs[2].id]: { score: 0, correct: false },
    'not-a-question': { score: 1, correct: true },
  });
  assert.deepEqual(t, { total: 4, answered: 3, correct: 1, raw: 1.5, min: 0, max: 4, scaled: 0.375 });
  assert.equal(progressText(t), '3 of 4 answered, 1 correct');
  assert.equal(totals([], {}).scaled, 0);
});

test('answer keys: round trip, bound to their question id', () => {
  for (const v of ['b', 0.6652, 10000, ['x', 'y'], { row: 1, col: 2 }]) assert.deepEqual(decodeAnswer('q', encodeAnswer('q', v)), v);
  const enc = encodeAnswer('one', 'c');
  assert.notEqual(encodeAnswer('two', 'c'), enc, 'same answer, different question → different key');
  assert.notDeepEqual(decodeAnswer('two', enc), 'c');
  assert.equal(decodeAnswer('q', '%%%not base64'), undefined);
  assert.equal(decodeAnswer('q', ''), undefined);
});

test('a computed question without an engine throws a readable error from check()', () => {
  const q = instanceOf(QUESTIONS.find((x) => x.id === 'we-weight'), 8, fakeEngine);
  assert.throws(() => check(q, '0.25', { engine: null }), /engine is not loaded/);
});
