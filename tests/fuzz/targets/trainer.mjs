// Fuzz target: the trainer (engine.loadTraining / createTrainer, wasm/training.js over
// wasm/train_abi.cpp and src/train) in the SIMD and scalar training modules under Node. An input
// is a settings object (every field valid, or one field hostile: NaN, ±∞, 1e9, negative, text,
// fractions, a denormal learning rate, unknown keys) and a short script of calls: step,
// evaluate, attend / predict on hostile sentences (10,000 words, 10,000 unknown words, emoji,
// right-to-left and control characters, empty, not text), reset, setLearningRate, save and
// (damaged) load of weights, dispose in the middle, a second trainer with the same settings, and
// many trainers open at once. Checks:
// - a refusal is an Error whose message is words and at most 400 characters (never a wasm trap,
//   "undefined", "NaN" or "[object"); settings that are valid by construction are never refused;
// - results: losses finite and ≥ 0, accuracy in [0, 1], attention rows sum to 1 (causal tasks:
//   zero right of the diagonal), probabilities sum to 1 — also after training stopped;
// - after dispose every call says the trainer was disposed; the same settings give the same
//   losses bit for bit; wasm memory returns under a bound once the input's trainers are disposed,
//   and a reference trainer made at setup still gives its first prediction afterwards.
import { createEngine } from 'attention-lesson';
import { TRAINER_LIMITS } from '../../../wasm/training.js';
import { makeRng } from '../rng.mjs';

const MiB = 2 ** 20;
const OPS = ['step', 'step', 'step', 'evaluate', 'attend', 'attend', 'predict', 'predict', 'reset', 'learningRate', 'weights', 'dispose', 'twin', 'many', 'examples'];
const SENTENCES = ['probe', 'probe', 'vocabulary', 'vocabulary', 'too-long', '10000-words', 'unknown', '10000-unknown', 'huge-word', 'empty', 'emoji', 'not-text', 'no-readout'];
const HOSTILE = {
  task: ['', 'TIRED-WIDE', '__proto__', 'constructor', 5, ['tired-wide']],
  layers: [0, 3, -1, 1.5, NaN, '2', 1e9],
  heads: [0, 3, 8, -1, 1e9, '2', NaN],
  dModel: [0, 3, 129, 1e9, -4, 32.5, Infinity, '32'],
  seed: [-1, 2 ** 32, 1.5, NaN, '7'],
  learningRate: [0, -0.01, 1001, 1e9, NaN, Infinity, -Infinity, '0.1', 5e-324, 1e-46],
  batchSize: [0, 513, 1e9, -1, 2.5, NaN],
  positions: ['', 'rotary', 1],
};
// (null counts as "not given" and takes the default, as undefined does.) Inputs hold indices into
// these lists, since NaN and ±∞ do not survive JSON.
const RATES = [1e-5, 0.01, 1, 1000, 1001, NaN, -1, 0, '1', Infinity, 1e-40];

function validSettings(rng, tasks) {
  const heads = rng.pick(TRAINER_LIMITS.heads);
  const dModel = heads * rng.logInt(Math.ceil(4 / heads), Math.floor(128 / heads));
  return {
    task: rng.pick(tasks), layers: rng.int(1, 2), heads, dModel, seed: rng.int(0, 2 ** 32 - 1),
    learningRate: rng.pick([1e-6, 1e-4, 0.003, 0.01, 0.1, 1, 10, 1000]), batchSize: rng.logInt(1, 512),
    positions: rng.pick(['learned', 'sinusoidal']),
  };
}

function generate(rng, tasks) {
  const settings = validSettings(rng, tasks);
  let hostile = null;
  if (rng.chance(0.3)) {
    hostile = rng.pick([...Object.keys(HOSTILE), 'unknown-key']);
    if (hostile === 'unknown-key') settings.learningrate = 0.01;
    else settings[hostile] = rng.int(0, HOSTILE[hostile].length - 1); // an index: see settingsOf
  }
  // A step costs about batch · dModel² · layers / 24e6 seconds here (0.7 s for the largest): steps
  // per call are capped so that one call stays near 0.15 s, and the largest models get one.
  const work = settings.batchSize * settings.dModel * settings.dModel * settings.layers;
  const maxCount = Math.max(1, Math.min(20, Math.floor(4e6 / work)));
  const ops = Array.from({ length: rng.int(1, 8) }, () => {
    const op = rng.pick(OPS);
    return {
      op, count: rng.logInt(1, maxCount), sentence: rng.pick(SENTENCES), rate: rng.int(0, RATES.length - 1),
      corrupt: rng.pick(['none', 'none', 'nan', 'length', 'type', 'other-model']), trainers: rng.logInt(2, 40),
    };
  });
  return { settings, hostile, ops, seed: rng.int(1, 2 ** 30) };
}

function checkWords(err, where) {
  if (err instanceof WebAssembly.RuntimeError || !(err instanceof Error)) throw new Error(`${where}: threw ${err?.constructor?.name}: ${err?.message}`);
  const m = err.message;
  if ((m.match(/[A-Za-z]{2,}/g) ?? []).length < 4 || /\bundefined\b|\[object |\bNaN\b(?! \(not a number\))|^\s*at /.test(m)) throw new Error(`${where}: message not in words: ${m.slice(0, 200)}`);
  if (m.length > 400) throw new Error(`${where}: a ${m.length}-character message (${m.slice(0, 120)}…)`);
}

function sentence(kind, trainer, rng) {
  const task = trainer.task, vocab = trainer.vocabulary;
  const words = (n) => Array.from({ length: n }, () => rng.pick(vocab));
  switch (kind) {
    case 'probe': return task.probe;
    case 'vocabulary': {
      // the read-out word must be in the sentence for it to run
      const w = words(rng.int(1, task.maxTokens - 1));
      if (task.readout.word) w.splice(rng.int(0, w.length), 0, task.readout.word);
      return w.join(' ');
    }
    case 'too-long': return words(task.maxTokens + 1).join(' ');
    case '10000-words': return words(10000).join(' ');
    case 'unknown': return 'zebra quantum florp';
    case '10000-unknown': return Array.from({ length: 10000 }, (_, i) => `unknownword${i}`).join(' ');
    case 'huge-word': return `${task.probe} ${'x'.repeat(100000)}`.split(' ').slice(-8).join(' ');
    case 'empty': return rng.pick(['', '   ', '\n\t']);
    case 'emoji': return `${task.probe} 🐈‍⬛ \u202e${vocab[0]}\u202c \u0000 שלום <script>window.__pwned=1</script>`;
    case 'not-text': return rng.pick([null, undefined, 42, { toString: () => task.probe }, [task.probe]]);
    case 'no-readout': return vocab.filter((w) => w !== task.readout.word).slice(0, 3).join(' ');
    default: throw new Error(`unknown sentence kind ${kind}`);
  }
}

function checkAttend(a, trainer, where) {
  const n = a.tokens.length;
  for (const heads of a.layers) for (const w of heads) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) {
        const x = w[i * n + j];
        if (!Number.isFinite(x) || x < 0 || (trainer.task.causal && j > i && x !== 0)) throw new Error(`${where}: attention weight [${i}, ${j}] is ${x}`);
        s += x;
      }
      if (Math.abs(s - 1) > 1e-4) throw new Error(`${where}: attention row ${i} sums to ${s}`);
    }
  }
}

function checkPredict(p, where) {
  const values = Object.values(p.probabilities);
  const sum = values.reduce((a, b) => a + b, 0);
  if (!values.every((v) => Number.isFinite(v) && v >= 0 && v <= 1) || Math.abs(sum - 1) > 1e-4) throw new Error(`${where}: probabilities ${values.slice(0, 4).join(', ')}… sum to ${sum}`);
  if (!(p.label in p.probabilities)) throw new Error(`${where}: label ${p.label} is not one of the classes`);
}

// Runs one call; refusals must be in words. Returns the result, or undefined when refused.
function attempt(where, fn, { mayRefuse = true } = {}) {
  try {
    return { value: fn() };
  } catch (err) {
    checkWords(err, where);
    if (!mayRefuse) throw new Error(`${where}: refused: ${err.message}`);
    return { error: err };
  }
}

// The input's settings with its hostile field's value taken from HOSTILE.
function settingsOf(input) {
  const s = { ...input.settings };
  if (input.hostile && input.hostile !== 'unknown-key') s[input.hostile] = HOSTILE[input.hostile][s[input.hostile]];
  return s;
}

async function runOn(engine, input, ctx) {
  const rng = makeRng(input.seed);
  const settings = settingsOf(input);
  const where0 = `${engine.simd ? 'SIMD' : 'scalar'} ${JSON.stringify(settings, (k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))}`;
  const made = attempt(`${where0} createTrainer`, () => engine.createTrainer(settings), { mayRefuse: input.hostile !== null });
  if (made.error) {
    const field = input.hostile === 'unknown-key' ? 'learningrate' : input.hostile;
    if (!made.error.message.includes(field)) throw new Error(`${where0}: the refusal does not name ${field}: ${made.error.message}`);
    return;
  }
  if (input.hostile !== null) {
    // a hostile value that was accepted must have been a value the limits allow
    made.value.dispose();
    throw new Error(`${where0}: the hostile ${input.hostile} ${String(settings[input.hostile])} was accepted`);
  }
  const t = made.value;
  const open = [t];
  let disposed = false;
  try {
    for (const [k, o] of input.ops.entries()) {
      const where = `${where0} op ${k} ${o.op}`;
      if (disposed) {
        const r = attempt(where, () => (o.op === 'step' ? t.step(1) : t.attend(t.task?.probe ?? 'x')));
        if (!r.error || !/disposed/.test(r.error.message)) throw new Error(`${where}: a disposed trainer did not say so`);
        continue;
      }
      switch (o.op) {
        case 'step': {
          const r = attempt(where, () => t.step(o.count));
          if (r.error && !/Training stopped at step \d+/.test(r.error.message)) throw new Error(`${where}: step refused: ${r.error.message}`);
          if (r.value && !(Number.isFinite(r.value.loss) && r.value.loss >= 0)) throw new Error(`${where}: loss ${r.value.loss}`);
          break;
        }
        case 'evaluate': {
          const { value } = attempt(where, () => t.evaluate(), { mayRefuse: false });
          if (!(value.accuracy >= 0 && value.accuracy <= 1) || !Number.isFinite(value.loss)) throw new Error(`${where}: accuracy ${value.accuracy}, loss ${value.loss}${t.stopped ? ' (after a stop)' : ''}`);
          break;
        }
        case 'attend': case 'predict': {
          const kind = o.sentence;
          const text = sentence(kind, t, rng);
          const r = attempt(`${where} (${kind})`, () => (o.op === 'attend' ? t.attend(text) : t.predict(text)));
          // a task read out at the last word has no read-out word to leave out
          const valid = ['probe', 'vocabulary'].includes(kind) || (kind === 'no-readout' && !t.task.readout.word);
          const mustWork = kind === 'probe' || (valid && o.op === 'attend');
          if (r.error && mustWork && !/overflowed/.test(r.error.message)) throw new Error(`${where} (${kind}): refused: ${r.error.message}`);
          if (r.value && !valid) throw new Error(`${where} (${kind}): a bad sentence was accepted`);
          if (r.value) (o.op === 'attend' ? checkAttend : checkPredict)(r.value, t, `${where} (${kind})`);
          break;
        }
        case 'reset':
          attempt(where, () => t.reset(), { mayRefuse: false });
          if (t.steps !== 0 || t.stopped !== null) throw new Error(`${where}: after reset steps ${t.steps}, stopped ${t.stopped}`);
          break;
        case 'learningRate': {
          const value = RATES[o.rate];
          const r = attempt(where, () => t.setLearningRate(value));
          const ok = typeof value === 'number' && value >= TRAINER_LIMITS.minLearningRate && value <= TRAINER_LIMITS.maxLearningRate;
          if (ok === Boolean(r.error)) throw new Error(`${where}: learning rate ${value} was ${r.error ? 'refused' : 'accepted'}`);
          break;
        }
        case 'weights': {
          const saved = attempt(where, () => t.saveWeights(), { mayRefuse: false }).value;
          let given = saved;
          if (o.corrupt === 'nan') { given = saved.slice(); given[rng.int(0, given.length - 1)] = NaN; }
          if (o.corrupt === 'length') given = saved.subarray(0, saved.length - 1);
          if (o.corrupt === 'type') given = Array.from(saved);
          if (o.corrupt === 'other-model') given = new Float32Array(saved.length + 4);
          const r = attempt(where, () => t.loadWeights(given));
          if (Boolean(r.error) !== (o.corrupt !== 'none')) throw new Error(`${where}: weights (${o.corrupt}) were ${r.error ? 'refused' : 'accepted'}`);
          break;
        }
        case 'dispose':
          t.dispose();
          t.dispose(); // twice is harmless
          disposed = true;
          break;
        case 'twin': {
          // the same settings, the same steps: the same loss, bit for bit
          const a = engine.createTrainer(t.settings), b = engine.createTrainer(t.settings);
          open.push(a, b);
          const la = attempt(where, () => a.step(o.count)), lb = attempt(where, () => b.step(o.count));
          if (!Object.is(la.value?.loss, lb.value?.loss) || la.error?.message !== lb.error?.message) throw new Error(`${where}: twins differ: ${la.value?.loss ?? la.error?.message} vs ${lb.value?.loss ?? lb.error?.message}`);
          a.dispose(); b.dispose();
          break;
        }
        case 'many': {
          // many trainers open at once (the page never does this; a caller might)
          for (let i = 0; i < o.trainers; i++) {
            const r = attempt(where, () => engine.createTrainer({ ...t.settings, seed: i }));
            if (r.error) { if (!/trainers are open/.test(r.error.message)) throw new Error(`${where}: trainer ${i} refused: ${r.error.message}`); break; }
            open.push(r.value);
            if (i % 5 === 0 && o.count > 1) attempt(where, () => r.value.step(1)); // (not for the largest models: too slow)
          }
          for (const x of open.splice(1)) x.dispose();
          break;
        }
        case 'examples': {
          const r = attempt(where, () => engine.trainingExamples(t.settings.task, { count: o.count, seed: o.count, heldOut: o.count % 2 === 0 }), { mayRefuse: false });
          for (const e of r.value) if (e.words.some((w) => !t.vocabulary.includes(w)) || e.readout < 0 || e.readout >= e.words.length) throw new Error(`${where}: a bad example ${JSON.stringify(e)}`);
          break;
        }
        default: throw new Error(`unknown op ${o.op}`);
      }
    }
  } finally {
    for (const x of open) x.dispose();
  }
  const memory = engine.trainingModule.x.memory.buffer.byteLength;
  if (memory > ctx.memoryBound) throw new Error(`${where0}: wasm memory is ${Math.round(memory / MiB)} MiB after the trainers were disposed`);
  const check = ctx.reference.get(engine);
  const p = check.trainer.predict(check.trainer.task.probe);
  if (p.label !== check.first.label || Math.abs(p.probabilities[p.label] - check.first.probabilities[p.label]) > 0) throw new Error(`${where0}: the reference trainer's prediction changed`);
}

let taskIds = [];
export default {
  name: 'trainer',
  testIterations: 30, // inside npm test (tests/js/engine-fuzz.test.js)
  async setup() {
    const engines = [await createEngine({ simd: true, training: true }), await createEngine({ simd: false, training: true })];
    taskIds = [...engines[0].trainingTasks];
    const reference = new Map(engines.map((e) => {
      const trainer = e.createTrainer({ task: taskIds[0], seed: 5 });
      trainer.step(3);
      return [e, { trainer, first: trainer.predict(trainer.task.probe) }];
    }));
    // 16 of the largest trainers (TRAINER_LIMITS.maxOpenTrainers × ~66 MiB) fit; wasm memory never shrinks
    return { engines, reference, memoryBound: 1280 * MiB };
  },
  generate: (rng) => generate(rng, taskIds),
  async run(input, ctx) {
    // The scalar build is ~3× slower: it gets one input in four.
    for (const engine of ctx.engines) if (engine.simd || input.seed % 4 === 0) await runOn(engine, input, ctx);
  },
  async teardown(ctx) { for (const r of ctx.reference.values()) r.trainer.dispose(); },
};
