// `npm run train:lm`: installs the corpus (Debian's wordnet-base), builds the corpus files and
// the native trainer, trains the small language model for a fixed number of steps, then measures
// its heads on the shipped held-out sample through the wasm module and writes everything the
// lesson ships to web/assets/lm/: model.bin (int8 weights + vocabulary), manifest.json, the
// held-out sample and the WordNet licence. Deterministic for the seed below. Not run by npm test.
// Usage: node scripts/lm/train.mjs [--steps N] [--seed S] [--lr X] [--threads T] [--out DIR] [--no-build]
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TAG_LETTERS, measureHeadRoles } from '../../web/src/lib/head-roles.js';
import { openLanguageModel } from './open-model.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args0 = process.argv.slice(2);
const OUT = path.resolve(root, args0.includes('--out') ? args0[args0.indexOf('--out') + 1] : 'web/assets/lm');
const DATA = path.join(root, 'build/lm');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);

// The training run that produced the checked-in weights. Changing any of these retrains a
// different model; the manifest records them all.
export const RUN = {
  seed: Number(opt('--seed', 1)),
  steps: Number(opt('--steps', 15000)),
  batch: 64,
  threads: Number(opt('--threads', 2)),
  lr: Number(opt('--lr', 5e-3)),
  weightDecay: Number(opt('--weight-decay', 0.1)),
  inputDropout: Number(opt('--input-dropout', 0.15)),
  dropout: Number(opt('--dropout', 0.1)),
  warmup: 200,
  dModel: 48,
  layers: 2,
  heads: 4,
  dFF: 192,
  context: 32,
  preNorm: Number(opt('--pre-norm', 1)),
};
export const SAMPLE_SENTENCES = 500; // the first 500 held-out sentences ship with the weights

const sh = (cmd, argv, extra = {}) => execFileSync(cmd, argv, { cwd: root, stdio: 'inherit', ...extra });
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

function main() {
  console.log('== corpus: wordnet-base');
  sh('bash', ['scripts/setup.sh', '--lm']);
  sh('node', ['scripts/lm/corpus.mjs', '--out', 'build/lm']);

  console.log('== native trainer');
  sh('cmake', ['-S', '.', '-B', 'build/native', '-DCMAKE_BUILD_TYPE=Release'], { stdio: ['ignore', 'ignore', 'inherit'] });
  sh('cmake', ['--build', 'build/native', '-j2', '--target', 'lm-train']);

  console.log(`== training ${RUN.steps} steps (nice -n 19, ${RUN.threads} threads)`);
  mkdirSync(OUT, { recursive: true });
  const trainer = [
    '-n', '19', path.join(root, 'build/native/lm-train'), 'train', '--data', DATA, '--out', path.join(OUT, 'model.bin'),
    '--steps', RUN.steps, '--seed', RUN.seed, '--batch', RUN.batch, '--threads', RUN.threads, '--lr', RUN.lr,
    '--warmup', RUN.warmup, '--weight-decay', RUN.weightDecay, '--input-dropout', RUN.inputDropout, '--dropout', RUN.dropout, '--d-model', RUN.dModel, '--layers', RUN.layers, '--heads', RUN.heads, '--d-ff', RUN.dFF,
    '--context', RUN.context, '--pre-norm', RUN.preNorm, '--sample', SAMPLE_SENTENCES,
  ].map(String);
  const loadBefore = os.loadavg();
  const t0 = Date.now();
  const run = spawnSync('nice', trainer, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`lm-train failed (exit ${run.status})`);
  const wallSeconds = (Date.now() - t0) / 1000;
  const report = JSON.parse(run.stdout);
  const loadAfter = os.loadavg();

  // the held-out sample (text, as the tokenizer reads it) and the licence travel with the weights
  const heldout = readFileSync(path.join(DATA, 'heldout.txt'), 'utf8').split('\n').filter(Boolean);
  const sample = heldout.slice(0, SAMPLE_SENTENCES);
  writeFileSync(path.join(OUT, 'heldout-sample.txt'), sample.join('\n') + '\n');
  copyFileSync('/usr/share/doc/wordnet-base/copyright', path.join(OUT, 'LICENSE-WordNet.txt'));

  console.log('== wasm build, head roles on the held-out sample');
  if (!args.includes('--no-build')) sh('npm', ['run', 'build']);
  const pos = JSON.parse(readFileSync(path.join(DATA, 'pos.json'), 'utf8'));
  const tags = pos.map((t) => TAG_LETTERS[t]).join('');
  const weights = readFileSync(path.join(OUT, 'model.bin'));
  return openLanguageModel(weights).then((model) => {
    const roles = measureHeadRoles(model, sample, tags);
    let nats = 0;
    let predictions = 0;
    for (const s of sample) {
      const r = model.sequenceLoss(s);
      nats += r.nats;
      predictions += r.predictions;
    }
    model.dispose();
    const corpus = JSON.parse(readFileSync(path.join(DATA, 'corpus.json'), 'utf8'));
    const manifest = {
      about: 'A 2-layer causal word-level transformer trained by this project\'s own C++ trainer (npm run train:lm) on the example sentences of WordNet 3.0.',
      file: 'model.bin',
      fileBytes: weights.length,
      sha256: sha256(weights),
      format: 'ATLM v1: int8 weights with one float16 scale per row; float32 biases and norm parameters (src/lm/weights_file.hpp)',
      config: report.config,
      parameters: report.parameters,
      corpus: {
        source: 'Debian package wordnet-base (WordNet 3.0): the quoted example sentences in the glosses of /usr/share/wordnet/data.{noun,verb,adj,adv}, deduplicated',
        licence: 'WordNet 3.0 licence (permissive, notice must be kept): LICENSE-WordNet.txt',
        split: 'held-out = sentences whose FNV-1a hash of the token string is divisible by 20; the rest train',
        ...corpus,
      },
      tokenizer: 'wasm/language-model-tokenizer.js: NFKC, lowercase, words and clitics (n\'t \'s …) and single punctuation marks; the 3,998 most frequent training tokens plus <s> and <unk>',
      training: {
        seed: report.seed, steps: report.steps, batchSentences: report.batchSentences, threads: report.threads,
        optimiser: `Adam, peak learning rate ${report.peakLearningRate}, ${report.warmupSteps} warm-up steps then cosine decay to 10 %, gradient norm clipped at ${report.gradientClip}, decoupled weight decay ${report.weightDecay} on the matrices, input words replaced by <unk> with probability ${report.inputDropout}, dropout ${report.dropout} on every attention and feed-forward output (training only)`,
        trainerSeconds: report.trainSeconds, trainerCpuSeconds: report.trainCpuSeconds, wallSecondsWithEvaluation: wallSeconds,
        machine: `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), shared with other jobs, nice -n 19; load average (1 min) ${loadBefore[0].toFixed(1)} before training, ${loadAfter[0].toFixed(1)} after`,
        lossCurve: report.curve,
      },
      heldout: {
        ...report.heldout,
        note: 'the mean next-token cross-entropy (nats) of the stored int8 weights over every real next-token target of the held-out split: each sentence is read on its own as <s> w1 … wn (no padding, no packing across sentences) and predicts w1 … wn and a closing <s>, so the first word after <s> counts, the end of the sentence counts, and words outside the vocabulary count as <unk> targets (exactly as in training); perplexity = e^loss. byTarget splits the same mean by kind of target',
      },
      trainProbe: { ...report.trainProbe, note: 'the same measure on an evenly spread sample of as many training sentences (clean inputs): the gap to the held-out loss is the overfitting' },
      unigram: { ...report.unigram, note: 'add-one smoothed training-token frequencies, same predictions' },
      sample: {
        file: 'heldout-sample.txt', sha256: sha256(readFileSync(path.join(OUT, 'heldout-sample.txt'))),
        sentences: sample.length, predictions: report.sample.predictions, loss: report.sample.loss,
        wasmLoss: nats / predictions, tolerance: 1e-4,
      },
      headRoles: { measuredOn: 'heldout-sample.txt', ...roles },
      posTags: { letters: TAG_LETTERS, source: 'scripts/lm/pos.mjs over WordNet index files', tags },
    };
    writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    console.log(`held-out perplexity ${report.heldout.perplexity.toFixed(1)} (unigram ${report.unigram.perplexity.toFixed(1)}), ${weights.length} bytes`);
    for (const h of roles.heads) console.log(`layer ${h.layer} head ${h.head}: ${h.description}`);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
