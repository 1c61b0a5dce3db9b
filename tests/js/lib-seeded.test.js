// lib/seeded.js, the lesson's one string hash and one seeded generator: FNV-1a gives the published
// 32-bit test vectors, and mulberry32 gives the same numbers as the tests' own independent copy
// (reference.js randomArray), seed for seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fnv1a, mulberry32 } from '../../web/src/lib/seeded.js';
import { randomArray } from './reference.js';

test('FNV-1a (32 bit) of "", "a" and "foobar" is 0x811c9dc5, 0xe40c292c and 0xbf9cf968', () => {
  assert.equal(fnv1a(''), 0x811c9dc5);
  assert.equal(fnv1a('a'), 0xe40c292c);
  assert.equal(fnv1a('foobar'), 0xbf9cf968);
});

test('mulberry32 draws the same uniform numbers as the reference copy, in [0, 1)', () => {
  for (const seed of [1, 7, 2654435761, 0xffffffff]) {
    const next = mulberry32(seed);
    const ref = randomArray(50, seed); // uniform u as 2u − 1, in float32
    for (let i = 0; i < ref.length; i++) {
      const u = next();
      assert.ok(u >= 0 && u < 1);
      assert.equal(Math.fround(u * 2 - 1), ref[i], `seed ${seed}, draw ${i}`);
    }
  }
});
