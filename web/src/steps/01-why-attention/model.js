// Step 1's model: inputs + engine → the recurrent chain's boxes and sentences, the attention
// matrix over the sentence (one engine call on the lesson's seeded embedding), and the hop
// comparison for the chosen pair. Pure, no DOM. The chain is a simplified picture of fading (a
// fixed share kept per hop), not a trained RNN; its shares are bookkeeping, not attention maths.
import { tokenize } from '../../model/toy-model.js';
import { formatNumber, formatPercent, superscript } from '../../lib/format.js';
import { placedWord, plural } from '../../lib/text.js';
import { survivalAt, hopCounts, chainStages, hopsToFade } from '../recurrent-chain.js';
import { lessonEmbedding, lessonWeights, LESSON_EMBEDDING } from '../lesson-embedding.js';
import { DEFAULT_SENTENCE, MAX_LINK_TOKENS } from './inputs.js';

/**
 * → { tokens, n, retention, at, from, to, notes (sentences about replaced values), stages,
 *     boxes [{ h, call, share, read, now, shareText }], chainSummary, fadeNote, weights (n×n),
 *     links, linkText, linkNote, linkLabel (the link picture's text alternative), hops { rnn, attention }, steps { rnn, attention }, pairText }
 */
export function model(values, engine) {
  const notes = [];
  const t = tokenize(values.sentence);
  let tokens = t.tokens;
  if (!tokens) {
    tokens = tokenize(DEFAULT_SENTENCE).tokens;
    notes.push(`The sentence has no words, so the example “${DEFAULT_SENTENCE}” is shown until you type at least one.`);
  } else if (t.error) notes.push(t.error);
  const n = tokens.length;
  const pos = (v, label) => {
    if (v === -1) return n - 1;
    if (v > n - 1) { notes.push(`The ${label} (word ${v + 1}) is past the last word, so it is word ${n}.`); return n - 1; }
    return v;
  };
  const at = pos(values.at, 'chain position'), from = pos(values.from, 'first word'), to = pos(values.to, 'second word');
  const r = values.retention;

  const shares = survivalAt(r, n, at);
  const boxes = tokens.map((tok, j) => ({
    h: `h${j + 1}`, call: `f(“${tok}”, h${j})`, share: shares[j], read: shares[j] !== null, now: j === at,
    shareText: shares[j] !== null ? `“${tok}”: ${formatPercent(shares[j])} left` : 'not read yet',
  }));
  const word = (k) => placedWord(tokens, k); // "“the” (word 4)" when the sentence has two
  const chainSummary = at === 0
    ? `At h1, only ${word(0)} has been read, so all of it (100%) is in the memory.`
    : `At h${at + 1}, what is left of ${word(0)}: ${formatPercent(shares[0])} (${formatNumber(r)}${superscript(at)}); of ${word(at)}: 100%.`;
  const fadeNote = `With ${formatPercent(r)} kept per hop, a token falls below 10% after ${plural(hopsToFade(r, 0.1), 'hop')}.`;

  const w = lessonWeights(1);
  const d = LESSON_EMBEDDING.dModel;
  const weights = engine.attention({ x: lessonEmbedding(tokens), n, dModel: d, dK: d, dV: d, wq: w.wq, wk: w.wk, wv: w.wv }).heads[0].weights;

  const links = (n * (n - 1)) / 2;
  const linkText = n === 1 ? '1 token → no direct links: there is no other token to look at.'
    : `${plural(n, 'token')} → ${links} direct ${links === 1 ? 'link' : 'links'}, each one hop long.`;
  const linkNote = n > MAX_LINK_TOKENS ? `The picture shows the first ${MAX_LINK_TOKENS} tokens; the matrix below has all ${n}.` : null;
  // What the picture draws, in words (its text alternative): only the tokens it shows, and the
  // thick line only when both picked words are among them.
  const shown = Math.min(n, MAX_LINK_TOKENS);
  let linkLabel;
  if (n === 1) linkLabel = `One token, ${word(0)}, and no other token to join it to.`;
  else {
    linkLabel = `${shown < n ? `The first ${shown} of the ${n} tokens` : `All ${n} tokens`}, each joined to every other by a direct line`;
    if (from === to) linkLabel += '.';
    else if (from < shown && to < shown) linkLabel += `; the line between ${word(from)} and ${word(to)} is drawn thicker.`;
    else linkLabel += `; the picked pair, ${word(from)} and ${word(to)}, is not among them, so no line is drawn thicker.`;
  }
  const hops = hopCounts(from, to);
  let pairText;
  if (from === to) pairText = 'Pick two different words to compare the paths between them.';
  else {
    const [early, late] = from <= to ? [from, to] : [to, from];
    const left = r ** (late - early);
    pairText = `In the chain, ${word(late)} only meets ${word(early)} through ${plural(late - early, 'rewrite')} of the memory, so ${formatPercent(left)} of it is left in this picture. `
      + `With self-attention, ${word(late)} looks at ${word(early)} directly, with weight ${formatNumber(weights[late * n + early])} in the matrix above (row ${word(late)}).`;
  }
  return {
    tokens, n, retention: r, at, from, to, notes, stages: chainStages(tokens), boxes, chainSummary, fadeNote, weights,
    links, linkText, linkNote, linkLabel, hops, steps: { rnn: `${n} (one per token)`, attention: '1 (all tokens at once)' }, pairText,
  };
}
