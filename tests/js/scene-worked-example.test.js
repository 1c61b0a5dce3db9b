// Step 7's model (web/src/steps/07-worked-example/model.js) on the real engine: the teaching
// claims of the worked example, each checked with numbers, and the link bug of issue 9 (a value
// outside the schema's range is treated the same way by the scene and by the quiz).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';
import { model } from '../../web/src/steps/07-worked-example/model.js';
import { INPUTS } from '../../web/src/steps/07-worked-example/inputs.js';
import { SCENES } from '../../web/src/steps/index.js';
import { fromHash, sceneInputs, schemaDefaults, validateInputs } from '../../web/src/state.js';
import { maxAbsDiff, rowSums } from '../../web/src/lib/matrix.js';

let engine;
before(async () => { engine = await createEngine(); });
const defaults = () => schemaDefaults(INPUTS);
const close = (a, b, eps = 1e-6) => Math.abs(a - b) <= eps;

test('the default inputs give exactly the score matrix [[1,1,0],[2,3,2],[2,4,4]] and Apple’s weights ¼ ½ ¼', () => {
  const m = model(defaults(), engine);
  assert.deepEqual(Array.from(m.head.scores), [1, 1, 0, 2, 3, 2, 2, 4, 4]);
  const apple = Array.from(m.head.weights.slice(3, 6));
  // e^(2/√2), e^(3/√2), e^(2/√2): the middle one is e^(1/√2) ≈ 2.03 times the others, so ≈ 0.2483 / 0.5035.
  assert.ok(close(apple[0], 0.2483, 1e-4) && close(apple[1], 0.5035, 1e-4) && close(apple[2], 0.2483, 1e-4), apple.join());
  assert.equal(apple[0], apple[2], 'love and phones score the same for Apple, so they get the same weight');
  assert.ok(close(apple[1] / apple[0], Math.exp(1 / Math.SQRT2), 1e-5), 'one point more of raw score is a factor e^(1/√2)');
});

test('every row of weights sums to 1, and the trace says the sums the engine produced', () => {
  const m = model(defaults(), engine);
  for (const s of rowSums(m.head.weights, 3, 3)) assert.ok(close(s, 1, 1e-6), String(s));
  assert.match(m.trace.at(-2), /they add up to 1\.00\.$/);
  assert.match(m.trace.at(-2), /0\.2483, 0\.5035, 0\.2483/);
});

test('the trace’s numbers are the engine’s: each score line ends with the score, each output with the mixed vector', () => {
  for (const query of [0, 1, 2]) {
    const m = model({ ...defaults(), query }, engine);
    for (let j = 0; j < 3; j++) {
      const printed = Number(m.trace[j].split(' = ').at(-1).replace('\u2212', '-'));
      assert.ok(close(printed, m.head.scores[query * 3 + j], 0.005), `${m.trace[j]}`);
    }
    const out = m.trace.at(-1).match(/= \(([^)]*)\)\.$/)[1].split(', ').map((t) => Number(t.replace('\u2212', '-')));
    assert.ok(close(out[0], m.head.output[query * 2], 5e-4) && close(out[1], m.head.output[query * 2 + 1], 5e-4), m.trace.at(-1));
  }
});

test('one number format: every number in the trace has the lesson’s fixed digits and a true minus sign', () => {
  const m = model({ ...defaults(), x: [1, -0.5, 1, 1, 0, 2] }, engine);
  const text = m.trace.join(' ');
  assert.doesNotMatch(text, /(^|[^\w.])-\d/, 'no ASCII hyphen as a minus sign');
  assert.match(text, /\u22120\.50/, 'a negative entry prints as −0.50');
  // Vectors print every entry with the same digits: never "(0.752, 1)".
  for (const [, inside] of text.matchAll(/\(([^()]*)\)/g)) {
    const digits = inside.split(', ').map((t) => (t.split('.')[1] ?? '').length);
    assert.equal(new Set(digits).size, 1, `(${inside})`);
  }
  assert.match(text, /phones\u2019 key/, 'possessive of a word ending in s');
  assert.doesNotMatch(text, /phones's/);
});

test('editing W_V changes the outputs but leaves every weight unchanged', () => {
  const a = model(defaults(), engine);
  const b = model({ ...defaults(), wv: [2, 1, -1, 3] }, engine);
  assert.equal(maxAbsDiff(a.head.weights, b.head.weights), 0);
  assert.ok(maxAbsDiff(a.head.output, b.head.output) > 0.5);
});

test('swapping W_Q and W_K transposes the score matrix', () => {
  const a = model(defaults(), engine);
  const d = defaults();
  const b = model({ ...d, wq: d.wk, wk: d.wq }, engine);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) assert.equal(b.head.scores[i * 3 + j], a.head.scores[j * 3 + i]);
});

test('the link of issue 9 (x = 20, outside −10…10) is treated the same by the scene and the quiz, and said in words', () => {
  const scene = SCENES.find((s) => s.id === 'worked-example');
  const { state, problems } = fromHash('#step=worked-example&worked-example=' + encodeURIComponent('{"x":[1,0,1,20,0,2]}'), SCENES);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /embeddings X, row 2 \(Apple\), column 2 \(dim 2\) is 20, but entries go from \u221210 to 10, so it became 10/);
  const values = sceneInputs(state, scene);
  assert.deepEqual(values.x, [1, 0, 1, 10, 0, 2]);
  // The lesson hands the quiz these same checked values (getSceneInputs → sceneInputs); the
  // browser test checks that the quiz's answer then matches the scene's number.
  const shown = model(values, engine).head.weights;
  assert.ok(close(shown[1 * 3 + 2], model({ ...defaults(), x: [1, 0, 1, 10, 0, 2] }, engine).head.weights[5], 0));
});

test('the schema refuses, in words, what it cannot use, and reads a decimal comma as a decimal point', () => {
  const check = (raw) => validateInputs(INPUTS, raw);
  let r = check({ query: '1,5' });
  assert.equal(r.values.query, 1, 'never 15, never 1.5 for a whole-number input');
  assert.match(r.problems[0], /followed row \(1\.5\) must be a whole number/);
  r = check({ x: [1, '0,5', 1, 1, 0, 2] });
  assert.deepEqual(r.values.x, [1, 0.5, 1, 1, 0, 2]);
  assert.match(r.problems[0], /decimal comma and was read as 0\.5/);
  r = check({ x: [1, 0, 1, 1e999, 0, 2] });
  assert.deepEqual(r.values.x, INPUTS.x.default);
  assert.match(r.problems[0], /is infinity \(too large to use\) in the link, so it stays at its starting values\./);
  r = check({ wq: 'identity' });
  assert.match(r.problems[0], /W_Q matrix should be a list of numbers, but it is the text “identity”/);
  r = check({ wq: [1, 0, 0] });
  assert.match(r.problems[0], /W_Q matrix should have 4 numbers, but it has 3/);
  r = check({ query: true, colour: 'red' });
  assert.equal(r.problems.length, 2);
  assert.match(r.problems.join(' '), /“colour” in the link is not a setting of this step/);
});
