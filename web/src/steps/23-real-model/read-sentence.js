// Step 23, once the model is loaded: readSentence(loaded, values) runs the loaded model
// (web/src/steps/language-model-loader.js) on the sentence and returns every
// number and sentence the step shows: the tokens and which words the model knows, every
// layer × head attention map with its text alternative, each head's role (measured on held-out
// text by npm run train:lm, and measured again on this sentence), the enlarged head's query
// row, the next-word prediction, and what the heads really do on the lesson's presets.
// No DOM, no state; tests call it with the real model.
import { formatBytes, formatCount, formatNumber, quoteLabel } from '../../lib/format.js';
import { markLaterKeys, rowSums, topK } from '../../lib/matrix.js';
import { PATTERNS, measureHeadRoles } from '../../lib/head-roles.js';
import { article, plural } from '../../lib/text.js';
import { PRESETS } from './inputs.js';
import { model } from './model.js';

export const TOP_WORDS = 5;
const UNKNOWN_MARK = '*';
// The rule the training script names heads by (web/src/lib/head-roles.js): a pattern takes at
// least this share and at least twice what an even spread would give.
export const NAMED_SHARE = 0.3;
export const OVER_EVEN = 2;

const headName = (l, h) => `layer ${l + 1}, head ${h + 1}`;
const headTitle = (l, h) => `Layer ${l + 1}, head ${h + 1}`;

/** How a token is labelled on the maps: unknown words carry a mark. */
export function tokenLabel(t) {
  return t.known ? t.text : `${t.text}${UNKNOWN_MARK}`;
}

/** A predicted token in words. */
export function predictionLabel(token) {
  if (token === '<s>') return 'end of sentence (<s>)';
  if (token === '<unk>') return 'a word it does not know (<unk>)';
  return token;
}

/** Why the model cannot read these words (none, or more than its context holds), or null. */
export function unreadable(words, config, stillShown) {
  if (words.length === 0) return { error: 'This text has no words the model could read. Type a sentence.', keeps: null };
  if (words.length > config.context - 1) {
    return { error: `The model reads at most ${config.context - 1} words (and punctuation marks) at a time; this text has ${words.length}.`, keeps: stillShown };
  }
  return null;
}

/**
 * The sentence the page shows for an unreadable text: what is wrong, then what is on screen,
 * which the view knows (`drawn`: a reading of an earlier sentence is still shown; after a reload
 * with a text that is too long, nothing has been drawn yet).
 */
export function unreadableText({ error, keeps }, drawn) {
  if (!keeps) return error;
  return drawn ? `${error} Shorten it: ${keeps} the last sentence that fitted.` : `${error} Shorten it: nothing is drawn until it fits.`;
}

/**
 * Which words of the sentence the model does not know (the ones marked with UNKNOWN_MARK), in one
 * sentence; steps 23 and 24 both show it under their tokens. words: lm.tokenize's { text, known }.
 */
export function unknownWordsLine(words, vocab) {
  const unknown = words.filter((t) => !t.known).map((t) => t.text);
  return unknown.length
    ? `${unknown.length} of ${plural(words.length, 'word')} ${unknown.length === 1 ? 'is' : 'are'} not among the ${formatCount(vocab)} tokens the model knows (marked ${UNKNOWN_MARK}: ${unknown.map(quoteLabel).join(', ')}). It reads each as <unk>, one token shared by every unknown word, so it cannot tell them apart.`
    : `The model knows every word of this sentence (its vocabulary holds ${formatCount(vocab)} tokens).`;
}

/** The model's size and provenance, in one line, from its config and manifest. */
export function sizeLine({ lm, manifest, bytes }) {
  const c = lm.config;
  const held = manifest.heldout?.perplexity;
  const uni = manifest.unigram?.perplexity;
  return `The model: ${formatCount(bytes)} bytes (${formatBytes(bytes)}) of 8-bit weights, ${formatCount(c.parameters)} numbers; `
    + `${c.layers} layers \u00d7 ${c.heads} heads, d_model ${c.dModel}, ${article(formatCount(c.vocab))} ${formatCount(c.vocab)}-token vocabulary, at most ${c.context - 1} words at a time. `
    + `Trained by this lesson's own C++ code on ${formatCount(manifest.corpus?.distinctSentences ?? 0)} example sentences of WordNet 3.0`
    + (held ? `; on held-out sentences its perplexity is ${formatNumber(held, 1)}${uni ? ` (guessing by word frequency alone: ${formatNumber(uni, 1)})` : ''}.` : '.');
}

// The keys a query row puts most weight on, as "“the” 0.75".
function rowPeak(w, n, i) {
  let best = 0;
  for (let j = 1; j <= i; j++) if (w[i * n + j] > w[i * n + best]) best = j;
  return best;
}

// One head's text alternative: its strongest key for every query.
function mapSummary(title, w, tokens, labels) {
  const n = tokens.length;
  const parts = [];
  for (let i = 0; i < n; i++) {
    const j = rowPeak(w, n, i);
    parts.push(`${labels[i]} \u2192 ${labels[j]} ${formatNumber(w[i * n + j])}`);
  }
  return `${title}: ${n} \u00d7 ${n} attention weights, each row a query that sees only itself and earlier tokens. Strongest key of each query: ${parts.join(', ')}.`;
}

// The strongest link of a head that is neither a word to itself nor to <s> (queries 2 and on).
function strongestLink(w, n, labels) {
  let best = null;
  for (let i = 2; i < n; i++) {
    for (let j = 1; j < i; j++) {
      const v = w[i * n + j];
      if (!best || v > best.weight) best = { query: i, key: j, weight: v };
    }
  }
  return best && { ...best, line: `${labels[best.query]} \u2192 ${labels[best.key]} ${formatNumber(best.weight)}` };
}

function roleLine(r, where) {
  if (!r || r.share === null || r.share === undefined) return null;
  const pattern = r.role === 'spread' ? null : PATTERNS[r.role];
  const best = r.role === 'spread' ? Object.keys(r.shares).reduce((a, k) => (r.shares[k] !== null && (a === null || r.shares[k] / r.even[k] > r.shares[a] / r.even[a]) ? k : a), null) : r.role;
  const even = r.even[best];
  return pattern
    ? `${where}: ${pattern}, ${formatNumber(r.share)} of its weight${where.startsWith('On held-out') ? ' on average' : ''} (an even spread would give ${formatNumber(even)}).`
    : `${where}: no single pattern; its largest share is ${formatNumber(r.share)} (${PATTERNS[best]}), against ${formatNumber(even)} for an even spread.`;
}

// Each documented link of a preset, measured: which head gives it most weight, against an even spread.
// roles: the shipped head roles (manifest.headRoles.heads), to say when a link is only the
// previous-word head doing what it does for every word.
function presetLinks(preset, tokens, labels, layers, roles = []) {
  const n = tokens.length;
  const find = (word, from = 1) => tokens.findIndex((t, i) => i >= from && t.text === word);
  return preset.links.map(({ query, key }) => {
    const qi = find(query);
    const ki = find(key);
    const q = quoteLabel(query);
    const k = quoteLabel(key);
    const unknown = [query, key].filter((wd) => tokens.some((t) => t.text === wd && !t.known));
    const unknownText = unknown.length
      ? ` ${unknown.map(quoteLabel).join(' and ')} ${unknown.length === 1 ? 'is' : 'are'} not in the vocabulary, so the model reads ${unknown.length === 1 ? 'it' : 'them'} as <unk>: it cannot know what ${unknown.length === 1 ? 'that word means' : 'those words mean'}.`
      : '';
    if (qi < 0 || ki < 0) return { query, key, verdict: 'missing', line: `${q} or ${k} is not in this sentence.` };
    if (ki > qi) {
      return {
        query, key, verdict: 'masked', weight: 0,
        line: `Source ${preset.source} has ${q} draw on ${k}. This model cannot: ${k} comes later, and a decoder's causal mask hides every later word, so the row of ${q} gives it exactly 0 in every head.${unknownText}`,
      };
    }
    let best = { weight: -1 };
    layers.forEach((heads, l) => heads.forEach((w, h) => {
      if (w[qi * n + ki] > best.weight) best = { layer: l, head: h, weight: w[qi * n + ki] };
    }));
    const even = 1 / (qi + 1);
    const appears = best.weight >= NAMED_SHARE && best.weight >= OVER_EVEN * even;
    const w = layers[best.layer][best.head];
    const peak = rowPeak(w, n, qi);
    const peakText = peak === ki ? `, its strongest key there` : `; that head's strongest key for ${q} is ${quoteLabel(labels[peak])} (${formatNumber(w[qi * n + peak])})`;
    const previousHead = ki === qi - 1 && roles.some((r) => r.layer === best.layer + 1 && r.head === best.head + 1 && r.role === 'previous');
    const habit = previousHead ? ` That head is the previous-word head, and ${k} is simply the word before ${q}: it would look there whatever the two words were.` : '';
    return {
      query, key, verdict: appears ? 'appears' : 'absent', weight: best.weight, layer: best.layer, head: best.head, even,
      line: appears
        ? `Source ${preset.source}'s link ${q} \u2192 ${k} appears: ${headName(best.layer, best.head)} puts ${formatNumber(best.weight)} of the weight of ${q} on ${k} (an even spread would give ${formatNumber(even)})${peakText}.${habit}${unknownText}`
        : `Source ${preset.source}'s link ${q} \u2192 ${k} does not appear at this size: the most any head puts on it is ${formatNumber(best.weight)} (${headName(best.layer, best.head)}; an even spread would give ${formatNumber(even)})${peakText}.${unknownText}`,
    };
  });
}

/**
 * Runs the model on the sentence. loaded: { lm, manifest, bytes }. → { error } when the sentence
 * cannot be read (the view keeps the last maps), else every number and sentence the step draws.
 */
export function readSentence(loaded, values) {
  const { lm } = loaded;
  const c = lm.config;
  const settings = model(values);
  const read = readWholeSentence(loaded, settings.sentence);
  if (read.error) return { error: read.error, keeps: read.keeps };
  const { n, tokens, labels, words, unknown, unknownLine, grid, worstRowSum, layers, prediction } = read;
  const layer = Math.min(Math.max(settings.layer, 0), c.layers - 1);
  const head = Math.min(Math.max(settings.head, 0), c.heads - 1);
  const query = Math.min(Math.max(settings.query, 0), n - 1);

  // the enlarged head and its query row
  const w = layers[layer][head];
  const row = Array.from(w.subarray(query * n, query * n + n));
  const visible = row.slice(0, query + 1);
  const top = topK(visible, 3);
  const list = top.map((e) => `${quoteLabel(labels[e.index])} (${formatNumber(e.value)})`);
  const later = n - 1 - query;
  // the map marks the keys the causal mask hides (its weights there are 0): −∞ marks them, and the
  // view prints them as weight 0 (maskedAs: 'weight')
  const masked = markLaterKeys(w, n);
  const focus = {
    layer, head, title: headTitle(layer, head), values: masked, query,
    place: `${quoteLabel(labels[query])} (${query + 1} of ${n})`,
    bars: visible.map((v, j) => ({ label: labels[j], value: v, note: j === query ? 'itself' : j === 0 ? 'sentence start' : undefined })),
    readout: `In ${headName(layer, head)}, ${quoteLabel(labels[query])} puts most of its weight on ${list.join(', ')}.`
      + (later > 0 ? ` The later ${plural(later, 'token')} ${later === 1 ? 'is' : 'are'} hidden by the causal mask (weight 0).` : ''),
    rowSum: query === 0 ? `Its 1 visible weight is ${formatNumber(visible[0], 3)}.` : `Its ${plural(query + 1, 'visible weight')} add up to ${formatNumber(visible.reduce((s, v) => s + v, 0), 3)}.`,
  };

  const preset = PRESETS.find((p) => p.id === settings.preset);
  return {
    ...settings, layer, head, query, n, tokens, labels,
    words, unknown, unknownLine,
    grid, worstRowSum, focus, prediction,
    presetLines: preset ? presetLinks(preset, tokens, labels, layers, loaded.manifest.headRoles?.heads ?? []) : [],
    announce: `${n} tokens read${unknown.length ? `, ${unknown.length} unknown` : ''}. Next word: ${prediction.words[0].label}, ${formatNumber(prediction.words[0].probability)}.`,
  };
}

// Everything that depends on the sentence alone (the model's run, every head's map and role, the
// next-word prediction), kept for the last sentence read: moving the query, layer or head then
// only picks from it instead of running the model again (the same inputs give the same numbers).
let lastRead = null; // { loaded, sentence, read }
function readWholeSentence(loaded, sentence) {
  if (lastRead && lastRead.loaded === loaded && lastRead.sentence === sentence) return lastRead.read;
  const read = runSentence(loaded, sentence);
  lastRead = { loaded, sentence, read };
  return read;
}

function runSentence(loaded, sentence) {
  const { lm, manifest } = loaded;
  const c = lm.config;
  const words = lm.tokenize(sentence);
  const problem = unreadable(words, c, 'the maps still show');
  if (problem) return problem;
  const { tokens, layers } = lm.attend(sentence);
  const n = tokens.length;
  const labels = tokens.map(tokenLabel);

  const unknown = words.filter((t) => !t.known).map((t) => t.text);
  const unknownLine = unknownWordsLine(words, c.vocab);

  const held = manifest.headRoles?.heads ?? [];
  // (a role needs queries from the third token on: <s> and the first word have nothing to compare)
  const live = n >= 3 ? measureHeadRoles(lm, [sentence], manifest.posTags?.tags ?? '') : { queries: 0, heads: [] };
  let worstRowSum = 0;
  const grid = layers.map((heads, l) => heads.map((w, h) => {
    for (const s of rowSums(w, n, n)) worstRowSum = Math.max(worstRowSum, Math.abs(s - 1));
    const heldRole = held.find((r) => r.layer === l + 1 && r.head === h + 1);
    const liveRole = live.heads.find((r) => r.layer === l + 1 && r.head === h + 1);
    const link = strongestLink(w, n, labels);
    return {
      layer: l, head: h, title: headTitle(l, h), values: w,
      summary: mapSummary(headTitle(l, h), w, tokens, labels),
      role: heldRole?.role ?? null,
      heldLine: roleLine(heldRole, `On held-out text (${formatCount(manifest.headRoles?.queries ?? 0)} queries)`),
      liveRole: live.queries > 0 ? liveRole.role : null,
      liveLine: live.queries > 0 ? roleLine(liveRole, `On this sentence (${plural(live.queries, 'query', 'queries')})`) : 'On this sentence: too short to measure (a role needs queries from the third token on).',
      linkLine: link ? `Its strongest link between two different words here: ${link.line}.` : null,
    };
  }));

  const next = lm.predictNext(sentence, TOP_WORDS);
  const total = next.reduce((s, p) => s + p.probability, 0);
  const prediction = {
    words: next.map((p) => ({ token: p.token, label: predictionLabel(p.token), probability: p.probability })),
    total,
    line: `After \u201c${sentence}\u201d the model's top ${next.length} guesses take ${formatNumber(total, 3)} of the probability; the other ${formatCount(c.vocab - next.length)} tokens share the remaining ${formatNumber(1 - total, 3)}.`,
  };
  return {
    n, tokens, labels, layers, unknown, unknownLine, grid, worstRowSum, prediction,
    words: words.map((t) => ({ text: t.text, known: t.known })),
  };
}
