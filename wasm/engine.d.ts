// Types of the attention engine's public JS API (wasm/engine.js). Checked by `tsc --noEmit`
// against tests/types/engine-usage.ts inside npm test, so the types cannot drift from the
// documented API. Not the implementation: see engine.js.
import type { LanguageModelMembers, LoadLanguageModuleOptions, LoadTrainingOptions, TrainingMembers } from './training.js';
// The trainer's and the language model's types (Trainer, LanguageModel, TrainingTaskId, …), so a
// consumer can name them: import type { Trainer } from 'attention-lesson'.
export type * from './training.js';

/** A matrix argument: row-major numbers. Plain arrays and other numeric typed arrays are copied. */
export type Matrix = Float32Array | Float64Array | Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | readonly number[];

export type Mask = 'none' | 'causal' | { validKeys: number };
export type Mistake = null | 'softmax-over-queries' | 'mask-after-softmax';

export interface Limits {
  readonly maxTokens: number;
  readonly maxModelWidth: number;
  readonly maxHeads: number;
  readonly maxHeadWidth: number;
  /** Bytes of wasm memory one call may use (inputs, intermediates and outputs together). */
  readonly maxCallBytes: number;
  readonly maxExperimentWork: number;
}
export const LIMITS: Limits;

/** The engine's refusal reasons in words, keyed by the status names C++ exports. */
export const STATUS_MESSAGES: Readonly<Record<StatusName, string>>;

export type StatusName =
  | 'ok' | 'bad_shape' | 'bad_mask' | 'bad_mistake' | 'no_output_projection' | 'null_pointer'
  | 'non_finite_input' | 'projection_overflow' | 'scores_overflow' | 'output_overflow';

export function simdSupported(): boolean;

export interface CreateEngineOptions {
  /** true: the SIMD128 build (refused where unsupported); false: scalar; default: SIMD when supported. */
  simd?: boolean;
  /** URL of the folder holding the .wasm files. */
  wasmBase?: string | URL;
  /** The builds' bytes, when the files cannot be fetched. */
  wasmBinary?: { simd?: BufferSource; scalar?: BufferSource } | Uint8Array | ArrayBuffer;
  /** true: also load the trainer module (engine.loadTraining()). */
  training?: boolean;
  /** true: also load the language model's module (engine.loadLanguageModule()). */
  languageModel?: boolean;
  /** Wasm memory above this many bytes is given back after a call (default 64 MiB). */
  memoryHighWater?: number;
  /** Milliseconds without a call before grown memory is given back (default 250; 0: at once). */
  memoryReleaseDelay?: number;
}
export function createEngine(options?: CreateEngineOptions): Promise<Engine>;

export interface AttentionOptions {
  x: Matrix;
  n: number;
  dModel: number;
  heads?: number;
  dK?: number;
  dV?: number;
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
  wo?: Matrix | null;
  mask?: Mask;
  scale?: boolean;
  mistake?: Mistake;
  outputOnly?: boolean;
}

export interface AttentionHead {
  /** n × dK */ q: Float32Array;
  /** n × dK */ k: Float32Array;
  /** n × dV */ v: Float32Array;
  /** n × n, Q·Kᵀ */ scores: Float32Array;
  /** n × n, scores × scaleFactor */ scaled: Float32Array;
  /** n × n, hidden entries −Infinity */ masked: Float32Array;
  /** n × n, row softmax */ weights: Float32Array;
  /** n × dV */ output: Float32Array;
}

interface ScaleReport {
  /** √dK as a 32-bit float */
  sqrtDK: number;
  /** what the scores were multiplied by: 1/√dK, or 1 with scale: false */
  scaleFactor: number;
}

export interface AttentionResult extends ScaleReport {
  heads: AttentionHead[];
  /** n × (heads·dV) */ concat: Float32Array;
  /** n × dModel */ output: Float32Array;
}
export interface AttentionOutputOnly extends ScaleReport {
  concat: Float32Array;
  output: Float32Array;
}

export interface FastPathOptions {
  n: number;
  heads?: number;
  dK: number;
  dV?: number;
  mask?: Mask;
  /** true: 1/√dK (default); false: 1; a positive number: that factor */
  scale?: boolean | number;
}
export interface AttentionQKVOptions extends FastPathOptions {
  q: Matrix;
  k: Matrix;
  v: Matrix;
}

export interface AttentionPlan {
  readonly n: number;
  readonly heads: number;
  readonly dK: number;
  readonly dV: number;
  /** views into wasm memory; read them again after any engine call */
  readonly q: Float32Array;
  readonly k: Float32Array;
  readonly v: Float32Array;
  readonly output: Float32Array;
  run(): Float32Array;
  dispose(): void;
}

export interface SoftmaxOptions {
  axis?: 'rows' | 'columns';
}
export interface SoftmaxPartsOptions extends SoftmaxOptions {
  /** a factor applied to the values first (default 1) */
  scale?: number;
}
export interface SoftmaxParts {
  axis: 'rows' | 'columns';
  scale: number;
  /** rows × cols: values × scale */ scaled: Float32Array;
  /** one per line (row, or column with axis 'columns'): the line's largest scaled value */ maxima: Float32Array;
  /** rows × cols: e^(scaled − line maximum), AFTER subtracting the maximum (each in [0, 1]) */ exponentials: Float32Array;
  /** one per line: the sum of the line's exponentials */ sums: Float32Array;
  /** rows × cols: exponentials / sums */ weights: Float32Array;
}

/** engine.dotProductParts: the dot product read as similarity, for n vectors. */
export interface DotProductParts {
  /** n × n: x_i · x_j */ dots: Float32Array;
  /** n: |x_i| = √(x_i · x_i) */ lengths: Float32Array;
  /** n × n: x_i · x_j / (|x_i| |x_j|), NaN when a vector has length 0 */ cosines: Float32Array;
  /** n × n: the angle between x_i and x_j in degrees (0 … 180), NaN when a vector has length 0 */ degrees: Float32Array;
}

export interface ExperimentOptions {
  dK: number;
  samples?: number;
  n?: number;
  seed?: number;
}
export interface Spread { mean: number; variance: number; std: number }
export interface Peakedness { maxWeight: number; entropy: number; oneHotShare: number }
export interface ExperimentResult extends ScaleReport {
  dK: number;
  samples: number;
  n: number;
  seed: number;
  dot: Spread;
  scaledDot: Spread;
  unscaled: Peakedness;
  scaled: Peakedness;
  /** ln n, the entropy of a uniform row */
  maxEntropy: number;
}

export interface Engine extends TrainingMembers, LanguageModelMembers {
  /** loads the trainer module (wasm/training.js); idempotent; resolves to this engine */
  loadTraining(options?: LoadTrainingOptions): Promise<Engine>;
  /** loads the language model's own module (wasm/language-model.js); idempotent; resolves to this engine */
  loadLanguageModule(options?: LoadLanguageModuleOptions): Promise<Engine>;
  /** true when the SIMD128 build is running */
  readonly simd: boolean;
  readonly limits: Limits;
  /** status codes by name, as C++ numbers them */
  readonly status: Readonly<Record<StatusName, number>>;
  /** the names C++ exports, in its order */
  readonly names: { readonly status: readonly StatusName[]; readonly sections: readonly string[]; readonly stats: readonly string[] };
  /** bytes of wasm memory the engine holds now */
  readonly memoryBytes: number;
  /** gives grown memory back now; false (nothing done) while a plan is open */
  releaseMemory(): boolean;

  attention(options: AttentionOptions & { outputOnly: true }): AttentionOutputOnly;
  attention(options: AttentionOptions): AttentionResult;
  scoreScale(dK: number, scale?: boolean): { sqrtDK: number; factor: number };
  prepareAttention(options: FastPathOptions): AttentionPlan;
  attentionQKV(options: AttentionQKVOptions): Float32Array;
  softmax(values: Matrix, rows: number, cols: number, options?: SoftmaxOptions): Float32Array;
  softmaxParts(values: Matrix, rows: number, cols: number, options?: SoftmaxPartsOptions): SoftmaxParts;
  scale(values: Matrix, factor: number): Float32Array;
  dotProducts(a: Matrix, b: Matrix, nA: number, nB: number, d: number): Float32Array;
  dotProductParts(x: Matrix, n: number, d: number): DotProductParts;
  matmul(a: Matrix, b: Matrix, n: number, m: number, p: number): Float32Array;
  positionalEncoding(n: number, dModel: number): Float32Array;
  /** x + the sinusoidal positional encoding (x: n × dModel) */
  addPositionalEncoding(x: Matrix, n: number, dModel: number): Float32Array;
  scalingExperiment(options: ExperimentOptions): ExperimentResult;
}
