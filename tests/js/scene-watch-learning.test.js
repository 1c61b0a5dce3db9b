// Step 17 (watch attention learn): its pure model on a real training session. The settings come
// from the schema; each snapshot becomes heatmaps whose rows sum to 1, a prediction line that
// names the label and its share, and the "it" row's peak; with the shipped seed, layer 2's "it"
// row of the probe ends on "animal" once held-out accuracy passes 95 %; unknown probe words are
// named; the curve text says when 95 % was first reached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from 'attention-lesson';
import { createTrainingSession } from '../../web/src/training/training-session.js';
import { schemaDefaults, validateInputs } from '../../web/src/state.js';
import { INPUTS, SHIPPED_SEED } from '../../web/src/steps/17-watch-learning/inputs.js';
import { model, describeSnapshot, curveSummary, modeLine, TARGET_ACCURACY } from '../../web/src/steps/17-watch-learning/model.js';

const defaults = schemaDefaults(INPUTS);

async function run(values = defaults) {
  const engine = await createEngine({ training: true });
  const m = model(values);
  const posted = [];
  const s = createTrainingSession(engine, (msg) => posted.push(msg), { schedule: () => {} });
  s.handle({ type: 'create', settings: m.settings, probe: m.probe });
  const last = () => posted.filter((p) => p.type === 'update').at(-1);
  return { engine, m, s, posted, last };
}

test('the settings are task 4 with two layers, the shipped seed and the schema learning rate', () => {
  const m = model(defaults);
  assert.deepEqual(m.settings, { task: 'it-two-layers', layers: 2, heads: 1, dModel: 32, seed: SHIPPED_SEED, learningRate: 0.005, batchSize: 32 });
  assert.equal(m.stepsPerUpdate, 10);
  assert.match(m.seedNote, /Seeds differ/);
  assert.match(model({ ...defaults, seed: 3 }).seedNote, /Seed 3 is not the one we checked \(21\)/);
  assert.notEqual(modeLine('worker'), modeLine('main-thread'));
  assert.match(modeLine('main-thread'), /time slices/);
  // the schema refuses a learning rate it does not offer, and says so
  const v = validateInputs(INPUTS, { learningRate: '7' }, { where: 'in the link', stepTitle: 'Watch attention learn' });
  assert.equal(v.values.learningRate, '0.005');
  assert.equal(v.problems.length, 1);
});

test('before training: every layer × head heatmap has rows summing to 1, and a prediction line', async () => {
  const { last } = await run();
  const d = describeSnapshot(last());
  assert.equal(d.steps, 0);
  assert.equal(d.counter, '0 steps');
  assert.equal(d.heatmaps.length, 2);
  assert.deepEqual(d.heatmaps.map((h) => h.label), ['Layer 1, head 1: attention weights of the probe', 'Layer 2, head 1: attention weights of the probe']);
  assert.equal(d.heatmaps[0].n, 11);
  assert.ok(d.maxRowSumError < 1e-5, `rows sum to 1 within 1e-5 (worst ${d.maxRowSumError})`);
  const pred = last().probe.prediction;
  const share = Math.round(pred.probabilities[pred.label] * 100);
  assert.ok(d.prediction.startsWith(`it = ${pred.label}, ${share}%`), d.prediction);
  assert.equal(d.point.values[0], null);
  assert.equal(d.solved, false);
});

test('the shipped seed reaches 95 % held-out accuracy and layer 2\'s "it" row peaks on "animal"', async () => {
  const { s, last } = await run();
  const history = [];
  let reachedAt = null;
  for (let i = 0; i < 60 && reachedAt === null; i++) {
    s.handle({ type: 'step', count: 10 });
    const d = describeSnapshot(last());
    history.push(d.point);
    if (d.solved) reachedAt = d.steps;
  }
  assert.ok(reachedAt !== null, 'reached 95 % within 600 steps');
  const d = describeSnapshot(last());
  assert.ok(last().accuracy >= TARGET_ACCURACY);
  assert.ok(d.maxRowSumError < 1e-5);
  assert.equal(d.itRow.layer, 1);
  assert.equal(d.itRow.row, 7);
  assert.equal(d.itRow.peaks[0].word, 'animal');
  assert.match(d.itRow.line, /^Layer 2: “it” attends most to “animal” \(\d+%\)\.$/);
  assert.match(d.prediction, /^it = animal, \d+% \(right\)$/);
  assert.match(curveSummary(history, reachedAt), new RegExp(`first reached 95% at step ${reachedAt}\\.`));
  assert.ok(history.at(-1).values[0] < history[0].values[0], 'the training loss fell');
  console.log(`# task 4, seed ${SHIPPED_SEED}: 95 % held-out accuracy at step ${reachedAt} (Node)`);
});

test('an out-of-vocabulary probe word is named; a sentence without a pattern has no right answer', async () => {
  const { s, last } = await run();
  s.handle({ type: 'probe', sentence: 'the zebra crossed because it was tired' });
  const d = describeSnapshot(last());
  assert.match(d.probeError, /^The probe sentence cannot be used: .*"zebra"/);
  assert.equal(d.heatmaps.length, 0);
  assert.equal(d.prediction, null);
  assert.equal(curveSummary([], null), 'No training yet: press Play or Step.');
});
