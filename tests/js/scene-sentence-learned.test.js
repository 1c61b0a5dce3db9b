// Steps 10's and 13's "learned / random" switch on the real engine with the checked-in trained weights:
// learned, layer 2's 'it' row of the held-out tired sentence peaks on 'animal' (and the wide one on
// 'street'), the page's sentences say which weights are shown and what the pattern is, with the
// very numbers on screen; random makes no such claim; words the model never saw make it fall back
// in words; the switch is a schema input that survives the URL hash.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';
import { model } from '../../web/src/steps/10-sentence/model.js';
import { model as multiHeadModel } from '../../web/src/steps/13-multi-head/model.js';
import { INPUTS as MULTI_HEAD_INPUTS } from '../../web/src/steps/13-multi-head/inputs.js';
import { ANIMAL_SENTENCE, INPUTS } from '../../web/src/steps/10-sentence/inputs.js';
import { schemaDefaults, validateInputs } from '../../web/src/state.js';
import { loadTrainedModels } from '../../web/src/steps/trained-loader.js';
import { formatNumber } from '../../web/src/lib/format.js';
import { topK } from '../../web/src/lib/matrix.js';
import { readFileSync } from 'node:fs';

const dir = new URL('../../web/assets/trained/', import.meta.url);
const readTrained = (name) => Promise.resolve(new Uint8Array(readFileSync(new URL(name, dir))));

let engine, trained;
before(async () => {
  engine = await createEngine();
  trained = await loadTrainedModels(readTrained);
});
const run = (patch, t = trained) => model({ ...schemaDefaults(INPUTS), ...patch }, engine, t, null);
const row = (m, word) => {
  const i = m.tokens.indexOf(word);
  return m.head.weights.subarray(i * m.n, (i + 1) * m.n);
};

test('learned, layer 2: the ‘it’ row of the held-out tired sentence peaks on ‘animal’, of the wide one on ‘street’', () => {
  const tired = run({ sentence: `${ANIMAL_SENTENCE}.`, weights: 'learned', trained: 'it-two-layers', layer: 2, stage: 3 });
  assert.equal(tired.weights.kind, 'learned');
  assert.equal(tired.tokens.join(' '), "the animal didn't cross the street because it was too tired");
  const it = row(tired, 'it');
  const animal = tired.tokens.indexOf('animal'), street = tired.tokens.indexOf('street');
  assert.equal(topK(it, 1)[0].index, animal, `‘it’ row: ${Array.from(it, (v) => v.toFixed(2))}`);
  assert.ok(it[animal] > 2 * it[street], `animal ${it[animal]} vs street ${it[street]}`);
  const wide = run({ sentence: ANIMAL_SENTENCE.replace('tired', 'wide'), weights: 'learned', trained: 'it-two-layers', layer: 2 });
  const itWide = row(wide, 'it');
  assert.equal(topK(itWide, 1)[0].index, wide.tokens.indexOf('street'));
  // the page says what the pattern is, with the numbers of the row on screen
  assert.equal(tired.weights.pattern.startsWith(`The model reads its answer at 'it': in layer 2 that row gives its largest weight, ${formatNumber(it[animal])}, to 'animal'`), true, tired.weights.pattern);
  assert.match(tired.weights.pattern, /The model’s answer: 'animal' \(\d\.\d\d\)\.$/);
  assert.match(wide.weights.pattern, /The model’s answer: 'street'/);
  assert.match(tired.weights.source, /^Learned weights: .* trained by this lesson’s own trainer on the task “it → animal with two layers”, sentences like “the animal didn't cross the street because it was too tired” \(300 training steps from seed 21; 99.6 % right on held-out sentences it never saw\)\. Showing layer 2 of 2\.$/);
  assert.match(tired.weights.note, /‘\.’ is left out: the trained model never saw punctuation/);
  // every stage is the engine's, from the learned matrices: d_k = 32, rows sum to 1
  assert.equal(tired.dK, 32);
  assert.equal(tired.stageNames[1], 'scaled scores ÷ √32');
  for (let i = 0; i < tired.n; i++) assert.ok(Math.abs(row(tired, tired.tokens[i]).reduce((a, b) => a + b, 0) - 1) < 1e-5);
});

test('random weights make no claim: the ‘it’ row is whatever the seed gives, and the page says nothing was learned', () => {
  const m = run({ sentence: ANIMAL_SENTENCE, weights: 'random' });
  assert.equal(m.weights.kind, 'random');
  assert.equal(m.weights.pattern, '');
  assert.match(m.weights.source, /^Random weights: .*nothing here is learned/);
  assert.equal(m.dK, 16);
  // the seeded row happens to favour 'street' over 'animal', the opposite of the trained model
  const it = row(m, 'it');
  assert.ok(it[m.tokens.indexOf('street')] > it[m.tokens.indexOf('animal')]);
});

test('learned, one layer (tired → animal): the adjective’s row, where the answer is read, peaks on its noun', () => {
  const m = run({ sentence: 'the dog didn\'t cross the road because it was too sleepy', weights: 'learned', trained: 'tired-wide', layer: 2 });
  assert.equal(m.weights.layer, 1, 'a one-layer model shows its only layer');
  const r = row(m, 'sleepy');
  assert.equal(m.tokens[topK(r, 1)[0].index], 'dog', Array.from(r, (v) => v.toFixed(2)).join(' '));
  assert.match(m.weights.pattern, /^The model reads its answer at the last word, 'sleepy': in layer 1 that row gives its largest weight, \d\.\d\d, to 'dog'/);
});

test('words the trained model never saw: it falls back to the random weights and says why, naming the words and a model that knows them', () => {
  const cat = run({ weights: 'learned', trained: 'it-two-layers' });
  assert.equal(cat.weights.kind, 'random');
  assert.ok(cat.weights.wanted);
  assert.match(cat.weights.note, /only knows the \d+ words of its task; ‘sat’ and ‘down’ are not among them, so it cannot read this sentence and the random weights are shown instead\. Try its example/);
  const apple = run({ sentence: 'she peeled the apple', weights: 'learned', trained: 'it-two-layers' });
  assert.match(apple.weights.note, /‘she’, ‘peeled’ and ‘apple’ are not among them.*The model trained on “Which apple\?” knows every word of this sentence\./);
  const long = run({ sentence: Array(17).fill('the').join(' '), weights: 'learned' });
  assert.match(long.weights.note, /reads at most 16 words; this sentence has 17/);
});

test('before the files arrive it says it is loading and shows the random weights', () => {
  const m = run({ sentence: ANIMAL_SENTENCE, weights: 'learned' }, null);
  assert.equal(m.weights.kind, 'random');
  assert.equal(m.weights.loading, true);
  assert.match(m.weights.note, /^Loading the learned weights/);
  const failed = model({ ...schemaDefaults(INPUTS), weights: 'learned' }, engine, null, 'HTTP 404');
  assert.match(failed.weights.note, /could not be loaded \(HTTP 404\), so the random weights are shown/);
});

test('the switch is a scene input: checked by the schema like every other', () => {
  const ok = validateInputs(INPUTS, { weights: 'learned', trained: 'which-apple', layer: 1 });
  assert.deepEqual(ok.problems, []);
  assert.equal(ok.values.weights, 'learned');
  const bad = validateInputs(INPUTS, { weights: 'trained', layer: 7 });
  assert.equal(bad.values.weights, 'random');
  assert.ok(bad.problems.some((p) => /weights \(random or learned\)/.test(p)), bad.problems.join(' | '));
});

test('step 13 with learned weights: the trained model’s own heads, its layer-2 ‘it’ row on ‘animal’, and it says the heads setting is not used', () => {
  const m = multiHeadModel({ ...schemaDefaults(MULTI_HEAD_INPUTS), weights: 'learned', heads: 4 }, engine, trained, null);
  assert.equal(m.weights.kind, 'learned');
  assert.equal(m.h, 1);
  assert.equal(m.headShape, '11 × 32 (d_k = d_model / h = 32 / 1)');
  assert.equal(m.tokens[m.query], 'it');
  assert.equal(m.tokens[m.best[0].col], 'animal');
  assert.match(m.weights.source, /This model has 1 head per layer, so the heads setting \(4\) applies to the random weights only\.$/);
  assert.match(m.weights.pattern, /in layer 2 that row gives its largest weight, \d\.\d\d, to 'animal'/);
  const random = multiHeadModel({ ...schemaDefaults(MULTI_HEAD_INPUTS) }, engine, trained, null);
  assert.equal(random.h, 4);
  assert.equal(random.weights.pattern, '');
  assert.match(random.weights.source, /nothing here has learned to specialise/);
  // one head per layer: the step points to the language model's step, which is in the registry
  assert.equal(m.seeAlso.step, 'real-model');
  assert.match(m.seeAlso.text, /^This trained model has one head per layer/);
  assert.equal(random.seeAlso, null);
});

test('the switch round-trips through the URL hash for both steps, and a wrong value in a link is named', async () => {
  const { SCENES } = await import('../../web/src/steps/index.js');
  const { createState, fromHash, sceneInputs, setSceneInputs, toHash } = await import('../../web/src/state.js');
  const state = createState(SCENES);
  const sentence = SCENES.find((s) => s.id === 'sentence'), multi = SCENES.find((s) => s.id === 'multi-head');
  setSceneInputs(state, sentence, { weights: 'learned', trained: 'tired-wide', layer: 1 });
  setSceneInputs(state, multi, { weights: 'learned' });
  const back = fromHash(toHash(state), SCENES);
  assert.deepEqual(back.problems, []);
  const v = sceneInputs(back.state, sentence);
  assert.deepEqual([v.weights, v.trained, v.layer], ['learned', 'tired-wide', 1]);
  assert.equal(sceneInputs(back.state, multi).weights, 'learned');
  const wrong = fromHash(`#step=sentence&sentence=${encodeURIComponent(JSON.stringify({ weights: 'pretrained' }))}`, SCENES);
  assert.ok(wrong.problems.some((p) => /weights \(random or learned\)/.test(p)), wrong.problems.join(' | '));
});
