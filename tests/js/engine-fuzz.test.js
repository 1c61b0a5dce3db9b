// A short, fixed-seed pass of every JS fuzz target (tests/fuzz/targets/: the engine API, the
// trainer, the language-model loader), seed corpus included,
// so the fuzzers keep working between `npm run fuzz` runs. Findings fail the test with the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTargets, fuzzTarget, readCorpus } from '../fuzz/run.mjs';

const targets = await loadTargets();

test('there are the engine API, trainer and language-model loader targets, each with a seed corpus', () => {
  for (const [name, least] of [['engine-api', 20], ['trainer', 10], ['lm-loader', 20]]) {
    assert.ok(targets.some((t) => t.name === name), name);
    assert.ok(readCorpus(name).length >= least, `${name}: ${readCorpus(name).length} corpus inputs`);
  }
});

for (const target of targets) {
  // A target whose inputs are slow (the trainer's take ~0.1 s) sets a smaller testIterations.
  const iterations = target.testIterations ?? 100;
  test(`fuzz target ${target.name}: corpus and ${iterations} generated inputs, no finding`, { timeout: 120000 }, async (t) => {
    const result = await fuzzTarget(target, { seconds: 60, seed: 20261202, iterations });
    t.diagnostic(`${result.executions} executions (${result.corpus} from the corpus), ${result.findings.length} findings`);
    assert.equal(result.executions, result.corpus + iterations);
    assert.deepEqual(result.findings.map((f) => f.message.split('\n')[0]), []);
  });
}
