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

// The words under the numbers agree with the number beside them (an audit found "perpendicular
// → 0" under "= −2.00" at 94°, and "large positive" under "= 0.01").
test('the sentence under the dot product never contradicts it', () => {
  const near = run({ vectors: [-4, 3.5, 4, 4, 1, 3], a: 0, b: 1 });
  assert.equal(Math.round(near.angle), 94);
  assert.doesNotMatch(near.relationLine, /→ 0\b/);
  assert.match(near.relationLine, /slightly negative/);
  const short = run({ vectors: [0.1, 0, 0.1, 0.01, 1, 3], a: 0, b: 1 });
  assert.ok(short.dot < 0.02);
  assert.doesNotMatch(short.relationLine, /large/);
  for (let deg = 0; deg <= 180; deg += 1) {
    const r = (deg * Math.PI) / 180;
    const m = run({ vectors: [4, 0, Math.round(4 * Math.cos(r) * 100) / 100, Math.round(4 * Math.sin(r) * 100) / 100, 1, 3], a: 0, b: 1 });
    const printed = Number(m.dotLine.split('= ').at(-1).replace('\u2212', '-'));
    if (/→ 0\./.test(m.relationLine)) assert.equal(printed, 0, `${deg}°: "→ 0" beside ${printed}`);
    if (/→ positive|slightly positive/.test(m.relationLine)) assert.ok(printed > 0, `${deg}°: positive beside ${printed}`);
    if (/→ negative|slightly negative/.test(m.relationLine)) assert.ok(printed < 0, `${deg}°: negative beside ${printed}`);
  }
});

test('a pick that is not shown is moved and said in words', () => {
  const m = run({ count: 2, a: 2 });
  assert.equal(m.i, 1);
  assert.match(m.notes[0], /first vector \(phones\) is not shown with 2 vectors/);
});

test('the engine measures lengths and angles (dotProductParts): √ of the self dot product, acos of the cosine, none for length 0', () => {
  // (3, 0), (0, 2), (2, 2), (−1, 0), (0, 0), and (0.1, 0.2) twice (identical directions)
  const x = [3, 0, 0, 2, 2, 2, -1, 0, 0, 0, 0.1, 0.2, 0.1, 0.2];
  const n = 7;
  const p = engine.dotProductParts(x, n, 2);
  assert.deepEqual(Array.from(p.dots), Array.from(engine.dotProducts(x, x, n, n, 2)), 'the same dot products as dotProducts');
  assert.equal(p.lengths[0], 3, '√(3·3 + 0·0) = 3');
  assert.equal(p.lengths[1], 2);
  assert.equal(p.lengths[4], 0);
  assert.equal(p.degrees[0 * n + 1], 90, 'perpendicular');
  assert.equal(p.cosines[0 * n + 1], 0);
  assert.ok(Math.abs(p.degrees[2 * n + 3] - 135) < 1e-4, `(2, 2) against (−1, 0): ${p.degrees[2 * n + 3]}°`);
  assert.ok(Math.abs(p.cosines[2 * n + 3] + Math.SQRT1_2) < 1e-6);
  assert.equal(p.degrees[5 * n + 6], 0, 'identical directions: rounding noise above cos = 1 is clamped, never NaN');
  assert.equal(p.degrees[5 * n + 5], 0);
  for (let j = 0; j < n; j++) {
    assert.ok(Number.isNaN(p.degrees[4 * n + j]) && Number.isNaN(p.cosines[j * n + 4]), 'a zero vector has no angle to anything');
  }
  assert.throws(() => engine.dotProductParts([1, 2, 3], 2, 2), /x has 3 numbers, but its shape n × d needs 2 × 2 = 4/);
  assert.throws(() => engine.dotProductParts([1, NaN], 1, 2), /not a number/);
});

test('the step prints the engine’s cosine and angle', () => {
  const m = run({ vectors: [2, 2, -1, 0, 1, 1], a: 0, b: 1 });
  const p = engine.dotProductParts(m.x, m.n, 2);
  assert.equal(m.angle, p.degrees[1]);
  assert.equal(m.cosine, p.cosines[1]);
  assert.equal(m.angleLine, 'Angle between them: 135°  (cos = \u22122.00 ÷ (2.83 × 1.00) = \u22120.71)');
});
