// cost-timing.js — pure helpers for the cost step: timing a call without blocking (batches of
// calls between yields, median of the batches), the RNN-versus-attention counts and the doubling
// ratio of measured times. Formatting lives in lib/format.js, chart geometry in views/log-scale.js.
// No DOM, no attention maths.
import { formatBytes, formatCount as group } from '../lib/format.js';

export function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/**
 * Milliseconds per call of run(), measured in batches of k calls (k doubles until a batch takes
 * minBatchMs, so coarse clocks still resolve fast calls). `pause()` is awaited between batches
 * (setTimeout in the page, so it stays responsive; it may reject to cancel). Slow calls (over
 * slowMs) take fewer samples. Returns { perCall, calls, samples }.
 */
export async function timeCall(run, { now, pause, minBatchMs = 6, samples = 7, slowMs = 10, maxBatch = 1 << 14 }) {
  let k = 1, dt = 0;
  for (;;) {
    const t0 = now();
    for (let i = 0; i < k; i++) run();
    dt = now() - t0;
    if (dt >= minBatchMs || k >= maxBatch) break;
    k *= 2;
    await pause();
  }
  const per = [dt / k];
  const want = dt / k > slowMs ? Math.min(3, samples) : samples;
  while (per.length < want) {
    await pause();
    const t0 = now();
    for (let i = 0; i < k; i++) run();
    per.push((now() - t0) / k);
  }
  return { perCall: median(per), calls: k, samples: per.length };
}



// The comparison table for N tokens: [{ what, rnn, attention }], all as text.
export function comparisonRows(n) {
  return [
    { what: 'Steps that must run one after another', rnn: group(n), attention: '1' },
    { what: 'Hops from the first token to the last', rnn: group(Math.max(0, n - 1)), attention: n > 1 ? '1' : '0' },
    { what: 'Entries in the score matrix', rnn: '—', attention: `${group(n * n)} (N²)` },
    { what: 'Memory of that matrix (4-byte floats, one head)', rnn: '—', attention: formatBytes(n * n * 4) },
  ];
}

// For measured { n → ms }, the ratio t(N)/t(N/2) at the largest N whose half was measured too.
export function doublingRatio(times) {
  const ns = Object.keys(times).map(Number).filter((n) => Number.isFinite(times[n]) && times[n] > 0).sort((a, b) => b - a);
  for (const n of ns) {
    const half = times[n / 2];
    if (Number.isFinite(half) && half > 0) return { from: n / 2, to: n, ratio: times[n] / half };
  }
  return null;
}
