// quiz-scoring.test.js — every question in the bank is answerable (its decoded or computed answer
// scores full marks, a wrong answer does not), numeric tolerance edges, lenient number parsing,
// ordering partial credit, totals, and the live answers against the worked example's numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUESTIONS } from '../../web/src/quiz/questions.js';
import { check, solutionOf, totals, orderCredit, parseNumber, progressText } from '../../web/src/quiz/scoring.js';
import { answerOf, encodeAnswer, decodeAnswer } from '../../web/src/quiz/answer-key.js';
import { WORKED_EXAMPLE_DEFAULTS, normaliseInputs } from '../../web/src/quiz/live.js';

// A plain-JS stand-in for engine.attention (heads = 1), following the documented API.
function matmul(a, b, n, k, m) {
  const out = new Float32Array(n * m);
  for (let i = 0; i < n; i += 1) for (let j = 0; j < m; j += 1) {
    let s = 0;
    for (let t = 0; t < k; t += 1) s += a[i * k + t] * b[t * m + j];
    out[i * m + j] = s;
  }
  return out;
}
function softmaxRows(m, n, cols) {
  const out = new Float32Array(n * cols);
  for (let i = 0; i < n; i += 1) {
    let mx = -Infinity;
    for (let j = 0; j < cols; j += 1) mx = Math.max(mx, m[i * cols + j]);
    let s = 0;
    for (let j = 0; j < cols; j += 1) { const e = m[i * cols + j] === -Infinity ? 0 : Math.exp(m[i * cols + j] - mx); out[i * cols + j] = e; s += e; }
    for (let j = 0; j < cols; j += 1) out[i * cols + j] /= s;
  }
  return out;
}
function transpose(m, rows, cols) {
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i += 1) for (let j = 0; j < cols; j += 1) out[j * rows + i] = m[i * cols + j];
  return out;
}
const fakeEngine = {
  calls: 0,
  attention({ x, n, dModel, heads, dK, dV, wq, wk, wv, wo, mask = 'none', scale = true, mistake = null }) {
    this.calls += 1;
    assert.equal(heads, 1, 'the fake engine only does one head');
    assert.equal(wo.length, heads * dV * dModel, 'wo must be (heads·dV)×dModel');
    const q = matmul(x, wq, n, dModel, dK);
    const k = matmul(x, wk, n, dModel, dK);
    const v = matmul(x, wv, n, dModel, dV);
    const scores = matmul(q, transpose(k, n, dK), n, dK, n);
    const scaled = scores.map((s) => (scale ? s / Math.sqrt(dK) : s));
    const hidden = (i, j) => (mask === 'causal' && j > i) || (mask && typeof mask === 'object' && j >= mask.validKeys);
    const masked = scaled.map((s, idx) => (hidden(Math.floor(idx / n), idx % n) ? -Infinity : s));
    let weights;
    if (mistake === 'mask-after-softmax') weights = softmaxRows(scaled, n, n).map((w, idx) => (hidden(Math.floor(idx / n), idx % n) ? 0 : w));
    else if (mistake === 'softmax-over-queries') weights = transpose(softmaxRows(transpose(masked, n, n), n, n), n, n);
    else weights = softmaxRows(masked, n, n);
    const output = matmul(weights, v, n, n, dV);
    return { heads: [{ q, k, v, scores, scaled, masked, weights, output }], concat: output, output: matmul(output, wo, n, dV, dModel) };
  },
};

const ctx = (sceneInputs) => ({ engine: fakeEngine, sceneInputs });
const near = (a, b, tol = 1e-4) => assert.ok(Math.abs(a - b) <= tol, `${a} should be within ${tol} of ${b}`);

// The correct response for any question, from its key or live computation.
function correctResponse(q, c) {
  if (q.kind === 'choice' || q.kind === 'order') return answerOf(q);
  if (q.kind === 'numeric') return q.compute ? q.compute(c.engine, c.sceneInputs) : answerOf(q);
  if (q.kind === 'cell') return q.compute(c.engine, c.sceneInputs).answer;
  throw new Error(q.kind);
}
function wrongResponse(q, c) {
  if (q.kind === 'choice') return q.options.find((o) => o.id !== answerOf(q)).id;
  if (q.kind === 'order') return answerOf(q).slice().reverse();
  if (q.kind === 'numeric') return correctResponse(q, c) + 10 * (q.tolerance || 0) + 1;
  if (q.kind === 'cell') {
    const live = q.compute(c.engine, c.sceneInputs);
    for (let r = 0; r < live.rows; r += 1) for (let col = 0; col < live.cols; col += 1) {
      if (!live.accept.some((a) => a.row === r && a.col === col)) return { row: r, col };
    }
  }
  throw new Error(`no wrong response for ${q.id}`);
}

test('the fake engine reproduces the worked example numbers given in the brief', () => {
  const inp = normaliseInputs(WORKED_EXAMPLE_DEFAULTS);
  const r = fakeEngine.attention({ ...inp, heads: 1, wo: [1, 0, 0, 1] });
  assert.deepEqual(Array.from(r.heads[0].scores), [1, 1, 0, 2, 3, 2, 2, 4, 4]);
  near(r.heads[0].weights[3], 0.2483);
  near(r.heads[0].weights[4], 0.5035);
  near(r.heads[0].weights[5], 0.2483);
});

for (const sceneInputs of [undefined, WORKED_EXAMPLE_DEFAULTS, { x: [2, 0, 1, 1, 0, 1], wk: [1, 0, 1, 1] }]) {
  const label = sceneInputs === undefined ? 'no scene inputs' : sceneInputs === WORKED_EXAMPLE_DEFAULTS ? 'default inputs' : 'changed inputs';
  test(`every question: the right response scores 1, a wrong one does not (${label})`, () => {
    const c = ctx(sceneInputs);
    for (const q of QUESTIONS) {
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

test('live answers follow the scene: Apple→phones weight with defaults and after an edit', () => {
  const q = QUESTIONS.find((x) => x.id === 'we-weight-live');
  near(q.compute(fakeEngine, undefined), 0.2483);
  assert.equal(check(q, '0.2483', ctx(undefined)).correct, true);
  // The learner moves phones' embedding: the memorised 0.2483 must now fail.
  const edited = { ...WORKED_EXAMPLE_DEFAULTS, x: [1, 0, 1, 1, 0, 5] };
  const v = q.compute(fakeEngine, edited);
  assert.ok(Math.abs(v - 0.2483) > 0.05, `edited weight ${v} differs`);
  assert.equal(check(q, '0.2483', ctx(edited)).correct, false);
  assert.equal(check(q, String(v), ctx(edited)).correct, true);
});

test('other live answers match hand computation for the defaults', () => {
  const get = (id) => QUESTIONS.find((x) => x.id === id);
  near(get('we-output-live').compute(fakeEngine), 0.2483 + 0.5035, 2e-4);
  // causal: Apple sees love (2/√2) and itself (3/√2): share = 1 / (1 + e^(−1/√2))
  near(get('causal-weight-live').compute(fakeEngine), 1 / (1 + Math.exp(-1 / Math.SQRT2)));
  near(get('mistake-mask-after-live').compute(fakeEngine), 1 - 0.2483, 2e-4);
  const cell = get('we-most-attended').compute(fakeEngine);
  assert.deepEqual(cell.answer, { row: 1, col: 1 });
  assert.equal(cell.rows, 3);
  assert.deepEqual(cell.rowLabels, ['love', 'Apple', 'phones']);
  const causal = get('causal-zero-cell').compute(fakeEngine);
  assert.deepEqual(causal.accept, [{ row: 0, col: 1 }, { row: 0, col: 2 }, { row: 1, col: 2 }]);
  for (const a of causal.accept) assert.equal(causal.values[a.row * 3 + a.col], 0);
});

test('cell questions use the snapshot the learner saw (ctx.live) when given', () => {
  const q = QUESTIONS.find((x) => x.id === 'we-most-attended');
  const live = q.compute(fakeEngine);
  const before = fakeEngine.calls;
  assert.equal(check(q, { row: 1, col: 1 }, { live }).correct, true);
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
  assert.equal(parseNumber(' 0.25 '), 0.25);
  assert.equal(parseNumber('0,25'), 0.25);
  assert.equal(parseNumber('.25'), 0.25);
  assert.equal(parseNumber('25%'), 0.25);
  assert.equal(parseNumber('\u22123'), -3);
  assert.equal(parseNumber('1e4'), 10000);
  assert.equal(parseNumber('1,234,567'), 1234567);
  assert.ok(Number.isNaN(parseNumber('')));
  assert.ok(Number.isNaN(parseNumber('1/2')));
  assert.ok(Number.isNaN(parseNumber('abc')));
  assert.ok(Number.isNaN(parseNumber(Infinity)));
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
  const bank = QUESTIONS.find((x) => x.kind === 'order');
  const k = answerOf(bank);
  const oneSwap = [k[1], k[0], ...k.slice(2)];
  const n = k.length;
  assert.equal(check(bank, oneSwap, {}).score, 1 - 1 / (n * (n - 1) / 2));
});

test('choice feedback uses the chosen option\u2019s own explanation', () => {
  const q = QUESTIONS.find((x) => x.kind === 'choice');
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

test('a live question without an engine throws a readable error from check()', () => {
  const q = QUESTIONS.find((x) => x.id === 'we-weight-live');
  assert.throws(() => check(q, '0.25', { engine: null }), /engine is not loaded/);
});

test('live questions agree with the real engine (skipped when wasm/dist is not built)', async (t) => {
  let engine;
  try {
    const { createEngine } = await import('../../wasm/engine.js');
    engine = await createEngine();
  } catch (err) {
    t.skip(`real engine not available: ${err.message}`);
    return;
  }
  for (const sceneInputs of [undefined, { x: [2, 0, 1, 1, 0, 1], wk: [1, 0, 1, 1] }]) {
    for (const q of QUESTIONS.filter((x) => x.compute)) {
      const real = q.compute(engine, sceneInputs);
      const fake = q.compute(fakeEngine, sceneInputs);
      if (q.kind === 'cell') {
        assert.deepEqual(real.accept, fake.accept, q.id);
        for (let i = 0; i < fake.values.length; i += 1) near(real.values[i], fake.values[i], 1e-4);
      } else {
        near(real, fake, 1e-4);
      }
      const c = { engine, sceneInputs };
      assert.equal(check(q, correctResponse(q, c), c).correct, true, q.id);
    }
  }
});
