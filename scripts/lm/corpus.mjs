// Builds the language model's corpus from Debian's wordnet-base: the quoted example sentences in
// the glosses of /usr/share/wordnet/data.{noun,verb,adj,adv}, deduplicated, tokenised by the
// lesson's one tokenizer (wasm/language-model-tokenizer.js), split deterministically into
// training and held-out sentences by a hash of their text, and a vocabulary of the most frequent
// training words. Also tags the vocabulary with a coarse part of speech from WordNet's index
// files (used only to measure what the heads attend to). Not the trainer; writes files only.
//
// Usage: node scripts/lm/corpus.mjs [--out build/lm] [--wordnet /usr/share/wordnet]
// Writes: vocab.txt, train.ids, heldout.ids (one sentence per line, space-separated token ids,
// no boundary tokens), heldout.txt (the held-out sentences as text), pos.json, corpus.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOUNDARY, UNKNOWN, splitWords, createTokenizer } from '../../wasm/language-model-tokenizer.js';
import { tagVocabulary } from './pos.mjs';

export const VOCABULARY_SIZE = 4000; // including <s> and <unk>
export const HELDOUT_ONE_IN = 20; // 5 % of the distinct sentences, chosen by hash
const PARTS = ['noun', 'verb', 'adj', 'adv'];

// FNV-1a, 32 bit: a fixed, platform-independent hash for the split.
export function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

// The quoted examples of one data.* file, in file order.
export function exampleSentences(dataText) {
  const out = [];
  for (const line of dataText.split('\n')) {
    if (line.startsWith('  ') || !line.includes(' | ')) continue; // licence header, blank
    const gloss = line.slice(line.indexOf(' | ') + 3);
    for (const m of gloss.matchAll(/"([^"]+)"/g)) {
      const s = m[1].trim();
      if (s.length > 0) out.push(s);
    }
  }
  return out;
}

export function buildCorpus(wordnetDir) {
  const seen = new Set();
  const sentences = []; // { text, words }
  for (const part of PARTS) {
    const file = path.join(wordnetDir, `data.${part}`);
    if (!existsSync(file)) throw new Error(`${file} is missing: install the Debian package wordnet-base.`);
    for (const text of exampleSentences(readFileSync(file, 'latin1'))) {
      const words = splitWords(text);
      if (words.length < 2) continue;
      const key = words.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      sentences.push({ text, words, key });
    }
  }
  const train = [];
  const heldout = [];
  for (const s of sentences) (fnv1a(s.key) % HELDOUT_ONE_IN === 0 ? heldout : train).push(s);

  // Vocabulary: the most frequent training words, ties broken by code-point order.
  const counts = new Map();
  for (const s of train) for (const w of s.words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const vocabulary = [BOUNDARY, UNKNOWN, ...ranked.slice(0, VOCABULARY_SIZE - 2).map(([w]) => w)];
  const tokenizer = createTokenizer(vocabulary);
  const ids = (s) => tokenizer.tokenize(s.text).map((t) => t.id);
  const coverage = (set) => {
    let known = 0;
    let all = 0;
    for (const s of set) for (const t of tokenizer.tokenize(s.text)) { all++; if (t.known) known++; }
    return { tokens: all, known: known / all };
  };
  return {
    vocabulary,
    train: train.map(ids),
    heldout: heldout.map(ids),
    heldoutText: heldout.map((s) => s.text),
    stats: {
      distinctSentences: sentences.length,
      trainSentences: train.length,
      heldoutSentences: heldout.length,
      trainTokens: coverage(train).tokens,
      heldoutTokens: coverage(heldout).tokens,
      heldoutKnownShare: Number(coverage(heldout).known.toFixed(4)),
      distinctTrainWords: counts.size,
    },
  };
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const out = path.resolve(root, opt('--out', 'build/lm'));
  const wordnet = opt('--wordnet', '/usr/share/wordnet');
  mkdirSync(out, { recursive: true });
  const c = buildCorpus(wordnet);
  const lines = (sets) => sets.map((ids) => ids.join(' ')).join('\n') + '\n';
  writeFileSync(path.join(out, 'vocab.txt'), c.vocabulary.join('\n') + '\n');
  writeFileSync(path.join(out, 'train.ids'), lines(c.train));
  writeFileSync(path.join(out, 'heldout.ids'), lines(c.heldout));
  writeFileSync(path.join(out, 'heldout.txt'), c.heldoutText.join('\n') + '\n');
  writeFileSync(path.join(out, 'pos.json'), JSON.stringify(tagVocabulary(c.vocabulary, wordnet)));
  writeFileSync(path.join(out, 'corpus.json'), JSON.stringify(c.stats, null, 2) + '\n');
  console.log(`corpus: ${JSON.stringify(c.stats)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
