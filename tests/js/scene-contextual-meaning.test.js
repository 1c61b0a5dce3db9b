// Step 2's model (web/src/steps/02-contextual-meaning/model.js): context pulls "apple" toward the
// sense its neighbours share, pull 0 is a plain average (no sense at all), and the words follow
// the measured move.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';
import { model } from '../../web/src/steps/02-contextual-meaning/model.js';
import { INPUTS } from '../../web/src/steps/02-contextual-meaning/inputs.js';
import { schemaDefaults } from '../../web/src/state.js';

let engine;
before(async () => { engine = await createEngine(); });
const run = (patch = {}) => model({ ...schemaDefaults(INPUTS), ...patch }, engine);

test('the same static apple moves toward tech next to "phones" and toward fruit next to "juice"', () => {
  const tech = run({ sentence: 'phones' });
  const fruit = run({ sentence: 'juice' });
  assert.deepEqual(tech.from, fruit.from, 'one static vector for Apple and apple');
  assert.ok(tech.to[1] - tech.from[1] > tech.to[0] - tech.from[0], `tech lean ${tech.to} from ${tech.from}`);
  assert.equal(tech.side.side, 'tech');
  assert.equal(fruit.side.side, 'fruit');
  assert.match(tech.moved, /toward the tech side/);
  assert.match(fruit.moved, /toward the fruit side/);
  assert.match(tech.moved, /leans on most, apart from itself, is “phones”/);
  assert.match(fruit.moved, /leans on most, apart from itself, is “juice”/);
});

test('a stronger pull gives the neighbour that shares apple’s sense more weight', () => {
  const weightOnJuice = [0.5, 1, 2, 3].map((pull) => run({ sentence: 'juice', pull }).row[3]);
  for (let k = 1; k < weightOnJuice.length; k++) assert.ok(weightOnJuice[k] > weightOnJuice[k - 1], `weight on juice grows with the pull: ${weightOnJuice}`);
});

test('at pull 0 every word weighs 0.25 and the text says it is an average, not a side', () => {
  const m = run({ sentence: 'juice', pull: 0 });
  for (const w of m.row) assert.ok(Math.abs(w - 0.25) < 1e-6, String(w));
  assert.equal(m.uniform, true);
  assert.doesNotMatch(m.moved, /fruit side|tech side/);
  assert.match(m.moved, /same weight \(0\.25\)/);
  const mean = [0, 1].map((c) => (m.x[c] + m.x[2 + c] + m.x[4 + c] + m.x[6 + c]) / 4);
  assert.ok(Math.abs(m.to[0] - mean[0]) < 1e-6 && Math.abs(m.to[1] - mean[1]) < 1e-6);
});
