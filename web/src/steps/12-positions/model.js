// Step 12's model: inputs + engine → every number and sentence the positions step shows. The
// lesson's one embedding gives a word the same vector wherever it stands, so shuffling the words
// only permutes the rows of X; the engine's weights for the shuffled sentence, put back into the
// original order, are then the original weights (checked here, with the largest difference).
// Adding the engine's sinusoidal positional encoding breaks that. Below, the encoding matrix on
// its own. Pure: no DOM.
import { EXAMPLE_SENTENCE } from './inputs.js';
import { lessonEmbedding, lessonWeights, LESSON_EMBEDDING } from '../lesson-embedding.js';
import { sentenceTokens } from '../sentence-tokens.js';
import { formatDiff, formatNumber } from '../../lib/format.js';
import { maxAbsDiff } from '../../lib/matrix.js';
import { seededWordOrder, unpermuteRows, unpermuteSquare } from '../../lib/permutation.js';
import { quoteWord } from '../../lib/text.js';

const D = LESSON_EMBEDDING.dModel;
export const SAME = 1e-5; // float32 noise allowed when calling two matrices equal
const fmt = (v) => formatNumber(v, 2);

function run(engine, words, withPe) {
  const embedded = lessonEmbedding(words);
  const x = withPe ? engine.addPositionalEncoding(embedded, words.length, D) : embedded;
  const w = lessonWeights(1);
  return engine.attention({ x, n: words.length, dModel: D, wq: w.wq, wk: w.wk, wv: w.wv });
}

export function model(values, engine) {
  const { tokens, message } = sentenceTokens(values.sentence, EXAMPLE_SENTENCE);
  const n = tokens.length;
  const { shuffle: seed, pe: withPe, peN, peD } = values;
  const follow = Math.min(values.follow, n - 1);
  const { perm, same: noOtherOrder } = seededWordOrder(tokens, seed);
  const words = perm.map((i) => tokens[i]);
  const a = run(engine, tokens, withPe), b = run(engine, words, withPe);
  const wa = a.heads[0].weights, wb = b.heads[0].weights;
  const where = perm.indexOf(follow);
  let top = 0;
  for (let i = 0; i < wa.length; i++) top = Math.max(top, wa[i], wb[i]);

  const dW = maxAbsDiff(unpermuteSquare(wb, n, perm), wa);
  const dOut = maxAbsDiff(unpermuteRows(b.output, n, D, perm), a.output);
  const entries = `${n * n} entries compared`;
  let check;
  if (n < 2) check = 'A single token cannot be shuffled; type at least two words.';
  else if (seed && noOtherOrder) check = 'Every word of this sentence is the same word, so no shuffle can change the order; type two different words to see one.';
  else if (!seed) check = `Press “Shuffle the words” first. Right now both orders are the same, so the matrices match exactly (largest difference ${formatDiff(dW)}, ${entries}).`;
  else if (dW <= SAME) check = `It is a permutation: put back into the original order, the shuffled weights equal the original ones (largest difference ${formatDiff(dW)}, ${entries}).${withPe ? '' : ' Attention did not notice the new order.'}`;
  else check = `No longer a permutation: put back into the original order, the shuffled weights still differ from the original ones (largest difference ${formatDiff(dW)}, ${entries}).${withPe ? ' The positions changed the numbers themselves.' : ''}`;
  const outputCheck = n < 2 || !seed || noOtherOrder ? '' : dOut <= SAME
    ? `Each word’s output vector is unchanged by the shuffle (largest difference ${formatDiff(dOut)} over ${n} × ${D} numbers); it only moved to a new row.`
    : `Each word’s output vector changed with its position (largest difference ${formatDiff(dOut)} over ${n} × ${D} numbers).`;
  const row = (m, r, labels) => labels.map((t, j) => `${t} ${fmt(m[r * n + j])}`).join(', ');

  // The positional-encoding matrix on its own.
  const pev = engine.positionalEncoding(peN, peD);
  const last = peN - 1;
  const slow = peD % 2 === 0 ? peD - 2 : peD - 1; // the last sine column
  const fast = Array.from({ length: Math.min(4, peN) }, (_, p) => fmt(pev[p * peD]));

  return {
    tokens, words, n, message, perm, follow, where, shuffled: seed !== 0,
    original: wa, shuffledWeights: wb, domain: [0, top], dW, dOut,
    stage: withPe ? 'softmax weights, positions added' : 'softmax weights, no positions',
    orders: `Original order: ${tokens.join(' ')}. ${seed ? `Shuffled order: ${words.join(' ')}.` : 'Not shuffled yet: both matrices use the original order.'}`,
    check, outputCheck,
    followText: `${quoteWord(tokens[follow])}: original row ${follow + 1} → ${row(wa, follow, tokens)}. Shuffled row ${where + 1} → ${row(wb, where, words)}.`,
    followOptions: tokens.map((t, i) => `${t} (word ${i + 1})`),
    encoding: {
      values: pev, rows: peN, cols: peD,
      rowLabels: Array.from({ length: peN }, (_, p) => `pos ${p}`),
      colLabels: Array.from({ length: peD }, (_, i) => `d${i}`),
      note: last === 0
        ? `With one position the matrix has one row: ${formatNumber(pev[0], 2)} in every sine column (sin 0) and ${peD > 1 ? `${formatNumber(pev[1], 2)} in every cosine column (cos 0)` : 'no cosine column'}. Add positions to see the waves.`
        : `Column d0 is the fastest wave: down the positions it reads ${fast.join(', ')}${peN > 4 ? ' and so on' : ''}. `
        + `Column d${slow} is the slowest sine: it only goes from ${formatNumber(pev[slow], 4)} at pos 0 to ${formatNumber(pev[last * peD + slow], 4)} at pos ${last}. `
        + 'Every position gets its own row pattern.',
    },
  };
}
