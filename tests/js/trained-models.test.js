// The sentence scenes' learned weights (web/src/steps/trained-models.js, trained-loader.js): the
// checked-in files run through the attention engine alone give exactly what the trainer itself
// computes (attend() weights per layer, predict() probabilities) on the probe and on held-out
// sentences, and a sentence is read the way the trainer reads it (unknown words and punctuation).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createEngine } from '../../wasm/engine.js';
import { decodeWeights } from '../../wasm/trained-weights.js';
import { loadTrainedModels } from '../../web/src/steps/trained-loader.js';
import { readForModel, runTrainedModel } from '../../web/src/steps/trained-models.js';

const dir = new URL('../../web/assets/trained/', import.meta.url);
const readTrained = (name) => Promise.resolve(new Uint8Array(readFileSync(new URL(name, dir))));

let engine, trained;
before(async () => {
  engine = await createEngine({ training: true });
  trained = await loadTrainedModels(readTrained);
});

test('every shipped model run by the engine gives the trainer’s own attention weights and answer', () => {
  assert.deepEqual(trained.models.map((m) => m.task), ['tired-wide', 'which-apple', 'it-two-layers']);
  for (const m of trained.models) {
    const entry = trained.manifest.models.find((e) => e.file === m.file);
    const t = engine.createTrainer({ task: m.task, layers: m.layers, heads: m.heads, dModel: m.dModel, seed: entry.seed, positions: entry.positions });
    t.loadWeights(decodeWeights(readFileSync(new URL(m.file, dir))));
    const sentences = [m.probe, ...engine.trainingExamples(m.task, { count: 6, heldOut: true }).map((e) => e.words.join(' '))];
    for (const sentence of sentences) {
      const read = readForModel(m, sentence.split(' '));
      assert.deepEqual(read.unknown, []);
      const mine = runTrainedModel(m, read.ids, engine);
      const theirs = t.attend(sentence);
      assert.equal(mine.layers.length, theirs.layers.length);
      let worst = 0;
      mine.layers.forEach((r, l) => r.heads.forEach((h, k) => h.weights.forEach((w, i) => { worst = Math.max(worst, Math.abs(w - theirs.layers[l][k][i])); })));
      assert.ok(worst < 1e-5, `${m.task} “${sentence}”: largest difference ${worst}`);
      assert.equal(mine.readout, theirs.readout, `${m.task}: the read-out row`);
      const p = t.predict(sentence);
      assert.equal(mine.prediction.label, p.label, `${m.task} “${sentence}”`);
      assert.ok(Math.abs(mine.prediction.probability - p.probabilities[p.label]) < 1e-4);
    }
    t.dispose();
  }
});

test('a sentence is read as the trainer reads it: case and curly apostrophes folded, punctuation left out, unknown words named', () => {
  const m = trained.models.find((x) => x.task === 'it-two-layers');
  const r = readForModel(m, ['The', 'animal', 'didn’t', 'cross', 'the', 'street', 'because', 'it', 'was', 'too', 'tired', '.']);
  assert.deepEqual(r.unknown, []);
  assert.deepEqual(r.dropped, ['.']);
  assert.equal(r.words[2], "didn't");
  assert.equal(r.words.length, 11);
  assert.deepEqual(readForModel(m, ['The', 'cat', 'sat', 'down', 'Sat']).unknown, ['sat', 'down', 'Sat']);
});

test('a damaged file or manifest is refused in words', async () => {
  const { prepareTrainedModel } = await import('../../web/src/steps/trained-models.js');
  const entry = trained.manifest.models[0];
  const bytes = readFileSync(new URL(entry.file, dir));
  assert.throws(() => prepareTrainedModel({ ...entry, tensors: { ...entry.tensors, 'layer1.wq': undefined } }, bytes), /has no tensor "layer1\.wq"/);
  assert.throws(() => prepareTrainedModel(entry, bytes.subarray(0, 40)), /bytes, but/);
});
