// Step 24, once the model is loaded: readBlock(loaded, values) runs the loaded model
// (steps/language-model-loader.js) once through lm.activations and returns every number and sentence the block view shows: the followed
// token's vector at every box in the order the model computes them (names and order from C++),
// what each box adds, the next-token guesses at that position, the causal mask measured on this
// model (earlier vectors do not move when a word is added), the key-intuitions legend and the
// scale table with this model's own numbers. No DOM, no state; tests call it with the real model.
import { formatCount, formatNumber, quoteLabel, superscript } from '../../lib/format.js';
import { maxAbsDiff } from '../../lib/matrix.js';
import { plural } from '../../lib/text.js';
import { INTUITIONS, SCALE_ROWS } from '../../content/transformer-block.js';
import { predictionLabel, tokenLabel, unknownWordsLine, unreadable } from '../23-real-model/read-sentence.js';
import { model } from './model.js';

export const TOP_WORDS = 5;
export const PROBE_WORD = 'and'; // appended to show that earlier vectors do not change
const SHOWN_NUMBERS = 6;

// What each stage is, in words (the boxes' titles and one line each).
function stageText(key, c) {
  const ff = `${c.dModel} \u2192 ${c.dFF} \u2192 ${c.dModel}`;
  return {
    token: ['Token embedding', `The token's row of the ${formatCount(c.vocab)} \u00d7 ${c.dModel} embedding table.`],
    position: ['Position embedding', `A learned row per position (${c.context} of them; this model learns them instead of using sine waves).`],
    embedded: ['Embedding + position', 'Their sum: what the first layer reads.'],
    norm1: ['LayerNorm 1', c.preNorm ? 'Rescales the token\u2019s numbers before attention reads them.' : 'Normalises the sum of the input and attention (add & norm).'],
    attention: ['Masked multi-head attention', `${c.heads} heads of d_k = ${c.dK}, each token mixing the values of itself and earlier tokens, then W_O.`],
    add1: ['Add (residual)', c.preNorm ? 'The layer\u2019s input plus attention\u2019s output.' : 'The layer\u2019s input plus attention\u2019s output, before the norm.'],
    norm2: ['LayerNorm 2', c.preNorm ? 'Rescales again before the feed-forward block.' : 'Normalises the sum of the feed-forward input and output (add & norm).'],
    feed_forward: ['Feed-forward', `Per token, ${ff} with GELU in between.`],
    add2: ['Add (residual)', c.preNorm ? 'The first sum plus the feed-forward output: the layer\u2019s output.' : 'The normalised vector plus the feed-forward output, before the norm.'],
    final_norm: ['Final LayerNorm', 'What the output layer reads.'],
  }[key];
}

// 1.9 × 10⁻⁶ for the tiny differences float rounding leaves
const scientific = (x) => { const [mant, exp] = x.toExponential(1).split('e'); return `${mant} \u00d7 10${superscript(Number(exp))}`; };
const length = (v) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const listNumbers = (v, count = v.length) => Array.from(v.slice(0, count), (x) => formatNumber(x)).join(', ');

/**
 * Runs the model on the sentence. loaded: { lm, manifest, bytes }. → { error } when the sentence
 * cannot be read (the view keeps the last drawing), else every number and sentence of the step.
 */
export function readBlock(loaded, values) {
  const { lm, manifest } = loaded;
  const c = lm.config;
  const settings = model(values);
  const words = lm.tokenize(settings.sentence);
  const problem = unreadable(words, c, 'the block still shows');
  if (problem) return problem;
  const { run, worst } = runSentence(loaded, settings.sentence, words.length);
  const { tokens, stages, next } = run;
  const n = tokens.length;
  const d = c.dModel;
  const labels = tokens.map(tokenLabel);
  const token = Math.min(Math.max(settings.token, 0), n - 1);
  const name = quoteLabel(labels[token]);

  const rowOf = (s) => s.values.slice(token * d, token * d + d);
  // the residual stream's length so far: what attention and the feed-forward block add to
  const streamKeys = c.preNorm ? ['embedded', 'add1', 'add2'] : ['embedded', 'add1', 'add2', 'norm1', 'norm2'];
  let streamLength = null;
  const boxes = stages.map((s) => {
    const [title, about] = stageText(s.key, c);
    const vector = rowOf(s);
    const len = length(vector);
    const concept = INTUITIONS.find((i) => i.stages.includes(s.key))?.concept ?? null;
    const adds = s.key === 'attention' || s.key === 'feed_forward';
    const box = {
      key: s.key, layer: s.layer, title: s.layer ? `Layer ${s.layer}: ${title}` : title, about, concept,
      shape: `${n} \u00d7 ${d}`, vector, length: len,
      lengthLine: `${name}: ${d} numbers, length ${formatNumber(len)}${adds && streamLength !== null ? ` (the vector it is added to has length ${formatNumber(streamLength)})` : ''}.`,
      numbersLine: `First ${SHOWN_NUMBERS}: ${listNumbers(vector, SHOWN_NUMBERS)} \u2026`,
      allNumbers: `All ${d} numbers of ${name} here: ${listNumbers(vector)}.`,
    };
    if (streamKeys.includes(s.key)) streamLength = len;
    return box;
  });

  const guesses = next[token];
  const actual = token < n - 1 ? (tokens[token + 1].known ? tokens[token + 1].text : '<unk>') : null;
  const output = {
    title: `Linear + softmax over ${formatCount(c.vocab)} tokens`,
    about: `The last vector times the embedding table (tied weights) gives ${formatCount(c.vocab)} scores; softmax turns them into probabilities of the next token.`,
    words: guesses.map((g) => ({ token: g.token, label: predictionLabel(g.token), probability: g.probability })),
    line: `After ${token === 0 ? 'the sentence start' : name} the model's top ${guesses.length} next tokens take ${formatNumber(guesses.reduce((s, g) => s + g.probability, 0), 3)} of the probability`
      + (token >= n - 1 ? '.'
        : tokens[token + 1].known
          ? `; the token that really comes next is ${quoteLabel(labels[token + 1])}${guesses.some((g) => g.token === actual) ? ', among them' : ', not among them'}.`
          : `; the word that really comes next, ${quoteLabel(labels[token + 1])}, is not in the vocabulary, so the right answer for the model is <unk>${guesses.some((g) => g.token === actual) ? ', which is among them' : ', not among them'}.`),
  };

  // The causal mask, measured: add a word at the end and compare every earlier vector.
  let causal;
  if (worst !== null) {
    causal = {
      probe: PROBE_WORD, maxDiff: worst,
      line: `Measured: with \u201c${PROBE_WORD}\u201d added at the end, every vector of the ${plural(n, 'earlier token')} in all ${stages.length} boxes stays ${worst === 0 ? 'exactly the same (largest difference 0)' : `the same up to float rounding (largest difference ${scientific(worst)})`}. Only the new token gets new vectors.`,
    };
  } else {
    causal = { probe: PROBE_WORD, maxDiff: null, line: `This sentence fills the model's ${c.context}-token context, so no word can be added to test it.` };
  }
  const hidden = (n * (n - 1)) / 2;
  const maskLines = [
    `This model is a decoder: in every one of its ${c.layers * c.heads} heads, token i may look only at tokens 0 \u2026 i. For these ${n} tokens that hides ${formatCount(hidden)} of the ${formatCount(n * n)} query\u2013key pairs (everything above the diagonal), and ${name} sees ${plural(token + 1, 'token')}.`,
    causal.line,
    `That is what lets it be trained to predict the next word at every position at once, and generate text one token at a time: a token's vectors never depend on words that come after it.`,
    `An encoder (the first half of the original transformer, or BERT) uses full attention instead: every token sees all ${n}, later ones too, so ${name} could draw on ${token < n - 1 ? quoteLabel(labels[n - 1]) : 'words typed after it'}, and adding a word would change every vector. That suits reading a whole text at once, not predicting its next word.`,
  ];

  const hardware = manifest.training?.trainerCpuSeconds
    ? `${manifest.training.threads ?? 2} CPU cores, ${formatCount(manifest.training.trainerCpuSeconds)} CPU-seconds`
    : 'a laptop-class CPU';
  const ours = {
    layers: String(c.layers), dModel: String(c.dModel), heads: String(c.heads), vocab: formatCount(c.vocab), hardware,
    data: manifest.corpus?.trainTokens ? `${formatCount(manifest.corpus.trainTokens)} training tokens (${formatCount(manifest.corpus.trainSentences)} sentences)` : '\u2014',
  };
  const scale = SCALE_ROWS.map((r) => ({ what: r.what, small: r.small, large: r.large, ours: ours[r.ours] }));

  const arrangement = c.preNorm
    ? `This model normalises before each sublayer (pre-norm, as GPT-2 does): LayerNorm \u2192 attention \u2192 add, LayerNorm \u2192 feed-forward \u2192 add. The original transformer puts each norm after its add (\u201cadd & norm\u201d); the parts are the same, only their order differs.`
    : `This model puts each norm after its add (\u201cadd & norm\u201d, as the original transformer does).`;

  return {
    ...settings, token, n, tokens, labels,
    words: words.map((t) => ({ text: t.text, known: t.known })),
    unknownLine: unknownWordsLine(words, c.vocab),
    place: `${name} (${token + 1} of ${n})`,
    boxes, output, maskLines, causal, arrangement,
    intuitions: INTUITIONS.map((i) => ({ concept: i.concept, does: i.does, picture: i.picture })),
    scale,
    announce: `Following ${name}: ${boxes.length} boxes, then ${output.words[0].label} as the likeliest next token.`,
  };
}

// The model's two runs for a sentence (the sentence, and the sentence with the probe word added to
// measure the causal mask: `worst` is the largest change of an earlier token's numbers, null when the
// context is full), kept for the last sentence read: following another token only picks from them
// instead of running the model twice again (the same inputs give the same numbers).
let lastRun = null; // { loaded, sentence, result }
function runSentence(loaded, sentence, wordCount) {
  if (lastRun && lastRun.loaded === loaded && lastRun.sentence === sentence) return lastRun.result;
  const { lm } = loaded;
  const c = lm.config;
  const run = lm.activations(sentence, TOP_WORDS);
  let worst = null;
  if (wordCount + 1 <= c.context - 1) {
    const n = run.tokens.length;
    const longer = lm.activations(`${sentence} ${PROBE_WORD}`, 1);
    worst = 0;
    run.stages.forEach((s, i) => { worst = Math.max(worst, maxAbsDiff(s.values, longer.stages[i].values.subarray(0, n * c.dModel))); });
  }
  const result = { run, worst };
  lastRun = { loaded, sentence, result };
  return result;
}
