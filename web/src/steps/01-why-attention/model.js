// Step 1's model: inputs + engine → the recurrent chain's boxes and sentences, the attention
// matrix over the sentence (one engine call on the lesson's seeded embedding), and the hop
// comparison for the chosen pair. Pure, no DOM. The chain is a simplified picture of fading (a
// fixed share kept per hop), not a trained RNN; its shares are bookkeeping, not attention maths.
import { tokenize } from '../../model/toy-model.js';
import { formatNumber, formatPercent, superscript } from '../../lib/format.js';
import { plural } from '../../lib/text.js';
import { survivalAt, hopCounts, chainStages, hopsToFade } from '../recurrent-chain.js';
import { lessonEmbedding, lessonWeights, LESSON_EMBEDDING } from '../lesson-embedding.js';
import { DEFAULT_SENTENCE, MAX_LINK_TOKENS } from './inputs.js';

/**
 * → { tokens, n, retention, at, from, to, notes (sentences about replaced values), stages,
 *     boxes [{ h, call, share, read, now, shareText }], chainSummary, fadeNote, weights (n×n),
 *     links, linkText, linkNote, hops { rnn, attention }, steps { rnn, attention }, pairText }
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
    if (v > n - 1) { notes.push(`The ${label} (${v + 1}) is past the last word, so it is word ${n}.`); return n - 1; }
    return v;
  };
  const at = pos(values.at, 'chain position'), from = pos(values.from, 'first word'), to = pos(values.to, 'second word');
  const r = values.retention;

  const shares = survivalAt(r, n, at);
  const boxes = tokens.map((tok, j) => ({
    h: `h${j + 1}`, call: `f(“${tok}”, h${j})`, share: shares[j], read: shares[j] !== null, now: j === at,
    shareText: shares[j] !== null ? `“${tok}”: ${formatPercent(shares[j])} left` : 'not read yet',
  }));
  const chainSummary = `At h${at + 1}, what is left of “${tokens[0]}”: ${formatPercent(shares[0])} (${formatNumber(r)}${superscript(at)}); of “${tokens[at]}”: 100%.`;
  const fadeNote = `With ${formatPercent(r)} kept per hop, a token falls below 10% after ${plural(hopsToFade(r, 0.1), 'hop')}.`;

  const w = lessonWeights(1);
  const d = LESSON_EMBEDDING.dModel;
  const weights = engine.attention({ x: lessonEmbedding(tokens), n, dModel: d, dK: d, dV: d, wq: w.wq, wk: w.wk, wv: w.wv }).heads[0].weights;

  const links = (n * (n - 1)) / 2;
  const linkText = `${plural(n, 'token')} → ${links} direct ${links === 1 ? 'link' : 'links'}, each one hop long.`;
  const linkNote = n > MAX_LINK_TOKENS ? `The picture shows the first ${MAX_LINK_TOKENS} tokens; the matrix below has all ${n}.` : null;
  const hops = hopCounts(from, to);
  let pairText;
  if (from === to) pairText = 'Pick two different words to compare the paths between them.';
  else {
    const [early, late] = from <= to ? [from, to] : [to, from];
    const left = r ** (late - early);
    pairText = `In the chain, “${tokens[late]}” only meets “${tokens[early]}” through ${plural(late - early, 'rewrite')} of the memory, so ${formatPercent(left)} of it is left in this picture. `
      + `With self-attention, “${tokens[late]}” looks at “${tokens[early]}” directly, with weight ${formatNumber(weights[late * n + early])} in the matrix above (row “${tokens[late]}”).`;
  }
  return {
    tokens, n, retention: r, at, from, to, notes, stages: chainStages(tokens), boxes, chainSummary, fadeNote, weights,
    links, linkText, linkNote, hops, steps: { rnn: `${n} (one per token)`, attention: '1 (all tokens at once)' }, pairText,
  };
}
