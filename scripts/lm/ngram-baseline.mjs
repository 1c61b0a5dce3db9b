// A baseline for the language model's held-out perplexity: an interpolated Kneser-Ney n-gram
// model (Chen & Goodman's formulation, one discount for every order) counted on the same training
// sentences and scored on the same held-out targets as `lm-train`: every sentence read as
// `<s> w1 … wn`, predicting w1 … wn and a closing `<s>`, words outside the vocabulary as `<unk>`.
// It prints numbers only; nothing in the lesson uses it. Run `node scripts/lm/corpus.mjs` first
// (or `npm run train:lm`, which does).
//
// Usage: node scripts/lm/ngram-baseline.mjs [--data build/lm] [--order 4] [--discount 0.9]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BOUNDARY = 0, UNKNOWN = 1; // token ids, as in wasm/language-model-tokenizer.js

// A sentence with order − 1 boundary tokens before it (so every target has a full context; a
// longer run of <s> says nothing more than one) and the closing <s>. Targets: index order − 1 on.
const padded = (s, order) => [...Array(order - 1).fill(BOUNDARY), ...s, BOUNDARY];

/**
 * Counts of every order: levels[k] maps a context of k tokens (joined by spaces) to
 * { total, types, words: Map(word → count) }. The highest order holds real counts; every lower
 * order holds continuation counts (in how many distinct contexts one token longer the word
 * follows this context), which is what makes it Kneser-Ney.
 */
export function countNgrams(sentences, order) {
  const add = (level, ctx, w, n = 1) => {
    let e = level.get(ctx);
    if (!e) level.set(ctx, (e = { total: 0, types: 0, words: new Map() }));
    const before = e.words.get(w) ?? 0;
    if (before === 0) e.types += 1;
    e.words.set(w, before + n);
    e.total += n;
  };
  const levels = Array.from({ length: order }, () => new Map());
  for (const s of sentences) {
    const p = padded(s, order);
    for (let i = order - 1; i < p.length; i++) add(levels[order - 1], p.slice(i - order + 1, i).join(' '), p[i]);
  }
  for (let k = order - 2; k >= 0; k--) {
    for (const [ctx, e] of levels[k + 1]) {
      const shorter = k === 0 ? '' : ctx.split(' ').slice(1).join(' ');
      for (const w of e.words.keys()) add(levels[k], shorter, w);
    }
  }
  return levels;
}

/** P(w | ctx) for a context of order − 1 tokens (an array), interpolated down to uniform over `vocab`. */
export function probability(levels, ctx, w, vocab, discount) {
  let p = 1 / vocab;
  for (let k = 0; k < levels.length; k++) {
    const e = levels[k].get(ctx.slice(ctx.length - k).join(' '));
    if (!e) continue; // an unseen context: the shorter one's estimate stands
    p = Math.max((e.words.get(w) ?? 0) - discount, 0) / e.total + (discount * e.types / e.total) * p;
  }
  return p;
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const args = process.argv.slice(2);
  const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
  const DATA = path.resolve(root, opt('--data', 'build/lm'));
  const ORDER = Number(opt('--order', 4));
  const DISCOUNT = Number(opt('--discount', 0.9));
  const readIds = (file) => readFileSync(path.join(DATA, file), 'utf8').split('\n').filter(Boolean).map((l) => l.split(' ').map(Number));
  const vocabSize = readFileSync(path.join(DATA, 'vocab.txt'), 'utf8').split('\n').filter(Boolean).length;
  const train = readIds('train.ids');
  const heldout = readIds('heldout.ids');
  const levels = countNgrams(train, ORDER);
  let nats = 0, count = 0;
  const kinds = { end: [0, 0], unknown: [0, 0], word: [0, 0] };
  for (const s of heldout) {
    const p = padded(s, ORDER);
    for (let i = ORDER - 1; i < p.length; i++) {
      const loss = -Math.log(probability(levels, p.slice(i - ORDER + 1, i), p[i], vocabSize, DISCOUNT));
      nats += loss;
      count += 1;
      const k = kinds[p[i] === BOUNDARY ? 'end' : p[i] === UNKNOWN ? 'unknown' : 'word'];
      k[0] += loss;
      k[1] += 1;
    }
  }
  const by = Object.entries(kinds).map(([name, [l, n]]) => `${name} ${(l / n).toFixed(3)} (${n})`).join(', ');
  console.log(`Kneser-Ney ${ORDER}-gram, discount ${DISCOUNT}, vocabulary ${vocabSize}: ${count} held-out predictions, loss ${(nats / count).toFixed(4)} nats, perplexity ${Math.exp(nats / count).toFixed(2)}; by target: ${by}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
