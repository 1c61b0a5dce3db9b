// The checked-in trained weights (web/assets/trained/, written by `npm run train:tasks`): each
// file matches its manifest's sha256, loads into a trainer with the manifest's settings and gives
// the manifest's held-out accuracy (exactly on the SIMD build that made them, within one
// sentence in 256 on the scalar build, whose sums round differently), and retraining with the
// recorded seed reproduces the very same bytes. Also the 8-bit format's round trip and errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createEngine } from 'attention-lesson';
import { decodeWeights, encodeWeights } from '../../wasm/trained-weights.js';
import { SHIPPED, trainShipped } from '../../scripts/train-tasks.mjs';

const dir = new URL('../../web/assets/trained/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8'));

test('the manifest lists tasks 1, 2 and 4 with at least 95 % held-out accuracy', () => {
  assert.deepEqual(manifest.models.map((m) => m.task), ['tired-wide', 'which-apple', 'it-two-layers']);
  for (const m of manifest.models) assert.ok(m.heldOutAccuracy >= 0.95, `${m.task}: ${m.heldOutAccuracy}`);
});

for (const simd of [true, false]) {
  test(`each weight file matches its sha256 and reproduces the manifest accuracy (${simd ? 'SIMD' : 'scalar'})`, async () => {
    const engine = await createEngine({ simd, training: true });
    for (const m of manifest.models) {
      const bytes = readFileSync(new URL(m.file, dir));
      assert.equal(bytes.length, m.bytes);
      assert.equal(createHash('sha256').update(bytes).digest('hex'), m.sha256, m.file);
      const { task, layers, heads, dModel, seed, learningRate, batchSize, positions } = m;
      const t = engine.createTrainer({ task, layers, heads, dModel, seed, learningRate, batchSize, positions });
      t.loadWeights(decodeWeights(bytes));
      const { accuracy } = t.evaluate();
      if (simd) assert.equal(accuracy, m.heldOutAccuracy, m.task);
      else assert.ok(Math.abs(accuracy - m.heldOutAccuracy) <= 1 / 256 + 1e-9, `${m.task}: ${accuracy} vs ${m.heldOutAccuracy}`);
      t.dispose();
    }
  });
}

test('retraining with the recorded seeds gives the same bytes (train:tasks is deterministic)', async () => {
  const engine = await createEngine({ simd: true, training: true });
  for (const entry of SHIPPED) {
    const { bytes } = await trainShipped(engine, entry);
    const m = manifest.models.find((x) => x.task === entry.task);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), m.sha256, entry.task);
  }
});

test('the 8-bit format round-trips within half a step per block and rejects damaged files', () => {
  const w = new Float32Array(70).map((_, i) => Math.sin(i) * (i % 7));
  const back = decodeWeights(encodeWeights(w));
  assert.equal(back.length, 70);
  for (let b = 0; b < 3; b++) {
    const block = w.subarray(b * 32, b * 32 + 32);
    const step = Math.max(...block.map(Math.abs)) / 127;
    block.forEach((x, i) => assert.ok(Math.abs(back[b * 32 + i] - x) <= step / 2 + 1e-7));
  }
  assert.throws(() => decodeWeights(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])), /not a trained-weights file/);
  assert.throws(() => decodeWeights(encodeWeights(w).slice(0, 50)), /bytes, but 70 weights need/);
});
