// Step 10's model (web/src/steps/10-sentence/) on the real engine: one call gives all five stages,
// the scaled stage is the raw scores times the engine's 1/√d_k, weights rows sum to 1, the size
// line takes the right article (“an 11 × 11”), the readout names the row's largest weights, and
// the matrices are the lesson's one embedding (the same as step 11's for "The cat sat down").
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';
import { model } from '../../web/src/steps/10-sentence/model.js';
import { INPUTS } from '../../web/src/steps/10-sentence/inputs.js';
import { model as causalModel } from '../../web/src/steps/11-causal-mask/model.js';
import { INPUTS as CAUSAL_INPUTS } from '../../web/src/steps/11-causal-mask/inputs.js';
import { rowSums, topK } from '../../web/src/lib/matrix.js';
import { schemaDefaults } from '../../web/src/state.js';

let engine;
before(async () => { engine = await createEngine(); });
const run = (patch) => model({ ...schemaDefaults(INPUTS), ...patch }, engine);

test('the scaled stage is the raw scores times the engine’s 1/√16, and the note says √16 = 4', () => {
  const m = run({ stage: 1 });
  assert.equal(m.sqrtDK, 4);
  for (let i = 0; i < 16; i++) assert.ok(Math.abs(m.head.scaled[i] - m.head.scores[i] / 4) < 1e-5);
  assert.equal(m.stage.note, 'The same scores divided by √d_k = √16 = 4, so their spread stays moderate.');
});

test('weights rows sum to 1 and the readout names the largest weights of the followed row', () => {
  const m = run({ query: 2 });
  for (const s of rowSums(m.head.weights, 4, 4)) assert.ok(Math.abs(s - 1) < 1e-6);
  const row = m.head.weights.slice(8, 12);
  const top = topK(row, 1)[0];
  assert.ok(m.readout.startsWith(`'sat' attends most to '${m.tokens[top.index]}' (${top.value.toFixed(2)})`), m.readout);
  assert.equal(m.rowSum, "The weights in row 'sat' add up to 1.00.");
});

test('"an 11 × 11", "a 4 × 4", "an 8 × 8": the size line takes the right article', () => {
  assert.equal(run({}).summary, '4 tokens, a 4 × 4 matrix.');
  const eleven = run({ sentence: 'one two three four five six seven eight nine ten eleven' });
  assert.equal(eleven.summary, '11 tokens, an 11 × 11 matrix.');
  assert.equal(eleven.sizeArticle, 'an');
  assert.equal(run({ sentence: 'a b c d e f g h' }).sizeArticle, 'an');
});

test('the causal mask stage hides later tokens; the readout counts what the row may see', () => {
  const m = run({ mask: 'causal', query: 2, stage: 2 });
  for (let j = 3; j < 4; j++) assert.equal(m.head.masked[2 * 4 + j], -Infinity);
  assert.match(m.readout, /among the 3 tokens it is allowed to see\.$/);
  assert.equal(run({ mask: 'causal', query: 0 }).readout, "'The' can only see 'The' (1.00) here, so all of its attention goes there.");
});

test('one embedding for the lesson: step 10 with the causal mask gives exactly step 11’s weights for “The cat sat down”', () => {
  const a = run({ mask: 'causal' });
  const b = causalModel(schemaDefaults(CAUSAL_INPUTS), engine);
  assert.deepEqual(Array.from(a.head.weights), Array.from(b.weights));
  const c = run({});
  assert.deepEqual(Array.from(c.head.weights), Array.from(b.off));
});

test('an empty sentence from a link shows the example and says so; a query past the end moves to the last token', () => {
  const m = run({ sentence: '' });
  assert.deepEqual(m.tokens, ['The', 'cat', 'sat', 'down']);
  assert.match(m.message, /empty/);
  assert.equal(run({ query: 50 }).query, 3);
});

// The readout lists what a word attends to: never a weight that prints as 0.00, and a word
// written more than once with its place; one token is "1 token".
test('the readout leaves out weights that print as 0.00 and names repeated words by place', () => {
  const dots = run({ sentence: '. . .', query: 0 });
  assert.match(dots.readout, /^'\.' \(word 1\) attends most to '\.' \(word \d\) \(0\.33\)/);
  // seed 72: the row of "kids" is 0.957, 0.039 and 0.004; the third prints as 0.00 and is left out
  const peaked = run({ sentence: 'kids build forts', seed: 72, query: 0 });
  assert.equal(peaked.readout, "'kids' attends most to 'kids' (0.96) and 'build' (0.04).");
  for (const m of [run({}), dots, peaked]) assert.doesNotMatch(m.readout, /\(0\.00\)/);
  assert.equal(run({ sentence: 'a', query: 0 }).tokenCount, '1 token');
  assert.equal(run({ sentence: 'a', query: 0 }).summary, '1 token, a 1 × 1 matrix.');
});
