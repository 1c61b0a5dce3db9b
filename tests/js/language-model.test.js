// The checked-in language model (web/assets/lm) through the wasm module, without retraining:
// the file matches the manifest's sha256 and size budget, the held-out sample's loss and the
// measured head roles reproduce the manifest's numbers, and the wasm forward pass equals the
// native trainer's forward pass (build/native/lm-train) on the same weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODEL_DIR, openLanguageModel, readShipped } from '../../scripts/lm/open-model.mjs';
import { measureHeadRoles } from '../../web/src/lib/head-roles.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const manifest = JSON.parse(readShipped('manifest.json'));
const weights = readShipped('model.bin');
const sample = readShipped('heldout-sample.txt').toString('utf8').split('\n').filter(Boolean);
const sha256 = (b) => createHash('sha256').update(b).digest('hex');

test('the checked-in weights match the manifest: sha256, size, shape, licence', () => {
  assert.equal(sha256(weights), manifest.sha256);
  assert.equal(weights.length, manifest.fileBytes);
  assert.ok(weights.length <= 300_000, `${weights.length} bytes is over the 300 KB budget`);
  assert.equal(sha256(readShipped('heldout-sample.txt')), manifest.sample.sha256);
  assert.equal(sample.length, manifest.sample.sentences);
  assert.equal(manifest.config.layers, 2);
  assert.ok(manifest.config.heads >= 2 && manifest.config.heads <= 4);
  assert.ok(manifest.config.dModel >= 48 && manifest.config.dModel <= 64);
  assert.ok(manifest.config.context >= 16 && manifest.config.context <= 32);
  assert.ok(Math.abs(Math.exp(manifest.heldout.loss) - manifest.heldout.perplexity) < 0.01);
  assert.ok(existsSync(path.join(MODEL_DIR, 'LICENSE-WordNet.txt')));
  assert.match(readShipped('LICENSE-WordNet.txt').toString(), /WordNet 3\.0 Copyright 2006 by Princeton University/);
});

test('the wasm model reproduces the manifest\'s held-out sample loss', async () => {
  const model = await openLanguageModel(weights);
  let nats = 0;
  let predictions = 0;
  for (const s of sample) {
    const r = model.sequenceLoss(s);
    nats += r.predictions > 0 ? r.nats : 0;
    predictions += r.predictions;
  }
  model.dispose();
  assert.equal(predictions, manifest.sample.predictions, 'same tokens, same predictions as the native trainer');
  const loss = nats / predictions;
  assert.ok(Math.abs(loss - manifest.sample.loss) <= manifest.sample.tolerance,
    `wasm loss ${loss} vs manifest ${manifest.sample.loss} (tolerance ${manifest.sample.tolerance})`);
});

test('the head roles in the manifest are what the model does on the held-out sample', async () => {
  const model = await openLanguageModel(weights);
  const measured = measureHeadRoles(model, sample, manifest.posTags.tags);
  model.dispose();
  assert.equal(measured.queries, manifest.headRoles.queries);
  assert.equal(measured.heads.length, manifest.config.layers * manifest.config.heads);
  for (const [i, h] of measured.heads.entries()) {
    const m = manifest.headRoles.heads[i];
    assert.equal(h.role, m.role, `layer ${h.layer} head ${h.head}`);
    for (const k of Object.keys(h.shares)) {
      if (h.shares[k] === null) assert.equal(m.shares[k], null);
      else assert.ok(Math.abs(h.shares[k] - m.shares[k]) <= 2e-3, `layer ${h.layer} head ${h.head} ${k}: ${h.shares[k]} vs ${m.shares[k]}`);
    }
  }
  const named = manifest.headRoles.heads.filter((h) => h.role !== 'spread');
  assert.ok(named.length >= 1, 'at least one head has a measured pattern');
});

test('the wasm forward pass equals the native trainer\'s on the same weights', async (t) => {
  const trainer = path.join(root, 'build/native/lm-train');
  assert.ok(existsSync(trainer), 'build/native/lm-train is missing: npm test builds it (cmake --build build/native)');
  const model = await openLanguageModel(weights);
  const sentences = ['The bubbe made matzah ball soup again', 'The animal didn\'t cross the street because it was too tired', 'I love Apple phones', sample[7]];
  const ids = sentences.map((s) => [0, ...model.tokenize(s).map((w) => w.id)]);
  const run = spawnSync(trainer, ['forward', '--weights', path.join(MODEL_DIR, 'model.bin')], { input: ids.map((x) => x.join(' ')).join('\n') + '\n', encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, run.stderr);
  const native = JSON.parse(run.stdout);
  assert.equal(native.length, sentences.length);
  let worstAttention = 0;
  let worstLogit = 0;
  for (const [s, text] of sentences.entries()) {
    const { layers } = model.attend(text);
    const n = ids[s].length;
    for (let l = 0; l < layers.length; l++) {
      const flat = layers[l].flatMap((h) => Array.from(h));
      assert.equal(flat.length, native[s].attention[l].length);
      flat.forEach((w, i) => { worstAttention = Math.max(worstAttention, Math.abs(w - native[s].attention[l][i])); });
    }
    // next-token probabilities from the native logits vs the wasm prediction
    const logits = native[s].lastLogits;
    const max = Math.max(...logits);
    const z = logits.reduce((a, x) => a + Math.exp(x - max), 0);
    for (const p of model.predictNext(text, 20)) {
      const i = model.vocabulary.indexOf(p.token);
      worstLogit = Math.max(worstLogit, Math.abs(p.probability - Math.exp(logits[i] - max) / z));
    }
    assert.ok(n <= model.config.context);
  }
  model.dispose();
  t.diagnostic(`largest difference: attention weight ${worstAttention.toExponential(2)}, next-word probability ${worstLogit.toExponential(2)}`);
  assert.ok(worstAttention <= 1e-5, `attention differs by ${worstAttention}`);
  assert.ok(worstLogit <= 1e-5, `probabilities differ by ${worstLogit}`);
});
