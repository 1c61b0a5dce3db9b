// Step 12's model (web/src/steps/12-positions/) on the real engine: without positions, shuffling
// the words only permutes the weights (rows and columns) and moves each output row; with the
// positional encoding added, the shuffled weights are no longer a permutation; the encoding matrix
// note reads the engine's values.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';
import { model, SAME } from '../../web/src/steps/12-positions/model.js';
import { INPUTS } from '../../web/src/steps/12-positions/inputs.js';
import { schemaDefaults } from '../../web/src/state.js';

let engine;
before(async () => { engine = await createEngine(); });
const run = (patch) => model({ ...schemaDefaults(INPUTS), ...patch }, engine);

test('without positions a shuffle only permutes the weights: w′[a][b] = w[perm a][perm b] for every entry', () => {
  for (const shuffle of [1, 2, 3, 17]) {
    const m = run({ shuffle });
    const n = m.n;
    assert.ok(m.perm.some((p, i) => p !== i), 'the order really changed');
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) {
      assert.ok(Math.abs(m.shuffledWeights[a * n + b] - m.original[m.perm[a] * n + m.perm[b]]) <= SAME);
    }
    assert.ok(m.dW <= SAME && m.dOut <= SAME);
    assert.match(m.check, /^It is a permutation: .* Attention did not notice the new order\.$/);
    assert.match(m.outputCheck, /unchanged by the shuffle/);
  }
});

test('with the positional encoding the shuffled weights are no longer a permutation, and the text says the measured difference', () => {
  const m = run({ shuffle: 1, pe: true });
  assert.ok(m.dW > 0.01, `largest difference ${m.dW}`);
  assert.ok(m.check.startsWith('No longer a permutation'));
  assert.ok(m.check.includes(m.dW.toFixed(3)), m.check);
  assert.match(m.outputCheck, /changed with its position/);
});

test('not shuffled: both orders are the same and the difference is exactly 0', () => {
  const m = run({});
  assert.equal(m.dW, 0);
  assert.match(m.check, /^Press “Shuffle the words” first\..*largest difference 0, 16 entries compared/);
});

test('the encoding note reads the engine’s sine column d0 and the slowest sine', () => {
  const m = run({ peN: 20, peD: 32 });
  const pe = engine.positionalEncoding(20, 32);
  assert.deepEqual(Array.from(m.encoding.values), Array.from(pe));
  assert.ok(m.encoding.note.startsWith(`Column d0 is the fastest wave: down the positions it reads 0.00, ${pe[32].toFixed(2)}, ${pe[64].toFixed(2)}, `));
  assert.ok(m.encoding.note.includes(`Column d30 is the slowest sine: it only goes from 0.0000 at pos 0 to ${pe[19 * 32 + 30].toFixed(4)} at pos 19`));
});

// A shuffle must change the order a learner reads: swapping the two copies of "the" changes
// nothing visible, and "the the" has no other order at all.
test('a shuffle always reads differently, or says that no other order exists', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const m = run({ sentence: 'the dog bit the man', shuffle: seed });
    assert.notDeepEqual(m.words, m.tokens, `seed ${seed}: the shuffled words differ from the original`);
  }
  const same = run({ sentence: 'the the', shuffle: 3, pe: true });
  assert.match(same.check, /^Every word of this sentence is the same word, so no shuffle can change the order/);
  assert.equal(same.outputCheck, '');
  assert.doesNotMatch(same.check, /No longer a permutation/);
});

test('one position: the encoding note describes its one row', () => {
  const m = run({ peN: 1 });
  assert.match(m.encoding.note, /^With one position the matrix has one row: 0\.00 in every sine column \(sin 0\) and 1\.00 in every cosine column/);
});
