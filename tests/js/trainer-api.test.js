// The trainer's JS API (engine.loadTraining / createTrainer, wasm/training.js) in both builds:
// the shapes of every result, loading rules, reset and dispose, and every error a learner or a
// caller can trigger, each with a message that names the problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from 'attention-lesson';

const PROBE = 'the dog couldn\'t reach the bridge because it was too sleepy';

test('createTrainer before loadTraining says to call loadTraining; loading is idempotent', async () => {
  const engine = await createEngine();
  assert.equal(engine.trainingTasks, undefined);
  assert.throws(() => engine.createTrainer({ task: 'tired-wide' }), /loadTraining/);
  const [a, b] = await Promise.all([engine.loadTraining(), engine.loadTraining()]);
  assert.equal(a, engine);
  assert.equal(b, engine);
  assert.deepEqual([...engine.trainingTasks], ['tired-wide', 'which-apple', 'it-one-layer', 'it-two-layers', 'copy-previous']);
  const viaOption = await createEngine({ training: true });
  assert.deepEqual(viaOption.trainingTasks, engine.trainingTasks);
});

for (const simd of [true, false]) {
  test(`trainer results have the documented shapes (${simd ? 'SIMD' : 'scalar'} build)`, async () => {
    const engine = await createEngine({ simd, training: true });
    const t = engine.createTrainer({ task: 'it-two-layers', layers: 2, heads: 2, dModel: 16, seed: 3, learningRate: 0.01, batchSize: 8 });
    assert.ok(t.vocabulary.includes('animal') && t.vocabulary.includes('tired'));
    const { loss, steps } = t.step(3);
    assert.ok(Number.isFinite(loss) && loss > 0);
    assert.equal(steps, 3);
    assert.equal(t.steps, 3);
    const ev = t.evaluate();
    assert.ok(ev.accuracy >= 0 && ev.accuracy <= 1 && Number.isFinite(ev.loss));
    // 256 held-out sentences: the accuracy is a multiple of 1/256
    assert.equal(Math.round(ev.accuracy * 256), ev.accuracy * 256);
    const a = t.attend(PROBE);
    assert.deepEqual(a.tokens, PROBE.split(' '));
    assert.equal(a.readout, 7); // "it"
    assert.equal(a.answer, 1); // "dog"
    assert.equal(a.layers.length, 2);
    for (const layer of a.layers) {
      assert.equal(layer.length, 2);
      for (const w of layer) {
        assert.ok(w instanceof Float32Array);
        assert.equal(w.length, 11 * 11);
        for (let i = 0; i < 11; i++) {
          const row = w.subarray(i * 11, i * 11 + 11);
          assert.ok(Math.abs(row.reduce((s, x) => s + x, 0) - 1) < 1e-5, `row ${i} sums to 1`);
        }
      }
    }
    const p = t.predict(PROBE);
    // tasks 1 and 4 name the noun: one probability per noun of the task (18), summing to 1
    assert.deepEqual(Object.keys(p.probabilities), engine.trainingTask('it-two-layers').labels.nouns);
    assert.equal(Object.keys(p.probabilities).length, 18);
    assert.ok(Math.abs(Object.values(p.probabilities).reduce((a, b) => a + b, 0) - 1) < 1e-5);
    const best = Object.entries(p.probabilities).sort((a, b) => b[1] - a[1])[0][0];
    assert.equal(p.label, best);
    assert.equal(p.correct, 'dog');
    assert.equal(t.predict('the street was not crossed by the cat because it was too wide').correct, 'street');
    t.dispose();
    t.dispose();
    assert.throws(() => t.step(1), /disposed/);
    assert.throws(() => t.evaluate(), /disposed/);
  });
}

test('class labels per task: two nouns in order, fixed names, letters', async () => {
  const engine = await createEngine({ training: true });
  const apple = engine.createTrainer({ task: 'which-apple' });
  assert.deepEqual(Object.keys(apple.predict('we peeled the apple').probabilities), ['company', 'fruit']);
  assert.equal(apple.predict('we peeled the apple').correct, 'fruit');
  assert.equal(apple.predict('she bought apple phones').correct, 'company');
  const copy = engine.createTrainer({ task: 'copy-previous' });
  assert.deepEqual(Object.keys(copy.predict('a b c').probabilities), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  assert.equal(copy.predict('a b c').correct, 'b');
  const causal = copy.attend('a b c d').layers[0][0];
  for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) assert.equal(causal[i * 4 + j], 0, 'causal: no weight on later tokens');
  // task 3 asks which of the two nouns, named in sentence order
  const one = engine.createTrainer({ task: 'it-one-layer' });
  assert.deepEqual(Object.keys(one.predict(PROBE).probabilities), ['dog', 'bridge']);
  assert.deepEqual(Object.keys(one.predict('the road was not crossed by the cat because it was too wide').probabilities), ['road', 'cat']);
  assert.equal(one.predict('the road was not crossed by the cat because it was too wide').correct, 'road');
  const wide = engine.createTrainer({ task: 'tired-wide' });
  assert.equal(wide.attend(PROBE).readout, 10); // read out at the adjective
  assert.equal(engine.trainingTask('it-one-layer').layers, 1);
  assert.equal(engine.trainingTask('it-two-layers').layers, 2);
  assert.ok(engine.trainingTask('tired-wide').title.includes('tired'));
});

test('bad settings throw errors that name the setting', async () => {
  const engine = await createEngine({ training: true });
  const bad = [
    [undefined, TypeError, /settings object/],
    [{ task: 'poetry' }, RangeError, /Unknown task "poetry".*tired-wide/],
    [{}, TypeError, /task must be one of/],
    [{ task: 'tired-wide', layers: 3 }, RangeError, /layers must be at most 2/],
    [{ task: 'tired-wide', layers: 1.5 }, TypeError, /layers must be a whole number/],
    [{ task: 'tired-wide', heads: 3 }, RangeError, /heads must be 1, 2 or 4/],
    [{ task: 'tired-wide', heads: 4, dModel: 30 }, RangeError, /heads \(4\) must divide dModel \(30\)/],
    [{ task: 'tired-wide', dModel: 1000 }, RangeError, /dModel.*at most 128/],
    [{ task: 'tired-wide', seed: -1 }, RangeError, /seed must be at least 0/],
    [{ task: 'tired-wide', learningRate: 0 }, RangeError, /learningRate must be greater than 0/],
    [{ task: 'tired-wide', learningRate: 'fast' }, TypeError, /learningRate must be a number/],
    [{ task: 'tired-wide', learningRate: NaN }, TypeError, /learningRate must be a number/],
    [{ task: 'tired-wide', batchSize: 0 }, RangeError, /batchSize must be at least 1/],
    [{ task: 'tired-wide', positions: 'random' }, RangeError, /positions must be 'learned' or 'sinusoidal'/],
    [{ task: 'tired-wide', lerningRate: 0.1 }, TypeError, /Unknown trainer setting "lerningRate"/],
  ];
  for (const [settings, type, message] of bad) {
    assert.throws(() => engine.createTrainer(settings), (err) => err instanceof type && message.test(err.message), JSON.stringify(settings));
  }
  assert.throws(() => engine.trainingTask('nope'), /Unknown task "nope"/);
});

test('bad sentences and step counts throw errors that name the problem', async () => {
  const engine = await createEngine({ training: true });
  const t = engine.createTrainer({ task: 'it-two-layers' });
  assert.throws(() => t.predict('the elephant couldn\'t reach the bridge because it was too sleepy'), /not in the task's vocabulary: "elephant"/);
  assert.throws(() => t.attend('the zebra and the gnu'), /These words are not in the task's vocabulary: "and", "zebra", "gnu"|These words are not in the task's vocabulary: "zebra", "and", "gnu"/);
  assert.throws(() => t.attend(''), /The sentence is empty/);
  assert.throws(() => t.attend('  ,, '), /The sentence has no words, only punctuation/);
  assert.throws(() => t.attend(42), /The sentence must be text/);
  assert.throws(() => t.attend('the animal was too tired'), /needs the word "it"/);
  assert.throws(() => t.attend(Array(17).fill('the').join(' ') + ' it'), /has 18 words, but this model reads at most 16/);
  const one = engine.createTrainer({ task: 'it-one-layer' });
  assert.throws(() => one.predict('the animal didn\'t cross because it was too tired'), /exactly two nouns.*has 1: animal/);
  assert.throws(() => one.predict('the cat didn\'t cross the cat because it was too tired'), /uses "cat" twice/);
  assert.throws(() => t.step(0), /count \(steps\) must be at least 1/);
  assert.throws(() => t.step(2.5), /whole number/);
  assert.throws(() => t.setLearningRate(-1), /learningRate must be greater than 0/);
  assert.throws(() => t.loadWeights(new Float32Array(3)), /hold 3 numbers, but this model .* needs \d+/);
  assert.throws(() => t.loadWeights([1, 2]), /Float32Array/);
  // Capitals, curly apostrophes and punctuation are read as the plain words.
  assert.deepEqual(t.attend('The dog couldn’t reach the bridge, because it was too sleepy!').tokens, PROBE.split(' '));
  // After all these errors the trainer still trains.
  assert.ok(Number.isFinite(t.step(1).loss));
});

test('a learning rate that makes the loss non-finite stops training with a message; reset works', async () => {
  const engine = await createEngine({ training: true });
  const t = engine.createTrainer({ task: 'tired-wide', learningRate: 1000, seed: 2 });
  let error = null;
  for (let i = 0; i < 200 && !error; i++) {
    try { t.step(1); } catch (err) { error = err; }
  }
  assert.ok(error, 'the loss went non-finite within 200 steps');
  assert.match(error.message, /Training stopped at step \d+: the loss became (NaN|infinite|[\d.e+]+, far above where it started).*learning rate 1000.*Lower the learning rate and reset/);
  assert.equal(t.stopped, error.message);
  assert.throws(() => t.step(1), (err) => err.message === error.message);
  t.setLearningRate(0.01);
  t.reset();
  assert.equal(t.stopped, null);
  assert.equal(t.steps, 0);
  const fresh = engine.createTrainer({ task: 'tired-wide', learningRate: 0.01, seed: 2 });
  assert.deepEqual(t.saveWeights(), fresh.saveWeights(), 'reset returns to the seed\'s initial weights');
  assert.equal(t.step(5).loss, fresh.step(5).loss, 'and to the seed\'s batches');
});

test('the README training example runs and prints what its comments say', async () => {
  const { readFileSync, writeFileSync, mkdtempSync } = await import('node:fs');
  const path = await import('node:path');
  const { fileURLToPath, pathToFileURL } = await import('node:url');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Training: watch attention learn'));
  const code = /```js\n([\s\S]*?)```/.exec(section)[1];
  const file = path.join(mkdtempSync(path.join(root, 'build', 'readme-train-')), 'example.mjs');
  writeFileSync(file, `const console = { log: (...a) => globalThis.__trainLog.push(a) };\n${code}`);
  globalThis.__trainLog = [];
  await import(pathToFileURL(file).href);
  const promised = [...code.matchAll(/console\.log\(.*\);\s*\/\/ (.*)$/gm)].map((m) => m[1].trim());
  assert.deepEqual(globalThis.__trainLog.map((a) => JSON.stringify(a[0]).replace(/"/g, "'")), promised);
});
