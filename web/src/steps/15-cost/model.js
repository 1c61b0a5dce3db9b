// Step 15's model: every number and sentence the cost step shows. `model(values)` gives the
// recurrent-network-versus-attention table, the doubling sentence and the score grid for N;
// `measurementText(results)` turns the live timings (measured by the view with the engine, in
// batches between pauses) into the table rows, chart series and the doubling ratio sentence. Pure.
import { MAX_N } from './inputs.js';
import { comparisonRows, doublingRatio } from '../cost-timing.js';
import { formatBytes, formatCount, formatMs } from '../../lib/format.js';

export const D_MODEL = 64;
export const AUTO_NS = Object.freeze([16, 32, 64, 128]);
export const FULL_NS = Object.freeze([16, 32, 64, 128, 256, 512]);
export const GRID_MAX = 32; // the score grid is drawn cell by cell up to 32 × 32

export function model(values) {
  const { n, big } = values;
  const n2 = n * 2;
  const side = Math.min(n, GRID_MAX);
  return {
    n, big,
    halveTo: Math.max(2, Math.round(n / 2)), doubleTo: Math.min(MAX_N, n * 2), canHalve: n > 2, canDouble: n < MAX_N,
    announce: (v) => `N = ${v}: ${formatCount(v * v)} scores.`,
    measureLabel: `Measure up to N = ${big ? 1024 : 512}`,
    measureNs: big ? [...FULL_NS, 1024] : [...FULL_NS],
    caption: `A recurrent network and self-attention for N = ${formatCount(n)} tokens`,
    rows: comparisonRows(n),
    doubling: `Doubling to N = ${formatCount(n2)} gives ${formatCount(n2 * n2)} scores instead of ${formatCount(n * n)}: ${(n2 * n2) / (n * n)} times as many, while the recurrent chain only gets ${formatCount(n2 - n)} steps longer.`,
    grid: {
      side,
      title: n <= GRID_MAX
        ? `The score grid: ${n} × ${n} = ${formatCount(n * n)} cells (the filled diagonal: each token with itself)`
        : `The score grid: ${formatCount(n)} × ${formatCount(n)} = ${formatCount(n * n)} cells (drawn as ${GRID_MAX} × ${GRID_MAX}; each square stands for ${formatCount((n * n) / (side * side))} scores)`,
    },
  };
}

/**
 * Why the measured core ratio is what it is, chosen from its value (a sentence that gave one
 * reason for every ratio once said "smaller" right after 5.2).
 */
export function ratioReason(r) {
  if (r < 3.5) return 'Pure N² work would give 4; it is smaller here because the parts that grow only like N (the projections) and the fixed cost of a call still weigh in.';
  if (r <= 4.5) return 'Pure N² work would give 4, and that is about what was measured: the N × N score matrix is most of the work.';
  return 'Pure N² work would give 4; it is larger here, because a score matrix this size no longer fits the processor’s fast cache, or because other work on the machine slowed one of the two measurements (measure again to see which).';
}

/** results: Map N → { core?, full? } (ms per call). → { rows, time, memory, ratio } as text and series. */
export function measurementText(results) {
  const ns = [...results.keys()].sort((a, b) => a - b);
  const rows = ns.map((N) => {
    const r = results.get(N);
    return [String(N), formatCount(N * N), formatBytes(N * N * 4), r.core === undefined ? '…' : formatMs(r.core), r.full === undefined ? '…' : formatMs(r.full)];
  });
  const pick = (key) => ns.filter((N) => results.get(N)[key] !== undefined).map((N) => [N, results.get(N)[key]]);
  const memNs = [...new Set([...FULL_NS, ...ns])].sort((a, b) => a - b);
  const times = (key) => Object.fromEntries(pick(key));
  const rc = doublingRatio(times('core')), rf = doublingRatio(times('full'));
  let ratio = rc
    ? `Doubling N from ${rc.from} to ${rc.to} multiplied the time by ${rc.ratio.toFixed(1)} (core)${rf ? ` and ${rf.ratio.toFixed(1)} (every intermediate)` : ''}, and the score matrix by exactly 4. ${ratioReason(rc.ratio)}`
    : 'No measurement yet.';
  if (rc && rc.to < 256) ratio += ' These sizes are still small, so fixed costs and timer noise weigh heavily; measure up to N = 512 for a clearer picture.';
  return {
    rows,
    time: { series: [{ name: 'core only', points: pick('core'), shape: 'circle' }, { name: 'every intermediate', points: pick('full'), shape: 'square' }], xTitle: 'tokens N', yTitle: 'time per call', yFormat: formatMs },
    memory: { series: [{ name: 'N² × 4 bytes', points: memNs.map((N) => [N, N * N * 4]), shape: 'square' }], xTitle: 'tokens N', yTitle: 'memory', yFormat: formatBytes, base: 4 },
    ratio,
  };
}
