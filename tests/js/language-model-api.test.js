// The language model's JS API contract (engine.loadLanguageModel after engine.loadLanguageModule →
// config, vocabulary, tokenize, attend, predictNext, activations, dispose) and its errors: every kind of damaged weights file gives an
// Error that says what is wrong, and bad arguments give TypeError / RangeError; nothing crashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLanguageModel, readShipped } from '../../scripts/lm/open-model.mjs';
import { createEngine } from '../../wasm/engine.js';
import { splitWords } from '../../wasm/language-model-tokenizer.js';

const weights = new Uint8Array(readShipped('model.bin'));
const manifest = JSON.parse(readShipped('manifest.json'));

// A plain-JS walk over the file's own layout (src/lm/weights_file.hpp), for the damage tests.
function tensorOffsets(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(36, true);
  let at = Math.ceil((44 + view.getUint32(40, true)) / 4) * 4;
  const out = [];
  for (let t = 0; t < count; t++) {
    const rows = view.getUint32(at, true), cols = view.getUint32(at + 4, true), enc = view.getUint32(at + 8, true);
    out.push({ at, rows, cols, enc });
    at += 12 + (enc === 1 ? Math.ceil((2 * rows + rows * cols) / 4) * 4 : 4 * rows * cols);
  }
  return { out, end: at };
}

test('the tokenizer splits words, clitics and punctuation, lowercased', () => {
  assert.deepEqual(splitWords("The animal didn't cross the street, because it was tired."),
    ['the', 'animal', 'did', "n't", 'cross', 'the', 'street', ',', 'because', 'it', 'was', 'tired', '.']);
  assert.deepEqual(splitWords('He\u2019s “here” — o\'clock'), ['he', "'s", '"', 'here', '"', '-', 'o', "'", 'clock']);
  assert.deepEqual(splitWords('   '), []);
  assert.throws(() => splitWords(5), TypeError);
});

test('config, vocabulary and tokenize: unknown words are marked', async () => {
  const m = await openLanguageModel(weights);
  assert.deepEqual(
    { vocab: m.config.vocab, dModel: m.config.dModel, layers: m.config.layers, heads: m.config.heads, context: m.config.context },
    { vocab: manifest.config.vocab, dModel: manifest.config.dModel, layers: manifest.config.layers, heads: manifest.config.heads, context: manifest.config.context });
  assert.equal(m.config.fileBytes, weights.length);
  assert.equal(m.vocabulary.length, m.config.vocab);
  assert.equal(m.vocabulary[0], '<s>');
  assert.equal(m.vocabulary[1], '<unk>');
  assert.ok(Object.isFrozen(m.vocabulary));
  const toks = m.tokenize('The bubbe made matzah ball soup');
  assert.deepEqual(toks.map((t) => t.text), ['the', 'bubbe', 'made', 'matzah', 'ball', 'soup']);
  assert.deepEqual(toks.map((t) => t.known), [true, false, true, false, true, true]);
  assert.equal(toks[1].id, 1);
  assert.equal(m.vocabulary[toks[5].id], 'soup');
  assert.throws(() => m.tokenize(null), TypeError);
  m.dispose();
});

test('attend: L × H causal maps whose rows sum to 1, <s> first', async () => {
  const m = await openLanguageModel(weights);
  const r = m.attend('I love Apple phones');
  assert.deepEqual(r.tokens.map((t) => t.text), ['<s>', 'i', 'love', 'apple', 'phones']);
  const n = r.tokens.length;
  assert.equal(r.layers.length, m.config.layers);
  for (const heads of r.layers) {
    assert.equal(heads.length, m.config.heads);
    for (const w of heads) {
      assert.ok(w instanceof Float32Array);
      assert.equal(w.length, n * n);
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) {
          if (j > i) assert.equal(w[i * n + j], 0, 'no weight on later tokens');
          else assert.ok(w[i * n + j] >= 0);
          sum += w[i * n + j];
        }
        assert.ok(Math.abs(sum - 1) < 1e-5, `row ${i} sums to ${sum}`);
      }
    }
  }
  // copies, not views: a later call leaves them alone
  const keep = Array.from(r.layers[1][0]);
  m.attend('the cat sat on the mat');
  assert.deepEqual(Array.from(r.layers[1][0]), keep);
  assert.deepEqual(m.attend('').tokens.map((t) => t.text), ['<s>']);
  assert.throws(() => m.attend('word '.repeat(m.config.context)), (e) => e instanceof RangeError && /at most 31 words/.test(e.message));
  m.dispose();
});

test('predictNext: the k most likely words, in order, probabilities summing to at most 1', async () => {
  const m = await openLanguageModel(weights);
  const top = m.predictNext('she opened the', 5);
  assert.equal(top.length, 5);
  for (let i = 1; i < top.length; i++) assert.ok(top[i - 1].probability >= top[i].probability);
  const sum = top.reduce((a, p) => a + p.probability, 0);
  assert.ok(sum > 0 && sum <= 1 + 1e-9);
  assert.ok(top.every((p) => m.vocabulary.includes(p.token)));
  const all = m.predictNext('she opened the', m.config.vocab);
  assert.ok(Math.abs(all.reduce((a, p) => a + p.probability, 0) - 1) < 1e-9);
  assert.deepEqual(all.slice(0, 5), top);
  assert.equal(m.predictNext('she opened the').length, 5, 'k defaults to 5');
  for (const k of [0, 1.5, -1, m.config.vocab + 1, '5']) assert.throws(() => m.predictNext('a', k), RangeError);
  m.dispose();
  assert.throws(() => m.predictNext('a', 3), /disposed/);
  assert.throws(() => m.attend('a'), /disposed/);
  m.dispose(); // twice is harmless
});

test('activations: every named stage in the order C++ gives, each the sum or norm it names; next guesses per position', async () => {
  const m = await openLanguageModel(weights);
  const text = 'the cat sat on the mat';
  const a = m.activations(text, 3);
  const { dModel: d, layers } = m.config;
  const n = a.tokens.length;
  const per = ['norm1', 'attention', 'add1', 'norm2', 'feed_forward', 'add2'];
  assert.deepEqual(a.stages.map((s) => `${s.key}${s.layer ?? ''}`),
    ['token', 'position', 'embedded', ...Array.from({ length: layers }, (_, l) => per.map((k) => `${k}${l + 1}`)).flat(), 'final_norm']);
  const at = (key, layer = null) => a.stages.find((s) => s.key === key && s.layer === layer).values;
  a.stages.forEach((s) => assert.equal(s.values.length, n * d));
  const close = (x, y, what) => { for (let i = 0; i < x.length; i++) assert.ok(Math.abs(x[i] - y[i]) <= 1e-5 * (1 + Math.abs(y[i])), `${what} [${i}]: ${x[i]} vs ${y[i]}`); };
  close(at('embedded'), at('token').map((v, i) => v + at('position')[i]), 'embedded = token + position');
  for (let l = 1; l <= layers; l++) {
    const input = l === 1 ? at('embedded') : at('add2', l - 1);
    close(at('add1', l), input.map((v, i) => v + at('attention', l)[i]), `layer ${l}: add1 = input + attention`);
    close(at('add2', l), at('add1', l).map((v, i) => v + at('feed_forward', l)[i]), `layer ${l}: add2 = add1 + feed-forward`);
  }
  // the next guesses at the last position are predictNext's, at every other position the prefix's
  // (the output layer's matrix product may sum in another order for another n: 1e-6)
  const same = (x, y) => {
    assert.deepEqual(x.map((g) => g.token), y.map((g) => g.token));
    x.forEach((g, i) => assert.ok(Math.abs(g.probability - y[i].probability) < 1e-6));
  };
  same(a.next[n - 1], m.predictNext(text, 3));
  same(a.next[2], m.predictNext('the cat', 3));
  // causal: a token's vectors do not change when a word is added after it
  const longer = m.activations(`${text} and`, 3);
  a.stages.forEach((s, i) => close(longer.stages[i].values.subarray(0, n * d), s.values, `${s.key}: earlier rows with a word added`));
  for (const k of [0, 2.5, m.config.vocab + 1]) assert.throws(() => m.activations('a', k), RangeError);
  assert.throws(() => m.activations('word '.repeat(40)), RangeError);
  m.dispose();
  assert.throws(() => m.activations('a'), /disposed/);
});

test('engine.loadLanguageModel: refused in words before loadLanguageModule (loadTraining is not enough: the LM is its own module), then the same model in the SIMD and scalar builds', async () => {
  for (const simd of [true, false]) {
    const engine = await createEngine({ simd });
    assert.throws(() => engine.loadLanguageModel(weights), (e) => e instanceof Error && /call `await engine\.loadLanguageModule\(\)` first/.test(e.message));
    await engine.loadTraining();
    assert.throws(() => engine.loadLanguageModel(weights), /loadLanguageModule/);
    const [a1, a2] = await Promise.all([engine.loadLanguageModule(), engine.loadLanguageModule()]);
    assert.ok(a1 === engine && a2 === engine, 'loadLanguageModule resolves to the engine, idempotently');
    const m = engine.loadLanguageModel(weights);
    const reference = await openLanguageModel(weights);
    assert.deepEqual(m.config, reference.config);
    const text = 'The animal didn\'t cross the street because it was too tired';
    const [a, b] = [m.attend(text), reference.attend(text)];
    for (let l = 0; l < a.layers.length; l++) {
      for (let h = 0; h < a.layers[l].length; h++) {
        a.layers[l][h].forEach((w, i) => assert.ok(Math.abs(w - b.layers[l][h][i]) < 1e-5, `${simd ? 'SIMD' : 'scalar'} layer ${l} head ${h} cell ${i}`));
      }
    }
    const [pa, pb] = [m.predictNext(text, 5), reference.predictNext(text, 5)];
    assert.deepEqual(pa.map((x) => x.token), pb.map((x) => x.token));
    pa.forEach((x, i) => assert.ok(Math.abs(x.probability - pb[i].probability) < 1e-5));
    m.dispose();
    reference.dispose();
  }
});

test('two models load side by side and keep their own answers', async () => {
  const a = await openLanguageModel(weights);
  const b = await openLanguageModel(weights.slice());
  const x = a.predictNext('the dog', 3);
  b.dispose();
  assert.deepEqual(a.predictNext('the dog', 3), x);
  a.dispose();
});

test('a damaged weights file throws an Error that names the damage', async () => {
  const { out: tensors, end } = tensorOffsets(weights);
  assert.equal(end, weights.length, 'the test\'s walk agrees with the file');
  const damaged = (edit) => { const b = weights.slice(); edit(b, new DataView(b.buffer)); return b; };
  const cases = [
    ['cut short', weights.slice(0, weights.length - 100), /cut short inside tensor \d+ \(.+\)/],
    ['cut short in the vocabulary', weights.slice(0, 400), /cut short inside its vocabulary/],
    ['only a few bytes', weights.slice(0, 10), /too short to be a model: 10 bytes/],
    ['empty', new Uint8Array(0), /too short to be a model: 0 bytes/],
    ['oversized', new Uint8Array([...weights, 1, 2, 3, 4, 5]), /5 extra bytes after the last tensor/],
    ['wrong magic', damaged((b) => { b[0] = 0x50; b[1] = 0x4b; }), /not a language-model weights file/],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, ...new Uint8Array(60)]), /not a language-model weights file/],
    ['a future version', damaged((b, v) => v.setUint32(4, 2, true)), /format version 2/],
    ['heads not dividing the width', damaged((b, v) => v.setUint32(20, 5, true)), /impossible number of heads: 5/],
    ['a vocabulary size that disagrees', damaged((b, v) => v.setUint32(8, 3999, true)), /lists 4000 words, but its header says 3999/],
    ['a tensor of the wrong size', damaged((b, v) => v.setUint32(tensors[2].at, 47, true)), /Tensor 3 \(layer 1 attention W_Q\) has the wrong size: 47 × 48 in the file, 48 × 48/],
    ['NaN weights', damaged((b, v) => v.setFloat32(tensors[6].at + 12 + 4 * 5, NaN, true)), /Tensor 7 \(layer 1 norm 1 gain\) holds a value that is not a finite number/],
    ['an infinite row scale', damaged((b, v) => v.setUint16(tensors[0].at + 12, 0x7c00, true)), /Tensor 1 \(token embedding\) holds a value that is not a finite number/],
    ['a vocabulary without <unk>', damaged((b) => { const i = 44 + 4; assert.equal(String.fromCharCode(...b.slice(i, i + 5)), '<unk>'); b[i + 3] = 0x71; }), /vocabulary is unusable: .*<unk>/],
    ['a vocabulary that is not UTF-8', damaged((b) => { b[44 + 10] = 0xff; }), /vocabulary is unusable/],
  ];
  for (const [what, bytes, message] of cases) {
    await assert.rejects(openLanguageModel(bytes), (e) => e instanceof Error && !(e instanceof TypeError) && message.test(e.message), what);
  }
  for (const notBytes of [null, 'model.bin', [1, 2, 3], 42]) await assert.rejects(openLanguageModel(notBytes), TypeError);
  // after all that, a good file still loads
  const m = await openLanguageModel(weights);
  assert.equal(m.predictNext('the', 1).length, 1);
  m.dispose();
});
