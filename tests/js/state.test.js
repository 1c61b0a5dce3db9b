// The page state's round trip through the URL hash, and what happens with broken or hostile links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createState, fromHash, sceneInputs, setSceneInputs, toHash } from '../../web/src/state.js';

import { schemaDefaults } from '../../web/src/state.js';

// Two made-up steps with schemas, as every step of the lesson has (steps/NN-name/inputs.js).
const schemaOne = {
  sentence: { type: 'text', default: 'The cat sat down', label: 'sentence' },
  heads: { type: 'number', integer: true, min: 1, max: 8, default: 2, label: 'number of heads' },
  x: { type: 'numbers', length: 2, min: -10, max: 10, default: [1, 0], label: 'embeddings' },
};
const schemaTwo = { on: { type: 'boolean', default: true, label: 'switch' } };
const steps = [
  { id: 'one', title: 'One', inputs: schemaOne, defaults: () => schemaDefaults(schemaOne) },
  { id: 'two', title: 'Two', inputs: schemaTwo, defaults: () => schemaDefaults(schemaTwo) },
];

test('only changed inputs are stored, and a hash reproduces the state exactly', () => {
  const s = createState(steps);
  assert.equal(s.step, 'one');
  setSceneInputs(s, steps[0], { sentence: 'Hello there', heads: 2 });
  assert.deepEqual(s.scenes, { one: { sentence: 'Hello there' } }, 'heads equals its default so it is not stored');
  s.step = 'two';
  s.ui.table = true;
  const { state, problems } = fromHash(toHash(s), steps);
  assert.deepEqual(problems, []);
  assert.deepEqual(state, s);
  assert.deepEqual(sceneInputs(state, steps[0]), { sentence: 'Hello there', heads: 2, x: [1, 0] });
  setSceneInputs(state, steps[0], { sentence: 'The cat sat down' });
  assert.equal(state.scenes.one, undefined, 'back to defaults removes the entry');
});

test('text that looks like HTML or JSON survives the round trip as plain text', () => {
  const s = createState(steps);
  const nasty = '<img src=x onerror=alert(1)> & "quotes" #hash &amp; ?q=1';
  setSceneInputs(s, steps[0], { sentence: nasty });
  assert.equal(fromHash(toHash(s), steps).state.scenes.one.sentence, nasty);
});

test('broken links open at a sensible place and say why, never throw', () => {
  let r = fromHash('#step=nope', steps);
  assert.equal(r.state.step, 'one');
  assert.match(r.problems[0], /does not have/);
  r = fromHash('#step=two&one=%7Bnot-json', steps);
  assert.equal(r.state.step, 'two');
  assert.match(r.problems[0], /could not be read/);
  r = fromHash('#one=' + encodeURIComponent(JSON.stringify({ heads: 'many', sentence: 5, x: [3, 4], extra: 1 })), steps);
  assert.deepEqual(r.state.scenes.one, { x: [3, 4] }, 'wrong types and unknown keys are dropped');
  r = fromHash('#one=' + encodeURIComponent('[1,2]'), steps);
  assert.equal(r.state.scenes.one, undefined);
  assert.deepEqual(fromHash('', steps).problems, []);
  assert.deepEqual(fromHash(undefined, steps).state.step, 'one');
});

test('a link from a newer or older lesson: settings for a step this one lacks are named and ignored, the rest kept', () => {
  // e.g. a newer lesson's language-model step, and a step this lesson once had
  const hash = `#step=two&lm-page=${encodeURIComponent(JSON.stringify({ sentence: 'the cat' }))}&one=${encodeURIComponent(JSON.stringify({ heads: 3 }))}&retired-step=%7B%7D&utm=1`;
  const r = fromHash(hash, steps);
  assert.equal(r.state.step, 'two');
  assert.deepEqual(r.state.scenes, { one: { heads: 3 } }, 'the known step keeps its setting');
  assert.deepEqual(r.problems, [
    'The link has settings for a step called "lm-page", which this lesson does not have, so they were ignored.',
    'The link has settings for a step called "retired-step", which this lesson does not have, so they were ignored.',
  ], 'a parameter that is not in the settings form (utm=1) is nobody\'s business');
  // a step of a newer lesson opens this one at the start, with its sentence
  assert.match(fromHash('#step=lm-page', steps).problems[0], /a step called "lm-page", which this lesson does not have, so it opens at the start/);
});

// Problems name what the learner sees, never the stored form: word positions count from 1 and −1
// is "the last word"; the predicted share's choices are their labels; an empty box is "empty".
test('problems in words use the learner\'s terms, not internal values', async () => {
  const { SCENES: all } = await import('../../web/src/steps/index.js');
  const say = (id, patch) => setSceneInputs(createState(all), all.find((s) => s.id === id), patch).join(' ');
  assert.equal(say('why-attention', { at: 99 }), 'The chain position goes from word 1 to word 64 (or the last word), so word 100 became word 64.');
  const range = say('softmax', { range: 'x' });
  assert.match(range, /under 40%, 40% to 60%/);
  assert.doesNotMatch(range, /lt40|gt95/);
  assert.equal(say('scaling', { seed: '' }), 'The random seed is empty in this change, so it stays at 1.');
});
