// Step 15's model (web/src/steps/15-cost/): the comparison for N tokens (N sequential steps vs 1,
// N − 1 hops vs 1, N² scores of 4 bytes), doubling N quadruples the scores, and the measured-time
// sentence reports the ratio of the timings it is given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { model, measurementText } from '../../web/src/steps/15-cost/model.js';
import { INPUTS } from '../../web/src/steps/15-cost/inputs.js';
import { schemaDefaults, validateInputs } from '../../web/src/state.js';

const run = (patch) => model({ ...schemaDefaults(INPUTS), ...patch });

test('N = 10: 10 steps vs 1, 9 hops vs 1, 100 scores in 400 B; doubling gives 4 times as many scores', () => {
  const m = run({});
  assert.deepEqual(m.rows.map((r) => [r.rnn, r.attention]), [['10', '1'], ['9', '1'], ['—', '100 (N²)'], ['—', '400 B']]);
  assert.equal(m.doubling, 'Doubling to N = 20 gives 400 scores instead of 100: 4 times as many, while the recurrent chain only gets 10 steps longer.');
  assert.equal(m.grid.side, 10);
});

test('large N: the grid is drawn 32 × 32 and each square stands for the right number of scores', () => {
  const m = run({ n: 4096 });
  assert.equal(m.grid.side, 32);
  assert.match(m.grid.title, /4,096 × 4,096 = 16,777,216 cells \(drawn as 32 × 32; each square stands for 16,384 scores\)/);
  assert.equal(m.canDouble, false);
  assert.equal(run({ n: 2 }).canHalve, false);
  assert.equal(validateInputs(INPUTS, { n: 1e6 }).values.n, 4096);
});

test('the measured ratio sentence reports exactly the ratio of the timings, and warns at small N', () => {
  const results = new Map([[16, { core: 0.1, full: 0.2 }], [32, { core: 0.3, full: 0.7 }]]);
  const t = measurementText(results);
  assert.match(t.ratio, /^Doubling N from 16 to 32 multiplied the time by 3\.0 \(core\) and 3\.5 \(every intermediate\), and the score matrix by exactly 4\./);
  assert.match(t.ratio, /still small/);
  assert.deepEqual(t.rows[0], ['16', '256', '1 KiB', '0.10 ms', '0.20 ms']);
  assert.equal(measurementText(new Map()).ratio, 'No measurement yet.');
});

// The reason given follows the measured ratio: "smaller" only below 4, "larger" above it.
test('the explanation of the ratio agrees with the ratio', () => {
  const say = (a, b) => measurementText(new Map([[256, { core: a }], [512, { core: b }]])).ratio;
  assert.match(say(1, 3), /by 3\.0 \(core\).* it is smaller here/);
  assert.match(say(1, 4), /by 4\.0 \(core\).* that is about what was measured/);
  assert.match(say(1, 5.2), /by 5\.2 \(core\).* it is larger here/);
  assert.doesNotMatch(say(1, 5.2), /smaller/);
});
