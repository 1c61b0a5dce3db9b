// The training steps (17–21, web/src/steps/training-scene/): the shared pure model on real
// training sessions, one test per task's claim. Settings come from each step's schema; snapshots
// become heatmaps whose rows sum to 1, a prediction line, the read-out row's peak and a curve
// point with the weight on the deciding word. Task 1 reaches 95 % with the adjective's row on its
// noun; task 2 with "apple"'s row on the deciding word; task 3 (one layer) stays below 85 % and
// its "it" row splits its noun weight the same way whichever adjective ends the sentence; task 4's layer 2
// "it" row ends on "animal" and follows the adjective (the route line); task 5 learns "look one back" with nothing above the diagonal. A
// learning rate of 1 stops training with a message and Reset starts again; unknown words are named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from 'attention-lesson';
import { createTrainingSession } from '../../web/src/training/training-session.js';
import { schemaDefaults, validateInputs } from '../../web/src/state.js';
import { SCENES } from '../../web/src/steps/index.js';
import { describeSnapshot, curveSummary, plateauLine, modeLine, TARGET_ACCURACY, FEW_NOUN_WEIGHT, ROUTE_GAP } from '../../web/src/steps/training-scene/model.js';
import { TASK_SCENE as TASK1 } from '../../web/src/steps/17-watch-learning/inputs.js';
import { TASK_SCENE as TASK2 } from '../../web/src/steps/18-which-apple-learned/inputs.js';
import { TASK_SCENE as TASK3, otherAdjective } from '../../web/src/steps/19-one-layer-limit/inputs.js';
import { TASK_SCENE as TASK4 } from '../../web/src/steps/20-two-layers/inputs.js';
import { TASK_SCENE as TASK5 } from '../../web/src/steps/21-causal-learning/inputs.js';

const engineP = createEngine({ training: true });
const STEPS = { 'watch-learning': TASK1, 'which-apple-learned': TASK2, 'one-layer-limit': TASK3, 'two-layers': TASK4, 'causal-learning': TASK5 };
const scene = (id) => SCENES.find((s) => s.id === id);

// A session for one step at its defaults (or `values`), with the history the view would keep.
async function run(id, values = {}) {
  const engine = await engineP;
  const s = scene(id);
  const m = s.model({ ...s.defaults(), ...values });
  const posted = [];
  const session = createTrainingSession(engine, (msg) => posted.push(msg), { schedule: () => {} });
  session.handle({ type: 'create', settings: m.settings, probe: m.probe, compare: m.compare });
  const last = () => posted.filter((p) => p.type === 'update').at(-1);
  const history = [];
  let reachedAt = null;
  const train = (count, until = () => false) => {
    for (let done = 0; done < count; done += 10) {
      session.handle({ type: 'step', count: 10 });
      const d = describeSnapshot(last(), STEPS[id]);
      history.push(d.point);
      if (d.solved && reachedAt === null) reachedAt = d.evaluatedAt;
      assert.equal(d.evaluatedAt, d.steps, 'Step 10 ends on an evaluation');
      if (until(d)) break;
    }
    return describeSnapshot(last(), STEPS[id]);
  };
  return { m, session, posted, last, history, train, reached: () => reachedAt };
}

test('each training step: its schema gives the task, the checked seed and rate, and only the sizes the task allows', () => {
  for (const [id, config] of Object.entries(STEPS)) {
    const s = scene(id);
    const m = s.model(s.defaults());
    assert.equal(m.settings.task, config.task, id);
    assert.equal(m.settings.seed, config.shippedSeed, id);
    assert.equal(m.settings.learningRate, Number(config.learningRate), id);
    assert.equal(m.settings.batchSize, 32);
    assert.match(m.seedNote, new RegExp(`^Seed ${config.shippedSeed} is the one we checked: .*Seeds differ`), id);
    for (const k of ['layers', 'heads', 'dModel']) assert.equal(k in s.inputs, config[k].choices.length > 1, `${id}: ${k} offered`);
  }
  // step 20 is always two layers; a link cannot change that
  const two = scene('two-layers');
  assert.equal(two.model({ ...two.defaults(), layers: '1' }).settings.layers, 2);
  const one = scene('watch-learning');
  const wide = one.model({ ...one.defaults(), layers: '2', heads: '4', dModel: '16' });
  assert.deepEqual([wide.settings.layers, wide.settings.heads, wide.settings.dModel], [2, 4, 16]);
  assert.match(wide.seedNote, /^Seed 4 was checked at the starting size \(1 layer, 1 head, width 32\)/);
  assert.match(wide.architectureLine, /^2 attention layers of 4 heads, 16 numbers per word/);
  assert.match(scene('causal-learning').model(scene('causal-learning').defaults()).architectureLine, /causal mask on/);
  assert.match(one.model({ ...one.defaults(), seed: 3 }).seedNote, /^Seed 3 is not the one we checked \(4\)/);
  // the schema refuses a learning rate it does not offer, and says so
  const v = validateInputs(one.inputs, { learningRate: '7', heads: '3' }, { where: 'in the link', stepTitle: 'Watch attention learn' });
  assert.equal(v.values.learningRate, '0.01');
  assert.equal(v.values.heads, '1');
  assert.equal(v.problems.length, 2);
  assert.notEqual(modeLine('worker'), modeLine('main-thread'));
});

test('task 1: held-out accuracy passes 95 %, and the adjective\'s row peaks on its noun (step 17)', async () => {
  const r = await run('watch-learning');
  const before = describeSnapshot(r.last(), TASK1);
  assert.equal(before.counter, '0 steps');
  assert.equal(before.heatmaps.length, 1);
  assert.ok(before.maxRowSumError < 1e-5);
  assert.equal(before.point.values[0], null);
  const d = r.train(300, (x) => x.solved);
  assert.ok(r.reached() !== null && r.reached() <= 300, `reached 95 % by step ${r.reached()}`);
  assert.ok(d.maxRowSumError < 1e-5);
  assert.equal(d.row.row, 10);
  assert.equal(d.row.peaks[0].word, 'animal');
  assert.equal(d.row.onAnswer, true);
  assert.match(d.row.line, /^Layer 1: “tired” attends most to “animal” \(\d+%\)\. The word that decides the answer is “animal”\.$/);
  assert.match(d.prediction, /^tired = animal, \d+% \(right\)$/);
  const weights = r.history.map((p) => p.values[2]);
  assert.ok(weights.at(-1) > 0.5 && weights.at(-1) > weights[0] + 0.3, `weight on the noun rose from ${weights[0]} to ${weights.at(-1)}`);
  // step 17's text of the checked seed: the adjective's row starts spread over several words
  const first = before.heatmaps[0], row0 = Array.from(first.values.subarray(10 * first.n, 11 * first.n));
  assert.ok(Math.max(...row0) < 0.25 && row0.filter((w) => w >= 0.1).length >= 4, `the adjective's row at step 0: ${row0.map((w) => w.toFixed(3))}`);
  // the line under the chart gives the weight on the noun at the first point (step 0) and now
  const summary = curveSummary([before.point, ...r.history], r.reached());
  const said = /puts (\d+)% of its weight on the deciding word \((\d+)% at the first point\)\./.exec(summary);
  assert.ok(said, summary);
  assert.deepEqual([Number(said[1]), Number(said[2])], [Math.round(100 * weights.at(-1)), Math.round(100 * before.point.values[2])]);
  assert.match(curveSummary(r.history, r.reached()), new RegExp(`first reached 95% at step ${r.reached()}\\.`));
  assert.ok(r.history.at(-1).values[0] < r.history[0].values[0], 'the training loss fell');
  console.log(`# task 1, seed ${TASK1.shippedSeed}: 95 % held-out at step ${r.reached()}, weight on the noun ${(weights.at(-1) * 100).toFixed(0)} %`);
});

test('task 2: "apple"\'s row starts spread, then finds the deciding word, before or after it (step 18)', async () => {
  const r = await run('which-apple-learned');
  const before = describeSnapshot(r.last(), TASK2);
  // step 18's text of the checked seed: at step 0 the row is spread over the words, the least of
  // it on the deciding word
  const first = before.heatmaps[0], row0 = Array.from(first.values.subarray(2 * first.n, 3 * first.n));
  assert.deepEqual(first.tokens, ['she', 'bought', 'apple', 'phones']);
  assert.ok(Math.max(...row0) < 0.4 && row0.filter((w) => w > 0.2).length >= 3, `the apple row at step 0: ${row0.map((w) => w.toFixed(3))}`);
  assert.equal(row0.indexOf(Math.min(...row0)), 3, 'the least on "phones"');
  r.train(300, (x) => x.solved);
  assert.ok(r.reached() !== null, 'reached 95 % within 300 steps');
  let d = describeSnapshot(r.last(), TASK2);
  assert.equal(d.row.peaks[0].word, 'phones');
  assert.ok(d.row.peaks[0].weight > 0.9 && d.point.values[2] > before.point.values[2] + 0.5, `weight on "phones" rose from ${before.point.values[2]} to ${d.point.values[2]}`);
  assert.match(d.prediction, /^apple = company, \d+% \(right\)$/);
  r.session.handle({ type: 'probe', sentence: 'we sliced the apple' });
  d = describeSnapshot(r.last(), TASK2);
  assert.equal(d.row.peaks[0].word, 'sliced');
  assert.match(d.prediction, /^apple = fruit, \d+% \(right\)$/);
  r.session.handle({ type: 'probe', sentence: 'they liked some apple juice' });
  assert.equal(describeSnapshot(r.last(), TASK2).row.peaks[0].word, 'juice');
  console.log(`# task 2, seed ${TASK2.shippedSeed}: 95 % held-out at step ${r.reached()}`);
});

test('task 3: one layer stays below 85 % and the "it" row\'s split between the nouns ignores the adjective (step 19)', async () => {
  assert.equal(otherAdjective("the animal didn't cross the street because it was too tired"), "the animal didn't cross the street because it was too wide");
  assert.equal(otherAdjective('the cat was icy'), 'the cat was weak');
  assert.equal(otherAdjective('the cat sat'), null);
  const r = await run('one-layer-limit');
  assert.equal(r.m.settings.layers, 1);
  const d = r.train(400);
  const pl = plateauLine(r.history);
  assert.ok(pl.best < 0.85 && pl.last < 0.85, `one layer: best ${pl.best}, last ${pl.last}`);
  assert.equal(pl.stalled, true, pl.line);
  assert.match(pl.line, /^Held-out accuracy is \d+\.\d% after 400 steps; the best so far was \d+\.\d% \(step \d+\)\. (The last 200 steps did not beat the best before them|In the last 200 steps the best rose by [01]\.\d points)\. It has stalled, \d+\.\d points short of 95%\.$/);
  assert.ok(d.comparison, 'the probe and its twin are compared');
  const [a, b] = d.comparison.ratios;
  assert.ok(Math.abs(a - b) <= 1e-4 * Math.abs(a), `ratios ${a} and ${b} are the same`);
  const [sa, sb] = d.comparison.shares;
  assert.ok(Math.abs(sa - sb) <= 1e-5, `noun shares ${sa} and ${sb} are the same`);
  assert.equal(d.comparison.same, true);
  const shown = /Of the weight on the two nouns, “animal” gets (\d+\.\d{2,4})% with “tired” and (\d+\.\d{2,4})% with “wide”\./.exec(d.comparison.line);
  assert.ok(shown, d.comparison.line);
  assert.equal(shown[1], shown[2], 'the two shares print alike');
  assert.ok(Math.abs(Number(shown[1]) - 100 * sa) < 0.01, `${shown[1]} % is the measured share ${sa}`);
  assert.match(d.comparison.line, /^Layer 1, “it”’s weights on the two nouns: with “tired”, .*; with “wide”, .*the adjective cannot tip “it” toward the other noun\.$/);
  assert.doesNotMatch(d.comparison.line, /0\.0000|ratio/, 'no runs of zeros, no bare ratio');
  // where the nouns get under 1 % together the line says so and names what "it" attends to
  d.comparison.nounWeights.forEach(([x, y], i) => {
    const adj = i === 0 ? 'tired' : 'wide';
    const tiny = new RegExp(`with “${adj}”, almost none \\(“animal” [^;]+: “it” attends most to “[^”]+”, \\d+%\\)`);
    if (x + y < FEW_NOUN_WEIGHT) assert.match(d.comparison.line, tiny, `${adj}: nouns ${x} + ${y}`);
    else assert.doesNotMatch(d.comparison.line, tiny, `${adj}: nouns ${x} + ${y}`);
  });
  console.log(`# task 3, seed ${TASK3.shippedSeed}, one layer: ${pl.line} ${d.comparison.line}`);
  // the experiment the step suggests: Layers 2, same seed, passes 95 %
  const two = await run('one-layer-limit', { layers: '2' });
  assert.equal(two.m.settings.layers, 2);
  two.train(300, (x) => x.solved);
  assert.ok(two.reached() !== null, 'with two layers the same task reaches 95 % within 300 steps');
  console.log(`# task 3, seed ${TASK3.shippedSeed}, two layers: 95 % held-out at step ${two.reached()}`);
});

// A probe and its twin, made up so the numbers are known: one layer, "it" (row 2) with the same
// scores on the nouns (words 0 and 1) in both, the adjective (word 3) taking almost everything
// in the second.
function twin(adjective, row) {
  const tokens = ['animal', 'street', 'it', adjective], n = 4;
  const w = new Float32Array(n * n).fill(0.25);
  w.set(row, 2 * n);
  return { tokens, layers: [[w]], readout: 2, answer: adjective === 'tired' ? 0 : 1, weightOnAnswer: row[0], prediction: { label: 'animal', probabilities: { animal: 0.6, street: 0.4 }, correct: 'animal' } };
}

test('a training loss that rounds to 0.000 but is not 0 reads "under 0.001"', () => {
  const point = (x, loss) => ({ x, values: [loss, 1, 1] });
  assert.equal(describeSnapshot({ steps: 9, loss: 0.0004 }, TASK1).lossText, 'training loss under 0.001');
  assert.equal(describeSnapshot({ steps: 9, loss: 0.0005 }, TASK1).lossText, 'training loss 0.001');
  assert.equal(describeSnapshot({ steps: 9, loss: 0 }, TASK1).lossText, 'training loss 0.000');
  assert.match(curveSummary([point(10, 1.2), point(20, 0.0001)], 20), /^After 20 steps: training loss under 0\.001 \(it was 1\.200 at the first point\),/);
});

test('task 3\'s comparison: the nouns\' split as percentages, raw weights compact, and what "it" attends to when the nouns get almost nothing', () => {
  const big = twin('tired', [0.6, 0.2, 0.1, 0.1]);
  const tiny = twin('wide', [3e-7, 1e-7, 0, 1 - 4e-7]);
  const d = describeSnapshot({ steps: 5, loss: 1, accuracy: 0.5, probe: big, compare: tiny }, TASK3).comparison;
  assert.deepEqual(d.shares.map((v) => Number(v.toFixed(6))), [0.75, 0.75]);
  assert.equal(d.same, true);
  assert.equal(d.line, 'Layer 1, “it”’s weights on the two nouns: with “tired”, “animal” 0.600 and “street” 0.200; '
    + 'with “wide”, almost none (“animal” 3.0 × 10⁻⁷ and “street” 1.0 × 10⁻⁷: “it” attends most to “wide”, 100%). '
    + 'Of the weight on the two nouns, “animal” gets 75.00% with “tired” and 75.00% with “wide”. '
    + 'Changing the adjective can only scale both noun weights together, so the split stays the same and the adjective cannot tip “it” toward the other noun.');
  // a split that moves is reported as moving, without the conclusion
  const moved = describeSnapshot({ steps: 5, loss: 1, accuracy: 0.5, probe: big, compare: twin('wide', [0.2, 0.2, 0.3, 0.3]) }, TASK3).comparison;
  assert.equal(moved.same, false);
  assert.match(moved.line, /“animal” gets 75\.00% with “tired” and 50\.00% with “wide”\. The split moved by 25\.0000 points\.$/);
  // two layers: the conclusion is about layer 1 only
  const two = (p) => ({ ...p, layers: [p.layers[0], p.layers[0]] });
  assert.match(describeSnapshot({ steps: 5, probe: two(big), compare: two(tiny) }, TASK3).comparison.line, /in layer 1 the adjective cannot tip “it” toward the other noun; layer 2 starts from words that layer 1 has already mixed, so there it can\.$/);
  // nouns at exactly 0: no split to compare
  const zero = describeSnapshot({ steps: 5, probe: big, compare: twin('wide', [0, 0, 0, 1]) }, TASK3).comparison;
  assert.match(zero.line, /With “wide” both weights are 0 in 32-bit numbers, so there is no split to compare\.$/);
  assert.equal(zero.same, false);
});

test('task 4: layer 2\'s "it" row ends on "animal" once held-out accuracy passes 95 % (step 20)', async () => {
  const r = await run('two-layers');
  const d = r.train(600, (x) => x.solved);
  assert.ok(r.reached() !== null, 'reached 95 % within 600 steps');
  assert.ok(r.last().accuracy >= TARGET_ACCURACY);
  assert.equal(d.heatmaps.length, 2);
  assert.ok(d.heatmaps.every((m) => m.mapValues === m.values && m.maskedAs === undefined), 'no mask without the causal mask');
  assert.equal(d.row.layer, 1);
  assert.equal(d.row.row, 7);
  assert.equal(d.row.peaks[0].word, 'animal');
  assert.match(d.row.line, /^Layer 2: “it” attends most to “animal” \(\d+%\)\./);
  assert.match(d.prediction, /^it = animal, \d+% \(right\)$/);
  // the probe's twin with "wide": the route line's numbers are the two probes' own weights
  const { probe, compare } = r.last();
  assert.equal(compare.tokens.at(-1), 'wide');
  const c = d.comparison;
  assert.ok(c, 'the probe and its twin are compared');
  const n = probe.tokens.length, it = probe.readout, adj = n - 1;
  assert.deepEqual(c.adjectiveWeights, [probe.layers[0][0][it * n + adj], compare.layers[0][0][it * n + adj]]);
  const split = (p) => p.layers[1][0][it * n + 1] / (p.layers[1][0][it * n + 1] + p.layers[1][0][it * n + 5]);
  assert.deepEqual(c.shares, [split(probe), split(compare)]);
  // what the checked seed learned: layer 2 follows the adjective to the matching noun, and in
  // layer 1 "it" takes in "wide" but hardly "tired"
  assert.equal(c.tipped, true, c.line);
  assert.ok(c.shares[0] > 0.5 && c.shares[1] < 0.5);
  assert.equal(c.apart, true, c.line);
  assert.ok(c.adjectiveWeights[1] - c.adjectiveWeights[0] >= ROUTE_GAP);
  assert.match(c.line, /^In layer 1, “it” gives the adjective \d\.\d+ of its weight with “tired” and \d\.\d+ with “wide”: far more of one than of the other, so what “it” takes in during layer 1 differs between the two sentences\. In layer 2, of “it”’s weight on the two nouns, “animal” gets \d+% with “tired” and (<1|\d+)% with “wide”: the adjective tips “it” to the matching noun, the choice one layer could not make\.$/);
  console.log(`# task 4, seed ${TASK4.shippedSeed}: 95 % held-out at step ${r.reached()} (Node); ${c.line}`);
});

// Two probes for task 4's route line, made up so the numbers are known: two layers, "it" (row 2),
// the nouns words 0 and 1, the adjective word 3; `l1` and `l2` are "it"'s rows in each layer (one
// per head).
function twoLayerTwin(adjective, l1, l2) {
  const tokens = ['animal', 'street', 'it', adjective], n = 4;
  const map = (row) => { const w = new Float32Array(n * n).fill(0.25); w.set(row, 2 * n); return w; };
  return { tokens, layers: [l1.map(map), l2.map(map)], readout: 2, answer: adjective === 'tired' ? 0 : 1, weightOnAnswer: l2[0][adjective === 'tired' ? 0 : 1], prediction: { label: 'animal', probabilities: { animal: 0.6, street: 0.4 }, correct: 'animal' } };
}

test('task 4\'s route line: layer 1\'s weight on the adjective and layer 2\'s split, with conclusions only where the numbers bear them out', () => {
  const route = (a, b) => describeSnapshot({ steps: 5, probe: a, compare: b }, TASK4).comparison;
  const solved = route(twoLayerTwin('tired', [[0.3, 0.3, 0.38, 0.02]], [[0.9, 0.1, 0, 0]]), twoLayerTwin('wide', [[0, 0, 0.05, 0.95]], [[0.2, 0.6, 0.2, 0]]));
  assert.equal(solved.line, 'In layer 1, “it” gives the adjective 0.0200 of its weight with “tired” and 0.950 with “wide”: far more of one than of the other, '
    + 'so what “it” takes in during layer 1 differs between the two sentences. In layer 2, of “it”’s weight on the two nouns, “animal” gets 90% with “tired” '
    + 'and 25% with “wide”: the adjective tips “it” to the matching noun, the choice one layer could not make.');
  assert.deepEqual([solved.apart, solved.tipped], [true, true]);
  // the same weights on the adjective and a split that does not follow it: no conclusion drawn
  const not = route(twoLayerTwin('tired', [[0.3, 0.3, 0.3, 0.1]], [[0.6, 0.4, 0, 0]]), twoLayerTwin('wide', [[0.3, 0.3, 0.3, 0.12]], [[0.7, 0.3, 0, 0]]));
  assert.deepEqual([not.apart, not.tipped], [false, false]);
  assert.match(not.line, /with “wide”: about the same with either, though the two adjectives’ value vectors differ\. .*“animal” gets 60% with “tired” and 70% with “wide”: the adjective does not tip “it” to the matching noun\.$/);
  const little = route(twoLayerTwin('tired', [[0.3, 0.3, 0.38, 0.02]], [[0.6, 0.4, 0, 0]]), twoLayerTwin('wide', [[0.3, 0.3, 0.37, 0.03]], [[0.7, 0.3, 0, 0]]));
  assert.equal(little.apart, false);
  assert.match(little.line, /with “wide”: little with either, so in layer 1 “it” takes in little of the adjective\. /);
  // several heads: the head where the adjective's weight differs most, and the one whose split moves most, are named
  const heads = route(twoLayerTwin('tired', [[0.25, 0.25, 0.25, 0.25], [0.5, 0.4, 0.05, 0.05]], [[0.5, 0.5, 0, 0], [0.8, 0.2, 0, 0]]),
    twoLayerTwin('wide', [[0.25, 0.25, 0.2, 0.3], [0, 0, 0.1, 0.9]], [[0.5, 0.5, 0, 0], [0.1, 0.9, 0, 0]]));
  assert.deepEqual([heads.layer1Head, heads.lastHead], [1, 1]);
  assert.match(heads.line, /^In layer 1 \(head 2\), “it” gives the adjective 0\.0500 of its weight with “tired” and 0\.900 with “wide”: .* In layer 2 \(head 2\), .* “animal” gets 80% with “tired” and 10% with “wide”: the adjective tips/);
  // no weight at all on the nouns: no split
  const none = route(twoLayerTwin('tired', [[0.3, 0.3, 0.3, 0.1]], [[0.6, 0.4, 0, 0]]), twoLayerTwin('wide', [[0.3, 0.3, 0.3, 0.1]], [[0, 0, 0.5, 0.5]]));
  assert.equal(none.tipped, false);
  assert.match(none.line, /In layer 2, “it” gives the two nouns no weight at all with “wide”, so there is no split to compare\.$/);
  // step 19 keeps its own comparison (layer 1's split)
  assert.match(describeSnapshot({ steps: 5, probe: twin('tired', [0.6, 0.2, 0.1, 0.1]), compare: twin('wide', [0.3, 0.1, 0, 0.6]) }, TASK3).comparison.line, /^Layer 1, “it”’s weights on the two nouns/);
});

test('task 5: under the causal mask the last letter\'s row learns to look one back; nothing above the diagonal (step 21)', async () => {
  const r = await run('causal-learning');
  const d = r.train(300, (x) => x.solved);
  assert.ok(r.reached() !== null, 'reached 95 % within 300 steps');
  const { values, n } = d.heatmaps[0];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) assert.equal(values[i * n + j], 0, `row ${i}, column ${j} is masked`);
  // the map marks exactly those cells as hidden (weight 0) and shows every other weight as it is
  const { mapValues, maskedAs } = d.heatmaps[0];
  assert.equal(maskedAs, 'weight');
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) assert.equal(mapValues[i * n + j], j > i ? -Infinity : values[i * n + j]);
  assert.equal(d.row.peaks[0].word, 'c');
  assert.equal(d.row.peak ?? d.row.peaks[0].peak, n - 2);
  assert.match(d.prediction, /^the letter before “b” = c, \d+% \(right\)$/);
  console.log(`# task 5, seed ${TASK5.shippedSeed}: 95 % held-out at step ${r.reached()}, last row on the previous letter ${(d.row.peaks[0].weight * 100).toFixed(0)} %`);
});

test('a learning rate of 1 stops training with a message, the page gets no NaN heatmap, and Reset starts again', async () => {
  const r = await run('watch-learning', { learningRate: '1' });
  for (let i = 0; i < 30 && !r.posted.some((p) => p.type === 'error'); i++) r.session.handle({ type: 'step', count: 10 });
  const err = r.posted.find((p) => p.type === 'error');
  assert.ok(err, 'training stopped');
  assert.match(err.message, /^Training stopped at step \d+: the loss became .*learning rate 1 .*Lower the learning rate and reset\.$/);
  r.session.handle({ type: 'pause' });
  const d = describeSnapshot(r.last(), TASK1);
  assert.ok(d.probeError === null || /blow up/.test(d.probeError), d.probeError);
  for (const m of d.heatmaps) assert.ok(m.values.every(Number.isFinite));
  r.session.handle({ type: 'learningRate', value: 0.01 });
  r.session.handle({ type: 'reset' });
  assert.equal(r.last().steps, 0);
  r.session.handle({ type: 'step', count: 5 });
  assert.equal(r.last().steps, 5);
  assert.ok(Number.isFinite(r.last().loss));
});

test('an out-of-vocabulary probe word is named; a sentence without the pattern has no right answer', async () => {
  const r = await run('watch-learning');
  r.session.handle({ type: 'probe', sentence: 'the zebra crossed because it was tired' });
  const d = describeSnapshot(r.last(), TASK1);
  assert.match(d.probeError, /^The probe sentence cannot be used: this word is not in the task's vocabulary: "zebra"\. The model knows only the words listed under “Words the model knows”\.$/);
  assert.doesNotMatch(d.probeError, /trainer\./, 'no API names on the page');
  assert.equal(d.heatmaps.length, 0);
  assert.equal(d.prediction, null);
  r.session.handle({ type: 'probe', sentence: 'the animal was too tired' });
  assert.match(describeSnapshot(r.last(), TASK1).prediction, /no right answer to compare with/);
  assert.equal(curveSummary([], null), 'No training yet: press Play or Step.');
  assert.equal(plateauLine([]), null);
  assert.equal(plateauLine([{ x: 0, values: [null, 0.56, 0.2] }]), null, 'no plateau line before the first step');
});

// Made-up probe (no training): the readout row's words name their place when the probe repeats a
// letter, so "attends most to 'g'" and "the deciding word is 'g'" say which 'g'; with several
// heads the weight on the deciding word says it is their mean.
test('repeated words are named by place, and a mean over heads says so', () => {
  const tokens = ['g', 'a', 'g', 'h'];
  const n = tokens.length;
  const row = (peak) => { const w = new Float32Array(n * n); for (let i = 0; i < n; i++) w[i * n + Math.min(i, peak)] = 1; return w; };
  const probe = { tokens, readout: 3, answer: 2, layers: [[row(0), row(2)]], prediction: { label: 'g', probabilities: { g: 0.9 }, correct: 'g' }, weightOnAnswer: 0.5 };
  const d = describeSnapshot({ steps: 5, loss: 1, accuracy: 0.5, probe }, TASK5);
  assert.match(d.row.line, /head 1: “h” attends most to “g” \(word 1\) \(100%\)\. .*head 2: “h” attends most to “g” \(word 3\) \(100%\)\. The word that decides the answer is “g” \(word 3\)\.$/);
  assert.equal(d.weightText, 'weight on the deciding word 50%, the mean over the 2 heads of the last layer');
  assert.match(curveSummary([d.point], null, null, d.heads), /puts 50% of its weight on the deciding word, the mean over the 2 heads of the last layer[ .]/);
  const one = describeSnapshot({ steps: 5, loss: 1, accuracy: 0.5, probe: { ...probe, layers: [[row(2)]] } }, TASK5);
  assert.equal(one.weightText, 'weight on the deciding word 50%');
});

test('a loss that blew up is not called "not trained yet"', () => {
  assert.equal(describeSnapshot({ steps: 1, loss: NaN }, TASK1).lossText, 'training loss: no longer a number (the weights blew up; press Reset)');
  assert.equal(describeSnapshot({ steps: 0, loss: null }, TASK1).lossText, 'training loss: not trained yet');
});
