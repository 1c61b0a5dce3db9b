// Types of the trainer's JS API (wasm/training.js), reached through engine.loadTraining(), and of
// the language model's (wasm/language-model.js, its own module), reached through
// engine.loadLanguageModule().
export type TrainingTaskId = 'tired-wide' | 'which-apple' | 'it-one-layer' | 'it-two-layers' | 'copy-previous';

export interface TrainingTask {
  id: TrainingTaskId;
  title: string;
  vocabulary: readonly string[];
  readout: { word: string } | { last: true };
  labels: readonly string[] | { nouns: readonly string[]; inOrder?: true } | { tokens: true };
  classes: number;
  causal: boolean;
  layers: 1 | 2;
  maxTokens: number;
  probe: string;
}

export interface TrainerSettings {
  task: TrainingTaskId;
  layers?: 1 | 2;
  heads?: 1 | 2 | 4;
  dModel?: number;
  seed?: number;
  learningRate?: number;
  batchSize?: number;
  positions?: 'learned' | 'sinusoidal';
}

export interface Attended {
  tokens: string[];
  /** layers[l][h]: n × n row-major weights */
  layers: Float32Array[][];
  readout: number;
  answer: number;
}

export interface Trainer {
  readonly vocabulary: readonly string[];
  readonly task: TrainingTask;
  readonly settings: Readonly<Required<TrainerSettings>>;
  readonly steps: number;
  readonly stopped: string | null;
  readonly parameterCount: number;
  step(count?: number): { loss: number; steps: number };
  evaluate(): { accuracy: number; loss: number };
  attend(sentence: string): Attended;
  predict(sentence: string): { label: string; probabilities: Record<string, number>; correct: string | null };
  reset(): void;
  setLearningRate(learningRate: number): void;
  saveWeights(): Float32Array;
  loadWeights(weights: Float32Array): void;
  /** where each named tensor sits in saveWeights()'s array (C++'s layout), row-major */
  tensorLayout(): Readonly<Record<string, Readonly<{ offset: number; rows: number; cols: number }>>>;
  dispose(): void;
}

export interface TrainingExample { words: string[]; ids: number[]; readout: number; label: number }

/** One side (with or without ÷√dK) of engine.scoreGradient, averaged over the rows. */
export interface ScoreGradientSide {
  /** mean ‖∂L/∂z‖ of a row, z the softmax's input (q·k, or q·k ÷ √dK) */
  inputNorm: number;
  /** median ‖∂L/∂z‖ of a row */
  inputMedian: number;
  /** share of rows with ‖∂L/∂z‖ below vanishedBelow */
  vanishedShare: number;
  /** mean ‖∂L/∂(q·k)‖ of a row, for the raw scores */
  scoreNorm: number;
  /** mean ‖∂L/∂q‖: what reaches the query (and W_Q) */
  queryNorm: number;
  /** mean largest softmax weight of a row */
  maxWeight: number;
}

export interface ScoreGradientResult {
  dK: number;
  samples: number;
  n: number;
  seed: number;
  /** the field names C++ gives ScoreGradientStats, in its order */
  fields: readonly string[];
  /** the threshold of vanishedShare (C++'s kVanishedBelow) */
  vanishedBelow: number;
  unscaled: ScoreGradientSide;
  scaled: ScoreGradientSide;
}

export interface LoadTrainingOptions {
  wasmBase?: string | URL;
  trainWasmBinary?: { simd?: BufferSource; scalar?: BufferSource };
}

/** What engine.loadTraining() adds to the engine. */
export interface TrainingMembers {
  /** undefined until loadTraining() has finished */
  readonly trainingTasks?: readonly TrainingTaskId[];
  trainingTask(id: TrainingTaskId): TrainingTask;
  trainingExamples(id: TrainingTaskId, options?: { count?: number; seed?: number; heldOut?: boolean }): TrainingExample[];
  /** throws until loadTraining() has finished */
  createTrainer(settings: TrainerSettings): Trainer;
  /** the gradient that reaches the scores through the softmax, with and without ÷√dK (src/score_gradient); throws until loadTraining() has finished */
  scoreGradient(options: import('./engine.js').ExperimentOptions): ScoreGradientResult;
}

export interface LoadLanguageModuleOptions {
  wasmBase?: string | URL;
  lmWasmBinary?: { simd?: BufferSource; scalar?: BufferSource };
}

/** What engine.loadLanguageModule() adds to the engine. */
export interface LanguageModelMembers {
  /**
   * The small language model (wasm/language-model.js), run by its own wasm module
   * (attention-lm-*.wasm): the bytes of a weights file (web/assets/lm/model.bin; in the package 'attention-lesson/lm/model.bin'). Throws until
   * loadLanguageModule() has finished; a damaged file throws an Error that says what is wrong.
   */
  loadLanguageModel(bytes: Uint8Array | ArrayBuffer | ArrayBufferView): LanguageModel;
}

/** The shape of a loaded language model, read from its file. */
export interface LanguageModelConfig {
  readonly vocab: number;
  readonly dModel: number;
  readonly layers: number;
  readonly heads: number;
  readonly dFF: number;
  /** tokens read at once, <s> included */
  readonly context: number;
  readonly preNorm: boolean;
  readonly dK: number;
  readonly parameters: number;
  readonly fileBytes: number;
}

/** One token as the model reads it; unknown words get <unk>'s id and known: false. */
export interface LanguageModelToken {
  text: string;
  id: number;
  known: boolean;
}

export interface LanguageModelAttention {
  /** what the model read: <s> first, then the words */
  tokens: LanguageModelToken[];
  /** layers[l][h]: head h of layer l, n × n row-major (row = query; causal, rows sum to 1) */
  layers: Float32Array[][];
}

export interface NextToken {
  token: string;
  probability: number;
}

export type LanguageModelStageKey = 'token' | 'position' | 'embedded' | 'norm1' | 'attention' | 'add1' | 'norm2' | 'feed_forward' | 'add2' | 'final_norm';

export interface LanguageModelActivations {
  /** what the model read: <s> first, then the words */
  tokens: LanguageModelToken[];
  /** every named activation in the order the model computes it; layer is 1-based, null once per pass; values n × dModel row-major */
  stages: { key: LanguageModelStageKey; layer: number | null; values: Float32Array }[];
  /** next[i]: the k most likely tokens after position i */
  next: NextToken[][];
}

export interface LanguageModel {
  readonly config: Readonly<LanguageModelConfig>;
  readonly vocabulary: readonly string[];
  tokenize(text: string): LanguageModelToken[];
  attend(text: string): LanguageModelAttention;
  /** the k (default 5) most likely next tokens, most likely first */
  predictNext(text: string, k?: number): NextToken[];
  /** every intermediate (n × dModel) of the forward pass, and the next-token guesses at each position */
  activations(text: string, k?: number): LanguageModelActivations;
  /** natural-log loss of the text as the trainer measures it (every word, then the closing <s>) */
  sequenceLoss(text: string): { predictions: number; nats: number };
  /** frees the model's wasm memory; harmless twice */
  dispose(): void;
}
