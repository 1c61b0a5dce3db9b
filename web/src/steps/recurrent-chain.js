// recurrent-chain.js — bookkeeping for step 1's simplified picture of a recurrent network: a token's signal keeps a
// fixed share `retention` per hop, so after d hops retention^d of it is left. This is an
// illustration of fading, not a trained RNN and not attention maths. Pure, no DOM.

/**
 * Shares of each token still present in hidden state h_(at+1) (0-based `at`): entry j is
 * retention^(at − j) for j ≤ at, and null for tokens the chain has not read yet.
 */
export function survivalAt(retention, n, at) {
  const out = [];
  for (let j = 0; j < n; j++) out.push(j <= at ? retention ** (at - j) : null);
  return out;
}

/** Hops between two token positions: along the chain (|i − j|) and under self-attention (1). */
export function hopCounts(i, j) {
  if (i === j) return { rnn: 0, attention: 0 };
  return { rnn: Math.abs(i - j), attention: 1 };
}

/** Stage names for the chain player: 'h1 = f("The", h0)', 'h2 = f("cat", h1)', … */
export function chainStages(tokens) {
  return tokens.map((t, i) => `h${i + 1} = f(“${t}”, h${i})`);
}

/** Number of hops after which a share falls below `threshold` (e.g. 0.1): ⌈log t / log r⌉. */
export function hopsToFade(retention, threshold = 0.1) {
  if (!(retention > 0 && retention < 1)) return Infinity;
  return Math.ceil(Math.log(threshold) / Math.log(retention) - 1e-9);
}
