// toy-model.test.js — the seeded weights of the sentence scenes: layerWeights gives the same
// numbers for the same sizes and seed, makes each set once and shares it (frozen, so a scene
// cannot swap a matrix out), and keeps only a bounded number of sets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layerWeights, randomMatrix } from '../../web/src/model/toy-model.js';

test('layerWeights: the seeded matrices of their sizes, made once and shared', () => {
  const w = layerWeights(8, 2, 7);
  assert.deepEqual(w.wq, randomMatrix(8, 8, 29));
  assert.deepEqual(w.wo, randomMatrix(8, 8, 32));
  assert.equal(w.wq.length, 64);
  assert.equal(layerWeights(8, 2, 7), w, 'the same set, not a copy');
  assert.ok(Object.isFrozen(w));
  assert.throws(() => { 'use strict'; w.wq = new Float32Array(64); }, TypeError);
  const other = layerWeights(8, 2, 8);
  assert.notEqual(other, w);
  assert.notDeepEqual(other.wq, w.wq);
  assert.notEqual(layerWeights(8, 1, 7), w, 'another head count is another set');
});

test('layerWeights keeps a bounded number of sets; a dropped one is made again with the same numbers', () => {
  const first = layerWeights(4, 1, 1000);
  const copy = { wq: Float32Array.from(first.wq), wo: Float32Array.from(first.wo) };
  for (let s = 1001; s < 1040; s++) layerWeights(4, 1, s);
  const again = layerWeights(4, 1, 1000);
  assert.notEqual(again, first, 'the oldest set was dropped');
  assert.deepEqual(again.wq, copy.wq);
  assert.deepEqual(again.wo, copy.wo);
});
