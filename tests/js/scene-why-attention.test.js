// Step 1's model (web/src/steps/01-why-attention/model.js) on the real engine: the fading chain,
// one-hop attention, the lesson's one embedding source, and the sentences' grammar, with numbers.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';
import { model } from '../../web/src/steps/01-why-attention/model.js';
import { INPUTS } from '../../web/src/steps/01-why-attention/inputs.js';
import { schemaDefaults } from '../../web/src/state.js';
import { embed, layerWeights } from '../../web/src/model/toy-model.js';
import { rowSums, maxAbsDiff } from '../../web/src/lib/matrix.js';

let engine;
before(async () => { engine = await createEngine(); });
const run = (patch = {}) => model({ ...schemaDefaults(INPUTS), ...patch }, engine);

test('a token d hops back keeps retention^d of its signal; the chain text says the same number', () => {
  const m = run({ retention: 0.7, at: -1 });
  assert.equal(m.at, 3);
  assert.deepEqual(m.boxes.map((b) => b.share.toFixed(4)), [0.343, 0.49, 0.7, 1].map((v) => v.toFixed(4)));
  assert.match(m.chainSummary, /what is left of “The”: 34% \(0\.70³\)/);
  assert.match(m.fadeNote, /below 10% after 7 hops/, '0.7^6 = 0.118, 0.7^7 = 0.082');
  const early = run({ at: 1 });
  assert.equal(early.boxes[3].read, false);
  assert.equal(early.boxes[3].shareText, 'not read yet');
});

test('under self-attention every pair is one hop apart; along the chain it is their distance', () => {
  const m = run({ sentence: 'The animal did not cross the street because it was tired', from: 0, to: -1 });
  assert.equal(m.n, 11);
  assert.deepEqual(m.hops, { rnn: 10, attention: 1 });
  assert.equal(m.links, 55);
  assert.match(m.pairText, /through 10 rewrites of the memory, so 3% of it is left/);
  assert.match(run({ from: 2, to: 3 }).pairText, /through 1 rewrite of the memory/, 'singular for one hop');
});

test('the attention weights come from the lesson’s one embedding source (the same as the sentence step’s)', () => {
  const m = run();
  for (const s of rowSums(m.weights, m.n, m.n)) assert.ok(Math.abs(s - 1) < 1e-5);
  const tokens = ['The', 'cat', 'sat', 'down'];
  const w = layerWeights(16, 1, 7); // what step 10 uses at its default seed
  const ref = engine.attention({ x: embed(tokens, 16, 1), n: 4, dModel: 16, dK: 16, dV: 16, wq: w.wq, wk: w.wk, wv: w.wv }).heads[0].weights;
  assert.equal(maxAbsDiff(m.weights, ref), 0);
  // “The” and “the” share one vector, so their columns of scores are identical for every query.
  const twice = run({ sentence: 'The cat saw the dog' });
  for (let i = 0; i < 5; i++) assert.equal(twice.weights[i * 5 + 0], twice.weights[i * 5 + 3]);
});

test('an empty sentence or a position past the end is replaced and said in words', () => {
  let m = run({ sentence: '   ' });
  assert.deepEqual(m.tokens, ['The', 'cat', 'sat', 'down']);
  assert.match(m.notes[0], /has no words/);
  m = run({ sentence: 'one two', from: 5 });
  assert.equal(m.from, 1);
  assert.match(m.notes[0], /first word \(word 6\) is past the last word, so it is word 2/);
});

// The link picture's text alternative says what is drawn: the first 12 tokens only, the thick line
// only when both picked words are among them; one word has nothing to join.
test('the link picture’s words describe the picture that is drawn', () => {
  const long = run({ sentence: Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '), from: 0, to: -1 });
  assert.match(long.linkLabel, /^The first 12 of the 20 tokens, each joined to every other/);
  assert.match(long.linkLabel, /is not among them, so no line is drawn thicker\.$/);
  const inside = run({ sentence: Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '), from: 1, to: 4 });
  assert.match(inside.linkLabel, /the line between “w1” and “w4” is drawn thicker\.$/);
  const one = run({ sentence: 'Hi', from: 0, to: 0, at: 0 });
  assert.equal(one.linkText, '1 token → no direct links: there is no other token to look at.');
  assert.match(one.linkLabel, /^One token, “Hi”, and no other token/);
  assert.equal(one.chainSummary, 'At h1, only “Hi” has been read, so all of it (100%) is in the memory.');
  // A word written twice is named with its place.
  const twice = run({ sentence: 'the dog saw the cat', from: 0, to: 3 });
  assert.match(twice.pairText, /“the” \(word 4\) only meets “the” \(word 1\) through 3 rewrites/);
});
