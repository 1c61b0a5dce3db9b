// scene-mask-lab-cost-helpers.test.js — the pure helpers behind steps 11–16: matrix bookkeeping
// (lib/matrix.js), token shuffles (lib/permutation.js), the mistake lab's diagnosis
// (steps/mistake-diagnosis.js), the cost step's timing and formatting (steps/cost-timing.js,
// lib/format.js, views/log-scale.js) and the glossary filter (lib/text.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboveDiagonal, colSums, markLaterKeys, maxAbsDiff, nonZeroInRow, rowMax } from '../../web/src/lib/matrix.js';
import { formatDiff, formatBytes, formatMs } from '../../web/src/lib/format.js';
import { seededPermutation, unpermuteRows, unpermuteSquare } from '../../web/src/lib/permutation.js';
import { BUGS, bugSentences, challengeFeedback, diagnose } from '../../web/src/steps/mistake-diagnosis.js';
import { comparisonRows, doublingRatio, median, timeCall } from '../../web/src/steps/cost-timing.js';
import { decades, logScale } from '../../web/src/views/log-scale.js';
import { matchesFilter } from '../../web/src/lib/text.js';

test('aboveDiagonal counts exact zeros and sums the upper triangle', () => {
  const causal = [1, 0, 0, 0.5, 0.5, 0, 0.2, 0.3, 0.5];
  assert.deepEqual(aboveDiagonal(causal, 3), { total: 3, zeros: 3, sum: 0, max: 0 });
  const full = [0.5, 0.25, 0.25, 0.1, 0.8, 0.1, 0.3, 0.3, 0.4];
  const a = aboveDiagonal(full, 3);
  assert.equal(a.zeros, 0);
  assert.ok(Math.abs(a.sum - 0.6) < 1e-12);
  assert.equal(a.max, 0.25);
  assert.deepEqual(aboveDiagonal([1], 1), { total: 0, zeros: 0, sum: 0, max: 0 });
  assert.equal(nonZeroInRow(causal, 1, 3), 2);
});

test('colSums and rowMax read a matrix', () => {
  assert.deepEqual(colSums([1, 2, 3, 4], 2, 2), [4, 6]);
  assert.deepEqual(rowMax([0.1, 0.9, 0.7, 0.3], 2, 2), [{ value: 0.9, col: 1 }, { value: 0.7, col: 0 }]);
});

test('seededPermutation is a real shuffle, repeatable, and seed 0 keeps the order', () => {
  assert.deepEqual(seededPermutation(5, 0), [0, 1, 2, 3, 4]);
  for (let seed = 1; seed < 50; seed++) {
    const p = seededPermutation(4, seed);
    assert.deepEqual([...p].sort(), [0, 1, 2, 3]);
    assert.ok(p.some((v, i) => v !== i), `seed ${seed} must move something`);
    assert.deepEqual(seededPermutation(4, seed), p);
  }
  assert.deepEqual(seededPermutation(1, 7), [0]);
});

test('unpermuteSquare and unpermuteRows undo a shuffle of the tokens', () => {
  const n = 3, perm = [2, 0, 1];
  const original = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  // shuffled[a][b] = original[perm[a]][perm[b]]
  const shuffled = [];
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) shuffled.push(original[perm[a] * n + perm[b]]);
  assert.equal(maxAbsDiff(unpermuteSquare(shuffled, n, perm), original), 0);
  const rows = [1, 2, 3, 4, 5, 6];
  const shuffledRows = perm.flatMap((p) => rows.slice(p * 2, p * 2 + 2));
  assert.deepEqual(Array.from(unpermuteRows(shuffledRows, n, 2, perm)), rows);
  assert.equal(maxAbsDiff([1, 2], [1, 2.5]), 0.5);
  assert.equal(maxAbsDiff([1], [1, 2]), Infinity);
});

test('formatDiff prints exact zero, tiny and ordinary differences', () => {
  assert.equal(formatDiff(0), '0');
  assert.equal(formatDiff(6e-8), '6.0 × 10⁻⁸');
  assert.equal(formatDiff(0.0834), '0.083');
  assert.equal(formatDiff(Infinity), 'not comparable');
});

// A 3×3 causal example: correct weights, and the three buggy versions.
const correct = Float32Array.from([1, 0, 0, 0.4, 0.6, 0, 0.2, 0.3, 0.5]);
const labels = ['The', 'cat', 'sat'];

test('diagnose reads row sums, column sums, maxima and the future leak', () => {
  const d = diagnose(correct, 3);
  assert.deepEqual(d.rowSums.map((v) => +v.toFixed(6)), [1, 1, 1]);
  assert.deepEqual(d.colSums.map((v) => +v.toFixed(6)), [1.6, 0.9, 0.5]);
  assert.equal(d.future, 0);
  assert.equal(d.saturated, 1);
  const leaky = diagnose(Float32Array.from([0.5, 0.5, 0, 0.4, 0.6, 0, 0.2, 0.3, 0.5]), 3);
  assert.equal(leaky.future, 0.5);
});

test('bugSentences names what broke from the numbers', () => {
  const base = { correct, n: 3, labels, causal: true, noScale: false, scaleFactor: 8 };
  const none = bugSentences({ ...base, buggy: correct, mistake: 'none' });
  assert.equal(none.length, 1);
  assert.match(none[0], /No bug is switched on/);

  const overQueries = Float32Array.from([0.5, 0, 0, 0.3, 0.6, 0, 0.2, 0.4, 1]); // columns sum to 1
  const [s1] = bugSentences({ ...base, buggy: overQueries, mistake: 'softmax-over-queries' });
  assert.match(s1, /row 3 \(‘sat’\) sums to 1\.60/);
  assert.match(s1, /every column sums to 1\.00/);

  const maskAfter = Float32Array.from([0.2, 0, 0, 0.3, 0.4, 0, 0.2, 0.3, 0.5]);
  const [s2] = bugSentences({ ...base, buggy: maskAfter, mistake: 'mask-after-softmax' });
  assert.match(s2, /row 1 \(‘The’\) sums to 0\.20/);
  assert.match(s2, /only the last row/);
  const [s2off] = bugSentences({ ...base, causal: false, buggy: correct, mistake: 'mask-after-softmax' });
  assert.match(s2off, /nothing to mask/);

  const saturated = Float32Array.from([1, 0, 0, 0.02, 0.98, 0, 0, 0.01, 0.99]);
  const [s3] = bugSentences({ ...base, buggy: saturated, mistake: 'none', noScale: true });
  assert.match(s3, /8\.00 times larger/);
  assert.match(s3, /3 of 3 rows/);
  assert.match(s3, /still sum to 1/);

  const leak = Float32Array.from([0.5, 0.5, 0, 0.4, 0.6, 0, 0.2, 0.3, 0.5]);
  const out = bugSentences({ ...base, buggy: leak, mistake: 'none' });
  assert.ok(out.some((t) => /Future leak: 0\.50/.test(t)));
});

test('challengeFeedback says right or wrong and gives the evidence', () => {
  const maskAfter = Float32Array.from([0.2, 0, 0, 0.3, 0.4, 0, 0.2, 0.3, 0.5]);
  const right = challengeFeedback('mask-after-softmax', 'mask-after-softmax', maskAfter, 3);
  assert.equal(right.correct, true);
  assert.match(right.text, /row 1 sums to only 0\.20/);
  const wrong = challengeFeedback('mask-after-softmax', 'no-scale', maskAfter, 3);
  assert.equal(wrong.correct, false);
  assert.match(wrong.text, /mask after the softmax/);
  assert.equal(BUGS.length, 3);
});

test('median, formatBytes and formatMs', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  assert.ok(Number.isNaN(median([])));
  assert.equal(formatBytes(400), '400 B');
  assert.equal(formatBytes(1024), '1 KiB');
  assert.equal(formatBytes(512 * 512 * 4), '1 MiB');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatMs(12.56), '12.6 ms');
  assert.equal(formatMs(0.854), '0.85 ms');
  assert.equal(formatMs(0.041), '41 µs');
  assert.equal(formatMs(NaN), 'n/a');
});

test('timeCall batches fast calls until the clock resolves them, and takes the median', async () => {
  let clock = 0, calls = 0;
  const run = () => { calls++; clock += 0.25; }; // every call costs 0.25 ms on a fake clock
  const r = await timeCall(run, { now: () => clock, pause: async () => {}, minBatchMs: 6, samples: 5 });
  assert.equal(r.perCall, 0.25);
  assert.equal(r.calls, 32); // up to 16 calls (4 ms) are under 6 ms; 32 calls take 8 ms
  assert.equal(r.samples, 5);
  let slow = 0;
  const s = await timeCall(() => { slow += 50; }, { now: () => slow, pause: async () => {} });
  assert.equal(s.calls, 1);
  assert.equal(s.samples, 3);
  await assert.rejects(timeCall(run, { now: () => 0, pause: async () => { throw new Error('cancelled'); } }), /cancelled/);
});

test('comparisonRows counts steps, hops and scores for N tokens', () => {
  const rows = comparisonRows(10);
  assert.deepEqual(rows.map((r) => [r.rnn, r.attention]), [['10', '1'], ['9', '1'], ['—', '100 (N²)'], ['—', '400 B']]);
  assert.equal(comparisonRows(1000)[2].attention, '1,000,000 (N²)');
});

test('doublingRatio uses the largest N whose half was measured', () => {
  assert.deepEqual(doublingRatio({ 16: 1, 32: 2, 64: 6 }), { from: 32, to: 64, ratio: 3 });
  assert.deepEqual(doublingRatio({ 16: 1, 32: 2, 100: 9 }), { from: 16, to: 32, ratio: 2 });
  assert.equal(doublingRatio({ 16: 1 }), null);
});

test('logScale and decades give log-axis geometry', () => {
  const s = logScale([1, 100], [0, 200]);
  assert.equal(s(1), 0);
  assert.equal(s(10), 100);
  assert.equal(s(100), 200);
  assert.deepEqual(decades(0.13, 1.2), { domain: [0.1, 10], ticks: [0.1, 1, 10] });
  assert.deepEqual(decades(1024, 1048576, 4).ticks, [1024, 4096, 16384, 65536, 262144, 1048576]);
  assert.deepEqual(decades(5, 5).domain, [1, 10]);
});

test('matchesFilter ignores case and accents and needs every word', () => {
  assert.ok(matchesFilter('Softmax turns scores into shares', 'SOFT'));
  assert.ok(matchesFilter('Café au lait', 'cafe'));
  assert.ok(matchesFilter('query key value', 'value query'));
  assert.ok(!matchesFilter('query key value', 'value mask'));
  assert.ok(matchesFilter('anything', '   '));
  assert.ok(!matchesFilter('plain text', '<b>'));
});

test('markLaterKeys marks every key after its query with −∞ and copies the rest', () => {
  const w = [1, 0, 0, 0.4, 0.6, 0, 0.2, 0.3, 0.5];
  const m = markLaterKeys(w, 3);
  assert.ok(m instanceof Float32Array);
  assert.deepEqual(Array.from(m), [1, -Infinity, -Infinity, Math.fround(0.4), Math.fround(0.6), -Infinity, Math.fround(0.2), Math.fround(0.3), 0.5]);
  assert.deepEqual(w, [1, 0, 0, 0.4, 0.6, 0, 0.2, 0.3, 0.5], 'the input is not changed');
});
