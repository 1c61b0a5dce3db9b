// The heatmap's stage-transition values: eased, exact at both ends, masked cells never blended.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { easeInOut, tweenValues } from '../../web/src/views/tween.js';

test('easing starts at 0, ends at 1, passes 0.5 at the middle and never overshoots', () => {
  assert.equal(easeInOut(0), 0);
  assert.equal(easeInOut(1), 1);
  assert.equal(easeInOut(0.5), 0.5);
  for (let t = 0; t <= 1; t += 0.05) assert.ok(easeInOut(t) >= 0 && easeInOut(t) <= 1);
});

test('tweened values: from at t=0, to at t=1, halfway at t=0.5, masked cells jump', () => {
  const from = [0, 2, -Infinity, 1];
  const to = [1, -2, 0.5, -Infinity];
  assert.deepEqual(Array.from(tweenValues(from, to, 0)), [0, 2, 0.5, -Infinity]);
  assert.deepEqual(Array.from(tweenValues(from, to, 1)), [1, -2, 0.5, -Infinity]);
  assert.deepEqual(Array.from(tweenValues(from, to, 0.5)), [0.5, 0, 0.5, -Infinity]);
  assert.deepEqual(Array.from(tweenValues(from, to, 7)), [1, -2, 0.5, -Infinity], 't is clamped');
});
