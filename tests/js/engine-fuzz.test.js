// A short, fixed-seed pass of every JS fuzz target (tests/fuzz/targets/), seed corpus included,
// so the fuzzers keep working between `npm run fuzz` runs. Findings fail the test with the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTargets, fuzzTarget, readCorpus } from '../fuzz/run.mjs';

const targets = await loadTargets();

test('there is at least the engine API target, with a seed corpus', () => {
  assert.ok(targets.some((t) => t.name === 'engine-api'));
  assert.ok(readCorpus('engine-api').length >= 20);
});

for (const target of targets) {
  test(`fuzz target ${target.name}: corpus and 100 generated inputs, no finding`, { timeout: 120000 }, async (t) => {
    const result = await fuzzTarget(target, { seconds: 60, seed: 20261202, iterations: 100 });
    t.diagnostic(`${result.executions} executions (${result.corpus} from the corpus), ${result.findings.length} findings`);
    assert.equal(result.executions, result.corpus + 100);
    assert.deepEqual(result.findings.map((f) => f.message.split('\n')[0]), []);
  });
}
