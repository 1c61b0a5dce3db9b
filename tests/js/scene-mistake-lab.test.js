// Step 14's model (web/src/steps/14-mistake-lab/) on the real engine: every sentence about a bug is
// measured on that bug alone (the old page blamed the scaling bug's 0.544 on the mask bug), the
// saturation claim appears only when rows really saturate (not at d_k = 2), and the diagnostics
// agree with the weights.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';
import { model, mysteryBug } from '../../web/src/steps/14-mistake-lab/model.js';
import { INPUTS } from '../../web/src/steps/14-mistake-lab/inputs.js';
import { diagnose } from '../../web/src/steps/mistake-diagnosis.js';
import { maxAbsDiff, rowSums, colSums } from '../../web/src/lib/matrix.js';
import { schemaDefaults } from '../../web/src/state.js';

let engine;
before(async () => { engine = await createEngine(); });
const run = (patch) => model({ ...schemaDefaults(INPUTS), ...patch }, engine);
const num = (s) => Number(s.replace('\u2212', '-'));

test('no bug: the two matrices are the same and every row sums to 1', () => {
  const m = run({});
  assert.equal(maxAbsDiff(m.correct, m.buggy), 0);
  assert.deepEqual(m.diagnosis, ['No bug is switched on: the two matrices are the same (largest difference 0) and every row sums to 1.00.']);
  assert.equal(m.rowSums, '1.00, 1.00, 1.00, 1.00');
  assert.equal(m.future, '0.00');
});

test('mask after softmax with the mask off and the scaling bug on: the mask bug is credited with its own difference (0), not the scaling bug’s', () => {
  const m = run({ causal: false, mistake: 'mask-after-softmax', noScale: true });
  const combined = maxAbsDiff(m.correct, m.buggy);
  assert.ok(combined > 0.1, `the scaling bug moves the weights (${combined})`);
  const maskLine = m.diagnosis.find((t) => t.startsWith('Mask after the softmax'));
  assert.match(maskLine, /this bug on its own changes nothing here \(largest difference from the correct weights: 0\)/);
  assert.ok(!maskLine.includes(combined.toFixed(3)));
  const scaleLine = m.diagnosis.find((t) => t.startsWith('No ÷√d_k'));
  assert.match(scaleLine, /On its own \(without the other bug\)/);
});

test('missing √d_k at d_k = 2: no claim of saturation, and the claim made matches the measured rows', () => {
  const m = run({ dK: 2, noScale: true });
  const [line] = m.diagnosis;
  assert.doesNotMatch(line, /saturat/);
  const c = diagnose(m.correct, m.n), u = diagnose(m.buggy, m.n);
  assert.ok(u.saturated <= c.saturated, 'no extra row goes over 0.90, as the sentence says');
  assert.match(line, /only 1\.41 times larger/);
  const avg = line.match(/averages ([\d.]+) \(correct: ([\d.]+)/).slice(1).map(num);
  assert.ok(Math.abs(avg[0] - u.meanMax) < 0.005 && Math.abs(avg[1] - c.meanMax) < 0.005);
});

test('missing √d_k at d_k = 64: the softmax saturates, with the counts it states', () => {
  const m = run({ noScale: true });
  const [line] = m.diagnosis;
  const c = diagnose(m.correct, m.n), u = diagnose(m.buggy, m.n);
  assert.ok(u.saturated > c.saturated);
  assert.equal(m.sqrtDK, engine.scoreScale(64).sqrtDK, 'the factor named is the engine’s √d_k');
  assert.match(line, /8\.00 times larger, so the softmax saturates/);
  assert.ok(line.includes(`${u.saturated} of 4 rows put more than 0.90 on a single key (correct: ${c.saturated})`), line);
  assert.match(line, /still sum to 1/);
  for (const s of rowSums(m.buggy, 4, 4)) assert.ok(Math.abs(s - 1) < 1e-5);
});

test('softmax over the queries makes the columns sum to 1; mask after softmax loses weight in every row but the last', () => {
  const q = run({ causal: false, mistake: 'softmax-over-queries' });
  for (const s of colSums(q.buggy, 4, 4)) assert.ok(Math.abs(s - 1) < 1e-5);
  assert.match(q.diagnosis[0], /every column sums to 1\.00/);
  const a = run({ mistake: 'mask-after-softmax' });
  const sums = rowSums(a.buggy, 4, 4);
  assert.ok(sums.slice(0, 3).every((s) => s < 0.999) && Math.abs(sums[3] - 1) < 1e-5, sums.join());
  const missing = 4 - sums.reduce((x, y) => x + y, 0);
  assert.ok(a.diagnosis[0].includes(`${missing.toFixed(2)} of weight is missing in all`), a.diagnosis[0]);
});

test('the mystery is seeded and its feedback names the bug with evidence', () => {
  assert.equal(mysteryBug(1), mysteryBug(1));
  const seen = new Set(Array.from({ length: 30 }, (_, k) => mysteryBug(k + 1)));
  assert.equal(seen.size, 3, 'all three bugs come up');
  const m = run({ challenge: 1, answer: mysteryBug(1), checked: true });
  assert.equal(m.feedback.correct, true);
  assert.match(m.feedback.text, /^Right: it is “/);
  assert.equal(run({ challenge: 1, answer: mysteryBug(1) }).feedback, null, 'nothing is said before Check');
});

test('an empty sentence from a link shows the example and says so', () => {
  const m = run({ sentence: '   ' });
  assert.deepEqual(m.tokens, ['The', 'cat', 'sat', 'down']);
  assert.match(m.message, /empty/);
});

// One token, or one word repeated: a bug can change nothing, and the sentences say why instead of
// "rows no longer sum to 1 — row 1 sums to 1.00" or "try a larger d_k".
test('a bug that changes nothing on this sentence is said to, with the reason', () => {
  const one = run({ sentence: 'a', mistake: 'mask-after-softmax', causal: true });
  assert.match(one.diagnosis[0], /^Mask after the softmax: this bug changes nothing on this sentence, because with one token its only weight is 1/);
  const cols = run({ sentence: 'a', mistake: 'softmax-over-queries' });
  assert.match(cols.diagnosis[0], /^Softmax over the queries: this bug changes nothing on this sentence/);
  const same = run({ sentence: 'the the the the', noScale: true });
  assert.match(same.diagnosis[0], /^No ÷√d_k: this bug changes nothing on this sentence, because the sentence repeats one word/);
  assert.doesNotMatch(same.diagnosis.join(' '), /larger d_k/);
  const spaced = run({ sentence: 'the cat sat on the mat', noScale: true, dK: 2 });
  assert.match(spaced.diagnosis[0], /\. The largest weight per row/, 'a space after the first sentence');
  const mystery = run({ sentence: 'a', checked: true, answer: 'no-scale', challenge: 5 });
  assert.match(mystery.feedback.text, /every bug gives the same weights \(one token\), so there is no evidence to read/);
});
