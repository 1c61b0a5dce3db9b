// What the trainer and language-model fuzzers found (tests/fuzz/targets/trainer.mjs and
// lm-loader.mjs, tests/fuzz/*_fuzz.cpp), one test per finding, so each fix stays fixed:
// - a short weights file whose header declares a huge model grew wasm memory for good (to 1.6 GiB
//   from a 400-byte file) before being refused; the largest weights the format stores gave NaN
//   probabilities or attention rows of zeros; a file over 64 MiB was copied into wasm memory first;
// - a learning rate too small for float32 was refused as "The trainer refused these settings.";
//   NaN was described as "NaN"; one unknown 100,000-letter word made a 100,100-character message;
//   after a diverging step the weights (and so the held-out loss, the heatmaps and saved weights)
//   were NaN; a 32nd open trainer ran the module out of memory (a wasm trap).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from 'attention-lesson';
import { TRAINER_LIMITS } from '../../wasm/training.js';
import { readShipped } from '../../scripts/lm/open-model.mjs';
import { tensorShapes, writeWeights } from '../fuzz/lm-file.mjs';

const MiB = 2 ** 20;
const engine = await createEngine({ training: true, languageModel: true });
// the language model's own module, whose memory the file checks must not grow
const memory = () => engine.languageModelModule.x.memory.buffer.byteLength;

// A file of the right header and vocabulary for `config`, with only `body` bytes after them.
function headerOnly(config, body = 100) {
  const words = ['<s>', '<unk>', ...Array.from({ length: config.vocab - 2 }, (_, i) => `x${i}`)];
  const text = new TextEncoder().encode(words.join('\n'));
  const start = Math.ceil((44 + text.length) / 4) * 4;
  const out = new Uint8Array(start + body);
  const v = new DataView(out.buffer);
  out.set([0x41, 0x54, 0x4c, 0x4d]);
  [1, config.vocab, config.dModel, config.layers, config.heads, config.dFF, config.context, 0, tensorShapes(config).length, text.length]
    .forEach((x, i) => v.setUint32(4 + 4 * i, x, true));
  out.set(text, 44);
  v.setUint32(start, config.vocab, true); v.setUint32(start + 4, config.dModel, true); v.setUint32(start + 8, 1, true);
  return out;
}

test('a short file declaring a big model is refused from its layout, without growing memory', () => {
  const before = memory();
  // within the memory limit (about 200 MiB as float32), but the file holds 100 bytes of it
  assert.throws(() => engine.loadLanguageModel(headerOnly({ vocab: 50000, dModel: 1024, layers: 1, heads: 4, dFF: 64, context: 32 })),
    (e) => e instanceof Error && /cut short inside tensor 1 \(token embedding\)/.test(e.message));
  // over it: refused from the header alone, saying how much it would need
  assert.throws(() => engine.loadLanguageModel(headerOnly({ vocab: 4000, dModel: 1024, layers: 16, heads: 4, dFF: 8192, context: 32 })),
    (e) => /describes a model too big to run here: it would need 1353 MiB of memory, more than the 256 MiB this lesson allows/.test(e.message));
  // a one-sentence workspace of 15 layers × 1024 heads × 1024² weights: 62 GiB, once a silent 32-bit overflow
  assert.throws(() => engine.loadLanguageModel(headerOnly({ vocab: 3, dModel: 1024, layers: 15, heads: 1024, dFF: 1, context: 1024 })),
    /would need 62384 MiB of memory/);
  assert.equal(memory(), before, 'wasm memory did not grow');
});

test('a file over 64 MiB is refused before it is copied into wasm memory', () => {
  const before = memory();
  assert.throws(() => engine.loadLanguageModel(new Uint8Array(64 * MiB + 1)),
    (e) => e instanceof Error && /too large: 67108865 bytes, more than the 64 MiB this lesson accepts/.test(e.message));
  assert.equal(memory(), before);
});

test('the largest weights the format stores load, and running them says the numbers overflowed', () => {
  const config = { vocab: 10, dModel: 8, layers: 1, heads: 2, dFF: 8, context: 4, preNorm: false };
  const words = ['<s>', '<unk>', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  // int8 ±127 under the largest float16 scale (65504), float32 tensors of ±1e36
  const m = engine.loadLanguageModel(writeWeights(config, words, { value: (k, i) => (i % 2 ? 127 : -127) * (k % 3 ? 1 : 1e36), scaleBits: () => 0x7bff }));
  for (const call of [() => m.attend('a b c'), () => m.predictNext('a b'), () => m.sequenceLoss('a b')]) {
    assert.throws(call, (e) => e instanceof RangeError && /numbers overflowed on this text: its weights are too large to compute with/.test(e.message));
  }
  m.dispose();
  // the shipped model is unaffected
  const shipped = engine.loadLanguageModel(new Uint8Array(readShipped('model.bin')));
  assert.ok(shipped.predictNext('she opened the', 1)[0].probability > 0);
  shipped.dispose();
});

test('a learning rate too small for 32-bit floats is refused by name; NaN is described in words', () => {
  for (const learningRate of [5e-324, 1e-46, 1e-13]) {
    assert.throws(() => engine.createTrainer({ task: 'tired-wide', learningRate }),
      (e) => e instanceof RangeError && new RegExp(`learningRate must be at least ${TRAINER_LIMITS.minLearningRate}: ${learningRate} is too small`).test(e.message));
  }
  const t = engine.createTrainer({ task: 'tired-wide', learningRate: TRAINER_LIMITS.minLearningRate });
  assert.throws(() => t.setLearningRate(1e-40), /too small to change any weight/);
  t.dispose();
  for (const [key, message] of [['seed', /seed must be a whole number, but it is NaN \(not a number\)\./], ['learningRate', /learningRate must be a number, but it is NaN \(not a number\)\./]]) {
    assert.throws(() => engine.createTrainer({ task: 'tired-wide', [key]: NaN }), message);
  }
});

test('an unknown 100,000-letter word gives a short message', () => {
  const t = engine.createTrainer({ task: 'tired-wide' });
  const words = Array.from({ length: 7 }, (_, i) => `${'x'.repeat(100000)}${i}`);
  assert.throws(() => t.attend(`the animal ${words.join(' ')}`), (e) => {
    assert.ok(e.message.length < 300, `${e.message.length} characters`);
    assert.match(e.message, /These words are not in the task's vocabulary: "x{24}…", .* and 2 more\. The model only knows/);
    return true;
  });
  t.dispose();
});

test('after a diverging step the weights stay finite: evaluate, attend, predict and saveWeights still give numbers', () => {
  const t = engine.createTrainer({ task: 'it-two-layers', learningRate: 1000, seed: 3 });
  let error = null;
  for (let i = 0; i < 50 && !error; i++) {
    try { t.step(1); } catch (err) { error = err; }
  }
  assert.match(error?.message ?? '', /Training stopped at step \d+/);
  const steps = t.steps;
  assert.equal(error.message.match(/step (\d+)/)[1], String(steps + 1), 'the step that diverged was not applied');
  const ev = t.evaluate();
  assert.ok(Number.isFinite(ev.loss) && ev.accuracy >= 0 && ev.accuracy <= 1, `held-out loss ${ev.loss}`);
  assert.ok(t.saveWeights().every(Number.isFinite));
  try {
    const a = t.attend(t.task.probe);
    for (const w of a.layers.flat()) assert.ok(w.every(Number.isFinite));
    assert.ok(Object.values(t.predict(t.task.probe).probabilities).every(Number.isFinite));
  } catch (err) {
    // weights this large may overflow float32 on a sentence: then it says so, never NaN
    assert.match(err.message, /numbers overflowed on this sentence: its weights grew too large before training stopped\. Reset and lower the learning rate\./);
  }
  t.reset();
  assert.equal(t.steps, 0);
  t.dispose();
});

test(`at most ${TRAINER_LIMITS.maxOpenTrainers} trainers are open at once; disposing one makes room`, () => {
  const open = Array.from({ length: TRAINER_LIMITS.maxOpenTrainers }, (_, seed) => engine.createTrainer({ task: 'copy-previous', dModel: 4, batchSize: 1, seed }));
  assert.throws(() => engine.createTrainer({ task: 'copy-previous' }),
    (e) => e instanceof RangeError && /16 trainers are open at once, the most one engine holds: dispose\(\) one you no longer need/.test(e.message));
  open.pop().dispose();
  open.push(engine.createTrainer({ task: 'copy-previous' }));
  for (const t of open) t.dispose();
  open[0].dispose(); // twice does not free a second slot
  const again = Array.from({ length: TRAINER_LIMITS.maxOpenTrainers }, () => engine.createTrainer({ task: 'copy-previous', dModel: 4 }));
  assert.throws(() => engine.createTrainer({ task: 'copy-previous' }), /trainers are open at once/);
  for (const t of again) t.dispose();
});
