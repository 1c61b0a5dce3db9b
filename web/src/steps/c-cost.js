// Pure helpers for the cost step: timing a call without blocking (batches of calls between
// yields, median of the batches), byte and time formatting, the RNN-versus-attention counts, the
// doubling ratio of measured times, and log-scale chart geometry. No DOM, no attention maths.

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

const group = (n) => Math.round(n).toLocaleString('en-US');

// "256 B", "4.0 KiB", "1.0 MiB", "64.0 GiB".
export function formatBytes(bytes) {
  if (!Number.isFinite(bytes) || bytes < 0) return 'n/a';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let u = 0, v = bytes;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return u === 0 ? `${group(v)} B` : `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}

// "12.6 ms", "0.85 ms", "41 µs".
export function formatMs(ms) {
  if (!Number.isFinite(ms) || ms < 0) return 'n/a';
  if (ms < 0.1) return `${Math.max(0.1, ms * 1000).toFixed(ms < 0.01 ? 1 : 0)} µs`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export { group as formatCount };

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

// A log-scale map from [d0, d1] (both > 0) to pixels [p0, p1].
export function logScale([d0, d1], [p0, p1]) {
  const l0 = Math.log10(d0), l1 = Math.log10(d1);
  const k = (p1 - p0) / (l1 - l0 || 1);
  return (v) => p0 + (Math.log10(v) - l0) * k;
}

// Powers of `base` covering [min, max]: the domain rounded out to whole powers, and its ticks.
export function decades(min, max, base = 10) {
  const log = (v) => Math.log(v) / Math.log(base);
  const lo = base ** Math.floor(log(min > 0 ? min : 1) + 1e-9);
  let hi = base ** Math.ceil(log(max > 0 ? max : 1) - 1e-9);
  if (hi <= lo) hi = lo * base;
  const ticks = [];
  for (let v = lo; v <= hi * 1.0001; v *= base) ticks.push(v);
  return { domain: [lo, hi], ticks };
}
