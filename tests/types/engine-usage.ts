// A small program against the engine's types (wasm/engine.d.ts): `tsc --noEmit -p tests/types`
// (run by npm test) fails if the declared API stops matching how the README and the scenes use
// it. Never run, only type-checked; the @ts-expect-error lines must stay errors.
import { createEngine, LIMITS, STATUS_MESSAGES, type AttentionResult, type DotProductParts, type SoftmaxParts } from '../../wasm/engine.js';
// the trainer's and the language model's types are named from the engine's module too
import type { LanguageModel, Trainer, TrainingTaskId } from '../../wasm/engine.js';

async function usage(): Promise<number> {
  const engine = await createEngine({ simd: false, memoryReleaseDelay: 0 });
  const r: AttentionResult = engine.attention({
    x: new Float32Array([1, 0, 1, 1, 0, 2]), n: 3, dModel: 2,
    wq: [1, 0, 0, 1], wk: [1, 1, 0, 1], wv: [1, 0, 0, 1], mask: { validKeys: 2 },
  });
  const w: Float32Array = r.heads[0].weights;
  const lean = engine.attention({ x: [1], n: 1, dModel: 1, wq: [1], wk: [1], wv: [1], outputOnly: true });
  const parts: SoftmaxParts = engine.softmaxParts(r.heads[0].scores, 3, 3, { scale: r.scaleFactor });
  const e: Float32Array = parts.exponentials;
  const geometry: DotProductParts = engine.dotProductParts([3, 4, -4, 3], 2, 2);
  const angle: number = geometry.degrees[1];
  const withPositions: Float32Array = engine.addPositionalEncoding(new Float32Array(6), 3, 2);
  // @ts-expect-error addPositionalEncoding needs the sizes
  engine.addPositionalEncoding(new Float32Array(6));
  const stats = engine.scalingExperiment({ dK: 64 });
  const plan = engine.prepareAttention({ n: 4, dK: 8, mask: 'causal', scale: 0.5 });
  plan.q.set(new Float32Array(32));
  const out: Float32Array = plan.run();
  plan.dispose();
  const code: number = engine.status.scores_overflow;
  const message: string = STATUS_MESSAGES.projection_overflow;
  // @ts-expect-error an unknown mask
  engine.attention({ x: [1], n: 1, dModel: 1, wq: [1], wk: [1], wv: [1], mask: 'diagonal' });
  // @ts-expect-error softmax takes a row count
  engine.softmax([1, 2], 'one', 2);
  // @ts-expect-error outputOnly results have no heads
  void lean.heads;
  return w[0] + e[0] + angle + withPositions[0] + stats.scaled.entropy + out[0] + code + message.length + LIMITS.maxCallBytes + engine.memoryBytes + r.sqrtDK;
}
void usage;

// The trainer (engine.loadTraining()).
async function training(): Promise<void> {
  const engine = await createEngine({ training: true });
  await engine.loadTraining();
  const task: TrainingTaskId = 'tired-wide';
  const trainer: Trainer = engine.createTrainer({ task, seed: 4, heads: 2 });
  const { loss }: { loss: number } = trainer.step(10);
  const acc: number = trainer.evaluate().accuracy;
  const w: Float32Array = trainer.attend(engine.trainingTask('tired-wide').probe).layers[0][0];
  const label: string = trainer.predict('the cat was too tired').label;
  void [loss, acc, w, label, engine.trainingTasks?.length];
  trainer.dispose();
}
void training;

// The small language model (engine.loadLanguageModel(), after loadLanguageModule()).
async function languageModel(bytes: Uint8Array): Promise<void> {
  const engine = await createEngine({ languageModel: true });
  const same: typeof engine = await engine.loadLanguageModule({ wasmBase: 'https://example.org/wasm/' });
  const lm: LanguageModel = engine.loadLanguageModel(bytes);
  const heads: number = lm.config.heads;
  const unknown: boolean = lm.tokenize('the cat sat')[0].known;
  const { tokens, layers } = lm.attend('the cat sat');
  const row: Float32Array = layers[0][heads - 1];
  const next: { token: string; probability: number }[] = lm.predictNext('the cat', 5);
  const trace = lm.activations('the cat', 3);
  const stage: Float32Array = trace.stages[0].values;
  const layer: number | null = trace.stages[0].layer;
  // @ts-expect-error stage keys are the C++ names only
  const wrong: typeof trace.stages[0]['key'] = 'softmax';
  void [stage[0], layer, wrong, trace.next[0][0].token];
  // @ts-expect-error the vocabulary is read-only
  lm.vocabulary.push('x');
  void [same.simd, unknown, tokens[0].text, row[0], next[0].probability, lm.sequenceLoss('a cat').nats];
  lm.dispose();
}
void languageModel;
