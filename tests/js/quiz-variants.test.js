// quiz-variants.test.js — the quiz measures understanding, not reading or guessing:
// - no length tell: in every choice question (every variant) the key is at most 1.25× as long as
//   the longest distractor when it is the longest option;
// - a strategy bot (longest option, a number read off the question, the brightest cell, the
//   ordering as shown) scores at most 35 % on each of 24 seeds, whichever number it reads;
// - an honest solver that works each variant out with the engine scores 100 % on the same seeds,
//   typing numbers with two decimals (a decimal comma on odd seeds) and swapping commuting stages;
// - variants: same seed → same question, new seed → new numbers; no numeric answer equals a number
//   on screen and no cell answer is the brightest cell; keys agree with the plain-JS reference;
// - all ten recall ideas of the lesson are asked.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { QUESTIONS } from '../../web/src/quiz/questions.js';
import { visibleNumbers, brightestCells } from '../../web/src/quiz/variants.js';
import { answerOf } from '../../web/src/quiz/answer-key.js';
import { check, solutionOf } from '../../web/src/quiz/scoring.js';
import { instanceOf, botAnswer, honestAnswer, scorePass, quizEngine, NUMBER_POLICIES } from './quiz-solvers.js';
import { referenceEngine } from './quiz-reference-engine.js';

const SEEDS = Array.from({ length: 24 }, (_, i) => (i + 1) * 104729 + 17);
let engine;
let real;
before(async () => { ({ engine, real } = await quizEngine()); });

test('choice questions: the key is never longer than 1.25× the longest distractor', () => {
  const report = [];
  let keyLongest = 0;
  let choices = 0;
  for (const t of QUESTIONS.filter((q) => q.kind === 'choice')) {
    for (const seed of t.variant ? SEEDS.slice(0, 6) : [SEEDS[0]]) {
      const q = instanceOf(t, seed, engine);
      const key = answerOf(q);
      const keyLen = q.options.find((o) => o.id === key).text.length;
      const longestOther = Math.max(...q.options.filter((o) => o.id !== key).map((o) => o.text.length));
      const ratio = keyLen / longestOther;
      if (keyLen >= longestOther && ratio > 1.25) report.push(`${t.id}: ${keyLen} vs ${longestOther} (${ratio.toFixed(2)})`);
      if (seed === SEEDS[0]) { choices += 1; if (keyLen >= longestOther) keyLongest += 1; }
    }
  }
  assert.deepEqual(report, []);
  // The key is the longest (or tied) in only a minority of questions, so "pick the longest" is no tell.
  assert.ok(keyLongest / choices <= 0.3, `key longest in ${keyLongest} of ${choices}`);
});

test('strategy bot scores at most 35 % on every seed, whichever visible number it types', () => {
  const shares = [];
  for (const policy of NUMBER_POLICIES) {
    for (const seed of SEEDS) {
      const r = scorePass(seed, engine, (q, e) => botAnswer(q, e, { numberPolicy: policy }));
      shares.push(r.share);
      assert.ok(r.share <= 0.35, `policy ${policy}, seed ${seed}: ${(r.share * 100).toFixed(1)} % (${JSON.stringify(r.byKind)})`);
      assert.equal(r.byKind.numeric.raw, 0, `a number read off the question never answers a numeric question (${policy}, ${seed})`);
      assert.equal(r.byKind.cell.raw, 0, 'the brightest cell never answers a cell question');
    }
  }
  const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
  console.log(`strategy bot: mean ${(mean * 100).toFixed(1)} %, max ${(Math.max(...shares) * 100).toFixed(1)} % over ${shares.length} runs (${real ? 'real engine' : 'reference engine'})`);
});

test('honest solver scores 100 % on every seed', () => {
  for (const seed of SEEDS) {
    const r = scorePass(seed, engine, honestAnswer);
    assert.deepEqual(r.misses, [], `seed ${seed}`);
    assert.equal(r.share, 1);
  }
});

test('variants: same seed, same question; another seed, other numbers', () => {
  for (const t of QUESTIONS.filter((q) => q.variant)) {
    const a = instanceOf(t, SEEDS[0], engine);
    const b = instanceOf(t, SEEDS[0], engine);
    assert.equal(a.prompt, b.prompt, `${t.id}: deterministic`);
    assert.deepEqual(a.inputs, b.inputs);
    const shown = (q) => JSON.stringify([q.prompt, q.inputs, q.options?.map((o) => o.text), q.kind === 'cell' ? Array.from(q.compute(engine).values) : null]);
    const distinct = new Set(SEEDS.map((s) => shown(instanceOf(t, s, engine))));
    assert.ok(distinct.size >= Math.min(4, SEEDS.length), `${t.id}: only ${distinct.size} different variants over ${SEEDS.length} seeds`);
  }
});

test('no variant gives its answer away on screen', () => {
  for (const t of QUESTIONS.filter((q) => q.kind === 'numeric' || q.kind === 'cell')) {
    assert.equal(typeof t.variant, 'function', `${t.id}: computed questions draw their own inputs`);
    for (const seed of SEEDS) {
      const q = instanceOf(t, seed, engine);
      if (q.kind === 'numeric') {
        const v = q.compute(engine);
        const tol = Math.max(q.tolerance, 1e-9);
        const hit = visibleNumbers(q).find((n) => Math.abs(n - v) <= tol);
        assert.equal(hit, undefined, `${t.id} seed ${seed}: answer ${v} is on screen`);
      } else {
        const spec = q.compute(engine);
        for (const b of brightestCells(spec)) assert.ok(!spec.accept.some((c) => c.row === b.row && c.col === b.col), `${t.id} seed ${seed}: brightest cell is the answer`);
      }
    }
  }
});

test('computed keys agree with the plain-JS reference engine', () => {
  for (const t of QUESTIONS.filter((q) => typeof q.compute === 'function')) {
    for (const seed of SEEDS.slice(0, 8)) {
      const q = instanceOf(t, seed, engine);
      const mine = q.compute(engine);
      const ref = q.compute(referenceEngine);
      if (q.kind === 'cell') assert.deepEqual(mine.accept, ref.accept, `${t.id} seed ${seed}`);
      else if (t.id === 'scale-std') assert.ok(Math.abs(mine - Math.sqrt(q.params.dK)) < 1e-9);
      else assert.ok(Math.abs(mine - ref) <= 1e-4, `${t.id} seed ${seed}: ${mine} vs ${ref}`);
      const r = check(q, solutionOf(q, { engine: referenceEngine }).value, { engine });
      assert.equal(r.correct, true, `${t.id} seed ${seed}: the reference answer is accepted`);
    }
  }
});

test('the scaling claim is worded from the engine\u2019s own measurement', () => {
  const t = QUESTIONS.find((q) => q.id === 'scale-predict');
  const q = instanceOf(t, SEEDS[2], engine);
  const m = engine.scalingExperiment({ dK: q.params.dK, samples: 200, n: 16, seed: 7 });
  const explain = q.options.find((o) => o.id === answerOf(q)).explain;
  assert.match(explain, new RegExp(`averaged ${String(Math.round(m.unscaled.maxWeight * 100) / 100).replace('.', '\\.')}\\b`));
  assert.doesNotMatch(explain, /one-hot/i, 'no unmeasured "nearly one-hot" claim');
});

test('masking and scaling commute: either order is fully right', () => {
  const t = QUESTIONS.find((q) => q.id === 'mf-order');
  const q = instanceOf(t, SEEDS[0], engine);
  const key = answerOf(t);
  const swapped = key.slice();
  const i = swapped.indexOf('scale');
  const j = swapped.indexOf('mask');
  [swapped[i], swapped[j]] = [swapped[j], swapped[i]];
  for (const order of [key, swapped]) {
    const r = check(q, order, {});
    assert.equal(r.correct, true, order.join(','));
    assert.equal(r.score, 1);
  }
  const wrong = key.slice();
  [wrong[0], wrong[1]] = [wrong[1], wrong[0]];
  assert.equal(check(q, wrong, {}).correct, false, 'a real swap is still wrong');
});

test('a retry gets new numbers and the solution for them', () => {
  const t = QUESTIONS.find((q) => q.id === 'we-weight');
  const first = instanceOf(t, SEEDS[0], engine);
  const retry = instanceOf(t, SEEDS[1], engine);
  assert.notDeepEqual(first.inputs, retry.inputs);
  const oldAnswer = honestAnswer(first, engine, 0);
  const v = parseFloat(oldAnswer);
  // The answer to the first variant is no answer to the second (unless they happen to coincide).
  if (Math.abs(v - retry.compute(engine)) > 0.01) assert.equal(check(retry, oldAnswer, { engine }).correct, false);
  assert.equal(check(retry, honestAnswer(retry, engine, 0), { engine }).correct, true);
});

test('all ten recall ideas are asked, plus the three transfer questions of the issue', () => {
  const recalls = new Set(QUESTIONS.filter((q) => q.recall).map((q) => q.recall));
  assert.deepEqual([...recalls].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  for (const id of ['scale-dk-grows', 'causal-after-softmax', 'pos-shuffle']) assert.ok(QUESTIONS.some((q) => q.id === id), id);
});

test('every variant reads right: "an" before a number said with a vowel (8, 11, 18, 80 …), "a" before the others', () => {
  const wrong = [];
  for (const t of QUESTIONS) {
    for (const seed of t.variant ? SEEDS : [SEEDS[0]]) {
      const q = instanceOf(t, seed, engine);
      const texts = [q.prompt, q.solution, ...(q.options ?? []).flatMap((o) => [o.text, o.explain])].filter((x) => typeof x === 'string');
      for (const text of texts) {
        for (const m of text.matchAll(/\b(a|an) (\d[\d,]*)/gi)) {
          const vowel = /^(8|1[18](\D|$))/.test(m[2]);
          if ((m[1].toLowerCase() === 'an') !== vowel) wrong.push(`${t.id}: "${text.slice(Math.max(0, m.index - 20), m.index + 30)}"`);
        }
      }
    }
  }
  assert.deepEqual([...new Set(wrong)], []);
});
