// Step 4's model (web/src/steps/04-softmax/model.js): softmax shares from the engine add up to 1,
// do not change when every score moves by the same amount, and grow more lopsided with the gap.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';
import { model } from '../../web/src/steps/04-softmax/model.js';
import { INPUTS } from '../../web/src/steps/04-softmax/inputs.js';
import { schemaDefaults } from '../../web/src/state.js';
import { maxAbsDiff } from '../../web/src/lib/matrix.js';

let engine;
before(async () => { engine = await createEngine(); });
const run = (patch = {}) => model({ ...schemaDefaults(INPUTS), ...patch }, engine);

test('scores 1, 3, 6 give shares that add up to 1, with phones taking about 94%', () => {
  const m = run();
  assert.ok(Math.abs(m.shareSum - 1) < 1e-6);
  assert.ok(Math.abs(m.shares[2] - Math.exp(6) / (Math.exp(1) + Math.exp(3) + Math.exp(6))) < 1e-6);
  assert.match(m.gapLine, /^Large gaps: one clear winner takes 94\.\d% of the attention\.$/);
  assert.equal(m.sumLine, 'The shares add up to 1.00');
});

test('adding the same number to every score leaves the shares unchanged', () => {
  const a = run({ scores: [1, 3, 6] });
  const b = run({ scores: [11, 13, 16] });
  assert.ok(maxAbsDiff(a.shares, b.shares) < 1e-6);
});

test('a larger gap makes the split more lopsided; a small gap makes it nearly even', () => {
  const tops = [0.1, 0.5, 1, 2, 5].map((gap) => run({ gap }).top);
  for (let k = 1; k < tops.length; k++) assert.ok(tops[k] > tops[k - 1], `${tops}`);
  assert.match(run({ gap: 0.1 }).gapLine, /^Small gaps: the attention is split almost evenly/);
});

test('the prediction is judged against the engine’s shares, ties allowed', () => {
  let m = run({ pick: 2, range: '80-95', revealed: true });
  assert.match(m.resultLine, /^Right: you picked phones, .* \(inside your range\)\.$/);
  m = run({ pick: 0, range: 'lt40', revealed: true });
  assert.match(m.resultLine, /^Not quite: you picked love, and the largest share goes to phones\..*in the range 80% to 95%/);
  m = run({ scores: [2, 2], pick: 1, range: '40-60', revealed: true });
  assert.match(m.resultLine, /^Right: .*goes to love and Apple/);
  assert.equal(run({ revealed: false }).resultLine, '');
});

test('huge scores overflow plain e^s; the text says why the largest score is subtracted', () => {
  const m = run({ scores: [100, 99], gap: 10 });
  assert.match(m.plainLine, /overflows to ∞/);
  assert.ok(Math.abs(m.shareSum - 1) < 1e-6);
});
