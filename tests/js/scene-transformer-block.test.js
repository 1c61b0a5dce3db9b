// Step 24's model (web/src/steps/24-transformer-block/model.js) on the real language model: one
// box per activation in the model's order, each holding the followed token's row of it; each add
// is the sum it names; the output box is the model's guess at that position; the causal claim
// is measured (earlier vectors stay put when a word is added); the scale table's third column is
// the model's config and manifest.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { openShippedForPage } from '../../scripts/lm/open-model.mjs';
import { model } from '../../web/src/steps/24-transformer-block/model.js';
import { readBlock, PROBE_WORD, TOP_WORDS } from '../../web/src/steps/24-transformer-block/read-block.js';
import { INPUTS, DEFAULT_SENTENCE } from '../../web/src/steps/24-transformer-block/inputs.js';
import { INTUITIONS, SCALE_ROWS } from '../../web/src/content/transformer-block.js';
import { schemaDefaults } from '../../web/src/state.js';

let loaded;
before(async () => {
  loaded = await openShippedForPage();
});
const values = (patch = {}) => ({ ...schemaDefaults(INPUTS), ...patch });

test('one box per activation, in the model\'s order, each the followed token\'s row', () => {
  const sentence = 'the dog chased the ball';
  const m = readBlock(loaded, values({ sentence, token: 3 }));
  const a = loaded.lm.activations(sentence);
  const d = loaded.lm.config.dModel;
  assert.deepEqual(m.boxes.map((b) => [b.key, b.layer]), a.stages.map((s) => [s.key, s.layer]));
  m.boxes.forEach((b, i) => assert.deepEqual(b.vector, a.stages[i].values.slice(3 * d, 4 * d), b.title));
  // every box's numbers are printed in full, and its length is the vector's
  for (const b of m.boxes) {
    assert.equal(b.allNumbers.split(', ').length, d);
    assert.ok(Math.abs(b.length - Math.hypot(...b.vector)) < 1e-9);
  }
  // the adds are sums: add1 = layer input + attention (checked on the followed token)
  const at = (key, layer) => m.boxes.find((b) => b.key === key && b.layer === layer).vector;
  const sum = at('embedded', null).map((v, i) => v + at('attention', 1)[i]);
  at('add1', 1).forEach((v, i) => assert.ok(Math.abs(v - sum[i]) < 1e-5));
  // every concept named on a box is a row of the legend
  for (const b of m.boxes.filter((x) => x.concept)) assert.ok(INTUITIONS.some((r) => r.concept === b.concept));
  assert.ok(m.boxes.filter((b) => b.key === 'attention').every((b) => b.concept === 'Self-attention'));
});

test('the output box is the model\'s guess after the followed token, and says whether the real next word is among it', () => {
  const sentence = 'the dog chased the ball';
  for (const token of [0, 2, 5]) {
    const m = readBlock(loaded, values({ sentence, token }));
    const a = loaded.lm.activations(sentence, TOP_WORDS);
    assert.deepEqual(m.output.words.map((w) => w.token), a.next[token].map((g) => g.token));
    const total = m.output.words.reduce((s, w) => s + w.probability, 0);
    assert.ok(total > 0 && total <= 1);
    if (token < m.n - 1) {
      const next = m.tokens[token + 1];
      const answer = next.known ? next.text : '<unk>';
      const among = m.output.words.some((w) => w.token === answer);
      assert.match(m.output.line, next.known
        ? new RegExp(`really comes next is '${next.text}', ${among ? 'among' : 'not among'} them\\.$`)
        : new RegExp(`'${next.text}\\*', is not in the vocabulary, so the right answer for the model is <unk>, ${among ? 'which is among' : 'not among'} them\\.$`));
    }
  }
});

test('the causal claim is measured: a word added at the end leaves every earlier vector as it was', () => {
  const sentence = 'I love Apple phones';
  const m = readBlock(loaded, values({ sentence, token: 2 }));
  const longer = loaded.lm.activations(`${sentence} ${PROBE_WORD}`);
  const d = loaded.lm.config.dModel;
  let worst = 0;
  m.boxes.forEach((b, i) => b.vector.forEach((v, j) => { worst = Math.max(worst, Math.abs(v - longer.stages[i].values[2 * d + j])); }));
  assert.ok(worst <= m.causal.maxDiff && m.causal.maxDiff < 1e-4, `${worst} vs ${m.causal.maxDiff}`);
  assert.match(m.maskLines[0], /hides 10 of the 25 query–key pairs/);
  assert.match(m.maskLines[1], /^Measured: with “and” added at the end, every vector of the 5 earlier tokens in all 16 boxes stays/);
  const full = readBlock(loaded, values({ sentence: 'word '.repeat(31), token: 0 }));
  assert.equal(full.causal.maxDiff, null);
  assert.match(full.causal.line, /fills the model's 32-token context/);
});

test('the scale table: the source\'s columns, and this model\'s own numbers in the third', () => {
  const m = readBlock(loaded, values());
  const c = loaded.lm.config;
  assert.deepEqual(m.scale.map((r) => r.what), SCALE_ROWS.map((r) => r.what));
  assert.deepEqual(m.scale.slice(0, 3).map((r) => r.ours), [String(c.layers), String(c.dModel), String(c.heads)]);
  assert.equal(m.scale[3].ours, '4,000');
  assert.match(m.scale[4].ours, /^2 CPU cores, 492 CPU-seconds$/);
  assert.match(m.scale[5].ours, /^283,326 training tokens/);
  assert.match(m.arrangement, /pre-norm/);
});

test('clamps, empty and too-long sentences', () => {
  assert.equal(readBlock(loaded, values({ sentence: 'a cat', token: 31 })).token, 2);
  assert.match(readBlock(loaded, values({ sentence: 'word '.repeat(40) })).error, /at most 31 words/);
  assert.equal(model(values({ sentence: '' })).emptyNote, `The sentence is empty, so the example \u201c${DEFAULT_SENTENCE}\u201d is shown.`);
});

// Step 24 marks unknown words with * as step 23 does, and says what the mark means.
test('the unknown-word mark is explained on the block step too', () => {
  const m = readBlock(loaded, values({ sentence: 'The cat sat on the mat' }));
  assert.ok(m.labels.some((l) => l.endsWith('*')), m.labels.join(' '));
  assert.match(m.unknownLine, /not among the 4,000 tokens the model knows \(marked \*: 'mat'\)/);
});
