// The n-gram baseline of docs/LANGUAGE-MODEL.md (scripts/lm/ngram-baseline.mjs): its interpolated
// Kneser-Ney probabilities are a distribution over the vocabulary after any context, seen or not,
// and equal a value worked out by hand on a two-sentence corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countNgrams, probability } from '../../scripts/lm/ngram-baseline.mjs';

test('a bigram value by hand: two sentences "2 3" and "2 4", discount 0.5, five tokens', () => {
  const levels = countNgrams([[2, 3], [2, 4]], 2);
  // continuation counts: 2 follows one context (<s>), 3 and 4 one each (2), <s> two (3 and 4)
  assert.deepEqual(levels[0].get(''), { total: 5, types: 4, words: new Map([[2, 1], [3, 1], [4, 1], [0, 2]]) });
  // P(3 | 2) = max(1 − ½, 0) / 2 + ½ · 2/2 · P_uni(3); P_uni(3) = ½ / 5 + ½ · 4/5 · 1/5 = 0.18
  assert.ok(Math.abs(probability(levels, [2], 3, 5, 0.5) - 0.34) < 1e-12);
});

test('after any context, seen or unseen, the probabilities over the vocabulary add up to 1', () => {
  const sentences = [[2, 3, 4], [2, 3, 5], [6, 3, 4, 4], [5, 1, 2]];
  for (const order of [2, 3, 4]) {
    const levels = countNgrams(sentences, order);
    for (const ctx of [[0, 0, 0], [0, 0, 2], [2, 3, 4], [9, 9, 9], [4, 4, 4], [1, 1, 1]]) {
      const c = ctx.slice(3 - (order - 1));
      let sum = 0;
      for (let w = 0; w < 10; w++) sum += probability(levels, c, w, 10, 0.75);
      assert.ok(Math.abs(sum - 1) < 1e-12, `order ${order}, after [${c}]: ${sum}`);
    }
  }
});
