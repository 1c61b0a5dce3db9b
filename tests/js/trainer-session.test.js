// The training session the Worker and the main-thread fallback share (web/src/training/
// training-session.js): play / pause / step / reset / speed / learning rate / probe messages,
// its snapshots, and its errors, driven here with a manual scheduler (one slice per call).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from 'attention-lesson';
import { createTrainingSession } from '../../web/src/training/training-session.js';
import { createTrainingRunner } from '../../web/src/training/runner.js';

// `clock` (ms) is the session's now(); it stands still unless a test moves it, so a slice's time
// budget never runs out by accident on a busy machine.
async function session() {
  const engine = await createEngine({ training: true });
  const posted = [];
  const slices = [];
  const delays = [];
  const clock = { ms: 0 };
  const s = createTrainingSession(engine, (m) => posted.push(m), { schedule: (fn, ms) => { slices.push(fn); delays.push(ms); }, now: () => clock.ms });
  const runSlice = () => slices.shift()?.();
  const updates = () => posted.filter((m) => m.type === 'update');
  return { s, posted, slices, runSlice, updates, delays, clock };
}

test('create, step, play, pause, reset: snapshots with steps, loss, accuracy and the probe', async () => {
  const { s, posted, slices, runSlice, updates, delays } = await session();
  s.handle({ type: 'create', settings: { task: 'tired-wide', seed: 4 } });
  assert.equal(posted[0].type, 'created');
  assert.equal(posted[0].task.id, 'tired-wide');
  let u = updates().at(-1);
  assert.equal(u.steps, 0);
  assert.equal(u.loss, null);
  assert.ok(u.accuracy >= 0 && u.accuracy <= 1);
  assert.deepEqual(u.probe.tokens, "the animal didn't cross the street because it was too tired".split(' '));
  s.handle({ type: 'step', count: 3 });
  u = updates().at(-1);
  assert.equal(u.steps, 3);
  assert.ok(u.loss > 0);
  s.handle({ type: 'speed', stepsPerSlice: 10 });
  s.handle({ type: 'play' });
  assert.equal(slices.length, 1);
  for (let i = 0; i < 20 && slices.length; i++) runSlice();
  u = updates().at(-1);
  assert.equal(u.steps, 3 + 20 * 10, 'speed 10: ten steps per slice');
  // one slice per frame: each next slice is asked for a frame (1/60 s) after this one began
  assert.ok(delays.slice(1).every((ms) => ms > 16 && ms < 17), `delays ${delays.slice(1, 4)}`);
  assert.equal(u.playing, true);
  assert.ok(u.accuracy >= 0.95, `trained to ${u.accuracy}`);
  assert.equal(u.probe.prediction.label, 'animal');
  assert.ok(u.probe.weightOnAnswer > 0.5, `weight on "animal": ${u.probe.weightOnAnswer}`);
  s.handle({ type: 'pause' });
  runSlice(); // a slice queued before the pause does nothing
  const paused = updates().at(-1).steps;
  assert.equal(updates().at(-1).playing, false);
  assert.equal(slices.length, 0);
  s.handle({ type: 'reset' });
  assert.equal(updates().at(-1).steps, 0);
  assert.ok(paused > 0);
});

test('probe, learning-rate and settings errors are posted as messages, training goes on', async () => {
  const { s, posted, updates } = await session();
  s.handle({ type: 'create', settings: { task: 'tired-wide', heads: 3 } });
  assert.deepEqual(posted.at(-1), { type: 'error', message: 'heads must be 1, 2 or 4, but it is 3.', fatal: true });
  s.handle({ type: 'create', settings: { task: 'it-two-layers', seed: 21, learningRate: 0.005 } });
  s.handle({ type: 'probe', sentence: 'the unicorn was too tired' });
  assert.match(updates().at(-1).probe.error, /not in the task's vocabulary: "unicorn"/);
  s.handle({ type: 'learningRate', value: -2 });
  assert.match(posted.at(-1).message, /learningRate must be greater than 0/);
  s.handle({ type: 'probe', sentence: 'the cat didn\'t cross the road because it was too tired' });
  s.handle({ type: 'step', count: 2 });
  const u = updates().at(-1);
  assert.equal(u.steps, 2);
  assert.equal(u.probe.layers.length, 2);
  assert.equal(u.probe.error, null);
  s.handle({ type: 'teleport' });
  assert.match(posted.at(-1).message, /Unknown training message "teleport"/);
});

test('a diverging learning rate stops playing with the message; reset recovers', async () => {
  const { s, posted, slices, runSlice, updates } = await session();
  s.handle({ type: 'create', settings: { task: 'tired-wide', learningRate: 1000, seed: 2 } });
  s.handle({ type: 'play' });
  for (let i = 0; i < 50 && slices.length; i++) runSlice();
  const err = posted.find((m) => m.type === 'error');
  assert.ok(err, 'an error was posted');
  assert.match(err.message, /Training stopped at step \d+/);
  assert.equal(slices.length, 0, 'no more slices after the stop');
  s.handle({ type: 'play' });
  assert.match(posted.at(-1).message, /Training stopped/);
  s.handle({ type: 'learningRate', value: 0.01 });
  s.handle({ type: 'reset' });
  s.handle({ type: 'step', count: 5 });
  assert.equal(updates().at(-1).steps, 5);
});

test('the runner falls back to the main thread when no Worker can start', async () => {
  const engine = await createEngine();
  const messages = [];
  const runner = await createTrainingRunner({ engine, workerUrl: null, onMessage: (m) => messages.push(m) });
  assert.equal(runner.mode, 'main-thread');
  runner.send({ type: 'create', settings: { task: 'copy-previous' } });
  runner.send({ type: 'step', count: 4 });
  assert.equal(messages.filter((m) => m.type === 'update').at(-1).steps, 4);
  runner.dispose();
});

test('speed is steps per frame; Infinity ("max") trains until the slice\'s 12 ms are used', async () => {
  const { s, slices, runSlice, updates, clock } = await session();
  s.handle({ type: 'create', settings: { task: 'tired-wide', seed: 4 } });
  s.handle({ type: 'speed', stepsPerSlice: 1 });
  s.handle({ type: 'play' });
  for (let i = 0; i < 5; i++) runSlice();
  assert.equal(updates().at(-1).steps, 5, 'speed 1: one step per slice');
  s.handle({ type: 'speed', stepsPerSlice: Infinity });
  // the clock moves 4 ms per read: the slice starts at t, trains while now() < t + 12
  const read = { n: 0 };
  Object.defineProperty(clock, 'ms', { get: () => 4 * read.n++ });
  const before = updates().at(-1).steps;
  runSlice();
  const trained = updates().at(-1).steps - before;
  assert.ok(trained >= 1 && trained <= 10, `max speed trained ${trained} steps in one 12 ms slice of a slow clock`);
  s.handle({ type: 'pause' });
  assert.ok(slices.length <= 1);
});
