// Step 3's model (web/src/steps/03-dot-product/model.js): the dot products the step teaches, from
// the engine, and the case the words name.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';
import { model } from '../../web/src/steps/03-dot-product/model.js';
import { INPUTS } from '../../web/src/steps/03-dot-product/inputs.js';
import { schemaDefaults } from '../../web/src/state.js';

let engine;
before(async () => { engine = await createEngine(); });
const run = (patch = {}) => model({ ...schemaDefaults(INPUTS), ...patch }, engine);

test('the starting vectors give Apple·love = −2, Apple·Apple = 8, Apple·phones = 8, and the table is symmetric', () => {
  const m = run();
  assert.deepEqual(Array.from(m.gram.slice(3, 6)), [-2, 8, 8]);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) assert.equal(m.gram[i * 3 + j], m.gram[j * 3 + i]);
  assert.equal(m.dotLine, 'Apple · love = 2.00×(\u22121.00) + 2.00×0.00 = \u22122.00');
  assert.equal(m.relation.kind, 'partly-opposite');
});

test('stretching one vector ×2 doubles the dot product but leaves the angle', () => {
  const a = run();
  const v = a.x.slice();
  v[0] *= 2; v[1] *= 2;
  const b = run({ vectors: [...v, 1, 3] });
  assert.equal(b.dot, 2 * a.dot);
  assert.ok(Math.abs(b.angle - a.angle) < 1e-9);
});

test('perpendicular vectors score 0, the same direction scores |a||b|', () => {
  const perp = run({ vectors: [1, 0, 0, 3, 1, 1], a: 0, b: 1 });
  assert.equal(perp.dot, 0);
  assert.equal(perp.relation.kind, 'perpendicular');
  const same = run({ vectors: [1, 1, 2, 2, 1, 1], a: 0, b: 1 });
  assert.ok(Math.abs(same.dot - same.lenA * same.lenB) < 1e-6);
  assert.equal(same.relation.kind, 'same');
  const zero = run({ vectors: [0, 0, 2, 2, 1, 1], a: 0, b: 1 });
  assert.equal(zero.relation.kind, 'no-direction');
  assert.match(zero.angleLine, /undefined/);
});

test('a pick that is not shown is moved and said in words', () => {
  const m = run({ count: 2, a: 2 });
  assert.equal(m.i, 1);
  assert.match(m.notes[0], /first vector \(phones\) is not shown with 2 vectors/);
});
