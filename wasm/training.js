// The trainer's JS API (issue 15): loads the separate trainer module (attention-train-simd.wasm
// or attention-train-scalar.wasm, the same kind as the engine), and gives the engine
// `trainingTasks`, `trainingTask(id)` and `createTrainer(settings)`. Reads learners' sentences
// (tokenising, vocabulary and read-out checks with messages that name the problem) and copies
// results out of wasm memory. The maths lives in src/nn and src/train; the C ABI in
// wasm/train_abi.cpp. Not for drawing. engine.loadTraining() (wasm/engine.js) is the way in.
import { checkExperimentOptions, checkInteger } from './validate.js';
import { lazyModule } from './engine.js';

// The module's bytes: given by the caller ({ trainWasmBinary: { simd, scalar } }), inlined by the
// single-file page (ATTENTION_LESSON_WASM['train-simd']), or fetched beside the engine's files.
const loadModule = lazyModule({ files: { simd: 'attention-train-simd.wasm', scalar: 'attention-train-scalar.wasm' },
  key: 'train', given: 'trainWasmBinary', what: 'the trainer' });

export const TRAINER_LIMITS = Object.freeze({
  layers: [1, 2], heads: [1, 2, 4], dModel: [4, 128], batchSize: [1, 512], minLearningRate: 1e-12, maxLearningRate: 1000,
  maxStepsPerCall: 100000, heldOut: 256,
  // Trainers one engine holds at once: the largest (2 layers, 4 heads, dModel 128, batch 512)
  // takes about 65 MiB of the module's 2 GiB once it has stepped, so 16 of them always fit
  // (beyond ~31 the module would run out of memory and trap).
  maxOpenTrainers: 16,
});
const SETTINGS = ['task', 'layers', 'heads', 'dModel', 'seed', 'learningRate', 'batchSize', 'positions'];

// The wasm instance shared by one engine's trainers, with typed views that are re-made after
// any call that may have grown memory.
class TrainModule {
  constructor(exports) { this.x = exports; this.openTrainers = 0; }
  f32(ptr, count) { return new Float32Array(this.x.memory.buffer, ptr, count); }
  i32(ptr, count) { return new Int32Array(this.x.memory.buffer, ptr, count); }
  text(ptr) {
    const bytes = new Uint8Array(this.x.memory.buffer, ptr);
    return new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0)));
  }
  // Runs fn(alloc) and frees every allocation afterwards.
  withMemory(fn) {
    const ptrs = [];
    const alloc = (bytes) => {
      const p = this.x.train_alloc(Math.max(4, bytes));
      if (!p) throw new RangeError('The trainer ran out of memory.');
      ptrs.push(p);
      return p;
    };
    try { return fn(alloc); } finally { for (const p of ptrs) this.x.train_free(p); }
  }
}

/** Splits a sentence into lower-case words; apostrophes stay inside words ("didn't"). */
export function tokenize(sentence) {
  if (typeof sentence !== 'string') throw new TypeError(`The sentence must be text, but it is ${sentence === undefined ? 'missing' : typeof sentence}.`);
  return sentence.toLowerCase().replace(/[\u2018\u2019]/g, "'").split(/[^a-z0-9']+/).map((w) => w.replace(/^'+|'+$/g, '')).filter(Boolean);
}

function describeValue(v) {
  if (v === undefined) return 'missing';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.slice(0, 40))}`;
  if (Number.isNaN(v)) return 'NaN (not a number)';
  if (typeof v === 'number') return String(v);
  return `a ${typeof v}`;
}

// Settings → the numbers the ABI takes. Every message names the setting and what it accepts.
function checkSettings(settings, tasks) {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) {
    throw new TypeError("createTrainer() takes a settings object, e.g. { task: 'tired-wide' }.");
  }
  const unknown = Object.keys(settings).filter((k) => !SETTINGS.includes(k));
  if (unknown.length) throw new TypeError(`Unknown trainer setting ${unknown.map((k) => JSON.stringify(k)).join(', ')}: the settings are ${SETTINGS.join(', ')}.`);
  const { task } = settings;
  if (typeof task !== 'string') throw new TypeError(`task must be one of ${tasks.map((t) => `'${t.id}'`).join(', ')}, but it is ${describeValue(task)}.`);
  const index = tasks.findIndex((t) => t.id === task);
  if (index < 0) throw new RangeError(`Unknown task ${JSON.stringify(task)}: use one of ${tasks.map((t) => `'${t.id}'`).join(', ')}.`);
  const info = tasks[index];
  const layers = settings.layers ?? info.layers;
  checkInteger('layers', layers, 1, 2);
  const heads = settings.heads ?? 1;
  if (!TRAINER_LIMITS.heads.includes(heads)) throw new RangeError(`heads must be 1, 2 or 4, but it is ${describeValue(heads)}.`);
  const dModel = settings.dModel ?? 32;
  checkInteger('dModel (the embedding width)', dModel, ...TRAINER_LIMITS.dModel);
  if (dModel % heads !== 0) throw new RangeError(`heads (${heads}) must divide dModel (${dModel}) evenly, so that every head gets the same width.`);
  const seed = settings.seed ?? 1;
  checkInteger('seed', seed, 0, 2 ** 32 - 1);
  const learningRate = settings.learningRate ?? 0.01;
  checkLearningRate(learningRate);
  const batchSize = settings.batchSize ?? 32;
  checkInteger('batchSize', batchSize, ...TRAINER_LIMITS.batchSize);
  const positions = settings.positions ?? 'learned';
  if (positions !== 'learned' && positions !== 'sinusoidal') throw new RangeError(`positions must be 'learned' or 'sinusoidal', but it is ${describeValue(positions)}.`);
  return { index, info, task, layers, heads, dModel, seed, learningRate, batchSize, positions };
}

function checkLearningRate(lr) {
  if (typeof lr !== 'number' || !Number.isFinite(lr)) throw new TypeError(`learningRate must be a number, but it is ${describeValue(lr)}.`);
  if (lr <= 0 || lr > TRAINER_LIMITS.maxLearningRate) throw new RangeError(`learningRate must be greater than 0 and at most ${TRAINER_LIMITS.maxLearningRate}, but it is ${lr}.`);
  // (the trainer computes in 32-bit floats: a smaller rate would be stored as 0 or a denormal)
  if (lr < TRAINER_LIMITS.minLearningRate) throw new RangeError(`learningRate must be at least ${TRAINER_LIMITS.minLearningRate}: ${lr} is too small to change any weight.`);
}

/**
 * Loads the trainer module for `engine` (same SIMD kind) and attaches `trainingTasks`,
 * `trainingTask(id)` and `createTrainer(settings)` to it. Called by engine.loadTraining().
 */
export async function attachTraining(engine, options = {}) {
  const kind = engine.simd ? 'simd' : 'scalar';
  const mod = new TrainModule(await loadModule(kind, options));
  if (mod.x.train_simd_build() !== (kind === 'simd' ? 1 : 0)) throw new Error(`The ${kind} trainer file holds the wrong build.`);
  const tasks = [];
  for (let i = 0; i < mod.x.train_task_count(); i++) tasks.push(deepFreeze(JSON.parse(mod.text(mod.x.train_task_describe(i)))));
  engine.trainingTasks = Object.freeze(tasks.map((t) => t.id));
  /** The task's description: { id, title, vocabulary, readout, labels, classes, causal, layers, maxTokens, probe }. */
  engine.trainingTask = (id) => {
    const t = tasks.find((x) => x.id === id);
    if (!t) throw new RangeError(`Unknown task ${JSON.stringify(id)}: use one of ${tasks.map((x) => `'${x.id}'`).join(', ')}.`);
    return t;
  };
  engine.createTrainer = (settings) => new Trainer(mod, checkSettings(settings, tasks));
  engine.scoreGradient = scoreGradient(mod);
  engine.trainingModule = mod; // the instance ({ x: exports }), for tests that watch its memory
  /**
   * Example sentences of a task: { heldOut: true } the first `count` of the fixed held-out set,
   * else `count` training sentences drawn with `seed`. Each is { words, ids, readout, label }.
   */
  engine.trainingExamples = (id, { count = 8, seed = 1, heldOut = false } = {}) => {
    const index = tasks.indexOf(engine.trainingTask(id));
    checkInteger('count', count, 1, 100000);
    checkInteger('seed', seed, 0, 2 ** 32 - 1);
    const max = tasks[index].maxTokens;
    return mod.withMemory((alloc) => {
      const pt = alloc(4 * count * max), pl = alloc(4 * count), pr = alloc(4 * count), pb = alloc(4 * count);
      if (!mod.x.train_examples(index, seed >>> 0, count, heldOut ? 1 : 0, pt, pl, pr, pb)) throw new RangeError('The trainer refused this request.');
      const tokens = mod.i32(pt, count * max), lengths = mod.i32(pl, count), readouts = mod.i32(pr, count), labels = mod.i32(pb, count);
      const vocabulary = tasks[index].vocabulary;
      return Array.from({ length: count }, (_, s) => {
        const ids = Array.from(tokens.subarray(s * max, s * max + lengths[s]));
        return { words: ids.map((i) => vocabulary[i]), ids, readout: readouts[s], label: labels[s] };
      });
    });
  };
  return engine;
}

/**
 * engine.scoreGradient(options): how much gradient gets back through the softmax to the scores,
 * with and without ÷√dK, measured with the trainer's softmax backward (src/score_gradient):
 * `samples` rows (default 200) of one standard-normal query, n keys (default 16) and an upstream
 * gradient ∂L/∂weights (what the values pass back). For each side ('unscaled', 'scaled'), over
 * the rows: inputNorm / inputMedian = mean / median ‖∂L/∂z‖ where z is the softmax's input (q·k,
 * or q·k ÷ √dK); vanishedShare = share of rows with ‖∂L/∂z‖ below `vanishedBelow`; scoreNorm =
 * mean ‖∂L/∂(q·k)‖; queryNorm = mean ‖∂L/∂q‖; maxWeight = mean largest weight of a row.
 * The field names and offsets are C++'s (train_score_gradient_field).
 */
function scoreGradient(mod) {
  const fields = mod.withMemory((alloc) => {
    const p = alloc(4);
    const out = [];
    for (let i = 0; ; i++) {
      const name = mod.x.train_score_gradient_field(i, p);
      if (!name) return out;
      out.push({ name: mod.text(name), offset: mod.i32(p, 1)[0] });
    }
  });
  const bytes = mod.x.train_score_gradient_bytes();
  return (options) => {
    const o = checkExperimentOptions(options, 'scoreGradient');
    return mod.withMemory((alloc) => {
      const p = alloc(bytes);
      if (!mod.x.train_score_gradient(o.dK, o.samples, o.n, o.seed >>> 0, p)) throw new RangeError('The gradient experiment refused these inputs.');
      const view = new DataView(mod.x.memory.buffer, p, bytes);
      const f = Object.fromEntries(fields.map(({ name, offset }) => [name, view.getFloat64(offset, true)]));
      const side = (k) => ({
        inputNorm: f[`${k}_input_norm`], inputMedian: f[`${k}_input_median`], vanishedShare: f[`${k}_vanished`],
        scoreNorm: f[`${k}_score_norm`], queryNorm: f[`${k}_q_norm`], maxWeight: f[`${k}_max_weight`],
      });
      return {
        dK: o.dK, samples: o.samples, n: o.n, seed: o.seed, vanishedBelow: f.vanished_below,
        fields: fields.map((x) => x.name), unscaled: side('raw'), scaled: side('scaled'),
      };
    });
  };
}

function deepFreeze(o) {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}

// A training run (engine.createTrainer). Holds one C++ Trainer through its handle.
class Trainer {
  #mod;
  #h;
  #s;
  #stopped = null;

  constructor(mod, s) {
    this.#mod = mod;
    this.#s = s;
    if (mod.openTrainers >= TRAINER_LIMITS.maxOpenTrainers) {
      throw new RangeError(`${mod.openTrainers} trainers are open at once, the most one engine holds: dispose() one you no longer need before creating another.`);
    }
    this.#h = mod.x.train_create(s.index, s.layers, s.heads, s.dModel, s.seed >>> 0, s.learningRate, s.batchSize,
      s.positions === 'learned' ? 1 : 0, TRAINER_LIMITS.heldOut);
    if (!this.#h) throw new RangeError('The trainer refused these settings.');
    mod.openTrainers++;
    /** The task's words; sentences given to attend() and predict() use only these. */
    this.vocabulary = s.info.vocabulary;
    /** The task description (see engine.trainingTask). */
    this.task = s.info;
    this.settings = Object.freeze({ task: s.task, layers: s.layers, heads: s.heads, dModel: s.dModel, seed: s.seed,
      learningRate: s.learningRate, batchSize: s.batchSize, positions: s.positions });
  }

  #x() {
    if (!this.#h) throw new Error('This trainer was disposed; create a new one with engine.createTrainer().');
    return this.#mod.x;
  }

  /** Adam steps taken since the start (or the last reset). */
  get steps() { return this.#x().train_steps(this.#h); }
  /** null while training works; the message once a non-finite loss stopped it. */
  get stopped() { return this.#stopped; }
  /** Parameters the model learns (learned positions included, sinusoidal ones not). */
  get parameterCount() { return this.#x().train_parameter_count(this.#h); }

  /**
   * Runs `count` training steps (one batch of batchSize fresh training sentences each).
   * Returns { loss } (the mean training loss over these steps) and { steps } (the total).
   * Throws, and keeps refusing until reset(), once the loss became NaN, infinite or above 100
   * (the weights blew up; it starts near ln 2 ≈ 0.69).
   */
  step(count = 1) {
    const x = this.#x();
    checkInteger('count (steps)', count, 1, TRAINER_LIMITS.maxStepsPerCall);
    if (this.#stopped) throw new Error(this.#stopped);
    const loss = x.train_step(this.#h, count);
    if (!Number.isFinite(loss) || x.train_stopped(this.#h)) {
      const bad = x.train_stop_loss(this.#h);
      const what = Number.isNaN(bad) ? 'NaN (not a number)' : !Number.isFinite(bad) ? 'infinite' : `${bad.toPrecision(3)}, far above where it started (the weights blew up)`;
      this.#stopped = `Training stopped at step ${x.train_steps(this.#h) + 1}: the loss became ${what}, because learning rate ${this.#s.learningRate} makes the weights overshoot. Lower the learning rate and reset.`;
      throw new Error(this.#stopped);
    }
    return { loss, steps: x.train_steps(this.#h) };
  }

  /** Accuracy and mean loss on the task's fixed held-out sentences (never trained on). */
  evaluate() {
    const x = this.#x();
    return this.#mod.withMemory((alloc) => {
      const p = alloc(8);
      x.train_evaluate(this.#h, p);
      const [accuracy, loss] = this.#mod.f32(p, 2);
      return { accuracy, loss };
    });
  }

  /** Back to the seed's initial weights and first batch; clears a stop. */
  reset() {
    this.#x().train_reset(this.#h);
    this.#stopped = null;
  }

  /** A new learning rate from the next step on (the optimiser's state is kept). */
  setLearningRate(learningRate) {
    checkLearningRate(learningRate);
    this.#x().train_set_learning_rate(this.#h, learningRate);
    this.#s = { ...this.#s, learningRate };
    this.settings = Object.freeze({ ...this.settings, learningRate });
  }

  // Words → ids, with the checks a learner's sentence needs. Returns { words, ids }.
  #read(sentence) {
    const words = tokenize(sentence);
    if (!words.length) {
      throw new RangeError(String(sentence).trim()
        ? 'The sentence has no words, only punctuation: type a few words of the task\'s vocabulary.'
        : 'The sentence is empty: type a few words of the task\'s vocabulary.');
    }
    const max = this.task.maxTokens;
    if (words.length > max) throw new RangeError(`The sentence has ${words.length} words, but this model reads at most ${max}.`);
    const unknown = [...new Set(words.filter((w) => !this.vocabulary.includes(w)))];
    if (unknown.length) {
      const shown = unknown.slice(0, 5).map((w) => `"${w.length > 24 ? `${w.slice(0, 24)}…` : w}"`).join(', ');
      const more = unknown.length > 5 ? ` and ${unknown.length - 5} more` : '';
      throw new RangeError(`${unknown.length === 1 ? 'This word is' : 'These words are'} not in the task's vocabulary: ${shown}${more}. The model only knows the words in trainer.vocabulary.`);
    }
    return { words, ids: words.map((w) => this.vocabulary.indexOf(w)) };
  }

  // Runs one sentence; returns { words, ids, readout, probabilities (Float32Array), weights }.
  #run(sentence) {
    const x = this.#x();
    const { words, ids } = this.#read(sentence);
    const n = ids.length;
    return this.#mod.withMemory((alloc) => {
      const pt = alloc(4 * n);
      this.#mod.i32(pt, n).set(ids);
      const readout = x.train_readout_position(this.#h, pt, n);
      if (readout < 0) throw new RangeError(`The sentence needs the word "${this.task.readout.word}": the model reads its answer there.`);
      const L = x.train_layers(this.#h), H = x.train_heads(this.#h), C = x.train_classes(this.#h);
      const pp = alloc(4 * C), pw = alloc(4 * L * H * n * n);
      const ran = x.train_run(this.#h, pt, n, readout, pp, pw);
      if (ran === 2) throw new RangeError(`The model's numbers overflowed on this sentence: its weights grew too large${this.#stopped ? ' before training stopped' : ''}. Reset and lower the learning rate.`);
      if (ran !== 1) throw new RangeError('The trainer refused this sentence.');
      const all = this.#mod.f32(pw, L * H * n * n);
      const layers = [];
      for (let l = 0; l < L; l++) {
        const heads = [];
        for (let h = 0; h < H; h++) heads.push(all.slice((l * H + h) * n * n, (l * H + h + 1) * n * n));
        layers.push(heads);
      }
      const answer = x.train_answer_position(this.#h, pt, n);
      const answerClass = x.train_answer_class(this.#h, pt, n);
      return { words, ids, readout, probabilities: this.#mod.f32(pp, C).slice(), layers, answer, answerClass };
    });
  }

  /**
   * The attention weights for a sentence of the task's vocabulary: { tokens, layers } where
   * layers[l][h] is an n × n Float32Array (row i: how much word i attends to each word), plus
   * readout (the row the answer is read from) and answer (the position of the word that decides
   * the answer, or −1 when the sentence does not follow the task's pattern).
   */
  attend(sentence) {
    const r = this.#run(sentence);
    return { tokens: r.words, layers: r.layers, readout: r.readout, answer: r.answer };
  }

  /**
   * The model's answer for a sentence: { label, probabilities } with probabilities an object
   * { [label]: p }, plus correct (the right label when the sentence follows the task's pattern,
   * else null).
   */
  predict(sentence) {
    const r = this.#run(sentence);
    const names = this.#classNames(r.words);
    const probabilities = {};
    let best = 0;
    names.forEach((name, c) => {
      probabilities[name] = r.probabilities[c];
      if (r.probabilities[c] > r.probabilities[best]) best = c;
    });
    return { label: names[best], probabilities, correct: r.answerClass >= 0 ? names[r.answerClass] : null };
  }

  // What the classes mean for this sentence: the nouns, the two nouns in order, fixed labels,
  // or letters.
  #classNames(words) {
    const labels = this.task.labels;
    if (Array.isArray(labels)) return labels;
    if (labels.tokens) return this.vocabulary.slice(0, this.task.classes);
    if (!labels.inOrder) return labels.nouns;
    const nouns = words.filter((w) => labels.nouns.includes(w));
    if (nouns.length !== 2) throw new RangeError(`The sentence needs exactly two nouns for "it" to choose between (e.g. "animal" and "street"), but it has ${nouns.length}${nouns.length ? `: ${nouns.join(', ')}` : ''}.`);
    if (nouns[0] === nouns[1]) throw new RangeError(`The sentence uses "${nouns[0]}" twice; use two different nouns so the answer can name one.`);
    return nouns;
  }

  /**
   * The trainer's own layout of saveWeights()'s array, as C++ owns it (Classifier::tensors):
   * { token_embedding, positions, 'layer1.wq', 'layer1.wk', 'layer1.wv', 'layer1.wo', (layer2.…),
   * 'readout.w', 'readout.b' }, each { offset, rows, cols } (row-major, in floats).
   */
  tensorLayout() {
    const x = this.#x();
    return this.#mod.withMemory((alloc) => {
      const p = alloc(12);
      const layout = {};
      for (let i = 0; ; i++) {
        const name = x.train_tensor(this.#h, i, p);
        if (!name) return Object.freeze(layout);
        const [offset, rows, cols] = this.#mod.i32(p, 3);
        layout[this.#mod.text(name)] = Object.freeze({ offset, rows, cols });
      }
    });
  }

  /** A copy of every weight (a Float32Array in the trainer's own layout), for saving. */
  saveWeights() {
    const x = this.#x();
    return this.#mod.f32(x.train_parameters(this.#h), x.train_parameter_floats(this.#h)).slice();
  }

  /** Loads weights saved by saveWeights() from a trainer with the same task and settings. */
  loadWeights(weights) {
    const x = this.#x();
    const count = x.train_parameter_floats(this.#h);
    if (!(weights instanceof Float32Array)) throw new TypeError('loadWeights() takes the Float32Array that saveWeights() returned.');
    if (weights.length !== count) throw new RangeError(`These weights hold ${weights.length} numbers, but this model (${this.settings.layers} layers, ${this.settings.heads} heads, dModel ${this.settings.dModel}) needs ${count}.`);
    for (let i = 0; i < weights.length; i++) if (!Number.isFinite(weights[i])) throw new RangeError(`Weight ${i} is not a finite number.`);
    this.#mod.f32(x.train_parameters(this.#h), count).set(weights);
  }

  /** Frees the trainer's memory; later calls throw. Safe to call twice. */
  dispose() {
    if (this.#h) {
      this.#mod.x.train_destroy(this.#h);
      this.#mod.openTrainers--;
    }
    this.#h = 0;
  }
}
