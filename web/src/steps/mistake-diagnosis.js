// mistake-diagnosis.js — the mistake lab's reading of engine results: diagnostics of a weight matrix (row and column
// sums, largest weight per row, weight on later tokens) and one plain sentence per active bug,
// chosen from those numbers. Pure JS; the weights come from the engine.
import { formatDiff, formatNumber } from '../lib/format.js';
import { aboveDiagonal, colSums, maxAbsDiff, rowMax, rowSums } from '../lib/matrix.js';
import { quoteWord } from '../lib/text.js';

export const BUGS = [
  { id: 'softmax-over-queries', name: 'softmax over the query axis' },
  { id: 'no-scale', name: 'forgot to divide by √d_k' },
  { id: 'mask-after-softmax', name: 'mask after the softmax' },
];

const fmt = (v) => formatNumber(v, 2);
const near = (a, b, tol = 5e-3) => Math.abs(a - b) <= tol;

// Every number the diagnostics table shows, for one n×n weight matrix.
export function diagnose(weights, n) {
  const rows = rowSums(weights, n, n);
  const maxima = rowMax(weights, n, n);
  const later = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = i + 1; j < n; j++) s += weights[i * n + j];
    later.push(s);
  }
  return {
    rowSums: rows,
    colSums: colSums(weights, n, n),
    rowMax: maxima,
    later,
    future: aboveDiagonal(weights, n).sum,
    meanMax: maxima.reduce((a, m) => a + m.value, 0) / n,
    saturated: maxima.filter((m) => m.value > 0.9).length,
  };
}

// The row whose sum is farthest from 1.
function worstRow(sums) {
  let worst = 0;
  sums.forEach((s, i) => { if (Math.abs(s - 1) > Math.abs(sums[worst] - 1)) worst = i; });
  return worst;
}

/**
 * One sentence per active bug, every claim chosen from the numbers. o = { correct, buggy
 * (Float32Array n×n: weights with every chosen bug), n, labels, causal, mistake ('none' | engine
 * mistake), noScale, scaleFactor (√d_k, what the missing division would have divided by),
 * unscaled (weights with only the scaling bug; defaults to buggy), mistakeOnly (weights with only
 * the softmax/mask bug; defaults to buggy) }. A difference is always measured against the weights
 * with that one bug alone, so it is never blamed on the other bug.
 */
export function bugSentences({ correct, buggy, n, labels, causal, mistake, noScale, scaleFactor, unscaled = buggy, mistakeOnly = buggy }) {
  const c = diagnose(correct, n), b = diagnose(buggy, n), u = diagnose(unscaled, n), o = diagnose(mistakeOnly, n);
  const out = [];
  const label = (i) => `row ${i + 1} (${quoteWord(labels[i] ?? String(i + 1))})`;
  // Why a bug can change nothing on this sentence: one token (its one weight is 1 whatever is
  // done to it) or one word repeated (every score of a row is the same, so any softmax spreads
  // evenly).
  const why = n === 1 ? 'with one token its only weight is 1 whatever the bug does'
    : new Set(labels.slice(0, n)).size === 1 ? 'the sentence repeats one word, so every score of a row is the same and the weights spread evenly'
      : null;
  const nothing = (name, w) => (why && maxAbsDiff(correct, w) < 1e-6
    ? `${name}: this bug changes nothing on this sentence, because ${why} (largest difference ${formatDiff(maxAbsDiff(correct, w))}). Type a sentence with two different words to see it.`
    : null);
  if (mistake === 'softmax-over-queries' && nothing('Softmax over the queries', mistakeOnly)) out.push(nothing('Softmax over the queries', mistakeOnly));
  else if (mistake === 'softmax-over-queries') {
    const i = worstRow(o.rowSums);
    const colsOne = o.colSums.every((s) => near(s, 1));
    out.push(`Softmax over the queries: rows no longer sum to 1 — ${label(i)} sums to ${fmt(o.rowSums[i])} — while ${colsOne ? `every column sums to ${fmt(o.colSums[0])}` : `the columns sum to ${o.colSums.map(fmt).join(', ')}`}. Each key shared out one unit among the queries instead of each query sharing one unit among the keys.`);
  }
  if (mistake === 'mask-after-softmax') {
    if (causal && nothing('Mask after the softmax', mistakeOnly)) out.push(nothing('Mask after the softmax', mistakeOnly));
    else if (!causal) {
      const alone = mistakeOnly !== buggy ? ' this bug on its own' : '';
      out.push(`Mask after the softmax: with the causal mask off there is nothing to mask, so${alone || ' this bug'} changes nothing here (largest difference from the correct weights: ${formatDiff(maxAbsDiff(correct, mistakeOnly))}). Turn the causal mask on to see it.`);
    } else {
      const i = worstRow(o.rowSums);
      const lastOk = near(o.rowSums[n - 1], 1);
      out.push(`Mask after the softmax: rows no longer sum to 1 — ${label(i)} sums to ${fmt(o.rowSums[i])}${lastOk && n > 1 ? `; only the last row, which hides nothing, still sums to ${fmt(o.rowSums[n - 1])}` : ''}. The later tokens took their share of the softmax total before being zeroed, so ${fmt(n - o.rowSums.reduce((a, s) => a + s, 0))} of weight is missing in all.`);
    }
  }
  if (noScale && nothing('No \u00F7\u221Ad_k', unscaled)) out.push(nothing('No \u00F7\u221Ad_k', unscaled));
  else if (noScale) {
    const alone = unscaled !== buggy ? ' On its own (without the other bug),' : '';
    const lead = `${alone}${alone ? ' the' : ' The'}`;
    const still = u.rowSums.every((s) => near(s, 1)) ? ' The rows still sum to 1, which is why this bug hides so well.' : '';
    const moved = maxAbsDiff(correct, unscaled);
    if (u.saturated > c.saturated) {
      out.push(`No ÷√d_k: the scores are ${fmt(scaleFactor)} times larger, so the softmax saturates.${lead} largest weight per row averages ${fmt(u.meanMax)} (correct: ${fmt(c.meanMax)}) and ${u.saturated} of ${n} rows put more than 0.90 on a single key (correct: ${c.saturated}).${still}`);
    } else if (u.meanMax - c.meanMax > 0.05) {
      out.push(`No ÷√d_k: the scores are ${fmt(scaleFactor)} times larger, so the rows get more peaked without saturating.${lead} largest weight per row averages ${fmt(u.meanMax)} (correct: ${fmt(c.meanMax)}), and no more rows than before put over 0.90 on one key (${u.saturated} of ${n}).${still}`);
    } else {
      out.push(`No ÷√d_k: the scores are only ${fmt(scaleFactor)} times larger, so the softmax barely changes at this d_k.${lead} largest weight per row averages ${fmt(u.meanMax)} (correct: ${fmt(c.meanMax)}; largest difference ${formatDiff(moved)}). Try a larger d_k to see the damage.${still}`);
    }
  }
  if (!out.length) {
    out.push(`No bug is switched on: the two matrices are the same (largest difference ${formatDiff(maxAbsDiff(correct, buggy))}) and every row sums to ${fmt(b.rowSums[0])}.`);
  }
  if (causal && b.future > 5e-3) out.push(`Future leak: ${fmt(b.future)} of weight sits on later tokens even though the causal mask is on.`);
  return out;
}

// Feedback for the "which bug is this?" challenge: whether the guess is right and the evidence.
export function challengeFeedback(actual, guess, buggy, n, labels = null) {
  const b = diagnose(buggy, n);
  const name = BUGS.find((x) => x.id === actual)?.name ?? actual;
  if (labels && new Set(labels.slice(0, n)).size < 2) {
    const text = `it is \u201C${name}\u201D, but on this sentence every bug gives the same weights (${n === 1 ? 'one token' : 'one word repeated'}), so there is no evidence to read. Type a sentence with two different words and try again.`;
    return guess === actual ? { correct: true, text: `Right: ${text}` } : { correct: false, text: `Not this time: ${text}` };
  }
  const i = worstRow(b.rowSums);
  const evidence = {
    'softmax-over-queries': `the columns each sum to ${fmt(b.colSums[0])} while row ${i + 1} sums to ${fmt(b.rowSums[i])}`,
    'no-scale': `every row still sums to 1, but ${b.saturated} of ${n} rows put more than 0.90 on one key (largest weight per row averages ${fmt(b.meanMax)})`,
    'mask-after-softmax': `the future weights are 0 but row ${i + 1} sums to only ${fmt(b.rowSums[i])}`,
  }[actual] ?? '';
  if (guess === actual) return { correct: true, text: `Right: it is “${name}”. The evidence: ${evidence}.` };
  return { correct: false, text: `Not this time: it is “${name}”. The evidence: ${evidence}.` };
}
