// npm run train:tasks — trains tasks 1, 2 and 4 with their checked seeds (deterministic: the same
// build gives the same bytes), and writes web/assets/trained/<task>.atw (8-bit blocks, see
// wasm/trained-weights.js) plus manifest.json: task, settings, steps, the held-out accuracy of
// the weights as stored, each file's sha256, and what a page needs to run the weights with the
// attention engine alone (web/src/steps/trained-models.js): the task's title, vocabulary, read-out,
// labels and the trainer's tensor layout (C++'s, through trainer.tensorLayout()).
// tests/js/trainer-weights.test.js reloads them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../wasm/engine.js';
import { decodeWeights, encodeWeights } from '../wasm/trained-weights.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'web/assets/trained');
// Checked seeds: they reach 95 % held-out accuracy, and (tasks 1 and 4) the attention rows the
// lesson describes on its sentences. Seeds differ; see README "Training".
export const SHIPPED = [
  { task: 'tired-wide', seed: 4, learningRate: 0.01, steps: 150 },
  { task: 'which-apple', seed: 1, learningRate: 0.01, steps: 100 },
  { task: 'it-two-layers', seed: 21, learningRate: 0.005, steps: 300 },
];

export async function trainShipped(engine, entry) {
  const trainer = engine.createTrainer({ task: entry.task, seed: entry.seed, learningRate: entry.learningRate });
  trainer.step(entry.steps);
  const full = trainer.evaluate().accuracy;
  const bytes = encodeWeights(trainer.saveWeights());
  trainer.loadWeights(decodeWeights(bytes));
  const stored = trainer.evaluate().accuracy;
  const settings = trainer.settings;
  const { title, vocabulary, readout, labels, maxTokens, probe } = trainer.task;
  const tensors = trainer.tensorLayout();
  trainer.dispose();
  return { bytes, full, stored, settings, task: { title, vocabulary, readout, labels, maxTokens, probe }, tensors };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const engine = await createEngine({ simd: true, training: true });
  mkdirSync(outDir, { recursive: true });
  const manifest = { format: 'ATW1 (wasm/trained-weights.js)', build: 'attention-train-simd.wasm', models: [] };
  for (const entry of SHIPPED) {
    const { bytes, full, stored, settings, task, tensors } = await trainShipped(engine, entry);
    const file = `${entry.task}.atw`;
    writeFileSync(path.join(outDir, file), bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    manifest.models.push({ file, ...settings, steps: entry.steps, heldOutAccuracy: stored, fullPrecisionAccuracy: full, bytes: bytes.length, sha256, ...task, tensors });
    console.log(`${entry.task}: ${entry.steps} steps, seed ${entry.seed}: held-out ${(stored * 100).toFixed(1)} % as stored (${(full * 100).toFixed(1)} % before 8-bit), ${bytes.length} bytes, sha256 ${sha256.slice(0, 12)}…`);
  }
  writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`wrote ${path.relative(root, outDir)}/manifest.json`);
}
