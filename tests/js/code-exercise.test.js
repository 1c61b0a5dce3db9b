// The exercise's grader (web/src/code/exercise-grader.js) on known solutions, compiled and run by
// the same sandbox the page's worker uses: the correct one passes; each classic bug is named (wrong
// softmax axis, mask after the softmax, no √d_k, mask of the wrong shape, no mask); a bug it does
// not know gets the place of the largest difference; bad returns and thrown errors get sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from 'attention-lesson';
import { grade, readAnswer } from '../../web/src/code/exercise-grader.js';
import { makeTrials } from '../../web/src/code/exercise-trials.js';
import { canCompile, compileLearner, runTrials } from '../../web/src/code/exercise-sandbox.js';
import { SOLUTIONS } from './code-exercise-solutions.js';

const engine = await createEngine();

function gradeSource(source, seed = 3) {
  const trials = makeTrials(seed);
  const compiled = compileLearner(source);
  assert.equal(compiled.error, undefined, compiled.error);
  const run = runTrials(compiled.fn, trials);
  assert.equal(run.error, undefined, run.error);
  return grade(engine, trials, run.answers);
}

test('Node can compile code (the sandbox\'s CSP check says yes here)', () => {
  assert.equal(canCompile(), true);
});

for (const seed of [1, 2, 3]) {
  test(`the correct solution passes (seed ${seed})`, () => {
    const g = gradeSource(SOLUTIONS.correct, seed);
    assert.equal(g.pass, true, g.headline + g.details.join(' '));
    assert.deepEqual(g.bugs, []);
    assert.ok(g.worst.value < 1e-5, `largest difference ${g.worst.value}`);
  });
}

test('returning only the output also passes', () => {
  assert.equal(gradeSource(SOLUTIONS.outputOnly).pass, true);
});

const NAMED = [
  ['wrongAxis', ['softmax-over-queries'], /rows do not sum to 1 but your columns do/],
  ['maskAfterSoftmax', ['mask-after-softmax'], /masking after the softmax/],
  ['noScale', ['no-scale'], /the missing √d_k: the scores were not divided/],
  ['transposedMask', ['mask-wrong-shape'], /wrong shape: it is the causal mask transposed/],
  ['firstRowMask', ['mask-wrong-shape'], /wrong shape: every query is masked with the same row/],
  ['noMask', ['mask-missing'], /the mask is never applied/],
  ['noScaleAndWrongAxis', ['softmax-over-queries', 'no-scale'], /normalised over the queries/],
];
for (const [name, bugs, sentence] of NAMED) {
  test(`the grader names the bug: ${name}`, () => {
    const g = gradeSource(SOLUTIONS[name]);
    assert.equal(g.pass, false);
    assert.deepEqual(g.bugs.slice().sort(), bugs.slice().sort(), g.headline);
    assert.match(g.details.join(' '), sentence);
  });
}

test('the wrong-axis diagnosis quotes the learner\'s own sums', () => {
  const g = gradeSource(SOLUTIONS.wrongAxis);
  const m = g.details[0].match(/row (\d+) sums to (\d\.\d\d) while every column sums to (\d\.\d\d)/);
  assert.ok(m, g.details[0]);
  assert.notEqual(m[2], '1.00');
  assert.equal(m[3], '1.00');
});

test('a bug outside the list: no false name, the place of the largest difference', () => {
  const g = gradeSource(SOLUTIONS.otherBug);
  assert.equal(g.pass, false);
  assert.deepEqual(g.bugs, []);
  assert.match(g.headline, /none of the usual bugs/);
  assert.match(g.details[0], /largest difference from the engine is \d\.\d\d in output row \d+, column \d+/);
  assert.match(g.details[1], /rows do sum to 1/);
});

test('bad returns and errors get sentences', () => {
  assert.match(readAnswer(undefined, 2, 2).error, /undefined \(did the function return anything\?\)/);
  assert.match(readAnswer([[1, 2]], 2, 2).error, /has 1 row; it should have 2/);
  assert.match(readAnswer([[1, 2], [3, NaN]], 2, 2).error, /^Entry \[1\]\[1\] of the output is NaN/);
  assert.match(readAnswer({ output: [[1, 2], [3, 4]], weights: [[1]] }, 2, 2).error, /weights has 1 row;/);
  // NaN in the right shape is not called a wrong shape
  const two = makeTrials(1);
  const nanOut = Array.from({ length: two[0].n }, () => Array.from({ length: two[0].d }, () => NaN));
  assert.equal(grade(engine, two, [nanOut]).headline, 'The function returned NaN (not a number) in its result.');
  const trials = makeTrials(1);
  assert.equal(grade(engine, trials, trials.map(() => 42)).bugs[0], 'bad-return');
  assert.match(compileLearner('function attention( {').error, /does not parse/);
  assert.match(compileLearner('const x = 1;').error, /No function named attention/);
  const thrower = compileLearner('function attention(x) { return x.nope.length; }');
  assert.match(runTrials(thrower.fn, trials).error, /attention threw on the input with n = 4, d = 4, causal = true: TypeError/);
});

test('one call cannot change the next call\'s inputs', () => {
  const trials = makeTrials(5);
  const before = JSON.stringify(trials);
  const vandal = compileLearner('function attention(x, wq) { x[0][0] = 99; wq.length = 0; return x; }');
  runTrials(vandal.fn, trials);
  assert.equal(JSON.stringify(trials), before);
});
