// Step 9's model (web/src/steps/09-scaling/) on the real engine: the spread of q·k follows √d_k,
// scaling brings it near 1, and every sentence of the step agrees with what it measured — in
// particular it says "one-hot" only when most rows are (the old text said "nearly one-hot" beside
// a measured mean largest weight of 0.84). A reveal stays revealed through other changes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';
import { GRADIENT_SAMPLES, model, peakedness } from '../../web/src/steps/09-scaling/model.js';
import { INPUTS } from '../../web/src/steps/09-scaling/inputs.js';
import { STEPS } from '../../web/src/content/steps.js';
import { QUESTIONS } from '../../web/src/quiz/questions.js';
import { schemaDefaults, validateInputs } from '../../web/src/state.js';

let engine;
before(async () => { engine = await createEngine({ training: true }); });
const run = (patch) => model({ ...schemaDefaults(INPUTS), ...patch }, engine);
const num = (s) => Number(String(s).replace('\u2212', '-'));

test('the raw spread follows √d_k at every chart width, and dividing by √d_k brings it near 1', () => {
  const m = run({});
  for (const p of m.chart.points) assert.ok(Math.abs(p.std / p.sqrt - 1) < 0.2, `d_k ${p.dK}: ${p.std} vs ${p.sqrt}`);
  const e = m.experiment;
  assert.ok(Math.abs(e.scaledDot.std - 1) < 0.1, `scaled spread ${e.scaledDot.std}`);
  assert.equal(m.sqrtText, '8.00');
  assert.equal(m.sqrtDK, e.sqrtDK, 'the √d_k shown is the engine’s');
  // The concrete row: the scaled scores are the engine’s scores times its 1/√d_k.
  assert.equal(m.example.rows, 1);
  assert.equal(num(m.cells.std[0]), Number(e.dot.std.toFixed(2)));
});

test('at the default (d_k 64, 16 keys) the rows are peaked, not one-hot, and the words say exactly that', () => {
  const m = run({ revealed: true });
  const u = m.experiment.unscaled;
  assert.ok(u.maxWeight > 0.7 && u.maxWeight < 0.9, `mean largest weight ${u.maxWeight}`);
  assert.ok(u.oneHotShare < 0.5, `one-hot share ${u.oneHotShare}`);
  assert.equal(m.peaked.raw.kind, 'peaked');
  assert.match(m.verdictDetail, /sharply peaked but not one-hot/);
  assert.ok(m.verdictDetail.includes(`averages ${u.maxWeight.toFixed(2)}`));
  assert.ok(m.verdict.startsWith(`Without scaling the largest weight averages ${u.maxWeight.toFixed(2)}, not above 0.9`), m.verdict);
  // Every number in the verdict is one the table shows.
  for (const v of m.verdict.match(/\d+\.\d\d/g)) assert.ok([m.cells.max[0], m.cells.max[1], '0.9'].some((c) => num(c) === num(v)), v);
});

test('"one-hot" is said only when at least half the rows measured one-hot', () => {
  for (const dK of [1, 16, 64, 256, 1024]) {
    const m = run({ dK, revealed: true });
    const u = m.experiment.unscaled;
    assert.equal(/most rows are one-hot/.test(m.verdictDetail), u.oneHotShare >= 0.5, `d_k ${dK}: ${m.verdictDetail}`);
  }
  assert.equal(peakedness({ maxWeight: 0.84, oneHotShare: 0.2 }).kind, 'peaked');
  assert.equal(peakedness({ maxWeight: 0.99, oneHotShare: 0.7 }).kind, 'one-hot');
});

test('the step’s text and its quiz do not call the default’s rows one-hot when the scene measures otherwise', () => {
  const m = run({ revealed: true });
  assert.ok(m.experiment.unscaled.oneHotShare < 0.5);
  const words = STEPS.find((s) => s.id === 'scaling').paragraphs.join(' ');
  assert.doesNotMatch(words, /one-hot/);
  for (const q of QUESTIONS.filter((x) => x.stepId === 'scaling')) {
    assert.doesNotMatch(JSON.stringify(q), /one-hot/, q.id);
  }
});

test('hidden numbers stay hidden until the reveal, and the reveal survives changing d_k, n, the seed or scaling', () => {
  const before = run({});
  assert.equal(before.cells.max[0], 'hidden: predict first');
  assert.equal(before.example.rows, 1);
  for (const patch of [{ dK: 256 }, { n: 8 }, { seed: 5 }, { scale: false }, { samples: 100 }]) {
    const m = run({ revealed: true, guess: 'above', ...patch });
    assert.notEqual(m.cells.max[0], 'hidden: predict first', JSON.stringify(patch));
    assert.equal(m.example.rows, 2);
    assert.match(m.verdict, /your guess was (right|not right)/);
  }
});

test('a link’s d_k that is not a power of two is refused in words; the budget is said', () => {
  const r = validateInputs(INPUTS, { dK: 100 });
  assert.equal(r.values.dK, 64);
  assert.match(r.problems[0], /d_k/);
  const big = run({ dK: 1024, n: 64, samples: 2000 });
  assert.ok(big.usedSamples < 2000);
  assert.ok(big.budgetNote.includes(`used ${big.usedSamples} samples instead of 2000`));
});

test('the gradient chart (after the reveal): measured by the engine at d_k 2 … 512, and its sentence reads those very numbers', async () => {
  assert.equal(run({}).gradient, null, 'hidden until the prediction is revealed');
  assert.equal(run({}).gradientLoading, false);
  const m = run({ revealed: true });
  const g = m.gradient;
  const [withScale, without] = g.series;
  assert.deepEqual(withScale.points.map((p) => p[0]), [2, 4, 8, 16, 32, 64, 128, 256, 512]);
  for (const [dK, y] of withScale.points) {
    const e = engine.scoreGradient({ dK, n: 16, samples: GRADIENT_SAMPLES, seed: 1 });
    assert.equal(y, e.scaled.inputMedian);
    assert.equal(without.points.find((p) => p[0] === dK)[1], e.unscaled.inputMedian);
  }
  // the claim, checked on the figures: flat with scaling, a collapse without
  const ys = withScale.points.map((p) => p[1]);
  assert.ok(Math.max(...ys) / Math.min(...ys) < 1.5);
  assert.ok(without.points.at(-1)[1] < withScale.points.at(-1)[1] / 100);
  const last = engine.scoreGradient({ dK: 512, n: 16, samples: GRADIENT_SAMPLES, seed: 1 });
  const ratio = Math.round(last.scaled.inputMedian / last.unscaled.inputMedian);
  assert.match(g.sentence, new RegExp(`stays between ${g.format(Math.min(...ys))} and ${g.format(Math.max(...ys))} from d_k = 2 to 512`));
  assert.match(g.sentence, new RegExp(`falls from ${g.format(without.points[0][1])} to ${g.format(without.points.at(-1)[1])}, ${ratio.toLocaleString('en-US')} times less`));
  assert.match(g.sentence, new RegExp(`and ${Math.round(last.unscaled.vanishedShare * 100)}% of the rows get back less than 0.001`));
  assert.equal(g.rows.length, 9);
  assert.equal(g.rows[8].vanished, `${Math.round(last.unscaled.vanishedShare * 100)}%`);
  assert.equal(run({ revealed: true, seed: 2 }).gradient.rows.length, 9);
  // before the training module is loaded, the step says so and asks for it
  const bare = model({ ...schemaDefaults(INPUTS), revealed: true }, await createEngine());
  assert.equal(bare.gradient, null);
  assert.equal(bare.gradientLoading, true);
  assert.match(bare.gradientHidden, /^Loading the trainer/);
});
